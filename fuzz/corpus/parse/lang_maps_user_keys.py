# User-defined keys: __hash__ and __eq__ are called exactly when CPython
# calls them (stored hashes are reused when copying or merging), and keys
# that compare equal across types collapse.


class Key:
    hashes = 0
    compares = 0

    def __init__(self, name, bucket):
        self.name = name
        self.bucket = bucket

    def __hash__(self):
        Key.hashes += 1
        return self.bucket

    def __eq__(self, other):
        Key.compares += 1
        return isinstance(other, Key) and self.name == other.name

    def __repr__(self):
        return f"Key({self.name!r})"


def counted(label, thunk):
    Key.hashes = Key.compares = 0
    result = thunk()
    print(f"{label:<26} hashes={Key.hashes} compares={Key.compares} -> {result!r}")
    return result


a, b, c = Key("a", 1), Key("b", 1), Key("c", 2)
s = counted("set of three", lambda: set([a, b, c]))
counted("copy", lambda: s.copy())
counted("set(s)", lambda: set(s))
counted("union with list", lambda: s.union([Key("d", 3)]))
counted("s | s", lambda: s | s)
counted("s & {b}", lambda: s & set([b]))
counted("intersection list", lambda: s.intersection([Key("a", 1)]))
counted("difference", lambda: s - set([c]))
counted("in (equal, new)", lambda: Key("b", 1) in s)
counted("in (identical)", lambda: b in s)
counted("issubset", lambda: set([a]) <= s)
d = counted("fromkeys", lambda: dict.fromkeys([a, b, c], 0))
counted("d.get(equal)", lambda: d.get(Key("c", 2)))
counted("d.copy()", lambda: d.copy())
counted("set(d)", lambda: set(d))
counted("d.keys() & [b]", lambda: d.keys() & [b])
e = {}
counted("e.update(d)", lambda: e.update(d))
counted("e.setdefault(a)", lambda: e.setdefault(a, 9))
counted("e.pop(Key('c'))", lambda: e.pop(Key("c", 2)))
print(e)

print("-- equal across types --")
mixed = set([1, 1.0, True])
print(mixed, len(mixed), set([True, 1, 1.0]), set([0, False, 0.0, -0.0]))
print({1: "int", 1.0: "float", True: "bool"}, dict.fromkeys([2, 2.0]))
print(set([1, 2]) & set([1.0, 2.0, 3.0]), set([1.0, 2.0, 3.0]) & set([1, 2]))
print(set([1, 2]) | set([1.0, 2.0, 3.0]), set([1.0]).union([1]), set([(1, 2)]) & set([(1.0, 2.0)]))
fs = frozenset([1, 2])
print(set([fs]) == set([frozenset([2.0, 1.0])]), {fs: 1}.get(frozenset([1, 2])))


class Fragile:
    def __hash__(self):
        return 7

    def __eq__(self, other):
        raise ValueError("cannot compare")


f1, f2 = Fragile(), Fragile()
bag = set([f1])
for label, thunk in [
    ("add colliding", lambda: bag.add(f2)),
    ("in colliding", lambda: f2 in bag),
    ("discard colliding", lambda: bag.discard(f2)),
    ("dict colliding", lambda: {f1: 1}.get(f2)),
]:
    try:
        thunk()
    except ValueError as e:
        print(label, "ValueError:", e)
print(len(bag), f1 in bag, bag == set([f1]))


class Unhashable:
    __hash__ = None


for label, thunk in [
    ("set add", lambda: set().add(Unhashable())),
    ("dict key", lambda: {}.setdefault(Unhashable())),
    ("fromkeys", lambda: dict.fromkeys([Unhashable()])),
    ("in set", lambda: Unhashable() in set([1])),
]:
    try:
        thunk()
    except TypeError as e:
        print(label, "TypeError:", e)
