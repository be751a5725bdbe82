# asyncio.Runner, loop.run_in_executor / asyncio.to_thread (awaited right
# away), anext() with a default, aiter().
import asyncio


def blocking(x, y=0):
    print("blocking", x, y)
    return x + y


def failing():
    raise KeyError("in executor")


async def agen():
    yield 1
    yield 2


async def ticker():
    for i in range(6):
        print("tick", i)
        await asyncio.sleep(0)


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(ticker())
    await t
    r = await loop.run_in_executor(None, blocking, 1, 2)
    print("r", r)
    fut = loop.run_in_executor(None, blocking, 5)
    print("result", type(fut).__name__, await fut)
    print("to_thread", await asyncio.to_thread(blocking, 3, y=4))
    try:
        await loop.run_in_executor(None, failing)
    except KeyError as e:
        print("KeyError", e)
    it = aiter(agen())
    print(await anext(it))
    print(await anext(it, "default"))
    print(await anext(it, "default"))
    try:
        await anext(it)
    except StopAsyncIteration:
        print("StopAsyncIteration")
    return "main done"


with asyncio.Runner() as runner:
    print(runner.run(main()))
    print(runner.get_loop().is_closed())
    print(runner.run(asyncio.sleep(0, "second run")))
try:
    runner.get_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    runner.run(main())
except RuntimeError as e:
    print("RuntimeError:", e)
