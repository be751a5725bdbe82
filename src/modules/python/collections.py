# The Python part of pyco's `collections` (`deque` is native):
# namedtuple, defaultdict, Counter, OrderedDict and ChainMap, with CPython
# 3.11's reprs, results and error messages.
#
# pyco cannot subclass the built-in dict, so the dictionaries here wrap one
# and implement the whole mapping protocol over it; `isinstance(d, dict)`
# is False for them.

_KEYWORDS = frozenset([
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break',
    'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally',
    'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal',
    'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
])

_MISSING = object()


def _name_list(names):
    quoted = [repr(n) for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return f'{quoted[0]} and {quoted[1]}'
    return ', '.join(quoted[:-1]) + ', and ' + quoted[-1]


def _bind_arguments(funcname, names, defaults, args, kwargs):
    """The values of the parameters `names` (after self) of a function
    called `funcname`, from a call's `args` and `kwargs`, with CPython's
    errors for a bad call. `defaults` maps names to default values."""
    values = dict(zip(names, args))
    for key in kwargs:
        if key not in names:
            raise TypeError(f"{funcname}() got an unexpected keyword argument '{key}'")
        if key in values:
            raise TypeError(f"{funcname}() got multiple values for argument '{key}'")
        values[key] = kwargs[key]
    if len(args) > len(names):
        most = len(names) + 1
        least = most - len(defaults)
        if least == most:
            plural = '' if most == 1 else 's'
            takes = f'{most} positional argument{plural}'
        else:
            takes = f'from {least} to {most} positional arguments'
        given = len(args) + 1
        verb = 'was' if given == 1 else 'were'
        raise TypeError(f'{funcname}() takes {takes} but {given} {verb} given')
    missing = [n for n in names if n not in values and n not in defaults]
    if missing:
        plural = '' if len(missing) == 1 else 's'
        raise TypeError(f'{funcname}() missing {len(missing)} required positional '
                        f'argument{plural}: {_name_list(missing)}')
    return [values[n] if n in values else defaults[n] for n in names]


class _NamedTuple:
    """The methods of the classes `namedtuple` makes: a tuple of fixed
    length whose items are also attributes."""

    def __new__(cls, *args, **kwargs):
        values = _bind_arguments(f'{cls.__name__}.__new__', cls._fields,
                                 cls._field_defaults, args, kwargs)
        self = object.__new__(cls)
        object.__setattr__(self, '_tuple_values', tuple(values))
        return self

    def __setattr__(self, name, value):
        cls = type(self)
        if name in cls._fields:
            raise AttributeError("can't set attribute")
        if cls.__dict__.get('_namedtuple_base', False):
            raise AttributeError(f"'{cls.__name__}' object has no attribute '{name}'")
        object.__setattr__(self, name, value)

    @classmethod
    def _make(cls, iterable):
        values = tuple(iterable)
        if len(values) != len(cls._fields):
            raise TypeError(f'Expected {len(cls._fields)} arguments, got {len(values)}')
        self = object.__new__(cls)
        object.__setattr__(self, '_tuple_values', values)
        return self

    def _replace(self, /, **kwds):
        result = self._make(map(kwds.pop, self._fields, self._tuple_values))
        if kwds:
            raise ValueError(f'Got unexpected field names: {list(kwds)!r}')
        return result

    def __repr__(self):
        inner = ', '.join(f'{n}={v!r}' for n, v in zip(self._fields, self._tuple_values))
        return f'{type(self).__name__}({inner})'

    def _asdict(self):
        return dict(zip(self._fields, self._tuple_values))

    def __getnewargs__(self):
        return self._tuple_values

    def __iter__(self):
        return iter(self._tuple_values)

    def __reversed__(self):
        return reversed(self._tuple_values)

    def __len__(self):
        return len(self._tuple_values)

    def __getitem__(self, index):
        return self._tuple_values[index]

    def __contains__(self, item):
        return item in self._tuple_values

    def count(self, value):
        return self._tuple_values.count(value)

    def index(self, value, *args):
        return self._tuple_values.index(value, *args)

    def __hash__(self):
        return hash(self._tuple_values)

    def __eq__(self, other):
        other = _as_tuple(other)
        if other is NotImplemented:
            return other
        return self._tuple_values == other

    def __ne__(self, other):
        other = _as_tuple(other)
        if other is NotImplemented:
            return other
        return self._tuple_values != other

    def __lt__(self, other):
        other = _as_tuple(other)
        if other is NotImplemented:
            return other
        return self._tuple_values < other

    def __le__(self, other):
        other = _as_tuple(other)
        if other is NotImplemented:
            return other
        return self._tuple_values <= other

    def __gt__(self, other):
        other = _as_tuple(other)
        if other is NotImplemented:
            return other
        return self._tuple_values > other

    def __ge__(self, other):
        other = _as_tuple(other)
        if other is NotImplemented:
            return other
        return self._tuple_values >= other

    def __add__(self, other):
        other = _as_tuple(other)
        if other is NotImplemented:
            return other
        return self._tuple_values + other

    def __radd__(self, other):
        other = _as_tuple(other)
        if other is NotImplemented:
            return other
        return other + self._tuple_values

    def __mul__(self, n):
        return self._tuple_values * n

    __rmul__ = __mul__


def _as_tuple(value):
    if isinstance(value, _NamedTuple):
        return value._tuple_values
    if isinstance(value, tuple):
        return value
    return NotImplemented


class _tuplegetter:
    """The attribute of a named tuple's field: reads its item."""

    def __init__(self, index, doc):
        self._index = index
        self.__doc__ = doc

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return instance._tuple_values[self._index]

    def __set__(self, instance, value):
        raise AttributeError("can't set attribute")

    def __delete__(self, instance):
        raise AttributeError("can't delete attribute")

    def __repr__(self):
        return f'_tuplegetter({self._index}, {self.__doc__!r})'


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """Returns a new class with named fields."""
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = list(map(str, field_names))
    typename = str(typename)
    if rename:
        seen = set()
        for index, name in enumerate(field_names):
            if (not name.isidentifier() or name in _KEYWORDS
                    or name.startswith('_') or name in seen):
                field_names[index] = f'_{index}'
            seen.add(name)
    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not name.isidentifier():
            raise ValueError('Type names and field names must be valid '
                             f'identifiers: {name!r}')
        if name in _KEYWORDS:
            raise ValueError('Type names and field names cannot be a '
                             f'keyword: {name!r}')
    seen = set()
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: '
                             f'{name!r}')
        if name in seen:
            raise ValueError(f'Encountered duplicate field name: {name!r}')
        seen.add(name)
    field_names = tuple(field_names)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError('Got more default values than field names')
        field_defaults = dict(reversed(list(zip(reversed(field_names),
                                                reversed(defaults)))))
    namespace = {
        '__doc__': f"{typename}({', '.join(field_names)})",
        '_fields': field_names,
        '_field_defaults': field_defaults,
        '__match_args__': field_names,
        '_namedtuple_base': True,
    }
    if module is not None:
        namespace['__module__'] = module
    for index, name in enumerate(field_names):
        namespace[name] = _tuplegetter(index, f'Alias for field number {index}')
    return type(typename, (_NamedTuple,), namespace)


