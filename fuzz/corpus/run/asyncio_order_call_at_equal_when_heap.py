# call_at() with exactly the same `when` for many callbacks: the timer heap
# compares only the deadline, so equal deadlines come out in the order the
# binary heap pops them, which is NOT the order they were scheduled. This
# checks CPython's exact heap order for several batch sizes, and that a
# strictly earlier deadline still goes first.
import asyncio


async def batch(loop, size, extra_early=False):
    got = []
    when = loop.time() + 0.05
    for i in range(size):
        loop.call_at(when, got.append, i)
    if extra_early:
        loop.call_at(when - 0.01, got.append, "early")
    await asyncio.sleep(0.08)
    return got


async def main():
    loop = asyncio.get_running_loop()
    for size in (3, 5, 8, 12):
        order = await batch(loop, size)
        print(f"{size:2} callbacks:", order)
    print("with an earlier one:", await batch(loop, 6, extra_early=True))

    print("equal when, mixed with cancelled handles:")
    got = []
    when = loop.time() + 0.05
    handles = [loop.call_at(when, got.append, f"h{i}") for i in range(7)]
    handles[2].cancel()
    handles[5].cancel()
    print("  cancelled flags:", [h.cancelled() for h in handles])
    print("  all when() equal:", len({h.when() for h in handles}) == 1)
    await asyncio.sleep(0.08)
    print("  fired:", got)


asyncio.run(main())
