//! The asyncio event loop, on tokio.
//!
//! # How asyncio maps onto tokio
//!
//! Every asyncio Task is a tokio task, spawned with `spawn_local` on a
//! `LocalSet` of tokio's current-thread runtime. What decides *when* each
//! runs is this module's ready queue, a FIFO of "call soon" entries exactly
//! like `BaseEventLoop._ready`: a task step, a done callback, a callback
//! from `call_soon`/`call_later`/`call_at`. One more tokio task, the
//! driver, runs CPython's `_run_once` loop:
//!
//! 1. if nothing is ready, wait for the earliest timer as long as CPython's
//!    selector would: the time to the deadline, rounded up to whole
//!    milliseconds (on tokio's clock for real time; under virtual time the
//!    clock jumps);
//! 2. move every due timer's callback to the ready queue, in heap order;
//! 3. run exactly the entries that were ready when the iteration began —
//!    callbacks inline; for a task step, grant the task a permit, wake its
//!    tokio task and yield, so tokio polls that task (one step of its
//!    coroutine) before the driver continues;
//! 4. stop at the iteration boundary once `loop.stop()` was called.
//!
//! Why not tokio's own primitives: `yield_now` defers its wake and wakes
//! deferred tasks in LIFO order, `JoinHandle` resumes awaiters an iteration
//! early and cannot run `except`/`finally` on abort, the timer wheel has
//! 1 ms granularity, and the cooperative budget makes tasks yield where
//! CPython never suspends. Keeping asyncio's own queue and using tokio to
//! run the steps gives CPython's order by construction:
//!
//! - `create_task` schedules the first step (the creator keeps running);
//! - `await coroutine` polls the callee inline, within the same step;
//! - `sleep(0)` (a bare yield) re-schedules the task's next step;
//! - a task blocked on a future is resumed by that future's done callback,
//!   scheduled in registration order when the future completes;
//! - timers fire in deadline order; equal deadlines in `heapq`'s order.
//!
//! The runtime never evaluates Python itself: it sees a coroutine as a
//! value the [`Host`] can poll, and callbacks as values the host can call.

pub mod clock;
pub mod future;
pub mod shuffle;
pub mod timer;
pub mod trace;

use crate::value::{Class, Exc, NativeObject, PyResult, Value};
use clock::Clock;
use future::{Fut, TaskPart, WaitReason};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::rc::{Rc, Weak};
use std::task::{Context, Poll, Waker};
use timer::{Timer, TimerHeap};

