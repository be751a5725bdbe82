# wait_for(aw, timeout): when the inner awaitable finishes in time its
# result is returned; otherwise the inner task is cancelled, wait_for waits
# for that cancellation to complete (the inner finally block runs first)
# and then raises TimeoutError (asyncio.TimeoutError is the builtin in
# 3.11). timeout=None waits forever; a task passed in is cancelled too.
import asyncio


async def query(name, seconds):
    print(f"  {name}: started")
    try:
        await asyncio.sleep(seconds)
        print(f"  {name}: answered")
        return f"{name}-rows"
    except asyncio.CancelledError:
        print(f"  {name}: cancelled")
        raise
    finally:
        print(f"  {name}: finally (closing cursor)")


async def main():
    print("TimeoutError is asyncio.TimeoutError:", asyncio.TimeoutError is TimeoutError)

    print("in time:")
    print("  ->", await asyncio.wait_for(query("fast", 0.02), timeout=0.2))

    print("too slow:")
    try:
        await asyncio.wait_for(query("slow", 0.5), timeout=0.05)
    except TimeoutError as e:
        print("  TimeoutError raised, args:", e.args, "| cause:", type(e.__cause__).__name__)

    print("timeout=None:")
    print("  ->", await asyncio.wait_for(query("unbounded", 0.03), timeout=None))

    print("a task passed to wait_for:")
    task = asyncio.create_task(query("task", 0.5))
    try:
        await asyncio.wait_for(task, timeout=0.03)
    except asyncio.TimeoutError:
        print("  timed out; task cancelled:", task.cancelled())

    print("timeout=0 on a coroutine:")
    try:
        await asyncio.wait_for(query("zero", 0.01), timeout=0)
    except TimeoutError:
        print("  immediate TimeoutError")

    print("timeout=0 on a finished future:")
    fut = asyncio.get_running_loop().create_future()
    fut.set_result("already")
    print("  ->", await asyncio.wait_for(fut, timeout=0))

    print("inner swallows the cancellation:")

    async def stubborn():
        try:
            await asyncio.sleep(0.5)
        except asyncio.CancelledError:
            print("  stubborn: ignoring cancel, returning a value")
            return "stubborn-value"

    try:
        print("  ->", await asyncio.wait_for(stubborn(), timeout=0.03))
    except TimeoutError:
        print("  TimeoutError anyway")


asyncio.run(main())
