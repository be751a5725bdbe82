//! Python's number and string text: everything `repr`, `str`, `format()`,
//! f-strings, `int(str)`, `float(str)` and `round()` need, as pure functions
//! over `std` and `num-bigint` types, so the interpreter only wraps them.
//!
//! The goal is byte-for-byte agreement with CPython 3.11, so most functions
//! are ports of, or equivalents proven against, specific CPython routines:
//!
//! | module | job | CPython counterpart |
//! | --- | --- | --- |
//! | [`spec`] | parse `[[fill]align][sign][z][#][0][width][,_][.prec][type]`, lay out fields | `formatter_unicode.c` |
//! | [`float`] | `repr(float)`, float presentation types | `pystrtod.c` over `dtoa.c` |
//! | [`int`] | `str(int)`, `hex`/`oct`/`bin`, int presentation types | `longobject.c`, `formatter_unicode.c` |
//! | [`string`] | `format(str)`, `repr(str)`, Unicode character classes | `unicodeobject.c` |
//! | [`parse`] | `int(str)`, `float(str)`, `round`, int/float conversions | `longobject.c`, `floatobject.c` |
//!
//! Errors are `Err(String)` holding CPython's exact message; each function's
//! doc names the exception class the interpreter should raise with it
//! (mostly `ValueError`, some `OverflowError`, `ZeroDivisionError`).
//!
//! One deliberate difference: widths and precisions above
//! [`spec::MAX_FORMAT_COUNT`] are refused (CPython would try to build the
//! giant string), with the message CPython uses for an unparseable count.

pub mod float;
pub mod int;
pub mod parse;
pub mod spec;
pub mod string;
mod unicode_tables;

pub use float::{float_repr, format_float};
pub use int::{format_int, int_to_base, int_to_decimal, is_overflow_message};
pub use parse::{
    bigint_to_f64, float_to_bigint, int_true_divide, parse_float, parse_int, round_float,
    round_half_even_to_int,
};
pub use spec::{FormatSpec, parse_format_spec};
pub use string::{format_str, str_repr};
