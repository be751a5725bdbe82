# A generator dropped while suspended runs its `finally` (GeneratorExit)
# at the point its last reference goes, as CPython's reference counting
# does: rebinding, `del`, a function returning, a temporary argument, a
# `for` loop left by `break`, an element removed from a list. A traceback
# keeps its frames' locals alive, so a generator local to a function that
# raised is closed only once the handler is done with the exception.
import asyncio


def gen(name):
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("GeneratorExit in", name)
        raise
    finally:
        print("finally", name)


g = gen("rebound")
print(next(g))
g = None
print("after rebinding")

g = gen("deleted")
next(g)
del g
print("after del")


def use():
    local = gen("local")
    print(next(local))
    print("use returns")


use()
print("after use()")
print(next(gen("temporary")))
print("after temporary")

for x in gen("loop"):
    print("loop got", x)
    break
print("after break")

gens = [gen(f"list{i}") for i in range(3)]
for item in gens:
    next(item)
item = None
gens.pop(1)
print("after pop")
gens.clear()
print("after clear")


def fails():
    inner = gen("in failing frame")
    next(inner)
    raise KeyError("x")


try:
    fails()
except KeyError:
    print("handler runs first")
print("after handler")


def exhausted():
    try:
        yield 1
    finally:
        print("finally of exhausted")


for x in exhausted():
    pass
print("exhausted generator closed once")


async def main():
    g = gen("in coroutine")
    next(g)
    g = None
    print("coroutine continues")
    await asyncio.sleep(0)


asyncio.run(main())
print("end")
