# Queue.join() blocks until every item that was put has been marked with
# task_done(); a pool of workers pulls from one queue, the producer waits on
# join(), then the idle workers (blocked in get()) are cancelled. Calling
# task_done() more often than items were put raises ValueError.
import asyncio


async def worker(name, q, results):
    try:
        while True:
            job = await q.get()
            print(f"  {name} takes {job} (left in queue: {q.qsize()})")
            await asyncio.sleep(0.01 * job)
            results.append((job, name))
            q.task_done()
    except asyncio.CancelledError:
        print(f"  {name} cancelled while waiting in get()")
        raise


async def main():
    q = asyncio.Queue()
    results = []
    workers = [asyncio.create_task(worker(f"w{i}", q, results)) for i in (1, 2, 3)]
    for job in [1, 3, 5, 6, 6, 6]:
        q.put_nowait(job)
    print("queued 6 jobs, joining")
    await q.join()
    print("join returned; results:", results)
    print("workers still waiting:", sum(not w.done() for w in workers))
    for w in workers:
        w.cancel()
    outcomes = await asyncio.gather(*workers, return_exceptions=True)
    print("worker outcomes:", [type(o).__name__ for o in outcomes])

    print("join on a queue with nothing unfinished returns at once:")
    await q.join()
    print("  ok")

    print("task_done too often:")
    q2 = asyncio.Queue()
    q2.put_nowait("only")
    q2.get_nowait()
    q2.task_done()
    try:
        q2.task_done()
    except ValueError as e:
        print("  ValueError:", e)

    print("join waits for task_done, not for get:")
    q3 = asyncio.Queue()
    q3.put_nowait("item")

    async def slow_ack():
        item = q3.get_nowait()
        print("  got", item, "- queue empty:", q3.empty())
        await asyncio.sleep(0.03)
        print("  acknowledging")
        q3.task_done()

    asyncio.create_task(slow_ack())
    await q3.join()
    print("  join returned after the acknowledgement")


asyncio.run(main())
