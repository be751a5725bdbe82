# put_nowait() on a full bounded queue raises QueueFull, which carries no
# message; uncaught, the last stderr line is just "asyncio.queues.QueueFull".
# Before that, a worker drains part of the queue so that blocking put()
# calls succeed; the final burst uses put_nowait() and overflows.
import asyncio


async def thumbnailer(q, handled):
    while True:
        job = await q.get()
        await asyncio.sleep(0.01)
        handled.append(job)
        print(f"  thumbnailer finished {job}")
        q.task_done()


async def main():
    q = asyncio.Queue(maxsize=3)
    handled = []
    worker = asyncio.create_task(thumbnailer(q, handled))
    for job in ["a.jpg", "b.jpg", "c.jpg", "d.jpg", "e.jpg"]:
        await q.put(job)
        print(f"queued {job} (qsize={q.qsize()})")
    await q.join()
    print("handled so far:", handled)
    worker.cancel()
    print("worker stopped; burst of filters with put_nowait:")
    for job in ["resize", "crop", "blur", "sharpen"]:
        print(f"enqueue {job} (qsize={q.qsize()}, full={q.full()})")
        q.put_nowait(job)
    print("never printed")


asyncio.run(main())
