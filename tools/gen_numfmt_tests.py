#!/usr/bin/env python3
"""Prints the expected-value tables of the unit tests in src/format/ and
src/hash.rs, computed by CPython 3.11 itself.

Run with hash randomisation off, as pyco's hashes assume:

    PYTHONHASHSEED=0 python3 tools/gen_numfmt_tests.py TABLE

where TABLE is one of the names in TABLES below; paste the output into the
matching test module.
"""
import math
import struct
import sys

assert sys.version_info[:2] == (3, 11), "expected values must come from CPython 3.11"


def rs_str(s):
    out = []
    for c in s:
        o = ord(c)
        if c == '\\':
            out.append('\\\\')
        elif c == '"':
            out.append('\\"')
        elif c == '\n':
            out.append('\\n')
        elif c == '\t':
            out.append('\\t')
        elif c == '\r':
            out.append('\\r')
        elif 0x20 <= o < 0x7f:
            out.append(c)
        else:
            out.append('\\u{%x}' % o)
    return '"' + ''.join(out) + '"'


def rs_float(x):
    if math.isnan(x):
        return 'f64::NAN'
    if math.isinf(x):
        return 'f64::INFINITY' if x > 0 else 'f64::NEG_INFINITY'
    r = repr(x)
    return r


def outcome(fn):
    try:
        return 'Ok(%s)' % rs_str(fn())
    except (ValueError, OverflowError, ZeroDivisionError) as e:
        return 'Err(%s)' % rs_str(str(e))


def float_outcome(fn):
    try:
        return 'Ok(%s)' % rs_float(fn())
    except (ValueError, OverflowError, ZeroDivisionError) as e:
        return 'Err(%s)' % rs_str(str(e))


FLOAT_FORMAT = [
    (1.5, ''), (1e16, ''), (1.0, '.3'), (123456.0, '.3'), (100.0, '.3'), (1.0, '.0'), (-0.0, '.0'),
    (2.675, '.2f'), (0.125, '.2f'), (0.375, '.2f'), (2.5, '.0f'), (0.5, '.0f'), (1.5, '.0f'),
    (-0.001, '.1f'), (-0.001, 'z.1f'), (-0.0, 'z'), (-0.0, 'z.0f'), (-0.001, 'z.1'), (-0.0, ''),
    (3.25159, 'f'), (3.25159, 'e'), (3.25159, 'E'), (3.25159, 'g'), (3.25159, 'G'), (3.25159, 'n'),
    (3.25159, '%'), (0.25, '.1%'), (1.0 / 3, '.50f'), (0.1, '.30e'), (5e-324, '.3e'), (5e-324, 'g'),
    (1.7976931348623157e308, 'e'), (1e300, ',.0f'), (1234567.891, ','), (1234567.891, '_.2f'),
    (1234567.891, ',e'), (1234567.891, '015,.2f'), (-1234.5, '012_.1f'), (1234.5, '010,.1f'),
    (1234.5, '=+12.1f'), (1234.5, '*^14.1f'), (1234.5, '<12'), (1234.5, ' '), (1234.5, '+g'),
    (1.0, '#'), (1e16, '#'), (1.0, '#.3'), (1.0, '#g'), (1.0, '#.0f'), (1.0, '#.0e'), (0.0001, 'g'),
    (0.00001, 'g'), (1e-5, ''), (123456789.0, 'g'), (1234567.0, '.7g'), (1e6, 'g'), (1e6, '.3'),
    (float('inf'), ''), (float('-inf'), ''), (float('nan'), ''), (float('inf'), 'F'),
    (float('nan'), 'E'), (float('nan'), '%'), (float('inf'), '010'), (float('-inf'), '010.2f'),
    (float('nan'), '=+10'), (float('inf'), ',.2f'), (float('-inf'), 'z'), (-1.5, '010'),
    (1.5, 'x<8'), (1.5, '0<8'), (1.5, 'd'), (1.5, 'c'), (1.5, 's'), (1.5, 'b'), (1.5, ',n'),
    (1.5, '_n'), (1.5, '#x'), (1.5, 'abc'), (1.5, '.'), (1.5, '.f'), (1.5, ',_f'),
    (1.5, '.2147483648f'), (1.5, '.9223372036854775808f'), (9.995, '.2f'), (99999.5, '.0f'),
    (0.1 + 0.2, '.17g'), (0.1 + 0.2, '.16g'), (1e22, 'f'), (2.0 ** 70, ',.0f'), (-2.5, '+.0f'),
    (2.5, ' .0e'), (123.456, '10.2%'), (0.5, '%'), (1.005, '.2f'), (1.0, '\x01'), (1.0, '€'),
]