/// What the runtime needs from the interpreter.
pub trait Host {
    /// Calls a Python callable.
    fn call(&self, f: &Value, args: &[Value]) -> PyResult;
    /// Runs one step of a coroutine object.
    fn poll_coroutine(&self, coro: &Value, cx: &mut Context<'_>) -> Poll<PyResult>;
    /// Whether a coroutine object has started running.
    fn coroutine_started(&self, coro: &Value) -> bool;
    /// Closes a coroutine that will never run (a task cancelled before
    /// its first step).
    fn close_coroutine(&self, coro: &Value);
    /// Writes to the program's standard error.
    fn write_stderr(&self, text: &str);
    /// A traceback as the default exception hook prints it.
    fn render_exception(&self, e: &Exc) -> String;
    /// `repr(v)`, for messages.
    fn repr(&self, v: &Value) -> String;
    /// `file:line` of the call being made, when tracing.
    fn call_site(&self) -> Option<String>;
    /// A future's Python object went while its exception was never
    /// retrieved (CPython logs it from `Future.__del__`).
    fn future_released(&self, fut: Rc<Fut>);
    /// Runs work deferred from drops (between loop callbacks).
    fn run_finalizers(&self);
    /// When the wall-clock limit runs out, if there is one.
    fn limit_deadline(&self) -> Option<std::time::Instant>;
    /// The limit exceeded in this run, if any.
    fn limit_tripped(&self) -> Option<crate::limits::Limit>;
    /// Records that `limit` was exceeded; the `ResourceError` to raise.
    fn limit_exceeded(&self, limit: crate::limits::Limit) -> Exc;
}

/// One entry of the ready queue.
pub enum Ready {
    /// Run one step of a task.
    Step(Rc<Fut>),
    /// Call a Python done callback with a future object.
    DoneCallback(Value, Value),
    /// Call a Python callback from `call_soon`/`call_later`/`call_at`.
    Call(Rc<Handle>),
    /// Runtime-internal work.
    Native(Box<dyn FnOnce(&Loop)>),
}

/// A scheduled callback (`asyncio.Handle` / `TimerHandle`).
pub struct Handle {
    /// The callable.
    pub callback: Value,
    /// Its arguments.
    pub args: Vec<Value>,
    /// Set by `cancel()`.
    pub cancelled: Rc<Cell<bool>>,
    /// The deadline, for timer handles.
    pub when: Option<i64>,
}

/// Classes the runtime instantiates, provided by the asyncio module.
pub struct RuntimeClasses {
    /// `asyncio.Future`.
    pub future: Rc<Class>,
    /// `asyncio.Task`.
    pub task: Rc<Class>,
    /// `asyncio.CancelledError`.
    pub cancelled_error: Rc<Class>,
    /// `asyncio.InvalidStateError`.
    pub invalid_state_error: Rc<Class>,
}

/// The tokio runtime and local task set a loop's tasks live on: made on
/// first use, kept across `run_until_complete` calls (tasks outlive one
/// run), dropped by `close()`.
pub struct Driver {
    /// tokio's current-thread runtime (timers).
    pub rt: tokio::runtime::Runtime,
    /// Where the tasks are spawned.
    pub local: tokio::task::LocalSet,
}

/// Work run when the loop would otherwise wait.
pub type IdleJob = Box<dyn FnOnce(&Loop)>;

/// The event loop.
pub struct Loop {
    ready: RefCell<VecDeque<Ready>>,
    timers: RefCell<TimerHeap<Ready>>,
    /// The clock (shared by every loop of one interpreter).
    pub clock: Rc<Clock>,
    current: RefCell<Option<Rc<Fut>>>,
    tasks: RefCell<Vec<Weak<Fut>>>,
    serial: Cell<u64>,
    task_names: Rc<Cell<u64>>,
    running: Cell<bool>,
    stopping: Cell<bool>,
    /// Set when `asyncio.run` finished with this loop.
    pub closed: Cell<bool>,
    driver_waker: RefCell<Option<Waker>>,
    driver_parked: Cell<bool>,
    /// Operations outside the loop that will schedule something when done
    /// (host futures); while any is pending, an idle loop is not deadlocked.
    pub external: Cell<usize>,
    /// Tasks created and not yet finished (for the task limit).
    live_tasks: Cell<usize>,
    host: RefCell<Option<Weak<dyn Host>>>,
    /// The classes of asyncio objects.
    pub classes: RuntimeClasses,
    /// A task that ended with an exception nobody retrieved.
    unretrieved: RefCell<Vec<Rc<Fut>>>,
    /// Set when the loop found every task blocked with nothing to wake them.
    pub deadlocked: RefCell<Option<String>>,
    /// `SystemExit`/`KeyboardInterrupt` raised in a task: stops the loop and
    /// propagates out of `run_until_complete`.
    pub fatal: RefCell<Option<Exc>>,
    /// Where scheduling events go.
    pub tracer: Rc<trace::Tracer>,
    /// Async generators first iterated on this loop (`_asyncgens`, a weak
    /// set): `shutdown_asyncgens` closes the ones still alive.
    pub asyncgens: RefCell<Vec<Weak<NativeObject>>>,
    /// Set once `shutdown_asyncgens` ran.
    pub asyncgens_shutdown_called: Cell<bool>,
    driver: RefCell<Option<Rc<Driver>>>,
    /// The Python object standing for this loop, while it exists.
    pub object: RefCell<Weak<NativeObject>>,
    /// Work for when the loop would wait (`run_in_executor` jobs).
    idle_jobs: RefCell<VecDeque<IdleJob>>,
    /// Set while the loop is driven on a runtime it does not own
    /// (`asyncio.run`'s, an embedding host's): tasks are spawned there.
    hosted: Cell<bool>,
    /// Whether the host has work deferred from drops (a cheap check made
    /// after every callback, before asking the host to run it).
    finalizers_pending: Cell<fn() -> bool>,
    /// An explored schedule (`--explore`); `None` runs CPython's order.
    shuffle: Option<shuffle::LoopShuffle>,
}

impl Loop {
    /// A loop on `clock`, naming tasks with the shared counter `task_names`
    /// and reporting to `tracer`.
    #[must_use]
    pub fn new(
        clock: Rc<Clock>,
        task_names: Rc<Cell<u64>>,
        classes: RuntimeClasses,
        tracer: Rc<trace::Tracer>,
    ) -> Self {
        Self {
            ready: RefCell::new(VecDeque::new()),
            timers: RefCell::new(TimerHeap::default()),
            clock,
            current: RefCell::new(None),
            tasks: RefCell::new(Vec::new()),
            serial: Cell::new(0),
            task_names,
            running: Cell::new(false),
            stopping: Cell::new(false),
            closed: Cell::new(false),
            driver_waker: RefCell::new(None),
            driver_parked: Cell::new(false),
            external: Cell::new(0),
            live_tasks: Cell::new(0),
            host: RefCell::new(None),
            classes,
            unretrieved: RefCell::new(Vec::new()),
            deadlocked: RefCell::new(None),
            fatal: RefCell::new(None),
            tracer,
            asyncgens: RefCell::new(Vec::new()),
            asyncgens_shutdown_called: Cell::new(false),
            driver: RefCell::new(None),
            object: RefCell::new(Weak::new()),
            idle_jobs: RefCell::new(VecDeque::new()),
            hosted: Cell::new(false),
            finalizers_pending: Cell::new(|| false),
            shuffle: None,
        }
    }

