# Operator overloading on a Money/Vector pair: __add__/__radd__ (so sum()
# works from 0), __iadd__ mutating in place versus __add__ building a new
# object, __mul__/__rmul__ with scalars, __neg__/__abs__, returning
# NotImplemented so Python tries the reflected method and finally raises
# TypeError, __eq__ with __hash__ for dict/set use, __lt__ alone being
# enough for sorted/min/max, the reflected __gt__ for `>`, and == falling
# back to identity when unimplemented.


class Money:
    def __init__(self, cents, currency="EUR"):
        self.cents = cents
        self.currency = currency

    def _check(self, other):
        if not isinstance(other, Money):
            return False
        if other.currency != self.currency:
            raise ValueError(f"cannot mix {self.currency} and {other.currency}")
        return True

    def __add__(self, other):
        if other == 0:
            return self
        if not self._check(other):
            return NotImplemented
        return Money(self.cents + other.cents, self.currency)

    def __radd__(self, other):
        print(f"  __radd__({other!r})")
        return self.__add__(other)

    def __mul__(self, factor):
        if not isinstance(factor, int):
            return NotImplemented
        return Money(self.cents * factor, self.currency)

    __rmul__ = __mul__

    def __neg__(self):
        return Money(-self.cents, self.currency)

    def __abs__(self):
        return Money(abs(self.cents), self.currency)

    def __eq__(self, other):
        if isinstance(other, Money):
            return (self.cents, self.currency) == (other.cents, other.currency)
        return NotImplemented

    def __hash__(self):
        return hash((self.cents, self.currency))

    def __lt__(self, other):
        self._check(other)
        return self.cents < other.cents

    def __repr__(self):
        return f"{self.cents / 100:.2f} {self.currency}"


print("-- arithmetic --")
a, b = Money(250), Money(1999)
print(a + b, b * 3, 2 * a, -a, abs(-b), a + 0)
print(sum([a, b, Money(1)]))
print(sum([], Money(0)), sum([a], Money(5)))
try:
    a + Money(100, "USD")
except ValueError as e:
    print("ValueError:", e)
for bad in [lambda: a + "1", lambda: a * 1.5, lambda: "x" * a, lambda: a - b]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)

print("-- comparison --")
wallet = [Money(500), Money(120), Money(999), Money(120)]
print(sorted(wallet), min(wallet), max(wallet))
print(a < b, b > a, a == Money(250), a != Money(250), a == 250, a != "x", a is Money(250))
try:
    a <= b
except TypeError as e:
    print("TypeError:", e)

print("-- hashing --")
prices = {Money(250): "coffee", Money(1999): "book"}
print(prices[Money(250)], Money(1999) in prices, len({Money(1), Money(1), Money(2)}))


class Vector:
    def __init__(self, *coords):
        self.coords = list(coords)

    def __add__(self, other):
        return Vector(*[x + y for x, y in zip(self.coords, other.coords)])

    def __iadd__(self, other):
        for i, y in enumerate(other.coords):
            self.coords[i] += y
        return self

    def dot(self, other):
        return sum(x * y for x, y in zip(self.coords, other.coords))

    def __repr__(self):
        return f"Vector{tuple(self.coords)}"


print("-- in-place --")
v = Vector(1, 2)
alias = v
v = v + Vector(10, 10)
print(v, alias, v is alias)
v = alias
v += Vector(5, 5)
print(v, alias, v is alias, v.dot(Vector(2, 3)))
m = Money(100)
m_alias = m
m += Money(1)
print(m, m_alias, m is m_alias)


class NoEq:
    pass


x, y = NoEq(), NoEq()
print(x == x, x == y, x != y, len({x, y, x}))
try:
    x < y
except TypeError as e:
    print("TypeError:", e)
