//! Checking arguments of built-in functions, with CPython's messages.

use crate::interp::errors::type_error;
use crate::value::{PyResult, Symbol, Value};

/// Checks the number of positional arguments of a built-in function.
pub fn arity(name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = args.len();
    if n >= min && n <= max {
        return Ok(());
    }
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    Err(type_error(if min == max && max == 0 {
        format!("{name}() takes no arguments ({n} given)")
    } else if min == max && max == 1 {
        format!("{name}() takes exactly one argument ({n} given)")
    } else if n < min {
        format!(
            "{name} expected at least {min} argument{}, got {n}",
            plural(min)
        )
    } else {
        format!(
            "{name} expected at most {max} argument{}, got {n}",
            plural(max)
        )
    }))
}

/// Rejects keyword arguments.
pub fn no_kwargs(name: &str, kwargs: &[(Symbol, Value)]) -> PyResult<()> {
    if kwargs.is_empty() {
        Ok(())
    } else {
        Err(type_error(format!("{name}() takes no keyword arguments")))
    }
}

/// Rejects keyword arguments not in `allowed`.
pub fn allowed_kwargs(name: &str, kwargs: &[(Symbol, Value)], allowed: &[&str]) -> PyResult<()> {
    for (k, _) in kwargs {
        if !k.with_name(|n| allowed.contains(&n)) {
            return Err(type_error(format!(
                "'{k}' is an invalid keyword argument for {name}()"
            )));
        }
    }
    Ok(())
}

/// The keyword argument `name`, if given.
#[must_use]
pub fn kwarg<'a>(kwargs: &'a [(Symbol, Value)], name: &str) -> Option<&'a Value> {
    kwargs
        .iter()
        .find(|(k, _)| k.with_name(|n| n == name))
        .map(|(_, v)| v)
}

/// A positional argument or, failing that, the keyword of the same name.
#[must_use]
pub fn arg_or_kw<'a>(
    args: &'a [Value],
    i: usize,
    kwargs: &'a [(Symbol, Value)],
    name: &str,
) -> Option<&'a Value> {
    args.get(i).or_else(|| kwarg(kwargs, name))
}

/// The receiver and the remaining arguments of a method call.
pub fn receiver<'a>(name: &str, args: &'a [Value]) -> PyResult<(&'a Value, &'a [Value])> {
    args.split_first()
        .ok_or_else(|| type_error(format!("descriptor '{name}' needs an argument")))
}

/// CPython's error for a method of a built-in class called on the wrong
/// receiver (`set.add(frozenset(), 1)`), or on none (`set.add()`).
#[must_use]
pub fn wrong_receiver(
    vm: &crate::interp::Vm,
    class: &str,
    method: &str,
    got: Option<&Value>,
) -> crate::value::Exc {
    match got {
        None => type_error(format!(
            "unbound method {class}.{method}() needs an argument"
        )),
        Some(v) => type_error(format!(
            "descriptor '{method}' for '{class}' objects doesn't apply to a '{}' object",
            vm.type_name(v)
        )),
    }
}
