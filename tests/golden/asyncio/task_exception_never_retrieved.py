# "Task exception was never retrieved" is logged when a failed task (or a
# future holding an exception) is freed with its exception unread: right
# after the step for a task nobody references, when the last reference goes
# for one that is kept. Reading the exception in any way silences it.
import asyncio


async def boom(msg):
    raise ValueError(msg)


async def main():
    asyncio.create_task(boom("unreferenced"))
    await asyncio.sleep(0)
    print("after first sleep")
    t = asyncio.create_task(boom("kept then dropped"))
    await asyncio.sleep(0)
    print("task done:", t.done())
    t = None
    print("after dropping the task")
    t = asyncio.create_task(boom("retrieved"))
    await asyncio.sleep(0)
    print("exception:", repr(t.exception()))
    t = None
    t = asyncio.create_task(boom("awaited"))
    try:
        await t
    except ValueError as e:
        print("caught", e)
    t = None
    fut = asyncio.get_running_loop().create_future()
    fut.set_exception(KeyError("future"))
    fut = None
    print("after dropping the future")
    last = asyncio.create_task(boom("held by main"))
    await asyncio.sleep(0)
    print("main returns")


asyncio.run(main())
print("done")
