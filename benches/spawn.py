# Task creation and switching: many short tasks, each yielding twice,
# collected with gather.
import asyncio


async def job(i):
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    return i & 15


async def main():
    results = await asyncio.gather(*[job(i) for i in range(200_000)])
    print("spawn", len(results), sum(results))


asyncio.run(main())
