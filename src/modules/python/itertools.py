# pyco's `itertools`: iterator building blocks with CPython 3.11's results
# and argument errors. `count` and `repeat` are classes (their reprs are
# printed); the others are generators, with their arguments checked when
# called, as CPython does.

_MAXSIZE = 9223372036854775807


class count:
    """Return a count object whose .__next__() method returns consecutive
    values."""

    def __init__(self, start=0, step=1):
        for v in (start, step):
            if not isinstance(v, (int, float)) and not hasattr(v, '__add__'):
                raise TypeError('a number is required')
        self._value = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        value = self._value
        self._value = value + self._step
        return value

    def __repr__(self):
        if type(self._step) is int and self._step == 1:
            return f'count({self._value!r})'
        return f'count({self._value!r}, {self._step!r})'


class repeat:
    """repeat(object [,times]) -> create an iterator which returns the object
    for the specified number of times.  If not specified, returns the object
    endlessly."""

    def __init__(self, *args, **kwargs):
        if not args and 'object' not in kwargs:
            raise TypeError("repeat() missing required argument 'object' (pos 1)")
        if args:
            obj, *rest = args
        else:
            obj, rest = kwargs.pop('object'), []
        times = rest[0] if rest else kwargs.get('times')
        self._object = obj
        self._times = None if times is None else max(times, 0)

    def __iter__(self):
        return self

    def __next__(self):
        if self._times is None:
            return self._object
        if self._times <= 0:
            raise StopIteration
        self._times -= 1
        return self._object

    def __length_hint__(self):
        return self._times

    def __repr__(self):
        if self._times is None:
            return f'repeat({self._object!r})'
        return f'repeat({self._object!r}, {self._times})'


def cycle(iterable):
    """Return elements from the iterable until it is exhausted. Then repeat
    the sequence indefinitely."""
    return _cycle(iter(iterable))


def _cycle(it):
    saved = []
    for element in it:
        yield element
        saved.append(element)
    if not saved:
        return
    while True:
        yield from saved


class chain:
    """Return a chain object whose .__next__() method returns elements from
    the first iterable until it is exhausted, then elements from the next
    iterable, until all of the iterables are exhausted."""

    def __init__(self, *iterables):
        self._gen = _chain(iter(iterables))

    @classmethod
    def from_iterable(cls, iterable):
        """Alternative chain() constructor taking a single iterable argument
        that evaluates lazily."""
        obj = cls()
        obj._gen = _chain(iter(iterable))
        return obj

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._gen)


def _chain(iterables):
    for it in iterables:
        yield from it


def _islice_index(value, message):
    if value is None:
        return None
    if hasattr(value, '__index__'):
        value = value.__index__()
        if 0 <= value <= _MAXSIZE:
            return value
    raise ValueError(message)


def islice(iterable, *args):
    """islice(iterable, stop) --> islice object
    islice(iterable, start, stop[, step]) --> islice object"""
    if not args:
        raise TypeError('islice expected at least 2 arguments, got 1')
    if len(args) > 3:
        raise TypeError(f'islice expected at most 4 arguments, got {len(args) + 1}')
    it = iter(iterable)
    stop_message = ('Stop argument for islice() must be None or an integer: '
                    '0 <= x <= sys.maxsize.')
    if len(args) == 1:
        start, stop, step = 0, _islice_index(args[0], stop_message), 1
    else:
        start, stop = args[0], args[1]
        step = args[2] if len(args) == 3 else None
        index_message = ('Indices for islice() must be None or an integer: '
                         '0 <= x <= sys.maxsize.')
        start = _islice_index(start, index_message)
        stop = _islice_index(stop, stop_message)
        if step is not None:
            if not hasattr(step, '__index__') or step.__index__() <= 0:
                raise ValueError('Step for islice() must be a positive integer or None.')
            step = step.__index__()
        start = 0 if start is None else start
        step = 1 if step is None else step
    return _islice(it, start, stop, step)


def _islice(it, start, stop, step):
    i = 0
    nexti = start
    while stop is None or nexti < stop:
        while i < nexti:
            try:
                next(it)
            except StopIteration:
                return
            i += 1
        try:
            element = next(it)
        except StopIteration:
            return
        i += 1
        yield element
        nexti += step
    # Consume up to `stop`, as CPython does.
    while i < stop:
        try:
            next(it)
        except StopIteration:
            return
        i += 1


def accumulate(iterable, func=None, *, initial=None):
    """Return series of accumulated sums (or other binary function results)."""
    return _accumulate(iter(iterable), func, initial)


def _accumulate(it, func, initial):
    total = initial
    if initial is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    for element in it:
        total = total + element if func is None else func(total, element)
        yield total


