# pyco's `typing`: the names scripts import for their annotations.
#
# Annotations are evaluated but never checked, so each construct only has
# to be subscriptable, printable as CPython 3.11 prints it, and usable where
# scripts use it at run time (`cast`, `TypeVar`, `NamedTuple`, `Generic`
# and `Protocol` as base classes, `TYPE_CHECKING`).

TYPE_CHECKING = False


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if obj is None or obj is type(None):
        return 'None'
    if isinstance(obj, list):
        return '[' + ', '.join(_type_repr(t) for t in obj) + ']'
    return repr(obj)


class _SpecialForm:
    """A construct such as `Optional` or `List`, subscripted in annotations."""

    def __init__(self, name, origin=None):
        self._name = name
        self.__origin__ = origin

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if self._name == 'Optional':
            return Union[params[0], None]
        if self._name == 'Union':
            return _union(params)
        return _GenericAlias(self, params)

    def __call__(self, *args, **kwargs):
        if self.__origin__ is None:
            raise TypeError(f'Cannot instantiate typing.{self._name}')
        return self.__origin__(*args, **kwargs)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


def _union(params):
    flat = []
    for p in params:
        if p is None:
            p = type(None)
        members = p.__args__ if isinstance(p, _GenericAlias) and p._special is Union else (p,)
        for m in members:
            if m not in flat:
                flat.append(m)
    if len(flat) == 1:
        return flat[0]
    return _GenericAlias(Union, tuple(flat))


class ForwardRef:
    """A type named by a string in an annotation: `List['Node']`."""

    def __init__(self, arg):
        self.__forward_arg__ = arg

    def __repr__(self):
        return f'ForwardRef({self.__forward_arg__!r})'

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)


class _GenericAlias:
    """A subscripted construct: `List[int]`, `Optional[str]`."""

    def __init__(self, special, args):
        self._special = special
        self.__args__ = tuple(ForwardRef(a) if isinstance(a, str) else a for a in args)
        self.__origin__ = special.__origin__ if special.__origin__ is not None else special

    def __repr__(self):
        args = self.__args__
        name = self._special._name
        if self._special is Union and len(args) == 2 and type(None) in args:
            other = args[0] if args[1] is type(None) else args[1]
            return f'typing.Optional[{_type_repr(other)}]'
        if self._special is Callable and len(args) == 2:
            return f'typing.Callable[{_type_repr(args[0])}, {_type_repr(args[1])}]'
        return f'typing.{name}[' + ', '.join(_type_repr(a) for a in args) + ']'

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        if self._special is not other._special:
            return False
        if self._special is Union:
            return set(self.__args__) == set(other.__args__)
        return self.__args__ == other.__args__

    def __hash__(self):
        if self._special is Union:
            return hash(frozenset(self.__args__))
        return hash((self._special._name, self.__args__))

    def __getitem__(self, params):
        return _GenericAlias(self._special, params if isinstance(params, tuple) else (params,))

    def __call__(self, *args, **kwargs):
        return self._special(*args, **kwargs)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


Any = _SpecialForm('Any')
Union = _SpecialForm('Union')
Optional = _SpecialForm('Optional')
Callable = _SpecialForm('Callable')
Literal = _SpecialForm('Literal')
Final = _SpecialForm('Final')
ClassVar = _SpecialForm('ClassVar')
Annotated = _SpecialForm('Annotated')
Type = _SpecialForm('Type', type)
List = _SpecialForm('List', list)
Dict = _SpecialForm('Dict', dict)
Set = _SpecialForm('Set', set)
FrozenSet = _SpecialForm('FrozenSet', frozenset)
Tuple = _SpecialForm('Tuple', tuple)
Iterable = _SpecialForm('Iterable')
Iterator = _SpecialForm('Iterator')
Generator = _SpecialForm('Generator')
Sequence = _SpecialForm('Sequence')
MutableSequence = _SpecialForm('MutableSequence')
Mapping = _SpecialForm('Mapping')
MutableMapping = _SpecialForm('MutableMapping')
AbstractSet = _SpecialForm('AbstractSet')
Collection = _SpecialForm('Collection')
Container = _SpecialForm('Container')
Hashable = _SpecialForm('Hashable')
Sized = _SpecialForm('Sized')
Reversible = _SpecialForm('Reversible')
Awaitable = _SpecialForm('Awaitable')
Coroutine = _SpecialForm('Coroutine')
AsyncIterable = _SpecialForm('AsyncIterable')
AsyncIterator = _SpecialForm('AsyncIterator')
AsyncGenerator = _SpecialForm('AsyncGenerator')
Deque = _SpecialForm('Deque')
DefaultDict = _SpecialForm('DefaultDict')
Counter = _SpecialForm('Counter')
ChainMap = _SpecialForm('ChainMap')
OrderedDict = _SpecialForm('OrderedDict')
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Self = _SpecialForm('Self')
LiteralString = _SpecialForm('LiteralString')
TypeAlias = _SpecialForm('TypeAlias')
AnyStr = _SpecialForm('AnyStr')
Text = str


