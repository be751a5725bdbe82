# loop.time() is a monotonic clock in seconds; differences between readings
# measure how long sleeps and timers really took (printed rounded to 0.1 s,
# never raw). get_event_loop() inside a coroutine returns the running loop.
# Concurrent sleeps overlap, sequential sleeps add up, and TimerHandle.when()
# is the absolute deadline on the same clock.
import asyncio


async def nap(seconds):
    await asyncio.sleep(seconds)
    return seconds


async def main():
    loop = asyncio.get_running_loop()
    print("get_event_loop() is the running loop:", asyncio.get_event_loop() is loop)
    t0 = loop.time()
    print("time() is a float:", isinstance(t0, float))
    print("time() does not go backwards:", loop.time() >= t0)

    start = loop.time()
    for s in (0.1, 0.1, 0.1):
        await nap(s)
    print(f"three sequential 0.1 s sleeps: ~{loop.time() - start:.1f}s")

    start = loop.time()
    await asyncio.gather(nap(0.2), nap(0.2), nap(0.2))
    print(f"three concurrent 0.2 s sleeps: ~{loop.time() - start:.1f}s")

    start = loop.time()
    handle = loop.call_later(0.3, print, "timer fired")
    print(f"handle.when() - start: ~{handle.when() - start:.1f}s")
    marks = []
    loop.call_at(start + 0.1, lambda: marks.append(round(loop.time() - start, 1)))
    loop.call_at(start + 0.2, lambda: marks.append(round(loop.time() - start, 1)))
    await asyncio.sleep(0.32)
    print("call_at marks:", marks)
    print(f"total elapsed, whole seconds: ~{loop.time() - t0:.0f}s")

    start = loop.time()
    await asyncio.sleep(0)
    print("sleep(0) takes ~0 s:", round(loop.time() - start, 1))
    await asyncio.sleep(-1)
    print("negative sleep returns at once:", round(loop.time() - start, 1))


asyncio.run(main())
