# round() and abs() in a small invoicing program: banker's rounding of exact
# halves (round(0.5) == 0, round(1.5) == 2), round() with positive and
# negative ndigits for ints (which stay ints) and floats (which stay floats),
# the binary-representation surprise round(2.675, 2) == 2.67, abs() of ints,
# floats, negative zero, booleans and big ints, and a custom __abs__/__round__.

print("-- halves go to even --")
halves = [-3.5, -2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 3.5, 4.5]
print([round(h) for h in halves])
print([type(round(h)).__name__ for h in halves[:2]])
print([round(h, 0) for h in halves])

print("-- ndigits on floats --")
for value in [2.675, 2.665, 1.005, 0.125, 0.375, 3.14159, -1.2345, 1234.5678]:
    print(f"{value!r:>10}: {round(value, 2)!r:>8} {round(value, 1)!r:>8} {round(value, -1)!r:>8} {round(value, -3)!r:>8}")

print("-- ndigits on ints --")
for value in [1234, 1250, 1350, -1250, 15, 25, -35, 987654321]:
    print(f"{value:>10}: {round(value, -1):>10} {round(value, -2):>10} {round(value, 2):>10}")
print(type(round(1250, -2)).__name__, round(5, 0), round(10 ** 20 + 5 * 10 ** 18, -19))

print("-- invoice with rounding per line --")
items = [("coffee", 3, 2.35), ("bagel", 2, 1.125), ("juice", 1, 3.995), ("tip", 1, 0.5)]
total = 0
for name, qty, price in items:
    line = round(qty * price, 2)
    total += line
    print(f"{name:<8}{qty:>3} x {price:<6} = {line:>7}")
print(f"{'total':<8}{round(total, 2):>24}")
print("cents:", round(total * 100), "whole:", round(total), "tens:", round(total, -1))

print("-- abs --")
print(abs(-7), abs(7), abs(-7.25), abs(-0.0), abs(float("-inf")), abs(True), abs(False))
print(abs(-(2 ** 100)), abs(-10 ** 20) == 10 ** 20, type(abs(-3)).__name__, type(abs(-3.0)).__name__)
readings = [12, -40, 7, -3, 25, -25]
print(sorted(readings, key=abs), max(readings, key=abs), min(readings, key=abs))
print(sum(abs(r) for r in readings), [abs(a - b) for a, b in zip(readings, readings[1:])])


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __abs__(self):
        return Money(abs(self.cents))

    def __round__(self, ndigits=None):
        if ndigits is None:
            return round(self.cents / 100)
        return Money(round(self.cents, ndigits))

    def __repr__(self):
        sign = "-" if self.cents < 0 else ""
        return f"{sign}${abs(self.cents) // 100}.{abs(self.cents) % 100:02d}"


debt = Money(-12345)
print(debt, abs(debt), round(debt), round(debt, -2), round(Money(250)), round(Money(350)))

try:
    round("3.7")
except TypeError as e:
    print("TypeError:", e)
try:
    abs("x")
except TypeError as e:
    print("TypeError:", e)
try:
    round(1.5, 1.0)
except TypeError as e:
    print("TypeError:", e)
