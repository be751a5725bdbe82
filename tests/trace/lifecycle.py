# Every kind of scheduling event: created (by the top level and by a task),
# started, suspended on a sleep, a task, a queue, a lock, an event and
# gather(), resumed, finished, failed, cancel requested and cancelled.
import asyncio


async def producer(queue):
    await asyncio.sleep(0.5)
    await queue.put("job")
    return "produced"


async def consumer(queue, lock):
    job = await queue.get()
    async with lock:
        await asyncio.sleep(0.25)
    return job


async def holder(lock, ready):
    async with lock:
        ready.set()
        await asyncio.sleep(1)


async def broken():
    await asyncio.sleep(0.1)
    raise ValueError("broken on purpose")


async def main():
    queue = asyncio.Queue()
    lock = asyncio.Lock()
    ready = asyncio.Event()
    hold = asyncio.create_task(holder(lock, ready), name="holder")
    await ready.wait()
    results = await asyncio.gather(
        asyncio.create_task(producer(queue), name="producer"),
        asyncio.create_task(consumer(queue, lock), name="consumer"),
    )
    print(results)
    await hold
    bad = asyncio.create_task(broken(), name="broken")
    try:
        await bad
    except ValueError as e:
        print("caught", e)
    idle = asyncio.create_task(asyncio.sleep(60), name="idle")
    await asyncio.sleep(0)
    idle.cancel()
    try:
        await idle
    except asyncio.CancelledError:
        print("idle cancelled")


asyncio.run(main())