    /// The same loop running the explored schedule `shuffle` instead of
    /// CPython's order (see [`shuffle`]).
    #[must_use]
    pub fn with_shuffle(mut self, shuffle: Option<Rc<shuffle::Shuffle>>) -> Self {
        self.shuffle = shuffle.map(shuffle::LoopShuffle::new);
        self
    }

    /// Reports an event about `task` when tracing.
    pub fn trace(&self, task: &Fut, kind: trace::EventKind) {
        if !self.tracer.enabled() {
            return;
        }
        let name = task_name(task);
        self.tracer
            .emit(self.clock.peek(), task.serial, &name, kind);
        let text = self.tracer.take_output();
        if !text.is_empty() {
            self.host().write_stderr(&text);
        }
    }

    /// Connects the interpreter that runs coroutines and callbacks;
    /// `pending` tells whether it has work deferred from drops.
    pub fn set_host(&self, host: Weak<dyn Host>, pending: fn() -> bool) {
        *self.host.borrow_mut() = Some(host);
        self.finalizers_pending.set(pending);
    }

    /// Runs the host's work deferred from drops, if there is any.
    fn run_finalizers(&self) {
        if (self.finalizers_pending.get())() {
            self.host().run_finalizers();
        }
    }

    /// The interpreter running this loop.
    pub fn host(&self) -> Rc<dyn Host> {
        self.host
            .borrow()
            .as_ref()
            .and_then(Weak::upgrade)
            .expect("the interpreter outlives its event loop")
    }

    /// Calls a cancel hook with the message; its truth is the result
    /// (errors are reported and count as false).
    pub fn call_hook(&self, hook: &Value, msg: Option<Value>) -> bool {
        let host = self.host();
        match host.call(hook, &[msg.unwrap_or(Value::None)]) {
            Ok(Value::Bool(b)) => b,
            Ok(_) => false,
            Err(e) => {
                report_callback_error(self, &host, hook, &e);
                false
            }
        }
    }

    /// Tasks created and not yet finished.
    #[must_use]
    pub fn live_tasks(&self) -> usize {
        self.live_tasks.get()
    }

    /// Stops the loop because `limit` was exceeded: `run_until_complete`
    /// returns and the `ResourceError` propagates like `SystemExit`.
    fn exceeded(&self, limit: crate::limits::Limit) {
        let exc = self.host().limit_exceeded(limit);
        self.fatal.borrow_mut().get_or_insert(exc);
        self.stop();
    }

    /// Whether `run_until_complete` is in progress.
    #[must_use]
    pub fn is_running(&self) -> bool {
        self.running.get()
    }

    /// The task whose step is running.
    #[must_use]
    pub fn current_task(&self) -> Option<Rc<Fut>> {
        self.current.borrow().clone()
    }

    /// Tasks not yet done, in creation order.
    #[must_use]
    pub fn pending_tasks(&self) -> Vec<Rc<Fut>> {
        let mut tasks = self.tasks.borrow_mut();
        tasks.retain(|w| w.upgrade().is_some_and(|t| !t.done()));
        tasks.iter().filter_map(Weak::upgrade).collect()
    }

    /// A fresh serial number for a new future.
    pub fn next_serial(&self) -> u64 {
        let s = self.serial.get() + 1;
        self.serial.set(s);
        s
    }

    /// The next default task name, `Task-N` (counted across loops, as in
    /// CPython where the counter is module-global).
    pub fn next_task_name(&self) -> String {
        let n = self.task_names.get() + 1;
        self.task_names.set(n);
        format!("Task-{n}")
    }

    /// Appends to the ready queue (`call_soon`).
    pub fn schedule(&self, entry: Ready) {
        if self.tracer.wants_scheduling()
            && let Ready::Step(t) = &entry
        {
            self.trace(t, trace::EventKind::Scheduled);
        }
        if let Some(s) = &self.shuffle {
            s.note(stepped_task(&entry));
        }
        self.ready.borrow_mut().push_back(entry);
        if self.driver_parked.get()
            && let Some(w) = self.driver_waker.borrow().as_ref()
        {
            w.wake_by_ref();
        }
    }

    /// Schedules `entry` to run at `when` (`call_at`); setting `cancelled`
    /// later cancels it.
    pub fn schedule_at(&self, when: i64, entry: Ready, cancelled: Rc<Cell<bool>>) {
        self.timers.borrow_mut().push(Timer {
            when,
            cancelled,
            payload: entry,
        });
        if self.driver_parked.get()
            && let Some(w) = self.driver_waker.borrow().as_ref()
        {
            w.wake_by_ref();
        }
    }

