import asyncio


async def producer(queue, n):
    for i in range(n):
        await asyncio.sleep(0.1)
        await queue.put(i)
        print(f"produced {i}")
    await queue.put(None)


async def worker(name, queue, lock, results):
    while True:
        item = await queue.get()
        if item is None:
            await queue.put(None)  # let the next worker stop too
            return name
        async with lock:
            await asyncio.sleep(0.175)
            results.append(item * item)
        print(f"{name} handled {item}")


async def slow_lookup():
    await asyncio.sleep(10)


async def validate(records):
    await asyncio.sleep(0.05)
    raise ValueError(f"bad record {records[-1]}")


async def main():
    queue = asyncio.Queue(maxsize=2)
    lock = asyncio.Lock()
    results = []
    prod = asyncio.create_task(producer(queue, 6), name="producer")
    workers = [
        asyncio.create_task(worker(f"worker-{i}", queue, lock, results), name=f"worker-{i}")
        for i in range(3)
    ]
    lookup = asyncio.create_task(slow_lookup(), name="slow-lookup")
    try:
        await asyncio.wait_for(lookup, timeout=0.33)
    except asyncio.TimeoutError:
        print("lookup timed out")
    await prod
    print("stopped:", await asyncio.gather(*workers))
    check = asyncio.create_task(validate(results), name="validator")
    try:
        await check
    except ValueError as e:
        print("validator failed:", e)
    print(results)


asyncio.run(main())
