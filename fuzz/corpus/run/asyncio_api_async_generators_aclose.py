# Async generators: `async for` drives them, each item may involve awaits
# that let other tasks run; breaking out of `async for` leaves the generator
# suspended until aclose() (which runs its finally block); asend() and
# athrow() work like their sync counterparts; anext() raises
# StopAsyncIteration at the end.
import asyncio


async def sensor(name, readings, delay):
    print(f"    {name}: opening")
    try:
        for value in readings:
            await asyncio.sleep(delay)
            yield value
        print(f"    {name}: exhausted")
    finally:
        print(f"    {name}: closing")


async def other_task():
    for i in range(3):
        print(f"    (other task tick {i})")
        await asyncio.sleep(0.1)


async def accumulator():
    total = 0
    while True:
        try:
            delta = yield total
        except ValueError as e:
            print(f"    accumulator reset by {e!r}")
            total = 0
            continue
        total += delta


async def main():
    print("full iteration with another task running:")
    ticker = asyncio.create_task(other_task())
    async for v in sensor("temp", [21.5, 22.0, 22.5], 0.04):
        print("  temp reading", v)
    await ticker

    print("break early, then aclose():")
    gen = sensor("humidity", [40, 41, 42, 43], 0)
    async for v in gen:
        print("  humidity", v)
        if v == 41:
            break
    print("  after break, before aclose")
    await gen.aclose()
    print("  aclose() again is harmless:", await gen.aclose())

    print("anext() and StopAsyncIteration:")
    short = sensor("door", ["open"], 0)
    print("  first:", await short.__anext__())
    try:
        await short.__anext__()
    except StopAsyncIteration:
        print("  StopAsyncIteration")

    print("asend / athrow:")
    acc = accumulator()
    print("  prime:", await acc.asend(None))
    print("  +5 ->", await acc.asend(5))
    print("  +7 ->", await acc.asend(7))
    print("  athrow ->", await acc.athrow(ValueError("reset")))
    print("  +1 ->", await acc.asend(1))
    await acc.aclose()
    print("  closed; asend now raises:", end=" ")
    try:
        await acc.asend(1)
    except StopAsyncIteration:
        print("StopAsyncIteration")

    print("type checks:", type(acc).__name__, hasattr(acc, "__aiter__"), acc.__aiter__() is acc)


asyncio.run(main())
