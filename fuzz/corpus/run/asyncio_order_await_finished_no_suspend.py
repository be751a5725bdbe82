# Awaiting a task (or future) that is already done does not suspend: its
# result is returned at once, so a busy ticker gets no turn in between. This
# holds even when awaiting many finished tasks in a row, and for a failed
# task the exception is raised at once as well. Awaiting a *pending* task
# costs at least one iteration (plus the done-callback hop).
import asyncio

ticks = 0


async def ticker():
    global ticks
    while True:
        ticks += 1
        await asyncio.sleep(0)


async def square(n):
    return n * n


async def broken():
    raise KeyError("missing")


async def main():
    asyncio.create_task(ticker())
    tasks = [asyncio.create_task(square(n)) for n in range(200)]
    bad = asyncio.create_task(broken())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("all finished:", all(t.done() for t in tasks), "ticks so far:", ticks)
    before = ticks
    total = 0
    for t in tasks:
        total += await t
    print("sum of squares:", total, "ticks while awaiting:", ticks - before)
    try:
        await bad
    except KeyError as e:
        print("failed task raised at once:", repr(e), "ticks:", ticks - before)
    print("awaiting it again:", end=" ")
    try:
        await bad
    except KeyError as e:
        print(repr(e))
    fut = asyncio.get_running_loop().create_future()
    fut.set_result("ready")
    print("done future:", await fut, "ticks:", ticks - before)

    pending = asyncio.create_task(square(7))
    before = ticks
    print("pending task:", await pending, "ticks while awaiting:", ticks - before)


asyncio.run(main())
