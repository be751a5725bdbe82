# asyncio.iscoroutine(obj) is True for coroutine objects (the result of
# calling an `async def` function), False for the function itself, for
# tasks, futures, async generators and plain values;
# asyncio.iscoroutinefunction(f) is True for `async def` functions and
# methods, False for plain functions, lambdas, async generator functions
# and classes. Coroutines created only for the check are closed so that
# no "never awaited" warning appears.
import asyncio


async def fetch():
    return 1


def plain():
    return 2


async def agen():
    yield 3


class Service:
    async def handle(self):
        return "handled"

    def sync_handle(self):
        return "sync"

    @staticmethod
    async def static_handle():
        return "static"


async def main():
    coro = fetch()
    loop = asyncio.get_running_loop()
    task = asyncio.create_task(fetch())
    fut = loop.create_future()
    gen = agen()
    svc = Service()
    checks = [
        ("fetch()", coro),
        ("fetch", fetch),
        ("plain()", plain()),
        ("task", task),
        ("future", fut),
        ("agen()", gen),
        ("svc.handle()", svc.handle()),
        ("None", None),
    ]
    for label, obj in checks:
        print(f"iscoroutine({label}): {asyncio.iscoroutine(obj)}")
        if asyncio.iscoroutine(obj):
            obj.close()

    funcs = [
        ("fetch", fetch),
        ("plain", plain),
        ("lambda", lambda: None),
        ("agen", agen),
        ("Service.handle", Service.handle),
        ("svc.handle", svc.handle),
        ("svc.sync_handle", svc.sync_handle),
        ("Service.static_handle", Service.static_handle),
        ("Service", Service),
        ("asyncio.sleep", asyncio.sleep),
    ]
    for label, f in funcs:
        print(f"iscoroutinefunction({label}): {asyncio.iscoroutinefunction(f)}")

    print("task result:", await task)
    print("coroutine type name:", type(coro).__name__)
    c2 = svc.handle()
    print("awaiting a fresh coroutine:", await c2)
    print("awaiting a closed coroutine:", end=" ")
    try:
        await coro
    except RuntimeError as e:
        print("RuntimeError:", e)
    print("awaiting it twice:", end=" ")
    try:
        await c2
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
