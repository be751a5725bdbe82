# collections.deque: both ends, bounds, rotation, search and errors.
from collections import deque

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], 3 in d, 9 in d)
print(d.pop(), d.popleft(), d)
d.extend("ab")
d.extendleft([7, 8])
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.remove("a")
print(d, d.count(2), d.index(2))
d.insert(1, "x")
d[0] = "first"
del d[-1]
print(d, list(reversed(d)))
d.reverse()
print(d, bool(d), bool(deque()))
b = deque(range(10), maxlen=3)
print(b, b.maxlen)
b.append(10)
b.appendleft(-1)
print(b, b == deque([-1, 8, 9]), b == deque([-1, 8, 9], maxlen=5))
c = b.copy()
c.clear()
print(c, b, deque().maxlen)
for item in deque("xyz"):
    print(item, end=" ")
print()
for bad in (lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1]).remove(2),
            lambda: deque([1])[5], lambda: deque([], -1)):
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
