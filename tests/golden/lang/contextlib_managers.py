import asyncio
import contextlib
from contextlib import (contextmanager, asynccontextmanager, suppress, closing,
                        aclosing, nullcontext, ExitStack, AsyncExitStack)


@contextmanager
def tag(name):
    """Wrap output in a tag."""
    print(f'<{name}>')
    try:
        yield name.upper()
    finally:
        print(f'</{name}>')


with tag('b') as t:
    print('inside', t)
print(tag.__name__, tag.__doc__)

try:
    with tag('err'):
        raise ValueError('boom')
except ValueError as e:
    print('propagated', repr(e))


@contextmanager
def swallow(*types):
    try:
        yield
    except types as e:
        print('swallowed', type(e).__name__, e)


with swallow(KeyError):
    {}['missing']
print('after swallow')
try:
    with swallow(KeyError):
        raise IndexError('not swallowed')
except IndexError as e:
    print('IndexError', e)


@contextmanager
def no_yield():
    if False:
        yield


try:
    with no_yield():
        pass
except RuntimeError as e:
    print('RuntimeError:', e)


@contextmanager
def two_yields():
    yield 1
    yield 2


try:
    with two_yields():
        pass
except RuntimeError as e:
    print('RuntimeError:', e)


@contextmanager
def transform():
    try:
        yield
    except ZeroDivisionError as e:
        raise ValueError('converted') from e


try:
    with transform():
        1 / 0
except ValueError as e:
    print(repr(e), repr(e.__cause__))


@tag('deco')
def decorated(x):
    print('body', x)
    return x * 2


print(decorated(21))
print(decorated(1))

with suppress(KeyError, IndexError):
    [][1]
print('suppressed')
try:
    with suppress(KeyError):
        raise TypeError('kept')
except TypeError as e:
    print('TypeError', e)


class Resource:
    def __init__(self, name):
        self.name = name

    def close(self):
        print('closing', self.name)


with closing(Resource('file')) as r:
    print('using', r.name)

with nullcontext(42) as v:
    print('null', v)
with nullcontext() as v:
    print('null', v)


class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print('enter', self.name)
        return self.name

    def __exit__(self, et, ev, tb):
        print('exit', self.name, et.__name__ if et else None)
        return self.suppress


with ExitStack() as stack:
    names = [stack.enter_context(CM(n)) for n in 'abc']
    stack.callback(print, 'callback', 'x', sep='-')
    print('entered', names)

with ExitStack() as stack:
    stack.enter_context(CM('outer', suppress=True))
    stack.enter_context(CM('inner'))
    raise KeyError('k')
print('suppressed by outer')

with ExitStack() as stack:
    stack.push(lambda *exc: print('push saw', exc[0]))
    stack.callback(lambda: print('cb first'))

with ExitStack() as stack:
    stack.enter_context(CM('kept'))
    moved = stack.pop_all()
print('moved out')
moved.close()

try:
    with ExitStack() as stack:
        stack.enter_context(42)
except TypeError as e:
    print('TypeError:', e)


def failing_cb():
    raise RuntimeError('from callback')


try:
    with ExitStack() as stack:
        stack.callback(failing_cb)
        raise ValueError('body')
except RuntimeError as e:
    print(repr(e), repr(e.__context__))


@asynccontextmanager
async def connection(name):
    print('connect', name)
    await asyncio.sleep(0)
    try:
        yield f'conn-{name}'
    finally:
        await asyncio.sleep(0)
        print('disconnect', name)


class AsyncCM:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print('aenter', self.name)
        return self

    async def __aexit__(self, *exc):
        print('aexit', self.name, exc[0])


async def ticker():
    for i in range(3):
        yield i


async def main():
    async with connection('db') as c:
        print('using', c)
    try:
        async with connection('bad'):
            raise LookupError('lost')
    except LookupError as e:
        print('caught', repr(e))
    async with AsyncExitStack() as stack:
        c1 = await stack.enter_async_context(connection('one'))
        c2 = await stack.enter_async_context(connection('two'))
        stack.callback(print, 'sync callback')
        stack.push_async_callback(asyncio.sleep, 0)
        a = await stack.enter_async_context(AsyncCM('x'))
        print('have', c1, c2, a.name)
    stack = AsyncExitStack()
    await stack.enter_async_context(AsyncCM('y'))
    await stack.aclose()
    async with aclosing(ticker()) as t:
        async for i in t:
            print('tick', i)
            if i == 1:
                break
    async with nullcontext('anull') as v:
        print(v)

    @connection('wrapped')
    async def job():
        print('job runs')
        return 7
    print(await job())
    try:
        async with connection('cancel'):
            task = asyncio.current_task()
            task.cancel()
            await asyncio.sleep(1)
    except asyncio.CancelledError:
        print('cancelled inside')


asyncio.run(main())
print(isinstance(tag('x'), contextlib.AbstractContextManager))