class groupby:
    """make an iterator that returns consecutive keys and groups from the
    iterable"""

    def __init__(self, iterable, key=None):
        self.keyfunc = key
        self.it = iter(iterable)
        self.tgtkey = self.currkey = self.currvalue = _marker = object()
        self._marker = _marker
        self._id = object()

    def __iter__(self):
        return self

    def __next__(self):
        self._id = object()
        while self.currkey is self._marker or self.currkey == self.tgtkey:
            self.currvalue = next(self.it)
            self.currkey = (self.currvalue if self.keyfunc is None
                            else self.keyfunc(self.currvalue))
        self.tgtkey = self.currkey
        return (self.currkey, self._grouper(self.tgtkey, self._id))

    def _grouper(self, tgtkey, id):
        while self._id is id and self.currkey == tgtkey:
            yield self.currvalue
            try:
                self.currvalue = next(self.it)
            except StopIteration:
                return
            self.currkey = (self.currvalue if self.keyfunc is None
                            else self.keyfunc(self.currvalue))


def product(*args, repeat=1):
    """Cartesian product of input iterables.  Equivalent to nested
    for-loops."""
    if repeat < 0:
        raise ValueError('repeat argument cannot be negative')
    pools = [tuple(pool) for pool in args] * repeat
    return _product(pools)


def _product(pools):
    result = [[]]
    for pool in pools:
        result = [x + [y] for x in result for y in pool]
    for prod in result:
        yield tuple(prod)


def permutations(iterable, r=None):
    """Return successive r-length permutations of elements in the iterable."""
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    if r < 0:
        raise ValueError('r must be non-negative')
    return _permutations(pool, n, r)


def _permutations(pool, n, r):
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return


def combinations(iterable, r):
    """Return successive r-length combinations of elements in the iterable."""
    pool = tuple(iterable)
    if r < 0:
        raise ValueError('r must be non-negative')
    return _combinations(pool, r)


def _combinations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple(pool[i] for i in indices)


def combinations_with_replacement(iterable, r):
    """Return successive r-length combinations of elements in the iterable
    allowing individual elements to have successive repeats."""
    pool = tuple(iterable)
    if r < 0:
        raise ValueError('r must be non-negative')
    return _combinations_with_replacement(pool, r)


def _combinations_with_replacement(pool, r):
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple(pool[i] for i in indices)


def zip_longest(*args, fillvalue=None):
    """Return a zip_longest object: tuples from each iterable, the shorter
    ones padded with fillvalue."""
    iterators = [iter(it) for it in args]
    return _zip_longest(iterators, fillvalue)


def _zip_longest(iterators, fillvalue):
    num_active = len(iterators)
    if not num_active:
        return
    while True:
        values = []
        for i, it in enumerate(iterators):
            try:
                value = next(it)
            except StopIteration:
                num_active -= 1
                if not num_active:
                    return
                iterators[i] = repeat(fillvalue)
                value = fillvalue
            values.append(value)
        yield tuple(values)


def starmap(function, iterable):
    """Return an iterator whose values are returned from the function
    evaluated with an argument tuple taken from the given sequence."""
    return _starmap(function, iter(iterable))


def _starmap(function, it):
    for args in it:
        yield function(*args)


def takewhile(predicate, iterable):
    """Return successive entries from an iterable as long as the predicate
    evaluates to true for each entry."""
    return _takewhile(predicate, iter(iterable))


def _takewhile(predicate, it):
    for x in it:
        if predicate(x):
            yield x
        else:
            break


def dropwhile(predicate, iterable):
    """Drop items from the iterable while predicate(item) is true."""
    return _dropwhile(predicate, iter(iterable))


def _dropwhile(predicate, it):
    for x in it:
        if not predicate(x):
            yield x
            break
    for x in it:
        yield x


def filterfalse(function, iterable):
    """Return those items of iterable for which function(item) is false."""
    return _filterfalse(function, iter(iterable))


def _filterfalse(predicate, it):
    if predicate is None:
        predicate = bool
    for x in it:
        if not predicate(x):
            yield x


def compress(data, selectors):
    """Return data elements corresponding to true selector elements."""
    return _compress(iter(data), iter(selectors))


def _compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d


def pairwise(iterable):
    """Return an iterator of overlapping pairs taken from the input
    iterator."""
    return _pairwise(iter(iterable))


def _pairwise(it):
    try:
        a = next(it)
    except StopIteration:
        return
    for b in it:
        yield a, b
        a = b


def tee(iterable, n=2):
    """Returns a tuple of n independent iterators."""
    if n < 0:
        raise ValueError('n must be >= 0')
    it = iter(iterable)
    # Each link is [value, next link]; every tee iterator walks the chain.
    head = [None, None]
    state = [it]
    return tuple(_tee(state, head) for _ in range(n))


def _tee(state, link):
    while True:
        if link[1] is None:
            try:
                value = next(state[0])
            except StopIteration:
                return
            link[0] = value
            link[1] = [None, None]
        value = link[0]
        link = link[1]
        yield value
