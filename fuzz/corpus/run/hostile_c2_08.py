import time
print(time.time() > 0, time.monotonic() >= 0)
time.sleep(2**63-1 if False else 0)
import asyncio
async def m():
    loop = asyncio.get_running_loop()
    loop.call_later(1e300, print, "x")
    loop.call_at(-1e300, print, "y")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(loop.time() >= 0)
asyncio.run(m())
