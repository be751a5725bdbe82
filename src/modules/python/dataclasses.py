# pyco's `dataclasses`: @dataclass from the class's annotations, with
# CPython 3.11's generated methods, reprs and error messages. The methods
# are closures rather than code compiled from text: `__init__` takes
# *args/**kwargs and binds them to the fields, raising CPython's errors.


class FrozenInstanceError(AttributeError):
    pass


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return '<factory>'


_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()


class _FIELD_BASE:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FIELD_BASE('_FIELD')
_FIELD_CLASSVAR = _FIELD_BASE('_FIELD_CLASSVAR')
_FIELD_INITVAR = _FIELD_BASE('_FIELD_INITVAR')


class InitVar:
    def __init__(self, type):
        self.type = type

    def __repr__(self):
        if isinstance(self.type, type):
            type_name = self.type.__name__
        else:
            type_name = repr(self.type)
        return f'dataclasses.InitVar[{type_name}]'

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare,
                 metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ('Field('
                f'name={self.name!r},'
                f'type={self.type!r},'
                f'default={self.default!r},'
                f'default_factory={self.default_factory!r},'
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'hash={self.hash!r},'
                f'compare={self.compare!r},'
                f'metadata={self.metadata!r},'
                f'kw_only={self.kw_only!r},'
                f'_field_type={self._field_type}'
                ')')

    def __set_name__(self, owner, name):
        func = getattr(type(self.default), '__set_name__', None)
        if func:
            func(self.default, owner, name)


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    """Return an object to identify dataclass fields."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare,
                 metadata, kw_only)


def _is_classvar(annotation):
    if isinstance(annotation, str):
        return annotation.startswith(('ClassVar', 'typing.ClassVar'))
    return repr(annotation).startswith('typing.ClassVar')


def _get_field(cls, name, annotation, default_kw_only):
    default = cls.__dict__.get(name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)
    f.name = name
    f.type = annotation
    f._field_type = _FIELD
    if _is_classvar(annotation):
        f._field_type = _FIELD_CLASSVAR
    elif isinstance(annotation, InitVar) or annotation is InitVar:
        f._field_type = _FIELD_INITVAR
    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError(f'field {f.name} cannot have a default factory')
    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    else:
        f.kw_only = False
    if f._field_type is _FIELD and f.default is not MISSING:
        default_type = type(f.default)
        if default_type in (list, dict, set) or getattr(default_type, '__hash__', 0) is None:
            raise ValueError(f'mutable default {default_type} for field '
                             f'{f.name} is not allowed: use default_factory')
    return f


def _name_list(names):
    quoted = [repr(n) for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return f'{quoted[0]} and {quoted[1]}'
    return ', '.join(quoted[:-1]) + ', and ' + quoted[-1]


def _bind(funcname, positional, kwonly, defaults, args, kwargs):
    """The values for the parameters (after self) of `funcname` from a
    call, with CPython's errors for a bad call."""
    values = dict(zip(positional, args))
    for key in kwargs:
        if key not in positional and key not in kwonly:
            raise TypeError(f"{funcname}() got an unexpected keyword argument '{key}'")
        if key in values:
            raise TypeError(f"{funcname}() got multiple values for argument '{key}'")
        values[key] = kwargs[key]
    if len(args) > len(positional):
        most = len(positional) + 1
        least = most - len([n for n in positional if n in defaults])
        if least == most:
            plural = '' if most == 1 else 's'
            takes = f'{most} positional argument{plural}'
        else:
            takes = f'from {least} to {most} positional arguments'
        given = len(args) + 1
        kw_given = len([k for k in kwargs if k in kwonly])
        if kw_given:
            plural = '' if kw_given == 1 else 's'
            given = (f'{given} positional arguments (and {kw_given} '
                     f'keyword-only argument{plural})')
        raise TypeError(f'{funcname}() takes {takes} but {given} were given')
    for names, kind in ((positional, 'positional'), (kwonly, 'keyword-only')):
        missing = [n for n in names if n not in values and n not in defaults]
        if missing:
            plural = '' if len(missing) == 1 else 's'
            raise TypeError(f'{funcname}() missing {len(missing)} required {kind} '
                            f'argument{plural}: {_name_list(missing)}')
    return values


