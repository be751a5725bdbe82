# The Python part of pyco's `math` (the libm functions are native):
# constants, integer functions, rounding to int, and the algorithms of
# CPython's mathmodule.c (fsum, isclose) with its error messages.

pi = 3.141592653589793
e = 2.718281828459045
tau = 6.283185307179586
inf = float('inf')
nan = float('nan')


def _real(x):
    if type(x) not in (int, float, bool):
        raise TypeError(f'must be real number, not {type(x).__name__}')
    return float(x)


def _index(x):
    if type(x) in (int, bool):
        return int(x)
    if hasattr(x, '__index__'):
        return x.__index__()
    raise TypeError(f"'{type(x).__name__}' object cannot be interpreted as an integer")


def log(x, base=None):
    """log(x, [base=math.e])
    Return the logarithm of x to the given base."""
    num = _log(x)
    if base is None:
        return num
    den = _log(base)
    if den == 0:
        raise ZeroDivisionError('float division by zero')
    return num / den


def hypot(*coordinates):
    """Multidimensional Euclidean distance from the origin to a point."""
    if len(coordinates) == 2:
        return _hypot2(coordinates[0], coordinates[1])
    values = [abs(_real(c)) for c in coordinates]
    if not values:
        return 0.0
    if inf in values:
        return inf
    if any(v != v for v in values):
        return nan
    return sqrt(fsum(v * v for v in values))


def dist(p, q):
    """Return the Euclidean distance between two points p and q."""
    if len(p) != len(q):
        raise ValueError('both points must have the same number of dimensions')
    return hypot(*[_real(a) - _real(b) for a, b in zip(p, q)])


def floor(x):
    """Return the floor of x as an Integral."""
    if type(x) is float:
        i = int(x)
        return i - 1 if x < i else i
    if type(x) in (int, bool):
        return int(x)
    if hasattr(x, '__floor__'):
        return x.__floor__()
    return floor(_real(x))


def ceil(x):
    """Return the ceiling of x as an Integral."""
    if type(x) is float:
        i = int(x)
        return i + 1 if x > i else i
    if type(x) in (int, bool):
        return int(x)
    if hasattr(x, '__ceil__'):
        return x.__ceil__()
    return ceil(_real(x))


def trunc(x):
    """Truncates the Real x to the nearest Integral toward 0."""
    if type(x) in (int, float, bool):
        return int(x)
    if hasattr(x, '__trunc__'):
        return x.__trunc__()
    raise TypeError(f"type {type(x).__name__} doesn't define __trunc__ method")


def isfinite(x):
    """Return True if x is neither an infinity nor a NaN, and False
    otherwise."""
    x = _real(x)
    return x == x and x not in (inf, -inf)


def isinf(x):
    """Return True if x is a positive or negative infinity, and False
    otherwise."""
    x = _real(x)
    return x in (inf, -inf)


def isnan(x):
    """Return True if x is a NaN (not a number), and False otherwise."""
    x = _real(x)
    return x != x


def isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0):
    """Determine whether two floating point numbers are close in value."""
    a, b = _real(a), _real(b)
    rel_tol, abs_tol = _real(rel_tol), _real(abs_tol)
    if rel_tol < 0.0 or abs_tol < 0.0:
        raise ValueError('tolerances must be non-negative')
    if a == b:
        return True
    if a in (inf, -inf) or b in (inf, -inf):
        return False
    diff = fabs(b - a)
    return (diff <= fabs(rel_tol * b) or diff <= fabs(rel_tol * a)
            or diff <= abs_tol)


def degrees(x):
    """Convert angle x from radians to degrees."""
    return _real(x) * (180.0 / pi)


def radians(x):
    """Convert angle x from degrees to radians."""
    return _real(x) * (pi / 180.0)


def gcd(*integers):
    """Greatest Common Divisor."""
    result = 0
    for n in integers:
        a, b = abs(_index(n)), result
        while b:
            a, b = b, a % b
        result = a
    return result


