# Floats at the edges: repr switching to exponent form, negative zero
# surviving arithmetic and comparing equal to 0.0, infinities and nan in
# arithmetic, comparisons, min/max and sorting, float() parsing of special
# spellings, float.is_integer, int() truncation of floats (and its errors on
# inf/nan), and int/float mixing in comparisons and sums.

inf = float("inf")
nan = float("nan")

print("-- repr boundaries --")
for v in [1e15, 9999999999999998.0, 1e16, 1.5e16, 1e22, 1e23, 0.0001, 0.00001, 1.25e-5,
          123.456, 5e-324, 1.7976931348623157e308, 2.0 ** 0.5 * 2.0 ** 0.5, 1 / 7, 100.0 / 3]:
    print(repr(v), str(v), f"{v}")

print("-- negative zero --")
nz = -0.0
print(nz, nz == 0.0, nz < 0, -nz, 0.0 * -1, -0.0 + 0.0, -0.0 - 0.0, abs(nz))
print(repr(-0.0 * 5), round(-0.4), round(-0.4, 1), int(-0.9), -1e-400)
print([0.0, -0.0], sorted([0.0, -0.0, -0.0]), max(-0.0, 0.0), min(0.0, -0.0))

print("-- infinities --")
print(inf, -inf, inf + 1, inf * -2, inf - inf, inf * 0, 1 / inf, -1 / inf)
print(inf > 10 ** 400, -inf < -(10 ** 400), inf == inf, inf == float("infinity"))
print(1e308 * 10, -1e308 * 10, 2.0 ** 1023 * 2 == inf)
print(float("-Infinity"), float("INF"), float("+inf"), float("nAn"), float(" 1_000.5 "))
try:
    2.0 ** 5000
except OverflowError as e:
    print("OverflowError:", e)
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)

print("-- nan --")
print(nan, -nan, nan + 1, nan * 0, inf - inf)
print(nan == nan, nan != nan, nan < 1, nan > 1, nan <= nan, nan is nan)
values = [3.0, nan, 1.0]
print(nan in [nan], nan in [float("nan")], values.count(nan), values.index(nan))
print(max(1.0, nan), max(nan, 1.0), min(nan, 5.0))
print(float("nan") == float("nan"), [x for x in [1.0, nan, 2.0] if x == x])

print("-- is_integer --")
for v in [2.0, 2.5, -3.0, 0.0, -0.0, 1e20, 1e-20, inf, nan, 0.1 * 10]:
    print(f"{v!r:>8}.is_integer() -> {v.is_integer()}")

print("-- int() of floats --")
for v in [3.99, -3.99, 0.5, -0.5, 1e20, 123456789.999, 2.0 ** 70, -1e-9]:
    print(f"int({v!r}) = {int(v)}")
for bad in [inf, -inf, nan]:
    try:
        int(bad)
    except (OverflowError, ValueError) as e:
        print(type(bad).__name__, bad, "->", type(e).__name__ + ":", e)
try:
    float("1.2.3")
except ValueError as e:
    print("ValueError:", e)
try:
    float("")
except ValueError as e:
    print("ValueError:", e)

print("-- mixing int and float --")
print(1 == 1.0, 2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53 + 1, 2 ** 53 + 1 > 2.0 ** 53)
print(10 ** 16 + 1 > 1e16, 10 ** 16 + 1 == 1e16, 3 < 3.5 < 4, -1 < -0.5 < 0)
print(sum([1, 2.5, 3]), sum([0.1] * 3), sum([1, 2, 3], 0.0), 7 // 2.0, 7 % 2.5, -7 / 7)
print(type(3 * 1.0).__name__, type(6 / 3).__name__, type(6 // 3).__name__, type(2 ** -1).__name__)
print(True + 1.5, True * 3, False - 2, 1.0 * True)
