import collections
q=collections.deque([1,2,3])
for v in q: q.append(v)
