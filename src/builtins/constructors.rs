//! Calling built-in classes: `int(...)`, `str(...)`, `list(...)`, `type(...)`...
//!
//! Each is the class's `__new__`, receiving the class first.

use super::args::{Params, allowed_kwargs, arity, bind, kwarg, no_kwargs, positional};
use super::builtin_fn;
use crate::interp::Vm;
use crate::interp::attr::{ClassMethod, StaticMethod};
use crate::interp::class::Property;
use crate::interp::errors::{type_error, value_error};
use crate::interp::iter::ValueIter;
use crate::value::{
    AttrMap, Class, DictMap, NativeObject, PyResult, Range, Slice, Symbol, Value, sym,
};
use num_bigint::BigInt;
use std::cell::RefCell;
use std::rc::Rc;

/// Registers the constructors as each class's `__new__` and binds the
/// classes in the built-in namespace.
pub fn install(vm: &Vm) {
    let t = &vm.types;
    let entries: &[(&Rc<Class>, crate::value::NativeFn)] = &[
        (&t.object, new_object),
        (&t.type_, new_type),
        (&t.int, new_int),
        (&t.bool, new_bool),
        (&t.float, new_float),
        (&t.str, new_str),
        (&t.list, new_list),
        (&t.tuple, new_tuple),
        (&t.dict, new_dict),
        (&t.set, new_set),
        (&t.frozenset, new_frozenset),
        (&t.range, new_range),
        (&t.slice, new_slice),
        (&t.enumerate, new_enumerate),
        (&t.zip, new_zip),
        (&t.map, new_map),
        (&t.filter, new_filter),
        (&t.reversed, new_reversed),
        (&t.property, new_property),
        (&t.staticmethod, new_staticmethod),
        (&t.classmethod, new_classmethod),
        (&t.super_, new_super),
    ];
    for (class, f) in entries {
        class
            .dict
            .borrow_mut()
            .set(sym::__new__, builtin_fn("__new__", *f));
        vm.builtins
            .globals
            .set(Symbol::intern(&class.name), Value::Class((*class).clone()));
    }
}

fn class_arg(args: &[Value]) -> (Rc<Class>, &[Value]) {
    match args.split_first() {
        Some((Value::Class(c), rest)) => (c.clone(), rest),
        _ => (crate::types::types().object.clone(), args),
    }
}

fn new_object(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let (cls, rest) = class_arg(args);
    if Rc::ptr_eq(&cls, &vm.types.object) && !rest.is_empty() {
        return Err(type_error("object() takes no arguments"));
    }
    Ok(match cls.layout {
        crate::value::object::InstanceLayout::Exception => {
            crate::interp::errors::new_exception(&cls, rest.to_vec()).value()
        }
        crate::value::object::InstanceLayout::Builtin => {
            return Err(type_error(format!(
                "object.__new__({}) is not safe, use {}.__new__()",
                cls.name, cls.name
            )));
        }
        crate::value::object::InstanceLayout::Plain
        | crate::value::object::InstanceLayout::Slotted => Value::Instance(Rc::new(
            crate::value::Instance::new(cls, AttrMap::new(), crate::value::Payload::None),
        )),
    })
}

fn new_type(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let (_, rest) = class_arg(args);
    match rest.len() {
        1 => Ok(Value::Class(vm.type_of(&rest[0]))),
        3 => {
            let Value::Str(name) = &rest[0] else {
                return Err(type_error("type.__new__() argument 1 must be str"));
            };
            let bases = match &rest[1] {
                Value::Tuple(items) => items
                    .iter()
                    .map(|b| match b {
                        Value::Class(c) => Ok(c.clone()),
                        _ => Err(type_error("bases must be types")),
                    })
                    .collect::<PyResult<Vec<_>>>()?,
                _ => return Err(type_error("type.__new__() argument 2 must be tuple")),
            };
            let Value::Dict(d) = &rest[2] else {
                return Err(type_error("type.__new__() argument 3 must be dict"));
            };
            let mut ns = AttrMap::new();
            for e in d.borrow().iter() {
                if let Value::Str(k) = &e.key {
                    ns.set(Symbol::intern(k.as_str()), e.value.clone());
                }
            }
            let main = "__main__";
            Ok(Value::Class(vm.new_class(
                name.as_str(),
                name.as_str(),
                main,
                bases,
                ns,
            )?))
        }
        _ => Err(type_error("type() takes 1 or 3 arguments")),
    }
}

