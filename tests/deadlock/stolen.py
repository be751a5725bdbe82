# The consumer is woken for an item that the main task takes first, so it
# waits again inside Queue.get(); nobody puts another item: CPython hangs.
import asyncio


async def consumer(queue):
    print("consumer waits")
    item = await queue.get()
    print("never printed", item)


async def main():
    queue = asyncio.Queue()
    task = asyncio.create_task(consumer(queue), name="consumer")
    await asyncio.sleep(0)
    queue.put_nowait("item")
    print("main took", queue.get_nowait())
    await task


asyncio.run(main())
