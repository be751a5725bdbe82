a=[]
for i in range(3000000): a=[a]
del a
print("ok")
