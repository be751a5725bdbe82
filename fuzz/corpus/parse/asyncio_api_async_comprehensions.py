# Async comprehensions: `[x async for x in agen()]`, with conditions, dict
# and set forms, awaits inside ordinary comprehensions
# (`[await f(x) for x in xs]`, run one after another), and an async
# generator expression consumed later by `async for`.
import asyncio


async def numbers(n, delay=0):
    for i in range(n):
        if delay:
            await asyncio.sleep(delay)
        yield i


async def double(x):
    await asyncio.sleep(0)
    return x * 2


async def words():
    for w in ["async", "await", "yield", "await", "loop"]:
        yield w


async def main():
    print("list:", [i async for i in numbers(5)])
    print("filtered:", [i * i async for i in numbers(10) if i % 3 == 0])
    print("dict:", {w: len(w) async for w in words()})
    print("set:", sorted({w async for w in words()}))
    print("await inside:", [await double(i) for i in range(4)])
    print("both:", [await double(i) async for i in numbers(3) if i != 1])
    nested = [[j async for j in numbers(i)] for i in range(4)]
    print("nested:", nested)

    gen = (w.upper() async for w in words() if "a" in w)
    print("async genexp type:", type(gen).__name__)
    async for w in gen:
        print("  genexp item:", w)

    print("interleaving: a comprehension that sleeps lets a task run")
    log = []

    async def background():
        for i in range(3):
            log.append(f"bg{i}")
            await asyncio.sleep(0.02)

    t = asyncio.create_task(background())
    items = [f"item{i}" async for i in numbers(3, delay=0.03)]
    await t
    print("  items:", items)
    print("  background ran during the comprehension:", log)


asyncio.run(main())
