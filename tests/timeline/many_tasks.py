# 200 workers share a semaphore of 20 slots; each sleeps a little while
# holding one. Only the totals are printed.
import asyncio


async def worker(i, slots, done):
    async with slots:
        await asyncio.sleep(0.01 * (i % 5 + 1))
    done.append(i)
    return i * i


async def main():
    slots = asyncio.Semaphore(20)
    done = []
    tasks = [
        asyncio.create_task(worker(i, slots, done), name=f"worker-{i}")
        for i in range(200)
    ]
    results = await asyncio.gather(*tasks)
    print(len(done), sum(results))


asyncio.run(main())
