# The timer heap: many tasks sleeping for different short delays.
import asyncio


async def nap(i, woke):
    await asyncio.sleep((i % 97) / 1000)
    woke.append(i)


async def main():
    woke = []
    tasks = [asyncio.create_task(nap(i, woke)) for i in range(100_000)]
    await asyncio.wait(tasks)
    print("sleepers", len(woke), woke[0], woke[-1])


asyncio.run(main())
