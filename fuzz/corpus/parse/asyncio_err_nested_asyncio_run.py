# asyncio.run() called from code that is already running inside the event
# loop fails immediately with "RuntimeError: asyncio.run() cannot be called
# from a running event loop". The same sync wrapper works from top-level
# code, where no loop is running. (The coroutine handed to the inner run is
# closed in a finally block so no "never awaited" warning follows the
# traceback.)
import asyncio

CONFIG = {"debug": True, "workers": 4}


async def load_config(key):
    await asyncio.sleep(0)
    return CONFIG[key]


def get_config_sync(key):
    coro = load_config(key)
    try:
        return asyncio.run(coro)
    finally:
        coro.close()


async def main():
    print("inside the loop, async access:", await load_config("workers"))
    try:
        asyncio.get_running_loop()
        print("a loop is running here")
    except RuntimeError:
        print("no loop (not printed)")
    print("calling the sync wrapper from inside the loop...")
    print(get_config_sync("debug"))


print("sync wrapper outside any loop:", get_config_sync("debug"))
print("and again:", get_config_sync("workers"))
asyncio.run(main())
