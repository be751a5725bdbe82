# call_soon / call_later / call_at pass extra positional args to the
# callback. They return handles: Handle.cancel() before it runs means it
# never runs, cancelled() reports it, cancelling twice is harmless, and
# cancel() after it ran still flips cancelled() to True; TimerHandle.when() gives
# the deadline. A callback can cancel another one that is already queued
# in the same iteration.
import asyncio


def greet(greeting, name, punctuation="!"):
    print(f"  {greeting}, {name}{punctuation}")


def show(*args):
    print("  args:", args)


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    loop.call_soon(greet, "hello", "soon")
    loop.call_later(0.02, greet, "hello", "later")
    loop.call_at(start + 0.04, greet, "hello", "at")
    loop.call_soon(show)
    loop.call_soon(show, 1, (2, 3), None)
    loop.call_soon(lambda: greet("hi", "lambda", punctuation="?"))
    await asyncio.sleep(0.06)

    print("cancelling handles:")
    h1 = loop.call_soon(print, "  h1 should not run")
    h2 = loop.call_later(0.02, print, "  h2 should not run")
    h3 = loop.call_later(0.02, print, "  h3 runs")
    print("  types:", type(h1).__name__, type(h2).__name__)
    print("  before:", h1.cancelled(), h2.cancelled(), h3.cancelled())
    h1.cancel()
    h2.cancel()
    h2.cancel()
    print("  after:", h1.cancelled(), h2.cancelled(), h3.cancelled())
    print(f"  h2.when() - start is ~{h2.when() - start:.1f}")
    await asyncio.sleep(0.04)
    h3.cancel()
    print("  h3 cancelled after it ran:", h3.cancelled())

    print("a callback cancelling a queued one:")
    victim = None

    def assassin():
        print("  assassin runs, cancels victim")
        victim.cancel()

    loop.call_soon(assassin)
    victim = loop.call_soon(print, "  victim should not run")
    loop.call_soon(print, "  bystander runs")
    await asyncio.sleep(0)
    print("  victim cancelled:", victim.cancelled())

    print("timer cancelling a later timer:")
    t_late = loop.call_later(0.05, print, "  late timer should not run")
    loop.call_later(0.02, t_late.cancel)
    loop.call_later(0.07, print, "  final timer runs")
    await asyncio.sleep(0.1)
    print("done")


asyncio.run(main())
