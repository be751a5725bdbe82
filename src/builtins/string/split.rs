//! Splitting and joining: `split`, `rsplit`, `splitlines`, `strip`,
//! `lstrip`, `rstrip` and `join`.

use super::chars::is_space;
use super::{bind_args, c_int_arg, check_result_size, ssize_arg, this, this_and_one};
use crate::builtins::args::{arity, no_kwargs};
use crate::interp::Vm;
use crate::interp::errors::{type_error, value_error};
use crate::value::{NativeFn, PyResult, Symbol, Value};

/// The methods of this module, for [`super::install`].
pub(super) const METHODS: &[(&str, NativeFn)] = &[
    ("split", split),
    ("rsplit", rsplit),
    ("splitlines", splitlines),
    ("strip", strip),
    ("lstrip", lstrip),
    ("rstrip", rstrip),
    ("join", join),
];

/// Splits on runs of whitespace from the left, at most `max` times; after
/// the last split the rest is kept whole, minus its leading whitespace.
#[must_use]
pub(super) fn split_whitespace(text: &str, max: usize) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = text;
    while parts.len() < max {
        rest = rest.trim_start_matches(is_space);
        if rest.is_empty() {
            return parts;
        }
        let end = rest.find(is_space).unwrap_or(rest.len());
        let (word, tail) = rest.split_at(end);
        parts.push(word);
        rest = tail;
    }
    let rest = rest.trim_start_matches(is_space);
    if !rest.is_empty() {
        parts.push(rest);
    }
    parts
}

/// Splits on runs of whitespace from the right, at most `max` times, in
/// left-to-right order.
#[must_use]
pub(super) fn rsplit_whitespace(text: &str, max: usize) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = text;
    while parts.len() < max {
        rest = rest.trim_end_matches(is_space);
        if rest.is_empty() {
            break;
        }
        let start = rest
            .char_indices()
            .rev()
            .find(|&(_, c)| is_space(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let (head, word) = rest.split_at(start);
        parts.push(word);
        rest = head;
    }
    if parts.len() >= max {
        let rest = rest.trim_end_matches(is_space);
        if !rest.is_empty() {
            parts.push(rest);
        }
    }
    parts.reverse();
    parts
}

/// Parses `(sep=None, maxsplit=-1)`: the separator (`None` for whitespace)
/// and the number of splits allowed.
fn split_args<'a>(
    vm: &Vm,
    name: &str,
    rest: &'a [Value],
    kwargs: &'a [(Symbol, Value)],
) -> PyResult<(Option<&'a str>, usize)> {
    let [sep, maxsplit] = bind_args(name, rest, kwargs, ["sep", "maxsplit"])?;
    let max = match maxsplit {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    let max = usize::try_from(max).unwrap_or(usize::MAX);
    let sep = match sep {
        None | Some(Value::None) => None,
        Some(Value::Str(s)) if s.as_str().is_empty() => return Err(value_error("empty separator")),
        Some(Value::Str(s)) => Some(s.as_str()),
        Some(other) => {
            return Err(type_error(format!(
                "must be str or None, not {}",
                vm.type_name(other)
            )));
        }
    };
    Ok((sep, max))
}

/// Heap bytes one piece of a split costs besides its text: the slice
/// while splitting, the list slot and the string object with its
/// allocation headers.
const PIECE_BYTES: usize = 2 * size_of::<Value>() + size_of::<crate::value::PyStr>() + 64;

/// Checks against the memory limit, before splitting `text` into at most
/// `pieces` pieces: one-character pieces multiply a string's size by ~50.
/// Short texts are not looked at.
fn reserve_pieces(vm: &Vm, text: &str, pieces: impl FnOnce() -> usize) -> PyResult<()> {
    if text.len() < crate::limits::LARGE_RESULT / 4 || vm.budget.limits().max_memory.is_none() {
        return Ok(());
    }
    vm.reserve(
        pieces()
            .saturating_mul(PIECE_BYTES)
            .saturating_add(text.len()),
    )
}

/// How many pieces splitting `text` at `sep` (whitespace runs for `None`)
/// at most `max` times makes, at most.
fn count_pieces(text: &str, sep: Option<&str>, max: usize) -> usize {
    match sep {
        Some(sep) => text.matches(sep).take(max).count() + 1,
        None => text
            .split(is_space)
            .filter(|w| !w.is_empty())
            .take(max.saturating_add(1))
            .count(),
    }
}

/// A list of strings.
fn str_list<'a>(parts: impl IntoIterator<Item = &'a str>) -> Value {
    Value::list(parts.into_iter().map(Value::str).collect())
}

/// `split(sep=None, maxsplit=-1)`.
fn split(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (s, rest) = this(vm, args, "split")?;
    let (sep, max) = split_args(vm, "split", rest, kwargs)?;
    let text = s.as_str();
    reserve_pieces(vm, text, || count_pieces(text, sep, max))?;
    Ok(match sep {
        None => str_list(split_whitespace(text, max)),
        Some(sep) => str_list(text.splitn(max.saturating_add(1), sep)),
    })
}

