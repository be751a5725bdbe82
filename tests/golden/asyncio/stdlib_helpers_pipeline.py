# A producer/consumer pipeline written the way real scripts are: dataclass
# messages through an asyncio.Queue, resources opened by an
# @asynccontextmanager, callbacks scheduled with functools.partial.
import asyncio
import functools
import itertools
from collections import Counter, defaultdict
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass, field


@dataclass(order=True)
class Message:
    priority: int
    seq: int
    body: str = field(compare=False)
    tags: list = field(default_factory=list, compare=False, repr=False)


@asynccontextmanager
async def connection(name, log):
    log.append(f'open {name}')
    print(f'[{name}] connecting')
    await asyncio.sleep(0)
    try:
        yield f'<conn {name}>'
    except ValueError as e:
        print(f'[{name}] error inside: {e}')
        raise
    finally:
        await asyncio.sleep(0)
        log.append(f'close {name}')
        print(f'[{name}] closed')


def on_event(kind, seen, value=None, *, source='loop'):
    seen[kind].append(value)
    print(f'callback {kind} value={value} source={source}')


async def producer(queue, ids, n):
    async with connection('producer', LOG) as conn:
        print('producer has', conn)
        for i in range(n):
            msg = Message(priority=i % 2, seq=next(ids), body=f'item-{i}')
            await queue.put(msg)
            print('put', msg)
            await asyncio.sleep(0)
    await queue.put(None)


async def consumer(queue, stats):
    async with connection('consumer', LOG):
        while (msg := await queue.get()) is not None:
            stats[msg.body[-1]] += 1
            print('got', msg, msg.tags)
            queue.task_done()
        queue.task_done()


LOG = []


async def main():
    loop = asyncio.get_running_loop()
    seen = defaultdict(list)
    loop.call_soon(functools.partial(on_event, 'start', seen, source='main'))
    loop.call_soon(functools.partial(on_event, 'tick', seen), 1)
    loop.call_soon(on_event, 'plain', seen)
    print('scheduled callbacks')
    await asyncio.sleep(0)
    print(dict(seen))

    queue = asyncio.Queue()
    stats = Counter()
    ids = itertools.count(100)
    await asyncio.gather(producer(queue, ids, 4), consumer(queue, stats))
    print('stats', stats, stats.most_common(1))
    print('log', LOG)

    try:
        async with connection('failing', LOG):
            raise ValueError('bad payload')
    except ValueError as e:
        print('main caught', e)

    pq = asyncio.PriorityQueue()
    for m in [Message(2, 1, 'low'), Message(0, 2, 'urgent'), Message(1, 3, 'mid'), Message(0, 0, 'first')]:
        pq.put_nowait(m)
    print([pq.get_nowait().body for _ in range(pq.qsize())])

    fut = loop.create_future()
    loop.call_later(0.01, functools.partial(fut.set_result, Message(0, 9, 'done')))
    print('future result', await fut)

    with suppress(asyncio.TimeoutError):
        await asyncio.wait_for(asyncio.sleep(10), timeout=0.01)
        print('not reached')
    print('timed out quietly')


asyncio.run(main())
