# gather() error handling. Without return_exceptions the first exception
# propagates to the awaiting caller at once, but the other children are NOT
# cancelled: they keep running and finish later. With return_exceptions=True
# exceptions are returned in place, in argument order, including a
# CancelledError for a child that was cancelled.
import asyncio


async def step(name, delay, fail=None):
    await asyncio.sleep(delay)
    if fail:
        print(f"  {name} failing")
        raise fail
    print(f"  {name} finished")
    return name


async def main():
    print("first error propagates:")
    loop = asyncio.get_running_loop()
    try:
        await asyncio.gather(
            step("a", 0.02),
            step("b", 0.04, ValueError("b broke")),
            step("c", 0.06, KeyError("c")),
            step("d", 0.08),
        )
    except ValueError as e:
        print(f"  caught {e!r}")
    print("  the rest keep running:")
    await asyncio.sleep(0.1)

    print("return_exceptions=True:")
    victim = asyncio.create_task(step("victim", 1))
    loop.call_later(0.01, victim.cancel)
    results = await asyncio.gather(
        step("e", 0.03, OSError(2, "no such file")),
        step("f", 0.02),
        victim,
        step("g", 0.01, ZeroDivisionError("g / 0")),
        return_exceptions=True,
    )
    for r in results:
        print("  ", type(r).__name__, r)

    print("a failing task that nobody else awaits:")
    lone = asyncio.create_task(step("lone", 0.01, RuntimeError("lone broke")))
    out = await asyncio.gather(lone, step("h", 0.02), return_exceptions=True)
    print("  ", out)


asyncio.run(main())
