//! Built-in functions: `print`, `len`, `isinstance`, `sorted`, ...

use super::args::{Params, bind, positional};
use super::args::{allowed_kwargs, arity, kwarg, no_kwargs};
use super::{builtin_fn, positional_builtin_fn};
use crate::interp::Vm;
use crate::interp::errors::{
    attribute_error, eof_error, overflow_error, stop_iteration, type_error, value_error,
};
use crate::interp::iter::ValueIter;
use crate::value::{DictMap, PyResult, Symbol, Value, sym};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

/// Registers the functions in the built-in namespace.
pub fn install(vm: &Vm) {
    // Those taking keyword arguments.
    let functions: &[(&'static str, crate::value::NativeFn)] = &[
        ("print", print),
        ("pow", pow),
        ("round", round),
        ("min", min),
        ("max", max),
        ("sum", sum),
        ("sorted", sorted),
        ("open", open),
        ("exit", exit),
        ("quit", exit),
        ("__import__", import),
        ("exec", crate::interp::frame_builtins::exec_builtin),
    ];
    for (name, f) in functions {
        vm.builtins
            .globals
            .set(Symbol::intern(name), builtin_fn(name, *f));
    }
    // Positional-only ones: `abs(x=1)` is rejected before they run.
    let positional: &[(&'static str, crate::value::NativeFn)] = &[
        ("len", len),
        ("repr", repr),
        ("ascii", ascii),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("hasattr", hasattr),
        ("getattr", getattr),
        ("setattr", setattr),
        ("delattr", delattr),
        ("id", id),
        ("hash", hash),
        ("iter", iter),
        ("next", next),
        ("callable", callable),
        ("abs", abs),
        ("divmod", divmod),
        ("any", any),
        ("all", all),
        ("chr", chr),
        ("ord", ord),
        ("hex", hex),
        ("oct", oct),
        ("bin", bin),
        ("format", format),
        ("vars", vars),
        ("dir", dir),
        ("input", input),
        ("aiter", aiter),
        ("anext", anext),
        ("globals", globals),
        ("locals", crate::interp::frame_builtins::locals_builtin),
        ("eval", crate::interp::frame_builtins::eval_builtin),
    ];
    for (name, f) in positional {
        vm.builtins
            .globals
            .set(Symbol::intern(name), positional_builtin_fn(name, *f));
    }
}

fn print(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    allowed_kwargs("print", kwargs, &["sep", "end", "file", "flush"])?;
    let text_arg = |name: &str, default: &str| -> PyResult<String> {
        match kwarg(kwargs, name) {
            None | Some(Value::None) => Ok(default.to_string()),
            Some(Value::Str(s)) => Ok(s.as_str().to_string()),
            Some(other) => Err(type_error(format!(
                "{name} must be None or a string, not {}",
                vm.type_name(other)
            ))),
        }
    };
    let sep = text_arg("sep", " ")?;
    let end = text_arg("end", "\n")?;
    let mut out = String::new();
    let file = kwarg(kwargs, "file").filter(|f| !matches!(f, Value::None));
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match a {
            Value::Str(s) => out.push_str(s.as_str()),
            other => match vm.str_of(other) {
                Ok(text) => out.push_str(&text),
                Err(e) => {
                    // CPython writes each item as it goes: what came before
                    // the failing one is already out.
                    if !out.is_empty() {
                        match file {
                            None => vm.write_script_output(&out, false)?,
                            Some(f) => crate::modules::sys::write_to(vm, f, &out)?,
                        }
                    }
                    return Err(e);
                }
            },
        }
    }
    out.push_str(&end);
    let flush = match kwarg(kwargs, "flush") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    match file {
        None => {
            vm.write_script_output(&out, false)?;
            if flush {
                vm.stdout.borrow().clone().flush();
            }
            Ok(Value::None)
        }
        Some(file) => {
            crate::modules::sys::write_to(vm, file, &out)?;
            if flush {
                crate::modules::sys::flush(vm, file)?;
            }
            Ok(Value::None)
        }
    }
}

/// `len(v)` as a Rust integer.
pub fn length(vm: &Vm, v: &Value) -> PyResult<usize> {
    Ok(match v {
        Value::Str(s) => s.char_len(),
        Value::List(l) => l.borrow().len(),
        Value::Tuple(t) => t.len(),
        Value::Dict(d) => d.borrow().len(),
        Value::Set(s) => s.borrow().len(),
        Value::FrozenSet(s) => s.len(),
        Value::Range(r) => usize::try_from(r.len_exact())
            .ok()
            .filter(|&n| isize::try_from(n).is_ok())
            .ok_or_else(|| {
                crate::interp::errors::overflow_error(
                    "Python int too large to convert to C ssize_t",
                )
            })?,
        _ => {
            let ty = vm.type_of(v);
            match ty.lookup(sym::__len__) {
                Some(m) => {
                    let r = vm.call(&m, std::slice::from_ref(v), &[])?;
                    let n = match &r {
                        Value::Int(_) | Value::Bool(_) => vm.to_index(&r)?,
                        Value::BigInt(_) => {
                            return Err(overflow_error(
                                "cannot fit 'int' into an index-sized integer",
                            ));
                        }
                        _ => {
                            return Err(type_error(format!(
                                "'{}' object cannot be interpreted as an integer",
                                vm.type_name(&r)
                            )));
                        }
                    };
                    if n < 0 {
                        return Err(value_error("__len__() should return >= 0"));
                    }
                    n as usize
                }
                None => {
                    return Err(type_error(format!(
                        "object of type '{}' has no len()",
                        ty.name
                    )));
                }
            }
        }
    })
}

fn len(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    no_kwargs("len", kwargs)?;
    arity("len", args, 1, 1)?;
    Ok(Value::Int(length(vm, &args[0])? as i64))
}

fn repr(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("repr", args, 1, 1)?;
    Ok(Value::str(vm.repr(&args[0])?))
}

fn ascii(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("ascii", args, 1, 1)?;
    Ok(Value::str(crate::interp::repr::ascii_escape(
        &vm.repr(&args[0])?,
    )))
}

/// `isinstance(v, classinfo)`.
pub fn is_instance(vm: &Vm, v: &Value, classinfo: &Value) -> PyResult<bool> {
    match classinfo {
        Value::Class(c) => Ok(vm.type_of(v).is_subclass(c)),
        Value::Tuple(items) => {
            for item in items.iter() {
                if is_instance(vm, v, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ if super::generic::is_generic_alias(classinfo) => Err(type_error(
            "isinstance() argument 2 cannot be a parameterized generic",
        )),
        _ => match super::generic::union_members(classinfo) {
            Some(members) => {
                for m in members {
                    if is_instance(vm, v, m)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            None => Err(type_error(
                "isinstance() arg 2 must be a type, a tuple of types, or a union",
            )),
        },
    }
}

fn isinstance(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("isinstance", args, 2, 2)?;
    Ok(Value::Bool(is_instance(vm, &args[0], &args[1])?))
}

fn issubclass(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    fn check(c: &crate::value::Class, info: &Value) -> PyResult<bool> {
        match info {
            Value::Class(d) => Ok(c.is_subclass(d)),
            Value::Tuple(items) => {
                for i in items.iter() {
                    if check(c, i)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ if super::generic::is_generic_alias(info) => Err(type_error(
                "issubclass() argument 2 cannot be a parameterized generic",
            )),
            _ => match super::generic::union_members(info) {
                Some(members) => {
                    for m in members {
                        if check(c, m)? {
                            return Ok(true);
                        }
                    }
                    Ok(false)
                }
                None => Err(type_error(
                    "issubclass() arg 2 must be a class, a tuple of classes, or a union",
                )),
            },
        }
    }
    let _ = vm;
    arity("issubclass", args, 2, 2)?;
    let Value::Class(c) = &args[0] else {
        return Err(type_error("issubclass() arg 1 must be a class"));
    };
    Ok(Value::Bool(check(c, &args[1])?))
}

fn attr_name(vm: &Vm, v: &Value) -> PyResult<Symbol> {
    match v {
        Value::Str(s) => Ok(Symbol::intern(s.as_str())),
        other => Err(type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(other)
        ))),
    }
}

fn hasattr(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("hasattr", args, 2, 2)?;
    let name = attr_name(vm, &args[1])?;
    Ok(Value::Bool(vm.has_attr(&args[0], name)?))
}

fn getattr(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("getattr", args, 2, 3)?;
    let name = attr_name(vm, &args[1])?;
    match vm.get_attr(&args[0], name) {
        Ok(v) => Ok(v),
        Err(e) if args.len() == 3 && e.instance().class_is_subclass(&vm.types.attribute_error) => {
            Ok(args[2].clone())
        }
        Err(e) => Err(e),
    }
}

fn setattr(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("setattr", args, 3, 3)?;
    let name = attr_name(vm, &args[1])?;
    vm.set_attr(&args[0], name, args[2].clone())?;
    Ok(Value::None)
}

fn delattr(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("delattr", args, 2, 2)?;
    let name = attr_name(vm, &args[1])?;
    vm.del_attr(&args[0], name)?;
    Ok(Value::None)
}

fn id(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("id", args, 1, 1)?;
    let v = &args[0];
    Ok(Value::Int(match v.ptr_id() {
        Some(p) => p as i64,
        None => match v {
            // Immediates have no address; derive a stable fake one.
            Value::Int(i) => 0x1000_0000 + i.wrapping_mul(32),
            Value::Bool(b) => 0x0900_0000 + i64::from(*b) * 32,
            Value::None => 0x0800_0000,
            Value::Float(f) => 0x2000_0000 ^ f.to_bits() as i64,
            _ => 0x0700_0000,
        },
    }))
}

fn hash(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("hash", args, 1, 1)?;
    Ok(Value::Int(vm.hash(&args[0])?))
}

fn iter(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("iter", args, 1, 2)?;
    if args.len() == 2 {
        if !is_callable(vm, &args[0]) {
            return Err(type_error("iter(v, w): v must be callable"));
        }
        let state = ValueIter::Callable(args[0].clone(), args[1].clone());
        return Ok(vm.wrap_iter(&args[0], state));
    }
    vm.get_iter(&args[0])
}

fn next(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("next", args, 1, 2)?;
    let it = &args[0];
    let is_iterator =
        matches!(it, Value::Native(_)) || vm.type_of(it).lookup(sym::__next__).is_some();
    if !is_iterator {
        return Err(type_error(format!(
            "'{}' object is not an iterator",
            vm.type_name(it)
        )));
    }
    if args.len() == 1
        && let Some(g) = vm.as_generator(it)
        && g.kind == crate::ir::FunctionKind::Generator
    {
        return match vm.generator_resume(&g, crate::interp::generator::Resume::Send(Value::None))? {
            crate::interp::generator::GenStep::Yielded(v) => Ok(v),
            crate::interp::generator::GenStep::Returned(v) => Err(stop_iteration(v)),
        };
    }
    match vm.next_of(it)? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(stop_iteration(Value::None)),
        },
    }
}

/// Whether `v` can be called.
#[must_use]
pub fn is_callable(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Function(_) | Value::BoundMethod(_) | Value::Builtin(_) | Value::Class(_) => true,
        _ => vm.type_of(v).lookup(sym::__call__).is_some(),
    }
}

fn callable(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("callable", args, 1, 1)?;
    Ok(Value::Bool(is_callable(vm, &args[0])))
}

fn abs(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("abs", args, 1, 1)?;
    abs_of(vm, &args[0])
}

/// `abs(v)`.
pub fn abs_of(vm: &Vm, v: &Value) -> PyResult {
    Ok(match v {
        Value::Int(i) => i
            .checked_abs()
            .map_or_else(|| Value::from_bigint(BigInt::from(*i).abs()), Value::Int),
        Value::Bool(b) => Value::Int(i64::from(*b)),
        Value::BigInt(b) => Value::from_bigint(b.abs()),
        Value::Float(f) => Value::Float(f.abs()),
        other => {
            let ty = vm.type_of(other);
            match ty.lookup(sym::__abs__) {
                Some(m) => return vm.call(&m, std::slice::from_ref(other), &[]),
                None => {
                    return Err(type_error(format!(
                        "bad operand type for abs(): '{}'",
                        ty.name
                    )));
                }
            }
        }
    })
}

fn divmod(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("divmod", args, 2, 2)?;
    let (a, b) = (&args[0], &args[1]);
    if let (Value::Float(_), _) | (_, Value::Float(_)) = (a, b)
        && matches!(
            a,
            Value::Float(_) | Value::Int(_) | Value::BigInt(_) | Value::Bool(_)
        )
        && matches!(
            b,
            Value::Float(_) | Value::Int(_) | Value::BigInt(_) | Value::Bool(_)
        )
    {
        let x = crate::interp::ops::int_to_f64(a)?;
        let y = crate::interp::ops::int_to_f64(b)?;
        let (q, r) = crate::interp::ops::float_divmod(x, y)?;
        return Ok(Value::tuple(vec![Value::Float(q), Value::Float(r)]));
    }
    if let (Some(_), Some(y)) = (a.to_bigint(), b.to_bigint()) {
        if y.is_zero() {
            return Err(crate::interp::errors::zero_division_error(
                "integer division or modulo by zero",
            ));
        }
        let q = vm.binary_op(crate::ast::BinOp::FloorDiv, a, b)?;
        let r = vm.binary_op(crate::ast::BinOp::Mod, a, b)?;
        return Ok(Value::tuple(vec![q, r]));
    }
    let ty = vm.type_of(a);
    if let Some(m) = ty.lookup(Symbol::intern("__divmod__")) {
        return vm.call(&m, &[a.clone(), b.clone()], &[]);
    }
    Err(crate::interp::errors::unsupported_operands(
        "divmod()",
        &vm.type_name(a),
        &vm.type_name(b),
    ))
}

fn pow(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let bound = bind(
        &Params {
            name: "pow",
            names: &["base", "exp", "mod"],
            posonly: 0,
            required: 2,
            maxpos: 3,
        },
        args,
        kwargs,
    )?;
    let all: Vec<Value> = bound.into_iter().map(Option::unwrap_or_default).collect();
    if all.len() == 3 && !matches!(all[2], Value::None) {
        if let Value::Instance(inst) = &all[0]
            && let Some(m) = inst.class_lookup(sym::__pow__)
        {
            // Three-argument pow tries only the base's `__pow__`.
            let r = vm.call(&m, &all, &[])?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        let (Some(b), Some(e), Some(m)) =
            (all[0].to_bigint(), all[1].to_bigint(), all[2].to_bigint())
        else {
            if all
                .iter()
                .any(|v| matches!(v, Value::Instance(_) | Value::Native(_)))
            {
                return Err(type_error(format!(
                    "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
                    vm.type_name(&all[0]),
                    vm.type_name(&all[1]),
                    vm.type_name(&all[2])
                )));
            }
            return Err(type_error(
                "pow() 3rd argument not allowed unless all arguments are integers",
            ));
        };
        if m.is_zero() {
            return Err(value_error("pow() 3rd argument cannot be 0"));
        }
        let base = if e.is_negative() {
            mod_inverse(&b, &m)
                .ok_or_else(|| value_error("base is not invertible for the given modulus"))?
        } else {
            b
        };
        let r = base.modpow(&e.abs(), &m.abs());
        let r = if m.is_negative() && !r.is_zero() {
            r + &m
        } else {
            r
        };
        return Ok(Value::from_bigint(r));
    }
    vm.binary_op(crate::ast::BinOp::Pow, &all[0], &all[1])
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    use num_integer::Integer;
    let m = m.abs();
    let g = a.mod_floor(&m).extended_gcd(&m);
    if !g.gcd.is_one_abs() {
        return None;
    }
    Some(g.x.mod_floor(&m))
}

trait OneAbs {
    fn is_one_abs(&self) -> bool;
}

impl OneAbs for BigInt {
    fn is_one_abs(&self) -> bool {
        self.abs() == BigInt::from(1)
    }
}

fn round(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let mut bound = bind(
        &Params {
            name: "round",
            names: &["number", "ndigits"],
            posonly: 0,
            required: 1,
            maxpos: 2,
        },
        args,
        kwargs,
    )?;
    let ndigits = bound.pop().flatten();
    let number = bound.pop().flatten().unwrap_or_default();
    let nd = match &ndigits {
        None | Some(Value::None) => None,
        Some(v) => Some(vm.to_index(v)?),
    };
    match (&number, nd) {
        (Value::Float(f), None) => crate::format::round_half_even_to_int(*f)
            .map(Value::from_bigint)
            .map_err(|m| {
                if f.is_nan() {
                    value_error(m)
                } else {
                    overflow_error(m)
                }
            }),
        (Value::Float(f), Some(n)) => crate::format::round_float(*f, n)
            .map(Value::Float)
            .map_err(overflow_error),
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), None) => {
            Ok(Value::from_bigint(number.to_bigint().unwrap_or_default()))
        }
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), Some(n)) => {
            if n >= 0 {
                return Ok(Value::from_bigint(number.to_bigint().unwrap_or_default()));
            }
            let v = number.to_bigint().unwrap_or_default();
            let p = num_traits::pow::Pow::pow(&BigInt::from(10), (-n) as u64);
            let (q, r) = num_integer::Integer::div_mod_floor(&v, &p);
            let twice = &r * 2;
            let up = twice > p || (twice == p && num_integer::Integer::is_odd(&q));
            let q = if up { q + 1 } else { q };
            Ok(Value::from_bigint(q * p))
        }
        _ => {
            let ty = vm.type_of(&number);
            match ty.lookup(sym::__round__) {
                Some(m) => {
                    let mut call_args = vec![number.clone()];
                    if let Some(n) = ndigits {
                        call_args.push(n);
                    }
                    vm.call(&m, &call_args, &[])
                }
                None => Err(type_error(format!(
                    "type {} doesn't define __round__ method",
                    ty.name
                ))),
            }
        }
    }
}

