//! How asyncio shows a callback with its arguments (`Handle.__repr__`):
//! CPython's `format_helpers._format_callback_source`, whose arguments go
//! through `reprlib.repr`, a `repr` that abbreviates long strings and big
//! containers.

use crate::interp::Vm;
use crate::value::{PyResult, Value, sym};

/// `reprlib.aRepr`'s limits.
const MAX_LEVEL: usize = 6;
const MAX_ITEMS: usize = 6;
const MAX_DICT: usize = 4;
const MAX_STRING: usize = 30;
const MAX_LONG: usize = 40;
const MAX_OTHER: usize = 30;

/// `callback(arg, ...)` as asyncio shows it: the callable's qualified name
/// (or name, or repr), its arguments abbreviated, and ` at FILE:LINE` for
/// a function defined in Python.
pub fn format_callback(vm: &Vm, callback: &Value, args: &[Value]) -> PyResult<String> {
    let mut out = callable_name(vm, callback)?;
    out.push('(');
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&limited_repr(vm, a, MAX_LEVEL)?);
    }
    out.push(')');
    if let Value::Function(f) = callback {
        let file = &f.code.file;
        out.push_str(&format!(
            " at {}:{}",
            file.name(),
            file.line_of(f.code.span.start)
        ));
    }
    Ok(out)
}

fn callable_name(vm: &Vm, callback: &Value) -> PyResult<String> {
    for attr in [sym::__qualname__, sym::__name__] {
        if let Some(Value::Str(s)) = vm.get_attr_opt(callback, attr)?
            && !s.as_str().is_empty()
        {
            return Ok(s.as_str().to_string());
        }
    }
    vm.repr(callback)
}

/// The first `i` and last `j` characters of `s` around `...`.
fn cut(s: &str, i: usize, j: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    let head: String = chars.iter().take(i).collect();
    let tail: String = chars[chars.len().saturating_sub(j)..].iter().collect();
    format!("{head}...{tail}")
}

/// `s`, or when longer than `max` characters, its ends around `...`.
fn elide(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    cut(s, (max - 3) / 2, max - 3 - (max - 3) / 2)
}

/// `reprlib.repr(v)` with `level` levels of nesting left.
fn limited_repr(vm: &Vm, v: &Value, level: usize) -> PyResult<String> {
    match v {
        Value::Str(s) => {
            let text = s.as_str();
            let r = vm.repr(&Value::str(
                text.chars().take(MAX_STRING).collect::<String>(),
            ))?;
            if r.chars().count() <= MAX_STRING {
                return Ok(r);
            }
            // The repr of both ends, cut again around the quotes.
            let i = (MAX_STRING - 3) / 2;
            let j = MAX_STRING - 3 - i;
            let n = text.chars().count();
            let kept: String = text
                .chars()
                .take(i)
                .chain(text.chars().skip(n.saturating_sub(j)))
                .collect();
            Ok(cut(&vm.repr(&Value::str(kept))?, i, j))
        }
        Value::Int(_) | Value::BigInt(_) => Ok(elide(&vm.repr(v)?, MAX_LONG)),
        Value::Tuple(items) => {
            let trail = if items.len() == 1 { "," } else { "" };
            let inner = repr_items(vm, items, MAX_ITEMS, level)?;
            Ok(format!("({inner}{trail})"))
        }
        Value::List(items) => {
            let items = items.borrow().clone();
            Ok(format!("[{}]", repr_items(vm, &items, MAX_ITEMS, level)?))
        }
        Value::Set(s) => {
            let items: Vec<Value> = s.borrow().iter().map(|(_, v)| v.clone()).collect();
            if items.is_empty() {
                return Ok("set()".into());
            }
            let items = possibly_sorted(vm, items);
            Ok(format!("{{{}}}", repr_items(vm, &items, MAX_ITEMS, level)?))
        }
        Value::FrozenSet(s) => {
            let items: Vec<Value> = s.iter().map(|(_, v)| v.clone()).collect();
            if items.is_empty() {
                return Ok("frozenset()".into());
            }
            let items = possibly_sorted(vm, items);
            Ok(format!(
                "frozenset({{{}}})",
                repr_items(vm, &items, MAX_ITEMS, level)?
            ))
        }
        Value::Dict(d) => {
            let pairs: Vec<(Value, Value)> = d
                .borrow()
                .iter()
                .map(|e| (e.key.clone(), e.value.clone()))
                .collect();
            if pairs.is_empty() {
                return Ok("{}".into());
            }
            if level == 0 {
                return Ok("{...}".into());
            }
            let keys = possibly_sorted(vm, pairs.iter().map(|(k, _)| k.clone()).collect());
            let mut pieces = Vec::new();
            for k in keys.iter().take(MAX_DICT) {
                let mut value = Value::None;
                for (pk, pv) in &pairs {
                    if vm.eq(k, pk)? {
                        value = pv.clone();
                        break;
                    }
                }
                pieces.push(format!(
                    "{}: {}",
                    limited_repr(vm, k, level - 1)?,
                    limited_repr(vm, &value, level - 1)?
                ));
            }
            if pairs.len() > MAX_DICT {
                pieces.push("...".into());
            }
            Ok(format!("{{{}}}", pieces.join(", ")))
        }
        _ => Ok(elide(&vm.repr(v)?, MAX_OTHER)),
    }
}

/// The items of a container, at most `max` of them, then `...`.
fn repr_items(vm: &Vm, items: &[Value], max: usize, level: usize) -> PyResult<String> {
    if items.is_empty() {
        return Ok(String::new());
    }
    if level == 0 {
        return Ok("...".into());
    }
    let mut pieces = Vec::new();
    for item in items.iter().take(max) {
        pieces.push(limited_repr(vm, item, level - 1)?);
    }
    if items.len() > max {
        pieces.push("...".into());
    }
    Ok(pieces.join(", "))
}

/// `sorted(items)` when the items can be ordered, else `items` as they are.
fn possibly_sorted(vm: &Vm, items: Vec<Value>) -> Vec<Value> {
    let mut sorted = items.clone();
    match crate::builtins::sequences::sort_values(vm, &mut sorted, &[]) {
        Ok(()) => sorted,
        Err(_) => items,
    }
}
