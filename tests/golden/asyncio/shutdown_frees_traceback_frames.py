# When the program dies, the traceback keeps the failing frames (and their
# local variables) alive until the interpreter shuts down, after the
# traceback is printed: only then does the generator held by main() close,
# and the failed task it holds log "Task exception was never retrieved".
import asyncio


def numbers():
    try:
        yield 1
        yield 2
    finally:
        print("numbers() closed at shutdown")


async def background():
    raise ValueError("background failure")


async def main():
    gen = numbers()
    print("first number", next(gen))
    task = asyncio.create_task(background())
    await asyncio.sleep(0.01)
    print("background done:", task.done())
    raise RuntimeError("main fails")


asyncio.run(main())
