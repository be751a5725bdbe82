//! Methods of `int` and `float`.

use super::add_methods;
use crate::interp::Vm;
use crate::interp::errors::type_error;
use crate::value::{PyResult, Symbol, Value};

/// Installs the methods.
pub fn install(vm: &Vm) {
    add_methods(&vm.types.int, &[("bit_length", int_bit_length)]);
    add_methods(&vm.types.float, &[("is_integer", float_is_integer)]);
}

fn int_bit_length(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    match args.first().and_then(Value::to_bigint) {
        Some(b) => Ok(Value::Int(b.bits() as i64)),
        None => Err(type_error("descriptor 'bit_length' needs an 'int'")),
    }
}

fn float_is_integer(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    match args.first() {
        Some(Value::Float(f)) => Ok(Value::Bool(f.is_finite() && f.fract() == 0.0)),
        _ => Err(type_error("descriptor 'is_integer' needs a 'float'")),
    }
}
