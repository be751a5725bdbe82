//! Methods of `object`, `type`, `property`, `staticmethod`, `classmethod`
//! and `super`, and the attribute listing behind `dir()`.

use super::args::{arity, receiver};
use super::{add_getter, add_methods};
use crate::interp::Vm;
use crate::interp::attr::{ClassMethod, StaticMethod};
use crate::interp::class::{Property, Super};
use crate::interp::descr::SlotMember;
use crate::interp::errors::type_error;
use crate::value::{NativeObject, PyResult, Symbol, Value, sym};
use std::collections::BTreeSet;

/// Installs the methods.
pub fn install(vm: &Vm) {
    let t = &vm.types;
    add_methods(
        &t.object,
        &[
            ("__init__", object_init),
            ("__repr__", object_repr),
            ("__str__", object_str),
            ("__eq__", object_eq),
            ("__ne__", object_ne),
            ("__hash__", object_hash),
            ("__format__", object_format),
            ("__setattr__", object_setattr),
            ("__getattribute__", object_getattribute),
            ("__delattr__", object_delattr),
            ("__dir__", object_dir),
        ],
    );
    // A class method, as in CPython: `super().__init_subclass__(**kw)`
    // binds the class.
    let init_subclass = NativeObject::new_value(
        t.classmethod.clone(),
        ClassMethod(super::builtin_fn("__init_subclass__", object_init_subclass)),
    );
    t.object
        .dict
        .borrow_mut()
        .set(sym::__init_subclass__, init_subclass);
    add_methods(&t.member_descriptor, &[("__repr__", member_repr)]);
    add_methods(
        &t.type_,
        &[("mro", type_mro), ("__subclasses__", type_subclasses)],
    );
    add_methods(
        &t.property,
        &[
            ("getter", property_getter),
            ("setter", property_setter),
            ("deleter", property_deleter),
            ("__get__", property_get),
        ],
    );
    add_getter(&t.property, "fget", |_, args, _| {
        Ok(prop(args)?.fget.clone().unwrap_or(Value::None))
    });
    add_getter(&t.property, "fset", |_, args, _| {
        Ok(prop(args)?.fset.clone().unwrap_or(Value::None))
    });
    add_getter(&t.property, "__doc__", |_, args, _| {
        Ok(prop(args)?.doc.clone())
    });
    add_getter(&t.staticmethod, "__func__", |_, args, _| {
        match args.first().and_then(|a| a.downcast::<StaticMethod>()) {
            Some(s) => Ok(s.0.clone()),
            None => Err(type_error("expected a staticmethod")),
        }
    });
    add_getter(&t.classmethod, "__func__", |_, args, _| {
        match args.first().and_then(|a| a.downcast::<ClassMethod>()) {
            Some(c) => Ok(c.0.clone()),
            None => Err(type_error("expected a classmethod")),
        }
    });
    add_methods(&t.super_, &[("__repr__", super_repr)]);
}

fn object_init(_vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    if args.len() > 1 || !kwargs.is_empty() {
        return Err(type_error(
            "object.__init__() takes exactly one argument (the instance to initialize)",
        ));
    }
    Ok(Value::None)
}

/// The default `repr` of an object: `<module.Class object at 0x...>`.
#[must_use]
pub fn default_repr(vm: &Vm, v: &Value) -> String {
    let class = vm.type_of(v);
    let address = v.ptr_id().unwrap_or(0);
    if &*class.module == "builtins" {
        format!("<{} object at {address:#x}>", class.qualname)
    } else {
        format!(
            "<{}.{} object at {address:#x}>",
            class.module, class.qualname
        )
    }
}

fn object_repr(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let (this, _) = receiver("__repr__", args)?;
    Ok(Value::str(default_repr(vm, this)))
}

fn object_str(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let (this, _) = receiver("__str__", args)?;
    Ok(Value::str(vm.repr(this)?))
}

fn object_eq(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("__eq__", args, 2, 2)?;
    Ok(if args[0].is(&args[1]) {
        Value::Bool(true)
    } else {
        Value::NotImplemented
    })
}

fn object_ne(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("__ne__", args, 2, 2)?;
    let eq = vm.rich_compare(crate::ast::CmpOp::Eq, &args[0], &args[1])?;
    if matches!(eq, Value::NotImplemented) {
        return Ok(Value::NotImplemented);
    }
    Ok(Value::Bool(!vm.truthy(&eq)?))
}

fn object_hash(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let (this, _) = receiver("__hash__", args)?;
    Ok(Value::Int(crate::interp::containers::identity_hash(this)))
}

fn object_format(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("__format__", args, 2, 2)?;
    match &args[1] {
        Value::Str(s) if s.as_str().is_empty() => Ok(Value::str(vm.str_of(&args[0])?)),
        Value::Str(_) => Err(type_error(format!(
            "unsupported format string passed to {}.__format__",
            vm.type_name(&args[0])
        ))),
        _ => Err(type_error("format spec must be a str")),
    }
}

fn attr_arg(v: &Value) -> PyResult<Symbol> {
    match v {
        Value::Str(s) => Ok(Symbol::intern(s.as_str())),
        _ => Err(type_error("attribute name must be string")),
    }
}

