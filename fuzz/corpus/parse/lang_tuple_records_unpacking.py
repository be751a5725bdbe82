# Tuples as lightweight records: the one-element tuple comma, tuple() of
# iterables, count/index, lexicographic comparison used by sorted/min/max,
# tuples as dict keys, hash() equality for equal tuples of ints, nested and
# starred unpacking in assignments and for loops, swapping, immutability
# errors (but mutable contents), and concatenation/repetition.

print("-- construction --")
empty, single, not_tuple = (), (5,), (5)
pair = 1, 2
print(empty, single, not_tuple, pair, type(single).__name__, type(not_tuple).__name__)
print(tuple("abc"), tuple([1, 2]), tuple(range(3)), tuple({"k": 1, "j": 2}), tuple(x * 2 for x in (1, 2)))
print(len(()), len((None,)), (1, 2) + (3,), (0,) * 3, ("a", "b") * 0, 2 * (1,))
t = 1, "two", 3.0, None, [5]
print(t, t[1], t[-1], t[1:3], t[::-2])

print("-- count / index --")
votes = ("yes", "no", "yes", "abstain", "yes", "no")
print(votes.count("yes"), votes.count("maybe"), votes.index("no"), votes.index("no", 2), votes.index("yes", -2))
try:
    votes.index("maybe")
except ValueError as e:
    print("ValueError:", e)

print("-- comparison and sorting --")
versions = [(1, 10, 0), (1, 2, 3), (1, 2), (0, 99, 99), (1, 2, 3, 0), (2,)]
print(sorted(versions))
print(max(versions), min(versions), (1, 2) < (1, 2, 0), (2,) > (1, 99), (1, "a") < (1, "b"), () < (0,))
print((1, 2) == (1, 2), (1, 2) == [1, 2], (1, 2.0) == (1, 2), (0, 1) != (0, 1))
try:
    (1, "a") < (1, 2)
except TypeError as e:
    print("TypeError:", e)

print("-- tuples as keys and hashes --")
board = {(0, 0): "X", (1, 1): "O", (2, 2): "X"}
board[(0, 2)] = "O"
for row in range(3):
    print(" ".join(board.get((row, col), ".") for col in range(3)))
print(hash((1, 2)) == hash((1, 2)), hash((1, 2)) == hash((1.0, 2.0)), (1, 2) in board, (2, 2) in board)
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
try:
    {([1], 2): "x"}
except TypeError as e:
    print("TypeError:", e)

print("-- unpacking --")
point = (3, 4)
x, y = point
a, *rest = range(5)
*init, last = "hello"
first, *middle, final = [1] + [2, 3, 4] + [5]
(p, q), r = (1, 2), 3
head, *_ = ("only",)
print(x, y, a, rest, init, last, first, middle, final, p, q, r, head, _)
x, y = y, x
print(x, y)
for i, (name, (lo, hi)) in enumerate([("temp", (10, 25)), ("rain", (0, 5))]):
    print(i, name, hi - lo)


def two(v):
    a, b = v
    return a, b


def three(v):
    a, b, c = v
    return a, b, c


def ends(v):
    a, *b, c = v
    return a, b, c


for unpack, value in [(two, (1, 2, 3)), (three, (1, 2)), (ends, [1]), (two, 5), (ends, "ab"), (two, "xy")]:
    try:
        print(f"{unpack.__name__}({value!r}) -> {unpack(value)}")
    except (ValueError, TypeError) as e:
        print(f"{unpack.__name__}({value!r}) {type(e).__name__}: {e}")

print("-- immutability --")
frozen = (1, [2, 3])
try:
    frozen[0] = 10
except TypeError as e:
    print("TypeError:", e)
frozen[1].append(4)
print(frozen)
try:
    frozen[1] += [5]
except TypeError as e:
    print("TypeError:", e)
print(frozen, "the list still grew")
