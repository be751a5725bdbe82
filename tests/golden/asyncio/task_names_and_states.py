# Default task names: only tasks created without a name take a Task-N
# number, except that asyncio.create_task(name=...) takes one before naming
# the task, as CPython 3.11 does. A task asked to cancel shows "cancelling"
# until it is done; ensure_future wraps any awaitable in a task; asend() of
# a value to a just-started async generator is refused.
import asyncio


async def job():
    return asyncio.current_task().get_name()


class Doubler:
    def __init__(self, v):
        self.v = v

    def __await__(self):
        yield from asyncio.sleep(0).__await__()
        return self.v * 2


async def agen():
    v = yield 1
    yield v


async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.create_task(job()))
    print(await asyncio.Task(job(), name="explicit"))
    print(await asyncio.create_task(job()))
    print(await loop.create_task(job(), name="loop-named"))
    print(await asyncio.create_task(job()))
    print(await asyncio.create_task(job(), name="named"))
    print(await asyncio.create_task(job()))
    print(await asyncio.ensure_future(job()))
    t = asyncio.ensure_future(Doubler(5))
    print(type(t).__name__, await t)
    try:
        asyncio.ensure_future(42)
    except TypeError as e:
        print(e)
    sleeper = asyncio.create_task(asyncio.sleep(1), name="sleeper")
    await asyncio.sleep(0)
    print(repr(sleeper).split(" coro=")[0])
    sleeper.cancel()
    print(repr(sleeper).split(" coro=")[0], sleeper.cancelling())
    try:
        await sleeper
    except asyncio.CancelledError:
        print(repr(sleeper).split(" coro=")[0])
    g = agen()
    try:
        await g.asend("x")
    except TypeError as e:
        print(e)
    print(await g.asend(None), await g.asend("y"))


asyncio.run(main())
