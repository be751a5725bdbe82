# asyncio.timeout() works by cancelling the task when the deadline passes
# and converting that one CancelledError into TimeoutError on exit (using
# cancelling()/uncancel() to tell its own cancellation apart). So: code
# inside the block sees CancelledError, not TimeoutError; an *external*
# cancel() arriving while inside stays a CancelledError; and a block that
# swallows the CancelledError ends without TimeoutError, though expired()
# is True.
import asyncio


async def guarded(label, work, deadline):
    try:
        async with asyncio.timeout(deadline) as cm:
            try:
                await asyncio.sleep(work)
                print(f"  {label}: work finished")
            except asyncio.CancelledError:
                print(f"  {label}: body saw CancelledError")
                raise
    except TimeoutError:
        print(f"  {label}: TimeoutError at the block (expired={cm.expired()})")
        return "timed out"
    return "ok"


async def swallower():
    async with asyncio.timeout(0.02) as cm:
        try:
            await asyncio.sleep(0.5)
        except asyncio.CancelledError:
            print("  swallower: caught the cancellation and carried on")
    print("  swallower: after the block, expired =", cm.expired())
    return "no TimeoutError"


async def main():
    print("deadline passes:")
    print("  ->", await guarded("slow", 0.5, 0.02))
    print("work is quicker:")
    print("  ->", await guarded("fast", 0.01, 0.2))

    print("external cancel while inside the block:")
    t = asyncio.create_task(guarded("external", 0.5, 0.3))
    await asyncio.sleep(0.02)
    t.cancel("from outside")
    try:
        await t
    except asyncio.CancelledError as e:
        print("  outer task cancelled with args", e.args)

    print("swallowing inside the block:")
    print("  ->", await swallower())

    print("cancelling() is balanced after a timeout:")
    me = asyncio.current_task()
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(0.5)
    except TimeoutError:
        pass
    print("  cancelling():", me.cancelling())

    print("wait_for also converts:")
    try:
        await asyncio.wait_for(asyncio.sleep(0.5), 0.01)
    except TimeoutError as e:
        print("  TimeoutError, __context__ is", type(e.__context__).__name__)


asyncio.run(main())
