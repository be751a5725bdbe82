//! Operator methods of the built-in types: `int.__add__`, `str.__len__`,
//! `list.__getitem__`, `dict.__setitem__`, ...
//!
//! The interpreter runs operators on built-in values directly; these
//! methods expose the same operations for explicit calls
//! (`(5).__add__(1)`, `super().__getitem__(k)`, `functools.reduce(int.__mul__, ...)`).
//! Like CPython's slot wrappers, a binary method returns `NotImplemented`
//! when the other operand is not one its type handles (`(1).__add__(1.5)`).

use super::add_methods;
use super::args::no_kwargs;
use crate::ast::{BinOp, CmpOp, UnaryOp};
use crate::interp::Vm;
use crate::interp::errors::type_error;
use crate::value::{NativeFn, PyResult, Symbol, Value};

/// Installs the methods on `int` (and so `bool`), `float`, `str`, `list`,
/// `tuple`, `dict`, `set`, `frozenset` and `range`.
pub fn install(vm: &Vm) {
    let t = &vm.types;
    let compare: &[(&'static str, NativeFn)] = &[
        ("__eq__", |vm, a, k| cmp(vm, CmpOp::Eq, a, k)),
        ("__ne__", |vm, a, k| cmp(vm, CmpOp::NotEq, a, k)),
        ("__lt__", |vm, a, k| cmp(vm, CmpOp::Lt, a, k)),
        ("__le__", |vm, a, k| cmp(vm, CmpOp::LtE, a, k)),
        ("__gt__", |vm, a, k| cmp(vm, CmpOp::Gt, a, k)),
        ("__ge__", |vm, a, k| cmp(vm, CmpOp::GtE, a, k)),
    ];
    let equality: &[(&'static str, NativeFn)] = &compare[..2];
    let common: &[(&'static str, NativeFn)] = &[
        ("__repr__", |vm, a, k| {
            let [v] = args::<1>("__repr__", a, k)?;
            vm.repr(v).map(Value::str)
        }),
        ("__str__", |vm, a, k| {
            let [v] = args::<1>("__str__", a, k)?;
            vm.str_of(v).map(Value::str)
        }),
    ];
    let hashable: &[(&'static str, NativeFn)] = &[("__hash__", |vm, a, k| {
        let [v] = args::<1>("__hash__", a, k)?;
        vm.hash(v).map(Value::Int)
    })];
    let arith: &[(&'static str, NativeFn)] = &[
        ("__add__", |vm, a, k| bin(vm, BinOp::Add, false, a, k)),
        ("__radd__", |vm, a, k| bin(vm, BinOp::Add, true, a, k)),
        ("__sub__", |vm, a, k| bin(vm, BinOp::Sub, false, a, k)),
        ("__rsub__", |vm, a, k| bin(vm, BinOp::Sub, true, a, k)),
        ("__mul__", |vm, a, k| bin(vm, BinOp::Mul, false, a, k)),
        ("__rmul__", |vm, a, k| bin(vm, BinOp::Mul, true, a, k)),
        ("__truediv__", |vm, a, k| bin(vm, BinOp::Div, false, a, k)),
        ("__rtruediv__", |vm, a, k| bin(vm, BinOp::Div, true, a, k)),
        ("__floordiv__", |vm, a, k| {
            bin(vm, BinOp::FloorDiv, false, a, k)
        }),
        ("__rfloordiv__", |vm, a, k| {
            bin(vm, BinOp::FloorDiv, true, a, k)
        }),
        ("__mod__", |vm, a, k| bin(vm, BinOp::Mod, false, a, k)),
        ("__rmod__", |vm, a, k| bin(vm, BinOp::Mod, true, a, k)),
        ("__pow__", |vm, a, k| bin(vm, BinOp::Pow, false, a, k)),
        ("__rpow__", |vm, a, k| bin(vm, BinOp::Pow, true, a, k)),
        ("__neg__", |vm, a, k| unary(vm, UnaryOp::Neg, a, k)),
        ("__pos__", |vm, a, k| unary(vm, UnaryOp::Pos, a, k)),
        ("__abs__", |vm, a, k| {
            let [v] = args::<1>("__abs__", a, k)?;
            super::functions::abs_of(vm, v)
        }),
        ("__bool__", |vm, a, k| {
            let [v] = args::<1>("__bool__", a, k)?;
            vm.truthy(v).map(Value::Bool)
        }),
    ];
    let bits: &[(&'static str, NativeFn)] = &[
        ("__lshift__", |vm, a, k| bin(vm, BinOp::LShift, false, a, k)),
        ("__rlshift__", |vm, a, k| bin(vm, BinOp::LShift, true, a, k)),
        ("__rshift__", |vm, a, k| bin(vm, BinOp::RShift, false, a, k)),
        ("__rrshift__", |vm, a, k| bin(vm, BinOp::RShift, true, a, k)),
        ("__and__", |vm, a, k| bin(vm, BinOp::BitAnd, false, a, k)),
        ("__rand__", |vm, a, k| bin(vm, BinOp::BitAnd, true, a, k)),
        ("__or__", |vm, a, k| bin(vm, BinOp::BitOr, false, a, k)),
        ("__ror__", |vm, a, k| bin(vm, BinOp::BitOr, true, a, k)),
        ("__xor__", |vm, a, k| bin(vm, BinOp::BitXor, false, a, k)),
        ("__rxor__", |vm, a, k| bin(vm, BinOp::BitXor, true, a, k)),
        ("__invert__", |vm, a, k| unary(vm, UnaryOp::Invert, a, k)),
    ];
    let sized: &[(&'static str, NativeFn)] = &[
        ("__len__", |vm, a, k| {
            let [v] = args::<1>("__len__", a, k)?;
            let n = super::functions::length(vm, v)?;
            Ok(Value::Int(i64::try_from(n).unwrap_or(i64::MAX)))
        }),
        ("__contains__", |vm, a, k| {
            let [c, item] = args::<2>("__contains__", a, k)?;
            vm.contains(c, item).map(Value::Bool)
        }),
        ("__iter__", |vm, a, k| {
            let [v] = args::<1>("__iter__", a, k)?;
            vm.get_iter(v)
        }),
    ];
    let indexed: &[(&'static str, NativeFn)] = &[("__getitem__", |vm, a, k| {
        let [c, key] = args::<2>("__getitem__", a, k)?;
        vm.get_item(c, key)
    })];
    let mutable: &[(&'static str, NativeFn)] = &[
        ("__setitem__", |vm, a, k| {
            let [c, key, value] = args::<3>("__setitem__", a, k)?;
            vm.set_item(c, key.clone(), value.clone())?;
            Ok(Value::None)
        }),
        ("__delitem__", |vm, a, k| {
            let [c, key] = args::<2>("__delitem__", a, k)?;
            vm.del_item(c, key)?;
            Ok(Value::None)
        }),
    ];
    let concat: &[(&'static str, NativeFn)] = &[
        ("__add__", |vm, a, k| bin(vm, BinOp::Add, false, a, k)),
        ("__mul__", |vm, a, k| bin(vm, BinOp::Mul, false, a, k)),
        ("__rmul__", |vm, a, k| bin(vm, BinOp::Mul, true, a, k)),
    ];
    let set_ops: &[(&'static str, NativeFn)] = &[
        ("__or__", |vm, a, k| bin(vm, BinOp::BitOr, false, a, k)),
        ("__ror__", |vm, a, k| bin(vm, BinOp::BitOr, true, a, k)),
        ("__and__", |vm, a, k| bin(vm, BinOp::BitAnd, false, a, k)),
        ("__rand__", |vm, a, k| bin(vm, BinOp::BitAnd, true, a, k)),
        ("__sub__", |vm, a, k| bin(vm, BinOp::Sub, false, a, k)),
        ("__rsub__", |vm, a, k| bin(vm, BinOp::Sub, true, a, k)),
        ("__xor__", |vm, a, k| bin(vm, BinOp::BitXor, false, a, k)),
        ("__rxor__", |vm, a, k| bin(vm, BinOp::BitXor, true, a, k)),
    ];
    for (class, groups) in [
        (&t.int, &[compare, common, hashable, arith, bits][..]),
        (&t.float, &[compare, common, hashable, arith][..]),
        (
            &t.str,
            &[compare, common, hashable, sized, indexed, concat][..],
        ),
        (
            &t.tuple,
            &[compare, common, hashable, sized, indexed, concat][..],
        ),
        (
            &t.list,
            &[compare, common, sized, indexed, mutable, concat][..],
        ),
        (&t.dict, &[equality, common, sized, indexed, mutable][..]),
        (&t.set, &[compare, common, sized, set_ops][..]),
        (
            &t.frozenset,
            &[compare, common, hashable, sized, set_ops][..],
        ),
        (&t.range, &[equality, common, hashable, sized, indexed][..]),
    ] {
        for group in groups {
            // Methods a type defines itself (`int.__index__`, `str.__mod__`...)
            // take precedence over the generic wrappers.
            let missing: Vec<(&'static str, NativeFn)> = group
                .iter()
                .filter(|(name, _)| !class.dict.borrow().contains(Symbol::intern(name)))
                .copied()
                .collect();
            add_methods(class, &missing);
        }
    }
    // `str % args` is `str.__mod__`.
    add_methods(
        &t.str,
        &[
            ("__mod__", |vm, a, k| bin(vm, BinOp::Mod, false, a, k)),
            ("__rmod__", |vm, a, k| bin(vm, BinOp::Mod, true, a, k)),
        ],
    );
}

/// Exactly `N` positional arguments (the receiver included).
fn args<'a, const N: usize>(
    name: &str,
    args: &'a [Value],
    kwargs: &[(Symbol, Value)],
) -> PyResult<&'a [Value; N]> {
    no_kwargs(name, kwargs)?;
    args.try_into().map_err(|_| {
        let given = args.len().saturating_sub(1);
        let want = N - 1;
        if want == 0 {
            type_error(format!("expected 0 arguments, got {given}"))
        } else {
            type_error(format!(
                "expected {want} argument{}, got {given}",
                if want == 1 { "" } else { "s" }
            ))
        }
    })
}

/// The numeric tower rank of an int/float value, `None` for non-numbers.
fn rank(v: &Value) -> Option<u8> {
    match v {
        Value::Bool(_) | Value::Int(_) | Value::BigInt(_) => Some(0),
        Value::Float(_) => Some(1),
        _ => None,
    }
}

/// Whether the method of `this`'s type for `op` handles `other`.
fn handles(op: Option<BinOp>, this: &Value, other: &Value) -> bool {
    if let (Some(a), Some(b)) = (rank(this), rank(other)) {
        return b <= a;
    }
    match (this, op) {
        // Concatenation and repetition raise rather than decline.
        (Value::Str(_), Some(BinOp::Mod))
        | (Value::Str(_) | Value::List(_) | Value::Tuple(_), Some(BinOp::Add | BinOp::Mul)) => true,
        (Value::Set(_) | Value::FrozenSet(_), _) => {
            matches!(other, Value::Set(_) | Value::FrozenSet(_))
        }
        (Value::Str(_), _) => matches!(other, Value::Str(_)),
        (Value::List(_), _) => matches!(other, Value::List(_)),
        (Value::Tuple(_), _) => matches!(other, Value::Tuple(_)),
        (Value::Dict(_), _) => matches!(other, Value::Dict(_)),
        (Value::Range(_), _) => matches!(other, Value::Range(_)),
        _ => false,
    }
}

fn bin(vm: &Vm, op: BinOp, reflected: bool, a: &[Value], k: &[(Symbol, Value)]) -> PyResult {
    let [this, other] = args::<2>("operator", a, k)?;
    if !handles(Some(op), this, other) {
        return Ok(Value::NotImplemented);
    }
    if op == BinOp::Mul
        && matches!(this, Value::Str(_) | Value::List(_) | Value::Tuple(_))
        && rank(other) != Some(0)
        && !matches!(other, Value::Instance(_))
    {
        return Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(other)
        )));
    }
    if reflected {
        vm.binary_op(op, other, this)
    } else {
        vm.binary_op(op, this, other)
    }
}

fn unary(vm: &Vm, op: UnaryOp, a: &[Value], k: &[(Symbol, Value)]) -> PyResult {
    let [v] = args::<1>("operator", a, k)?;
    vm.unary_op(op, v)
}

fn cmp(vm: &Vm, op: CmpOp, a: &[Value], k: &[(Symbol, Value)]) -> PyResult {
    let [this, other] = args::<2>("comparison", a, k)?;
    if !handles(None, this, other) {
        return Ok(Value::NotImplemented);
    }
    vm.compare_bool(op, this, other).map(Value::Bool)
}
