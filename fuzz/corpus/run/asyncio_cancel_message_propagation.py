# Task.cancel(msg) on a task that awaits another task propagates: the inner
# task is cancelled (with the same message) and finishes first, then the
# outer task resumes with CancelledError. The message shows up in
# CancelledError.args inside both tasks and in the caller awaiting the
# outer task. Cancelling the *inner* task instead makes the outer one see
# a CancelledError at its await too, but only the inner was asked, so the
# outer can handle it and carry on.
import asyncio


async def inner(name):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print(f"    {name} (inner) cancelled, args={e.args}")
        raise


async def outer(name, child):
    try:
        await child
    except asyncio.CancelledError as e:
        me = asyncio.current_task()
        print(f"    {name} (outer) cancelled, args={e.args}, cancelling={me.cancelling()}")
        if me.cancelling() == 0:
            print(f"    {name} (outer) was not itself cancelled: continuing")
            return "recovered"
        raise


async def main():
    print("cancel the outer task with a message:")
    child = asyncio.create_task(inner("c1"))
    parent = asyncio.create_task(outer("p1", child))
    await asyncio.sleep(0)
    parent.cancel("user pressed stop")
    try:
        await parent
    except asyncio.CancelledError as e:
        print("  main saw args:", e.args)
    print("  child cancelled:", child.cancelled(), "| parent cancelled:", parent.cancelled())

    print("cancel the inner task with a message:")
    child = asyncio.create_task(inner("c2"))
    parent = asyncio.create_task(outer("p2", child))
    await asyncio.sleep(0)
    child.cancel("inner only")
    print("  parent result:", await parent)

    print("three levels deep, message from the top:")
    leaf = asyncio.create_task(inner("leaf"))
    mid = asyncio.create_task(outer("mid", leaf))
    top = asyncio.create_task(outer("top", mid))
    await asyncio.sleep(0)
    top.cancel("cascade")
    await asyncio.gather(top, return_exceptions=True)
    print("  all cancelled:", [t.cancelled() for t in (leaf, mid, top)])

    print("cancel without a message:")
    lone = asyncio.create_task(inner("lone"))
    await asyncio.sleep(0)
    lone.cancel()
    try:
        await lone
    except asyncio.CancelledError as e:
        print("  args:", e.args, "| str:", repr(str(e)))

    print("gather cancelled with a message:")
    g = asyncio.gather(inner("g-a"), inner("g-b"))
    await asyncio.sleep(0)
    g.cancel("gather stop")
    try:
        await g
    except asyncio.CancelledError as e:
        print("  gather raised args:", e.args)


asyncio.run(main())
