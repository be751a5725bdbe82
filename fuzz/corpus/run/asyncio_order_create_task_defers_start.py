# create_task() only schedules the first step of a task on the FIFO ready
# queue: the creator keeps running (printing, creating more tasks, even
# doing plain synchronous work) until it reaches an await that suspends.
# Tasks then start in creation order; a task created by a task that is
# itself running goes to the back of the queue, behind every task that was
# already ready, and a task created from a callback is queued the same way.
import asyncio


async def brew(drink, steps):
    print(f"  {drink}: started")
    for step in steps:
        await asyncio.sleep(0)
        print(f"  {drink}: {step}")
    return drink


async def barista(name, orders):
    print(f"  {name}: on shift, taking {len(orders)} orders")
    tasks = []
    for drink, steps in orders:
        tasks.append(asyncio.create_task(brew(drink, steps)))
        print(f"  {name}: queued {drink}")
    print(f"  {name}: all orders queued, now waiting")
    results = await asyncio.gather(*tasks)
    print(f"  {name}: served {results}")


def busy_work(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


async def main():
    print("main: creating two baristas")
    first = asyncio.create_task(barista("ana", [("latte", ["steam", "pour"]),
                                                  ("mocha", ["melt"])]))
    second = asyncio.create_task(barista("ben", [("tea", ["steep", "strain", "serve"])]))
    print("main: baristas created, first done?", first.done())
    print("main: synchronous work gives", busy_work(1000))
    loop = asyncio.get_running_loop()
    loop.call_soon(lambda: asyncio.create_task(brew("espresso (from callback)", ["pull"])))
    print("main: still running before any task started")
    await asyncio.sleep(0)
    print("main: after one sleep(0) both baristas have queued their drinks")
    await asyncio.sleep(0)
    print("main: after second sleep(0)")
    await asyncio.gather(first, second)
    print("main: both shifts over")
    await asyncio.sleep(0)
    print("main: end")


asyncio.run(main())
