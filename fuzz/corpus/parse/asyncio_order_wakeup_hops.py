# How many loop iterations each kind of wake-up costs, counted by a task
# that bumps a counter after every sleep(0). Awaiting a plain coroutine
# costs 0; awaiting a new task costs 2 (its first step, then the wake-up
# that its done callback schedules); a chain of tasks each awaiting the
# next costs 2 per task (each starts one iteration after its creator and
# resumes one iteration after the task it awaits finished); gather() of
# two coroutines costs 3 (children run, their done callbacks complete the
# gather, then the awaiter wakes); a future completed by a call_soon
# callback costs 2; sleep(0) costs 1.
import asyncio

iteration = 0


async def iteration_counter():
    global iteration
    while True:
        await asyncio.sleep(0)
        iteration += 1


async def leaf(label):
    print(f"    {label} runs at iteration {iteration}")
    return label


async def level(n):
    if n == 0:
        return await leaf("leaf")
    inner = asyncio.create_task(level(n - 1))
    result = await inner
    print(f"    level {n} resumed at iteration {iteration}")
    return result


async def measure(label, make_awaitable):
    await asyncio.sleep(0)
    start = iteration
    print(f"  {label}: start at iteration {start}")
    result = await make_awaitable()
    print(f"  {label}: got {result!r} after {iteration - start} iterations")


async def main():
    loop = asyncio.get_running_loop()
    asyncio.create_task(iteration_counter())
    await asyncio.sleep(0)

    await measure("plain coroutine", lambda: leaf("inline"))
    await measure("one task", lambda: asyncio.create_task(leaf("task")))
    await measure("task chain depth 3", lambda: asyncio.create_task(level(3)))
    await measure("gather of two", lambda: asyncio.gather(leaf("g1"), leaf("g2")))

    def future_from_callback():
        fut = loop.create_future()
        loop.call_soon(fut.set_result, "cb-result")
        return fut

    await measure("future set by call_soon", future_from_callback)
    await measure("sleep(0)", lambda: asyncio.sleep(0, result="slept"))


asyncio.run(main())
