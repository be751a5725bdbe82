# Releasing a BoundedSemaphore more times than it was acquired raises
# "ValueError: BoundedSemaphore released too many times"; a plain Semaphore
# accepts the same extra release silently (its counter just grows).
import asyncio


async def worker(name, sem, delay):
    async with sem:
        print(f"  {name} working (locked={sem.locked()})")
        await asyncio.sleep(delay)
    print(f"  {name} done")


async def main():
    plain = asyncio.Semaphore(1)
    plain.release()
    print("plain Semaphore accepted an extra release")
    await asyncio.gather(worker("p1", plain, 0.01), worker("p2", plain, 0.03))
    print("both plain workers ran at once")

    bounded = asyncio.BoundedSemaphore(2)
    await asyncio.gather(worker("a", bounded, 0.01), worker("b", bounded, 0.05),
                         worker("c", bounded, 0.01))
    print("all bounded workers done; acquiring by hand")
    await bounded.acquire()
    bounded.release()
    print("balanced acquire/release is fine, releasing once more by mistake")
    bounded.release()
    print("never printed")


asyncio.run(main())
