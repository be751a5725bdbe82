# Several tasks awaiting the same future or the same task are resumed in the
# order they *started awaiting*, not in the order they were created: the
# awaiting registers a done callback at the moment of the await. A task that
# starts awaiting after the future is already done does not wait at all.
import asyncio


async def watcher(name, target, delay_yields):
    for _ in range(delay_yields):
        await asyncio.sleep(0)
    print(f"  {name} starts awaiting")
    value = await target
    print(f"  {name} resumed with {value!r}")


async def producer():
    await asyncio.sleep(0.02)
    print("  producer finished")
    return "blueprint"


async def main():
    loop = asyncio.get_running_loop()
    print("future case:")
    fut = loop.create_future()
    tasks = [
        asyncio.create_task(watcher("w1", fut, 2)),
        asyncio.create_task(watcher("w2", fut, 0)),
        asyncio.create_task(watcher("w3", fut, 1)),
    ]
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("  setting result")
    fut.set_result(42)
    late = asyncio.create_task(watcher("late", fut, 0))
    await asyncio.gather(*tasks, late)

    print("task case:")
    job = asyncio.create_task(producer())
    watchers = [
        asyncio.create_task(watcher("alpha", job, 3)),
        asyncio.create_task(watcher("beta", job, 1)),
        asyncio.create_task(watcher("gamma", job, 2)),
        asyncio.create_task(watcher("delta", job, 0)),
    ]
    await asyncio.gather(*watchers)
    print("all watchers done")


asyncio.run(main())
