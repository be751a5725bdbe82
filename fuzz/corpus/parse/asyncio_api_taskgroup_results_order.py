# TaskGroup (3.11): tg.create_task() schedules tasks like create_task; the
# `async with` block waits for all of them on exit, so results are read
# from the tasks afterwards. Tasks can be added from inside other tasks of
# the group while it is running; the body itself may await. Names work as
# with create_task.
import asyncio


async def crawl(url, depth, tg, found):
    await asyncio.sleep(0.01 * depth)
    found.append(url)
    print(f"  crawled {url}")
    if depth < 2:
        for child in ("a", "b"):
            tg.create_task(crawl(f"{url}/{child}", depth + 1, tg, found),
                           name=f"crawl {url}/{child}")
    return len(url)


async def main():
    found = []
    async with asyncio.TaskGroup() as tg:
        root = tg.create_task(crawl("site", 0, tg, found), name="crawl site")
        print("body: root created, named", repr(root.get_name()))
        await asyncio.sleep(0)
        print("body: finished its own work, now waiting on exit")
    print("after the block, root result:", root.result())
    print("pages found:", len(found))
    print("first three:", found[:3])

    print("results gathered from tasks:")
    async with asyncio.TaskGroup() as tg:
        squares = [tg.create_task(asyncio.sleep(0.01 * (5 - n), result=n * n)) for n in range(5)]
    print("  ", [t.result() for t in squares])

    print("empty group and a group whose tasks finish before exit:")
    async with asyncio.TaskGroup():
        pass
    async with asyncio.TaskGroup() as tg:
        quick = tg.create_task(asyncio.sleep(0, result="quick"))
        await asyncio.sleep(0.01)
        print("   quick done inside the block:", quick.done())
    print("   quick result:", quick.result())


asyncio.run(main())