/// `rsplit(sep=None, maxsplit=-1)`: like `split` but splitting from the
/// right when `maxsplit` limits it.
fn rsplit(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (s, rest) = this(vm, args, "rsplit")?;
    let (sep, max) = split_args(vm, "rsplit", rest, kwargs)?;
    let text = s.as_str();
    reserve_pieces(vm, text, || count_pieces(text, sep, max))?;
    Ok(match sep {
        None => str_list(rsplit_whitespace(text, max)),
        Some(sep) => {
            let mut parts: Vec<&str> = text.rsplitn(max.saturating_add(1), sep).collect();
            parts.reverse();
            str_list(parts)
        }
    })
}

/// Whether `c` ends a line for `splitlines()`.
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// Splits at every line boundary (`\r\n` counts as one), keeping the
/// boundaries when `keepends`; no empty last line is added.
#[must_use]
pub(super) fn split_lines(text: &str, keepends: bool) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !is_line_break(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' && iter.peek().is_some_and(|&(_, n)| n == '\n') {
            iter.next();
            end += 1;
        }
        lines.push(
            text.get(start..if keepends { end } else { i })
                .unwrap_or_default(),
        );
        start = end;
    }
    if start < text.len() {
        lines.push(text.get(start..).unwrap_or_default());
    }
    lines
}

/// `splitlines(keepends=False)`.
fn splitlines(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (s, rest) = this(vm, args, "splitlines")?;
    let [keepends] = bind_args("splitlines", rest, kwargs, ["keepends"])?;
    let keepends = match keepends {
        Some(v) => c_int_arg(vm, v)? != 0,
        None => false,
    };
    let text = s.as_str();
    reserve_pieces(vm, text, || {
        text.chars().filter(|&c| is_line_break(c)).count() + 1
    })?;
    Ok(str_list(split_lines(text, keepends)))
}

/// Which ends `strip` works on.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ends {
    /// `strip`.
    Both,
    /// `lstrip`.
    Left,
    /// `rstrip`.
    Right,
}

/// `strip`/`lstrip`/`rstrip(chars=None, /)`.
fn strip_method(
    vm: &Vm,
    args: &[Value],
    kwargs: &[(Symbol, Value)],
    name: &str,
    ends: Ends,
) -> PyResult {
    let (s, rest) = this(vm, args, name)?;
    no_kwargs(&format!("str.{name}"), kwargs)?;
    arity(name, rest, 0, 1)?;
    let text = s.as_str();
    let strip_with = |pred: &dyn Fn(char) -> bool| match ends {
        Ends::Both => text.trim_matches(pred),
        Ends::Left => text.trim_start_matches(pred),
        Ends::Right => text.trim_end_matches(pred),
    };
    let stripped = match rest.first() {
        None | Some(Value::None) => strip_with(&is_space),
        Some(Value::Str(chars)) => {
            let set = chars.as_str();
            strip_with(&|c| set.contains(c))
        }
        Some(_) => return Err(type_error(format!("{name} arg must be None or str"))),
    };
    Ok(if stripped.len() == text.len() {
        Value::Str(s.clone())
    } else {
        Value::str(stripped)
    })
}

fn strip(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    strip_method(vm, args, kwargs, "strip", Ends::Both)
}

fn lstrip(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    strip_method(vm, args, kwargs, "lstrip", Ends::Left)
}

fn rstrip(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    strip_method(vm, args, kwargs, "rstrip", Ends::Right)
}

/// `sep.join(iterable)`: the strings of `iterable` with `sep` between them.
fn join(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (sep, iterable) = this_and_one(vm, args, kwargs, "join")?;
    if !vm.is_iterable(iterable) {
        return Err(type_error("can only join an iterable"));
    }
    let items = vm.collect_iterable(iterable)?;
    let mut total = sep
        .as_str()
        .len()
        .saturating_mul(items.len().saturating_sub(1));
    for (i, item) in items.iter().enumerate() {
        match item {
            Value::Str(s) => total = total.saturating_add(s.as_str().len()),
            other => {
                return Err(type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    vm.type_name(other)
                )));
            }
        }
    }
    if let [Value::Str(only)] = items.as_slice() {
        return Ok(Value::Str(only.clone()));
    }
    check_result_size(vm, total)?;
    let mut out = String::with_capacity(total);
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep.as_str());
        }
        if let Value::Str(s) = item {
            out.push_str(s.as_str());
        }
    }
    Ok(Value::str(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_splitting() {
        assert_eq!(split_whitespace("  a b  c  ", usize::MAX), ["a", "b", "c"]);
        assert_eq!(split_whitespace("  a b  c  ", 1), ["a", "b  c  "]);
        assert_eq!(split_whitespace("a ", 0), ["a "]);
        assert!(split_whitespace("   ", 0).is_empty());
        assert_eq!(rsplit_whitespace("  a b  c  ", 1), ["  a b", "c"]);
        assert_eq!(rsplit_whitespace(" a ", 0), [" a"]);
        assert_eq!(
            rsplit_whitespace("a\u{3000}b\u{3000}", usize::MAX),
            ["a", "b"]
        );
        assert_eq!(rsplit_whitespace("é\u{3000}b c", 1), ["é\u{3000}b", "c"]);
    }

    #[test]
    fn line_splitting() {
        assert_eq!(
            split_lines("a\r\nb\rc\n\nd\u{2028}e\x1c", false),
            ["a", "b", "c", "", "d", "e"]
        );
        assert_eq!(split_lines("a\r\nb\n", true), ["a\r\n", "b\n"]);
        assert!(split_lines("", true).is_empty());
    }
}
