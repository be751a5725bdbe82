//! The points where a task actually suspends: awaiting a future (or task),
//! yielding for one iteration, sleeping.
//!
//! Each is a small future polled inside the task's step. On the first poll
//! it registers the task with the loop (as a done callback of the future,
//! or as a ready entry) and returns `Pending`; the loop resumes the task by
//! scheduling a step, and the second poll delivers the outcome — or an
//! exception thrown into the task (cancellation) in the meantime.

use super::future::fut_of;
use super::running_loop;
use crate::interp::Vm;
use crate::interp::errors::runtime_error;
use crate::runtime::future::{DoneCallback, Fut, WaitReason};
use crate::runtime::{Loop, Ready};
use crate::value::{PyResult, Value};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

/// Awaiting an object the runtime implements: a Future or Task.
pub fn await_native<'a>(
    vm: &'a Vm,
    v: &Value,
) -> Option<Pin<Box<dyn Future<Output = PyResult> + 'a>>> {
    let fut = fut_of(v)?;
    Some(Box::pin(await_future(vm, fut)))
}

/// `await fut`.
pub async fn await_future(vm: &Vm, fut: Rc<Fut>) -> PyResult {
    let lp = match vm.event_loop.borrow().as_ref() {
        Some(lp) => lp.clone(),
        None => return Err(runtime_error("await wasn't used with future")),
    };
    let vm_site = vm.await_site.borrow().clone();
    AwaitFut {
        lp,
        fut,
        registered: false,
        describe: true,
        vm_site,
    }
    .await
}

struct AwaitFut {
    lp: Rc<Loop>,
    fut: Rc<Fut>,
    registered: bool,
    describe: bool,
    vm_site: crate::interp::AwaitSite,
}

impl Future for AwaitFut {
    type Output = PyResult;
    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<PyResult> {
        let lp = self.lp.clone();
        if !self.registered {
            if self.fut.done() {
                return Poll::Ready(lp.result_of(&self.fut));
            }
            let Some(task) = lp.current_task() else {
                return Poll::Ready(Err(runtime_error("await wasn't used with future")));
            };
            if Rc::ptr_eq(&task, &self.fut) {
                return Poll::Ready(Err(runtime_error("Task cannot await on itself")));
            }
            let t = task.task().expect("current task is a task");
            self.fut
                .add_callback(&lp, DoneCallback::WakeTask(task.clone()));
            *t.fut_waiter.borrow_mut() = Some(self.fut.clone());
            let site = self.vm_site.clone();
            if self.describe {
                let what = match &site.inner {
                    Some(name) => format!("{name}()"),
                    None => describe(&self.fut),
                };
                *t.waiting.borrow_mut() = WaitReason::Future(what);
            }
            // No user-code await noted in this step: the task is still in
            // the await its last step stopped at (an asyncio primitive
            // waiting again), or it never awaited in user code; keep the
            // site it had.
            if site.user.is_some() {
                *t.await_site.borrow_mut() = site.location();
            }
            if t.must_cancel.get() {
                let msg = t.cancel_message.borrow().clone();
                if self.fut.cancel(&lp, msg) {
                    t.must_cancel.set(false);
                }
            }
            self.registered = true;
            return Poll::Pending;
        }
        let thrown = lp
            .current_task()
            .and_then(|task| task.task().and_then(|t| t.throw.borrow_mut().take()));
        if !self.fut.done() {
            return match thrown {
                Some(exc) => Poll::Ready(Err(exc)),
                None => Poll::Pending,
            };
        }
        let outcome = lp.result_of(&self.fut);
        // A pending cancellation is delivered as the awaited future's own
        // CancelledError when it has one (Task.__step keeps it).
        match (thrown, outcome) {
            (Some(exc), Err(e))
                if !e
                    .instance()
                    .class()
                    .is_subclass(&lp.classes.cancelled_error) =>
            {
                let _ = e;
                Poll::Ready(Err(exc))
            }
            (Some(exc), Ok(_)) => Poll::Ready(Err(exc)),
            (_, outcome) => Poll::Ready(outcome),
        }
    }
}

fn describe(fut: &Fut) -> String {
    if let Some(label) = fut.label.borrow().as_ref() {
        return label.clone();
    }
    match fut.task() {
        Some(t) => match &*t.name.borrow() {
            Value::Str(s) => format!("Task '{}'", s.as_str()),
            _ => "a task".into(),
        },
        None => "a future".into(),
    }
}

/// A bare `yield` inside a task: run again in the next iteration
/// (`asyncio.sleep(0)`).
pub async fn yield_once(vm: &Vm) -> PyResult<()> {
    let lp = running_loop(vm).ok();
    // The trace shows where the task yielded (the deadlock report never
    // sees a ready task, so this is only needed while tracing).
    if let Some(lp) = &lp
        && lp.tracer.enabled()
        && let Some(task) = lp.current_task()
        && let Some(t) = task.task()
    {
        let site = vm.await_site.borrow();
        if site.user.is_some() {
            *t.await_site.borrow_mut() = site.location();
        }
    }
    YieldOnce { lp, yielded: false }.await
}

struct YieldOnce {
    lp: Option<Rc<Loop>>,
    yielded: bool,
}

impl Future for YieldOnce {
    type Output = PyResult<()>;
    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<PyResult<()>> {
        let task = self.lp.as_ref().and_then(|lp| lp.current_task());
        if !self.yielded {
            self.yielded = true;
            if let (Some(lp), Some(task)) = (&self.lp, task) {
                lp.schedule(Ready::Step(task));
            }
            return Poll::Pending;
        }
        if let Some(task) = task
            && let Some(t) = task.task()
            && let Some(exc) = t.throw.borrow_mut().take()
        {
            return Poll::Ready(Err(exc));
        }
        Poll::Ready(Ok(()))
    }
}

/// `asyncio.sleep(secs, result)`.
pub async fn sleep(vm: &Vm, secs: f64, result: Value) -> PyResult {
    if secs <= 0.0 || secs.is_nan() {
        yield_once(vm).await?;
        return Ok(result);
    }
    let lp = running_loop(vm)?;
    let fut = Rc::new(Fut::new(None, lp.next_serial()));
    let when = lp.clock.now() + crate::runtime::clock::secs_to_ns(secs);
    let target = fut.clone();
    let value = result.clone();
    let cancelled = Rc::new(std::cell::Cell::new(false));
    lp.schedule_at(
        when,
        Ready::Native(Box::new(move |lp: &Loop| {
            if !target.done() {
                target.finish(lp, Ok(value));
            }
        })),
        cancelled.clone(),
    );
    if let Some(task) = lp.current_task()
        && let Some(t) = task.task()
    {
        *t.waiting.borrow_mut() = WaitReason::Sleep(when);
    }
    let vm_site = vm.await_site.borrow().clone();
    let outcome = AwaitFut {
        lp: lp.clone(),
        fut: fut.clone(),
        registered: false,
        describe: false,
        vm_site,
    }
    .await;
    if (!fut.done() || fut.cancelled()) && !cancelled.replace(true) {
        lp.timer_cancelled();
    }
    outcome.map(|_| result)
}
