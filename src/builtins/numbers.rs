//! Methods and attributes of `int` and `float` (`bool` inherits `int`'s).
//!
//! The text conversions of `float.hex()` and `float.fromhex()` live in
//! [`float_hex`].

pub mod float_hex;

use super::args::{arity, no_kwargs, wrong_receiver};
use super::{add_getter, add_methods, builtin_fn};
use crate::interp::Vm;
use crate::interp::attr::ClassMethod;
use crate::interp::errors::{overflow_error, type_error, value_error};
use crate::value::{NativeObject, PyResult, Symbol, Value};
use num_bigint::BigInt;
use num_traits::Signed;

/// Installs the methods.
pub fn install(vm: &Vm) {
    let t = &vm.types;
    add_methods(
        &t.int,
        &[
            ("bit_length", int_bit_length),
            ("bit_count", int_bit_count),
            ("conjugate", |vm, a, k| int_unary(vm, "conjugate", a, k)),
            ("as_integer_ratio", int_as_integer_ratio),
            ("__index__", |vm, a, k| int_unary(vm, "__index__", a, k)),
            ("__int__", |vm, a, k| int_unary(vm, "__int__", a, k)),
            ("__trunc__", |vm, a, k| int_unary(vm, "__trunc__", a, k)),
            ("__floor__", |vm, a, k| int_unary(vm, "__floor__", a, k)),
            ("__ceil__", |vm, a, k| int_unary(vm, "__ceil__", a, k)),
            ("__float__", int_float),
        ],
    );
    add_getter(&t.int, "real", |vm, a, k| int_unary(vm, "real", a, k));
    add_getter(&t.int, "numerator", |vm, a, k| {
        int_unary(vm, "numerator", a, k)
    });
    add_getter(&t.int, "imag", |vm, a, _| {
        int_of(vm, "imag", a).map(|_| Value::Int(0))
    });
    add_getter(&t.int, "denominator", |vm, a, _| {
        int_of(vm, "denominator", a).map(|_| Value::Int(1))
    });
    add_methods(
        &t.float,
        &[
            ("is_integer", float_is_integer),
            ("as_integer_ratio", float_as_integer_ratio),
            ("hex", float_hex_method),
            ("conjugate", |vm, a, k| {
                float_method(vm, "conjugate", a, k).map(Value::Float)
            }),
            ("__float__", |vm, a, k| {
                float_method(vm, "__float__", a, k).map(Value::Float)
            }),
            ("__int__", |vm, a, k| {
                float_to_int(vm, "__int__", a, k, f64::trunc)
            }),
            ("__trunc__", |vm, a, k| {
                float_to_int(vm, "__trunc__", a, k, f64::trunc)
            }),
            ("__floor__", |vm, a, k| {
                float_to_int(vm, "__floor__", a, k, f64::floor)
            }),
            ("__ceil__", |vm, a, k| {
                float_to_int(vm, "__ceil__", a, k, f64::ceil)
            }),
        ],
    );
    add_getter(&t.float, "real", |vm, a, _| {
        float_of(vm, "real", a).map(Value::Float)
    });
    add_getter(&t.float, "imag", |vm, a, _| {
        float_of(vm, "imag", a).map(|_| Value::Float(0.0))
    });
    let fromhex = NativeObject::new_value(
        t.classmethod.clone(),
        ClassMethod(builtin_fn("fromhex", float_fromhex)),
    );
    t.float
        .dict
        .borrow_mut()
        .set(Symbol::intern("fromhex"), fromhex);
}

/// The `int` (or `bool`) receiver of `method`.
fn int_of<'a>(vm: &Vm, method: &str, args: &'a [Value]) -> PyResult<(&'a Value, &'a [Value])> {
    match args.split_first() {
        Some((v @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_)), rest)) => Ok((v, rest)),
        other => Err(wrong_receiver(vm, "int", method, other.map(|(v, _)| v))),
    }
}

