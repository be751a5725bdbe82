l=[1,2,3,4]
for x in reversed(l):
    l.clear()
    print(x)
