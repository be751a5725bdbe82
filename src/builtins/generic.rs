//! Runtime type expressions: `int | None` (`types.UnionType`, PEP 604) and
//! `list[int]` (`types.GenericAlias`, PEP 585).
//!
//! Both exist so that annotations, which CPython 3.11 evaluates when a
//! function or class is defined, evaluate the same way here, and so that
//! `isinstance(x, int | str)` works.

use super::args::{arity, no_kwargs};
use super::{add_getter, add_methods};
use crate::interp::Vm;
use crate::interp::errors::type_error;
use crate::value::object::InstanceLayout;
use crate::value::{Class, NativeObject, PyResult, Symbol, Value};
use std::rc::Rc;

/// `X | Y`: the member types, flattened and without duplicates.
pub struct Union(pub Vec<Value>);

/// `origin[args]`.
pub struct GenericAlias {
    /// The subscripted class.
    pub origin: Value,
    /// The subscript, always a tuple.
    pub args: Vec<Value>,
}

thread_local! {
    static CLASSES: (Rc<Class>, Rc<Class>) = make_classes();
}

fn make_classes() -> (Rc<Class>, Rc<Class>) {
    let object = crate::types::types().object.clone();
    let new = |name| {
        crate::types::new_builtin_class(
            name,
            "types",
            std::slice::from_ref(&object),
            InstanceLayout::Builtin,
        )
    };
    let union = new("UnionType");
    let alias = new("GenericAlias");
    for class in [&union, &alias] {
        add_methods(
            class,
            &[
                ("__repr__", type_expr_repr),
                ("__eq__", type_expr_eq),
                ("__hash__", type_expr_hash),
            ],
        );
        add_getter(class, "__args__", |_, a, _| {
            Ok(Value::tuple(match a.first() {
                Some(v) => match (as_union(v), as_alias(v)) {
                    (Some(u), _) => u.0.clone(),
                    (_, Some(g)) => g.args.clone(),
                    _ => Vec::new(),
                },
                None => Vec::new(),
            }))
        });
        add_getter(class, "__parameters__", |_, _, _| {
            Ok(Value::tuple(Vec::new()))
        });
    }
    add_methods(&alias, &[("__call__", alias_call)]);
    add_getter(&alias, "__origin__", |_, a, _| {
        a.first()
            .and_then(as_alias)
            .map(|g| g.origin.clone())
            .ok_or_else(|| type_error("expected a generic alias"))
    });
    (union, alias)
}

fn as_union(v: &Value) -> Option<&Union> {
    match v {
        Value::Native(n) => n.downcast::<Union>(),
        _ => None,
    }
}

fn as_alias(v: &Value) -> Option<&GenericAlias> {
    match v {
        Value::Native(n) => n.downcast::<GenericAlias>(),
        _ => None,
    }
}

/// The members of a union, if `v` is one.
#[must_use]
pub fn union_members(v: &Value) -> Option<&[Value]> {
    as_union(v).map(|u| u.0.as_slice())
}

/// Whether `v` is a parameterized generic (`list[int]`).
#[must_use]
pub fn is_generic_alias(v: &Value) -> bool {
    as_alias(v).is_some()
}

/// Whether `v` can be an operand of a type union.
fn union_operand(v: &Value) -> bool {
    matches!(v, Value::Class(_) | Value::None) || as_union(v).is_some() || as_alias(v).is_some()
}

/// `a | b` when both are types (or `None`, unions, generic aliases):
/// `None` if they are not.
pub fn union_of(vm: &Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    if !union_operand(a) || !union_operand(b) {
        return Ok(None);
    }
    let mut members: Vec<Value> = Vec::new();
    for side in [a, b] {
        let items: Vec<Value> = match as_union(side) {
            Some(u) => u.0.clone(),
            None => vec![match side {
                Value::None => Value::Class(vm.types.none_type.clone()),
                other => other.clone(),
            }],
        };
        for item in items {
            let mut dup = false;
            for m in &members {
                if same_member(vm, m, &item)? {
                    dup = true;
                    break;
                }
            }
            if !dup {
                members.push(item);
            }
        }
    }
    if members.len() == 1 {
        return Ok(members.pop());
    }
    let class = CLASSES.with(|c| c.0.clone());
    Ok(Some(NativeObject::new_value(class, Union(members))))
}

