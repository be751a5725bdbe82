//! Generators, coroutines and async generators.
//!
//! Calling a function whose body can suspend creates one of these objects
//! holding a single boxed future: the body running through the suspendable
//! evaluator. A generator is driven by polling that future with a no-op
//! waker: `yield` leaves its value in the [`GenChannel`] and returns
//! `Pending`. A coroutine is driven by whoever awaits it — inline inside
//! another coroutine, or by a task — with that task's waker, so an
//! `await` on a pending asyncio future suspends the whole task.

use super::errors::{runtime_error, type_error, value_error};
use super::{Flow, Frame, Vm};
use crate::ir::FunctionKind;
use crate::value::{CellRef, Exc, Function, NativeObject, PyResult, Value};
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

/// The boxed body of a generator-like object.
pub type BodyFuture = Pin<Box<dyn Future<Output = PyResult<Value>>>>;

/// What a suspended body receives when it resumes at a `yield`.
pub enum Resume {
    /// `send(value)` / `next()`.
    Send(Value),
    /// `throw(exc)`.
    Throw(Exc),
}

/// Where `yield` leaves its value and finds what it resumes with.
#[derive(Default)]
pub struct GenChannel {
    /// The value of the last `yield`, taken by the driver.
    pub yielded: RefCell<Option<Value>>,
    /// What the next resumption delivers at the `yield`.
    pub resume: RefCell<Option<Resume>>,
}

/// Lifecycle of a generator-like object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenState {
    /// Created, body not started.
    Created,
    /// Being polled right now.
    Running,
    /// Stopped at a `yield` or an `await`.
    Suspended,
    /// Finished (returned, raised or closed).
    Done,
}

/// A generator, coroutine or async generator.
pub struct Generator {
    /// Which of the three.
    pub kind: FunctionKind,
    /// `__name__`.
    pub name: Rc<str>,
    /// `__qualname__`.
    pub qualname: Rc<str>,
    /// Lifecycle.
    pub state: Cell<GenState>,
    /// The body; `None` once finished.
    pub body: RefCell<Option<BodyFuture>>,
    /// Hand-over point for `yield`.
    pub channel: Rc<GenChannel>,
    /// For coroutines: whether anything ever awaited or scheduled it (for
    /// "coroutine ... was never awaited").
    pub awaited: Cell<bool>,
    /// For async generators: suspended at a `yield` (rather than inside an
    /// `await`), so the next step delivers a value there.
    pub at_yield: Cell<bool>,
    /// For async generators first iterated while an event loop ran: that
    /// loop, whose finalizer hook schedules `aclose()` when the generator
    /// is dropped unfinished (`sys.set_asyncgen_hooks`).
    pub finalizer: RefCell<Option<std::rc::Weak<crate::runtime::Loop>>>,
    /// For async generators: the first-iteration hook ran.
    pub hooked: Cell<bool>,
    /// The source file and position of the `def` (for reprs).
    pub origin: Option<(Rc<crate::source::SourceFile>, u32)>,
    /// A generator made by a `@types.coroutine` function: awaitable.
    pub iterable_coroutine: Cell<bool>,
    /// The exceptions its body was handling (`except` blocks it is inside)
    /// when it last suspended: each generator and coroutine has its own,
    /// put back on top of the resumer's when it resumes (CPython's
    /// `gi_exc_state`), so that a bare `raise` and new exceptions' context
    /// never see another task's exception.
    pub handling: RefCell<Vec<crate::value::Exc>>,
}

impl Generator {
    /// A generator-like object around `body`, not started.
    #[must_use]
    pub fn new(
        kind: FunctionKind,
        name: Rc<str>,
        qualname: Rc<str>,
        body: BodyFuture,
        channel: Rc<GenChannel>,
    ) -> Self {
        Self {
            kind,
            name,
            qualname,
            state: Cell::new(GenState::Created),
            body: RefCell::new(Some(body)),
            channel,
            awaited: Cell::new(false),
            at_yield: Cell::new(false),
            finalizer: RefCell::new(None),
            hooked: Cell::new(false),
            origin: None,
            iterable_coroutine: Cell::new(false),
            handling: RefCell::new(Vec::new()),
        }
    }

