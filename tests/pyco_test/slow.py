# Sleeps three seconds of loop time; under virtual time it takes none.
import asyncio


async def tick(n):
    await asyncio.sleep(n)
    return n


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    print(await asyncio.gather(tick(1), tick(3), tick(2)))
    print(round(loop.time() - start, 1))


asyncio.run(main())