fn same_member(vm: &Vm, a: &Value, b: &Value) -> PyResult<bool> {
    match (a, b) {
        (Value::Class(x), Value::Class(y)) => Ok(Rc::ptr_eq(x, y)),
        _ if is_generic_alias(a) && is_generic_alias(b) => vm.eq(a, b),
        _ => Ok(false),
    }
}

/// `cls[index]` for a class without `__class_getitem__`: a generic alias
/// for the built-in containers and the library's classes, else CPython's
/// error for a class that is not generic.
pub fn subscript_class(cls: &Rc<Class>, index: &Value) -> PyResult {
    let library = ["builtins", "asyncio", "collections", "types"]
        .iter()
        .any(|m| cls.module.as_ref() == *m || cls.module.starts_with(&format!("{m}.")));
    if !library {
        return Err(type_error(format!(
            "type '{}' is not subscriptable",
            cls.name
        )));
    }
    let args = match index {
        Value::Tuple(t) => t.to_vec(),
        other => vec![other.clone()],
    };
    let class = CLASSES.with(|c| c.1.clone());
    Ok(NativeObject::new_value(
        class,
        GenericAlias {
            origin: Value::Class(cls.clone()),
            args,
        },
    ))
}

/// How a type appears inside a union's or alias's repr.
fn item_repr(vm: &Vm, v: &Value) -> PyResult<String> {
    match v {
        Value::Class(c) if Rc::ptr_eq(c, &vm.types.none_type) => Ok("None".into()),
        Value::Class(c) if c.module.as_ref() == "builtins" => Ok(c.qualname.to_string()),
        Value::Class(c) => Ok(format!("{}.{}", c.module, c.qualname)),
        Value::Ellipsis => Ok("...".into()),
        other => vm.repr(other),
    }
}

fn type_expr_repr(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    arity("__repr__", args, 1, 1)?;
    no_kwargs("__repr__", kwargs)?;
    let v = &args[0];
    if let Some(u) = as_union(v) {
        let parts =
            u.0.iter()
                .map(|m| item_repr(vm, m))
                .collect::<PyResult<Vec<_>>>()?;
        return Ok(Value::str(parts.join(" | ")));
    }
    if let Some(g) = as_alias(v) {
        let parts = g
            .args
            .iter()
            .map(|m| item_repr(vm, m))
            .collect::<PyResult<Vec<_>>>()?;
        let inner = if parts.is_empty() {
            "()".to_string()
        } else {
            parts.join(", ")
        };
        return Ok(Value::str(format!(
            "{}[{inner}]",
            item_repr(vm, &g.origin)?
        )));
    }
    Err(type_error("expected a type expression"))
}

fn type_expr_eq(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("__eq__", args, 2, 2)?;
    let (a, b) = (&args[0], &args[1]);
    if let (Some(x), Some(y)) = (as_union(a), as_union(b)) {
        if x.0.len() != y.0.len() {
            return Ok(Value::Bool(false));
        }
        for m in &x.0 {
            let mut found = false;
            for n in &y.0 {
                if same_member(vm, m, n)? {
                    found = true;
                    break;
                }
            }
            if !found {
                return Ok(Value::Bool(false));
            }
        }
        return Ok(Value::Bool(true));
    }
    if let (Some(x), Some(y)) = (as_alias(a), as_alias(b)) {
        if !vm.eq(&x.origin, &y.origin)? || x.args.len() != y.args.len() {
            return Ok(Value::Bool(false));
        }
        for (p, q) in x.args.iter().zip(&y.args) {
            if !vm.eq(p, q)? {
                return Ok(Value::Bool(false));
            }
        }
        return Ok(Value::Bool(true));
    }
    Ok(Value::NotImplemented)
}

fn type_expr_hash(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("__hash__", args, 1, 1)?;
    let v = &args[0];
    if let Some(u) = as_union(v) {
        // Order-independent, like the set CPython hashes.
        let mut h = 0x5555_i64;
        for m in &u.0 {
            h ^= vm.hash(m)?;
        }
        return Ok(Value::Int(h));
    }
    if let Some(g) = as_alias(v) {
        let mut h = vm.hash(&g.origin)?;
        for a in &g.args {
            h = h.wrapping_mul(1_000_003) ^ vm.hash(a)?;
        }
        return Ok(Value::Int(h));
    }
    Err(type_error("expected a type expression"))
}

fn alias_call(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let Some(g) = args.first().and_then(as_alias) else {
        return Err(type_error("expected a generic alias"));
    };
    vm.call(&g.origin, &args[1..], kwargs)
}
