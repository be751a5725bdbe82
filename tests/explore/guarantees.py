# Orders asyncio does guarantee, which no explored schedule may change:
# callbacks scheduled by one step run first in, first out; a waiter woken
# by set_result runs before the setter resumes from sleep(0); timers with
# different deadlines fire in deadline order. A busy task keeps the loop
# full of other work the explorer may move around all of these.
import asyncio


async def busy():
    for _ in range(50):
        await asyncio.sleep(0)


async def main():
    loop = asyncio.get_running_loop()
    background = asyncio.create_task(busy())
    for i in range(5):
        loop.call_soon(print, "soon", i)
    fut = loop.create_future()

    async def waiter():
        print("waiter got", await fut)

    task = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    fut.set_result(1)
    await asyncio.sleep(0)
    print("main after the waiter")
    await task
    loop.call_later(0.2, print, "later 0.2")
    loop.call_later(0.1, print, "later 0.1")
    loop.call_later(0.3, print, "later 0.3")
    await asyncio.sleep(0.5)
    await background
    print("done")


asyncio.run(main())