    /// Moves the suspended body out into a fresh object that finalization
    /// can resume (the original is being dropped).
    fn take_suspended(&mut self) -> Option<Generator> {
        let body = self.body.get_mut().take()?;
        let mut g = Generator::new(
            self.kind,
            self.name.clone(),
            self.qualname.clone(),
            body,
            self.channel.clone(),
        );
        g.state.set(GenState::Suspended);
        g.awaited.set(true);
        g.at_yield.set(self.at_yield.get());
        g.hooked.set(self.hooked.get());
        g.origin = self.origin.clone();
        Some(g)
    }
}

/// Dropping a generator-like object does what CPython's finalizer does:
/// a suspended generator is closed (its `finally` blocks run), an
/// unfinished async generator goes to its loop's finalizer hook, and a
/// coroutine never awaited warns. The work is deferred to the next safe
/// point (see [`super::finalize`]).
impl Drop for Generator {
    fn drop(&mut self) {
        match (self.state.get(), self.kind) {
            (GenState::Suspended, FunctionKind::Generator | FunctionKind::AsyncGenerator) => {
                let hook = self.finalizer.get_mut().take();
                let Some(g) = self.take_suspended() else {
                    return;
                };
                super::finalize::defer(Box::new(move |vm, _| vm.finalize_generator(g, hook)));
            }
            (GenState::Created, FunctionKind::Coroutine) if !self.awaited.get() => {
                let qualname = self.qualname.clone();
                super::finalize::defer(Box::new(move |vm, at| {
                    vm.runtime_warning(
                        &format!("coroutine '{qualname}' was never awaited"),
                        at,
                        "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n",
                    );
                }));
            }
            _ => {}
        }
    }
}

/// One step of a generator.
pub enum GenStep {
    /// It yielded a value.
    Yielded(Value),
    /// It returned (the value of `StopIteration`).
    Returned(Value),
}

/// A future that is pending exactly once, without arranging a wake-up:
/// the point where a body hands control back to its driver.
pub struct SuspendOnce(bool);

impl SuspendOnce {
    /// A fresh suspension point.
    #[must_use]
    pub fn new() -> Self {
        Self(false)
    }
}

impl Default for SuspendOnce {
    fn default() -> Self {
        Self::new()
    }
}

impl Future for SuspendOnce {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            Poll::Ready(())
        } else {
            self.0 = true;
            Poll::Pending
        }
    }
}

impl Vm {
    /// Creates the generator, coroutine or async generator for a call of
    /// `func` whose arguments are bound.
    pub fn new_generator_like(
        &self,
        func: Rc<Function>,
        locals: super::frame::Locals,
        cells: Vec<CellRef>,
    ) -> Value {
        let vm = self.rc();
        let channel = Rc::new(GenChannel::default());
        let kind = func.code.function_kind;
        let name = func.name.borrow().clone();
        let qualname = func.qualname.borrow().clone();
        let body_channel = channel.clone();
        let origin_file = func.code.file.clone();
        let origin_pos = func.code.span.start;
        let body: BodyFuture = Box::pin(async move {
            let mut frame = Frame::for_function(&func, locals, cells);
            frame.channel = Some(body_channel);
            let result = vm.exec_block_async(&func.code.body, &mut frame).await;
            match result {
                Ok(Flow::Return(v)) => Ok(v),
                Ok(_) => Ok(Value::None),
                Err(e) => {
                    frame.unwind(&e);
                    Err(e)
                }
            }
        });
        let class = match kind {
            FunctionKind::Generator => self.types.generator.clone(),
            FunctionKind::Coroutine => self.types.coroutine.clone(),
            FunctionKind::AsyncGenerator => self.types.async_generator.clone(),
            FunctionKind::Plain => unreachable!("plain functions run directly"),
        };
        NativeObject::new_value(
            class,
            Rc::new({
                let mut g = Generator::new(kind, name, qualname, body, channel);
                g.origin = Some((origin_file, origin_pos));
                g
            }),
        )
    }

