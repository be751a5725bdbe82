# Integer division of negatives rounds toward negative infinity: // and %
# agree with divmod for every sign combination, the remainder takes the sign
# of the divisor, three-argument pow handles negative bases and (since 3.8)
# negative exponents as modular inverses, and ValueError is raised when no
# inverse exists.


def clock_hour(start, delta):
    """Hours on a 12-hour clock face, 1..12, stepping forwards or backwards."""
    return (start - 1 + delta) % 12 + 1


print("-- sign table --")
pairs = [(17, 5), (-17, 5), (17, -5), (-17, -5), (5, 17), (-5, 17), (0, -3), (-1, 10**20)]
for a, b in pairs:
    q, r = divmod(a, b)
    assert q * b + r == a
    print(f"{a:>4} {b:>22}: // {a // b:>3}  % {a % b:>22}  divmod {divmod(a, b)}")

print("-- clock arithmetic --")
for start, delta in [(9, 5), (3, -5), (12, 1), (1, -1), (7, -31), (11, 100)]:
    print(f"{start:>2}:00 {delta:+4} h -> {clock_hour(start, delta)}:00")

print("-- big operands --")
big = 10**30 + 7
print(-big // 3, -big % 3)
print(big // -7, big % -7)
print(divmod(-big, 10**15))
print((-2**64) // 3, (-2**64) % 3)

print("-- shifting negatives --")
for n in [-1, -2, -7, -8, -9, -1024]:
    print(n, n >> 1, n >> 3, n << 2, n // 8)

print("-- pow with three arguments --")
print(pow(2, 10, 1000), pow(-2, 3, 5), pow(2, 3, -5), pow(-3, 3, -7))
print(pow(7, 0, 13), pow(0, 0, 7), pow(10, 20, 1))
print(pow(3, -1, 7), pow(3, -2, 7), pow(-3, -1, 7), pow(38, -1, 97))
for x in range(1, 11):
    inv = pow(x, -1, 11)
    print(f"{x}*{inv}%11={x * inv % 11}", end="  ")
print()
try:
    pow(4, -1, 8)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print("TypeError:", e)

print("-- negative exponents without modulus --")
print(2 ** -2, (-2) ** -3, pow(10, -3), pow(4, -0.5))
print(0 ** 0, 0.0 ** 0, (-1) ** 1001, (-1) ** 10**6)
try:
    0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

print("-- division by zero --")
cases = [
    ("7 // 0", lambda: 7 // 0),
    ("7 % 0", lambda: 7 % 0),
    ("divmod(7, 0)", lambda: divmod(7, 0)),
    ("7 / 0", lambda: 7 / 0),
    ("7.0 // 0", lambda: 7.0 // 0),
    ("7.5 % 0.0", lambda: 7.5 % 0.0),
    ("divmod(1.0, 0)", lambda: divmod(1.0, 0)),
    ("0 // 7", lambda: 0 // 7),
]
for label, compute in cases:
    try:
        print(f"{label:<15} = {compute()}")
    except ZeroDivisionError as e:
        print(f"{label:<15} ZeroDivisionError: {e}")
