# Cancelling tasks that are blocked on synchronization primitives: the
# CancelledError is raised at the blocked acquire()/get()/put()/wait(), the
# primitive forgets the cancelled waiter, and the next waiter in line is
# served as if the cancelled one had never queued. Nothing leaks: the lock
# is free at the end, the queue holds exactly the items put.
import asyncio


async def blocked(name, what, coro_factory):
    try:
        await coro_factory()
        print(f"  {name}: got past the {what}")
    except asyncio.CancelledError:
        print(f"  {name}: cancelled while blocked on the {what}")
        raise


async def main():
    print("Lock:")
    lock = asyncio.Lock()
    await lock.acquire()
    ws = [asyncio.create_task(blocked(n, "lock", lock.acquire)) for n in ("L1", "L2", "L3")]
    await asyncio.sleep(0)
    ws[0].cancel()
    await asyncio.sleep(0)
    lock.release()
    await asyncio.sleep(0)
    print("  locked by L2 now:", lock.locked())
    lock.release()
    await asyncio.gather(*ws, return_exceptions=True)
    lock.release()
    print("  finally free:", not lock.locked())

    print("Queue.get and Queue.put:")
    q = asyncio.Queue(maxsize=1)
    getters = [asyncio.create_task(blocked(n, "get", q.get)) for n in ("G1", "G2")]
    await asyncio.sleep(0)
    getters[0].cancel()
    await asyncio.sleep(0)
    q.put_nowait("parcel")
    await asyncio.gather(*getters, return_exceptions=True)
    print("  queue empty again:", q.empty())
    q.put_nowait("filler")
    putters = [asyncio.create_task(blocked(n, "put", lambda n=n: q.put(n))) for n in ("P1", "P2")]
    await asyncio.sleep(0)
    putters[0].cancel()
    await asyncio.sleep(0)
    print("  took", q.get_nowait())
    await asyncio.gather(*putters, return_exceptions=True)
    print("  queue now holds:", q.get_nowait(), "| empty:", q.empty())

    print("Event and Condition:")
    ev = asyncio.Event()
    cond = asyncio.Condition()

    async def cond_wait():
        async with cond:
            await cond.wait()

    tasks = [asyncio.create_task(blocked("E1", "event", ev.wait)),
             asyncio.create_task(blocked("E2", "event", ev.wait)),
             asyncio.create_task(blocked("C1", "condition", cond_wait)),
             asyncio.create_task(blocked("C2", "condition", cond_wait))]
    await asyncio.sleep(0)
    tasks[0].cancel()
    tasks[2].cancel()
    await asyncio.sleep(0)
    ev.set()
    async with cond:
        cond.notify(1)
    await asyncio.gather(*tasks, return_exceptions=True)
    print("  cancelled flags:", [t.cancelled() for t in tasks])

    print("Semaphore:")
    sem = asyncio.Semaphore(0)
    s_tasks = [asyncio.create_task(blocked(n, "semaphore", sem.acquire)) for n in ("S1", "S2", "S3")]
    await asyncio.sleep(0)
    s_tasks[1].cancel()
    await asyncio.sleep(0)
    sem.release()
    sem.release()
    await asyncio.gather(*s_tasks, return_exceptions=True)
    print("  semaphore locked again:", sem.locked())


asyncio.run(main())
