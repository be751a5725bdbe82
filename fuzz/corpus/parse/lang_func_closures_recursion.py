# Closures, lambdas and recursion: late binding of loop variables in
# lambdas (and the default-argument fix), closures sharing one cell,
# function factories, lambdas as sort keys and in dispatch tables,
# higher-order helpers (compose, apply n times), recursion on nested data
# (flatten, depth, permutations, Hanoi), mutual recursion, and catching a
# RecursionError from runaway recursion.

print("-- late binding --")
late = [lambda: i for i in range(3)]
bound = [lambda i=i: i for i in range(3)]
print([f() for f in late], [f() for f in bound])
multipliers = []
for factor in (2, 3):
    multipliers.append(lambda x: x * factor)
print([m(10) for m in multipliers])


def make_accumulators():
    total = []

    def add(x):
        total.append(x)
        return sum(total)

    def size():
        return len(total)

    return add, size


add, size = make_accumulators()
print(add(5), add(7), size(), add.__name__, size.__qualname__)


def power_factory(exp):
    def power(base):
        return base ** exp
    power.__name__ = f"power_{exp}"
    return power


square, cube = power_factory(2), power_factory(3)
print(square(7), cube(3), square.__name__, cube.__qualname__)

print("-- lambdas --")
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "max": max}
for sym in ops:
    print(f"  8 {sym} 3 = {ops[sym](8, 3)}")
compose = lambda f, g: lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5), (lambda: "immediate")(), (lambda *a, **k: (a, k))(1, x=2))
print((lambda x: x).__name__, sorted(["b3", "a10", "c1"], key=lambda s: int(s[1:])))


def apply_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x


print(apply_n(lambda v: v * 2, 10, 1), apply_n(str.upper, 1, "shout"), apply_n(lambda s: s + "!", 3, "hey"))

print("-- recursion --")


def flatten(items):
    out = []
    for item in items:
        if isinstance(item, (list, tuple)):
            out.extend(flatten(item))
        else:
            out.append(item)
    return out


def depth(item):
    if not isinstance(item, list):
        return 0
    return 1 + max((depth(x) for x in item), default=0)


def permutations(seq):
    if len(seq) <= 1:
        return [seq]
    return [seq[i] + rest for i in range(len(seq)) for rest in permutations(seq[:i] + seq[i + 1:])]


def hanoi(n, src, dst, via, moves):
    if n:
        hanoi(n - 1, src, via, dst, moves)
        moves.append(f"{src}->{dst}")
        hanoi(n - 1, via, dst, src, moves)
    return moves


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


nested = [1, [2, [3, [4, (5, 6)]]], [], [[7]]]
print(flatten(nested), depth(nested), depth([]), depth(5))
print(permutations("abc"), len(permutations("abcde")))
print(hanoi(3, "A", "C", "B", []), len(hanoi(10, "A", "C", "B", [])))
print(is_even(10), is_odd(7), is_even(7))


def runaway(n):
    return runaway(n + 1)


try:
    runaway(0)
except RecursionError as e:
    print("RecursionError:", e)
print("still running after recursion error:", flatten([[1], [2]]))
