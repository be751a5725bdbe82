//! Futures and tasks: asyncio's object model.
//!
//! A future is a state, a result, and a list of done callbacks; completing
//! it schedules each callback separately on the ready queue, in
//! registration order (a task waiting on it is one such callback). A task
//! is a future plus its coroutine, the `must_cancel` flag, and the future it
//! is currently waiting on — cancelling a task cancels that future, which
//! is how cancellation travels down a chain of awaits.

use super::{Host, Loop, Ready};
use crate::value::{Exc, NativeObject, Value};
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use std::task::Waker;

/// A future's state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FutState {
    /// Not done.
    Pending,
    /// Done with a result or an exception.
    Finished,
    /// Done by cancellation.
    Cancelled,
}

impl FutState {
    /// The name asyncio uses (`PENDING`, `FINISHED`, `CANCELLED`).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            FutState::Pending => "PENDING",
            FutState::Finished => "FINISHED",
            FutState::Cancelled => "CANCELLED",
        }
    }
}

/// Something to run when a future completes.
pub enum DoneCallback {
    /// Resume a task waiting on the future (`Task.__wakeup`).
    WakeTask(Rc<Fut>),
    /// A Python callable, called with the future.
    Python(Value),
    /// Runtime-internal work, called with the future.
    Native(NativeCallback),
}

/// What `cancel(msg)` does instead of cancelling the future itself.
#[derive(Clone)]
pub enum CancelHook {
    /// A Python callable taking the message; its truth is the result.
    Python(Value),
    /// Runtime-internal: returns whether anything was cancelled.
    Native(NativeCancel),
}

/// A runtime-internal cancel hook: given the message, cancels what it
/// stands for and returns whether anything was cancelled.
pub type NativeCancel = Rc<dyn Fn(&Loop, Option<Value>) -> bool>;

/// Runtime-internal work run when a future completes.
pub type NativeCallback = Box<dyn FnOnce(&Loop, &Rc<Fut>)>;

/// What a task is blocked on, for the deadlock report and the trace.
#[derive(Clone, Debug, Default)]
pub enum WaitReason {
    /// Not waiting (ready, running or not started).
    #[default]
    None,
    /// `asyncio.sleep` until a deadline.
    Sleep(i64),
    /// A future or task, described.
    Future(String),
}

/// The task-specific half of a [`Fut`].
pub struct TaskPart {
    /// The coroutine being run.
    pub coro: Value,
    /// `get_name()`.
    pub name: RefCell<Value>,
    /// Cancel at the next step (`_must_cancel`).
    pub must_cancel: Cell<bool>,
    /// The message for that cancellation.
    pub cancel_message: RefCell<Option<Value>>,
    /// `cancelling()`.
    pub num_cancels: Cell<u32>,
    /// The future the task is blocked on (`_fut_waiter`).
    pub fut_waiter: RefCell<Option<Rc<Fut>>>,
    /// An exception to deliver at the suspension point on the next step.
    pub throw: RefCell<Option<Exc>>,
    /// The tokio task's waker.
    pub waker: RefCell<Option<Waker>>,
    /// Set by the loop when a step may run; cleared by the step.
    pub permit: Cell<bool>,
    /// Whether the first step ran.
    pub started: Cell<bool>,
    /// What it waits on (for reports).
    pub waiting: RefCell<WaitReason>,
    /// Source position of the pending await, as `file:line`.
    pub await_site: RefCell<Option<String>>,
    /// The task's Python object, kept alive until the task is done (the
    /// loop references a pending task even when the script dropped it).
    pub keep_alive: RefCell<Option<Value>>,
}

/// An asyncio Future (and, with a [`TaskPart`], a Task).
pub struct Fut {
    state: Cell<FutState>,
    result: RefCell<Option<Result<Value, Exc>>>,
    callbacks: RefCell<Vec<DoneCallback>>,
    /// `cancel(msg)`'s message.
    pub cancel_message: RefCell<Option<Value>>,
    /// The `CancelledError` a task's coroutine raised (re-raised to awaiters).
    pub cancelled_exc: RefCell<Option<Exc>>,
    /// An exception was set and nobody has looked at it yet.
    pub log_traceback: Cell<bool>,
    /// The Python object wrapping this future.
    pub object: RefCell<Weak<NativeObject>>,
    /// Present for tasks.
    pub task: Option<TaskPart>,
    /// Creation order, for deterministic iteration of `all_tasks()`.
    pub serial: u64,
    /// What replaces `cancel(msg)` (a gathering future cancels its
    /// children instead of itself).
    pub cancel_hook: RefCell<Option<CancelHook>>,
    /// What made this future (`gather()`), for reports.
    pub label: RefCell<Option<String>>,
}

impl Fut {
    /// A pending future (or task, with `task`).
    #[must_use]
    pub fn new(task: Option<TaskPart>, serial: u64) -> Self {
        Self {
            state: Cell::new(FutState::Pending),
            result: RefCell::new(None),
            callbacks: RefCell::new(Vec::new()),
            cancel_message: RefCell::new(None),
            cancelled_exc: RefCell::new(None),
            log_traceback: Cell::new(false),
            object: RefCell::new(Weak::new()),
            task,
            serial,
            cancel_hook: RefCell::new(None),
            label: RefCell::new(None),
        }
    }

    /// The state.
    #[must_use]
    pub fn state(&self) -> FutState {
        self.state.get()
    }

    /// Whether it is done (finished or cancelled).
    #[must_use]
    pub fn done(&self) -> bool {
        self.state.get() != FutState::Pending
    }

