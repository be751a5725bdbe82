//! Awaiting a host's Rust future from a script's task.
//!
//! The future runs as a tokio task of its own (`spawn_local`, on the
//! `LocalSet` that runs the event loop); the awaiting task waits on an
//! asyncio future that the tokio task completes. While it is pending the
//! loop counts it as outside work, so an otherwise idle loop waits for it
//! instead of reporting a deadlock. When the awaiting task is cancelled
//! (or the coroutine is dropped) the host future is dropped at once.

use super::Error;
use crate::interp::Vm;
use crate::modules::asyncio::{leaves::await_future, native_coroutine, running_loop};
use crate::runtime::Loop;
use crate::runtime::future::Fut;
use crate::value::{PyResult, Value};
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

type HostFuture = Pin<Box<dyn Future<Output = PyResult>>>;
type Slot = Rc<RefCell<Option<HostFuture>>>;

/// A coroutine object that, when run, awaits `fut` on the running loop.
pub(crate) fn host_coroutine(
    vm: &Vm,
    name: &'static str,
    fut: impl Future<Output = Result<Value, Error>> + 'static,
) -> Value {
    let vm_rc = vm.rc();
    native_coroutine(vm, name, async move {
        let lp = running_loop(&vm_rc)?;
        let converter = vm_rc.clone();
        let fut: HostFuture =
            Box::pin(async move { fut.await.map_err(|e| e.into_exc(&converter)) });
        await_host(&vm_rc, &lp, name, fut).await
    })
}

async fn await_host(vm: &Vm, lp: &Rc<Loop>, name: &str, fut: HostFuture) -> PyResult {
    let target = Rc::new(Fut::new(None, lp.next_serial()));
    *target.label.borrow_mut() = Some(format!("host function {name}()"));
    let slot: Slot = Rc::new(RefCell::new(Some(fut)));
    lp.external.set(lp.external.get() + 1);
    let handle = tokio::task::spawn_local(Pump {
        slot: slot.clone(),
        target: target.clone(),
        lp: lp.clone(),
    });
    let _cancel = DropOnExit {
        slot,
        lp: lp.clone(),
        handle,
    };
    await_future(vm, target).await
}

/// The tokio task driving a host future and completing the asyncio future.
struct Pump {
    slot: Slot,
    target: Rc<Fut>,
    lp: Rc<Loop>,
}

impl Future for Pump {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let Ok(mut slot) = self.slot.try_borrow_mut() else {
            return Poll::Pending;
        };
        let Some(fut) = slot.as_mut() else {
            return Poll::Ready(());
        };
        let Poll::Ready(outcome) = fut.as_mut().poll(cx) else {
            return Poll::Pending;
        };
        let finished = slot.take();
        drop(slot);
        drop(finished);
        self.lp.external.set(self.lp.external.get() - 1);
        if !self.target.done() {
            self.target.finish(&self.lp, outcome);
        }
        Poll::Ready(())
    }
}

/// Drops a host future still pending when the awaiting coroutine stops
/// waiting (cancelled, or dropped unfinished).
struct DropOnExit {
    slot: Slot,
    lp: Rc<Loop>,
    handle: tokio::task::JoinHandle<()>,
}

impl Drop for DropOnExit {
    fn drop(&mut self) {
        let pending = self.slot.try_borrow_mut().ok().and_then(|mut s| s.take());
        if let Some(fut) = pending {
            drop(fut);
            self.lp.external.set(self.lp.external.get() - 1);
        }
        self.handle.abort();
    }
}
