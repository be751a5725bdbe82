//! Interned identifiers.
//!
//! Attribute names, keyword arguments and global names are compared millions
//! of times while a script runs; interning turns each comparison into a `u32`
//! compare. The interner is per thread, like every interpreter value.

use hashbrown::HashMap;
use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

/// An interned identifier.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Symbol(u32);

struct Interner {
    by_name: HashMap<Rc<str>, Symbol>,
    names: Vec<Rc<str>>,
}

impl Interner {
    fn new() -> Self {
        let mut interner = Self {
            by_name: HashMap::new(),
            names: Vec::new(),
        };
        for name in KNOWN {
            interner.intern(name);
        }
        interner
    }

    fn intern(&mut self, name: &str) -> Symbol {
        if let Some(&sym) = self.by_name.get(name) {
            return sym;
        }
        let sym = Symbol(self.names.len() as u32);
        let rc: Rc<str> = Rc::from(name);
        self.names.push(rc.clone());
        self.by_name.insert(rc, sym);
        sym
    }
}

thread_local! {
    static INTERNER: RefCell<Interner> = RefCell::new(Interner::new());
}

impl Symbol {
    /// The symbol for `name`, interning it on first use.
    #[must_use]
    pub fn intern(name: &str) -> Symbol {
        INTERNER.with(|i| i.borrow_mut().intern(name))
    }

    /// The symbol's text.
    #[must_use]
    pub fn name(self) -> Rc<str> {
        INTERNER.with(|i| i.borrow().names[self.0 as usize].clone())
    }

    /// Calls `f` with the symbol's text without cloning it.
    pub fn with_name<R>(self, f: impl FnOnce(&str) -> R) -> R {
        INTERNER.with(|i| f(&i.borrow().names[self.0 as usize]))
    }

    /// Whether the name is a dunder (`__x__`).
    #[must_use]
    pub fn is_dunder(self) -> bool {
        self.with_name(|n| n.len() > 4 && n.starts_with("__") && n.ends_with("__"))
    }
}

impl fmt::Debug for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.with_name(|n| write!(f, "{n}"))
    }
}

impl fmt::Display for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.with_name(|n| f.write_str(n))
    }
}

macro_rules! known_symbols {
    ($($id:ident = $text:literal,)*) => {
        const KNOWN: &[&str] = &[$($text,)*];
        #[allow(non_camel_case_types, dead_code, reason = "one variant per Python identifier, used for its index")]
        enum Known { $($id,)* }
        /// Symbols the interpreter itself looks up, interned at start-up in
        /// this order so that each is a constant.
        #[allow(non_upper_case_globals, reason = "named after the Python identifiers they stand for")]
        pub mod sym {
            use super::{Known, Symbol};
            $(
                #[doc = concat!("`", $text, "`")]
                pub const $id: Symbol = Symbol(Known::$id as u32);
            )*
        }
    };
}

