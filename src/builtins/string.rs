//! Methods of `str`, with CPython 3.11's results and error messages.
//!
//! | module | methods |
//! | --- | --- |
//! | [`case`] | `upper`, `lower`, `title`, `capitalize`, `swapcase`, `casefold` and the `is...` predicates |
//! | [`search`] | `find`, `index`, `count`, `startswith`, `replace`, `partition`, `removeprefix`, ... |
//! | [`split`] | `split`, `rsplit`, `splitlines`, `strip`, `lstrip`, `rstrip`, `join` |
//! | [`layout`] | `center`, `ljust`, `rjust`, `zfill`, `expandtabs` |
//! | [`translate`] | `maketrans`, `translate`, `encode` |
//! | [`format`] | `format`, `format_map` |
//!
//! [`chars`] holds the Unicode character classes and case mappings they
//! share, over tables ([`tables`]) generated from CPython 3.11 itself, so
//! results agree with CPython code point for code point (Rust's own
//! `char::to_uppercase` follows a newer Unicode version and has no titlecase).
//!
//! Strings are UTF-8 but Python indexes them by code point: `start`/`end`
//! arguments are code point positions, converted to byte offsets only where
//! a search needs them.

mod case;
mod chars;
mod format;
mod layout;
mod search;
mod split;
mod tables;
mod translate;

use crate::interp::Vm;
use crate::interp::errors::{memory_error, overflow_error, type_error};
use crate::value::{NativeFn, PyResult, PyStr, Symbol, Value};
use std::rc::Rc;

/// Installs the methods.
pub fn install(vm: &Vm) {
    let methods: &[&[(&'static str, NativeFn)]] = &[
        case::METHODS,
        search::METHODS,
        split::METHODS,
        layout::METHODS,
        translate::METHODS,
        format::METHODS,
    ];
    for group in methods {
        super::add_methods(&vm.types.str, group);
    }
    translate::install_maketrans(vm);
}

/// The longest string a method will build, in bytes: beyond it CPython would
/// usually fail with `MemoryError` too, and pyco refuses before allocating
/// (the same bound as `str * n`).
const MAX_RESULT_BYTES: usize = 1 << 34;

/// Fails with `MemoryError` when a result of `bytes` bytes would be too big,
/// and with `ResourceError` when it would pass the memory limit.
fn check_result_size(vm: &Vm, bytes: usize) -> PyResult<()> {
    vm.budget.reserve(bytes as u64)?;
    if bytes > MAX_RESULT_BYTES {
        return Err(memory_error(""));
    }
    Ok(())
}

/// The receiver of `str.name(...)` and the other arguments, with CPython's
/// messages for `str.upper()` and `str.upper(1)`.
fn this<'a>(vm: &Vm, args: &'a [Value], name: &str) -> PyResult<(&'a Rc<PyStr>, &'a [Value])> {
    match args.split_first() {
        Some((Value::Str(s), rest)) => Ok((s, rest)),
        Some((other, _)) => Err(type_error(format!(
            "descriptor '{name}' for 'str' objects doesn't apply to a '{}' object",
            vm.type_name(other)
        ))),
        None => Err(type_error(format!(
            "unbound method str.{name}() needs an argument"
        ))),
    }
}

/// The receiver of a method taking no arguments at all.
fn this_only<'a>(
    vm: &Vm,
    args: &'a [Value],
    kwargs: &[(Symbol, Value)],
    name: &str,
) -> PyResult<&'a Rc<PyStr>> {
    let (s, rest) = this(vm, args, name)?;
    let qualified = format!("str.{name}");
    super::args::no_kwargs(&qualified, kwargs)?;
    super::args::arity(&qualified, rest, 0, 0)?;
    Ok(s)
}

