# A list changed by the Python code a list operation calls back into: an
# index's __index__ that clears the list before the subscript is applied,
# an __eq__ that empties it in the middle of remove/index/count, and
# reversed() over a list that shrinks or grows while it is iterated.


class Clearing:
    """An index that empties `target` when it is converted."""

    def __init__(self, target, value):
        self.target = target
        self.value = value

    def __index__(self):
        self.target.clear()
        return self.value


def attempt(label, action):
    try:
        print(label, "->", action())
    except Exception as e:
        print(label, "->", type(e).__name__, e)


def fresh():
    return [10, 20, 30, 40]


items = fresh()
attempt("get", lambda: items[Clearing(items, 1)])
items = fresh()
attempt("get slice", lambda: items[Clearing(items, 0):Clearing(items, 3)])
items = fresh()
attempt("pop", lambda: items.pop(Clearing(items, 0)))
items = fresh()
attempt("insert", lambda: (items.insert(Clearing(items, 2), "x"), items))


def set_item(lst, index, value):
    lst[index] = value
    return lst


def del_item(lst, index):
    del lst[index]
    return lst


items = fresh()
attempt("set", lambda: set_item(items, Clearing(items, 1), 99))
items = fresh()
attempt("set slice", lambda: set_item(items, slice(Clearing(items, 0), 2), [7, 8, 9]))
items = fresh()
attempt("del", lambda: del_item(items, Clearing(items, 1)))
items = fresh()
attempt("del slice", lambda: del_item(items, slice(None, Clearing(items, 2))))
items = fresh()
attempt("repeat", lambda: items * Clearing(items, 2))


class EmptiesOnCompare:
    """Equal (or not) to everything, after emptying `target`."""

    def __init__(self, target, answer):
        self.target = target
        self.answer = answer

    def __eq__(self, other):
        self.target.clear()
        return self.answer

    def __repr__(self):
        return f"EmptiesOnCompare({self.answer})"


for answer in (True, False):
    items = [1, 2, 3]
    attempt(f"remove {answer}", lambda: (items.remove(EmptiesOnCompare(items, answer)), items))
    items = [1, 2, 3]
    attempt(f"index {answer}", lambda: items.index(EmptiesOnCompare(items, answer)))
    items = [1, 2, 3]
    attempt(f"count {answer}", lambda: (items.count(EmptiesOnCompare(items, answer)), items))
    items = [1, 2, 3]
    attempt(f"in {answer}", lambda: EmptiesOnCompare(items, answer) in items)

items = [1, 2, 3, 4, 5]
it = reversed(items)
print(next(it), next(it))
items.pop()
items.pop()
print("after shrinking:", list(it))
items = [1, 2, 3]
it = reversed(items)
items.append(4)
print("after growing:", list(it))
items = [1, 2, 3, 4]
for x in reversed(items):
    print("saw", x)
    if x == 3:
        del items[1:]
print(items)
