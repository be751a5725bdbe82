# Cancelling a gather: cancel() on the future returned by gather() cancels
# every child that is still running (their finally blocks run), and the
# awaiting caller gets CancelledError; in 3.11 the gather future itself ends
# up finished *with* a CancelledError exception, so its cancelled() is
# False. Nested gathers: cancelling the outer
# one reaches the inner children too, and results nest as lists. A child
# cancelled on its own makes the gather raise CancelledError (without
# return_exceptions) while the siblings carry on.
import asyncio


async def part(name, delay):
    try:
        await asyncio.sleep(delay)
        print(f"  {name} done")
        return name
    finally:
        if delay >= 0.5:
            print(f"  {name} finally (cancelled: {asyncio.current_task().cancelling() > 0})")


async def main():
    print("nested results:")
    inner = asyncio.gather(part("i1", 0.02), part("i2", 0.01))
    nested = await asyncio.gather(part("o1", 0.03), inner, asyncio.gather(part("j1", 0.0)))
    print("  ->", nested)

    print("cancel an outer gather holding a nested gather:")
    outer = asyncio.gather(
        part("fast", 0.01),
        asyncio.gather(part("deep1", 0.5), part("deep2", 0.6)),
        part("slow", 0.7),
    )
    await asyncio.sleep(0.03)
    print("  cancel() ->", outer.cancel())
    try:
        await outer
    except asyncio.CancelledError:
        print("  awaiting the gather raised CancelledError")
    print("  outer cancelled:", outer.cancelled())

    print("one child cancelled directly:")
    a = asyncio.create_task(part("a", 0.05))
    b = asyncio.create_task(part("b", 0.5))
    c = asyncio.create_task(part("c", 0.08))
    g = asyncio.gather(a, b, c)
    await asyncio.sleep(0.01)
    b.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("  gather raised CancelledError; a done:", a.done(), "c done:", c.done())
    await c
    print("  c finished afterwards:", c.result())


asyncio.run(main())
