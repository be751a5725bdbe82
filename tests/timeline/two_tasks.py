# Two tasks: one sleeps and sets an event, the other waits on it; the main
# task awaits both, then cancels a third that would sleep for an hour.
import asyncio


async def ticker(ready):
    for i in range(3):
        await asyncio.sleep(0.1)
        print("tick", i)
    ready.set()
    return "ticked"


async def waiter(ready):
    await ready.wait()
    print("event seen")
    return "waited"


async def main():
    ready = asyncio.Event()
    tick = asyncio.create_task(ticker(ready), name="ticker")
    wait = asyncio.create_task(waiter(ready), name="waiter")
    print(await tick, await wait)
    nap = asyncio.create_task(asyncio.sleep(3600), name="nap")
    await asyncio.sleep(0.05)
    nap.cancel()
    try:
        await nap
    except asyncio.CancelledError:
        print("nap cancelled")


asyncio.run(main())
