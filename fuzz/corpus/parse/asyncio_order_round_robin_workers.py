# A realistic cooperative pipeline: three workers process their own job
# lists, yielding with sleep(0) between items, while a monitor task samples
# progress every iteration. Workers joining later enter the rotation at the
# back, and finished workers drop out without disturbing the others' order.
import asyncio

progress = {}


async def worker(name, items):
    progress[name] = 0
    for item in items:
        print(f"  {name} handles {item}")
        progress[name] += 1
        await asyncio.sleep(0)
    print(f"  {name} is idle")
    del progress[name]


async def monitor(rounds):
    for r in range(rounds):
        snapshot = ", ".join(f"{k}={v}" for k, v in sorted(progress.items()))
        print(f"monitor {r}: {snapshot or 'nobody working'}")
        await asyncio.sleep(0)


async def main():
    mon = asyncio.create_task(monitor(8))
    a = asyncio.create_task(worker("A", ["a1", "a2", "a3", "a4"]))
    b = asyncio.create_task(worker("B", ["b1", "b2"]))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("main: hiring C")
    c = asyncio.create_task(worker("C", ["c1", "c2", "c3"]))
    await asyncio.gather(a, b, c)
    print("main: all workers idle")
    await mon


asyncio.run(main())