    /// The runtime the loop's tasks run on (made on first use).
    ///
    /// # Errors
    /// When tokio cannot start a runtime.
    pub fn driver(&self) -> std::io::Result<Rc<Driver>> {
        if let Some(d) = self.driver.borrow().as_ref() {
            return Ok(d.clone());
        }
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()?;
        let d = Rc::new(Driver {
            rt,
            local: tokio::task::LocalSet::new(),
        });
        *self.driver.borrow_mut() = Some(d.clone());
        Ok(d)
    }

    /// `close()`: drops the runtime and whatever tasks are left on it.
    pub fn close(&self) {
        self.closed.set(true);
        self.ready.borrow_mut().clear();
        let driver = self.driver.borrow_mut().take();
        drop(driver);
    }

    /// Marks the loop as driven on the current (not its own) runtime
    /// until the guard is dropped.
    pub fn hosted(&self) -> Hosted<'_> {
        Hosted(self, self.hosted.replace(true))
    }

    /// Runs `f` where tasks can be spawned: inside the loop's tokio
    /// context (entered here when the loop is neither running nor hosted).
    pub fn in_context<R>(&self, f: impl FnOnce() -> R) -> R {
        if self.running.get() || self.hosted.get() {
            return f();
        }
        match self.driver() {
            Ok(d) => {
                let _local = d.local.enter();
                let _rt = d.rt.enter();
                f()
            }
            Err(_) => f(),
        }
    }

    /// Runs the loop until `done` completes, or until `stop()` when it is
    /// `None` (`run_until_complete` / `run_forever`).
    ///
    /// # Errors
    /// When tokio cannot start a runtime.
    pub fn run(self: &Rc<Self>, done: Option<&Rc<Fut>>) -> std::io::Result<()> {
        let d = self.driver()?;
        if let Some(f) = done {
            self.run_until_complete(&d.local, &d.rt, f);
        } else {
            self.running.set(true);
            d.local.block_on(&d.rt, run_loop(self.clone()));
            self.running.set(false);
            self.stopping.set(false);
        }
        Ok(())
    }

    /// Runs `job` the next time nothing is ready (before the loop waits).
    pub fn when_idle(&self, job: IdleJob) {
        self.idle_jobs.borrow_mut().push_back(job);
        if self.driver_parked.get()
            && let Some(w) = self.driver_waker.borrow().as_ref()
        {
            w.wake_by_ref();
        }
    }

    /// Records that a timer was cancelled (for heap housekeeping).
    pub fn timer_cancelled(&self) {
        self.timers.borrow_mut().note_cancelled();
    }

    /// `loop.stop()`: finish the current iteration, then return.
    pub fn stop(&self) {
        self.stopping.set(true);
    }

    /// Creates a future object of class `class` (Future or Task).
    pub fn new_future_object(self: &Rc<Self>, task: Option<TaskPart>) -> (Rc<Fut>, Value) {
        let class = if task.is_some() {
            &self.classes.task
        } else {
            &self.classes.future
        };
        let fut = Rc::new(Fut::new(task, self.next_serial()));
        let value = NativeObject::new_value(
            class.clone(),
            future::FutObject(fut.clone(), self.host.borrow().clone()),
        );
        if let Value::Native(n) = &value {
            *fut.object.borrow_mut() = Rc::downgrade(n);
        }
        (fut, value)
    }

    /// `loop.create_task(coro, name=)`: spawns a tokio task for the
    /// coroutine and schedules its first step. As in CPython, only a task
    /// without a name takes a number of the `Task-N` counter (the module
    /// function `asyncio.create_task(name=)` takes one anyway: it names the
    /// task after creating it).
    pub fn create_task(self: &Rc<Self>, coro: Value, name: Option<Value>) -> (Rc<Fut>, Value) {
        let name = name.unwrap_or_else(|| Value::str(self.next_task_name()));
        let part = TaskPart {
            coro,
            name: RefCell::new(name),
            must_cancel: Cell::new(false),
            cancel_message: RefCell::new(None),
            num_cancels: Cell::new(0),
            fut_waiter: RefCell::new(None),
            throw: RefCell::new(None),
            waker: RefCell::new(None),
            permit: Cell::new(false),
            started: Cell::new(false),
            waiting: RefCell::new(WaitReason::None),
            await_site: RefCell::new(None),
            keep_alive: RefCell::new(None),
        };
        let (task, value) = self.new_future_object(Some(part));
        *task.task().expect("a task").keep_alive.borrow_mut() = Some(value.clone());
        if self.tracer.enabled() {
            let by = self.current_task().map(|c| task_name(&c));
            let site = self
                .host()
                .call_site()
                .map(|s| crate::source::report_site(&s));
            self.trace(&task, trace::EventKind::Created { by, site });
        }
        self.tasks.borrow_mut().push(Rc::downgrade(&task));
        self.live_tasks.set(self.live_tasks.get() + 1);
        self.in_context(|| {
            tokio::task::spawn_local(TaskDriver {
                task: task.clone(),
                lp: self.clone(),
            })
        });
        self.schedule(Ready::Step(task.clone()));
        (task, value)
    }