    /// The generator-like object behind a value, if it is one.
    #[must_use]
    pub fn as_generator(&self, v: &Value) -> Option<Rc<Generator>> {
        v.downcast::<Rc<Generator>>().cloned()
    }

    /// Polls a generator-like body once with `cx`.
    pub fn poll_body(&self, g: &Generator, cx: &mut Context<'_>) -> Poll<PyResult<Value>> {
        let mut slot = g.body.borrow_mut();
        let Some(body) = slot.as_mut() else {
            return Poll::Ready(Err(runtime_error("cannot reuse already awaited coroutine")));
        };
        g.state.set(GenState::Running);
        let depth = self.depth.get() + 1;
        if depth > self.recursion_limit.get() {
            g.state.set(GenState::Suspended);
            return Poll::Ready(Err(super::errors::recursion_limit_exceeded("")));
        }
        self.depth.set(depth);
        // The body's own handled exceptions go back on top of the
        // resumer's for the step, and come off again if it suspends.
        let base = self.handling.borrow().len();
        if !g.handling.borrow().is_empty() {
            let own = std::mem::take(&mut *g.handling.borrow_mut());
            self.handling.borrow_mut().extend(own);
        }
        let poll = body.as_mut().poll(cx);
        self.depth.set(depth - 1);
        let own = {
            let mut handling = self.handling.borrow_mut();
            (handling.len() > base).then(|| handling.split_off(base))
        };
        match poll {
            Poll::Ready(r) => {
                g.state.set(GenState::Done);
                *slot = None;
                Poll::Ready(r.map_err(|e| self.stop_iteration_escape(g, e)))
            }
            Poll::Pending => {
                if let Some(own) = own {
                    *g.handling.borrow_mut() = own;
                }
                g.state.set(GenState::Suspended);
                Poll::Pending
            }
        }
    }

    /// A `StopIteration` leaving a coroutine or async generator body becomes
    /// a `RuntimeError`, as in CPython (PEP 479).
    fn stop_iteration_escape(&self, g: &Generator, e: crate::value::Exc) -> crate::value::Exc {
        let what = match g.kind {
            FunctionKind::Coroutine => "coroutine",
            FunctionKind::AsyncGenerator => "async generator",
            _ => return e,
        };
        let class = &e.instance().class();
        let is_stop = class.is_subclass(&self.types.stop_iteration)
            || (g.kind == FunctionKind::AsyncGenerator
                && class.is_subclass(&self.types.stop_async_iteration));
        if !is_stop {
            return e;
        }
        let name = if class.is_subclass(&self.types.stop_iteration) {
            "StopIteration"
        } else {
            "StopAsyncIteration"
        };
        let err = runtime_error(format!("{what} raised {name}"));
        *err.data().cause.borrow_mut() = Some(e.value());
        *err.data().context.borrow_mut() = Some(e.value());
        err.data().suppress_context.set(true);
        err
    }

    /// Resumes a (synchronous) generator with `resume`.
    pub fn generator_resume(&self, g: &Generator, resume: Resume) -> PyResult<GenStep> {
        match g.state.get() {
            GenState::Running => return Err(value_error("generator already executing")),
            GenState::Done => {
                return match resume {
                    Resume::Throw(e) => Err(e),
                    Resume::Send(_) => Ok(GenStep::Returned(Value::None)),
                };
            }
            GenState::Created => match resume {
                Resume::Send(Value::None) => {}
                Resume::Send(_) => {
                    return Err(type_error(
                        "can't send non-None value to a just-started generator",
                    ));
                }
                Resume::Throw(e) => {
                    g.state.set(GenState::Done);
                    *g.body.borrow_mut() = None;
                    return Err(e);
                }
            },
            GenState::Suspended => *g.channel.resume.borrow_mut() = Some(resume),
        }
        let mut cx = Context::from_waker(Waker::noop());
        match self.poll_body(g, &mut cx) {
            Poll::Ready(Ok(v)) => Ok(GenStep::Returned(v)),
            Poll::Ready(Err(e)) => {
                if e.instance().class_is_subclass(&self.types.stop_iteration) {
                    let err = runtime_error("generator raised StopIteration");
                    *err.data().cause.borrow_mut() = Some(e.value());
                    *err.data().context.borrow_mut() = Some(e.value());
                    err.data().suppress_context.set(true);
                    return Err(err);
                }
                Err(e)
            }
            Poll::Pending => match g.channel.yielded.borrow_mut().take() {
                Some(v) => Ok(GenStep::Yielded(v)),
                None => Err(runtime_error("generator awaited outside an event loop")),
            },
        }
    }

