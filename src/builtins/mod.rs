//! The built-in namespace and the methods of built-in types.
//!
//! | module | what it provides |
//! | --- | --- |
//! | [`args`] | argument checking with CPython's messages |
//! | [`functions`] | `print`, `len`, `isinstance`, ... |
//! | [`constructors`] | calling `int`, `str`, `list`, `dict`, `type`, ... |
//! | [`object`] | methods of `object`, `type`, functions, properties |
//! | [`exceptions`] | methods and constructors of exceptions |
//! | [`numbers`] | methods of `int` and `float` |
//! | [`string`] | methods of `str` |
//! | [`sequences`] | methods of `list`, `tuple` and `range` |
//! | [`mappings`] | methods of `dict`, `set`, `frozenset` and dict views |
//! | [`iterators`] | iterator and generator objects |
//! | [`introspect`] | traceback, frame and code objects |

pub mod args;
pub mod constructors;
pub mod dunders;
pub mod exceptions;
pub mod functions;
pub mod generic;
pub mod introspect;
pub mod iterators;
pub mod mappings;
pub mod numbers;
pub mod object;
pub mod sequences;
pub mod string;

use crate::interp::Vm;
use crate::value::{Builtin, Class, NativeFn, Symbol, Value};
use std::rc::Rc;

/// A built-in function value.
#[must_use]
pub fn builtin_fn(name: &'static str, func: NativeFn) -> Value {
    new_builtin(name, func, false)
}

/// A built-in function value that takes no keyword arguments.
#[must_use]
pub fn positional_builtin_fn(name: &'static str, func: NativeFn) -> Value {
    new_builtin(name, func, true)
}

fn new_builtin(name: &'static str, func: NativeFn, positional_only: bool) -> Value {
    Value::Builtin(Rc::new(Builtin {
        name,
        func,
        receiver: None,
        owner: None,
        returns_coroutine: false,
        host: None,
        positional_only,
    }))
}

/// Adds a method implemented in Rust to a built-in class.
pub fn add_method(class: &Rc<Class>, name: &'static str, func: NativeFn) {
    add_method_with(class, name, func, false);
}

/// Adds methods that take no keyword arguments (`list.count`), rejected
/// with CPython's message before they run.
pub fn add_positional_methods(class: &Rc<Class>, methods: &[(&'static str, NativeFn)]) {
    for (name, func) in methods {
        add_method_with(class, name, *func, true);
    }
}

fn add_method_with(class: &Rc<Class>, name: &'static str, func: NativeFn, positional_only: bool) {
    let owner: &'static str = Box::leak(class.name.to_string().into_boxed_str());
    class.dict.borrow_mut().set(
        Symbol::intern(name),
        Value::Builtin(Rc::new(Builtin {
            name,
            func,
            receiver: None,
            owner: Some(owner),
            returns_coroutine: false,
            host: None,
            positional_only,
        })),
    );
}

/// Adds several methods to a class.
pub fn add_methods(class: &Rc<Class>, methods: &[(&'static str, NativeFn)]) {
    for (name, func) in methods {
        add_method(class, name, *func);
    }
}

/// Adds a read-only property computed in Rust to a class.
pub fn add_getter(class: &Rc<Class>, name: &'static str, getter: NativeFn) {
    let types = crate::types::types();
    let prop = crate::value::NativeObject::new_value(
        types.property.clone(),
        crate::interp::class::Property {
            fget: Some(builtin_fn(name, getter)),
            fset: None,
            fdel: None,
            doc: Value::None,
        },
    );
    class.dict.borrow_mut().set(Symbol::intern(name), prop);
}

/// Fills the built-in namespace and the built-in classes' methods.
pub fn install(vm: &Vm) {
    object::install(vm);
    exceptions::install(vm);
    numbers::install(vm);
    string::install(vm);
    sequences::install(vm);
    mappings::install(vm);
    iterators::install(vm);
    introspect::install(vm);
    dunders::install(vm);
    constructors::install(vm);
    functions::install(vm);
    let g = &vm.builtins.globals;
    for class in vm.types.exception_classes() {
        g.set(Symbol::intern(&class.name), Value::Class(class));
    }
    g.set(Symbol::intern("None"), Value::None);
    g.set(Symbol::intern("Ellipsis"), Value::Ellipsis);
    g.set(Symbol::intern("NotImplemented"), Value::NotImplemented);
    g.set(Symbol::intern("__name__"), Value::str("builtins"));
    // `EnvironmentError` and `IOError` are aliases of `OSError`.
    g.set(
        Symbol::intern("EnvironmentError"),
        Value::Class(vm.types.os_error.clone()),
    );
    g.set(
        Symbol::intern("IOError"),
        Value::Class(vm.types.os_error.clone()),
    );
}
