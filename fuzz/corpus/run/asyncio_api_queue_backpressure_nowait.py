# Queue(maxsize=N): put() blocks while the queue is full and resumes when a
# get() frees a slot (backpressure); put_nowait() on a full queue raises
# QueueFull and get_nowait() on an empty one raises QueueEmpty; qsize(),
# empty(), full() and maxsize report the state. maxsize <= 0 means
# unbounded. Blocked putters are served in the order they blocked.
import asyncio


def state(q):
    return f"qsize={q.qsize()} empty={q.empty()} full={q.full()}"


async def producer(name, q, items):
    for item in items:
        print(f"  {name} putting {item} ({state(q)})")
        await q.put(item)
        print(f"  {name} put {item}")


async def main():
    q = asyncio.Queue(maxsize=2)
    print("maxsize:", q.maxsize, "|", state(q))
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print("get_nowait on empty: QueueEmpty", repr(str(e)))
    q.put_nowait("a")
    q.put_nowait("b")
    print("after two put_nowait:", state(q))
    try:
        q.put_nowait("c")
    except asyncio.QueueFull:
        print("put_nowait on full: QueueFull")
    print("get_nowait:", q.get_nowait(), "|", state(q))
    q.get_nowait()

    print("two producers against a slow consumer:")
    p1 = asyncio.create_task(producer("P1", q, ["x1", "x2", "x3"]))
    p2 = asyncio.create_task(producer("P2", q, ["y1", "y2"]))
    await asyncio.sleep(0.01)
    received = []
    while len(received) < 5:
        item = await q.get()
        received.append(item)
        print(f"  consumer got {item} ({state(q)})")
        await asyncio.sleep(0.01)
    await asyncio.gather(p1, p2)
    print("received:", received)

    print("unbounded queues:")
    for size in (0, -1):
        u = asyncio.Queue(maxsize=size)
        for i in range(100):
            u.put_nowait(i)
        print(f"  maxsize={size}: qsize={u.qsize()} full={u.full()}")


asyncio.run(main())