/// The receiver of an `int` method taking no arguments.
fn int_no_args<'a>(
    vm: &Vm,
    method: &str,
    args: &'a [Value],
    kwargs: &[(Symbol, Value)],
) -> PyResult<&'a Value> {
    let (v, rest) = int_of(vm, method, args)?;
    no_kwargs(&format!("int.{method}"), kwargs)?;
    arity(&format!("int.{method}"), rest, 0, 0)?;
    Ok(v)
}

/// The receiver as an exact `int` (`True` becomes `1`).
fn as_int(v: &Value) -> Value {
    match v {
        Value::Bool(b) => Value::Int(i64::from(*b)),
        other => other.clone(),
    }
}

fn magnitude(v: &Value) -> BigInt {
    v.to_bigint().unwrap_or_default().abs()
}

/// Methods and attributes that return the int itself: `conjugate`,
/// `real`, `numerator`, `__index__`, ...
fn int_unary(vm: &Vm, method: &str, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    Ok(as_int(int_no_args(vm, method, args, kwargs)?))
}

fn int_bit_length(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let v = int_no_args(vm, "bit_length", args, kwargs)?;
    Ok(Value::Int(magnitude(v).bits() as i64))
}

fn int_bit_count(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let v = int_no_args(vm, "bit_count", args, kwargs)?;
    Ok(Value::Int(magnitude(v).magnitude().count_ones() as i64))
}

fn int_as_integer_ratio(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let v = int_no_args(vm, "as_integer_ratio", args, kwargs)?;
    Ok(Value::tuple(vec![as_int(v), Value::Int(1)]))
}

fn int_float(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let v = int_no_args(vm, "__float__", args, kwargs)?;
    crate::interp::ops::int_to_f64(v).map(Value::Float)
}

/// The `float` receiver of `method`.
fn float_of(vm: &Vm, method: &str, args: &[Value]) -> PyResult<f64> {
    match args.first() {
        Some(Value::Float(f)) => Ok(*f),
        other => Err(wrong_receiver(vm, "float", method, other)),
    }
}

/// The receiver of a `float` method taking no arguments.
fn float_method(
    vm: &Vm,
    method: &str,
    args: &[Value],
    kwargs: &[(Symbol, Value)],
) -> PyResult<f64> {
    let f = float_of(vm, method, args)?;
    no_kwargs(&format!("float.{method}"), kwargs)?;
    arity(&format!("float.{method}"), &args[1..], 0, 0)?;
    Ok(f)
}

fn float_is_integer(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let f = float_method(vm, "is_integer", args, kwargs)?;
    Ok(Value::Bool(f.is_finite() && f.fract() == 0.0))
}

fn float_to_int(
    vm: &Vm,
    method: &str,
    args: &[Value],
    kwargs: &[(Symbol, Value)],
    round: fn(f64) -> f64,
) -> PyResult {
    let f = float_method(vm, method, args, kwargs)?;
    match crate::format::float_to_bigint(round(f)) {
        Ok(b) => Ok(Value::from_bigint(b)),
        Err(msg) if f.is_nan() => Err(value_error(msg)),
        Err(msg) => Err(overflow_error(msg)),
    }
}

/// The exact ratio of a float: `(numerator, denominator)` in lowest
/// terms with a positive power-of-two denominator.
fn float_as_integer_ratio(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let f = float_method(vm, "as_integer_ratio", args, kwargs)?;
    if f.is_nan() {
        return Err(value_error("cannot convert NaN to integer ratio"));
    }
    if f.is_infinite() {
        return Err(overflow_error("cannot convert Infinity to integer ratio"));
    }
    if f == 0.0 {
        return Ok(Value::tuple(vec![Value::Int(0), Value::Int(1)]));
    }
    let bits = f.to_bits();
    let exp_field = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    let (mut mantissa, mut exp) = if exp_field == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), exp_field - 1075)
    };
    let zeros = mantissa.trailing_zeros();
    mantissa >>= zeros;
    exp += i64::from(zeros);
    let mut num = BigInt::from(mantissa);
    let mut den = BigInt::from(1);
    if exp >= 0 {
        num <<= exp as u64;
    } else {
        den <<= (-exp) as u64;
    }
    if f < 0.0 {
        num = -num;
    }
    Ok(Value::tuple(vec![
        Value::from_bigint(num),
        Value::from_bigint(den),
    ]))
}