    /// The `CancelledError` a cancelled future raises.
    #[must_use]
    pub fn cancelled_error(&self, fut: &Fut) -> Exc {
        if let Some(e) = fut.cancelled_exc.borrow_mut().take() {
            return e;
        }
        let args = fut.cancel_message.borrow().clone().into_iter().collect();
        crate::value::exception::new_exception(&self.classes.cancelled_error, args)
    }

    /// `future.result()`: the value, the exception, or `CancelledError`.
    pub fn result_of(&self, fut: &Fut) -> PyResult {
        match fut.state() {
            future::FutState::Cancelled => Err(self.cancelled_error(fut)),
            future::FutState::Pending => Err(crate::value::exception::new_exception(
                &self.classes.invalid_state_error,
                vec![Value::str("Result is not set.")],
            )),
            future::FutState::Finished => {
                fut.log_traceback.set(false);
                fut.outcome().unwrap_or(Ok(Value::None))
            }
        }
    }

    /// Runs one step of `task` (called from its tokio task).
    fn step(self: &Rc<Self>, task: &Rc<Fut>, cx: &mut Context<'_>) -> Poll<()> {
        let t = task.task().expect("a task");
        if task.done() {
            return Poll::Ready(());
        }
        let host = self.host();
        t.fut_waiter.borrow_mut().take();
        *t.waiting.borrow_mut() = WaitReason::None;
        if t.must_cancel.replace(false) {
            let msg = t.cancel_message.borrow().clone();
            let exc = crate::value::exception::new_exception(
                &self.classes.cancelled_error,
                msg.into_iter().collect(),
            );
            if !host.coroutine_started(&t.coro) {
                host.close_coroutine(&t.coro);
                *task.cancelled_exc.borrow_mut() = Some(exc);
                task.cancel_future(self, t.cancel_message.borrow().clone());
                return Poll::Ready(());
            }
            *t.throw.borrow_mut() = Some(exc);
        }
        if self.tracer.enabled() {
            let kind = if t.started.get() {
                trace::EventKind::Resumed
            } else {
                trace::EventKind::Started
            };
            self.trace(task, kind);
        }
        t.started.set(true);
        let previous = self.current.replace(Some(task.clone()));
        let poll = host.poll_coroutine(&t.coro, cx);
        *self.current.borrow_mut() = previous;
        t.throw.borrow_mut().take();
        if self.tracer.enabled() {
            self.trace_step_end(task, &poll);
        }
        match poll {
            Poll::Pending => Poll::Pending,
            Poll::Ready(Ok(v)) => {
                if t.must_cancel.replace(false) {
                    let msg = t.cancel_message.borrow().clone();
                    task.cancel_future(self, msg);
                } else {
                    task.finish(self, Ok(v));
                }
                Poll::Ready(())
            }
            Poll::Ready(Err(e)) => {
                if e.instance()
                    .class()
                    .is_subclass(&self.classes.cancelled_error)
                {
                    *task.cancelled_exc.borrow_mut() = Some(e);
                    task.cancel_future(self, None);
                } else if is_fatal(&e) {
                    task.finish(self, Err(e.clone()));
                    task.log_traceback.set(false);
                    // The first fatal exception is the one reported.
                    self.fatal.borrow_mut().get_or_insert(e);
                    self.stop();
                } else {
                    task.finish(self, Err(e));
                    self.unretrieved.borrow_mut().push(task.clone());
                }
                Poll::Ready(())
            }
        }
    }

    fn trace_step_end(&self, task: &Rc<Fut>, poll: &Poll<PyResult>) {
        let t = task.task().expect("a task");
        let kind = match poll {
            Poll::Pending => {
                let (on, until) = match &*t.waiting.borrow() {
                    WaitReason::None => ("the next iteration (sleep(0))".to_string(), None),
                    WaitReason::Sleep(when) => (
                        format!(
                            "sleep until {:.6}",
                            clock::ns_to_secs(*when - self.tracer_origin())
                        ),
                        Some(*when),
                    ),
                    WaitReason::Future(d) => (d.clone(), None),
                };
                trace::EventKind::Suspended {
                    on,
                    site: t
                        .await_site
                        .borrow()
                        .as_deref()
                        .map(crate::source::report_site),
                    until,
                }
            }
            Poll::Ready(Ok(v)) => trace::EventKind::Finished(self.host().repr(v)),
            Poll::Ready(Err(e))
                if e.instance()
                    .class()
                    .is_subclass(&self.classes.cancelled_error) =>
            {
                trace::EventKind::Cancelled
            }
            Poll::Ready(Err(e)) => {
                let host = self.host();
                let msg = host.repr(&e.value());
                trace::EventKind::Failed(msg)
            }
        };
        self.trace(task, kind);
    }

