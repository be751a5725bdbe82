a=()
for i in range(200000): a=(a,)
print(hash(a) is not None)