/// The receiver and only argument of a one-argument method (`METH_O` in
/// CPython: "str.zfill() takes exactly one argument (0 given)").
fn this_and_one<'a>(
    vm: &Vm,
    args: &'a [Value],
    kwargs: &[(Symbol, Value)],
    name: &str,
) -> PyResult<(&'a Rc<PyStr>, &'a Value)> {
    let (s, rest) = this(vm, args, name)?;
    let qualified = format!("str.{name}");
    super::args::no_kwargs(&qualified, kwargs)?;
    super::args::arity(&qualified, rest, 1, 1)?;
    match rest.first() {
        Some(v) => Ok((s, v)),
        None => Err(type_error(format!(
            "{qualified}() takes exactly one argument (0 given)"
        ))),
    }
}

/// Checks the positional argument count the way `PyArg_ParseTuple` words
/// it: "find() takes at least 1 argument (0 given)".
fn tuple_arity(name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = args.len();
    let (bound, k) = if n < min {
        ("at least", min)
    } else if n > max {
        ("at most", max)
    } else {
        return Ok(());
    };
    let plural = if k == 1 { "" } else { "s" };
    Err(type_error(format!(
        "{name}() takes {bound} {k} argument{plural} ({n} given)"
    )))
}

/// Binds positional-or-keyword arguments of an Argument Clinic method such
/// as `split(sep=None, maxsplit=-1)`, with CPython's messages.
fn bind_args<'a, const N: usize>(
    name: &str,
    args: &'a [Value],
    kwargs: &'a [(Symbol, Value)],
    names: [&str; N],
) -> PyResult<[Option<&'a Value>; N]> {
    let total = args.len() + kwargs.len();
    if total > N {
        let plural = if N == 1 { "" } else { "s" };
        return Err(type_error(format!(
            "{name}() takes at most {N} argument{plural} ({total} given)"
        )));
    }
    let mut bound: [Option<&Value>; N] = [None; N];
    for (slot, v) in bound.iter_mut().zip(args) {
        *slot = Some(v);
    }
    for (key, v) in kwargs {
        let Some(i) = key.with_name(|k| names.iter().position(|n| *n == k)) else {
            return Err(type_error(format!(
                "'{key}' is an invalid keyword argument for {name}()"
            )));
        };
        if i < args.len() {
            return Err(type_error(format!(
                "argument for {name}() given by name ('{key}') and position ({})",
                i + 1
            )));
        }
        if let Some(slot) = bound.get_mut(i) {
            *slot = Some(v);
        }
    }
    Ok(bound)
}

/// An argument that must be a `str`: "must be str, not int".
fn str_arg<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Rc<PyStr>> {
    match v {
        Value::Str(s) => Ok(s),
        other => Err(type_error(format!(
            "must be str, not {}",
            vm.type_name(other)
        ))),
    }
}

/// How Argument Clinic names an argument's type in "must be str, not X":
/// `None` rather than `NoneType`.
fn clinic_type_name(vm: &Vm, v: &Value) -> Rc<str> {
    if matches!(v, Value::None) {
        "None".into()
    } else {
        vm.type_name(v)
    }
}

/// An integer argument converted to a C `Py_ssize_t` (widths, counts).
fn ssize_arg(vm: &Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::BigInt(_) => Err(overflow_error(
            "Python int too large to convert to C ssize_t",
        )),
        other => vm.to_index(other),
    }
}

/// An integer argument converted to a C `int` (`tabsize`, `keepends`).
fn c_int_arg(vm: &Vm, v: &Value) -> PyResult<i32> {
    let too_large = || overflow_error("Python int too large to convert to C int");
    match v {
        Value::BigInt(_) => Err(too_large()),
        other => i32::try_from(vm.to_index(other)?).map_err(|_| too_large()),
    }
}

/// A `start`/`end` argument of `find` and friends: `None`, or an index
/// clamped to the `i64` range like CPython's `_PyEval_SliceIndex`.
fn slice_index(vm: &Vm, v: &Value) -> PyResult<Option<i64>> {
    match v {
        Value::None => Ok(None),
        Value::Int(i) => Ok(Some(*i)),
        Value::Bool(b) => Ok(Some(i64::from(*b))),
        Value::BigInt(b) => Ok(Some(if num_traits::Signed::is_negative(&**b) {
            i64::MIN
        } else {
            i64::MAX
        })),
        Value::Instance(_) if vm.type_of(v).lookup(crate::value::sym::__index__).is_some() => {
            Ok(Some(vm.to_index(v)?))
        }
        _ => Err(type_error(
            "slice indices must be integers or None or have an __index__ method",
        )),
    }
}

