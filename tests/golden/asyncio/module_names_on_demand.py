# Every public name of asyncio is there however it is reached: as an
# attribute, through `from asyncio import X`, in dir(), and after `import *`.
import asyncio
from asyncio import Semaphore, LifoQueue

names = ["Lock", "Event", "Condition", "Semaphore", "BoundedSemaphore",
         "Barrier", "Queue", "PriorityQueue", "LifoQueue", "QueueEmpty",
         "QueueFull", "TaskGroup", "Timeout", "timeout", "timeout_at", "wait",
         "wait_for", "shield", "as_completed", "FIRST_COMPLETED",
         "ALL_COMPLETED", "FIRST_EXCEPTION", "BrokenBarrierError", "Runner",
         "to_thread", "gather", "sleep", "run", "create_task"]
print("in dir:", all(n in dir(asyncio) for n in names))
print(issubclass(asyncio.BoundedSemaphore, Semaphore), LifoQueue.__name__)
print("missing:", [n for n in names if not hasattr(asyncio, n)])
print(asyncio.ALL_COMPLETED, asyncio.Queue().maxsize)

from asyncio import *

print(Barrier.__name__, wait_for.__name__, FIRST_EXCEPTION)
print(callable(getattr(asyncio, "shield")), "no_such" in dir(asyncio))
try:
    asyncio.no_such_thing
except AttributeError as e:
    print(e)
