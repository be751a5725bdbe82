# asyncio.wait(..., timeout=T) returns when the timeout expires even if not
# everything is done, and it does not cancel anything: the pending tasks
# keep running and can be waited on again. A timeout longer than the work
# returns as soon as the condition holds. wait() accepts futures as well.
import asyncio


def names(tasks):
    return sorted(t.get_name() for t in tasks)


async def download(size):
    await asyncio.sleep(size / 100)
    print(f"  download of {size} KB finished")
    return size


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    tasks = {asyncio.create_task(download(s), name=f"dl-{s}") for s in (2, 6, 14, 30)}
    done, pending = await asyncio.wait(tasks, timeout=0.1)
    print(f"after ~{loop.time() - start:.1f}s: done={names(done)} pending={names(pending)}")
    print("pending were not cancelled:", [t.cancelled() for t in sorted(pending, key=lambda t: t.get_name())])

    done2, pending2 = await asyncio.wait(pending, timeout=0.1)
    print(f"after ~{loop.time() - start:.1f}s: done={names(done2)} pending={names(pending2)}")

    done3, pending3 = await asyncio.wait(pending2, timeout=5)
    print(f"long timeout returned at ~{loop.time() - start:.1f}s: done={names(done3)} pending={len(pending3)}")
    print("total downloaded:", sum(t.result() for t in tasks))

    print("FIRST_COMPLETED with a timeout that wins:")
    fut = loop.create_future()
    slow = asyncio.create_task(download(40), name="dl-40")
    done, pending = await asyncio.wait([fut, slow], timeout=0.05,
                                       return_when=asyncio.FIRST_COMPLETED)
    print(f"  done={len(done)} pending={len(pending)}")
    fut.set_result("manual")
    done, pending = await asyncio.wait([fut, slow], return_when=asyncio.FIRST_COMPLETED)
    print(f"  after set_result: done has the future: {fut in done}, slow pending: {slow in pending}")
    slow.cancel()
    done, pending = await asyncio.wait([slow], timeout=0)
    print(f"  timeout=0 right after cancel: done={len(done)} pending={len(pending)}")
    await asyncio.wait([slow])
    print("  slow cancelled:", slow.cancelled())


asyncio.run(main())
