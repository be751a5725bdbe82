//! The event loop (placeholder until asyncio lands).

pub mod clock;
pub mod module;

use crate::interp::Vm;
use crate::value::{PyResult, Value};
use std::future::Future;
use std::pin::Pin;

/// A future borrowed from the interpreter.
pub type LocalFuture<'a> = Pin<Box<dyn Future<Output = PyResult> + 'a>>;

/// Awaiting an object the runtime implements (futures, tasks, sleeps).
#[must_use]
pub fn await_native<'a>(_vm: &'a Vm, _v: &Value) -> Option<LocalFuture<'a>> {
    None
}

/// Gives up control for one loop iteration (a bare `yield` in `__await__`).
pub async fn yield_once(_vm: &Vm) -> PyResult<()> {
    crate::interp::generator::SuspendOnce::new().await;
    Ok(())
}

/// Ends the program: cancels what is left and reports never-awaited coroutines.
pub fn shutdown(_vm: &Vm) {}
