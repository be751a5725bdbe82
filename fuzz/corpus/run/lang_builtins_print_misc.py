# Assorted builtins: print() with sep, end, several args, no args, file=
# sys.stderr (which must not reach stdout) and sys.stdout.write return
# values; callable(); hash() of small ints, bools and tuples of ints (equal
# values hash equal); any()/all() short-circuiting on generators; format()
# with specs; repr() of nested containers, strings with quotes and special
# floats; bool() of values; type() names; and sorted() of mixed types.
import sys

print("-- print --")
print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", "c", sep=" -> ", end=" <end>\n")
print()
print("no newline", end="")
print(" ... continued")
print(*[1, 2, 3], sep=", ")
print(*"xyz")
print("to stderr, not stdout", file=sys.stderr)
print("multi\nline", 42, None, True, 3.0, [1, "a"], sep=" | ")
print("flush ok", flush=True)
print("sep None", "end None", sep=None, end=None)
written = sys.stdout.write("written directly\n")
print("write returned", written)
sys.stderr.write("also stderr\n")
sys.stdout.flush()
try:
    print("x", sep=5)
except TypeError as e:
    print("TypeError:", e)

print("-- callable --")


class Gadget:
    def __call__(self):
        return "called"

    def method(self):
        pass


print(callable(print), callable(len), callable(Gadget), callable(Gadget()), callable(Gadget().method))
print(callable(5), callable("str"), callable(None), callable(lambda: 0), callable(str.upper), callable([].append))

print("-- hash --")
print(hash(0), hash(1), hash(-5), hash(True), hash(False), hash(10 ** 6), hash(123456789))
print(hash((1, 2)) == hash((1, 2)), hash(1) == hash(1.0), hash(7) == hash(True + 6), hash(()) == hash(()))
print(hash(-1), hash(-2), hash(1.0), hash(0.0) == hash(-0.0), hash((1, 2)) == hash((2, 1)))

print("-- any / all short-circuit --")


def check(v):
    print(f"  checking {v}")
    return v


print(any(check(v) for v in [0, "", 3, 4]))
print(all(check(v) for v in [1, "x", 0, 5]))
print(any([]), all([]), any([0, None, ""]), all([1, [0], "0"]), any(x > 2 for x in range(3)))

print("-- format and repr --")
print(format(3.14159, ".2f"), format(42, "08b"), format(1234567, ","), format("hi", "^6"), format(0.5, "%"), repr(format(7)))
print(repr("it's"), repr('say "x"'), repr("both ' \""), repr(""), repr("\\"), repr(1e100), repr(-0.0), repr(float("inf")))
print(repr([1, (2,), {"k": [None, True]}, {3}, "s", 1.5]), repr(()), repr((1,)), repr({}), repr(set()), repr(range(3)))
print(str(None), str(True), str(1.0), str("x"), str([1, "x"]), repr(repr("x")))

print("-- bool and type names --")
values = [0, 1, -1, 0.0, 0.1, "", " ", [], [0], (), {}, {0: 0}, set(), None, range(0), range(1)]
print([bool(v) for v in values])
print([type(v).__name__ for v in values])
print(type(print).__name__, type(len).__name__, type(Gadget).__name__, type(type).__name__, type(Gadget().method).__name__)

print("-- sorted of mixed types --")
print(sorted([3, 1.5, True, 0, -2.5]), sorted([[2], [1, 5], []]), sorted(["b", "B", "a", "_"]))
for mixed in [[1, "1"], ["a", None], [(1,), [1]], [1, [1]], [{"a": 1}, {"b": 2}]]:
    try:
        print(sorted(mixed))
    except TypeError as e:
        print("TypeError:", e)
