# A task cancelled before its first step never runs its body at all (not
# even up to the first await, so no try/finally inside it runs) and ends
# cancelled; cancel() still returns True. Its done callbacks run. A task
# cancelled after it finished returns False from cancel() and keeps its
# result. A task whose sleep ended in this iteration (its wake-up already
# queued) but that has not resumed yet is still cancelled at that
# resumption; one iteration later it is too late.
import asyncio


async def body(name):
    try:
        print(f"  {name}: body started")
        await asyncio.sleep(0.01)
        print(f"  {name}: body finished")
        return name
    finally:
        print(f"  {name}: finally")


async def main():
    t = asyncio.create_task(body("never"))
    t.add_done_callback(lambda task: print("  done callback: cancelled =", task.cancelled()))
    print("cancel before start ->", t.cancel("too early"))
    await asyncio.sleep(0)
    print("after one iteration: done =", t.done(), "cancelled =", t.cancelled())
    try:
        await t
    except asyncio.CancelledError as e:
        print("awaiting it: CancelledError", e.args)

    print("cancel after completion:")
    f = asyncio.create_task(body("finished"))
    await f
    print("cancel() ->", f.cancel(), "| result still:", f.result())

    print("cancel while the wake-up is already queued:")
    loop = asyncio.get_running_loop()

    async def waits_for(name, fut):
        try:
            print(f"  {name}: waiting for the future")
            value = await fut
            print(f"  {name}: got {value}")
            return value
        finally:
            print(f"  {name}: finally")

    f1 = loop.create_future()
    r = asyncio.create_task(waits_for("ready", f1))
    await asyncio.sleep(0)

    def fire_then_cancel():
        f1.set_result("data")  # queues the task's wake-up
        print("  callback: set_result done, cancel() ->", r.cancel())

    loop.call_soon(fire_then_cancel)
    await asyncio.gather(r, return_exceptions=True)
    print("  ready task cancelled:", r.cancelled())

    print("cancel one iteration too late:")
    f2 = loop.create_future()
    late = asyncio.create_task(waits_for("late", f2))
    await asyncio.sleep(0)

    def fire_then_cancel_later():
        f2.set_result("data")
        loop.call_soon(lambda: print("  later callback: cancel() ->", late.cancel()))

    loop.call_soon(fire_then_cancel_later)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("  late task cancelled:", late.cancelled(), "| result:", late.result())

    print("gather of tasks cancelled before starting:")
    ts = [asyncio.create_task(body(f"g{i}")) for i in range(3)]
    ts[1].cancel()
    res = await asyncio.gather(*ts, return_exceptions=True)
    print("  ", [type(x).__name__ if isinstance(x, BaseException) else x for x in res])


asyncio.run(main())
