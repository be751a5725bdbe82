# asyncio.wait(tasks, return_when=...) returns two sets (done, pending) and
# never raises the tasks' exceptions itself. FIRST_COMPLETED returns as soon
# as any task finishes, FIRST_EXCEPTION when one fails (or all finish),
# ALL_COMPLETED when all are done. Pending tasks keep running. Sets are
# printed as sorted task names.
import asyncio


def names(tasks):
    return sorted(t.get_name() for t in tasks)


async def job(delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(f"failed after {delay}")
    return delay


def spawn(spec):
    return [asyncio.create_task(job(d, f), name=n) for n, d, f in spec]


async def main():
    spec = [("t1-slow", 0.14, False), ("t2-fast", 0.02, False),
            ("t3-bad", 0.06, True), ("t4-mid", 0.10, False)]

    tasks = spawn(spec)
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("FIRST_COMPLETED:", names(done), "pending:", names(pending))
    done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
    print("  next round:", names(done), "pending:", names(pending))
    await asyncio.wait(pending)
    print("  t3-bad failed with", repr(tasks[2].exception()))

    tasks = spawn(spec)
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print("FIRST_EXCEPTION:", names(done), "pending:", names(pending))
    for t in sorted(done, key=lambda t: t.get_name()):
        print(f"  {t.get_name()}: exception={t.exception()!r}")
    await asyncio.wait(pending)

    tasks = spawn([(n, d, False) for n, d, _ in spec])
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print("FIRST_EXCEPTION with no failure:", names(done), "pending:", names(pending))

    tasks = spawn(spec)
    done, pending = await asyncio.wait(tasks)
    print("ALL_COMPLETED:", names(done), "pending:", names(pending))
    print("  results:", [t.result() if not t.exception() else "error" for t in tasks])

    print("constants:", asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED)
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("ValueError:", e)
    extra = asyncio.create_task(job(0))
    try:
        await asyncio.wait([extra], return_when="bogus")
    except ValueError as e:
        print("ValueError:", e)
    print("extra task still runs:", await extra)


asyncio.run(main())
