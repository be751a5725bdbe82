# A consumer that assumes the producer ran first: in CPython's order it
# does; in another legal order list.pop() raises IndexError.
import asyncio

box = []


async def produce():
    await asyncio.sleep(0)
    box.append("parcel")


async def consume():
    await asyncio.sleep(0)
    print("got", box.pop())


async def main():
    await asyncio.gather(produce(), consume())


asyncio.run(main())