INT_FORMAT = [
    (0, ''), (42, ''), (-42, 'd'), (255, 'x'), (255, 'X'), (255, '#x'), (255, '#X'), (255, 'o'),
    (255, '#o'), (5, 'b'), (5, '#b'), (-255, '#x'), (255, '#010x'), (-255, '#010x'), (65, 'c'),
    (0x20ac, 'c'), (65, '05c'), (65, '<3c'), (65, '^5c'), (1234567, ','), (1234567, '_'),
    (1234567, '_d'), (-1234567, ',d'), (1234567, '_x'), (1234567, '_b'), (1234567, '#_o'),
    (1234, '010,'), (1234, '09,'), (1234, '08,'), (1234, '0=10,'), (5, '<05'), (5, 'x<05'),
    (5, '05d'), (-5, '05'), (5, '+'), (5, ' '), (-5, ' '), (5, '+5'), (-5, '=6'), (-5, '*=6'),
    (5, '*^6'), (-255, '=+#12_o'), (10 ** 30, ','), (-(10 ** 30), '_'), (2 ** 100, '#_x'),
    (2 ** 100, 'n'), (1234567, 'n'), (1234567, ',n'), (5, '.2f'), (5, 'e'), (5, '%'),
    (10 ** 20, 'g'), (10 ** 400, 'f'), (-7, 'F'), (5, '.1'), (5, 'z'), (5, 'zd'), (5, 'z.1'),
    (5, '0z'), (5, '+c'), (5, '#c'), (5, ' c'), (-1, 'c'), (0x110000, 'c'), (2 ** 70, 'c'),
    (5, 'y'), (5, 's'), (5, '\x01'), (5, '\x80'), (5, '€'), (5, 'abc'), (5, ',_'), (5, '_,'),
    (5, ',x'), (5, ',c'), (5, '_c'), (5, '.'), (5, '9223372036854775808d'),
    (10 ** 4300, ''), (10 ** 4300, ',d'), (5, '\u0661\u0660'),
]

STR_FORMAT = [
    ('abc', ''), ('abc', 's'), ('abc', '10'), ('abc', '>10'), ('abc', '^10'), ('abc', '^8'),
    ('abc', '*^9'), ('abc', '.2'), ('abc', '10.2s'), ('héllo', '^9.4'), ('€uro', '*>6'),
    ('abc', '05'), ('abc', '<05'), ('abc', '\x00<5'), ('abc', '2'), ('😀', '3'), ('abc', ' '),
    ('abc', '+'), ('abc', '-'), ('abc', '#'), ('abc', '='), ('abc', '=5'), ('abc', 'z'),
    ('abc', ','), ('abc', '_'), ('abc', ',s'), ('abc', 'd'), ('abc', 'r'), ('abc', 'abc'),
    ('abc', '.'), ('abc', '.9223372036854775808'),
]

REPR = [
    0.0, -0.0, 1.0, -1.5, 0.1, 0.1 + 0.2, 1e16, 1e-5, 1.5e-7, 0.0001, 0.001, 123456789012345.0,
    1234567890123456.8, 9999999999999998.0, 1e15, 1e17, 1e22, 1e23, 5e-324, 1e-323,
    2.2250738585072014e-308, 1.7976931348623157e308, 123456789.123456789, 2.0 ** 53,
    2.0 ** 53 + 2, 2.0 ** 63, 1 / 3, 2 / 3, 100.0, 1e100, 1.1e-10, 22 / 7,
    float('inf'), float('-inf'), float('nan'), 1462468587316101.2, 79901738315358.62,
    0.30000000000000004, 4.35, 1e-7, 12345.678, -1e-300,
]

INT_PARSE = [
    ('0', 10), ('-0', 10), ('  12  ', 10), ('+12', 10), ('1_000', 10), ('1__0', 10), ('_1', 10),
    ('1_', 10), ('0x1f', 16), ('0X1F', 0), ('0o17', 0), ('0b101', 0), ('0b_101', 0), ('0_7', 10),
    ('07', 0), ('00', 0), ('0_0', 0), ('0x', 16), ('0b1', 16), ('z', 36), ('Z', 36), ('12\x00', 10),
    ("it's", 10), ('a"b\'', 10), ('\x1c12', 10), ('١٢٣', 10), ('\u3000 42 \u3000', 10), ('é', 10),
    ('', 10), (' ', 10), ('-', 10), ('--1', 10), ('1 2', 10), ('-0x_ff', 0), ('0x_', 16),
    ('1e5', 10), ('9', 8), ('1', 1), ('1', 37), ('12345678901234567890123', 0),
]

