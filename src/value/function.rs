//! Callables: Python functions, bound methods and Rust builtins.

use super::{AttrMap, Module, PyResult, Symbol, Value};
use crate::interp::Vm;
use crate::ir::Code;
use std::cell::RefCell;
use std::rc::Rc;

/// A closure cell: a variable shared between a function and the functions
/// nested in it. `None` while unbound.
pub type CellRef = Rc<RefCell<Option<Value>>>;

/// A function defined in Python (`def`, `async def`, `lambda`).
pub struct Function {
    /// The resolved body and parameter layout.
    pub code: Rc<Code>,
    /// The module whose globals the body sees.
    pub module: Rc<Module>,
    /// Defaults of the trailing positional parameters.
    pub defaults: Vec<Value>,
    /// Defaults of the keyword-only parameters, by position (`None`: required).
    pub kwdefaults: Vec<Option<Value>>,
    /// Cells captured from enclosing functions, in the code's free-variable order.
    pub closure: Vec<CellRef>,
    /// `__name__` (assignable, e.g. by decorators).
    pub name: RefCell<Rc<str>>,
    /// `__qualname__`.
    pub qualname: RefCell<Rc<str>>,
    /// Arbitrary attributes (`f.calls = 0`), `__doc__` included.
    pub attrs: RefCell<AttrMap>,
    /// The class whose body defined this function, for zero-argument `super()`.
    pub defining_class: RefCell<Option<Value>>,
}

/// A callable bound to its first argument.
pub struct BoundMethod {
    /// The object passed as the first argument.
    pub receiver: Value,
    /// The function.
    pub function: Value,
}

/// The signature of every function implemented in Rust: the interpreter,
/// positional arguments (the receiver first for methods), keyword arguments.
pub type NativeFn = fn(&Vm, &[Value], &[(Symbol, Value)]) -> PyResult;

/// A function an embedding host registered: a Rust closure with the
/// signature of [`NativeFn`].
pub type HostCallable = Rc<dyn Fn(&Vm, &[Value], &[(Symbol, Value)]) -> PyResult>;

/// A function implemented in Rust.
pub struct Builtin {
    /// `__name__`.
    pub name: &'static str,
    /// The implementation.
    pub func: NativeFn,
    /// For `obj.method` looked up on a built-in type: the receiver.
    pub receiver: Option<Value>,
    /// The owning class's name, for `__qualname__` and reprs such as
    /// `<method 'append' of 'list' objects>`.
    pub owner: Option<&'static str>,
    /// Whether calling it returns a coroutine (`asyncio.sleep`), for
    /// `iscoroutinefunction`.
    pub returns_coroutine: bool,
    /// For a function an embedding host registered: the closure called
    /// instead of `func`.
    pub host: Option<HostCallable>,
    /// Whether it takes no keyword arguments (`abs(x=1)`,
    /// `[].count(x=1)`): rejected with CPython's message before the
    /// implementation runs.
    pub positional_only: bool,
}

impl Builtin {
    /// `abs() takes no keyword arguments`, `list.count() takes ...`.
    #[cold]
    fn no_keywords(&self) -> crate::value::Exc {
        let shown = match self.owner {
            Some(owner) => format!("{owner}.{}", self.name),
            None => self.name.to_string(),
        };
        crate::interp::errors::type_error(format!("{shown}() takes no keyword arguments"))
    }

    /// Calls the implementation (the host closure when there is one).
    #[inline]
    pub fn invoke(&self, vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
        if self.positional_only && !kwargs.is_empty() {
            return Err(self.no_keywords());
        }
        match &self.host {
            None => (self.func)(vm, args, kwargs),
            Some(h) => h(vm, args, kwargs),
        }
    }
}
