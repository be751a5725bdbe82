# Ranges at the edges of 64-bit integers: slicing (whose bounds are the
# range's values at the slice's bounds), reversal, length and equality,
# and slice steps of -2**63 on lists and strings.

big = 2**63
r = range(-2**62, 2**62, 2**61)
print(r, len(r), list(r))
print(r[::3], r[::-1], r[1:], r[-1], r[::2][::-1])
print(range(10)[::-1], range(10)[2:8:3], range(0, -10, -3)[::-1], range(10)[100:], range(10)[-100:2])
print(range(-big, -big + 5)[::2], list(range(big - 3, big - 1)), range(big - 10, big - 1, 4)[-1])
print(list(reversed(range(-big, -big + 3))), list(reversed(range(big - 1, -big, -2**62))))
print(list(reversed(range(5, 0, -2))), list(reversed(range(0))), next(reversed(range(10**18))))
print(type(reversed(range(3))).__name__, type(iter(range(3))).__name__)
print(range(-big, big - 1) == range(-big, big - 2), range(0, 3) == range(0, 3, 1), range(0) == range(5, 2))
print(range(0, 10, 3) == range(0, 11, 3), hash(range(0, 10, 3)) == hash(range(0, 11, 3)))
try:
    len(range(-big, big - 1))
except OverflowError as e:
    print("OverflowError", e)
r = range(-big, big - 1, 2**62)
print(len(r), r[0], r[-1], list(r))
print([1, 2, 3][::-big], [1, 2, 3][::-big + 1], "abc"[::-big], (1, 2, 3)[::-big], [1, 2, 3][-big:big])
print(sum(range(big - 5, big - 1)), max(range(-big, -big + 3)), min(range(big - 3, big - 1)))
print(list(range(big - 3, big - 1, 5)), list(range(-big + 3, -big, -5)), range(0, big - 1, 3)[-1])
