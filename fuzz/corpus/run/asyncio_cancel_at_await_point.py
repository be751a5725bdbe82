# Cancellation is delivered as a CancelledError raised *at the await where
# the task is suspended*, never in the middle of synchronous code: code
# between awaits always completes. Nested coroutines unwind from the
# innermost frame outward, each running its except/finally; a task that
# re-raises ends cancelled. CancelledError is a BaseException, so
# `except Exception` does not catch it.
import asyncio


async def inner_io(log):
    try:
        log.append("inner: before await")
        await asyncio.sleep(1)
        log.append("inner: after await (never)")
    finally:
        log.append("inner: finally")


async def middle(log):
    try:
        await inner_io(log)
    except Exception:
        log.append("middle: except Exception (never)")
    finally:
        log.append("middle: finally")


async def outer(log):
    try:
        await middle(log)
    except asyncio.CancelledError as e:
        log.append(f"outer: caught CancelledError{e.args}, re-raising")
        raise


async def busy_then_wait(log):
    total = 0
    for i in range(100000):
        total += i
    log.append(f"busy: finished the sync loop ({total})")
    await asyncio.sleep(0)
    log.append("busy: not reached")


async def main():
    log = []
    t = asyncio.create_task(outer(log))
    await asyncio.sleep(0)
    t.cancel("shutdown")
    print("right after cancel(): done =", t.done(), "| log:", log)
    try:
        await t
    except asyncio.CancelledError as e:
        print("awaiting the task: CancelledError", e.args)
    for line in log:
        print("  ", line)
    print("is BaseException:", issubclass(asyncio.CancelledError, BaseException),
          "| is Exception:", issubclass(asyncio.CancelledError, Exception))

    print("cancelling a task suspended in sleep(0) after a long sync stretch:")
    log2 = []
    b = asyncio.create_task(busy_then_wait(log2))
    await asyncio.sleep(0)
    b.cancel()
    await asyncio.gather(b, return_exceptions=True)
    print("  ", log2, "cancelled:", b.cancelled())


asyncio.run(main())
