"""TaskGroup: tasks started together, awaited together; when one fails the
others are cancelled and the errors come back as an ExceptionGroup."""
import asyncio


async def fetch(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
        if fail:
            raise ConnectionError(f"{name} is unreachable")
        print(f"fetched {name}")
        return name.upper()
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise


async def main():
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(fetch(n, d)) for n, d in [("alpha", 0.2), ("beta", 0.1)]]
    print("all done:", [t.result() for t in tasks])

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fetch("gamma", 0.5))
            tg.create_task(fetch("delta", 0.1, fail=True))
            tg.create_task(fetch("epsilon", 0.2, fail=True))
    except* ConnectionError as group:
        for e in group.exceptions:
            print("failed:", e)


asyncio.run(main())
