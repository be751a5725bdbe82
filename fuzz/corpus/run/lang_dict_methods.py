# Dict methods in an inventory program: get with and without default,
# setdefault (returning the existing value), pop with default and the
# KeyError without one, popitem (LIFO) until empty, update from a dict, from
# pairs and from keywords, fromkeys (and its shared-value pitfall), copy
# (shallow), clear, keys/values/items, `in` testing keys only, and the
# KeyError message for various key types.

inventory = {"apple": 10, "banana": 0, "cherry": 25}

print("-- get / setdefault --")
print(inventory.get("apple"), inventory.get("durian"), inventory.get("durian", -1), inventory.get("banana", 99))
print(inventory.setdefault("apple", 500), inventory.setdefault("durian", 3), inventory.setdefault("elder"))
print(inventory)

print("-- grouping with setdefault --")
words = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]
groups = {}
for w in words:
    groups.setdefault(w[0], []).append(w)
print(groups)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, max(counts, key=counts.get))

print("-- pop / popitem --")
print(inventory.pop("elder"), inventory.pop("zzz", "missing"), inventory.pop("banana"))
try:
    inventory.pop("zzz")
except KeyError as e:
    print("KeyError:", e)
print(inventory)
stack = {"first": 1, "second": 2, "third": 3}
while stack:
    print("popitem ->", stack.popitem())
try:
    stack.popitem()
except KeyError as e:
    print("KeyError:", e)

print("-- update --")
prices = {"apple": 0.5}
prices.update({"banana": 0.25, "apple": 0.55})
prices.update([("cherry", 3.0), ("date", 2.0)])
prices.update(elder=1.5, apple=0.6)
prices.update()
print(prices)
try:
    prices.update([("bad",)])
except ValueError as e:
    print("ValueError:", e)

print("-- fromkeys --")
print(dict.fromkeys(["a", "b", "c"]), dict.fromkeys("xyz", 0), dict.fromkeys(range(3), "n/a"))
shared = dict.fromkeys(["mon", "tue"], [])
shared["mon"].append("gym")
print("shared list pitfall:", shared)
fixed = {day: [] for day in ["mon", "tue"]}
fixed["mon"].append("gym")
print("comprehension:", fixed)

print("-- copy / clear --")
original = {"name": "cfg", "tags": ["a"]}
clone = original.copy()
clone["name"] = "changed"
clone["tags"].append("b")
print(original, clone)
alias = original
original.clear()
print(alias, clone, len(alias))

print("-- keys, values, items, in --")
menu = {"tea": 2.5, "coffee": 3.0, "cake": 4.25}
print(list(menu.keys()), list(menu.values()), list(menu.items()))
print("tea" in menu, 2.5 in menu, 2.5 in menu.values(), ("cake", 4.25) in menu.items(), len(menu))
for item, price in menu.items():
    print(f"{item:.<10}{price:>6.2f}")
print(sum(menu.values()), sorted(menu, key=menu.get, reverse=True), dict(sorted(menu.items())))

print("-- KeyError messages --")
for key in ["missing", 42, (1, 2), None, 3.5, ""]:
    try:
        menu[key]
    except KeyError as e:
        print(f"KeyError: {e} | repr {e!r} | args {e.args}")
try:
    menu[["list"]]
except TypeError as e:
    print("TypeError:", e)