def lcm(*integers):
    """Least Common Multiple."""
    result = 1
    for n in integers:
        n = _index(n)
        if n == 0 or result == 0:
            result = 0
            continue
        result = abs(result * n) // gcd(result, n)
    return result


def factorial(n):
    """Find n!."""
    n = _index(n)
    if n < 0:
        raise ValueError('factorial() not defined for negative values')
    result = 1
    for i in range(2, n + 1):
        result *= i
    return result


def perm(n, k=None):
    """Number of ways to choose k items from n items without repetition and
    with order."""
    n = _index(n)
    if k is None:
        k = n
    k = _index(k)
    if n < 0:
        raise ValueError('n must be a non-negative integer')
    if k < 0:
        raise ValueError('k must be a non-negative integer')
    if k > n:
        return 0
    result = 1
    for i in range(n - k + 1, n + 1):
        result *= i
    return result


def comb(n, k):
    """Number of ways to choose k items from n items without repetition and
    without order."""
    n = _index(n)
    k = _index(k)
    if n < 0:
        raise ValueError('n must be a non-negative integer')
    if k < 0:
        raise ValueError('k must be a non-negative integer')
    if k > n:
        return 0
    k = min(k, n - k)
    result = 1
    for i in range(1, k + 1):
        result = result * (n - k + i) // i
    return result


def isqrt(n):
    """Return the integer part of the square root of the input."""
    n = _index(n)
    if n < 0:
        raise ValueError('isqrt() argument must be nonnegative')
    if n == 0:
        return 0
    x = 1 << ((n.bit_length() + 1) // 2)
    while True:
        y = (x + n // x) // 2
        if y >= x:
            return x
        x = y


def prod(iterable, *, start=1):
    """Calculate the product of all the elements in the input iterable."""
    result = start
    for x in iterable:
        result = result * x
    return result


def fsum(seq):
    """Return an accurate floating point sum of values in the iterable
    seq."""
    partials = []
    special_sum = 0.0
    inf_sum = 0.0
    for x in seq:
        x = _real(x)
        if x != x or x in (inf, -inf):
            if x in (inf, -inf):
                inf_sum += x
            special_sum += x
            continue
        i = 0
        for y in partials:
            if fabs(x) < fabs(y):
                x, y = y, x
            hi = x + y
            lo = y - (hi - x)
            if lo != 0.0:
                partials[i] = lo
                i += 1
            x = hi
        if x in (inf, -inf):
            raise OverflowError('intermediate overflow in fsum')
        del partials[i:]
        partials.append(x)
    if special_sum != 0.0:
        if inf_sum != inf_sum:
            raise ValueError('-inf + inf in fsum')
        return special_sum
    if special_sum != special_sum:
        return special_sum
    hi = 0.0
    n = len(partials)
    if n > 0:
        n -= 1
        hi = partials[n]
        lo = 0.0
        while n > 0:
            x = hi
            n -= 1
            y = partials[n]
            hi = x + y
            yr = hi - x
            lo = y - yr
            if lo != 0.0:
                break
        if n > 0 and ((lo < 0.0 and partials[n - 1] < 0.0)
                      or (lo > 0.0 and partials[n - 1] > 0.0)):
            y = lo * 2.0
            x = hi + y
            yr = x - hi
            if y == yr:
                hi = x
    return hi


def ldexp(x, i):
    """Return x * (2**i)."""
    x = _real(x)
    i = _index(i)
    if x == 0.0 or x != x or x in (inf, -inf):
        return x
    result = x * 2.0 ** i if -1074 <= i <= 1023 else x * 2.0 ** (i // 2) * 2.0 ** (i - i // 2)
    if result in (inf, -inf):
        raise OverflowError('math range error')
    return result


def modf(x):
    """Return the fractional and integer parts of x."""
    x = _real(x)
    if x in (inf, -inf):
        return (copysign(0.0, x), x)
    if x != x:
        return (x, x)
    i = float(int(x))
    return (copysign(x - i, x), copysign(i, x))
