# gather() returns results in argument order, not completion order; it
# accepts coroutines, tasks and futures mixed; the same task passed twice
# appears twice in the result; gather() of tasks that are already finished
# still returns through the loop (one hop later); gather() with no
# arguments returns an empty list.
import asyncio


async def fetch(name, delay):
    await asyncio.sleep(delay)
    print(f"  fetched {name}")
    return name.upper()


async def main():
    loop = asyncio.get_running_loop()
    print("mixed awaitables:")
    fut = loop.create_future()
    loop.call_later(0.03, fut.set_result, "FUTURE")
    task = asyncio.create_task(fetch("task", 0.05))
    results = await asyncio.gather(fetch("slow", 0.07), task, fut, fetch("fast", 0.01))
    print("  results:", results)

    print("same task twice:")
    shared = asyncio.create_task(fetch("shared", 0.01))
    print("  results:", await asyncio.gather(shared, shared, fetch("other", 0.02)))

    print("already finished tasks:")
    done_tasks = [asyncio.create_task(fetch(n, 0)) for n in ("x", "y", "z")]
    await asyncio.sleep(0.01)
    print("  all done:", [t.done() for t in done_tasks])
    observer_ran = []

    async def observer():
        observer_ran.append("yes")

    asyncio.create_task(observer())
    print("  gathered:", await asyncio.gather(*done_tasks), "observer ran meanwhile:", observer_ran)

    print("empty gather:", await asyncio.gather())
    print("gather of plain values raises:", end=" ")
    try:
        await asyncio.gather(1)
    except TypeError as e:
        print(f"TypeError: {e}")


asyncio.run(main())
