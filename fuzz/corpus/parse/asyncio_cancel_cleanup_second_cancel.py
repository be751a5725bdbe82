# Cleanup after cancellation can itself await (flush buffers, notify a
# peer); other tasks keep running during it, and whoever awaits the
# cancelled task resumes only when the cleanup is over. A second cancel()
# that arrives during the cleanup interrupts the cleanup at its current
# await. asyncio.run's final sweep cancels a leftover task the same way.
import asyncio


async def writer(name, cleanup_steps, interval):
    try:
        print(f"  {name}: writing")
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print(f"  {name}: cancelled, flushing {cleanup_steps} buffers")
        try:
            for i in range(1, cleanup_steps + 1):
                await asyncio.sleep(interval)
                print(f"  {name}: flushed buffer {i}")
        except asyncio.CancelledError:
            print(f"  {name}: cleanup interrupted by a second cancel")
            raise
        print(f"  {name}: cleanup complete")
        raise


async def heartbeat(n):
    for i in range(n):
        print(f"    heartbeat {i}")
        await asyncio.sleep(0.06)


async def main():
    print("cleanup runs while others progress:")
    w = asyncio.create_task(writer("w1", 3, 0.04))
    hb = asyncio.create_task(heartbeat(2))
    await asyncio.sleep(0)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("  main resumed after w1's cleanup")
    await hb

    print("second cancel during cleanup:")
    w2 = asyncio.create_task(writer("w2", 5, 0.06))
    await asyncio.sleep(0)
    w2.cancel()
    await asyncio.sleep(0.15)
    print("  cancelling again, cancel() ->", w2.cancel())
    await asyncio.gather(w2, return_exceptions=True)
    print("  w2 cancelled:", w2.cancelled())

    print("leftover task at the end of asyncio.run:")
    asyncio.create_task(writer("w3", 2, 0.01))
    await asyncio.sleep(0)
    print("  main returns now")


asyncio.run(main())
print("asyncio.run returned")
