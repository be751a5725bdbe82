//! Checking arguments of built-in functions, with CPython's messages.

use crate::interp::errors::type_error;
use crate::value::{PyResult, Symbol, Value};

/// Checks the number of positional arguments of a built-in function.
pub fn arity(name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = args.len();
    if n >= min && n <= max {
        return Ok(());
    }
    Err(type_error(if min == max && max == 0 {
        format!("{name}() takes no arguments ({n} given)")
    } else if min == max && max == 1 {
        format!("{name}() takes exactly one argument ({n} given)")
    } else {
        return positional(name, args, min, max);
    }))
}

/// Checks the number of positional arguments the way CPython's
/// `_PyArg_CheckPositional` words it (`divmod expected 2 arguments, got 1`,
/// `reversed expected 1 argument, got 0`).
pub fn positional(name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = args.len();
    if n >= min && n <= max {
        return Ok(());
    }
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    let (how, k) = if n < min {
        (if min == max { "" } else { "at least " }, min)
    } else {
        (if min == max { "" } else { "at most " }, max)
    };
    Err(type_error(format!(
        "{name} expected {how}{k} argument{}, got {n}",
        plural(k)
    )))
}

/// The parameters of a built-in whose arguments CPython's Argument Clinic
/// binds by keyword too (`_PyArg_UnpackKeywords`).
pub struct Params<'p> {
    /// The function's name as shown in messages (`round`, `sort`).
    pub name: &'p str,
    /// All parameter names, positional ones first.
    pub names: &'p [&'p str],
    /// How many leading parameters are positional-only.
    pub posonly: usize,
    /// How many leading parameters are required.
    pub required: usize,
    /// How many parameters may be given by position (the rest are
    /// keyword-only).
    pub maxpos: usize,
}

/// Binds positional and keyword arguments to `params`, with CPython's
/// messages: one slot per parameter, `None` where not given.
pub fn bind(
    params: &Params<'_>,
    args: &[Value],
    kwargs: &[(Symbol, Value)],
) -> PyResult<Vec<Option<Value>>> {
    let name = params.name;
    let nargs = args.len();
    let maxargs = params.names.len();
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if nargs + kwargs.len() > maxargs {
        return Err(type_error(format!(
            "{name}() takes at most {maxargs} {}argument{} ({} given)",
            if nargs == 0 { "keyword " } else { "" },
            plural(maxargs),
            nargs + kwargs.len()
        )));
    }
    if nargs > params.maxpos {
        return Err(type_error(if params.maxpos == 0 {
            format!("{name}() takes no positional arguments")
        } else {
            format!(
                "{name}() takes {} {} positional argument{} ({nargs} given)",
                if params.required < params.maxpos {
                    "at most"
                } else {
                    "exactly"
                },
                params.maxpos,
                plural(params.maxpos)
            )
        }));
    }
    let minposonly = params.posonly.min(params.required);
    if nargs < minposonly {
        return Err(type_error(format!(
            "{name}() takes {} {minposonly} positional argument{} ({nargs} given)",
            if minposonly < params.maxpos {
                "at least"
            } else {
                "exactly"
            },
            plural(minposonly)
        )));
    }
    let mut out: Vec<Option<Value>> = args.iter().cloned().map(Some).collect();
    out.resize(maxargs, None);
    let mut used = 0;
    for (i, slot) in out.iter_mut().enumerate().skip(nargs.max(params.posonly)) {
        *slot = kwarg(kwargs, params.names[i]).cloned();
        if slot.is_some() {
            used += 1;
        } else if i < params.required {
            return Err(type_error(format!(
                "{name}() missing required argument '{}' (pos {})",
                params.names[i],
                i + 1
            )));
        }
    }
    if used < kwargs.len() {
        for (i, param) in params
            .names
            .iter()
            .enumerate()
            .take(nargs)
            .skip(params.posonly)
        {
            if kwarg(kwargs, param).is_some() {
                return Err(type_error(format!(
                    "argument for {name}() given by name ('{param}') and position ({})",
                    i + 1
                )));
            }
        }
        for (k, _) in kwargs {
            if !k.with_name(|n| params.names[params.posonly..].contains(&n)) {
                return Err(type_error(format!(
                    "'{k}' is an invalid keyword argument for {name}()"
                )));
            }
        }
    }
    Ok(out)
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
