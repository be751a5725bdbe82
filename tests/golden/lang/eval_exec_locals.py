# locals(), dir() and vars() without arguments see the calling frame;
# eval/exec run source text in the caller's namespace or given dicts.
x = 10
def f(a):
    b = a * 2
    def g():
        return b
    print(sorted(locals()))
    print(eval("a + b + x"))
    exec("c = 5")
    return g
f(1)
print(eval("x * 2"), eval("  x"))
exec("def h(n):\n    return n + x\nprint(h(1))")
print(h(2))
ns = {"k": 3}
exec("m = k * 2", ns)
print(sorted(ns), ns["m"])
print(eval("k + 1", {"k": 41}))
print(eval("q", {}, {"q": 7}))
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError", e)
try:
    eval("x = 1")
except SyntaxError as e:
    print("SyntaxError", e)
try:
    eval("undefined_name")
except NameError as e:
    print("NameError", e)
class C:
    y = 1
    print(sorted(locals()))
print(vars() is not None, "x" in dir())
print(type(locals()).__name__)
e = eval
print(e("x + 1"))
try:
    eval(5)
except TypeError as err:
    print(err)