    /// `next(generator)`: the next yielded value, `None` when it returns.
    pub fn generator_next(&self, g: &Generator) -> PyResult<Option<Value>> {
        match self.generator_resume(g, Resume::Send(Value::None))? {
            GenStep::Yielded(v) => Ok(Some(v)),
            GenStep::Returned(_) => Ok(None),
        }
    }

    /// The first iteration of an async generator (`__anext__`, `asend`,
    /// `athrow`, `aclose` called): with an event loop running, its hooks
    /// record the generator (for `shutdown_asyncgens`) and become its
    /// finalizer, as `sys.set_asyncgen_hooks` does in CPython.
    pub fn async_gen_first_iter(&self, g: &Generator, obj: &Value) {
        if g.hooked.replace(true) {
            return;
        }
        let lp = self.event_loop.borrow().clone();
        if let Some(lp) = lp.filter(|lp| lp.is_running())
            && let Value::Native(n) = obj
        {
            *g.finalizer.borrow_mut() = Some(Rc::downgrade(&lp));
            let mut gens = lp.asyncgens.borrow_mut();
            gens.push(Rc::downgrade(n));
            if gens.len() >= 64 && gens.len().is_power_of_two() {
                gens.retain(|w| w.strong_count() > 0);
            }
        }
    }

    /// Finalizes a generator dropped while suspended: an async generator
    /// with a live loop's hook gets `aclose()` scheduled there; anything
    /// else is closed now, errors reported as unraisable.
    fn finalize_generator(&self, g: Generator, hook: Option<std::rc::Weak<crate::runtime::Loop>>) {
        if let Some(lp) = hook.and_then(|w| w.upgrade()) {
            if !lp.closed.get() {
                crate::modules::asyncio::schedule_aclose(self, &lp, g);
            }
            return;
        }
        let closed = self.generator_close(&g);
        g.state.set(GenState::Done);
        if let Err(e) = closed {
            let class = match g.kind {
                FunctionKind::AsyncGenerator => &self.types.async_generator,
                _ => &self.types.generator,
            };
            let what = NativeObject::new_value(class.clone(), Rc::new(g));
            let text = self.repr(&what).unwrap_or_default();
            self.report_unraisable(&text, &e);
        }
    }

    /// `generator.close()`: throws `GeneratorExit` in and expects it to finish.
    pub fn generator_close(&self, g: &Generator) -> PyResult<Value> {
        match g.state.get() {
            GenState::Created => {
                g.state.set(GenState::Done);
                *g.body.borrow_mut() = None;
                return Ok(Value::None);
            }
            GenState::Done => return Ok(Value::None),
            _ => {}
        }
        let exit = super::errors::new_exception(&self.types.generator_exit, vec![]);
        match self.generator_resume(g, Resume::Throw(exit)) {
            Ok(GenStep::Yielded(_)) => Err(runtime_error("generator ignored GeneratorExit")),
            Ok(GenStep::Returned(_)) => Ok(Value::None),
            Err(e)
                if e.instance().class_is_subclass(&self.types.generator_exit)
                    || e.instance().class_is_subclass(&self.types.stop_iteration) =>
            {
                Ok(Value::None)
            }
            Err(e) => Err(e),
        }
    }
}
