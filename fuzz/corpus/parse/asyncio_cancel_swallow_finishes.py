# A task that catches CancelledError and does not re-raise finishes
# normally: cancelled() is False and its return value is the result. It
# can even keep awaiting afterwards. Compare with a task that re-raises
# (cancelled) and one that raises a different exception while handling
# the cancellation (failed with that exception).
import asyncio


async def downloader(mode):
    try:
        await asyncio.sleep(1)
        return "complete"
    except asyncio.CancelledError:
        print(f"  {mode}: got CancelledError")
        if mode == "swallow":
            return "partial"
        if mode == "swallow-and-continue":
            await asyncio.sleep(0.01)
            print(f"  {mode}: finished extra work after cancellation")
            return "partial+extra"
        if mode == "convert":
            raise RuntimeError("download aborted")
        raise


async def main():
    tasks = {m: asyncio.create_task(downloader(m))
             for m in ("swallow", "swallow-and-continue", "convert", "reraise")}
    await asyncio.sleep(0.01)
    for m, t in tasks.items():
        print(f"cancel {m} ->", t.cancel())
    await asyncio.gather(*tasks.values(), return_exceptions=True)
    for m, t in tasks.items():
        if t.cancelled():
            outcome = "cancelled"
        elif t.exception() is not None:
            outcome = f"failed: {t.exception()!r}"
        else:
            outcome = f"result {t.result()!r}"
        print(f"{m:>22}: {outcome}; cancelling() = {t.cancelling()}")

    print("a loop that refuses to stop three times:")

    async def stubborn():
        refusals = 0
        while True:
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                refusals += 1
                print(f"  refusal #{refusals}")
                if refusals == 3:
                    return refusals

    s = asyncio.create_task(stubborn())
    for _ in range(3):
        await asyncio.sleep(0)
        s.cancel()
    print("  result:", await s, "| cancelled:", s.cancelled())


asyncio.run(main())
