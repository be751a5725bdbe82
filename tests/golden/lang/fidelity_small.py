# Small points where pyco must match CPython exactly.
import asyncio

# The empty tuple is a singleton.
empty = ()
other = ()
print(empty is other, tuple() is empty, tuple([]) is empty, (1,)[:0] is empty)

# int -> str refuses more than 4300 digits.
big = 10 ** 5000
for conv in (str, repr, lambda v: f"{v}", lambda v: "%d" % v):
    try:
        conv(big)
    except ValueError as e:
        print("ValueError:", e)
print(len(str(10 ** 4299)), len(str(-(10 ** 4299))))

# format(..., "c") out of range is an OverflowError.
for v in (-1, 0x110000):
    try:
        format(v, "c")
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)

# str() with an encoding decodes, which pyco cannot.
for args in ((1, 2), (1, "utf-8"), ("x", "utf-8"), (1, "utf-8", 3)):
    try:
        str(*args)
    except TypeError as e:
        print("TypeError:", e)
print(repr(str(encoding="utf-8")))

# list += any iterable, and list.__iadd__ / __imul__.
l = [1]
l += (2, 3)
l += range(2)
l += "ab"
print(l)
print(l.__iadd__([9]) is l, l)
for bad in (lambda: l.__iadd__(5), lambda: l.__imul__("x")):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
m = [1, 2]
print(m.__imul__(2) is m, m)


# Three-argument pow calls the base's __pow__ only.
class Mod:
    def __pow__(self, o, m=None):
        return ("pow", o, m)


class RPow:
    def __rpow__(self, o, m=None):
        return ("rpow", o, m)


print(pow(Mod(), 2, 5), Mod() ** 2, 2 ** RPow())
for args in ((2, RPow(), 5), (2.0, 3, 5)):
    try:
        pow(*args)
    except TypeError as e:
        print("TypeError:", e)


# print() writes the items before one whose str() fails.
class Boom:
    def __str__(self):
        raise ValueError("no str")


try:
    print("before", Boom(), "after")
except ValueError as e:
    print("caught", e)

# A naked exception caught by except* is wrapped in a group over a tuple.
try:
    raise ValueError("naked")
except* ValueError as eg:
    print(repr(eg), repr(eg.exceptions))
try:
    raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
except* ValueError as eg:
    print(repr(eg))
except* TypeError as eg:
    print(repr(eg))


async def main():
    loop = asyncio.get_running_loop()
    print(repr(loop.call_soon(print, "hi", 2)))
    print(repr(loop.call_soon(print)))
    h = loop.call_soon(print, "never")
    h.cancel()
    print(repr(h))
    t = asyncio.create_task(asyncio.sleep(0))
    for op in (lambda: t.set_result(1), lambda: t.set_exception(ValueError())):
        try:
            op()
        except RuntimeError as e:
            print(e)
    await t


asyncio.run(main())

# Errors reported before anything else is looked at.
for bad in (lambda: super(), lambda: sorted(iterable=[1]), lambda: sorted([1], foo=1)):
    try:
        bad()
    except (RuntimeError, TypeError) as e:
        print(type(e).__name__, e)
print("__builtins__" in globals(), callable(__builtins__.print) if hasattr(__builtins__, "print") else "")
