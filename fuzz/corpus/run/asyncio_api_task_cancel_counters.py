# Task.cancel(msg) returns True while the task is not done and counts the
# request: cancelling() is the number of cancel() calls not yet taken back,
# uncancel() decrements it and returns the new count. Two cancel() calls
# before the task runs deliver ONE CancelledError, carrying the first
# message (the second call only sets a flag that this delivery consumes),
# and the count stays at 2 until uncancel(). A done task returns False from
# cancel(). The CancelledError object raised out of a cancelled task is
# handed out once; a later result() call builds a fresh one whose args are
# empty in 3.11.
import asyncio


async def patient(log):
    me = asyncio.current_task()
    for attempt in range(1, 4):
        try:
            await asyncio.sleep(1)
            log.append("slept fully")
            break
        except asyncio.CancelledError as e:
            log.append(f"attempt {attempt}: args={e.args} cancelling={me.cancelling()}")
            left = me.uncancel()
            log.append(f"  uncancel() -> {left}")
    return "patient done"


async def main():
    log = []
    t = asyncio.create_task(patient(log))
    await asyncio.sleep(0)
    print("cancel('first') ->", t.cancel("first"))
    print("cancelling():", t.cancelling())
    print("cancel('second') ->", t.cancel("second"))
    print("cancelling():", t.cancelling())
    await asyncio.sleep(0)
    print("after one iteration, cancelling():", t.cancelling())
    print("cancel('third') ->", t.cancel("third"))
    await asyncio.sleep(0)
    print("cancel() without message ->", t.cancel())
    await asyncio.sleep(0)
    result = await t
    for line in log:
        print(" ", line)
    print("result:", result, "| cancelled():", t.cancelled(), "| cancelling():", t.cancelling())
    print("cancel() on the finished task ->", t.cancel("too late"))

    victim = asyncio.create_task(asyncio.sleep(1))
    await asyncio.sleep(0)
    victim.cancel("stop now")
    print("victim done right after cancel():", victim.done(), victim.cancelling())
    try:
        await victim
    except asyncio.CancelledError as e:
        print("awaiting victim raised CancelledError with args", e.args)
    print("victim cancelled():", victim.cancelled(), "done():", victim.done())
    try:
        victim.result()
    except asyncio.CancelledError as e:
        print("victim.result() raised CancelledError with args", e.args)


asyncio.run(main())
