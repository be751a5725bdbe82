# Several tasks of a TaskGroup failing in the same loop iteration (here all
# woken by one Event.set(), so no timing is involved) all end up in the
# ExceptionGroup, in the order they failed: the group's abort runs from a
# done callback, after the failing steps of that iteration. A task failing
# later is cancelled first and its error is never collected. except*
# splits the group by type: each matching clause runs once with a
# sub-group; an unmatched remainder propagates. Exception groups nest when
# task groups nest.
import asyncio


class QuotaExceeded(Exception):
    pass


async def call(service, go, error=None, extra_wait=0.0):
    await go.wait()
    if extra_wait:
        await asyncio.sleep(extra_wait)
    if error is not None:
        raise error
    return service


async def run_batch(specs, go):
    async with asyncio.TaskGroup() as tg:
        for service, error, extra in specs:
            tg.create_task(call(service, go, error, extra))
        await asyncio.sleep(0)
        go.set()


async def main():
    print("three failures in the same iteration:")
    try:
        await run_batch([
            ("maps", ValueError("bad coordinates"), 0),
            ("mail", QuotaExceeded("mail quota"), 0),
            ("ok", None, 0),
            ("search", ValueError("empty query"), 0),
            ("slow", None, 0.3),
        ], asyncio.Event())
    except* ValueError as eg:
        print("  ValueError group:", [str(e) for e in eg.exceptions])
    except* QuotaExceeded as eg:
        print("  QuotaExceeded group:", [str(e) for e in eg.exceptions])

    print("a later failure is not collected (its task was cancelled first):")
    try:
        await run_batch([
            ("first", KeyError("first"), 0),
            ("second", KeyError("second"), 0.05),
        ], asyncio.Event())
    except* KeyError as eg:
        print("  KeyErrors:", [repr(e) for e in eg.exceptions])

    print("unmatched remainder propagates:")
    try:
        try:
            await run_batch([
                ("x", TypeError("x type"), 0),
                ("y", OSError("y os"), 0),
            ], asyncio.Event())
        except* TypeError as eg:
            print("  handled TypeErrors:", len(eg.exceptions))
    except ExceptionGroup as rest:
        print("  outer got:", repr(rest))

    print("nested task groups:")
    go = asyncio.Event()

    async def inner_group():
        async with asyncio.TaskGroup() as inner:
            inner.create_task(call("deep", go, ZeroDivisionError("deep division")))
            inner.create_task(call("deep-ok", go, None, 0.2))

    try:
        async with asyncio.TaskGroup() as outer:
            outer.create_task(inner_group())
            outer.create_task(call("sibling", go, IndexError("sibling index")))
            await asyncio.sleep(0)
            go.set()
    except* IndexError as eg:
        print("  IndexError part:", [str(e) for e in eg.exceptions])
    except* ZeroDivisionError as eg:
        print("  ZeroDivisionError part:", repr(eg))
        print("  nested message:", eg.exceptions[0].message)


asyncio.run(main())
