"""A worker pool: a producer fills a bounded Queue, three workers take jobs
as they come, and the pool shuts down cleanly once every job is done."""
import asyncio
import random


async def producer(queue, jobs):
    for job in jobs:
        await queue.put(job)  # waits while the queue is full
        print(f"queued {job['id']} (queue size {queue.qsize()})")


async def worker(name, queue, results):
    while True:
        job = await queue.get()
        try:
            await asyncio.sleep(job["cost"])
            results.append((job["id"], name))
            print(f"{name} finished job {job['id']} after {job['cost']:.2f}s")
        finally:
            queue.task_done()


async def main():
    random.seed(7)
    jobs = [{"id": i, "cost": round(random.uniform(0.05, 0.3), 2)} for i in range(8)]
    queue = asyncio.Queue(maxsize=3)
    results = []
    workers = [asyncio.create_task(worker(f"worker-{n}", queue, results)) for n in range(3)]
    await producer(queue, jobs)
    await queue.join()  # every job taken and finished
    for w in workers:
        w.cancel()
    outcome = await asyncio.gather(*workers, return_exceptions=True)
    print("workers stopped:", [type(o).__name__ for o in outcome])
    per_worker = {}
    for job_id, name in results:
        per_worker.setdefault(name, []).append(job_id)
    for name in sorted(per_worker):
        print(name, "did", per_worker[name])


asyncio.run(main())