class _DictWrapper:
    """The mapping protocol over a wrapped dict, for the dict types here."""

    __hash__ = None

    def __init__(self, *args, **kwargs):
        self._dict = {}
        if args or kwargs:
            self.update(*args, **kwargs)

    def __class_getitem__(cls, item):
        return cls

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        d = self._dict
        if key in d:
            return d[key]
        return self.__missing__(key)

    def __setitem__(self, key, value):
        self._dict[key] = value

    def __delitem__(self, key):
        d = self._dict
        if key not in d:
            raise KeyError(key)
        del d[key]

    def __contains__(self, key):
        return key in self._dict

    def __iter__(self):
        return iter(self._dict)

    def __reversed__(self):
        return reversed(self._dict)

    def __len__(self):
        return len(self._dict)

    def __eq__(self, other):
        if isinstance(other, _DictWrapper):
            other = other._dict
        if not isinstance(other, dict):
            return NotImplemented
        return self._dict == other

    def __ne__(self, other):
        result = self.__eq__(other)
        if result is NotImplemented:
            return result
        return not result

    def keys(self):
        return self._dict.keys()

    def values(self):
        return self._dict.values()

    def items(self):
        return self._dict.items()

    def get(self, key, default=None):
        return self._dict.get(key, default)

    def pop(self, key, default=_MISSING):
        d = self._dict
        if key in d:
            return d.pop(key)
        if default is _MISSING:
            raise KeyError(key)
        return default

    def popitem(self):
        return self._dict.popitem()

    def setdefault(self, key, default=None):
        return self._dict.setdefault(key, default)

    def update(self, *args, **kwargs):
        if len(args) > 1:
            raise TypeError(f'update expected at most 1 argument, got {len(args)}')
        if args:
            other = args[0]
            if isinstance(other, _DictWrapper):
                other = other._dict
            if isinstance(other, dict) or hasattr(other, 'keys'):
                for key in other.keys():
                    self[key] = other[key]
            else:
                for key, value in other:
                    self[key] = value
        for key, value in kwargs.items():
            self[key] = value

    def clear(self):
        self._dict.clear()

    def copy(self):
        return type(self)(self)

    __copy__ = copy

    def __or__(self, other):
        if not isinstance(other, (dict, _DictWrapper)):
            return NotImplemented
        new = self.copy()
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, (dict, _DictWrapper)):
            return NotImplemented
        new = type(self)(other)
        new.update(self)
        return new

    def __ior__(self, other):
        self.update(other)
        return self

    @classmethod
    def fromkeys(cls, iterable, value=None):
        new = cls()
        for key in iterable:
            new[key] = value
        return new

    def __repr__(self):
        return f'{type(self).__name__}({self._dict!r})'


