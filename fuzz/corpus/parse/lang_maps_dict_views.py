# dict views: live, sized, iterable, reversible, set-like for keys and items.


def attempt(label, thunk):
    try:
        result = thunk()
    except Exception as e:
        print(f"{label:<28} {type(e).__name__}: {e}")
    else:
        print(f"{label:<28} {result!r}")


scores = {"ann": 3, "bob": 5}
keys, values, items = scores.keys(), scores.values(), scores.items()
print(keys, values, items)
print(type(keys).__name__, type(values).__name__, type(items).__name__)

print("-- live --")
scores["cid"] = 5
print(keys, len(keys), len(values), len(items))
del scores["ann"]
print(list(keys), list(values), list(items))
scores.clear()
print(keys, values, items, bool(keys), len(items))
scores.update(ann=1, bob=2, cid=3)
print(items)

print("-- iteration --")
for k in keys:
    print("key", k)
for k, v in items:
    print("item", k, v)
print(list(reversed(keys)), list(reversed(values)), list(reversed(items)))
it = iter(values)
print(next(it), next(it), list(it))
print(sorted(values, reverse=True), sum(values), max(items))
print(dict(items) == scores, dict(zip(values, keys)))
try:
    for k in keys:
        scores[k + "!"] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
for k in list(keys):
    if k[-1] == "!":
        del scores[k]
print(scores)

print("-- membership --")
print("ann" in keys, "zed" in keys, 2 in values, 9 in values)
print(("ann", 1) in items, ("ann", 2) in items, ("zed", 1) in items)
print(["ann", 1] in items, ("ann",) in items, "ann" in items)
attempt("unhashable in keys", lambda: [] in keys)
attempt("unhashable in items", lambda: ([], 1) in items)
attempt("unhashable in values", lambda: [] in values)

print("-- comparison --")
other = {"cid": 30, "bob": 20, "ann": 10}
print(keys == other.keys(), items == other.items(), values == other.values())
print(keys == {"ann", "bob", "cid"}, {"ann", "bob", "cid"} == keys, keys != {"ann"})
print(keys == ["ann", "bob", "cid"], keys == frozenset(["ann", "bob", "cid"]))
print(items == {("ann", 1), ("bob", 2), ("cid", 3)}, values == values)
print(keys < {"ann", "bob", "cid", "dan"}, keys <= other.keys(), keys > {"ann"}, keys >= {"zed"})
print({"ann"} < keys, {"ann", "zed"} <= keys)
attempt("keys < list", lambda: keys < ["ann"])
attempt("values < values", lambda: values < values)

print("-- set operations --")
a = {1: "a", 2: "b", 3: "c"}
b = {2: "B", 3: "c", 4: "d"}
print(a.keys() & b.keys(), a.keys() | b.keys(), a.keys() - b.keys(), a.keys() ^ b.keys())
print(a.items() & b.items(), a.items() - b.items())
print(a.items() ^ b.items())
print(a.keys() & [3, 4, 5], [3, 4, 5] & a.keys(), a.keys() & {3, 4, 5}, {3, 4, 5} & a.keys())
print(a.keys() | [9], [9] | a.keys(), a.keys() - range(2), range(2, 9) - a.keys())
print({1, 2} ^ a.keys(), a.keys() ^ (5, 1), "ab" ^ {"a": 1}.keys())
print(type(a.keys() & a.keys()).__name__, type(frozenset([1]) | a.keys()).__name__)
attempt("keys & int", lambda: a.keys() & 5)
attempt("int | keys", lambda: 5 | a.keys())
attempt("values & set", lambda: a.values() & {1})
attempt("keys & unhashable", lambda: a.keys() & [[1]])

print("-- isdisjoint --")
print(a.keys().isdisjoint(b.keys()), a.keys().isdisjoint([7, 8]), a.keys().isdisjoint({3}))
print(a.items().isdisjoint([(1, "a")]), a.items().isdisjoint(b.items()))
empty = {}.keys()
print(empty.isdisjoint(empty), a.keys().isdisjoint(a.keys()))
attempt("isdisjoint no args", lambda: a.keys().isdisjoint())
attempt("isdisjoint int", lambda: a.keys().isdisjoint(3))

print("-- hashing and repr --")
attempt("hash(keys)", lambda: hash(a.keys()))
attempt("hash(items)", lambda: hash(a.items()))
attempt("set of values views", lambda: len({a.values(), a.values()}))
nested = {"inner": {"x": [1, 2]}, "t": (1,)}
print(nested.items(), nested.values())
loop = {}
loop["self"] = loop.values()
print(loop, loop["self"])
print(str(a.keys()), repr(a.items()), f"{a.values()}")
