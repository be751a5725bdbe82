# A TaskGroup whose failures are not handled: the group cancels the
# remaining task (its finally prints), then raises an ExceptionGroup that
# escapes asyncio.run(). The traceback shows the group with both
# sub-exceptions (both tasks fail in the same iteration, released by one
# Event); the harness checks only its last line.
import asyncio


async def upload(name, go, fail):
    try:
        await go.wait()
        if fail:
            print(f"  {name}: failing")
            raise PermissionError(f"{name}: access denied")
        await asyncio.sleep(1)
    finally:
        print(f"  {name}: finally")


async def main():
    go = asyncio.Event()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(upload("avatar.png", go, True))
        tg.create_task(upload("backup.tar", go, False))
        tg.create_task(upload("notes.txt", go, True))
        await asyncio.sleep(0)
        print("  releasing the uploads")
        go.set()
    print("never printed")


asyncio.run(main())
