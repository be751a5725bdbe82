import math
from math import sqrt, floor, ceil, pi, inf, nan, isclose

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(sqrt(2), sqrt(16), math.exp(1), math.exp(-2.5), math.expm1(1e-10))
print(math.log(100), math.log(8, 2), math.log(1000, 10), math.log2(1024), math.log10(0.001), math.log1p(1e-12))
print(math.sin(pi / 6), math.cos(pi / 3), math.tan(pi / 4), math.asin(1), math.acos(0), math.atan(1))
print(math.atan2(1, -1), math.sinh(1), math.cosh(1), math.tanh(0.5), math.asinh(1), math.acosh(2), math.atanh(0.5))
print(math.pow(2, 10), math.pow(2.5, -1), math.fabs(-3), math.copysign(3, -0.0), math.fmod(7, -3), math.fmod(-7.5, 2))
print(math.hypot(3, 4), math.hypot(1, 2, 2), math.hypot(), math.dist((0, 0), (3, 4)))
print(floor(2.7), floor(-2.1), ceil(2.1), ceil(-2.7), math.trunc(-2.9), floor(5), type(floor(2.5)).__name__)
print(floor(1e20), ceil(-0.5), math.trunc(7.99))
print(math.isfinite(1.0), math.isfinite(inf), math.isinf(-inf), math.isnan(nan), math.isnan(1))
print(isclose(0.1 + 0.2, 0.3), isclose(1.0, 1.1), isclose(1.0, 1.05, rel_tol=0.1), isclose(0.0, 1e-10, abs_tol=1e-9))
print(math.degrees(pi), math.radians(180), math.degrees(1))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-4, 6), math.gcd(), math.gcd(12, 18, 27))
print(math.lcm(4, 6), math.lcm(3, 5, 7), math.lcm(), math.lcm(0, 5))
print(math.factorial(0), math.factorial(5), math.factorial(25))
print(math.comb(5, 2), math.comb(10, 0), math.comb(3, 5), math.comb(50, 25))
print(math.perm(5, 2), math.perm(4), math.perm(3, 5))
print(math.isqrt(17), math.isqrt(10 ** 20), math.isqrt(0))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2, 0.5], start=3))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100]), math.fsum([]))
print(math.fsum([inf, 1.0]), math.ldexp(0.5, 3), math.modf(3.25), math.modf(-2.5))
for bad in [lambda: sqrt(-1), lambda: math.log(0), lambda: math.log(-2), lambda: math.exp(1000),
            lambda: math.acos(2), lambda: math.pow(0, -1), lambda: math.pow(10, 400),
            lambda: math.factorial(-1), lambda: math.factorial(2.5), lambda: math.comb(-1, 2),
            lambda: math.isqrt(-4), lambda: sqrt('x'), lambda: floor(inf), lambda: floor(nan),
            lambda: math.fsum([inf, -inf]), lambda: isclose(1, 2, rel_tol=-1), lambda: math.sin(inf),
            lambda: math.log(10, 1), lambda: math.gcd(1.5), lambda: math.fmod(1, 0)]:
    try:
        print(bad())
    except (ValueError, TypeError, OverflowError, ZeroDivisionError) as e:
        print(type(e).__name__ + ':', e)
# typical uses
points = [(1, 2), (4, 6), (0, 0)]
print(sorted(points, key=lambda p: math.hypot(*p)))
print(round(math.sqrt(sum(x * x for x in range(10))), 4), f'{math.pi:.3f}', math.ceil(10 / 3))
