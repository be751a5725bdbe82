//! The interpreter as the event loop's [`Host`].

use crate::interp::Vm;
use crate::interp::generator::GenState;
use crate::runtime::Host;
use crate::runtime::future::Fut;
use crate::value::{Exc, PyResult, Value};
use std::rc::Rc;
use std::task::{Context, Poll};

impl Host for Vm {
    fn call(&self, f: &Value, args: &[Value]) -> PyResult {
        Vm::call(self, f, args, &[])
    }

    fn poll_coroutine(&self, coro: &Value, cx: &mut Context<'_>) -> Poll<PyResult> {
        // Each step starts with no await noted, so a step that suspends
        // without a user-code `await` (a task made from a native coroutine
        // such as `asyncio.sleep(...)`) is not given another task's site.
        *self.await_site.borrow_mut() = crate::interp::AwaitSite::default();
        match self.as_generator(coro) {
            Some(g) => self.poll_body(&g, cx),
            None => Poll::Ready(Err(crate::interp::errors::type_error(
                "a task's coroutine is not a coroutine",
            ))),
        }
    }

    fn coroutine_started(&self, coro: &Value) -> bool {
        self.as_generator(coro)
            .is_some_and(|g| g.state.get() != GenState::Created)
    }

    fn close_coroutine(&self, coro: &Value) {
        if let Some(g) = self.as_generator(coro) {
            g.state.set(GenState::Done);
            g.body.borrow_mut().take();
        }
    }

    fn write_stderr(&self, text: &str) {
        Vm::write_stderr(self, text);
    }

    fn render_exception(&self, e: &Exc) -> String {
        crate::diagnostic::render_exception(self, e)
    }

    fn repr(&self, v: &Value) -> String {
        Vm::repr(self, v).unwrap_or_else(|_| "<object>".into())
    }

    fn call_site(&self) -> Option<String> {
        self.call_site.borrow().clone()
    }

    fn run_finalizers(&self) {
        Vm::run_finalizers(self, None);
    }

    fn future_released(&self, fut: Rc<Fut>) {
        crate::interp::finalize::defer(Box::new(move |vm, _| {
            super::future::report_never_retrieved(vm, &fut);
        }));
    }

    fn limit_deadline(&self) -> Option<std::time::Instant> {
        self.budget.deadline()
    }

    fn limit_tripped(&self) -> Option<crate::limits::Limit> {
        self.budget.tripped()
    }

    fn limit_exceeded(&self, limit: crate::limits::Limit) -> Exc {
        self.budget.trip(limit)
    }
}
