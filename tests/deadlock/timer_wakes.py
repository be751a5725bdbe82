# Not a deadlock: every task waits, but a timer will set the event.
import asyncio


async def waiter(event):
    await event.wait()
    print("woken")


async def main():
    event = asyncio.Event()
    task = asyncio.create_task(waiter(event), name="waiter")
    asyncio.get_running_loop().call_later(0.2, event.set)
    await task
    print("done")


asyncio.run(main())
