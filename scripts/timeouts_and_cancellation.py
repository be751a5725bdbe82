"""Timeouts and cancellation: wait_for, asyncio.timeout, shield, and a task
that cleans up when it is cancelled."""
import asyncio


async def slow_query(name, seconds):
    try:
        await asyncio.sleep(seconds)
        return f"{name}: done in {seconds}s"
    except asyncio.CancelledError:
        print(f"{name}: cancelled, rolling back")
        raise
    finally:
        print(f"{name}: connection closed")


async def main():
    # wait_for cancels the inner task when the time is up.
    try:
        print(await asyncio.wait_for(slow_query("report", 2), timeout=0.5))
    except TimeoutError:
        print("report: gave up after 0.5s")

    # asyncio.timeout() bounds a whole block.
    try:
        async with asyncio.timeout(0.3):
            print(await slow_query("quick", 0.1))
            print(await slow_query("slow", 1))
    except TimeoutError:
        print("block: timed out")

    # shield() keeps the inner task running when the waiter is cancelled.
    backup = asyncio.create_task(slow_query("backup", 0.4))
    try:
        await asyncio.wait_for(asyncio.shield(backup), timeout=0.1)
    except TimeoutError:
        print("backup: still running after the timeout:", not backup.done())
    print(await backup)

    # Cancelling a task by hand, with a message.
    task = asyncio.create_task(slow_query("export", 5))
    await asyncio.sleep(0.1)
    task.cancel("user pressed stop")
    try:
        await task
    except asyncio.CancelledError as e:
        print("export:", task.cancelled(), e.args)


asyncio.run(main())
