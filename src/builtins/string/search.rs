//! Searching: `find`, `rfind`, `index`, `rindex`, `count`, `startswith`,
//! `endswith`, `replace`, `partition`, `rpartition`, `removeprefix` and
//! `removesuffix`.

use super::{
    adjust_indices, byte_range, char_count, check_result_size, clinic_type_name, slice_index,
    ssize_arg, str_arg, this, this_and_one, tuple_arity,
};
use crate::builtins::args::{arity, no_kwargs};
use crate::interp::Vm;
use crate::interp::errors::{type_error, value_error};
use crate::value::{NativeFn, PyResult, PyStr, Symbol, Value};
use std::rc::Rc;

/// The methods of this module, for [`super::install`].
pub(super) const METHODS: &[(&str, NativeFn)] = &[
    ("find", find),
    ("rfind", rfind),
    ("index", index),
    ("rindex", rindex),
    ("count", count),
    ("startswith", startswith),
    ("endswith", endswith),
    ("replace", replace),
    ("partition", partition),
    ("rpartition", rpartition),
    ("removeprefix", removeprefix),
    ("removesuffix", removesuffix),
];

/// A substring search's arguments: `(sub[, start[, end]])`, with `start`
/// and `end` already adjusted to the receiver.
struct Search<'a> {
    /// The receiver.
    hay: &'a Rc<PyStr>,
    /// The first argument, not yet checked (`startswith` takes tuples).
    needle: &'a Value,
    /// First code point position searched (may exceed the length).
    start: i64,
    /// Code point position after the last one searched.
    end: i64,
}

impl Search<'_> {
    /// The searched part of the receiver, or `None` when `start > end`.
    fn window(&self) -> Option<(usize, &str)> {
        if self.start > self.end {
            return None;
        }
        let (start, end) = (self.start as usize, self.end as usize);
        let (from, to) = byte_range(self.hay, start, end);
        self.hay.as_str().get(from..to).map(|w| (start, w))
    }
}

/// Parses `(sub[, start[, end]])` like CPython's `stringlib_parse_args_finds`.
fn parse_search<'a>(
    vm: &Vm,
    name: &str,
    args: &'a [Value],
    kwargs: &[(Symbol, Value)],
) -> PyResult<Search<'a>> {
    let (hay, rest) = this(vm, args, name)?;
    no_kwargs(&format!("str.{name}"), kwargs)?;
    tuple_arity(name, rest, 1, 3)?;
    let bound = |i: usize| {
        rest.get(i)
            .map(|v| slice_index(vm, v))
            .transpose()
            .map(Option::flatten)
    };
    let (start, end) = (bound(1)?, bound(2)?);
    let (start, end) = adjust_indices(start, end, hay.char_len());
    let needle = rest.first().unwrap_or(&Value::None);
    Ok(Search {
        hay,
        needle,
        start,
        end,
    })
}

/// Which end of the window a search starts from.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Direction {
    /// `find`, `index`.
    Forward,
    /// `rfind`, `rindex`.
    Backward,
}

/// The code point position of `sub` in the window, or `None`.
fn find_in(vm: &Vm, search: &Search<'_>, direction: Direction) -> PyResult<Option<i64>> {
    let sub = str_arg(vm, search.needle)?;
    if search.end - search.start < sub.char_len() as i64 {
        return Ok(None);
    }
    let Some((start, window)) = search.window() else {
        return Ok(None);
    };
    let found = match direction {
        Direction::Forward => window.find(sub.as_str()),
        Direction::Backward => window.rfind(sub.as_str()),
    };
    Ok(found.map(|b| (start + char_count(window.get(..b).unwrap_or_default())) as i64))
}

fn find(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let search = parse_search(vm, "find", args, kwargs)?;
    Ok(Value::Int(
        find_in(vm, &search, Direction::Forward)?.unwrap_or(-1),
    ))
}

fn rfind(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let search = parse_search(vm, "rfind", args, kwargs)?;
    Ok(Value::Int(
        find_in(vm, &search, Direction::Backward)?.unwrap_or(-1),
    ))
}

fn index(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let search = parse_search(vm, "index", args, kwargs)?;
    match find_in(vm, &search, Direction::Forward)? {
        Some(i) => Ok(Value::Int(i)),
        None => Err(value_error("substring not found")),
    }
}

fn rindex(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let search = parse_search(vm, "rindex", args, kwargs)?;
    match find_in(vm, &search, Direction::Backward)? {
        Some(i) => Ok(Value::Int(i)),
        None => Err(value_error("substring not found")),
    }
}

