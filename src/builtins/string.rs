//! Methods of `str`.

use super::add_methods;
use super::args::arity;
use crate::interp::Vm;
use crate::interp::errors::type_error;
use crate::value::{PyResult, PyStr, Symbol, Value};
use std::rc::Rc;

/// Installs the methods.
pub fn install(vm: &Vm) {
    add_methods(
        &vm.types.str,
        &[
            ("join", str_join),
            ("upper", str_upper),
            ("lower", str_lower),
        ],
    );
}

fn this<'a>(args: &'a [Value], name: &str) -> PyResult<(&'a Rc<PyStr>, &'a [Value])> {
    match args.split_first() {
        Some((Value::Str(s), rest)) => Ok((s, rest)),
        _ => Err(type_error(format!("descriptor '{name}' for 'str' objects needs a 'str' argument"))),
    }
}

fn str_join(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let (sep, rest) = this(args, "join")?;
    arity("str.join", rest, 1, 1)?;
    let items = vm.collect_iterable(&rest[0])?;
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep.as_str());
        }
        match item {
            Value::Str(s) => out.push_str(s.as_str()),
            other => {
                return Err(type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    vm.type_name(other)
                )));
            }
        }
    }
    Ok(Value::str(out))
}

fn str_upper(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let (s, rest) = this(args, "upper")?;
    arity("str.upper", rest, 0, 0)?;
    Ok(Value::str(s.as_str().to_uppercase()))
}

fn str_lower(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let (s, rest) = this(args, "lower")?;
    arity("str.lower", rest, 0, 0)?;
    Ok(Value::str(s.as_str().to_lowercase()))
}
