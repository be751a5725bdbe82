# Operator methods of built-in types can be called and passed around.
print("abc".__len__(), [1].__add__([2]), (5).__add__(1))
d = {}
d.__setitem__("k", 1)
print(d, [1, 2].__repr__(), "x".__repr__(), (1.5).__str__())
print((5).__add__(1.5), (1.5).__add__(5), (5).__radd__(2), (2).__rsub__(10))
print((7).__floordiv__(2), (7).__mod__(3), (2).__pow__(10), (7).__truediv__(2))
print((6).__and__(3), (6).__or__(3), (6).__xor__(3), (1).__lshift__(4), (5).__invert__())
print((3).__neg__(), (-3).__abs__(), (0).__bool__(), (2.5).__neg__(), True.__add__(True))
print("ab".__mul__(3), "ab".__rmul__(2), [0].__mul__(2), (1, 2).__add__((3,)))
print((3).__mul__("ab"), "%s-%s".__mod__((1, 2)))
for bad in (lambda: "ab".__add__(1), lambda: [1].__add__((2,)), lambda: "ab".__mul__("x")):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
print((5).__eq__(5), (5).__eq__(5.0), (5.0).__eq__(5), (5).__lt__(7), "a".__lt__("b"))
print([1, 2].__eq__([1, 2]), [1].__eq__((1,)), {"a": 1}.__eq__({"a": 1}))
print([1, 2, 3].__contains__(2), "hello".__contains__("ell"), {"a": 1}.__contains__("b"))
print([10, 20, 30].__getitem__(1), "hey".__getitem__(-1), {"k": "v"}.__getitem__("k"))
xs = [1, 2, 3]
xs.__setitem__(0, 100)
xs.__delitem__(1)
print(xs, list(xs.__iter__()), xs.__len__(), range(10).__len__())
print({1, 2}.__or__({3}), {1, 2}.__and__({2}), {1, 2}.__sub__({1}), {1}.__xor__({2}))
print(hash("abc") == "abc".__hash__(), (1, 2).__hash__() == hash((1, 2)), (7).__hash__())
print(list(map(int.__mul__, [1, 2], [3, 4])), list(map(str.__len__, ["a", "bb"])))
print(sorted(["b", "A", "c"], key=str.__len__), int.__add__(2, 3), list.__len__([1, 2]))
print(str.__getitem__("xyz", 0), dict.__getitem__({1: 2}, 1), tuple.__len__((1, 2, 3)))
print(float.__mul__(2.0, 3), int.__sub__(10, 3), str.__add__("a", "b"))
try:
    {}.__getitem__("missing")
except KeyError as e:
    print("KeyError:", e)
try:
    (5).__add__()
except TypeError as e:
    print("TypeError:", e)


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __radd__(self, other):
        return Money(other + self.cents)

    def __add__(self, other):
        return Money(self.cents + other.cents)

    def __repr__(self):
        return f"Money({self.cents})"


print((5).__add__(Money(1)), 5 + Money(1), sum([Money(1), Money(2)], 0))

