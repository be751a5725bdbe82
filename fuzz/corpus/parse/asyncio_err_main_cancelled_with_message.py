# When the main task itself is cancelled and does not handle it,
# asyncio.run() raises CancelledError: the last stderr line is
# "asyncio.exceptions.CancelledError: <message>" with the cancel message.
# The main coroutine's finally block runs first, and a helper task that was
# still running is then cancelled by asyncio.run's cleanup.
import asyncio


async def progress_bar(total):
    try:
        for done in range(total):
            await asyncio.sleep(0.04)
    finally:
        print("  progress bar: cleared")


async def main():
    me = asyncio.current_task()
    loop = asyncio.get_running_loop()
    bar = asyncio.create_task(progress_bar(50))
    loop.call_later(0.09, me.cancel, "operator abort")
    try:
        for step in range(1, 10):
            print(f"  step {step}")
            await asyncio.sleep(0.06)
    except asyncio.CancelledError as e:
        print("  main: saw CancelledError", e.args)
        raise
    finally:
        print("  main: finally, cancelling() =", me.cancelling(), "| bar done:", bar.done())


asyncio.run(main())
