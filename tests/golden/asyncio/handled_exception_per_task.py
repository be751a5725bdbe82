# Each task has its own "exception being handled": a task that awaits inside
# an `except` block keeps its exception across the wait, whatever other tasks
# handle meanwhile, for a bare `raise`, for new exceptions' __context__ and
# inside coroutines it awaits.
import asyncio


async def cleanup(tag):
    await asyncio.sleep(0.01)
    try:
        raise RuntimeError(f"cleanup {tag}")
    except RuntimeError as e:
        return repr(e.__context__)


async def worker(tag, exc_type, delay):
    await asyncio.sleep(delay)
    try:
        raise exc_type(tag)
    except exc_type:
        print(tag, "cleanup saw", await cleanup(tag))
        await asyncio.sleep(0.02)
        try:
            raise ValueError(f"{tag} inner")
        except ValueError as e:
            print(tag, "inner context", repr(e.__context__))
        raise


async def main():
    results = await asyncio.gather(
        worker("a", KeyError, 0), worker("b", TypeError, 0.005),
        worker("c", IndexError, 0.01), return_exceptions=True)
    print([repr(r) for r in results])
    try:
        raise OSError("outer")
    except OSError:
        await asyncio.gather(worker("d", LookupError, 0), return_exceptions=True)
        try:
            raise
        except OSError as e:
            print("main still handles", repr(e))


asyncio.run(main())
