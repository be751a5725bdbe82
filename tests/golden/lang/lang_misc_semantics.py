# Rich comparisons returning non-bools, set mutation during iteration,
# positional-only arguments passed by keyword.
class Expr:
    def __init__(self, name):
        self.name = name

    def __eq__(self, other):
        return f"({self.name} == {other!r})"

    def __lt__(self, other):
        return [self.name, "<", other]


print(Expr("x") == 5)
print(5 == Expr("y"))
print(Expr("a") < 3)
print(1 < 2 < Expr("z") if False else "skip")
r = 0 < 1 and Expr("q") == "s"
print(r)
print((Expr("c") == 1) if Expr("c") == 1 else "falsy")
print(Expr("n") != 2)
print(3 > Expr("w"))

s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print("RuntimeError:", e)
print(len(s) > 3)
s = {1, 2, 3}
for x in s:
    s.discard(x)
    s.add(x)
print(sorted(s))
try:
    for x in s:
        s.discard(x)
except RuntimeError as e:
    print("RuntimeError:", e)
fs = frozenset({1, 2})
print(sorted(x for x in fs))


def f(a, b, /, c):
    return a + b + c


for call in (lambda: f(a=1, b=2, c=3), lambda: f(1, b=2, c=3), lambda: f(1, 2, c=3)):
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)