/// CPython's `ADJUST_INDICES`: negative indices count from the end, `end`
/// is clipped to the length; `start` may stay beyond it.
fn adjust_indices(start: Option<i64>, end: Option<i64>, len: usize) -> (i64, i64) {
    let len = len as i64;
    let mut start = start.unwrap_or(0);
    let mut end = end.unwrap_or(len);
    if end > len {
        end = len;
    } else if end < 0 {
        end = end.saturating_add(len).max(0);
    }
    if start < 0 {
        start = start.saturating_add(len).max(0);
    }
    (start, end)
}

/// The byte offsets of code points `start` and `end` (both `<= len`).
fn byte_range(s: &PyStr, start: usize, end: usize) -> (usize, usize) {
    if s.is_ascii() {
        let n = s.as_str().len();
        return (start.min(n), end.min(n));
    }
    let text = s.as_str();
    let mut from = text.len();
    let mut to = text.len();
    for (i, (b, _)) in text.char_indices().enumerate() {
        if i == start {
            from = b;
        }
        if i == end {
            to = b;
            break;
        }
    }
    (from, to.max(from))
}

/// The number of code points in `text`.
fn char_count(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.chars().count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::run::BufferSink;

    /// A fresh interpreter for calling methods directly.
    pub(super) fn vm() -> Rc<Vm> {
        Vm::new(
            Rc::new(BufferSink::default()),
            Rc::new(BufferSink::default()),
        )
    }

    /// Calls `method` on `recv` with positional arguments.
    pub(super) fn call(vm: &Vm, recv: &str, method: &str, args: &[Value]) -> PyResult {
        let m = vm.get_attr(&Value::str(recv), Symbol::intern(method))?;
        vm.call(&m, args, &[])
    }

    /// The text of a `str` result, or the exception as `Type: message`.
    pub(super) fn show(vm: &Vm, r: PyResult) -> String {
        match r {
            Ok(Value::Str(s)) => s.as_str().to_string(),
            Ok(v) => vm.repr(&v).unwrap_or_default(),
            Err(e) => {
                let v = Value::Instance(e.instance().clone());
                format!(
                    "{}: {}",
                    vm.type_name(&v),
                    vm.str_of(&v).unwrap_or_default()
                )
            }
        }
    }

    /// Shorthand for a `str` value.
    pub(super) fn s(text: &str) -> Value {
        Value::str(text)
    }

    #[test]
    fn adjust_indices_matches_cpython() {
        assert_eq!(adjust_indices(None, None, 5), (0, 5));
        assert_eq!(adjust_indices(Some(-2), Some(-1), 5), (3, 4));
        assert_eq!(adjust_indices(Some(i64::MIN), Some(i64::MAX), 5), (0, 5));
        assert_eq!(adjust_indices(Some(9), Some(-9), 5), (9, 0));
    }

    #[test]
    fn byte_range_counts_code_points() {
        let p = PyStr::new("aé€b");
        assert_eq!(byte_range(&p, 1, 3), (1, 6));
        assert_eq!(byte_range(&p, 4, 4), (7, 7));
        assert_eq!(byte_range(&p, 0, 4), (0, 7));
    }

    #[test]
    fn receiver_errors_are_worded_like_cpython() {
        let vm = vm();
        let upper = vm
            .get_attr(&Value::Class(vm.types.str.clone()), Symbol::intern("upper"))
            .unwrap();
        assert_eq!(
            show(&vm, vm.call(&upper, &[Value::Int(1)], &[])),
            "TypeError: descriptor 'upper' for 'str' objects doesn't apply to a 'int' object"
        );
        assert_eq!(
            show(&vm, vm.call(&upper, &[], &[])),
            "TypeError: unbound method str.upper() needs an argument"
        );
    }
}
