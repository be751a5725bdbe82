# Builtins that consume or produce sequences, on a small gradebook:
# sorted() with key/reverse (and on strings, tuples, dicts), reversed() on
# lists, ranges and strings (and its error on a set), enumerate() with
# start=, zip() of unequal lengths and zip(strict=True) errors, min()/max()
# with key=, default= and several arguments, sum() with a start value, and
# range() arithmetic (len, negative steps, indexing, membership).

students = ["ivy", "bo", "kai", "ann", "lee"]
grades = [88, 92, 75, 92, 60]

print("-- enumerate / zip --")
for rank, (name, grade) in enumerate(sorted(zip(students, grades), key=lambda p: -p[1]), start=1):
    print(f"{rank}. {name:<4}{grade}")
print(list(enumerate("abc", 10)), list(enumerate([], start=5)), list(enumerate("xy", start=-1)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1, 2])), list(zip(*[(1, "a"), (2, "b")])))
print(dict(zip(students, grades)))
try:
    list(zip([1, 2, 3], "ab", strict=True))
except ValueError as e:
    print("ValueError:", e)
try:
    list(zip([1], "abc", strict=True))
except ValueError as e:
    print("ValueError:", e)
try:
    list(zip([1], [2], "abc", strict=True))
except ValueError as e:
    print("ValueError:", e)
print(list(zip("ab", [1, 2], strict=True)))

print("-- sorted / reversed --")
print(sorted(grades), sorted(grades, reverse=True), sorted("hello"), sorted((3, 1, 2)))
print(sorted({"b": 1, "a": 2}), sorted(students, key=len), sorted(students, key=lambda s: (len(s), s), reverse=True))
print(list(reversed(students)), list(reversed(range(1, 10, 3))), "".join(reversed("stone")))
print(list(reversed([])), sorted([]), sorted([[2, 1], [1, 5], [1, 2]]))
r = reversed([1, 2, 3])
print(next(r), list(r), list(r))
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError:", e)

print("-- min / max --")
print(min(grades), max(grades), min(3, 1, 2), max("apple", "pear", "fig"), max("apple", "pear", "fig", key=len))
print(min(students, key=len), max(students, key=lambda s: s[-1]), max([], default="none"), min((), default=0))
print(max([3, 7, 7, 1], key=lambda v: v % 5), min([(1, "b"), (1, "a")]), max(enumerate(grades), key=lambda p: p[1]))
for bad in [lambda: max([]), lambda: min(), lambda: max(1), lambda: max(1, 2, default=0)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(f"{type(e).__name__}: {e}")

print("-- sum --")
print(sum(grades), sum(grades) / len(grades), sum([0.5, 0.25], 10), sum(range(101)), sum([], 7))
print(sum([[1], [2, 3], []], []), sum(((1, 2), (3,)), ()), sum(x * x for x in range(5)), sum([True, True, False]))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
try:
    sum(["a", "b"])
except TypeError as e:
    print("TypeError:", e)

print("-- range --")
r = range(10, 0, -3)
print(r, list(r), len(r), r[0], r[-1], r[1:3], 4 in r, 7 in r, r.index(4), r.count(1))
print(range(5) == range(0, 5, 1), range(0) == range(2, 2), len(range(-5)), list(range(0, -10, -4)))
print(range(0, 10 ** 20, 7)[10 ** 18], 7 * 10 ** 18 in range(0, 10 ** 20, 7), 10 ** 18 in range(0, 10 ** 20, 7))
try:
    range(1, 5, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    range(3)[3]
except IndexError as e:
    print("IndexError:", e)
