//! Padding: `center`, `ljust`, `rjust`, `zfill` and `expandtabs`.

use super::{bind_args, c_int_arg, check_result_size, ssize_arg, this, this_and_one};
use crate::builtins::args::{arity, no_kwargs};
use crate::interp::Vm;
use crate::interp::errors::type_error;
use crate::value::{NativeFn, PyResult, PyStr, Symbol, Value};
use std::rc::Rc;

/// The methods of this module, for [`super::install`].
pub(super) const METHODS: &[(&str, NativeFn)] = &[
    ("center", center),
    ("ljust", ljust),
    ("rjust", rjust),
    ("zfill", zfill),
    ("expandtabs", expandtabs),
];

/// `s` with `left` and `right` copies of `fill` around it.
fn pad(vm: &Vm, s: &str, left: usize, right: usize, fill: char) -> PyResult<String> {
    let bytes = left.saturating_add(right).saturating_mul(fill.len_utf8());
    check_result_size(vm, bytes.saturating_add(s.len()))?;
    let mut out = String::with_capacity(s.len() + bytes);
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(out)
}

/// Where `center`, `ljust` and `rjust` put the text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Justify {
    /// `center`.
    Center,
    /// `ljust`.
    Left,
    /// `rjust`.
    Right,
}

/// `center`/`ljust`/`rjust(width, fillchar=' ', /)`.
fn justify(
    vm: &Vm,
    args: &[Value],
    kwargs: &[(Symbol, Value)],
    name: &str,
    how: Justify,
) -> PyResult {
    let (s, rest) = this(vm, args, name)?;
    no_kwargs(&format!("str.{name}"), kwargs)?;
    arity(name, rest, 1, 2)?;
    let width = ssize_arg(vm, rest.first().unwrap_or(&Value::None))?;
    let fill = match rest.get(1) {
        None => ' ',
        Some(Value::Str(f)) => {
            let mut chars = f.as_str().chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(type_error(
                        "The fill character must be exactly one character long",
                    ));
                }
            }
        }
        Some(other) => {
            return Err(type_error(format!(
                "The fill character must be a unicode character, not {}",
                vm.type_name(other)
            )));
        }
    };
    let len = s.char_len();
    let Some(margin) = usize::try_from(width)
        .ok()
        .and_then(|w| w.checked_sub(len))
        .filter(|&m| m > 0)
    else {
        return Ok(Value::Str(s.clone()));
    };
    let (left, right) = match how {
        Justify::Left => (0, margin),
        Justify::Right => (margin, 0),
        // CPython's rounding: the odd space goes left when `width` is odd.
        Justify::Center => {
            let left = margin / 2 + (margin & width as usize & 1);
            (left, margin - left)
        }
    };
    Ok(Value::str(pad(vm, s.as_str(), left, right, fill)?))
}

fn center(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    justify(vm, args, kwargs, "center", Justify::Center)
}

fn ljust(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    justify(vm, args, kwargs, "ljust", Justify::Left)
}

fn rjust(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    justify(vm, args, kwargs, "rjust", Justify::Right)
}

/// `zfill(width)`: zeros on the left, after a leading sign.
fn zfill(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (s, width) = this_and_one(vm, args, kwargs, "zfill")?;
    let width = ssize_arg(vm, width)?;
    Ok(zero_fill(vm, s, width)?.map_or_else(|| Value::Str(s.clone()), Value::str))
}

/// The zero-filled text, or `None` when `s` is already wide enough.
fn zero_fill(vm: &Vm, s: &Rc<PyStr>, width: i64) -> PyResult<Option<String>> {
    let Some(fill) = usize::try_from(width)
        .ok()
        .and_then(|w| w.checked_sub(s.char_len()))
        .filter(|&f| f > 0)
    else {
        return Ok(None);
    };
    let text = s.as_str();
    let (sign, digits) = match text.as_bytes().first() {
        Some(b'+' | b'-') => text.split_at(1),
        _ => ("", text),
    };
    let mut out = String::from(sign);
    out.push_str(&pad(vm, digits, fill, 0, '0')?);
    Ok(Some(out))
}

/// `expandtabs(tabsize=8)`: each tab becomes the spaces up to the next
/// multiple of `tabsize` (counting from the last `\n` or `\r`); tabs simply
/// vanish when `tabsize <= 0`.
fn expandtabs(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (s, rest) = this(vm, args, "expandtabs")?;
    let [tabsize] = bind_args("expandtabs", rest, kwargs, ["tabsize"])?;
    let tabsize = match tabsize {
        Some(v) => c_int_arg(vm, v)?,
        None => 8,
    };
    let text = s.as_str();
    if !text.contains('\t') {
        return Ok(Value::Str(s.clone()));
    }
    Ok(Value::str(expand_tabs(vm, text, tabsize)?))
}

/// The text of `expandtabs`.
fn expand_tabs(vm: &Vm, text: &str, tabsize: i32) -> PyResult<String> {
    let tab = usize::try_from(tabsize).unwrap_or(0);
    let mut out = String::with_capacity(text.len());
    let mut column = 0usize;
    for c in text.chars() {
        match c {
            '\t' if tab > 0 => {
                let spaces = tab - column % tab;
                column += spaces;
                check_result_size(vm, out.len().saturating_add(spaces))?;
                out.extend(std::iter::repeat_n(' ', spaces));
            }
            '\t' => {}
            '\n' | '\r' => {
                column = 0;
                out.push(c);
            }
            _ => {
                column += 1;
                out.push(c);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{call, s, show, vm};
    use super::*;

    #[test]
    fn justification() {
        let vm = vm();
        let r = |recv: &str, m: &str, args: &[Value]| show(&vm, call(&vm, recv, m, args));
        assert_eq!(r("ab", "center", &[Value::Int(5), s("*")]), "**ab*");
        assert_eq!(r("ab", "center", &[Value::Int(6), s("*")]), "**ab**");
        assert_eq!(r("abc", "center", &[Value::Int(6), s("*")]), "*abc**");
        assert_eq!(r("é", "ljust", &[Value::Int(3), s("€")]), "é€€");
        assert_eq!(r("a", "rjust", &[Value::Int(-3)]), "a");
        assert_eq!(
            r("a", "center", &[Value::Int(3), s("ab")]),
            "TypeError: The fill character must be exactly one character long"
        );
        assert_eq!(r("-42", "zfill", &[Value::Int(6)]), "-00042");
        assert_eq!(r("+", "zfill", &[Value::Int(3)]), "+00");
        assert_eq!(r("", "zfill", &[Value::Int(2)]), "00");
    }

    #[test]
    fn tabs() {
        let vm = crate::interp::Vm::new(
            Rc::new(crate::run::BufferSink::default()),
            Rc::new(crate::run::BufferSink::default()),
        );
        assert_eq!(expand_tabs(&vm, "a\tbc\td", 4).unwrap(), "a   bc  d");
        assert_eq!(expand_tabs(&vm, "ab\n\tc", 4).unwrap(), "ab\n    c");
        assert_eq!(expand_tabs(&vm, "a\tb", 0).unwrap(), "ab");
        assert_eq!(expand_tabs(&vm, "a\tb", -1).unwrap(), "ab");
    }
}
