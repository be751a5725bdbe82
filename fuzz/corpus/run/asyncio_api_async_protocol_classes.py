# User classes implementing the async protocols: __aenter__/__aexit__ for
# `async with` (the __aexit__ return value decides whether an exception is
# suppressed, and it receives the exception type/value), and
# __aiter__/__anext__ for `async for` (StopAsyncIteration ends the loop).
# Both may suspend; another task's progress shows when they do.
import asyncio


class Transaction:
    def __init__(self, name, swallow):
        self.name = name
        self.swallow = swallow

    async def __aenter__(self):
        print(f"  [{self.name}] BEGIN")
        await asyncio.sleep(0)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0)
        if exc_type is None:
            print(f"  [{self.name}] COMMIT")
            return False
        print(f"  [{self.name}] ROLLBACK because of {exc_type.__name__}: {exc}")
        return self.swallow


class Countdown:
    def __init__(self, start):
        self.start = start

    def __aiter__(self):
        print("  __aiter__ called")
        self.current = self.start
        return self

    async def __anext__(self):
        if self.current <= 0:
            print("  __anext__ raising StopAsyncIteration")
            raise StopAsyncIteration
        await asyncio.sleep(0)
        self.current -= 1
        return self.current + 1


async def spinner():
    for i in range(12):
        print(f"    spin {i}")
        await asyncio.sleep(0)


async def main():
    spin = asyncio.create_task(spinner())
    async with Transaction("t1", swallow=False) as tx:
        print(f"  inside {tx.name}")
    async with Transaction("t2", swallow=True):
        raise KeyError("row 7")
    print("  t2 error was suppressed")
    try:
        async with Transaction("t3", swallow=False):
            raise ValueError("constraint")
    except ValueError as e:
        print("  t3 error propagated:", e)

    async for n in Countdown(3):
        print("  countdown", n)
    else:
        print("  async for else-branch runs after normal exhaustion")

    total = 0
    async for n in Countdown(5):
        if n == 2:
            break
        total += n
    print("  sum before break:", total)
    await spin

    print("missing protocol methods:")
    try:
        async with object():
            pass
    except (TypeError, AttributeError) as e:
        print(f"  {type(e).__name__}: {e}")
    try:
        async for _ in [1, 2]:
            pass
    except TypeError as e:
        print("  TypeError:", e)


asyncio.run(main())