# Long inputs as (piece, repeat count, suffix, base): the Rust side rebuilds
# them with `repeat`.
INT_PARSE_LONG = [
    ('a', 250, '', 10), ('1', 4300, '', 10), ('1', 4301, '', 10), ('1_', 4300, '1', 10),
    ('1', 4301, '_', 10), ('1', 4301, 'x', 10), ('1', 4301, '', 7), ('f', 4400, '', 16),
    ('1', 4301, '', 0),
]

FLOAT_PARSE = [
    '1', '-1.5', '+.5', '1.', '.', '-', '', ' ', 'inf', '-Infinity', 'INF', 'nan', '-nan', '+NaN',
    'infinit', '1e5', '1E+05', '1e-5', '1e', '1e+', 'e5', '.e5', '1.e5', '1_0', '1__0', '1_.5',
    '1._5', '1e1_0', '1e_1', '_1', '1_', '0x10', '1\x00', '\u30001.5\u2003', '١٢.٥', '1e500',
    '-1e-500', '2.5e-324', '2.4703282292062328e-324', '0.1', '123456789012345678901234567890',
    '1.7976931348623158e308', '1.7976931348623159e308', '  \t-0.0\n', '1 0', "it's",
    '\x1c1', '--inf',
]

ROUND = [
    (2.675, 2), (0.5, 0), (1.5, 0), (2.5, 0), (-0.5, 0), (-2.5, 0), (0.125, 2), (0.375, 2),
    (1.005, 2), (-0.04, 1), (123.456, -1), (125.0, -1), (135.0, -1), (1234.5, -2), (-1234.5, -2),
    (123.456, -3), (567.0, -3), (0.5, 400), (123.456, -400), (-123.456, -400), (5e-324, 323),
    (5e-324, 324), (1.7976931348623157e308, -308), (1.7976931348623157e308, -307),
    (float('inf'), 2), (float('nan'), 2), (-0.0, 1), (1e300, 2), (0.1, 20), (2.5e-8, 8),
    (1.23456789, 5), (9.995, 2), (-9.995, 2), (1e22, -22), (4.5e22, -22),
]

ROUND_INT = [
    0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999999999999994, 4503599627370497.0, 1e20, 2.675,
    1.7976931348623157e308, -0.0, float('inf'), float('-inf'), float('nan'),
]

TRUNC = [0.0, -0.9, 1.9, -1.9, 1e20, -1e20, 2.0 ** 63, -(2.0 ** 63), 1.7976931348623157e308,
         float('inf'), float('-inf'), float('nan')]

TO_FLOAT = [0, 1, -1, 2 ** 53 + 1, 2 ** 53 + 3, 2 ** 54 + 2, 2 ** 54 + 6, 10 ** 30, -(10 ** 30),
            2 ** 1024 - 2 ** 970, 2 ** 1024 - 2 ** 971, 2 ** 1024, 12345678901234567890123456789]

DIVIDE = [(1, 3), (10 ** 30, 7), (0, -5), (0, -(10 ** 400)), (-1, 10 ** 400), (10 ** 400, 3),
          (1, 0), (10 ** 400, 0), (2 ** 1074 + 1, 2 ** 2148), (1, 2 ** 1074), (1, 2 ** 1075),
          (3, 2 ** 1076), (-7, 2), (2 ** 200 + 1, 2 ** 100), (10 ** 400, 10 ** 399),
          (10 ** 308 * 18, 10), (10 ** 308 * 17976931348623159, 10 ** 16)]

HASH_STR = ['', 'a', 'abc', 'é', '€x', '😀', 'hello world', 'x' * 7, 'x' * 8, 'x' * 9,
            'ÿ' * 20, '€' * 10, 'a😀', '\x00', 'pyco']
HASH_INT = [0, 1, -1, -2, 2 ** 61 - 2, 2 ** 61 - 1, 2 ** 61, -(2 ** 61), 2 ** 64, -(2 ** 64),
            10 ** 100, 2 ** 63 - 1, -(2 ** 63), 12345678901234567890]
HASH_FLOAT = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 0.1, 1e100, -1e-100, 5e-324,
              1.7976931348623157e308, float('inf'), float('-inf'), 2.0 ** 61, 123.456]


def rs_int(v):
    if abs(v) < 2 ** 63:
        return '"%d"' % v
    return '"%s"' % ('-' if v < 0 else '') + ('%x' % abs(v)) + '"'


def table_float_format():
    for x, spec in FLOAT_FORMAT:
        print('(%s, %s, %s),' % (rs_float(x), rs_str(spec), outcome(lambda: format(x, spec))))


def int_arg(v):
    """Ints in tables are hex strings (with `-`), so huge ones stay short."""
    return '"%s%x"' % ('-' if v < 0 else '', abs(v))


