# Iterating a deque reads it in place: changes to items are seen, a change
# of size or order stops the iteration with CPython's RuntimeError.
from collections import deque

d = deque([1, 2, 3, 4])
print(list(d), list(reversed(d)), sum(x for x in d), 3 in d)
for x in d:
    if x == 2:
        d[3] = 40
    print(x, end=" ")
print()
for name, change in [("append", lambda: d.append(5)), ("popleft", d.popleft),
                     ("rotate", lambda: d.rotate(1)), ("clear", d.clear)]:
    d = deque([1, 2, 3])
    it = iter(d)
    print(name, next(it), end=" ")
    change()
    try:
        next(it)
    except RuntimeError as e:
        print(e)
d = deque([1, 2, 3])
it = iter(d)
print(list(it), list(it))
it = iter(d)
next(it); next(it); next(it)
d.append(9)
try:
    next(it)
except RuntimeError as e:
    print("after the end:", e)
d = deque([1, 2, 3])
r = reversed(d)
print(next(r), next(r))
d.reverse()
print("reverse keeps it going:", next(r))
d = deque()
try:
    d.pop()
except IndexError as e:
    print(e)
it = iter(d)
print(list(it))
big = deque(range(100000))
print(sum(1 for _ in big), max(big))
