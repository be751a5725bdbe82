//! A running body: its local slots, owned cells and what it can see.

use crate::interp::generator::GenChannel;
use crate::ir::{Code, CodeKind};
use crate::value::{AttrMap, CellRef, Exc, Function, Module, TraceEntry, Value};
use std::cell::RefCell;
use std::rc::Rc;

/// A frame's local slots. Calls take these vectors from a pool kept by the
/// interpreter and give them back on return, so a call neither allocates
/// nor copies a large frame.
pub type Locals = Vec<Option<Value>>;

/// `n` unbound local slots (freshly allocated; calls use the pool).
#[must_use]
pub fn unbound_locals(n: usize) -> Locals {
    vec![None; n]
}

/// How a block of statements ended.
#[derive(Clone)]
pub enum Flow {
    /// Fell off the end.
    Normal,
    /// `return value`.
    Return(Value),
    /// `break`.
    Break,
    /// `continue`.
    Continue,
}

/// The state of one executing body (module, class body or function call).
pub struct Frame<'f> {
    /// The code being run.
    pub code: &'f Code,
    /// The module whose globals the code sees.
    pub module: &'f Rc<Module>,
    /// Cells captured from enclosing functions.
    pub closure: &'f [CellRef],
    /// The function being run, if any (for `super()`).
    pub function: Option<&'f Function>,
    /// Local slots; `None` is unbound.
    pub locals: Locals,
    /// Cells this frame owns.
    pub cells: Vec<CellRef>,
    /// The namespace of a class body being executed.
    pub class_ns: Option<Rc<RefCell<AttrMap>>>,
    /// Byte offset of what is executing, for tracebacks.
    pub pos: u32,
    /// For generator frames: where `yield` hands values over.
    pub channel: Option<Rc<GenChannel>>,
}

impl<'f> Frame<'f> {
    /// The frame of a module's top level.
    #[must_use]
    pub fn for_module(code: &'f Code, module: &'f Rc<Module>) -> Self {
        Self {
            code,
            module,
            closure: &[],
            function: None,
            locals: unbound_locals(code.nlocals),
            cells: new_cells(code.ncells),
            class_ns: None,
            pos: 0,
            channel: None,
        }
    }

    /// The frame of a function call whose arguments are already bound.
    #[must_use]
    pub fn for_function(func: &'f Function, locals: Locals, cells: Vec<CellRef>) -> Self {
        Self {
            code: &func.code,
            module: &func.module,
            closure: &func.closure,
            function: Some(func),
            locals,
            cells,
            class_ns: None,
            pos: func.code.span.start,
            channel: None,
        }
    }

    /// Records this frame in an exception leaving it, which keeps the
    /// frame's local values alive as a CPython traceback does.
    pub fn unwind(&mut self, exc: &Exc) {
        self.record_traceback(exc);
        exc.data()
            .frame_locals
            .borrow_mut()
            .extend(self.locals.drain(..).flatten());
    }

    /// Records this frame in an exception that reached it (caught here,
    /// or leaving it), unless the exception's latest line is already this
    /// frame's: a bare `raise`, or the end of a `finally` or `with`,
    /// re-raises without a new line, as in CPython.
    pub fn record_traceback(&self, exc: &Exc) {
        let here = std::ptr::from_ref(self) as usize;
        let recorded = exc.data().traceback.borrow().last().is_some_and(|e| {
            e.frame == here
                && Rc::ptr_eq(&e.file, &self.code.file)
                && (self.code.kind == CodeKind::Module || e.name == self.code.name)
        });
        if !recorded {
            self.add_traceback_line(exc);
        }
    }

    /// Adds this frame's current line to an exception raised here.
    pub fn add_traceback_line(&self, exc: &Exc) {
        let line = self.code.file.line_of(self.pos) as u32;
        let name = if self.code.kind == CodeKind::Module {
            "<module>".into()
        } else {
            self.code.name.clone()
        };
        exc.push_trace(TraceEntry {
            file: self.code.file.clone(),
            line,
            offset: self.pos,
            name,
            frame: std::ptr::from_ref(self) as usize,
        });
    }
}

/// `n` fresh, unbound cells.
#[must_use]
pub fn new_cells(n: usize) -> Vec<CellRef> {
    (0..n).map(|_| Rc::new(RefCell::new(None))).collect()
}