/// `count(sub[, start[, end]])`: non-overlapping occurrences; the empty
/// string occurs between every two characters and at both ends.
fn count(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let search = parse_search(vm, "count", args, kwargs)?;
    let sub = str_arg(vm, search.needle)?;
    if search.end - search.start < sub.char_len() as i64 {
        return Ok(Value::Int(0));
    }
    if sub.as_str().is_empty() {
        return Ok(Value::Int(search.end - search.start + 1));
    }
    let n = search
        .window()
        .map_or(0, |(_, w)| w.matches(sub.as_str()).count());
    Ok(Value::Int(n as i64))
}

/// `startswith`/`endswith`: whether the window begins (ends) with the
/// argument or with any string of a tuple.
fn tail_match(
    vm: &Vm,
    args: &[Value],
    kwargs: &[(Symbol, Value)],
    name: &str,
    at_end: bool,
) -> PyResult {
    let search = parse_search(vm, name, args, kwargs)?;
    let matches = |sub: &PyStr| {
        let end = search.end - sub.char_len() as i64;
        if end < search.start {
            return false;
        }
        search.window().is_some_and(|(_, w)| {
            if at_end {
                w.ends_with(sub.as_str())
            } else {
                w.starts_with(sub.as_str())
            }
        })
    };
    match search.needle {
        Value::Str(sub) => Ok(Value::Bool(matches(sub))),
        Value::Tuple(items) => {
            for item in items.iter() {
                let Value::Str(sub) = item else {
                    return Err(type_error(format!(
                        "tuple for {name} must only contain str, not {}",
                        vm.type_name(item)
                    )));
                };
                if matches(sub) {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        }
        other => Err(type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            vm.type_name(other)
        ))),
    }
}

fn startswith(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    tail_match(vm, args, kwargs, "startswith", false)
}

fn endswith(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    tail_match(vm, args, kwargs, "endswith", true)
}

