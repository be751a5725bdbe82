l=[1,2,3,4]
it = reversed(l); next(it); l.clear(); print(list(it))
l=[1,2,3,4]
it = iter(l); next(it); l.clear(); print(list(it))
