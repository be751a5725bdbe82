# In a TaskGroup, the first failing task cancels all the other tasks of the
# group (their except/finally blocks run) and the body too if it is still
# awaiting; on exit the group raises an ExceptionGroup holding the failure
# (never the CancelledErrors of the siblings). Tasks that already finished
# keep their results.
import asyncio


async def worker(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
        if fail:
            print(f"  {name}: failing")
            raise ConnectionError(f"{name} lost its connection")
        print(f"  {name}: done")
        return name
    except asyncio.CancelledError:
        print(f"  {name}: cancelled by the group")
        raise
    finally:
        print(f"  {name}: finally")


async def main():
    tasks = {}
    try:
        async with asyncio.TaskGroup() as tg:
            for name, delay, fail in [("early", 0.01, False), ("bad", 0.03, True),
                                      ("late-1", 0.2, False), ("late-2", 0.3, False)]:
                tasks[name] = tg.create_task(worker(name, delay, fail))
            print("body: waiting inside the block")
            await asyncio.sleep(1)
            print("body: never printed")
    except* ConnectionError as eg:
        print("caught:", repr(eg))
        print("sub-exceptions:", [str(e) for e in eg.exceptions])
    for name, t in tasks.items():
        state = "cancelled" if t.cancelled() else ("failed" if t.exception() else t.result())
        print(f"  {name}: {state}")

    print("body raising cancels the tasks too:")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker("bystander", 0.2))
            await asyncio.sleep(0.01)
            raise ValueError("body gave up")
    except* ValueError as eg:
        print("caught:", repr(eg))

    print("creating a task in a finished group:")
    coro = worker("too-late", 0)
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print("RuntimeError mentioning 'is finished':", "is finished" in str(e))
    coro.close()


asyncio.run(main())