    /// Loop time of the first traced event (deadlines are shown relative to it).
    fn tracer_origin(&self) -> i64 {
        self.tracer.origin().unwrap_or(0)
    }

    /// Runs the loop until `done` is complete (`run_until_complete`).
    pub fn run_until_complete(
        self: &Rc<Self>,
        local: &tokio::task::LocalSet,
        rt: &tokio::runtime::Runtime,
        done: &Rc<Fut>,
    ) {
        let lp = self.clone();
        done.add_callback(
            self,
            future::DoneCallback::Native(Box::new(|lp: &Loop, _f: &Rc<Fut>| lp.stop())),
        );
        self.running.set(true);
        local.block_on(rt, run_loop(lp));
        self.running.set(false);
        self.stopping.set(false);
    }

    /// Runs the loop until `done` is complete, on the tokio runtime and
    /// `LocalSet` that poll the returned future (an embedding host's).
    pub async fn run_until_complete_async(self: &Rc<Self>, done: &Rc<Fut>) {
        /// Resets the running state even when the host drops the future.
        struct Running<'a>(&'a Loop);
        impl Drop for Running<'_> {
            fn drop(&mut self) {
                self.0.running.set(false);
                self.0.stopping.set(false);
            }
        }
        done.add_callback(
            self,
            future::DoneCallback::Native(Box::new(|lp: &Loop, _f: &Rc<Fut>| lp.stop())),
        );
        self.running.set(true);
        let _running = Running(self);
        run_loop(self.clone()).await;
    }

    /// Reports tasks whose exception was never retrieved (and are finished).
    pub fn report_unretrieved(&self) {
        self.report_unretrieved_if(|_| true);
    }

    /// Reports, as [`Loop::report_unretrieved`] does, the finished tasks
    /// with an unretrieved exception for which `due` holds, and keeps the
    /// others for a later report. (The REPL reports a task once nothing
    /// references its object, when CPython would collect it.)
    pub fn report_unretrieved_if(&self, due: impl Fn(&Fut) -> bool) {
        let host = self.host();
        let list = std::mem::take(&mut *self.unretrieved.borrow_mut());
        let (list, kept): (Vec<_>, Vec<_>) = list.into_iter().partition(|t| due(t));
        self.unretrieved.borrow_mut().extend(kept);
        for t in list {
            if !t.log_traceback.get() {
                continue;
            }
            t.log_traceback.set(false);
            let Some(Err(e)) = t.outcome() else { continue };
            let object = t
                .object_value()
                .unwrap_or_else(|| NativeObject::new_value(self.classes.task.clone(), t.clone()));
            let obj = host.repr(&object);
            let mut text = format!("Task exception was never retrieved\nfuture: {obj}\n");
            text.push_str(&host.render_exception(&e));
            host.write_stderr(&text);
        }
    }

    /// Takes the failed tasks not reported yet (their exception unread and
    /// their object still referenced), to report them later.
    pub fn take_unretrieved(&self) -> Vec<Rc<Fut>> {
        std::mem::take(&mut *self.unretrieved.borrow_mut())
    }

    /// Whether a timer is waiting.
    #[must_use]
    pub fn has_timers(&self) -> bool {
        !self.timers.borrow().is_empty()
    }

    fn deadlock_report(&self) -> String {
        let host = self.host();
        let mut out = String::from(
            "pyco: deadlock: every task is waiting and nothing can wake them (CPython would hang here)\n",
        );
        for t in self.pending_tasks() {
            let part = t.task().expect("tasks");
            let name = host.repr(&part.name.borrow());
            let what = match &*part.waiting.borrow() {
                WaitReason::None => "nothing".to_string(),
                WaitReason::Sleep(_) => "asyncio.sleep()".to_string(),
                WaitReason::Future(d) => d.clone(),
            };
            let site = part
                .await_site
                .borrow()
                .as_deref()
                .map(|s| format!(" at {}", crate::source::report_site(s)))
                .unwrap_or_default();
            out.push_str(&format!("  Task {name} waits on {what}{site}\n"));
        }
        out
    }
}

/// While alive, a loop is driven on a runtime it does not own.
pub struct Hosted<'a>(&'a Loop, bool);

impl Drop for Hosted<'_> {
    fn drop(&mut self) {
        self.0.hosted.set(self.1);
    }
}

/// The tokio task behind one asyncio task: runs a step whenever the loop
/// grants a permit.
struct TaskDriver {
    task: Rc<Fut>,
    lp: Rc<Loop>,
}

