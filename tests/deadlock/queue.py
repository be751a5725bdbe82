# The producer puts three items and ends; the consumer then waits on an
# empty queue that nobody will fill: CPython hangs here forever.
import asyncio


async def producer(queue):
    for i in range(3):
        await queue.put(i)
        await asyncio.sleep(0.01)
    print("producer done")


async def consumer(queue):
    while True:
        item = await queue.get()
        print("got", item)


async def main():
    queue = asyncio.Queue()
    asyncio.create_task(producer(queue), name="producer")
    await asyncio.create_task(consumer(queue), name="consumer")


asyncio.run(main())
