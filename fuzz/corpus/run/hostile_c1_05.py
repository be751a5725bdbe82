l=list(range(10))
l.sort(key=lambda x: l.clear() or x)
print(l)
