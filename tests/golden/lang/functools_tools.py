import functools
from functools import partial, wraps, reduce, lru_cache, cache, total_ordering, cached_property, cmp_to_key


def power(base, exp, *, mod=None):
    r = base ** exp
    return r % mod if mod else r


square = partial(power, exp=2)
print(square(5), square(7, mod=10))
p = partial(power, 2)
print(p(10), p.func is power, p.args, p.keywords)
pp = partial(p, mod=7)
print(pp(5), pp.args, pp.keywords, pp.func is power)
print(repr(partial(max, 1, key=abs)))
print(partial(print, 'a', sep='-'))
try:
    partial(3)
except TypeError as e:
    print('TypeError:', e)
print(sorted(['bb', 'a', 'ccc'], key=partial(len)))
print(list(map(partial(int, base=2), ['101', '11'])))


def logged(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        """wrapper doc"""
        print(f'calling {func.__name__}{args}')
        return func(*args, **kwargs)
    return wrapper


@logged
def add(a, b):
    """Add two numbers."""
    return a + b


print(add(2, 3), add.__name__, add.__doc__, add.__wrapped__(1, 1))


def decorated_with_attr(f):
    f.marker = 'set'
    return f


@decorated_with_attr
def base():
    pass


def plain():
    pass


functools.update_wrapper(plain, base)
print(plain.__name__, plain.marker, plain.__wrapped__ is base)

print(reduce(lambda a, b: a * b, [1, 2, 3, 4, 5]))
print(reduce(lambda a, b: a + b, [], 100))
print(reduce(lambda acc, x: acc + [x * 2], range(4), []))
for bad in [lambda: reduce(lambda a, b: a, []), lambda: reduce(lambda a, b: a, 5), lambda: reduce(len)]:
    try:
        bad()
    except TypeError as e:
        print('TypeError:', e)


@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(60), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())

calls = []


@lru_cache(maxsize=2)
def slow(x):
    calls.append(x)
    return x * 10


for x in [1, 2, 1, 3, 2, 1]:
    slow(x)
print(calls, slow.cache_info())
info = slow.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize, tuple(info) == (2, 4, 2, 2))


@lru_cache
def greet(name, punct='!'):
    print('computing', name)
    return f'hi {name}{punct}'


print(greet('ann'), greet('ann'), greet('ann', punct='?'), greet.cache_info())


@cache
def sq(n):
    print('sq', n)
    return n * n


print(sq(4), sq(4), sq(5), sq.cache_info())
try:
    sq([1])
except TypeError as e:
    print('TypeError:', e)


class Store:
    def __init__(self):
        self.hits = 0

    @lru_cache(maxsize=16)
    def lookup(self, key):
        self.hits += 1
        return key.upper()


s = Store()
print(s.lookup('a'), s.lookup('a'), s.lookup('b'), s.hits)


@total_ordering
class Version:
    def __init__(self, major, minor):
        self.major, self.minor = major, minor

    def __eq__(self, other):
        return (self.major, self.minor) == (other.major, other.minor)

    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)

    def __repr__(self):
        return f'V{self.major}.{self.minor}'


a, b = Version(1, 2), Version(1, 10)
print(a < b, a > b, a <= b, a >= b, a <= Version(1, 2), b >= a)
print(sorted([b, a, Version(0, 9)]), max(a, b))
try:
    @total_ordering
    class Nothing:
        pass
except ValueError as e:
    print('ValueError:', e)


class Circle:
    def __init__(self, r):
        self.r = r

    @cached_property
    def area(self):
        print('computing area')
        return 3 * self.r * self.r


c = Circle(2)
print(c.area, c.area)
c.area = 1
print(c.area, type(Circle.__dict__['area']).__name__, Circle.__dict__['area'].attrname)


def compare(x, y):
    return (x > y) - (x < y)


def by_len_then_alpha(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return compare(a, b)


print(sorted(['pear', 'fig', 'apple', 'kiwi'], key=cmp_to_key(by_len_then_alpha)))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))


@functools.singledispatch
def describe(x):
    return f'object {x!r}'


@describe.register(int)
def _(x):
    return f'int {x}'


@describe.register
def _(x: list):
    return f'list of {len(x)}'


print(describe(3), describe([1, 2]), describe('s'), describe(True))
