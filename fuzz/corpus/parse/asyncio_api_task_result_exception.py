# Task.result() and Task.exception() on every state of a task: pending
# (InvalidStateError), finished with a value, finished with an exception
# (result() re-raises it every time, exception() returns it), and cancelled
# (both raise CancelledError). done() turns True only once the task's last
# step has run, and a task's exception keeps its traceback chaining.
import asyncio


async def compute(kind):
    await asyncio.sleep(0.01)
    if kind == "ok":
        return [1, 2, 3]
    if kind == "fail":
        try:
            {}["missing"]
        except KeyError as e:
            raise RuntimeError("lookup failed") from e
    await asyncio.sleep(1)


def probe(label, task):
    parts = [f"done={task.done()}", f"cancelled={task.cancelled()}"]
    for method in ("result", "exception"):
        try:
            parts.append(f"{method}={getattr(task, method)()!r}")
        except asyncio.CancelledError:
            parts.append(f"{method} raised CancelledError")
        except asyncio.InvalidStateError as e:
            parts.append(f"{method} raised InvalidStateError({e})")
        except Exception as e:
            parts.append(f"{method} raised {type(e).__name__}({e})")
    print(f"{label}: " + ", ".join(parts))


async def main():
    ok = asyncio.create_task(compute("ok"))
    fail = asyncio.create_task(compute("fail"))
    slow = asyncio.create_task(compute("slow"))
    probe("ok before running", ok)
    await asyncio.sleep(0.03)
    probe("ok finished", ok)
    probe("fail finished", fail)
    err = fail.exception()
    print("cause of the failure:", repr(err.__cause__))
    print("same exception object each time:", fail.exception() is err)
    probe("slow still sleeping", slow)
    slow.cancel()
    probe("slow right after cancel()", slow)
    await asyncio.sleep(0)
    probe("slow after one iteration", slow)
    print("result() list is the same object:", ok.result() is ok.result())


asyncio.run(main())