impl Future for TaskDriver {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let t = self.task.task().expect("a task");
        {
            let mut w = t.waker.borrow_mut();
            if !w.as_ref().is_some_and(|w| w.will_wake(cx.waker())) {
                *w = Some(cx.waker().clone());
            }
        }
        if self.task.done() {
            return Poll::Ready(());
        }
        if !t.permit.replace(false) {
            return Poll::Pending;
        }
        self.lp.step(&self.task, cx)
    }
}

impl Drop for TaskDriver {
    fn drop(&mut self) {
        self.lp
            .live_tasks
            .set(self.lp.live_tasks.get().saturating_sub(1));
    }
}

/// Yields once so that tokio runs the task just woken, then resumes.
struct YieldToTask(bool);

impl Future for YieldToTask {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            Poll::Ready(())
        } else {
            self.0 = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

/// Waits for a deadline on tokio's clock, or for the loop to be woken.
struct Idle<'a> {
    lp: &'a Loop,
    sleep: Option<Pin<Box<tokio::time::Sleep>>>,
}

impl Future for Idle<'_> {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if !self.lp.ready.borrow().is_empty()
            || !self.lp.idle_jobs.borrow().is_empty()
            || self.lp.stopping.get()
        {
            return Poll::Ready(());
        }
        if let Some(s) = self.sleep.as_mut()
            && s.as_mut().poll(cx).is_ready()
        {
            return Poll::Ready(());
        }
        *self.lp.driver_waker.borrow_mut() = Some(cx.waker().clone());
        self.lp.driver_parked.set(true);
        Poll::Pending
    }
}

async fn run_loop(lp: Rc<Loop>) {
    loop {
        // Work waiting for an idle loop runs before it would wait.
        if lp.ready.borrow().is_empty() && !lp.idle_jobs.borrow().is_empty() {
            let jobs = std::mem::take(&mut *lp.idle_jobs.borrow_mut());
            for job in jobs {
                job(&lp);
            }
            lp.run_finalizers();
        }
        // Wait when nothing is ready.
        if lp.ready.borrow().is_empty() && !lp.stopping.get() {
            // A limit the script caught still ends the run once it waits.
            if let Some(limit) = lp.host().limit_tripped() {
                lp.exceeded(limit);
                return;
            }
            lp.timers.borrow_mut().purge_cancelled();
            let next = lp.timers.borrow().next_deadline();
            match next {
                Some(when) if lp.clock.is_virtual() => {
                    if lp.external.get() == 0 {
                        if !lp.clock.within_horizon(when) {
                            lp.exceeded(crate::limits::Limit::VirtualTime);
                            return;
                        }
                        lp.clock.advance_to(Clock::wait_end(lp.clock.peek(), when));
                    } else {
                        idle(&lp, None).await;
                    }
                }
                Some(when) => {
                    // Wait as long as CPython's selector would (rounded up
                    // to whole milliseconds from now), so timers due a few
                    // microseconds after this one fire in the same
                    // iteration, as they do in CPython.
                    let now = lp.clock.peek();
                    if when > now {
                        idle(&lp, Some(Clock::wait_end(now, when))).await;
                    }
                }
                None if lp.external.get() > 0 => idle(&lp, None).await,
                None => {
                    *lp.deadlocked.borrow_mut() = Some(lp.deadlock_report());
                    return;
                }
            }
            if lp
                .host()
                .limit_deadline()
                .is_some_and(|d| std::time::Instant::now() >= d)
            {
                lp.exceeded(crate::limits::Limit::Time);
                return;
            }
        }
        // Collect due timers.
        let now = lp.clock.peek();
        if let Some(s) = &lp.shuffle {
            collect_due_shuffled(&lp, s, now);
        } else {
            loop {
                let due = lp.timers.borrow_mut().pop_due(now);
                match due {
                    Some(t) => lp.ready.borrow_mut().push_back(t.payload),
                    None => break,
                }
            }
        }
        // Run what was ready when the iteration began.
        let ntodo = lp.ready.borrow().len();
        if let Some(s) = &lp.shuffle {
            s.permute(&mut lp.ready.borrow_mut(), ntodo);
        }
        for _ in 0..ntodo {
            let entry = lp.ready.borrow_mut().pop_front();
            let Some(entry) = entry else { break };
            if let Some(s) = &lp.shuffle {
                s.new_origin();
            }
            run_entry(&lp, entry).await;
        }
        if let Some(s) = &lp.shuffle {
            s.new_origin();
        }
        if lp.stopping.get() {
            return;
        }
    }
}

