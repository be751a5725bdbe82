# asyncio.timeout(delay) (3.11) is an async context manager: when the
# deadline passes, the body is cancelled at its current await and the
# CancelledError is turned into TimeoutError at the `async with`. The
# Timeout object exposes when() (absolute loop time or None), expired(),
# and reschedule(when) to move or remove the deadline while inside.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()

    print("expires:")
    try:
        async with asyncio.timeout(0.08) as cm:
            print(f"  when - start ~{cm.when() - start:.1f}, expired: {cm.expired()}")
            await asyncio.sleep(0.5)
            print("  not reached")
    except TimeoutError as e:
        print("  TimeoutError, args:", e.args, "| expired:", cm.expired())

    print("finishes in time:")
    async with asyncio.timeout(0.2) as cm:
        await asyncio.sleep(0.01)
    print("  expired:", cm.expired())

    print("timeout(None) never expires, reschedule later:")
    t0 = loop.time()
    try:
        async with asyncio.timeout(None) as cm:
            print("  when():", cm.when())
            await asyncio.sleep(0.02)
            cm.reschedule(loop.time() + 0.04)
            print("  rescheduled, when() is set:", cm.when() is not None)
            await asyncio.sleep(0.5)
    except TimeoutError:
        print(f"  expired at ~{loop.time() - t0:.1f}s after entering")

    print("extend a deadline before it hits:")
    t0 = loop.time()
    async with asyncio.timeout(0.03) as cm:
        await asyncio.sleep(0.01)
        cm.reschedule(cm.when() + 0.1)
        await asyncio.sleep(0.05)
        print("  survived past the original deadline")
    print(f"  took ~{loop.time() - t0:.1f}s, expired: {cm.expired()}")

    print("remove the deadline with reschedule(None):")
    async with asyncio.timeout(0.02) as cm:
        cm.reschedule(None)
        await asyncio.sleep(0.04)
        print("  when():", cm.when())
    print("  expired:", cm.expired())

    print("deadline already in the past:")
    try:
        async with asyncio.timeout(-1):
            print("  body starts anyway")
            await asyncio.sleep(0)
            print("  not reached")
    except TimeoutError:
        print("  TimeoutError at the first await")

    print("a body that never awaits is not interrupted:")
    try:
        async with asyncio.timeout(0):
            print("  sync body ran to the end")
    except TimeoutError:
        print("  TimeoutError on exit")


asyncio.run(main())