/// `int(x)` / `int(s, base)`.
pub fn to_int(vm: &Vm, v: &Value, base: Option<&Value>) -> PyResult {
    if let Some(b) = base {
        let base = vm.to_index(b)?;
        if base != 0 && !(2..=36).contains(&base) {
            return Err(value_error("int() base must be >= 2 and <= 36, or 0"));
        }
        return match v {
            Value::Str(s) => crate::format::parse_int(s.as_str(), base as u32)
                .map(Value::from_bigint)
                .map_err(value_error),
            _ => Err(type_error(
                "int() can't convert non-string with explicit base",
            )),
        };
    }
    match v {
        Value::Int(_) | Value::BigInt(_) => Ok(v.clone()),
        Value::Bool(b) => Ok(Value::Int(i64::from(*b))),
        Value::Float(f) => crate::format::float_to_bigint(*f)
            .map(Value::from_bigint)
            .map_err(|m| {
                if f.is_nan() {
                    value_error(m)
                } else {
                    crate::interp::errors::overflow_error(m)
                }
            }),
        Value::Str(s) => crate::format::parse_int(s.as_str(), 10)
            .map(Value::from_bigint)
            .map_err(value_error),
        _ => {
            let ty = vm.type_of(v);
            for name in [sym::__int__, sym::__index__] {
                if let Some(m) = ty.lookup(name) {
                    return vm.call(&m, std::slice::from_ref(v), &[]);
                }
            }
            Err(type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                ty.name
            )))
        }
    }
}

fn new_int(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (_, rest) = class_arg(args);
    let bound = bind(
        &Params {
            name: "int",
            names: &["x", "base"],
            posonly: 1,
            required: 0,
            maxpos: 2,
        },
        rest,
        kwargs,
    )?;
    let base = bound[1].as_ref();
    match bound[0].as_ref() {
        None if base.is_some() => Err(type_error("int() missing string argument")),
        None => Ok(Value::Int(0)),
        Some(v) => to_int(vm, v, base),
    }
}

fn new_bool(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (_, rest) = class_arg(args);
    no_kwargs("bool", kwargs)?;
    arity("bool", rest, 0, 1)?;
    Ok(Value::Bool(match rest.first() {
        Some(v) => vm.truthy(v)?,
        None => false,
    }))
}

/// `float(x)`.
pub fn to_float(vm: &Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => crate::interp::ops::int_to_f64(v),
        Value::Str(s) => crate::format::parse_float(s.as_str()).map_err(value_error),
        _ => {
            let ty = vm.type_of(v);
            if let Some(m) = ty.lookup(sym::__float__) {
                let r = vm.call(&m, std::slice::from_ref(v), &[])?;
                if let Value::Float(f) = r {
                    return Ok(f);
                }
                return Err(type_error(format!(
                    "{}.__float__ returned non-float (type {})",
                    ty.name,
                    vm.type_name(&r)
                )));
            }
            if let Some(m) = ty.lookup(sym::__index__) {
                let r = vm.call(&m, std::slice::from_ref(v), &[])?;
                return crate::interp::ops::int_to_f64(&r);
            }
            Err(type_error(format!(
                "float() argument must be a string or a real number, not '{}'",
                ty.name
            )))
        }
    }
}

fn new_float(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (_, rest) = class_arg(args);
    no_kwargs("float", kwargs)?;
    arity("float", rest, 0, 1)?;
    Ok(Value::Float(match rest.first() {
        Some(v) => to_float(vm, v)?,
        None => 0.0,
    }))
}

