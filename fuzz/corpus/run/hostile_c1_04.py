l=[K(i) for i in range(10)]
l.sort()
print(len(l))
