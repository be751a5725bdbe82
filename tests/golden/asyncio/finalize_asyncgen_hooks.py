# Async generators dropped unfinished while a loop runs get `aclose()`
# scheduled by the loop's finalizer hook (a task created on the next
# iteration); those still alive when `asyncio.run` ends are closed by
# `shutdown_asyncgens`, after the remaining tasks are cancelled. An
# `aclose()` task cancelled before its first step still runs the generator's
# `finally`, whose first await then raises GeneratorExit (3.11).
import asyncio


async def ticker(name, n):
    try:
        for i in range(n):
            yield f"{name}{i}"
            await asyncio.sleep(0)
    finally:
        print("ticker finally", name, asyncio.current_task().get_name())
        try:
            await asyncio.sleep(0)
        except BaseException as e:
            print("ticker finally await raised", name, type(e).__name__)
            raise
        print("ticker finally done", name)


keep = []


async def worker():
    try:
        for i in range(6):
            print("worker", i)
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        print("worker cancelled")
        raise


async def main():
    w = asyncio.create_task(worker())
    async for x in ticker("broken", 10):
        print(x)
        break
    print("after break")
    await asyncio.sleep(0)
    print("main 1")
    await asyncio.sleep(0)
    a = ticker("kept", 10)
    keep.append(a)
    print(await a.__anext__())
    b = ticker("exhausted", 1)
    async for x in b:
        print(x)
    c = ticker("anext", 5)
    print(await anext(c))
    keep.append(c)
    d = ticker("asend", 5)
    print(await d.asend(None))
    del d
    print("main after del d")
    await asyncio.sleep(0)
    e = ticker("dropped at return", 3)
    print(await e.__anext__())
    print("main returns")


asyncio.run(main())
print("after run")