fn float_hex_method(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let f = float_method(vm, "hex", args, kwargs)?;
    Ok(Value::str(float_hex::to_hex(f)))
}

fn float_fromhex(_vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let rest = match args.split_first() {
        Some((Value::Class(_), rest)) => rest,
        _ => args,
    };
    no_kwargs("float.fromhex", kwargs)?;
    arity("float.fromhex", rest, 1, 1)?;
    let Value::Str(s) = &rest[0] else {
        return Err(type_error("bad argument type for built-in operation"));
    };
    match float_hex::from_hex(s.as_str()) {
        Ok(f) => Ok(Value::Float(f)),
        Err(float_hex::FromHexError::Invalid) => {
            Err(value_error("invalid hexadecimal floating-point string"))
        }
        Err(float_hex::FromHexError::TooLarge) => Err(overflow_error(
            "hexadecimal value too large to represent as a float",
        )),
    }
}

#[cfg(test)]
mod tests {
    use crate::interp::Vm;
    use crate::run::BufferSink;
    use crate::value::{Symbol, Value};
    use num_bigint::BigInt;
    use std::rc::Rc;

    fn vm() -> Rc<Vm> {
        Vm::new(
            Rc::new(BufferSink::default()),
            Rc::new(BufferSink::default()),
        )
    }

    fn call(vm: &Vm, recv: &Value, name: &str) -> String {
        match vm.call_method(recv, Symbol::intern(name), smallvec::smallvec![], &[]) {
            Ok(v) => vm.repr(&v).unwrap_or_default(),
            Err(e) => {
                let v = e.value();
                format!(
                    "{}: {}",
                    vm.type_name(&v),
                    vm.str_of(&v).unwrap_or_default()
                )
            }
        }
    }

    fn attr(vm: &Vm, recv: &Value, name: &str) -> String {
        let v = vm
            .get_attr(recv, Symbol::intern(name))
            .expect("attribute exists");
        vm.repr(&v).unwrap_or_default()
    }

    #[test]
    fn int_methods_and_attributes() {
        let vm = vm();
        let big = Value::from_bigint(-(BigInt::from(1) << 70u32));
        assert_eq!(call(&vm, &big, "bit_length"), "71");
        assert_eq!(call(&vm, &Value::Int(-5), "bit_count"), "2");
        assert_eq!(call(&vm, &Value::Bool(true), "as_integer_ratio"), "(1, 1)");
        assert_eq!(call(&vm, &Value::Bool(true), "conjugate"), "1");
        assert_eq!(attr(&vm, &Value::Int(7), "denominator"), "1");
        assert_eq!(attr(&vm, &Value::Bool(false), "real"), "0");
        assert_eq!(
            call(&vm, &Value::Int(1), "is_integer"),
            "AttributeError: 'int' object has no attribute 'is_integer'"
        );
    }

    #[test]
    fn float_ratios_and_hex() {
        let vm = vm();
        assert_eq!(
            call(&vm, &Value::Float(-0.75), "as_integer_ratio"),
            "(-3, 4)"
        );
        assert_eq!(
            call(&vm, &Value::Float(0.1), "as_integer_ratio"),
            "(3602879701896397, 36028797018963968)"
        );
        assert_eq!(
            call(&vm, &Value::Float(f64::NAN), "as_integer_ratio"),
            "ValueError: cannot convert NaN to integer ratio"
        );
        assert_eq!(
            call(&vm, &Value::Float(5e-324), "hex"),
            "'0x0.0000000000001p-1022'"
        );
        assert_eq!(call(&vm, &Value::Float(-0.0), "hex"), "'-0x0.0p+0'");
        assert_eq!(call(&vm, &Value::Float(2.5), "is_integer"), "False");
        assert_eq!(attr(&vm, &Value::Float(2.5), "imag"), "0.0");
    }
}
