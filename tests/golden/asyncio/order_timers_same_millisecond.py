# Timers due within the same millisecond run in one loop iteration: CPython's
# selector rounds its wait up to whole milliseconds, then runs every timer
# that is due. Three workers sleeping 0.05 s (started microseconds apart)
# all wake before the done callback of the first one runs; two TaskGroup
# children failing after the same sleep are both collected; loop.time()
# deltas show the whole wait.
import asyncio


async def worker(i):
    await asyncio.sleep(0.05)
    print("woke", i)


async def fail(exc):
    await asyncio.sleep(0.05)
    raise exc


async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(worker(i)) for i in range(3)]
    tasks[0].add_done_callback(lambda t: print("worker 0 done callback"))
    await asyncio.gather(*tasks)

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(ValueError("a")))
            tg.create_task(fail(KeyError("b")))
    except ExceptionGroup as eg:
        print([repr(e) for e in eg.exceptions])

    log = []
    start = loop.time()
    for i in range(3):
        loop.call_later(0.02, log.append, i)
    loop.call_later(0.02, lambda: print("timers so far", log))
    await asyncio.sleep(0.03)
    print("log", log)
    print("waited at least 0.03 s:", loop.time() - start >= 0.03)


asyncio.run(main())