/// `replace(old, new, count=-1, /)`.
fn replace(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (s, rest) = this(vm, args, "replace")?;
    no_kwargs("str.replace", kwargs)?;
    arity("replace", rest, 2, 3)?;
    let text_arg = |i: usize| match rest.get(i) {
        Some(Value::Str(t)) => Ok(t),
        other => Err(type_error(format!(
            "replace() argument {} must be str, not {}",
            i + 1,
            other.map_or_else(|| "None".into(), |v| clinic_type_name(vm, v))
        ))),
    };
    let (old, new) = (text_arg(0)?, text_arg(1)?);
    let limit = match rest.get(2) {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    if limit == 0 || s.char_len() < old.char_len() {
        return Ok(Value::Str(s.clone()));
    }
    let (text, old_text, new_text) = (s.as_str(), old.as_str(), new.as_str());
    let found = if old_text.is_empty() {
        s.char_len() + 1
    } else {
        text.matches(old_text).count()
    };
    let n = usize::try_from(limit).map_or(found, |l| l.min(found));
    if n == 0 {
        return Ok(Value::Str(s.clone()));
    }
    if new_text.len() > old_text.len() {
        let growth = (new_text.len() - old_text.len()).saturating_mul(n);
        check_result_size(vm, text.len().saturating_add(growth))?;
    }
    Ok(Value::str(text.replacen(old_text, new_text, n)))
}

/// The separator argument of `partition`/`rpartition`.
fn separator<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Rc<PyStr>> {
    let sep = str_arg(vm, v)?;
    if sep.as_str().is_empty() {
        return Err(value_error("empty separator"));
    }
    Ok(sep)
}

/// `partition(sep)`: `(head, sep, tail)` around the first `sep`, or
/// `(s, '', '')`.
fn partition(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (s, arg) = this_and_one(vm, args, kwargs, "partition")?;
    let sep = separator(vm, arg)?;
    let text = s.as_str();
    Ok(match text.split_once(sep.as_str()) {
        Some((head, tail)) => Value::tuple(vec![
            Value::str(head),
            Value::Str(sep.clone()),
            Value::str(tail),
        ]),
        None => Value::tuple(vec![Value::Str(s.clone()), Value::str(""), Value::str("")]),
    })
}

/// `rpartition(sep)`: around the last `sep`, or `('', '', s)`.
fn rpartition(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (s, arg) = this_and_one(vm, args, kwargs, "rpartition")?;
    let sep = separator(vm, arg)?;
    let text = s.as_str();
    Ok(match text.rsplit_once(sep.as_str()) {
        Some((head, tail)) => Value::tuple(vec![
            Value::str(head),
            Value::Str(sep.clone()),
            Value::str(tail),
        ]),
        None => Value::tuple(vec![Value::str(""), Value::str(""), Value::Str(s.clone())]),
    })
}

/// `removeprefix`/`removesuffix`.
fn remove_affix(
    vm: &Vm,
    args: &[Value],
    kwargs: &[(Symbol, Value)],
    name: &str,
    suffix: bool,
) -> PyResult {
    let (s, arg) = this_and_one(vm, args, kwargs, name)?;
    let Value::Str(affix) = arg else {
        return Err(type_error(format!(
            "{name}() argument must be str, not {}",
            clinic_type_name(vm, arg)
        )));
    };
    let stripped = if suffix {
        s.as_str().strip_suffix(affix.as_str())
    } else {
        s.as_str().strip_prefix(affix.as_str())
    };
    Ok(match stripped {
        Some(rest) if !affix.as_str().is_empty() => Value::str(rest),
        _ => Value::Str(s.clone()),
    })
}

fn removeprefix(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    remove_affix(vm, args, kwargs, "removeprefix", false)
}

fn removesuffix(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    remove_affix(vm, args, kwargs, "removesuffix", true)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{call, s, show, vm};
    use crate::value::Value;

    #[test]
    fn find_counts_code_points() {
        let vm = vm();
        let r = |recv: &str, m: &str, args: &[Value]| show(&vm, call(&vm, recv, m, args));
        assert_eq!(r("héllo wörld", "find", &[s("wö")]), "6");
        assert_eq!(r("héllo wörld", "rfind", &[s("l")]), "9");
        assert_eq!(r("héllo", "find", &[s("l"), Value::Int(-2)]), "3");
        assert_eq!(r("abc", "find", &[s(""), Value::Int(3)]), "3");
        assert_eq!(r("abc", "find", &[s(""), Value::Int(4)]), "-1");
        assert_eq!(
            r("abc", "rfind", &[s(""), Value::None, Value::Int(-1)]),
            "2"
        );
        assert_eq!(
            r("abc", "index", &[s("d")]),
            "ValueError: substring not found"
        );
        assert_eq!(
            r("abc", "find", &[Value::Int(1)]),
            "TypeError: must be str, not int"
        );
        assert_eq!(
            r("abc", "find", &[]),
            "TypeError: find() takes at least 1 argument (0 given)"
        );
    }

    #[test]
    fn count_and_tails() {
        let vm = vm();
        let r = |recv: &str, m: &str, args: &[Value]| show(&vm, call(&vm, recv, m, args));
        assert_eq!(r("aaaa", "count", &[s("aa")]), "2");
        assert_eq!(r("abc", "count", &[s("")]), "4");
        assert_eq!(r("abc", "count", &[s(""), Value::Int(5)]), "0");
        assert_eq!(r("abc", "startswith", &[s(""), Value::Int(3)]), "True");
        assert_eq!(r("abc", "startswith", &[s(""), Value::Int(4)]), "False");
        assert_eq!(
            r("abc", "endswith", &[s("b"), Value::Int(0), Value::Int(2)]),
            "True"
        );
        let t = Value::tuple(vec![s("x"), s("a")]);
        assert_eq!(r("abc", "startswith", &[t]), "True");
    }

    #[test]
    fn replace_and_partition() {
        let vm = vm();
        let r = |recv: &str, m: &str, args: &[Value]| show(&vm, call(&vm, recv, m, args));
        assert_eq!(r("abc", "replace", &[s(""), s("-")]), "-a-b-c-");
        assert_eq!(
            r("abc", "replace", &[s(""), s("-"), Value::Int(2)]),
            "-a-bc"
        );
        assert_eq!(r("", "replace", &[s(""), s("x")]), "x");
        assert_eq!(
            r("aaa", "replace", &[s("a"), s("b"), Value::Int(-5)]),
            "bbb"
        );
        assert_eq!(r("a,b,c", "rpartition", &[s(",")]), "('a,b', ',', 'c')");
        assert_eq!(
            r("abc", "partition", &[s("")]),
            "ValueError: empty separator"
        );
        assert_eq!(r("abc", "removeprefix", &[s("")]), "abc");
        assert_eq!(r("abc", "removesuffix", &[s("bc")]), "a");
    }
}
