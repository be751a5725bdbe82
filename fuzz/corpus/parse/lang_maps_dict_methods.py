# dict methods: every method, its return value and its errors.


def attempt(label, thunk):
    try:
        result = thunk()
    except Exception as e:
        print(f"{label:<32} {type(e).__name__}: {e}")
    else:
        print(f"{label:<32} {result!r}")


inventory = {"apple": 3, "pear": 0, "plum": 7}

print("-- get --")
attempt("get present", lambda: inventory.get("apple"))
attempt("get missing", lambda: inventory.get("kiwi"))
attempt("get default", lambda: inventory.get("kiwi", -1))
attempt("get falsy value", lambda: inventory.get("pear", 99))
attempt("get no args", lambda: inventory.get())
attempt("get three args", lambda: inventory.get(1, 2, 3))
attempt("get keyword", lambda: inventory.get("apple", default=1))
attempt("get unhashable", lambda: inventory.get(["apple"]))
attempt("get 1 vs 1.0 vs True", lambda: ({1: "one"}.get(1.0), {1: "one"}.get(True)))

print("-- setdefault --")
counts = {}
for word in ["the", "cat", "and", "the", "hat", "and", "the", "bat"]:
    counts.setdefault(word, 0)
    counts[word] += 1
print(counts)
groups = {}
for n in range(10):
    groups.setdefault(n % 3, []).append(n)
print(groups)
attempt("setdefault existing", lambda: counts.setdefault("the", 100))
attempt("setdefault no default", lambda: counts.setdefault("dog"))
print(counts)
attempt("setdefault no args", lambda: counts.setdefault())
attempt("setdefault unhashable", lambda: counts.setdefault({}, 1))

print("-- pop / popitem --")
d = dict(a=1, b=2, c=3, d=4)
attempt("pop b", lambda: d.pop("b"))
attempt("pop b again", lambda: d.pop("b"))
attempt("pop b default", lambda: d.pop("b", "gone"))
attempt("pop tuple key", lambda: d.pop((1, 2)))
attempt("pop no args", lambda: d.pop())
attempt("pop keyword", lambda: d.pop("a", default=0))
print(d)
attempt("popitem", lambda: d.popitem())
d["z"] = 26
attempt("popitem after insert", lambda: d.popitem())
attempt("popitem", lambda: d.popitem())
attempt("popitem", lambda: d.popitem())
attempt("popitem empty", lambda: d.popitem())
attempt("popitem arg", lambda: d.popitem(1))
stack = {i: i * i for i in range(5)}
drained = []
while stack:
    drained.append(stack.popitem())
print(drained)

print("-- update --")
base = {"host": "localhost", "port": 80}
base.update({"port": 8080, "debug": True})
print(base)
base.update([("user", "admin"), ("port", 9000)])
print(base)
base.update(timeout=30, host="example.org")
print(base)
base.update({"a": 1}, b=2)
print(base)
base.update()
base.update(zip("xy", range(2)))
print(base)
base.update(["k1", "k2"])
print(base)
attempt("update int", lambda: base.update(5))
attempt("update two args", lambda: base.update({}, {}))
attempt("update non-pairs", lambda: base.update([1, 2]))
attempt("update triple", lambda: base.update([("a", 1, 2)]))
attempt("update short", lambda: base.update([("x", 1), ("y",)]))
print(base["x"])


class Mapping:
    def keys(self):
        return ["one", "two"]

    def __getitem__(self, key):
        return len(key)


base.update(Mapping())
print(base["one"], base["two"])
same = {"q": 1}
same.update(same)
print(same)

print("-- copy / clear --")
original = {"list": [1, 2], "n": 1}
clone = original.copy()
clone["n"] = 2
clone["list"].append(3)
print(original, clone, clone is original)
alias = original
original.clear()
print(original, alias, clone)
attempt("copy arg", lambda: clone.copy(1))
attempt("clear arg", lambda: clone.clear(1))

print("-- fromkeys --")
print(dict.fromkeys("abca"))
print(dict.fromkeys(range(3), 0))
print(dict.fromkeys([]))
print({"x": 1}.fromkeys(["y"], "from instance"))
shared = dict.fromkeys(["a", "b"], [])
shared["a"].append(1)
print(shared)
attempt("fromkeys no args", lambda: dict.fromkeys())
attempt("fromkeys three args", lambda: dict.fromkeys("a", 1, 2))
attempt("fromkeys non-iterable", lambda: dict.fromkeys(3))
attempt("fromkeys unhashable", lambda: dict.fromkeys([[1]]))

print("-- keys / values / items --")
prices = {"tea": 2.5, "coffee": 3.0, "cake": 4.25}
print(list(prices.keys()), list(prices.values()), list(prices.items()))
print(sorted(prices.items(), key=lambda kv: kv[1]))
for name, price in prices.items():
    print(f"{name}: {price:.2f}")
total = sum(prices.values())
print(total, max(prices, key=prices.get), min(prices.values()))
attempt("keys arg", lambda: prices.keys(1))
attempt("items keyword", lambda: prices.items(x=1))

print("-- reversed / dunders --")
print(list(reversed(prices)), list(prices.__reversed__()))
print(prices.__contains__("tea"), prices.__getitem__("cake"), prices.__len__())
attempt("__getitem__ missing", lambda: prices.__getitem__("milk"))
print(list(prices.__iter__()))

print("-- unbound methods --")
print(dict.get(prices, "tea"), dict.keys(prices))
attempt("dict.keys()", lambda: dict.keys())
attempt("dict.keys(5)", lambda: dict.keys(5))
attempt("dict.get([])", lambda: dict.get([], 1))
attempt("dict.update(1)", lambda: dict.update(1))

print("-- merge operators --")
left = {"a": 1, "b": 2}
right = {"b": 20, "c": 30}
print(left | right, right | left)
left |= right
print(left)
left |= [("d", 4)]
print(left)
attempt("dict | list", lambda: left | [("e", 5)])
