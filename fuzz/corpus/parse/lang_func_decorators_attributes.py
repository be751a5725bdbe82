# Decorators: a plain wrapper that copies __name__/__doc__ by hand, a
# decorator factory taking arguments, stacking order (bottom decorator
# applied first, outermost wrapper runs first), a class-free memoizing
# decorator exposing its cache as a function attribute, a decorator that
# registers functions in a dict, a class used as a decorator (__call__),
# and function attributes: __name__, __qualname__, __doc__, __module__
# and arbitrary attributes set on functions.

call_log = []


def logged(func):
    def wrapper(*args, **kwargs):
        call_log.append(func.__name__)
        result = func(*args, **kwargs)
        print(f"  {func.__name__}{args} -> {result!r}")
        return result
    wrapper.__name__ = func.__name__
    wrapper.__doc__ = func.__doc__
    wrapper.wrapped = func
    return wrapper


def repeat(times, sep=" "):
    def decorate(func):
        def wrapper(*args):
            return sep.join(func(*args) for _ in range(times))
        return wrapper
    return decorate


def tag(name):
    def decorate(func):
        def wrapper(*args):
            return f"<{name}>{func(*args)}</{name}>"
        return wrapper
    return decorate


def memoize(func):
    cache = {}

    def wrapper(n):
        if n not in cache:
            wrapper.misses += 1
            cache[n] = func(n)
        return cache[n]
    wrapper.cache = cache
    wrapper.misses = 0
    return wrapper


HANDLERS = {}


def handles(*events):
    def register(func):
        for event in events:
            HANDLERS.setdefault(event, []).append(func.__name__)
        return func
    return register


class CountCalls:
    def __init__(self, func):
        self.func = func
        self.calls = 0

    def __call__(self, *args):
        self.calls += 1
        return self.func(*args)


@logged
def area(w, h):
    """Area of a rectangle."""
    return w * h


@tag("b")
@tag("i")
@repeat(2, sep="-")
def shout(word):
    return word.upper()


@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


@handles("start", "stop")
def on_lifecycle():
    pass


@handles("stop")
def on_stop():
    pass


@CountCalls
def greet(name):
    return f"hi {name}"


print("-- wrappers --")
area(3, 4)
area(w=2, h=5)
print(area.__name__, area.__doc__, area.wrapped(1, 1), call_log)
print(shout("hey"), shout.__name__)
print(fib(60), fib.misses, len(fib.cache), fib(30), fib.misses)
print(HANDLERS)
print(greet("ana"), greet("bo"), greet.calls, type(greet).__name__)

print("-- function attributes --")


def documented(x):
    """Return x doubled.

    Works for anything supporting *.
    """
    return x * 2


def undocumented():
    pass


documented.unit = "widgets"
documented.version = (1, 2)
print(documented.__name__, documented.__qualname__, documented.__module__)
print(repr(documented.__doc__))
print(documented.__doc__.splitlines()[0], undocumented.__doc__, documented.unit, documented.version)
print(hasattr(documented, "unit"), hasattr(undocumented, "unit"), getattr(undocumented, "unit", "n/a"))
try:
    undocumented.missing
except AttributeError as e:
    print("AttributeError:", e)
print(sorted(k for k in vars(documented)), callable(documented), callable(documented.unit))