def _make_init(cls, all_fields, frozen, has_post_init):
    init_fields = [f for f in all_fields if f.init or f._field_type is _FIELD_INITVAR]
    positional = [f.name for f in init_fields if not f.kw_only]
    kwonly = [f.name for f in init_fields if f.kw_only]
    seen_default = None
    for f in init_fields:
        if f.kw_only:
            continue
        if f.default is not MISSING or f.default_factory is not MISSING:
            seen_default = f
        elif seen_default is not None:
            raise TypeError(f'non-default argument {f.name!r} follows default argument')
    defaults = {}
    for f in init_fields:
        if f.default is not MISSING:
            defaults[f.name] = f.default
        elif f.default_factory is not MISSING:
            defaults[f.name] = _HAS_DEFAULT_FACTORY
    funcname = f'{cls.__qualname__}.__init__'
    set_fields = [f for f in all_fields if f._field_type is _FIELD]
    initvars = [f.name for f in all_fields if f._field_type is _FIELD_INITVAR]

    def __init__(self, *args, **kwargs):
        values = _bind(funcname, positional, kwonly, defaults, args, kwargs)
        for f in set_fields:
            if f.init:
                value = values.get(f.name, MISSING)
                if value is MISSING:
                    value = defaults[f.name]
                if value is _HAS_DEFAULT_FACTORY:
                    value = f.default_factory()
            elif f.default_factory is not MISSING:
                value = f.default_factory()
            elif f.default is not MISSING:
                value = f.default
            else:
                continue
            if frozen:
                object.__setattr__(self, f.name, value)
            else:
                setattr(self, f.name, value)
        if has_post_init:
            self.__post_init__(*[values[n] if n in values else defaults[n]
                                 for n in initvars])
    __init__.__qualname__ = funcname
    return __init__


def _make_repr(cls, repr_fields):
    names = [f.name for f in repr_fields]

    def __repr__(self):
        inner = ', '.join(f'{n}={getattr(self, n)!r}' for n in names)
        return f'{self.__class__.__qualname__}({inner})'
    __repr__.__qualname__ = f'{cls.__qualname__}.__repr__'
    return __repr__


def _make_compare(cls, name, compare_fields, op):
    names = [f.name for f in compare_fields]

    def method(self, other):
        if other.__class__ is self.__class__:
            mine = tuple(getattr(self, n) for n in names)
            theirs = tuple(getattr(other, n) for n in names)
            return op(mine, theirs)
        return NotImplemented
    method.__name__ = name
    method.__qualname__ = f'{cls.__qualname__}.{name}'
    return method


def _make_hash(cls, hash_fields):
    names = [f.name for f in hash_fields]

    def __hash__(self):
        return hash(tuple(getattr(self, n) for n in names))
    __hash__.__qualname__ = f'{cls.__qualname__}.__hash__'
    return __hash__


def _make_frozen(cls, field_names):
    def __setattr__(self, name, value):
        if type(self) is cls or name in field_names:
            raise FrozenInstanceError(f'cannot assign to field {name!r}')
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in field_names:
            raise FrozenInstanceError(f'cannot delete field {name!r}')
        super(cls, self).__delattr__(name)
    return __setattr__, __delattr__


