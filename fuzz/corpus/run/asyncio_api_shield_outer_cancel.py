# shield(aw): cancelling the task that awaits a shielded operation raises
# CancelledError in that task, but the inner operation keeps running to
# completion and its result stays available from the inner task. If the
# inner task itself is cancelled, the shield's waiter sees the
# cancellation. A shielded coroutine is wrapped in a new task.
import asyncio

saved = {}


async def save(record, seconds):
    print(f"  save({record}) started")
    await asyncio.sleep(seconds)
    saved[record] = "stored"
    print(f"  save({record}) committed")
    return f"{record}:ok"


async def handler(inner):
    try:
        result = await asyncio.shield(inner)
        print("  handler got", result)
    except asyncio.CancelledError:
        print("  handler got CancelledError")
        raise


async def main():
    inner = asyncio.create_task(save("invoice-9", 0.06))
    h = asyncio.create_task(handler(inner))
    await asyncio.sleep(0.02)
    print("cancelling the handler")
    h.cancel()
    await asyncio.sleep(0)
    print("handler cancelled:", h.cancelled(), "| inner done:", inner.done())
    print("inner result via the task:", await inner)
    print("saved:", saved)

    print("shield without cancellation:")
    h2 = asyncio.create_task(handler(asyncio.create_task(save("receipt-1", 0.01))))
    await h2

    print("cancelling the inner task itself:")
    inner = asyncio.create_task(save("draft", 0.5))
    h3 = asyncio.create_task(handler(inner))
    await asyncio.sleep(0.01)
    inner.cancel()
    results = await asyncio.gather(h3, return_exceptions=True)
    print("handler saw:", type(results[0]).__name__, "| inner cancelled:", inner.cancelled())

    print("shield of a coroutine from main, main's wait timing out:")
    try:
        await asyncio.wait_for(asyncio.shield(save("report", 0.06)), timeout=0.02)
    except TimeoutError:
        print("  wait_for timed out; waiting for the shielded work")
    await asyncio.sleep(0.06)
    print("saved keys:", sorted(saved))


asyncio.run(main())