def table_int_format():
    for v, spec in INT_FORMAT:
        print('(%s, %s, %s),' % (int_arg(v), rs_str(spec), outcome(lambda: format(v, spec))))


def table_str_format():
    for s, spec in STR_FORMAT:
        print('(%s, %s, %s),' % (rs_str(s), rs_str(spec), outcome(lambda: format(s, spec))))


def table_repr():
    for x in REPR:
        print('(%s, %s),' % (rs_float(x), rs_str(repr(x))))


def table_str_repr():
    for s in ['', 'abc', "it's", 'say "hi"', 'both \' and "', 'tab\there', 'new\nline', 'cr\r',
              'back\\slash', '\x00\x07\x1f\x7f', '\x80\x9f\xa0\xad', 'é€😀', '\u200b\u2028\ufeff',
              '\ud7ff\ue000\uffff', '\U000e0001\U0010ffff', '\U0001f600', 'ÿĀ', '\u0378']:
        print('(%s, %s),' % (rs_str(s), rs_str(repr(s))))


def table_int_parse():
    for s, base in INT_PARSE:
        def parse():
            v = int(s, base)
            return '%s%x' % ('-' if v < 0 else '', abs(v))
        print('(%s, %d, %s),' % (rs_str(s), base, outcome(parse)))


def table_int_parse_long():
    for piece, count, suffix, base in INT_PARSE_LONG:
        def parse():
            v = int(piece * count + suffix, base)
            return 'ok, %d bits' % v.bit_length()
        print('(%s, %d, %s, %d, %s),' % (rs_str(piece), count, rs_str(suffix), base, outcome(parse)))


def table_float_parse():
    for s in FLOAT_PARSE:
        print('(%s, %s),' % (rs_str(s), outcome(lambda: repr(float(s)))))


def table_round():
    for x, n in ROUND:
        print('(%s, %d, %s),' % (rs_float(x), n, outcome(lambda: repr(round(x, n)))))


def table_round_int():
    for x in ROUND_INT:
        print('(%s, %s),' % (rs_float(x), outcome(lambda: '%x' % round(x) if round(x) >= 0 else '-%x' % -round(x))))


def table_trunc():
    for x in TRUNC:
        print('(%s, %s),' % (rs_float(x), outcome(lambda: '%x' % int(x) if int(x) >= 0 else '-%x' % -int(x))))


def table_to_float():
    for v in TO_FLOAT:
        print('(%s, %s),' % (int_arg(v), outcome(lambda: repr(float(v)))))


def table_divide():
    for a, b in DIVIDE:
        print('(%s, %s, %s),' % (int_arg(a), int_arg(b), outcome(lambda: repr(a / b))))


def table_hash():
    for s in HASH_STR:
        print('(%s, %d),' % (rs_str(s), hash(s)))
    print()
    for v in HASH_INT:
        print('(%s, %d),' % (int_arg(v), hash(v)))
    print()
    for x in HASH_FLOAT:
        print('(%s, %d),' % (rs_float(x), hash(x)))
    print()
    for t in [(), (1,), (1, 2), (1, 2, 3), ('a', 'b'), ((1, 2), 3), (-1,), (1.5, 'x')]:
        print('(vec![%s], %d),' % (', '.join(rs_hash_expr(i) for i in t), hash(t)))
    print()
    for fs in [frozenset(), frozenset({1}), frozenset({1, 2, 3}), frozenset({'a', 'b'}),
               frozenset({frozenset({1})})]:
        print('(vec![%s], %d),' % (', '.join(rs_hash_expr(i) for i in fs), hash(fs)))
    print('// frozenset(range(100))')
    print(hash(frozenset(range(100))))


def rs_hash_expr(item):
    """The Rust expression hashing `item` with src/hash.rs."""
    if isinstance(item, bool):
        return 'hash_bool(%s)' % ('true' if item else 'false')
    if isinstance(item, int):
        return 'hash_i64(%d)' % item
    if isinstance(item, float):
        return 'hash_float(%s, 0)' % rs_float(item)
    if isinstance(item, str):
        return 'hash_str(%s)' % rs_str(item)
    if isinstance(item, tuple):
        return 'hash_tuple(&[%s])' % ', '.join(rs_hash_expr(i) for i in item)
    if isinstance(item, frozenset):
        return 'hash_frozenset(&[%s])' % ', '.join(rs_hash_expr(i) for i in item)
    raise TypeError(item)


TABLES = {name[len('table_'):]: fn for name, fn in globals().items() if name.startswith('table_')}

if __name__ == '__main__':
    TABLES[sys.argv[1]]()
