# Done callbacks run in registration order, each in its own slot of the
# ready queue, and awaiting tasks are just more done callbacks: a callback
# registered before a task starts awaiting runs before that task resumes,
# one registered after runs after. remove_done_callback() removes every
# registration of that function and returns how many it removed.
import asyncio


def note(label):
    def cb(fut):
        print(f"  callback {label} (result {fut.result()})")
    return cb


async def waiter(name, fut):
    print(f"  {name} waiting")
    result = await fut
    print(f"  {name} resumed ({result})")


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(note("A"))
    t1 = asyncio.create_task(waiter("task-1", fut))
    await asyncio.sleep(0)
    fut.add_done_callback(note("B"))
    noisy = note("noisy")
    fut.add_done_callback(noisy)
    t2 = asyncio.create_task(waiter("task-2", fut))
    await asyncio.sleep(0)
    fut.add_done_callback(noisy)
    fut.add_done_callback(note("C"))
    print("removed noisy:", fut.remove_done_callback(noisy))
    print("removed again:", fut.remove_done_callback(noisy))
    loop.call_soon(print, "  call_soon queued before set_result")
    fut.set_result("ok")
    loop.call_soon(print, "  call_soon queued after set_result")
    print("set_result returned")
    await asyncio.gather(t1, t2)
    print("gathered")

    print("task with callbacks:")
    job = asyncio.create_task(asyncio.sleep(0.01, result="slept"))
    job.add_done_callback(note("job-1"))
    job.add_done_callback(lambda t: print("  lambda sees done:", t.done()))
    job.add_done_callback(note("job-2"))
    print("main awaits job:", await job)
    print("main continues")
    await asyncio.sleep(0)
    print("end")


asyncio.run(main())
