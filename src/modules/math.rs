//! The native part of `math`: the functions of C's libm (Rust's `f64`
//! methods call the same correctly rounded or libm routines), with
//! CPython's domain and range errors. The rest of the module is written in
//! Python (`python/math.py`).

use super::set_fn;
use crate::interp::Vm;
use crate::interp::errors::{overflow_error, type_error, value_error};
use crate::value::{Module, PyResult, Symbol, Value};
use std::rc::Rc;

/// Builds the module.
pub fn build(vm: &Vm) -> Rc<Module> {
    let m = vm.new_module("math", None);
    set_fn(&m, "sqrt", sqrt);
    set_fn(&m, "exp", exp);
    set_fn(&m, "expm1", expm1);
    set_fn(&m, "_log", log);
    set_fn(&m, "log2", log2);
    set_fn(&m, "log10", log10);
    set_fn(&m, "log1p", log1p);
    set_fn(&m, "sin", sin);
    set_fn(&m, "cos", cos);
    set_fn(&m, "tan", tan);
    set_fn(&m, "asin", asin);
    set_fn(&m, "acos", acos);
    set_fn(&m, "atan", atan);
    set_fn(&m, "sinh", sinh);
    set_fn(&m, "cosh", cosh);
    set_fn(&m, "tanh", tanh);
    set_fn(&m, "asinh", asinh);
    set_fn(&m, "acosh", acosh);
    set_fn(&m, "atanh", atanh);
    set_fn(&m, "fabs", fabs);
    set_fn(&m, "atan2", atan2);
    set_fn(&m, "copysign", copysign);
    set_fn(&m, "fmod", fmod);
    set_fn(&m, "pow", pow);
    set_fn(&m, "_hypot2", hypot2);
    m
}

/// A real argument as a float, or CPython's `TypeError`.
fn real(vm: &Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_) => {
            crate::interp::ops::int_to_f64(v)
        }
        other => Err(type_error(format!(
            "must be real number, not {}",
            vm.type_name(other)
        ))),
    }
}

fn args_n<'a, const N: usize>(
    name: &str,
    args: &'a [Value],
    kwargs: &[(Symbol, Value)],
) -> PyResult<&'a [Value; N]> {
    if !kwargs.is_empty() {
        return Err(type_error(format!("{name}() takes no keyword arguments")));
    }
    args.try_into().map_err(|_| {
        if N == 1 {
            type_error(format!(
                "math.{name}() takes exactly one argument ({} given)",
                args.len()
            ))
        } else {
            type_error(format!("{name} expected {N} arguments, got {}", args.len()))
        }
    })
}

/// CPython's `math_1`: a NaN from a non-NaN is a domain error; an infinity
/// from a finite number is a range error for functions that can overflow,
/// a domain error for the others.
fn checked(x: f64, r: f64, can_overflow: bool) -> PyResult {
    if r.is_nan() && !x.is_nan() {
        return Err(value_error("math domain error"));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            overflow_error("math range error")
        } else {
            value_error("math domain error")
        });
    }
    Ok(Value::Float(r))
}

macro_rules! unary {
    ($($name:ident => $f:expr, $overflow:expr;)*) => {$(
        fn $name(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
            let [x] = args_n::<1>(stringify!($name), args, kwargs)?;
            let x = real(vm, x)?;
            let f: fn(f64) -> f64 = $f;
            checked(x, f(x), $overflow)
        }
    )*};
}

unary! {
    sqrt => f64::sqrt, false;
    exp => f64::exp, true;
    expm1 => f64::exp_m1, true;
    log => f64::ln, false;
    log2 => f64::log2, false;
    log10 => f64::log10, false;
    log1p => f64::ln_1p, false;
    sin => f64::sin, false;
    cos => f64::cos, false;
    tan => f64::tan, false;
    asin => f64::asin, false;
    acos => f64::acos, false;
    atan => f64::atan, false;
    sinh => f64::sinh, true;
    cosh => f64::cosh, true;
    tanh => f64::tanh, false;
    asinh => f64::asinh, false;
    acosh => f64::acosh, false;
    atanh => f64::atanh, false;
    fabs => f64::abs, false;
}

fn atan2(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let [y, x] = args_n::<2>("atan2", args, kwargs)?;
    Ok(Value::Float(real(vm, y)?.atan2(real(vm, x)?)))
}

fn copysign(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let [x, y] = args_n::<2>("copysign", args, kwargs)?;
    Ok(Value::Float(real(vm, x)?.copysign(real(vm, y)?)))
}

fn fmod(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let [x, y] = args_n::<2>("fmod", args, kwargs)?;
    let (x, y) = (real(vm, x)?, real(vm, y)?);
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::Float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(value_error("math domain error"));
    }
    Ok(Value::Float(r))
}

fn pow(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let [x, y] = args_n::<2>("pow", args, kwargs)?;
    let (x, y) = (real(vm, x)?, real(vm, y)?);
    let r = x.powf(y);
    if x.is_finite() && y.is_finite() {
        if r.is_nan() {
            return Err(value_error("math domain error"));
        }
        if r.is_infinite() {
            return Err(if x == 0.0 {
                value_error("math domain error")
            } else {
                overflow_error("math range error")
            });
        }
    }
    Ok(Value::Float(r))
}

fn hypot2(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let [x, y] = args_n::<2>("hypot", args, kwargs)?;
    Ok(Value::Float(real(vm, x)?.hypot(real(vm, y)?)))
}