fn new_str(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (_, rest) = class_arg(args);
    let bound = bind(
        &Params {
            name: "str",
            names: &["object", "encoding", "errors"],
            posonly: 0,
            required: 0,
            maxpos: 3,
        },
        rest,
        kwargs,
    )?;
    let object = bound[0].as_ref();
    let (encoding, errors) = (bound[1].as_ref(), bound[2].as_ref());
    if encoding.is_some() || errors.is_some() {
        // Decoding: pyco has no bytes-like objects to decode.
        for (name, v) in [("encoding", encoding), ("errors", errors)] {
            if let Some(v) = v
                && !matches!(v, Value::Str(_))
            {
                return Err(type_error(format!(
                    "str() argument '{name}' must be str, not {}",
                    vm.type_name(v)
                )));
            }
        }
        return Err(type_error(match object {
            None => return Ok(Value::str("")),
            Some(Value::Str(_)) => "decoding str is not supported".to_owned(),
            Some(v) => format!(
                "decoding to str: need a bytes-like object, {} found",
                vm.type_name(v)
            ),
        }));
    }
    match object {
        None => Ok(Value::str("")),
        Some(v @ Value::Str(_)) => Ok(v.clone()),
        Some(v) => Ok(Value::str(vm.str_of(v)?)),
    }
}

fn new_list(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (_, rest) = class_arg(args);
    no_kwargs("list", kwargs)?;
    arity("list", rest, 0, 1)?;
    Ok(Value::list(match rest.first() {
        Some(v) => vm.collect_iterable(v)?,
        None => Vec::new(),
    }))
}

fn new_tuple(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (_, rest) = class_arg(args);
    no_kwargs("tuple", kwargs)?;
    arity("tuple", rest, 0, 1)?;
    match rest.first() {
        Some(v @ Value::Tuple(_)) => Ok(v.clone()),
        Some(v) => Ok(Value::tuple(vm.collect_iterable(v)?)),
        None => Ok(Value::tuple(Vec::new())),
    }
}

fn new_dict(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (_, rest) = class_arg(args);
    if rest.len() > 1 {
        return Err(type_error(format!(
            "dict expected at most 1 argument, got {}",
            rest.len()
        )));
    }
    let mut map = DictMap::new();
    if let Some(src) = rest.first() {
        vm.dict_update_from(&mut map, src, false)?;
    }
    for (k, v) in kwargs {
        vm.dict_set(&mut map, Value::str(&*k.name()), v.clone())?;
    }
    Ok(Value::dict(map))
}

fn new_set(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (_, rest) = class_arg(args);
    no_kwargs("set", kwargs)?;
    arity("set", rest, 0, 1)?;
    let table = match rest.first() {
        Some(v) => vm.set_from_iterable(v)?,
        None => crate::value::SetTable::new(),
    };
    Ok(Value::Set(Rc::new(RefCell::new(table))))
}

fn new_frozenset(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (_, rest) = class_arg(args);
    no_kwargs("frozenset", kwargs)?;
    arity("frozenset", rest, 0, 1)?;
    match rest.first() {
        Some(v @ Value::FrozenSet(_)) => Ok(v.clone()),
        Some(v) => Ok(Value::FrozenSet(Rc::new(vm.set_from_iterable(v)?))),
        None => Ok(Value::FrozenSet(Rc::new(crate::value::SetTable::new()))),
    }
}

fn range_int(vm: &Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::BigInt(_) => Err(crate::interp::errors::overflow_error(
            "Python int too large to convert to C ssize_t",
        )),
        Value::Int(_) | Value::Bool(_) | Value::Instance(_) => vm.to_index(v),
        other => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(other)
        ))),
    }
}

