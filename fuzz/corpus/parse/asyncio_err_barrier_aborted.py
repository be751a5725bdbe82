# A barrier aborted while tasks wait at it breaks them all with
# BrokenBarrierError ("Abort or reset of barrier" for the waiters); a task
# that does not catch it and is awaited by main ends the program with
# "asyncio.exceptions.BrokenBarrierError: Abort or reset of barrier".
import asyncio


async def racer(name, barrier, delay):
    await asyncio.sleep(delay)
    print(f"  {name} at the start line ({barrier.n_waiting} waiting)")
    await barrier.wait()
    print(f"  {name} running")


async def main():
    barrier = asyncio.Barrier(4)
    racers = [asyncio.create_task(racer(n, barrier, d))
              for n, d in [("red", 0.01), ("blue", 0.03), ("green", 0.05)]]
    await asyncio.sleep(0.08)
    print("  only three racers showed up; aborting")
    await barrier.abort()
    others = await asyncio.gather(*racers[1:], return_exceptions=True)
    print("  blue and green got:", [type(e).__name__ for e in others])
    await racers[0]


asyncio.run(main())
