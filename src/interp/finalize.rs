//! Work that CPython does when an object's last reference goes.
//!
//! CPython finalizes by reference counting: a suspended generator dropped
//! by `g = None` runs its `finally` right there, a coroutine that was never
//! awaited warns when it is freed, a failed task nobody asked about logs
//! "Task exception was never retrieved". Values here are reference
//! counted too, so the moment an object goes is the same — but a `Drop`
//! can happen while the interpreter holds a `RefCell` borrow (a dict being
//! updated, a frame slot being replaced), where running Python code would
//! be unsound. So a drop only *defers* the work to this queue, and the
//! evaluator drains it at the next safe point: before each statement, at
//! the end of a block, before a call, and after each event-loop callback.
//! Output lands where CPython's does for all but contrived expressions.

use super::Vm;
use crate::source::SourceFile;
use crate::value::{Instance, Value, sym};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Where the interpreter is when deferred work runs (for warnings, which
/// CPython attributes to the frame executing when the object was freed).
pub type Location<'a> = Option<(&'a Rc<SourceFile>, u32)>;

/// Deferred finalization work.
pub type Finalizer = Box<dyn FnOnce(&Vm, Location<'_>)>;

thread_local! {
    static QUEUE: RefCell<Vec<Finalizer>> = const { RefCell::new(Vec::new()) };
    static PENDING: Cell<bool> = const { Cell::new(false) };
}

/// Queues `work` to run at the next safe point. Silently dropped while the
/// thread is shutting down.
pub fn defer(work: Finalizer) {
    let queued = QUEUE.try_with(|q| q.borrow_mut().push(work)).is_ok();
    if queued {
        let _ = PENDING.try_with(|p| p.set(true));
    }
}

/// Whether finalization work is waiting (cheap: checked at every statement).
#[inline]
#[must_use]
pub fn pending() -> bool {
    PENDING.with(Cell::get)
}

/// Queues the `__del__` call of a freed instance (the hook
/// [`crate::value::object::set_free_hook`] installs).
pub fn defer_del(obj: Rc<Instance>) {
    defer(Box::new(move |vm, _| vm.call_del(&obj)));
}

impl Vm {
    /// Calls `__del__` on a freed instance; what it raises is printed as
    /// CPython's unraisable hook does.
    fn call_del(&self, obj: &Rc<Instance>) {
        let Some(del) = obj.class_lookup(sym::__del__) else {
            return;
        };
        let this = Value::Instance(obj.clone());
        let result = self
            .descriptor_get(del.clone(), Some(&this), &obj.class(), sym::__del__)
            .and_then(|bound| self.call(&bound, &[], &[]));
        if let Err(e) = result {
            let what = self.repr(&del).unwrap_or_default();
            self.report_unraisable(&what, &e);
        }
    }

    /// Runs deferred finalization work, in the order objects were freed,
    /// until none is left (finalizing may free more objects).
    #[inline]
    pub fn run_finalizers(&self, at: Location<'_>) {
        if pending() {
            self.drain_finalizers(at);
        }
    }

    #[inline(never)]
    fn drain_finalizers(&self, at: Location<'_>) {
        loop {
            let batch = QUEUE.with(|q| std::mem::take(&mut *q.borrow_mut()));
            PENDING.with(|p| p.set(false));
            if batch.is_empty() {
                return;
            }
            for work in batch {
                work(self, at);
            }
        }
    }

    /// Prints an exception raised by finalization code as CPython's
    /// unraisable hook does (`Exception ignored in: ...`).
    pub fn report_unraisable(&self, what: &str, e: &crate::value::Exc) {
        // The unraisable hook prints no chained exceptions.
        e.data().cause.borrow_mut().take();
        e.data().context.borrow_mut().take();
        let mut text = format!("Exception ignored in: {what}\n");
        text.push_str(&crate::diagnostic::render_exception(self, e));
        self.write_stderr(&text);
    }

    /// Interpreter shutdown, once the program is over and its traceback
    /// printed: what the exception's frames held goes now (CPython clears
    /// `sys.last_traceback` first), then the failed tasks still unreported
    /// (CPython frees them with the modules).
    pub fn finalize_at_exit(&self) {
        self.shutting_down.set(true);
        self.run_finalizers(None);
        crate::modules::asyncio::report_at_exit(self);
        self.run_finalizers(None);
    }

    /// Issues a `RuntimeWarning` as the default `warnings` filter prints it:
    /// once per location and message, with the source line, attributed to
    /// `at` (or `sys:1` when no Python code is running). `extra` follows
    /// (the tracemalloc hint), except at shutdown, when CPython's warnings
    /// module can no longer import `tracemalloc` and leaves it out.
    pub fn runtime_warning(&self, message: &str, at: Location<'_>, extra: &str) {
        let extra = if self.shutting_down.get() { "" } else { extra };
        let key = match at {
            Some((file, pos)) => format!("{}:{}:{message}", file.name(), file.line_of(pos)),
            None => format!("sys:1:{message}"),
        };
        if !self.warned.borrow_mut().insert(key) {
            return;
        }
        let text = match at {
            Some((file, pos)) => {
                let line = file.line_of(pos);
                let source = file.line_text(line).trim();
                format!(
                    "{}:{line}: RuntimeWarning: {message}\n  {source}\n{extra}",
                    file.name()
                )
            }
            None => format!("sys:1: RuntimeWarning: {message}\n{extra}"),
        };
        self.write_stderr(&text);
    }
}
