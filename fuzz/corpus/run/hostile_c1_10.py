d={i:i for i in range(5)}
for k in d: del d[k]
