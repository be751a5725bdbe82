# sys.version_info and sys.float_info are struct sequences (tuples with
# named fields); sys.exc_info() reports the exception being handled.
import sys

v = sys.version_info
print(v)
print(v.major, v.minor, v.micro, v.releaselevel, v.serial)
print(v >= (3, 8), v < (3, 12), (3, 11) <= v, v == (3, 11, 7, "final", 0), v != (3, 11))
print(v[:2], v[0], v[-1], len(v), list(v), tuple(v))
a, b, *rest = v
print(a, b, rest, 3 in v, hash(v) == hash(tuple(v)))
print(type(v).__name__, sys.hexversion >= 0x30B0000)
f = sys.float_info
print(f)
print(f.max, f.epsilon, f.dig, f.mant_dig, f[0] == f.max)
print(sys.exc_info())
try:
    1 / 0
except ZeroDivisionError:
    t, e, tb = sys.exc_info()
    print(t.__name__, e, type(tb).__name__, tb.tb_lineno)
    try:
        raise KeyError("inner")
    except KeyError:
        print(sys.exc_info()[1])
    print(sys.exc_info()[1])
print(sys.exc_info())
print(sys.stdin is not None, type(sys.stdin).__name__)
print(sys.exception())
try:
    raise KeyError("k")
except KeyError:
    print(repr(sys.exception()))
print("asyncio" in sys.modules, "sys" in sys.modules, sys.modules["__main__"].__name__)
import asyncio
print("asyncio" in sys.modules, sys.modules["asyncio"] is asyncio)
