a=[]
for i in range(200000): a=[a]
b=[]
for i in range(200000): b=[b]
print(a==b)