def _set_new_attribute(cls, name, value):
    if name in cls.__dict__:
        return True
    setattr(cls, name, value)
    return False


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen,
                   match_args, kw_only, slots):
    fields = {}
    any_frozen_base = False
    has_dataclass_bases = False
    for b in cls.__mro__[-1:0:-1]:
        base_fields = b.__dict__.get('__dataclass_fields__')
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields[f.name] = f
            if b.__dict__['__dataclass_params__'].frozen:
                any_frozen_base = True

    cls_annotations = cls.__dict__.get('__annotations__', {})
    cls_fields = []
    field_kw_only = kw_only
    for name, annotation in cls_annotations.items():
        if annotation is KW_ONLY or annotation == 'KW_ONLY':
            field_kw_only = True
            continue
        cls_fields.append(_get_field(cls, name, annotation, field_kw_only))
    for f in cls_fields:
        fields[f.name] = f
        if isinstance(cls.__dict__.get(f.name), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in list(cls.__dict__.items()):
        if isinstance(value, Field) and name not in cls_annotations:
            raise TypeError(f'{name!r} is a field but has no type annotation')

    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
        if not any_frozen_base and frozen:
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')

    cls.__dataclass_fields__ = fields
    cls.__dataclass_params__ = _DataclassParams(init, repr, eq, order,
                                                unsafe_hash, frozen)
    all_fields = list(fields.values())
    std_fields = [f for f in all_fields if f._field_type is _FIELD]

    if init:
        has_post_init = hasattr(cls, '__post_init__')
        _set_new_attribute(cls, '__init__',
                           _make_init(cls, all_fields, frozen, has_post_init))
    if repr:
        _set_new_attribute(cls, '__repr__',
                           _make_repr(cls, [f for f in std_fields if f.repr]))
    compare_fields = [f for f in std_fields if f.compare]
    class_hash = cls.__dict__.get('__hash__', MISSING)
    has_explicit_hash = not (class_hash is MISSING or
                             (class_hash is None and '__eq__' in cls.__dict__))
    if eq:
        _set_new_attribute(cls, '__eq__',
                           _make_compare(cls, '__eq__', compare_fields, _eq))
    if order:
        if not eq:
            raise ValueError('eq must be true if order is true')
        for name, op in (('__lt__', _lt), ('__le__', _le), ('__gt__', _gt), ('__ge__', _ge)):
            if _set_new_attribute(cls, name, _make_compare(cls, name, compare_fields, op)):
                raise TypeError(f'Cannot overwrite attribute {name} '
                                f'in class {cls.__name__}. Consider using '
                                'functools.total_ordering')
    if frozen:
        setter, deleter = _make_frozen(cls, tuple(f.name for f in std_fields))
        for name, fn in (('__setattr__', setter), ('__delattr__', deleter)):
            if _set_new_attribute(cls, name, fn):
                raise TypeError(f'Cannot overwrite attribute {name} '
                                f'in class {cls.__name__}')

    hash_fields = [f for f in std_fields if (f.compare if f.hash is None else f.hash)]
    if unsafe_hash:
        if has_explicit_hash:
            raise TypeError(f'Cannot overwrite attribute __hash__ in class {cls.__name__}')
        cls.__hash__ = _make_hash(cls, hash_fields)
    elif eq and frozen:
        if not has_explicit_hash:
            cls.__hash__ = _make_hash(cls, hash_fields)
    elif eq:
        if not has_explicit_hash:
            cls.__hash__ = None

    if match_args:
        _set_new_attribute(cls, '__match_args__',
                           tuple(f.name for f in std_fields if f.init and not f.kw_only))
    return cls


def _eq(a, b):
    return a == b


def _lt(a, b):
    return a < b


def _le(a, b):
    return a <= b


def _gt(a, b):
    return a > b


def _ge(a, b):
    return a >= b


class _DataclassParams:
    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ('_DataclassParams('
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'eq={self.eq!r},'
                f'order={self.order!r},'
                f'unsafe_hash={self.unsafe_hash!r},'
                f'frozen={self.frozen!r}'
                ')')


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True,
              kw_only=False, slots=False, weakref_slot=False):
    """Add dunder methods based on the fields defined in the class."""

    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash,
                              frozen, match_args, kw_only, slots)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    """Return a tuple describing the fields of this dataclass."""
    try:
        fields = getattr(class_or_instance, '__dataclass_fields__')
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in fields.values() if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), '__dataclass_fields__')


def is_dataclass(obj):
    """Returns True if obj is a dataclass or an instance of a
    dataclass."""
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, '__dataclass_fields__')


def asdict(obj, *, dict_factory=dict):
    """Return the fields of a dataclass instance as a new dictionary
    mapping field names to field values."""
    if not _is_dataclass_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        result = []
        for f in fields(obj):
            value = _asdict_inner(getattr(obj, f.name), dict_factory)
            result.append((f.name, value))
        return dict_factory(result)
    elif hasattr(type(obj), '_fields') and hasattr(obj, '_make'):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    elif isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    elif isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory),
                          _asdict_inner(v, dict_factory))
                         for k, v in obj.items())
    else:
        return obj


def astuple(obj, *, tuple_factory=tuple):
    """Return the fields of a dataclass instance as a new tuple of field
    values."""
    if not _is_dataclass_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory)
                              for f in fields(obj)])
    elif hasattr(type(obj), '_fields') and hasattr(obj, '_make'):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    elif isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    elif isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory),
                          _astuple_inner(v, tuple_factory))
                         for k, v in obj.items())
    else:
        return obj


def replace(obj, /, **changes):
    """Return a new object replacing specified fields with new values."""
    if not _is_dataclass_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in obj.__dataclass_fields__.values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError(f'field {f.name} is declared with '
                                 'init=False, it cannot be specified with '
                                 'replace()')
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError(f"InitVar {f.name!r} "
                                 'must be specified with replace()')
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
