# The main script's __file__ is an absolute path (CPython 3.9+), whatever
# path it was run by; tracebacks and task reprs use it too.
import asyncio
import sys

print(__file__.startswith("/"), __file__.endswith("main_file_path.py"))
print(sys.argv[0].endswith("main_file_path.py"))


async def job():
    return 1


async def main():
    t = asyncio.create_task(job())
    await t
    where = repr(t).split("defined at ")[1].split(":")[0]
    print(where == __file__)


asyncio.run(main())
