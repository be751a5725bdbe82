# Two tasks each wait for the other's event: CPython hangs here forever.
import asyncio


async def first(a, b):
    print("first waits for b")
    await b.wait()
    a.set()


async def second(a, b):
    print("second waits for a")
    await a.wait()
    b.set()


async def main():
    a, b = asyncio.Event(), asyncio.Event()
    await asyncio.gather(
        asyncio.create_task(first(a, b), name="first"),
        asyncio.create_task(second(a, b), name="second"),
    )


asyncio.run(main())
