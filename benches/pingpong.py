# Queue hand-off: two tasks bouncing messages through a pair of queues.
import asyncio


async def server(requests, replies):
    while True:
        n = await requests.get()
        if n is None:
            return
        await replies.put(n + 1)


async def main():
    requests = asyncio.Queue()
    replies = asyncio.Queue()
    task = asyncio.create_task(server(requests, replies))
    total = 0
    for i in range(200_000):
        await requests.put(i)
        total += await replies.get()
    await requests.put(None)
    await task
    print("pingpong", total)


asyncio.run(main())
