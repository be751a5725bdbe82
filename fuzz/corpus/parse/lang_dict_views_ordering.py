# Dict ordering and views: insertion order kept after updates, moved to the
# end only by delete-and-reinsert, views that stay live as the dict changes,
# set operations on keys() and items() views, comprehensions with filters,
# ** merging and the | / |= operators (right side wins, order of first
# appearance), equality ignoring order, keys that compare equal (1, 1.0,
# True), and RuntimeError when a dict changes size during iteration.

scores = {"ann": 3, "bob": 5, "cy": 1}
keys = scores.keys()
values = scores.values()
items = scores.items()
print(keys, values, items)

print("-- order after changes --")
scores["bob"] = 50
print(list(scores))
del scores["ann"]
scores["ann"] = 3
print(list(scores))
scores["dee"] = 0
scores.pop("bob")
scores["bob"] = 5
print(scores)
print("live views:", keys, len(values), list(items)[-1])
print(list(reversed(scores)), list(reversed(scores.values())), list(reversed(scores.items()))[0])

print("-- view set operations --")
a = {"x": 1, "y": 2, "z": 3}
b = {"y": 20, "z": 3, "w": 4}
print(sorted(a.keys() & b.keys()), sorted(a.keys() | b.keys()), sorted(a.keys() - b.keys()), sorted(a.keys() ^ b.keys()))
print(sorted(a.items() & b.items()), a.keys() == {"x", "y", "z"}, a.keys() <= {"x", "y", "z", "q"}, "x" in a.keys())
print(a.keys().isdisjoint({"q"}), len(a.items()), ("y", 2) in a.items(), ("y", 20) in a.items())

print("-- comprehensions --")
squares = {n: n * n for n in range(6)}
print(squares)
print({k: v for k, v in squares.items() if v % 2 == 0})
inverted = {v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()}
print(inverted)
print({w: len(w) for w in "the quick brown fox jumps".split() if len(w) > 3})
print({(r, c): r * c for r in range(1, 3) for c in range(1, 3)})

print("-- merging --")
defaults = {"host": "localhost", "port": 80, "debug": False}
overrides = {"port": 8080, "debug": True, "user": "admin"}
print({**defaults, **overrides})
print({**overrides, **defaults})
print(defaults | overrides)
print(overrides | defaults)
merged = dict(defaults)
merged |= {"port": 443}
merged |= [("tls", True)]
print(merged, defaults)
print(dict(defaults, port=1, extra="yes"), {**defaults, "port": 0, **{"z": 1}})
try:
    defaults | [("a", 1)]
except TypeError as e:
    print("TypeError:", e)

print("-- equality and equal keys --")
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, list({"a": 1, "b": 2}) == list({"b": 2, "a": 1}))
mixed = {1: "int"}
mixed[1.0] = "float"
mixed[True] = "bool"
print(mixed, len(mixed), {1: "a", True: "b", 1.0: "c"}, {0: "zero"}[False])

print("-- mutation during iteration --")
live = {"a": 1, "b": 2, "c": 3}
try:
    for k in live:
        if k == "a":
            live["d"] = 4
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    for k in live:
        del live[k]
except RuntimeError as e:
    print("RuntimeError:", e, live)
safe = {"a": 1, "b": 2, "c": 3}
for k in list(safe):
    if safe[k] % 2:
        del safe[k]
print(safe)
for k in safe:
    safe[k] = safe[k] * 100
print(safe)