fn min_max(
    vm: &Vm,
    args: &[Value],
    kwargs: &[(Symbol, Value)],
    name: &str,
    want_greater: bool,
) -> PyResult {
    if args.is_empty() {
        return Err(type_error(format!(
            "{name} expected at least 1 argument, got 0"
        )));
    }
    allowed_kwargs(name, kwargs, &["key", "default"])?;
    let key = kwarg(kwargs, "key")
        .filter(|k| !matches!(k, Value::None))
        .cloned();
    let default = kwarg(kwargs, "default").cloned();
    let items = match args.len() {
        0 => unreachable!("checked above"),
        1 => vm.collect_iterable(&args[0])?,
        _ => {
            if default.is_some() {
                return Err(type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            args.to_vec()
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for item in items {
        let k = match &key {
            Some(f) => vm.call(f, std::slice::from_ref(&item), &[])?,
            None => item.clone(),
        };
        let replace = match &best {
            None => true,
            Some((_, bk)) => {
                let op = if want_greater {
                    crate::ast::CmpOp::Gt
                } else {
                    crate::ast::CmpOp::Lt
                };
                vm.compare_bool(op, &k, bk)?
            }
        };
        if replace {
            best = Some((item, k));
        }
    }
    match (best, default) {
        (Some((v, _)), _) => Ok(v),
        (None, Some(d)) => Ok(d),
        (None, None) => Err(value_error(format!("{name}() arg is an empty sequence"))),
    }
}

fn min(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    min_max(vm, args, kwargs, "min", false)
}

fn max(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    min_max(vm, args, kwargs, "max", true)
}

fn sum(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let bound = bind(
        &Params {
            name: "sum",
            names: &["iterable", "start"],
            posonly: 1,
            required: 1,
            maxpos: 2,
        },
        args,
        kwargs,
    )?;
    let mut acc = bound[1].clone().unwrap_or(Value::Int(0));
    if let Value::Str(_) = acc {
        return Err(type_error(
            "sum() can't sum strings [use ''.join(seq) instead]",
        ));
    }
    let mut it = vm.iter_start(&args[0])?;
    let mut fsum: Option<f64> = None;
    while let Some(v) = it.next(vm)? {
        if let (Value::Int(a), Value::Int(b)) = (&acc, &v)
            && let Some(s) = a.checked_add(*b)
        {
            acc = Value::Int(s);
            continue;
        }
        if let (Value::Float(a), Value::Float(b)) = (&acc, &v) {
            let s = fsum.unwrap_or(*a) + b;
            fsum = Some(s);
            acc = Value::Float(s);
            continue;
        }
        acc = vm.binary_op(crate::ast::BinOp::Add, &acc, &v)?;
    }
    Ok(acc)
}

fn any(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("any", args, 1, 1)?;
    let mut it = vm.iter_start(&args[0])?;
    while let Some(v) = it.next(vm)? {
        if vm.truthy(&v)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn all(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("all", args, 1, 1)?;
    let mut it = vm.iter_start(&args[0])?;
    while let Some(v) = it.next(vm)? {
        if !vm.truthy(&v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn sorted(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    positional("sorted", args, 1, 1)?;
    let mut items = vm.collect_iterable(&args[0])?;
    super::sequences::sort_values(vm, &mut items, kwargs)?;
    Ok(Value::list(items))
}

fn chr(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("chr", args, 1, 1)?;
    let n = match &args[0] {
        Value::BigInt(_) => return Err(overflow_error("Python int too large to convert to C int")),
        other => vm.to_index(other)?,
    };
    match u32::try_from(n).ok().and_then(char::from_u32) {
        Some(c) => Ok(Value::str(c.to_string())),
        None if (0..0x11_0000).contains(&n) => Err(value_error(
            "pyco strings cannot hold surrogate code points",
        )),
        None => Err(value_error("chr() arg not in range(0x110000)")),
    }
}

fn ord(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("ord", args, 1, 1)?;
    match &args[0] {
        Value::Str(s) if s.char_len() == 1 => {
            Ok(Value::Int(i64::from(s.char_at(0).map_or(0, |c| c as u32))))
        }
        Value::Str(s) => Err(type_error(format!(
            "ord() expected a character, but string of length {} found",
            s.char_len()
        ))),
        other => Err(type_error(format!(
            "ord() expected string of length 1, but {} found",
            vm.type_name(other)
        ))),
    }
}

fn int_arg(vm: &Vm, v: &Value) -> PyResult<BigInt> {
    let converted;
    let v = if let Value::Instance(_) = v
        && let Some(m) = vm.type_of(v).lookup(sym::__index__)
    {
        converted = vm.call(&m, std::slice::from_ref(v), &[])?;
        &converted
    } else {
        v
    };
    match v.to_bigint() {
        Some(b) => Ok(b),
        None => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        ))),
    }
}

fn hex(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("hex", args, 1, 1)?;
    Ok(Value::str(crate::format::int_to_base(
        &int_arg(vm, &args[0])?,
        16,
        true,
    )))
}

fn oct(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("oct", args, 1, 1)?;
    Ok(Value::str(crate::format::int_to_base(
        &int_arg(vm, &args[0])?,
        8,
        true,
    )))
}

fn bin(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("bin", args, 1, 1)?;
    Ok(Value::str(crate::format::int_to_base(
        &int_arg(vm, &args[0])?,
        2,
        true,
    )))
}

fn format(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("format", args, 1, 2)?;
    let spec = match args.get(1) {
        None => String::new(),
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => {
            return Err(type_error(format!(
                "format() argument 2 must be str, not {}",
                vm.type_name(other)
            )));
        }
    };
    Ok(Value::str(vm.format_value(&args[0], &spec)?))
}

fn vars(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    positional("vars", args, 0, 1)?;
    let Some(obj) = args.first() else {
        // Without an argument, the names of the module namespace.
        return globals(vm, args, &[]);
    };
    match vm.get_attr_opt(obj, sym::__dict__)? {
        Some(d) => Ok(d),
        None => Err(type_error("vars() argument must have __dict__ attribute")),
    }
}

fn dir(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("dir", args, 0, 1)?;
    let Some(obj) = args.first() else {
        return Err(type_error(
            "pyco does not support dir() without an argument",
        ));
    };
    let mut names: Vec<String> = super::object::attribute_names(vm, obj)
        .into_iter()
        .collect();
    names.sort();
    names.dedup();
    Ok(Value::list(names.into_iter().map(Value::str).collect()))
}

fn input(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("input", args, 0, 1)?;
    if let Some(prompt) = args.first() {
        vm.write_script_output(&vm.str_of(prompt)?, false)?;
    }
    vm.stdout.borrow().clone().flush();
    if !vm.stdin_enabled.get() {
        return Err(eof_error("EOF when reading a line"));
    }
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) | Err(_) => Err(eof_error("EOF when reading a line")),
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
                if line.ends_with('\r') {
                    line.pop();
                }
            }
            Ok(Value::str(line))
        }
    }
}

fn open(_vm: &Vm, _args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    Err(crate::interp::errors::exc_msg(
        &crate::types::types().permission_error,
        "pyco scripts have no file access unless the host provides it",
    ))
}

fn aiter(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("aiter", args, 1, 1)?;
    vm.aiter(&args[0])
}

fn anext(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("anext", args, 1, 2)?;
    let step = vm.call_method(&args[0], sym::__anext__, smallvec::smallvec![], &[])?;
    let Some(default) = args.get(1).cloned() else {
        return Ok(step);
    };
    // With a default: an awaitable giving the default at the end.
    let vm_rc = vm.rc();
    Ok(crate::modules::asyncio::native_coroutine(
        vm,
        "anext",
        async move {
            match vm_rc.await_value(step).await {
                Err(e)
                    if e.instance()
                        .class()
                        .is_subclass(&vm_rc.types.stop_async_iteration) =>
                {
                    Ok(default)
                }
                other => other,
            }
        },
    ))
}

fn exit(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let types = crate::types::types();
    Err(crate::interp::errors::new_exception(
        &types.system_exit,
        args.to_vec(),
    ))
}

fn globals(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("globals", args, 0, 0)?;
    let main = vm.modules.borrow().get("__main__").cloned();
    let Some(Value::Module(m)) = main else {
        return Ok(Value::dict(DictMap::new()));
    };
    let mut d = DictMap::new();
    for (k, v) in m.globals.items() {
        vm.dict_set(&mut d, Value::str(&*k.name()), v)?;
    }
    Ok(Value::dict(d))
}

fn import(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let Some(Value::Str(name)) = args.first() else {
        return Err(type_error("__import__() argument 1 must be str"));
    };
    let path: Vec<Symbol> = name.as_str().split('.').map(Symbol::intern).collect();
    vm.import_module(&path[..1]).and_then(|top| {
        vm.import_module(&path)?;
        Ok(top)
    })
}

/// `AttributeError` raised by `getattr` helpers outside this module.
#[must_use]
pub fn missing_attribute(what: &str) -> crate::value::Exc {
    attribute_error(what.to_string())
}

/// Turns a Rust count into a Python int, for modules that report sizes.
#[must_use]
pub fn count_value(n: usize) -> Value {
    Value::Int(n.to_i64().unwrap_or(i64::MAX))
}
