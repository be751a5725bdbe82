# asyncio.Semaphore(n) lets at most n holders in at once; others wait in
# FIFO order and enter as slots are released. locked() is True when no
# slot is free. acquire() returns True; release() may be called more times
# than acquire() on a plain Semaphore (the counter just grows), while
# BoundedSemaphore raises ValueError for that.
import asyncio

inside = []
peak = 0


async def download(name, sem, seconds):
    global peak
    print(f"  {name} waiting (locked={sem.locked()})")
    async with sem:
        inside.append(name)
        peak = max(peak, len(inside))
        print(f"  {name} in  -> {sorted(inside)}")
        await asyncio.sleep(seconds)
        inside.remove(name)
        print(f"  {name} out")


async def main():
    sem = asyncio.Semaphore(2)
    jobs = [("a", 0.08), ("b", 0.03), ("c", 0.14), ("d", 0.02), ("e", 0.12)]
    await asyncio.gather(*(download(n, sem, s) for n, s in jobs))
    print("peak concurrency:", peak)

    print("manual acquire/release:")
    s1 = asyncio.Semaphore(1)
    print("  acquire ->", await s1.acquire(), "| locked:", s1.locked())
    s1.release()
    s1.release()
    print("  released twice; two acquires succeed without waiting:")
    await s1.acquire()
    await s1.acquire()
    print("  locked now:", s1.locked())

    print("Semaphore(0) blocks until someone releases:")
    gate = asyncio.Semaphore(0)

    async def waiter(name):
        await gate.acquire()
        print(f"  {name} passed the gate")

    ws = [asyncio.create_task(waiter(n)) for n in ("x", "y", "z")]
    await asyncio.sleep(0)
    for _ in range(3):
        gate.release()
        print("  released one")
        await asyncio.sleep(0)
    await asyncio.gather(*ws)

    print("BoundedSemaphore:")
    bounded = asyncio.BoundedSemaphore(2)
    async with bounded:
        print("  inside, locked:", bounded.locked())
    try:
        bounded.release()
    except ValueError as e:
        print("  ValueError:", e)

    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("negative value: ValueError:", e)


asyncio.run(main())
