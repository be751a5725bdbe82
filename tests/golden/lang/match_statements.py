# match statements: literal, value, capture, wildcard, sequence, mapping,
# class, or and as patterns, guards, soft keywords, async bodies.
import asyncio
match = 5
case = [1]
print(match, case)
def match_(x): return x
print(match_(3))
class Color:
    RED = "red"
    GREEN = "green"
def f(v):
    match v:
        case Color.RED:
            return "is red"
        case -1:
            return "minus one"
        case 1.5 | 2.5:
            return "half"
        case "abc":
            return "the string"
        case True:
            return "true"
        case [1, [2, x], *_]:
            return f"nested {x}"
        case (a, b, *rest) if len(rest) > 1:
            return f"long {a} {b} {rest}"
        case [a, b]:
            return f"pair {a} {b}"
        case {"k": v2, **others}:
            return f"mapping {v2} {others}"
        case {}:
            return "any mapping"
        case float(x) | int(x) if x > 10:
            return f"big number {x}"
        case str() | tuple(()):
            return "some string"
        case [*_]:
            return "other sequence"
        case _:
            return "fallback"
for v in ["red", -1, 2.5, "abc", True, 1, [1, [2, 3], 4], (1, 2, 3, 4), [1, 2], {"k": 1, "j": 2}, {"z": 1}, 11, 11.5, "zz", [], range(2), None, 3]:
    print(repr(v), "->", f(v))
def g(a, b):
    match a, b:
        case 0, 0:
            return "origin"
        case (0, y) | (y, 0):
            return f"axis {y}"
        case x, y:
            return f"point {x} {y}"
print(g(0, 0), g(0, 3), g(4, 0), g(1, 2))
class P:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
match P(1, 2):
    case P(1, y=3):
        print("no")
    case P(x, y) as p:
        print("P", x, y, type(p).__name__)
match 7:
    case 1:
        print("one")
print("no case matched")
try:
    match P(1, 2):
        case P(1, 2, 3):
            pass
except TypeError as e:
    print("TypeError", e)
try:
    match 1:
        case int(1, 2):
            pass
except TypeError as e:
    print("TypeError", e)
async def main():
    match await asyncio.sleep(0, result=[1, 2]):
        case [x, y]:
            await asyncio.sleep(0)
            print("async", x, y)
asyncio.run(main())
x = "outer"
match {"a": 1}:
    case {"a": 2}:
        pass
    case {"a": x} if x > 5:
        pass
print("x after failed guard", x)
