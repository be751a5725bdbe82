# Methods and attributes of int, bool and float.


def attempt(label, thunk):
    try:
        result = thunk()
    except Exception as e:
        print(f"{label:<30} {type(e).__name__}: {e}")
    else:
        print(f"{label:<30} {result!r}")


print("-- int --")
for n in [0, 1, 5, -5, 255, -256, 2 ** 64, -(2 ** 100) + 1, True, False]:
    print(n, n.bit_length(), n.bit_count(), n.conjugate(), n.as_integer_ratio(),
          n.real, n.imag, n.numerator, n.denominator, n.__index__())
print(type(True.real).__name__, type(True.numerator).__name__, type(False.conjugate()).__name__)
print((10).__int__(), (7).__float__(), (-7).__trunc__(), (7).__floor__(), (7).__ceil__())
print(sum(n.bit_count() for n in range(64)), [(1 << k).bit_length() for k in range(0, 70, 10)])
attempt("is_integer on int", lambda: (1).is_integer())
attempt("bit_length arg", lambda: (1).bit_length(2))
attempt("conjugate keyword", lambda: (1).conjugate(x=1))
attempt("int.bit_length()", lambda: int.bit_length())
attempt("int.bit_count(1.5)", lambda: int.bit_count(1.5))
attempt("float huge int", lambda: (10 ** 400).__float__())

print("-- float --")
for x in [0.0, -0.0, 1.0, 0.5, -0.75, 3.25, 1e300, 5e-324, 2.2250738585072014e-308, 0.1, 123.456, 1e-320, 2.0 ** 52, 1e22]:
    print(repr(x), x.is_integer(), x.as_integer_ratio(), x.hex(), x.real, x.imag, x.conjugate())
for x in [float("inf"), float("-inf"), float("nan")]:
    print(x, x.is_integer(), x.hex(), x.real, x.imag)
    attempt("  as_integer_ratio", lambda: x.as_integer_ratio())
    attempt("  __trunc__", lambda: x.__trunc__())
print((2.5).__int__(), (-2.5).__trunc__(), (-2.5).__floor__(), (-2.5).__ceil__(), (1e20).__int__(), (7.0).__float__())
n, d = (0.1).as_integer_ratio()
print(n / d == 0.1, n, d)
attempt("float.hex(1)", lambda: float.hex(1))
attempt("hex arg", lambda: (1.5).hex(1))
attempt("float.is_integer()", lambda: float.is_integer())

print("-- float.fromhex --")
texts = ["0x1.0000000000000p+0", "0x1p-1074", "0x1p-1075", "0x3p-1076", "0x1.8p-1074",
         "inf", "-Infinity", " nan ", "\t0x1.8p1\n", "0x1.fffffffffffff7p1023", "1", "a.b",
         ".8", "8.", "-0x1.8p+1", "0X1P+1", "  -0x0.0p+0", "+0x10", "0x1.000000000000080p0",
         "0x1.000000000000081p0", "0x1.000000000000180p0", "0x0.0000000000000cp-1022",
         "0x1.999999999999ap-4", "0x1p-99999999999999999999", "00x1", "0x.8", "ffffp-16"]
for t in texts:
    attempt(repr(t), lambda: float.fromhex(t))
for t in ["0x1.fffffffffffff8p1023", "0x1p1024", "0x1p99999999999999999999"]:
    attempt(repr(t), lambda: float.fromhex(t))
for t in ["1p", "a.b.c", ".", "0x", "0x.p1", "1_0", "infinit", "0x1.0p1 x", "", "0xg", "p1", "--1"]:
    attempt(repr(t), lambda: float.fromhex(t))
attempt("fromhex(1)", lambda: float.fromhex(1))
attempt("fromhex()", lambda: float.fromhex())
print((1.5).fromhex("0x1p1"), float.fromhex((3.75).hex()))
roundtrip = [0.1, -2.5e-310, 1.7976931348623157e308, 12345.678, -0.0]
print(all(float.fromhex(v.hex()) == v for v in roundtrip), [float.fromhex(v.hex()) for v in roundtrip])
