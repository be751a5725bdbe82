# Awaitables whose __await__ is a generator delegating with `yield from` to
# a coroutine's __await__() or to a future, and @types.coroutine
# generator-based coroutines: they suspend the awaiting task like the
# coroutine or future they wrap.
import asyncio
import types


class A:
    def __await__(self):
        yield from asyncio.sleep(0).__await__()
        return 5


class B:
    def __await__(self):
        r = yield from A().__await__()
        return r + 1


class WaitsFuture:
    def __init__(self, fut):
        self.fut = fut

    def __await__(self):
        value = yield from self.fut
        return ("future gave", value)


class Failing:
    def __await__(self):
        yield from asyncio.sleep(0).__await__()
        raise ValueError("from __await__")


@types.coroutine
def legacy():
    yield
    return "legacy"


@types.coroutine
def legacy_sleep(d):
    r = yield from asyncio.sleep(d, "slept").__await__()
    return r


async def other():
    for i in range(5):
        print("other", i)
        await asyncio.sleep(0)


async def main():
    t = asyncio.create_task(other())
    print(await A())
    print(await B())
    print(await legacy())
    print(await legacy_sleep(0.01))
    fut = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_soon(fut.set_result, 9)
    print(await WaitsFuture(fut))
    try:
        await Failing()
    except ValueError as e:
        print("caught", e)
    print(await asyncio.gather(A(), B(), legacy()))
    await t


asyncio.run(main())
