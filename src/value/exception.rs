//! Exceptions: the state every exception instance carries, and [`Exc`], the
//! error type of everything that can raise.

use super::{Instance, Payload, Value};
use crate::source::SourceFile;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// One line of a traceback: where a frame was when the exception passed.
#[derive(Clone)]
pub struct TraceEntry {
    /// The frame's source file.
    pub file: Rc<SourceFile>,
    /// 1-based line.
    pub line: u32,
    /// Byte offset in `file` of what was executing (for the column).
    pub offset: u32,
    /// The function name (`<module>` at top level).
    pub name: Rc<str>,
    /// Which running frame added the line (its address), so that a frame
    /// the exception already passed through is not recorded twice.
    pub frame: usize,
}

/// What an exception instance holds beyond its attributes.
#[derive(Default)]
pub struct ExceptionData {
    /// `args`, always a tuple.
    pub args: RefCell<Value>,
    /// `__cause__` (`raise ... from cause`).
    pub cause: RefCell<Option<Value>>,
    /// `__context__` (the exception being handled when this one was raised).
    pub context: RefCell<Option<Value>>,
    /// `__suppress_context__` (set by `raise ... from ...`).
    pub suppress_context: Cell<bool>,
    /// Frames passed through, innermost first.
    pub traceback: RefCell<Vec<TraceEntry>>,
    /// For a `NameError`: the names visible where it was raised (locals,
    /// globals, builtins), for the "Did you mean" hint.
    pub name_candidates: RefCell<Vec<Vec<Rc<str>>>>,
    /// The local variables of the frames passed through: a traceback keeps
    /// its frames alive in CPython, so what they hold is only finalized
    /// (a generator's `finally`, ...) once the exception goes.
    pub frame_locals: RefCell<Vec<Value>>,
}

/// A raised Python exception: always an instance whose payload is an
/// exception. Cloning shares the instance.
#[derive(Clone)]
pub struct Exc(Rc<Instance>);

impl Exc {
    /// Wraps an exception instance; `None` if it is not one.
    #[must_use]
    pub fn from_instance(inst: Rc<Instance>) -> Option<Exc> {
        matches!(inst.payload, Payload::Exception(_)).then_some(Exc(inst))
    }

    /// The exception instance.
    #[must_use]
    pub fn instance(&self) -> &Rc<Instance> {
        &self.0
    }

    /// The exception as a value.
    #[must_use]
    pub fn value(&self) -> Value {
        Value::Instance(self.0.clone())
    }

    /// Its exception state.
    #[must_use]
    pub fn data(&self) -> &ExceptionData {
        match &self.0.payload {
            Payload::Exception(d) => d,
            Payload::None => unreachable!("Exc always wraps an exception instance"),
        }
    }

    /// The class name (`ValueError`).
    #[must_use]
    pub fn class_name(&self) -> Rc<str> {
        self.0.class().name.clone()
    }

    /// Adds a traceback line as the exception leaves a frame.
    pub fn push_trace(&self, entry: TraceEntry) {
        self.data().traceback.borrow_mut().push(entry);
    }

    /// Whether two handles denote the same exception object.
    #[must_use]
    pub fn same(&self, other: &Exc) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for Exc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<exception {}>", self.class_name())
    }
}

/// A new, unraised exception of `class` with `args`.
#[must_use]
pub fn new_exception(class: &Rc<super::Class>, args: Vec<Value>) -> Exc {
    let data = ExceptionData {
        args: RefCell::new(Value::tuple(args)),
        ..ExceptionData::default()
    };
    let inst = Rc::new(Instance::new(
        class.clone(),
        super::AttrMap::new(),
        Payload::Exception(Box::new(data)),
    ));
    Exc(inst)
}