class defaultdict(_DictWrapper):
    """defaultdict(default_factory=None, /, [...]) --> dict with default
    factory"""

    def __init__(self, default_factory=None, /, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        self.default_factory = default_factory
        _DictWrapper.__init__(self, *args, **kwargs)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        self[key] = value = self.default_factory()
        return value

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __ror__(self, other):
        if not isinstance(other, (dict, _DictWrapper)):
            return NotImplemented
        new = type(self)(self.default_factory, other)
        new.update(self)
        return new

    def __repr__(self):
        factory = self.default_factory
        factory_repr = 'None' if factory is None else repr(factory)
        return f'{type(self).__name__}({factory_repr}, {self._dict!r})'


class OrderedDict(_DictWrapper):
    """Dictionary that remembers insertion order"""

    def popitem(self, last=True):
        """Remove and return a (key, value) pair from the dictionary."""
        d = self._dict
        if not d:
            raise KeyError('dictionary is empty')
        key = next(reversed(d)) if last else next(iter(d))
        return key, d.pop(key)

    def move_to_end(self, key, last=True):
        """Move an existing element to the end (or beginning if last is
        false)."""
        d = self._dict
        if key not in d:
            raise KeyError(key)
        value = d.pop(key)
        if last:
            d[key] = value
        else:
            rest = list(d.items())
            d.clear()
            d[key] = value
            for k, v in rest:
                d[k] = v

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return self._dict == other._dict and list(self._dict) == list(other._dict)
        return _DictWrapper.__eq__(self, other)

    def __repr__(self):
        if not self._dict:
            return f'{type(self).__name__}()'
        return f'{type(self).__name__}({list(self._dict.items())!r})'


def _count_elements(mapping, iterable):
    mapping_get = mapping.get
    for elem in iterable:
        mapping[elem] = mapping_get(elem, 0) + 1


class Counter(_DictWrapper):
    """Dict subclass for counting hashable items."""

    def __init__(self, iterable=None, /, **kwds):
        _DictWrapper.__init__(self)
        self.update(iterable, **kwds)

    def __missing__(self, key):
        """The count of elements not in the Counter is zero."""
        return 0

    def total(self):
        """Sum of the counts"""
        return sum(self._dict.values())

    def most_common(self, n=None):
        """List the n most common elements and their counts from the most
        common to the least."""
        items = sorted(self._dict.items(), key=_second, reverse=True)
        if n is None:
            return items
        return items[:max(n, 0)]

    def elements(self):
        """Iterator over elements repeating each as many times as its
        count."""
        for elem, count in list(self._dict.items()):
            for _ in range(count):
                yield elem

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, /, **kwds):
        """Like dict.update() but add counts instead of replacing them."""
        if iterable is not None:
            if isinstance(iterable, _DictWrapper):
                iterable = iterable._dict
            if isinstance(iterable, dict):
                if self._dict:
                    self_get = self._dict.get
                    for elem, count in iterable.items():
                        self[elem] = count + self_get(elem, 0)
                else:
                    for elem, count in iterable.items():
                        self[elem] = count
            else:
                _count_elements(self, iterable)
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        """Like dict.update() but subtracts counts instead of replacing
        them."""
        if iterable is not None:
            self_get = self._dict.get
            if isinstance(iterable, _DictWrapper):
                iterable = iterable._dict
            if isinstance(iterable, dict):
                for elem, count in iterable.items():
                    self[elem] = self_get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = self_get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        """Return a shallow copy."""
        return type(self)(self)

    __copy__ = copy

    def __delitem__(self, elem):
        """Like dict.__delitem__() but does not raise KeyError for missing
        values."""
        if elem in self._dict:
            del self._dict[elem]

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] == other[e] for c in (self, other) for e in c)

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] <= other[e] for c in (self, other) for e in c)

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] >= other[e] for c in (self, other) for e in c)

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    def __repr__(self):
        if not self._dict:
            return f'{type(self).__name__}()'
        try:
            d = dict(self.most_common())
        except TypeError:
            d = dict(self._dict)
        return f'{type(self).__name__}({d!r})'

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count + other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count - other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = other_count if count < other_count else count
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = count if count < other_count else other_count
            if newcount > 0:
                result[elem] = newcount
        return result

    def __pos__(self):
        result = Counter()
        for elem, count in self.items():
            if count > 0:
                result[elem] = count
        return result

    def __neg__(self):
        result = Counter()
        for elem, count in self.items():
            if count < 0:
                result[elem] = 0 - count
        return result

    def _keep_positive(self):
        nonpositive = [elem for elem, count in self.items() if not count > 0]
        for elem in nonpositive:
            del self._dict[elem]
        return self

    def __iadd__(self, other):
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()

    def __ior__(self, other):
        for elem, other_count in other.items():
            count = self[elem]
            if other_count > count:
                self[elem] = other_count
        return self._keep_positive()

    def __iand__(self, other):
        for elem, count in self.items():
            other_count = other[elem]
            if other_count < count:
                self[elem] = other_count
        return self._keep_positive()