    /// Whether it was cancelled.
    #[must_use]
    pub fn cancelled(&self) -> bool {
        self.state.get() == FutState::Cancelled
    }

    /// The task half, if this is a task.
    #[must_use]
    pub fn task(&self) -> Option<&TaskPart> {
        self.task.as_ref()
    }

    /// The Python object for this future, if it still exists.
    #[must_use]
    pub fn object_value(&self) -> Option<Value> {
        self.object.borrow().upgrade().map(Value::Native)
    }

    /// The outcome of a finished future, without marking it retrieved.
    #[must_use]
    pub fn outcome(&self) -> Option<Result<Value, Exc>> {
        self.result.borrow().clone()
    }

    /// Completes with a result and schedules the callbacks.
    pub fn finish(self: &Rc<Self>, lp: &Loop, outcome: Result<Value, Exc>) {
        debug_assert!(!self.done());
        if outcome.is_err() {
            self.log_traceback.set(true);
        }
        *self.result.borrow_mut() = Some(outcome);
        self.state.set(FutState::Finished);
        self.schedule_callbacks(lp);
    }

    /// `Future.cancel(msg)` on the future itself; false if already done.
    pub fn cancel_future(self: &Rc<Self>, lp: &Loop, msg: Option<Value>) -> bool {
        self.log_traceback.set(false);
        if self.done() {
            return false;
        }
        self.state.set(FutState::Cancelled);
        *self.cancel_message.borrow_mut() = msg;
        self.schedule_callbacks(lp);
        true
    }

    /// `Task.cancel(msg)` for tasks, `Future.cancel(msg)` otherwise.
    pub fn cancel(self: &Rc<Self>, lp: &Loop, msg: Option<Value>) -> bool {
        let hook = self.cancel_hook.borrow().clone();
        match hook {
            Some(CancelHook::Python(hook)) => return lp.call_hook(&hook, msg),
            Some(CancelHook::Native(hook)) => return hook(lp, msg),
            None => {}
        }
        let Some(t) = &self.task else {
            return self.cancel_future(lp, msg);
        };
        self.log_traceback.set(false);
        if self.done() {
            return false;
        }
        t.num_cancels.set(t.num_cancels.get() + 1);
        lp.trace(self, super::trace::EventKind::CancelRequested);
        let waiter = t.fut_waiter.borrow().clone();
        if let Some(w) = waiter
            && w.cancel(lp, msg.clone())
        {
            return true;
        }
        t.must_cancel.set(true);
        *t.cancel_message.borrow_mut() = msg;
        true
    }

    /// Registers a done callback; runs it soon if already done.
    pub fn add_callback(self: &Rc<Self>, lp: &Loop, cb: DoneCallback) {
        if self.done() {
            lp.schedule(ready_entry(self, cb));
        } else {
            self.callbacks.borrow_mut().push(cb);
        }
    }

    /// Removes Python callbacks equal to `f` (by identity); returns how many.
    pub fn remove_python_callbacks(&self, same: impl Fn(&Value) -> bool) -> usize {
        let mut cbs = self.callbacks.borrow_mut();
        let before = cbs.len();
        cbs.retain(|cb| !matches!(cb, DoneCallback::Python(f) if same(f)));
        before - cbs.len()
    }

    /// Removes a task's wake-up registration (when it stops waiting).
    pub fn remove_waker_of(&self, task: &Rc<Fut>) {
        self.callbacks
            .borrow_mut()
            .retain(|cb| !matches!(cb, DoneCallback::WakeTask(t) if Rc::ptr_eq(t, task)));
    }

    fn schedule_callbacks(self: &Rc<Self>, lp: &Loop) {
        // A done future cancels nothing; dropping the hook also breaks the
        // cycle between a gathering future and its children's state.
        self.cancel_hook.borrow_mut().take();
        let cbs = std::mem::take(&mut *self.callbacks.borrow_mut());
        for cb in cbs {
            lp.schedule(ready_entry(self, cb));
        }
        if let Some(t) = &self.task {
            t.keep_alive.borrow_mut().take();
        }
    }

    /// Number of callbacks waiting (for reprs).
    #[must_use]
    pub fn callback_count(&self) -> usize {
        self.callbacks.borrow().len()
    }
}

/// The payload of a Future/Task Python object. When the object goes while
/// its exception was never retrieved, the host is told, so it can log
/// "... exception was never retrieved" as CPython's `Future.__del__` does
/// (also after its loop is gone: an object held by a traceback or a global
/// goes only at interpreter shutdown).
pub struct FutObject(pub Rc<Fut>, pub Option<Weak<dyn Host>>);

impl Drop for FutObject {
    fn drop(&mut self) {
        if self.0.log_traceback.get()
            && let Some(host) = self.1.as_ref().and_then(Weak::upgrade)
        {
            host.future_released(self.0.clone());
        }
    }
}

fn ready_entry(fut: &Rc<Fut>, cb: DoneCallback) -> Ready {
    match cb {
        DoneCallback::WakeTask(t) => Ready::Step(t),
        DoneCallback::Python(f) => {
            Ready::DoneCallback(f, fut.object_value().unwrap_or(Value::None))
        }
        DoneCallback::Native(f) => Ready::Native(Box::new({
            let fut = fut.clone();
            // The scheduled callback keeps the future's object alive until
            // it has run, as CPython's handle does: a callback that reads
            // the exception (gather's) marks it retrieved before the object
            // can go and report it as never retrieved.
            let object = fut.object_value();
            move |lp: &Loop| {
                f(lp, &fut);
                drop(object);
            }
        })),
    }
}