class TypeVar:
    """A type variable: `T = TypeVar('T')`."""

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        if self.__covariant__:
            return '+' + self.__name__
        if self.__contravariant__:
            return '-' + self.__name__
        return '~' + self.__name__


class ParamSpec(TypeVar):
    """A parameter specification variable: `P = ParamSpec('P')`."""


class Generic:
    """Base class of user generic classes: `class Box(Generic[T])`."""

    def __class_getitem__(cls, params):
        return cls


class Protocol(Generic):
    """Base class of structural types: `class Closable(Protocol)`."""


class NamedTuple:
    """`class Point(NamedTuple): x: int; y: int = 0` — fields from the
    annotations, built by position or keyword, shown, compared and
    unpacked like a tuple."""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        fields = tuple(cls.__dict__.get('__annotations__', {}))
        cls._fields = fields
        cls._field_defaults = {f: cls.__dict__[f] for f in fields if f in cls.__dict__}

    def __init__(self, *args, **kwargs):
        fields = type(self)._fields
        if len(args) > len(fields):
            raise TypeError(f'{type(self).__name__}.__new__() takes {len(fields) + 1} '
                            f'positional arguments but {len(args) + 1} were given')
        values = dict(zip(fields, args))
        for name, value in kwargs.items():
            if name not in fields:
                raise TypeError(f"{type(self).__name__}.__new__() got an unexpected "
                                f"keyword argument '{name}'")
            if name in values:
                raise TypeError(f"{type(self).__name__}.__new__() got multiple values "
                                f"for argument '{name}'")
            values[name] = value
        defaults = type(self)._field_defaults
        missing = [f for f in fields if f not in values and f not in defaults]
        if missing:
            names = ' and '.join(repr(m) for m in missing)
            plural = 's' if len(missing) > 1 else ''
            raise TypeError(f'{type(self).__name__}.__new__() missing {len(missing)} '
                            f'required positional argument{plural}: {names}')
        for f in fields:
            object.__setattr__(self, f, values[f] if f in values else defaults[f])

    def _tuple(self):
        return tuple(getattr(self, f) for f in type(self)._fields)

    def __repr__(self):
        inner = ', '.join(f'{f}={getattr(self, f)!r}' for f in type(self)._fields)
        return f'{type(self).__name__}({inner})'

    def __iter__(self):
        return iter(self._tuple())

    def __len__(self):
        return len(type(self)._fields)

    def __getitem__(self, index):
        return self._tuple()[index]

    def __eq__(self, other):
        if isinstance(other, NamedTuple):
            return self._tuple() == other._tuple()
        if isinstance(other, tuple):
            return self._tuple() == other
        return NotImplemented

    def __hash__(self):
        return hash(self._tuple())

    def __lt__(self, other):
        return self._tuple() < tuple(other)

    def _asdict(self):
        return {f: getattr(self, f) for f in type(self)._fields}

    def _replace(self, **changes):
        values = self._asdict()
        values.update(changes)
        return type(self)(**values)


class TypedDict:
    """`class Movie(TypedDict): title: str` — calling it makes a plain dict."""

    def __new__(cls, *args, **kwargs):
        return dict(*args, **kwargs)


def cast(typ, val):
    return val


def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    new_type.__qualname__ = name
    new_type.__supertype__ = tp
    return new_type


def overload(func):
    return func


def final(f):
    return f


def no_type_check(arg):
    return arg


def runtime_checkable(cls):
    return cls


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    hints = {}
    if isinstance(obj, type):
        for klass in reversed(obj.__mro__):
            hints.update(klass.__dict__.get('__annotations__', {}))
        return hints
    return dict(getattr(obj, '__annotations__', {}))


def get_origin(tp):
    return getattr(tp, '__origin__', None)


def get_args(tp):
    return getattr(tp, '__args__', ())


def assert_never(arg):
    raise AssertionError(f'Expected code to be unreachable, but got: {arg!r}')