def _second(item):
    return item[1]


class ChainMap:
    """A ChainMap groups multiple dicts (or other mappings) together to
    create a single, updateable view."""

    __hash__ = None

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __class_getitem__(cls, item):
        return cls

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            if key in mapping:
                return mapping[key]
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        d = {}
        for mapping in reversed(self.maps):
            for key in mapping:
                d[key] = None
        return iter(d)

    def __contains__(self, key):
        return any(key in m for m in self.maps)

    def __bool__(self):
        return any(self.maps)

    def keys(self):
        return list(self)

    def items(self):
        return [(k, self[k]) for k in self]

    def values(self):
        return [self[k] for k in self]

    def __eq__(self, other):
        if isinstance(other, ChainMap):
            other = dict(other.items())
        elif isinstance(other, _DictWrapper):
            other = other._dict
        if not isinstance(other, dict):
            return NotImplemented
        return dict(self.items()) == other

    def __repr__(self):
        return f"{self.__class__.__name__}({', '.join(map(repr, self.maps))})"

    @classmethod
    def fromkeys(cls, iterable, *args):
        return cls(dict.fromkeys(iterable, *args))

    def copy(self):
        """New ChainMap or subclass with a new copy of maps[0] and refs to
        maps[1:]"""
        return self.__class__(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        """New ChainMap with a new map followed by all previous maps."""
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return self.__class__(m, *self.maps)

    @property
    def parents(self):
        """New ChainMap from maps[1:]."""
        return self.__class__(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}')

    def popitem(self):
        """Remove and return an item pair from maps[0]. Raise KeyError is
        maps[0] is empty."""
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError('No keys found in the first mapping.')

    def pop(self, key, *args):
        """Remove *key* from maps[0] and return its value. Raise KeyError if
        *key* not in maps[0]."""
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}')

    def clear(self):
        """Clear maps[0], leaving maps[1:] intact."""
        self.maps[0].clear()

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    def update(self, *args, **kwargs):
        self.maps[0].update(*args, **kwargs)

    def __or__(self, other):
        m = self.copy()
        m.maps[0].update(other)
        return m

    def __ior__(self, other):
        self.maps[0].update(other)
        return self
