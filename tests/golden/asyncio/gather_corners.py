# gather: duplicates, return_exceptions with cancelled children, cancelling
# the outer future, custom awaitables, and the order children finish in.
import asyncio


async def value(x, delay=0):
    await asyncio.sleep(delay)
    print("value", x)
    return x


async def boom(msg, delay=0):
    await asyncio.sleep(delay)
    print("boom", msg)
    raise ValueError(msg)


class Awaitable:
    def __await__(self):
        return value("custom").__await__()


async def main():
    print(await asyncio.gather())
    t = asyncio.ensure_future(value("dup"))
    print(await asyncio.gather(t, t, value(1)))

    res = await asyncio.gather(value(2), boom("x"), return_exceptions=True)
    print([type(r).__name__ for r in res], res[0], str(res[1]))

    try:
        await asyncio.gather(value(3, 0.01), boom("first", 0.0), boom("second", 0.005))
    except ValueError as e:
        print("caught", e)
    await asyncio.sleep(0.02)

    slow = asyncio.create_task(value(4, 1))
    fast = asyncio.create_task(value(5))
    g = asyncio.gather(slow, fast, return_exceptions=True)
    await asyncio.sleep(0.001)
    slow.cancel("stop it")
    print(await g)

    g = asyncio.gather(value(6, 1), value(7, 1))
    await asyncio.sleep(0)
    print("cancel ->", g.cancel("outer"))
    try:
        await g
    except asyncio.CancelledError as e:
        print("outer cancelled", repr(e))
    print("again ->", g.cancel())

    print(await asyncio.gather(Awaitable(), value(8)))

    async def order(i):
        for _ in range(i % 3):
            await asyncio.sleep(0)
        print("done", i)
        return i

    print(await asyncio.gather(*[order(i) for i in range(6)]))
    try:
        asyncio.gather(1, 2)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
