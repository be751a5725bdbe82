# Arbitrary-precision integers: factorials and powers far past 64 bits, digit
# sums via str(), bitwise operators on big and negative numbers (two's
# complement semantics with infinite sign extension), int.bit_length,
# int(text, base) including base 0 and underscores, and hex/oct/bin output
# for negative and huge values.


def factorial(n):
    result = 1
    for k in range(2, n + 1):
        result *= k
    return result


print("-- factorials --")
for n in [0, 1, 20, 21, 25, 50]:
    f = factorial(n)
    print(f"{n}! = {f} ({len(str(f))} digits)")
f100 = factorial(100)
print("100! digit sum:", sum(int(d) for d in str(f100)))
print("100! trailing zeros:", len(str(f100)) - len(str(f100).rstrip("0")))

print("-- powers of two --")
p = 2 ** 200
print(p)
print(p.bit_length(), (p - 1).bit_length(), (-p).bit_length())
print(p // 2 ** 190, p % 1000007, -p // 3)
print(2 ** 64 - 1 == 18446744073709551615, 2 ** 63 * 2 == 2 ** 64)
print((2 ** 100 + 1) * (2 ** 100 - 1) == 2 ** 200 - 1)

print("-- bit_length --")
for n in [0, 1, 2, 3, 255, 256, -1, -128, -129, 10 ** 18]:
    print(f"{n}.bit_length() = {n.bit_length()}")

print("-- bitwise on big and negative --")
mask = (1 << 80) - 1
x = 0xDEADBEEF_CAFEBABE_1234
print(hex(x & mask), hex(x | (1 << 90)), hex(x ^ mask))
print(~x, hex(~x), -x - 1 == ~x)
print(-1 & 0xFF, -256 & 0xFFFF, -1 ^ 0xF0, -12 | 3, ~0, ~-1)
print((-x) & 0xFFFF, (-x) >> 70, (-x) >> 200, x >> 200)
print(1 << 100 >> 99, (1 << 100) | 1, bin((1 << 70) + 5))

print("-- popcount by hand --")
for n in [0, 7, 255, 2 ** 100 - 1, 0xAAAA_AAAA]:
    print(n, bin(n).count("1"))

print("-- int() with bases --")
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0))
print(int("777", 8), int("z", 36), int("ZZ", 36), int("-101", 2), int("  42  "), int("1_000_000"))
print(int("+7"), int("-0"), int("10", 3), int("0", 0), int("1" * 40, 2))
print(int("123456789012345678901234567890") * 3)
for bad, base in [("12a", 10), ("2", 2), ("0x", 16), ("", 10), ("1__0", 10), ("08", 0)]:
    try:
        int(bad, base)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("5", 1)
except ValueError as e:
    print("ValueError:", e)

print("-- hex / oct / bin --")
for n in [0, 1, 10, -10, 255, -256, 2 ** 70, -(2 ** 65) + 3]:
    print(f"{n}: {hex(n)} {oct(n)} {bin(n)}")
print(int(hex(2 ** 99), 16) == 2 ** 99, int(bin(-37), 2), int(oct(-8), 8))

print("-- comparisons across sizes --")
nums = [2 ** 64, -(2 ** 64), 2 ** 63, 0, -1, 10 ** 19, 9_223_372_036_854_775_807]
print(sorted(nums))
print(max(nums) - min(nums), sum(nums))
print(2 ** 64 == 2.0 ** 64, 2 ** 53 + 1 == float(2 ** 53 + 1), 10 ** 20 > 1e19)
