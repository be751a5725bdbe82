# Timers that tie: two callbacks at exactly the same deadline, and three
# tasks sleeping the same time from the same instant.
import asyncio


async def sleeper(name):
    await asyncio.sleep(1)
    print("woke", name)


async def main():
    loop = asyncio.get_running_loop()
    when = loop.time() + 0.5
    loop.call_at(when, print, "x")
    loop.call_at(when, print, "y")
    await asyncio.gather(sleeper("a"), sleeper("b"), sleeper("c"))


asyncio.run(main())