fn object_setattr(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("__setattr__", args, 3, 3)?;
    let name = attr_arg(&args[1])?;
    match &args[0] {
        obj @ Value::Instance(_) => {
            vm.generic_set_attr(obj, name, args[2].clone())?;
            Ok(Value::None)
        }
        other => Err(type_error(format!(
            "can't apply this __setattr__ to {} object",
            vm.type_name(other)
        ))),
    }
}

fn object_getattribute(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("__getattribute__", args, 2, 2)?;
    let name = attr_arg(&args[1])?;
    match vm.generic_get_attr(&args[0], name)? {
        Some(v) => Ok(v),
        None => Err(vm.no_attribute(&args[0], name)),
    }
}

fn object_delattr(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("__delattr__", args, 2, 2)?;
    let name = attr_arg(&args[1])?;
    vm.generic_del_attr(&args[0], name)?;
    Ok(Value::None)
}

fn object_dir(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let (this, _) = receiver("__dir__", args)?;
    let names = attribute_names(vm, this);
    Ok(Value::list(names.into_iter().map(Value::str).collect()))
}

fn object_init_subclass(_vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    if !kwargs.is_empty() {
        let name = match args.first() {
            Some(Value::Class(c)) => c.qualname.to_string(),
            _ => "object".into(),
        };
        return Err(type_error(format!(
            "{name}.__init_subclass__() takes no keyword arguments"
        )));
    }
    Ok(Value::None)
}

/// Every attribute name of `obj`, for `dir()` and "Did you mean" hints.
#[must_use]
pub fn attribute_names(vm: &Vm, obj: &Value) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut add_map = |m: &crate::value::AttrMap| {
        for (k, _) in m.items() {
            names.insert(k.name().to_string());
        }
    };
    match obj {
        Value::Instance(i) => add_map(&i.attrs.borrow()),
        Value::Function(f) => add_map(&f.attrs.borrow()),
        Value::Module(m) => {
            for (k, _) in m.globals.items() {
                names.insert(k.name().to_string());
            }
            if let Some(lazy) = m.lazy.get() {
                names.extend(lazy.pending_names().map(|k| k.name().to_string()));
            }
            return names;
        }
        _ => {}
    }
    let class = match obj {
        Value::Class(c) => c.clone(),
        other => vm.type_of(other),
    };
    for c in class.mro_with_self() {
        for (k, _) in c.dict.borrow().items() {
            names.insert(k.name().to_string());
        }
    }
    names
}

fn type_mro(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    match args.first() {
        Some(Value::Class(c)) => Ok(Value::list(
            c.mro_with_self().map(|c| Value::Class(c.clone())).collect(),
        )),
        _ => Err(type_error(
            "descriptor 'mro' of 'type' object needs an argument",
        )),
    }
}

fn type_subclasses(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let Some(Value::Class(class)) = args.first() else {
        return Err(type_error(
            "descriptor '__subclasses__' of 'type' object needs an argument",
        ));
    };
    Ok(Value::list(
        class
            .live_subclasses()
            .into_iter()
            .map(Value::Class)
            .collect(),
    ))
}

fn prop(args: &[Value]) -> PyResult<&Property> {
    args.first()
        .and_then(|a| a.downcast::<Property>())
        .ok_or_else(|| type_error("descriptor needs a 'property' object"))
}

fn with_accessor(vm: &Vm, args: &[Value], which: usize) -> PyResult {
    arity("setter", args, 2, 2)?;
    let p = prop(args)?;
    let f = Some(args[1].clone());
    let (fget, fset, fdel) = match which {
        0 => (f, p.fset.clone(), p.fdel.clone()),
        1 => (p.fget.clone(), f, p.fdel.clone()),
        _ => (p.fget.clone(), p.fset.clone(), f),
    };
    Ok(NativeObject::new_value(
        vm.types.property.clone(),
        Property {
            fget,
            fset,
            fdel,
            doc: p.doc.clone(),
        },
    ))
}

fn property_getter(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    with_accessor(vm, args, 0)
}

fn property_setter(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    with_accessor(vm, args, 1)
}

fn property_deleter(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    with_accessor(vm, args, 2)
}

fn property_get(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("__get__", args, 2, 3)?;
    let p = prop(args)?;
    if matches!(args[1], Value::None) {
        return Ok(args[0].clone());
    }
    match &p.fget {
        Some(g) => vm.call(g, &args[1..2], &[]),
        None => Err(crate::interp::errors::attribute_error(
            "property has no getter",
        )),
    }
}

fn member_repr(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    match args.first().and_then(|a| a.downcast::<SlotMember>()) {
        Some(m) => Ok(Value::str(format!(
            "<member '{}' of '{}' objects>",
            m.name, m.owner
        ))),
        None => Err(type_error("expected a member descriptor")),
    }
}

fn super_repr(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let s = args
        .first()
        .and_then(|a| a.downcast::<Super>())
        .ok_or_else(|| type_error("expected super"))?;
    Ok(Value::str(format!(
        "<super: <class '{}'>, <{} object>>",
        s.this_class.name,
        vm.type_name(&s.obj)
    )))
}

/// Whether `name` is the `__dict__` attribute (for callers listing attributes).
#[must_use]
pub fn is_dict_attr(name: Symbol) -> bool {
    name == sym::__dict__
}
