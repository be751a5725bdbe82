# The cost of awaiting a coroutine inline (no tasks involved).
import asyncio


async def afib(n):
    if n < 2:
        return n
    return await afib(n - 1) + await afib(n - 2)


async def main():
    total = 0
    for _ in range(30):
        total += await afib(24)
    print("async_fib", total)


asyncio.run(main())
