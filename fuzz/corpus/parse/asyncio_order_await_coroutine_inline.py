# `await coro()` runs the callee inside the current task, synchronously, like
# a function call: a chain of nested awaits that never reaches a real
# suspension point does not give any other task a turn. Only when the
# innermost callee suspends (sleep(0), a pending future) do other ready tasks
# run; the caller then resumes exactly where the callee left off.
import asyncio

log_lines = []


async def ticker():
    for tick in range(1, 6):
        print(f"    [ticker {tick}]")
        await asyncio.sleep(0)


async def parse(text):
    print(f"  parse({text!r})")
    return text.split(",")


async def validate(fields):
    print(f"  validate({fields})")
    parsed = [await normalize(f) for f in fields]
    return parsed


async def normalize(field):
    return field.strip().upper()


async def load(text, suspend):
    fields = await parse(text)
    if suspend:
        print("  load: suspending once")
        await asyncio.sleep(0)
        print("  load: resumed")
    checked = await validate(fields)
    print(f"  load -> {checked}")
    return checked


async def depth(n):
    if n == 0:
        return 0
    return 1 + await depth(n - 1)


async def main():
    asyncio.create_task(ticker())
    print("main: ticker created, not started yet")
    await load("a, b ,c", suspend=False)
    print("main: first load done without the ticker running")
    print("main: depth", await depth(50))
    await load("x,y", suspend=True)
    print("main: second load done (ticker ran once during it)")
    coro = load("q", suspend=False)
    print("main: coroutine object created, nothing ran yet")
    result = await coro
    print("main: awaited it later:", result)
    await asyncio.sleep(0)
    print("main: yielded once")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("main: done")


asyncio.run(main())
