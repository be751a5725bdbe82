# An asyncio.timeout() block whose deadline passes raises TimeoutError at
# the `async with`; if nothing catches it, it ends asyncio.run() with the
# last line "TimeoutError" (the CancelledError that caused it is shown
# above it in the traceback). The first block finishes in time; inside the
# second, the poller's finally still runs.
import asyncio


async def poll(service, attempts):
    try:
        for i in range(1, attempts + 1):
            print(f"  {service}: attempt {i}")
            await asyncio.sleep(0.06)
        return f"{service} healthy"
    finally:
        print(f"  {service}: poller finished")


async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(0.5) as cm:
        print(await poll("db", 2))
    print("first block expired:", cm.expired())
    deadline = loop.time() + 0.15
    async with asyncio.timeout_at(deadline) as cm:
        print("second block deadline set:", cm.when() == deadline)
        print(await poll("search", 5))
    print("never printed")


asyncio.run(main())