fn new_range(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (_, rest) = class_arg(args);
    no_kwargs("range", kwargs)?;
    arity("range", rest, 1, 3)?;
    let (start, stop, step) = match rest.len() {
        1 => (0, range_int(vm, &rest[0])?, 1),
        2 => (range_int(vm, &rest[0])?, range_int(vm, &rest[1])?, 1),
        _ => (
            range_int(vm, &rest[0])?,
            range_int(vm, &rest[1])?,
            range_int(vm, &rest[2])?,
        ),
    };
    if step == 0 {
        return Err(value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Range(Rc::new(Range { start, stop, step })))
}

fn new_slice(_vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (_, rest) = class_arg(args);
    no_kwargs("slice", kwargs)?;
    arity("slice", rest, 1, 3)?;
    let (start, stop, step) = match rest.len() {
        1 => (Value::None, rest[0].clone(), Value::None),
        2 => (rest[0].clone(), rest[1].clone(), Value::None),
        _ => (rest[0].clone(), rest[1].clone(), rest[2].clone()),
    };
    Ok(Value::Slice(Rc::new(Slice { start, stop, step })))
}

fn new_enumerate(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (_, rest) = class_arg(args);
    // CPython's enum_vectorcall, message for message.
    let check = |i: usize, want: &str| -> PyResult<Value> {
        let (k, v) = &kwargs[i];
        if k.with_name(|n| n == want) {
            Ok(v.clone())
        } else {
            Err(type_error(format!(
                "'{k}' is an invalid keyword argument for enumerate()"
            )))
        }
    };
    let (iterable, start) = match (rest.len(), kwargs.len()) {
        (2, 0) => (rest[0].clone(), Some(rest[1].clone())),
        (1, 1) => (rest[0].clone(), Some(check(0, "start")?)),
        (0, 2) if kwargs[0].0.with_name(|n| n == "start") => {
            (check(1, "iterable")?, Some(kwargs[0].1.clone()))
        }
        (0, 2) => (check(0, "iterable")?, Some(check(1, "start")?)),
        (1, 0) => (rest[0].clone(), None),
        (0, 1) => (check(0, "iterable")?, None),
        (0, _) => {
            return Err(type_error(
                "enumerate() missing required argument 'iterable'",
            ));
        }
        (n, k) => {
            return Err(type_error(format!(
                "enumerate() takes at most 2 arguments ({} given)",
                n + k
            )));
        }
    };
    let iterable = &iterable;
    let start = match &start {
        Some(s) => vm.to_index(s)?,
        None => 0,
    };
    let inner = vm.iter_start(iterable)?;
    Ok(vm.wrap_iter(iterable, ValueIter::Enumerate(Box::new(inner), start)))
}

fn new_zip(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (_, rest) = class_arg(args);
    allowed_kwargs("zip", kwargs, &["strict"])?;
    let strict = match kwarg(kwargs, "strict") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut inners = Vec::with_capacity(rest.len());
    for a in rest {
        inners.push(vm.iter_start(a)?);
    }
    Ok(vm.wrap_iter(&Value::None, ValueIter::Zip(inners, strict)))
}

fn new_map(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (_, rest) = class_arg(args);
    no_kwargs("map", kwargs)?;
    if rest.len() < 2 {
        return Err(type_error("map() must have at least two arguments."));
    }
    let inners = rest[1..]
        .iter()
        .map(|a| vm.iter_start(a))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(vm.wrap_iter(&Value::None, ValueIter::Map(rest[0].clone(), inners)))
}

fn new_filter(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (_, rest) = class_arg(args);
    no_kwargs("filter", kwargs)?;
    arity("filter", rest, 2, 2)?;
    let inner = vm.iter_start(&rest[1])?;
    Ok(vm.wrap_iter(
        &Value::None,
        ValueIter::Filter(rest[0].clone(), Box::new(inner)),
    ))
}

fn new_reversed(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (_, rest) = class_arg(args);
    no_kwargs("reversed", kwargs)?;
    positional("reversed", rest, 1, 1)?;
    let v = &rest[0];
    let items: Vec<Value> = match v {
        Value::List(l) => {
            let left = l.borrow().len();
            return Ok(NativeObject::new_value(
                vm.types.list_reverseiterator.clone(),
                crate::interp::iter::IterObject(RefCell::new(ValueIter::ListReversed(
                    l.clone(),
                    left,
                ))),
            ));
        }
        Value::Tuple(t) => t.iter().rev().cloned().collect(),
        Value::Str(s) => s
            .as_str()
            .chars()
            .rev()
            .map(|c| Value::str(c.to_string()))
            .collect(),
        Value::Range(r) => {
            // Lazily, last value first: `reversed(range(10**18))` is cheap.
            let len = r.len_exact();
            let iter = if len == 0 {
                ValueIter::Range(0, 0, 1)
            } else {
                let last = i128::from(r.start) + (len - 1) * i128::from(r.step);
                // The last value is a value of the range, so it fits; the
                // step is applied with wrapping, so -(-2**63) works too.
                ValueIter::Range(last as i64, r.len(), r.step.wrapping_neg())
            };
            return Ok(NativeObject::new_value(
                vm.types.range_iterator.clone(),
                crate::interp::iter::IterObject(RefCell::new(iter)),
            ));
        }
        Value::Dict(d) => d.borrow().iter().rev().map(|e| e.key.clone()).collect(),
        _ => {
            let ty = vm.type_of(v);
            if let Some(m) = ty.lookup(sym::__reversed__) {
                return vm.call(&m, std::slice::from_ref(v), &[]);
            }
            if ty.lookup(sym::__len__).is_some() && ty.lookup(sym::__getitem__).is_some() {
                // Lazily, as CPython: `__len__` may claim any size.
                let n = super::functions::length(vm, v)?;
                return Ok(NativeObject::new_value(
                    vm.types.reversed.clone(),
                    crate::interp::iter::IterObject(RefCell::new(ValueIter::SeqReversed(
                        v.clone(),
                        n as i64 - 1,
                    ))),
                ));
            }
            return Err(type_error(format!(
                "'{}' object is not reversible",
                ty.name
            )));
        }
    };
    let class = vm.types.reversed.clone();
    Ok(NativeObject::new_value(
        class,
        crate::interp::iter::IterObject(RefCell::new(ValueIter::Snapshot(items, 0))),
    ))
}

fn new_property(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (_, rest) = class_arg(args);
    let bound = bind(
        &Params {
            name: "property",
            names: &["fget", "fset", "fdel", "doc"],
            posonly: 0,
            required: 0,
            maxpos: 4,
        },
        rest,
        kwargs,
    )?;
    let get =
        |i: usize| -> Option<Value> { bound[i].clone().filter(|v| !matches!(v, Value::None)) };
    let fget = get(0);
    let doc = match get(3) {
        Some(d) => d,
        None => match &fget {
            Some(f) => vm.get_attr_opt(f, sym::__doc__)?.unwrap_or(Value::None),
            None => Value::None,
        },
    };
    Ok(NativeObject::new_value(
        vm.types.property.clone(),
        Property {
            fget,
            fset: get(1),
            fdel: get(2),
            doc,
        },
    ))
}

fn new_staticmethod(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (_, rest) = class_arg(args);
    no_kwargs("staticmethod", kwargs)?;
    positional("staticmethod", rest, 1, 1)?;
    Ok(NativeObject::new_value(
        vm.types.staticmethod.clone(),
        StaticMethod(rest[0].clone()),
    ))
}

fn new_classmethod(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (_, rest) = class_arg(args);
    no_kwargs("classmethod", kwargs)?;
    positional("classmethod", rest, 1, 1)?;
    Ok(NativeObject::new_value(
        vm.types.classmethod.clone(),
        ClassMethod(rest[0].clone()),
    ))
}

fn new_super(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let (_, rest) = class_arg(args);
    match rest {
        [Value::Class(c), obj] => Ok(vm.new_super(c.clone(), obj.clone())),
        [] => Err(crate::interp::errors::runtime_error(
            "super(): no arguments",
        )),
        _ => Err(type_error("super() argument 1 must be a type")),
    }
}

/// `int` from a big integer (for modules).
#[must_use]
pub fn int_value(v: BigInt) -> Value {
    Value::from_bigint(v)
}
