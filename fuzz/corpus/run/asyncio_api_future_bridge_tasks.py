# Futures as one-shot channels between tasks: a task awaits a future that
# another task or a timer callback fulfils later; set_exception makes the
# awaiting task raise; a future cancelled while a task awaits it raises
# CancelledError in that task (the task itself is then cancelled unless it
# catches it). Also a request/response pattern with a dict of futures.
import asyncio


async def consumer(name, fut):
    try:
        value = await fut
        print(f"  {name} got {value!r}")
        return value
    except asyncio.CancelledError:
        print(f"  {name}: the future was cancelled")
        raise
    except Exception as e:
        print(f"  {name} failed with {type(e).__name__}: {e}")
        return None


async def server(requests, responses):
    for req_id, payload in requests:
        await asyncio.sleep(0.01)
        fut = responses.pop(req_id)
        if payload is None:
            fut.set_exception(ConnectionResetError(f"request {req_id} dropped"))
        else:
            fut.set_result(payload.upper())


async def main():
    loop = asyncio.get_running_loop()
    f1, f2, f3 = (loop.create_future() for _ in range(3))
    tasks = [asyncio.create_task(consumer(n, f)) for n, f in (("c1", f1), ("c2", f2), ("c3", f3))]
    await asyncio.sleep(0)
    loop.call_later(0.02, f1.set_result, "from a timer")
    f2.set_exception(PermissionError("denied"))
    f3.cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    print("results:", [type(r).__name__ if isinstance(r, BaseException) else r for r in results])
    print("c3 task cancelled:", tasks[2].cancelled())

    print("request/response:")
    responses = {}
    plan = [(3, "gamma"), (1, "alpha"), (2, None)]
    for req_id, _ in plan:
        responses[req_id] = loop.create_future()
    waiting = {req_id: asyncio.create_task(consumer(f"req{req_id}", fut))
               for req_id, fut in sorted(responses.items())}
    await server(plan, responses)
    for req_id, task in sorted(waiting.items()):
        print(f"  request {req_id} -> {await task!r}")
    print("pending responses left:", len(responses))


asyncio.run(main())