/// Moves due timers to the ready queue for an explored schedule: near-equal
/// deadlines in a shuffled order (under virtual time, timers due within
/// [`shuffle::TIE_WINDOW_NS`] of the last due one fire now too), all charged
/// to one origin so that distinct deadlines keep their order.
fn collect_due_shuffled(lp: &Loop, s: &shuffle::LoopShuffle, now: i64) {
    let mut due = Vec::new();
    let mut timers = lp.timers.borrow_mut();
    while let Some(t) = timers.pop_due(now) {
        due.push(t);
    }
    if lp.clock.is_virtual()
        && let Some(last) = due.last().map(|t| t.when)
    {
        while let Some(t) = timers.pop_due(last + shuffle::TIE_WINDOW_NS) {
            due.push(t);
        }
        if let Some(t) = due.last() {
            lp.clock.advance_to(t.when);
        }
    }
    drop(timers);
    s.shuffle_ties(&mut due, |t| t.when);
    s.new_origin();
    let mut ready = lp.ready.borrow_mut();
    for t in due {
        s.note(stepped_task(&t.payload));
        ready.push_back(t.payload);
    }
}

/// The task a ready entry runs a step of.
fn stepped_task(entry: &Ready) -> Option<u64> {
    match entry {
        Ready::Step(t) => Some(t.serial),
        _ => None,
    }
}

/// How long before a timer's instant the loop stops waiting on tokio's
/// timer, which has whole-millisecond ticks and may fire up to about two
/// milliseconds late; the rest of the wait is a precise thread sleep.
const COARSE_MARGIN: std::time::Duration = std::time::Duration::from_millis(2);

async fn idle(lp: &Loop, deadline: Option<i64>) {
    // Wake for the next timer, or when the wall-clock limit runs out.
    let timer = deadline.map(|d| lp.clock.instant_of(d));
    let wake = match (timer, lp.host().limit_deadline()) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    let coarse = wake.map(|d| d.checked_sub(COARSE_MARGIN).unwrap_or(d));
    let sleep = coarse.map(|d| Box::pin(tokio::time::sleep_until(d.into())));
    Idle { lp, sleep }.await;
    lp.driver_parked.set(false);
    // Like CPython's selector, end the wait close to the instant asked for:
    // timers due just after it must not fire in the same iteration.
    let woken =
        !lp.ready.borrow().is_empty() || !lp.idle_jobs.borrow().is_empty() || lp.stopping.get();
    if let Some(end) = wake
        && !woken
    {
        std::thread::sleep(end.saturating_duration_since(std::time::Instant::now()));
    }
}

async fn run_entry(lp: &Rc<Loop>, entry: Ready) {
    match entry {
        Ready::Step(task) => {
            if task.done() {
                return;
            }
            let t = task.task().expect("a task");
            t.permit.set(true);
            let waker = t.waker.borrow().clone();
            if let Some(w) = waker {
                w.wake();
                YieldToTask(false).await;
            } else {
                // The tokio task has not been polled yet: it runs its
                // first poll now, sees the permit and steps.
                YieldToTask(false).await;
                if t.permit.get() {
                    // Still not polled (tokio queue order); poll again.
                    YieldToTask(false).await;
                }
            }
            if t.permit.replace(false) {
                // The task was not polled in time; run the step from here
                // so the order stays exact.
                let waker = futures_noop_waker();
                let mut cx = Context::from_waker(&waker);
                let _ = lp.step(&task, &mut cx);
            }
        }
        Ready::DoneCallback(f, arg) => {
            let host = lp.host();
            if let Err(e) = host.call(&f, &[arg]) {
                report_callback_error(lp, &host, &f, &e);
            }
        }
        Ready::Call(handle) => {
            if handle.cancelled.get() {
                return;
            }
            let host = lp.host();
            if let Err(e) = host.call(&handle.callback, &handle.args) {
                report_callback_error(lp, &host, &handle.callback, &e);
            }
        }
        Ready::Native(f) => f(lp),
    }
    lp.run_finalizers();
}

/// A task's name as text.
#[must_use]
pub fn task_name(task: &Fut) -> String {
    match task.task().map(|t| t.name.borrow().clone()) {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => format!("future-{}", task.serial),
    }
}

/// Whether an exception ends the program even when raised inside a task:
/// `SystemExit`, `KeyboardInterrupt`, and `ResourceError` (an exceeded limit).
#[must_use]
pub fn is_fatal(e: &Exc) -> bool {
    let t = crate::types::types();
    let class = &e.instance().class();
    class.is_subclass(&t.system_exit)
        || class.is_subclass(&t.keyboard_interrupt)
        || class.is_subclass(&t.resource_error)
}

fn futures_noop_waker() -> Waker {
    Waker::noop().clone()
}

fn report_callback_error(_lp: &Loop, host: &Rc<dyn Host>, f: &Value, e: &Exc) {
    let mut text = format!("Exception in callback {}\n", host.repr(f));
    text.push_str(&host.render_exception(e));
    host.write_stderr(&text);
}
