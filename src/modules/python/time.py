# The calendar part of pyco's `time`: struct_time, gmtime, localtime,
# mktime, strftime, asctime and ctime, on the C library's functions (as
# CPython's are), through the native helpers _tm, _strftime and _mktime.

_FIELDS = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec',
           'tm_wday', 'tm_yday', 'tm_isdst')
_DAYS = ('Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun')
_MONTHS = ('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep',
           'Oct', 'Nov', 'Dec')


class struct_time:
    """The time value returned by gmtime() and localtime(): a sequence of
    nine fields, also readable by name (tm_year ... tm_isdst, tm_zone,
    tm_gmtoff)."""

    __module__ = 'time'

    def __init__(self, seq, zone=None, gmtoff=None):
        values = tuple(seq)
        if len(values) < 9:
            raise TypeError(f'time.struct_time() takes an at least 9-sequence '
                            f'({len(values)}-sequence given)')
        if len(values) > 11:
            raise TypeError(f'time.struct_time() takes an at most 11-sequence '
                            f'({len(values)}-sequence given)')
        self._values = values[:9]
        self.tm_zone = values[9] if len(values) > 9 else zone
        self.tm_gmtoff = values[10] if len(values) > 10 else gmtoff

    def __getattr__(self, name):
        if name in _FIELDS:
            return self._values[_FIELDS.index(name)]
        raise AttributeError(f"'time.struct_time' object has no attribute '{name}'")

    def __getitem__(self, index):
        return self._values[index]

    def __len__(self):
        return 9

    def __iter__(self):
        return iter(self._values)

    def __eq__(self, other):
        if isinstance(other, struct_time):
            return self._values == other._values
        if isinstance(other, tuple):
            return self._values == other
        return NotImplemented

    def __hash__(self):
        return hash(self._values)

    def __repr__(self):
        inner = ', '.join(f'{n}={v!r}' for n, v in zip(_FIELDS, self._values))
        return f'time.struct_time({inner})'


def _now():
    return time()


def gmtime(secs=None):
    fields = _tm(_now() if secs is None else secs, False)
    return struct_time(fields[:9], 'UTC', 0)


def localtime(secs=None):
    fields = _tm(_now() if secs is None else secs, True)
    return struct_time(fields[:9], fields[9], fields[10])


def _fields_of(t):
    if t is None:
        return tuple(_tm(_now(), True))
    if isinstance(t, struct_time):
        return tuple(t) + (t.tm_zone, t.tm_gmtoff)
    if not isinstance(t, tuple):
        raise TypeError('Tuple or struct_time argument required')
    if len(t) != 9:
        raise TypeError(f'time.struct_time() takes a sequence of length 9')
    return t


def _checked(fields):
    year, mon, mday, hour, minute, sec, wday, yday, isdst = fields[:9]
    if not 1 <= mon <= 12 and mon != 0:
        raise ValueError('month out of range')
    if not 1 <= mday <= 31 and mday != 0:
        raise ValueError('day of month out of range')
    if not 0 <= hour <= 23:
        raise ValueError('hour out of range')
    if not 0 <= minute <= 59:
        raise ValueError('minute out of range')
    if not 0 <= sec <= 61:
        raise ValueError('seconds out of range')
    if wday < 0:
        raise ValueError('day of week out of range')
    if not 1 <= yday <= 366 and yday != 0:
        raise ValueError('day of year out of range')
    return ((year, max(mon, 1), max(mday, 1), hour, minute, sec, wday % 7,
             max(yday, 1), isdst) + tuple(fields[9:]))


def strftime(format, t=None):
    if not isinstance(format, str):
        raise TypeError(f'strftime() argument 1 must be str, not {type(format).__name__}')
    return _strftime(format, _checked(_fields_of(t)))


def mktime(t):
    return _mktime(_fields_of(t))


def asctime(t=None):
    f = _checked(_fields_of(t))
    return (f'{_DAYS[f[6]]} {_MONTHS[f[1] - 1]} {f[2]:2d} '
            f'{f[3]:02d}:{f[4]:02d}:{f[5]:02d} {f[0]}')


def ctime(secs=None):
    return asctime(localtime(secs))


timezone = -_tm(0, True)[10]
altzone = timezone
daylight = 0
tzname = (_tm(0, True)[9], _tm(0, True)[9])
