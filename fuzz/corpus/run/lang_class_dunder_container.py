# A user-defined container (a fixed-size ring buffer) and friends driving
# the protocols builtins rely on: __len__ and __bool__ (and __len__ used for
# truth when __bool__ is missing), __contains__, __getitem__/__setitem__/
# __delitem__ with ints, negative ints and slices, __iter__ (and iteration
# falling back to __getitem__ until IndexError), __call__, __repr__ versus
# __str__ in print, str(), repr() and containers, and the TypeErrors when a
# protocol is missing.


class Ring:
    def __init__(self, capacity):
        self.capacity = capacity
        self.items = []

    def push(self, value):
        self.items.append(value)
        if len(self.items) > self.capacity:
            self.items.pop(0)
        return self

    def __len__(self):
        return len(self.items)

    def __contains__(self, value):
        print(f"  (__contains__ {value!r})")
        return value in self.items

    def __getitem__(self, index):
        if isinstance(index, slice):
            return Ring(self.capacity).extend(self.items[index])
        return self.items[index]

    def __setitem__(self, index, value):
        self.items[index] = value

    def __delitem__(self, index):
        del self.items[index]

    def extend(self, values):
        for v in values:
            self.push(v)
        return self

    def __iter__(self):
        return iter(self.items)

    def __call__(self, value):
        return self.push(value)

    def __repr__(self):
        return f"Ring({self.capacity}, {self.items!r})"

    def __str__(self):
        return "<" + " ".join(map(str, self.items)) + ">"


r = Ring(3)
print("-- emptiness --")
print(len(r), bool(r), "empty" if not r else "full")
r.push(1).push(2)
r(3)(4)
print(len(r), bool(r), r, repr(r), str(r), [r], f"{r} {r!r}")

print("-- indexing --")
print(r[0], r[-1], r[1:], r[::-1], type(r[:1]).__name__)
r[0] = "two"
r[-1] *= 10
del r[1]
print(r)
try:
    r[5]
except IndexError as e:
    print("IndexError:", e)

print("-- membership and iteration --")
print("two" in r, 99 in r, 40 not in r)
print(list(r), sorted(r, key=str), [x for x in r], max(Ring(5).extend([3, 9, 2])), dict(enumerate(r)))
a, b = r
print(a, b)


class Squares:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError(i)
        return i * i


class Truthy:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


class AlwaysFalse:
    def __bool__(self):
        return False

    def __len__(self):
        return 10


print("-- fallbacks --")
print(list(Squares()), 16 in Squares(), 5 in Squares(), [x + 1 for x in Squares()])
print(bool(Truthy(0)), bool(Truthy(2)), bool(AlwaysFalse()), len(AlwaysFalse()), "yes" if Truthy(1) else "no")
print(Truthy(3) and "and-result", AlwaysFalse() or "or-result")

print("-- missing protocols --")


class Plain:
    pass


class BadLen:
    def __len__(self):
        return -1


class BadBool:
    def __bool__(self):
        return 1


checks = [
    lambda: len(Plain()),
    lambda: Plain()[0],
    lambda: Plain()(),
    lambda: iter(Plain()),
    lambda: 3 in Plain(),
    lambda: len(BadLen()),
    lambda: bool(BadBool()),
]
for check in checks:
    try:
        check()
    except (TypeError, ValueError) as e:
        print(f"{type(e).__name__}: {e}")
print(bool(Plain()), str(Plain()).startswith("<__main__.Plain object at "))
