a=[]
for i in range(200000): a=[a]
print(len(str(a)))