known_symbols! {
    __init__ = "__init__",
    __new__ = "__new__",
    __repr__ = "__repr__",
    __str__ = "__str__",
    __eq__ = "__eq__",
    __ne__ = "__ne__",
    __lt__ = "__lt__",
    __le__ = "__le__",
    __gt__ = "__gt__",
    __ge__ = "__ge__",
    __hash__ = "__hash__",
    __bool__ = "__bool__",
    __len__ = "__len__",
    __iter__ = "__iter__",
    __next__ = "__next__",
    __aiter__ = "__aiter__",
    __anext__ = "__anext__",
    __aenter__ = "__aenter__",
    __aexit__ = "__aexit__",
    __enter__ = "__enter__",
    __exit__ = "__exit__",
    __await__ = "__await__",
    __call__ = "__call__",
    __getitem__ = "__getitem__",
    __setitem__ = "__setitem__",
    __delitem__ = "__delitem__",
    __contains__ = "__contains__",
    __getattr__ = "__getattr__",
    __getattribute__ = "__getattribute__",
    __setattr__ = "__setattr__",
    __delattr__ = "__delattr__",
    __get__ = "__get__",
    __set__ = "__set__",
    __add__ = "__add__",
    __sub__ = "__sub__",
    __mul__ = "__mul__",
    __matmul__ = "__matmul__",
    __truediv__ = "__truediv__",
    __floordiv__ = "__floordiv__",
    __mod__ = "__mod__",
    __pow__ = "__pow__",
    __lshift__ = "__lshift__",
    __rshift__ = "__rshift__",
    __or__ = "__or__",
    __xor__ = "__xor__",
    __and__ = "__and__",
    __radd__ = "__radd__",
    __rsub__ = "__rsub__",
    __rmul__ = "__rmul__",
    __rmatmul__ = "__rmatmul__",
    __rtruediv__ = "__rtruediv__",
    __rfloordiv__ = "__rfloordiv__",
    __rmod__ = "__rmod__",
    __rpow__ = "__rpow__",
    __rlshift__ = "__rlshift__",
    __rrshift__ = "__rrshift__",
    __ror__ = "__ror__",
    __rxor__ = "__rxor__",
    __rand__ = "__rand__",
    __iadd__ = "__iadd__",
    __isub__ = "__isub__",
    __imul__ = "__imul__",
    __imatmul__ = "__imatmul__",
    __itruediv__ = "__itruediv__",
    __ifloordiv__ = "__ifloordiv__",
    __imod__ = "__imod__",
    __ipow__ = "__ipow__",
    __ilshift__ = "__ilshift__",
    __irshift__ = "__irshift__",
    __ior__ = "__ior__",
    __ixor__ = "__ixor__",
    __iand__ = "__iand__",
    __neg__ = "__neg__",
    __pos__ = "__pos__",
    __invert__ = "__invert__",
    __abs__ = "__abs__",
    __int__ = "__int__",
    __float__ = "__float__",
    __index__ = "__index__",
    __round__ = "__round__",
    __format__ = "__format__",
    __reversed__ = "__reversed__",
    __class__ = "__class__",
    __name__ = "__name__",
    __qualname__ = "__qualname__",
    __module__ = "__module__",
    __doc__ = "__doc__",
    __dict__ = "__dict__",
    __mro__ = "__mro__",
    __bases__ = "__bases__",
    __base__ = "__base__",
    __slots__ = "__slots__",
    __main__ = "__main__",
    __builtins__ = "__builtins__",
    __file__ = "__file__",
    __cause__ = "__cause__",
    __context__ = "__context__",
    __suppress_context__ = "__suppress_context__",
    __traceback__ = "__traceback__",
    __set_name__ = "__set_name__",
    __delete__ = "__delete__",
    __init_subclass__ = "__init_subclass__",
    __class_getitem__ = "__class_getitem__",
    __missing__ = "__missing__",
    __del__ = "__del__",
    __match_args__ = "__match_args__",
    __wrapped__ = "__wrapped__",
    __defaults__ = "__defaults__",
    __kwdefaults__ = "__kwdefaults__",
    __code__ = "__code__",
    __closure__ = "__closure__",
    __annotations__ = "__annotations__",
    __self__ = "__self__",
    __func__ = "__func__",
    __all__ = "__all__",
    __package__ = "__package__",
    __spec__ = "__spec__",
    __loader__ = "__loader__",
    __path__ = "__path__",
    args = "args",
    message = "message",
    exceptions = "exceptions",
    key = "key",
    reverse = "reverse",
    sep = "sep",
    end = "end",
    file = "file",
    flush = "flush",
    default = "default",
    start = "start",
    name = "name",
    value = "value",
    self_ = "self",
    cls = "cls",
    send = "send",
    throw = "throw",
    close = "close",
    strict = "strict",
    return_exceptions = "return_exceptions",
    timeout = "timeout",
    return_when = "return_when",
    msg = "msg",
    result = "result",
    context = "context",
    loop_ = "loop",
    maxsize = "maxsize",
    delay = "delay",
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_symbols_are_constants() {
        assert_eq!(Symbol::intern("__init__"), sym::__init__);
        assert_eq!(Symbol::intern("delay"), sym::delay);
        assert_eq!(&*sym::self_.name(), "self");
        let fresh = Symbol::intern("some_fresh_name");
        assert_eq!(Symbol::intern("some_fresh_name"), fresh);
        assert!(sym::__len__.is_dunder());
        assert!(!sym::args.is_dunder());
    }
}
