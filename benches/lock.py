# Lock contention: many tasks taking one lock and yielding while holding it.
import asyncio


async def worker(lock, state, rounds):
    for _ in range(rounds):
        async with lock:
            seen = state[0]
            await asyncio.sleep(0)
            state[0] = seen + 1


async def main():
    lock = asyncio.Lock()
    state = [0]
    await asyncio.gather(*[worker(lock, state, 250) for _ in range(800)])
    print("lock", state[0])


asyncio.run(main())
