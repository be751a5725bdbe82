//! The interpreter side of a session: one module's globals, one event loop,
//! and the input being run.
//!
//! Requests from the editor arrive on a tokio channel read by a small
//! tokio task (the pump); it never runs Python itself but schedules each
//! request on the loop's ready queue, so inputs, completions and Ctrl-C
//! run between two task steps, in asyncio's order, as `python -m asyncio`
//! runs them with `call_soon_threadsafe`.
//!
//! An input that does not await runs right there, in that callback. One
//! that awaits compiles to a coroutine and runs as a task of its own
//! (`Task-N`, as in CPython), which Ctrl-C cancels; the session waits for
//! it through a done callback. `Loop::external` counts the one pending
//! read while the prompt waits, so an idle loop waits for input instead of
//! reporting a deadlock — and while an input runs, a loop where nothing
//! can happen any more is reported and the input cancelled.

use super::editor::Request;
use super::output::Output;
use super::signals::Interrupts;
use super::{complete, echo, meta};
use crate::diagnostic::{render_exception, render_syntax_error};
use crate::interp::{Frame, Vm};
use crate::ir::{Code, FunctionKind};
use crate::modules::asyncio::native_coroutine;
use crate::parser::{InteractiveError, parse_interactive};
use crate::resolve::{ResolveOptions, resolve_module};
use crate::run::Outcome;
use crate::runtime::future::{DoneCallback, Fut};
use crate::runtime::{Loop, Ready, is_fatal};
use crate::source::SourceFile;
use crate::value::{Exc, Module, Value};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use tokio::sync::mpsc::UnboundedReceiver;

/// Why the session cancelled the running input.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CancelReason {
    /// Ctrl-C.
    Interrupt,
    /// Every task waited with nothing to wake them.
    Deadlock,
}

/// Work to do when a task input ends (`:advance` prints the new time).
pub type After = Box<dyn FnOnce(&Session)>;

/// The input running as a task.
struct Running {
    task: Rc<Fut>,
    /// The task's Python object, held so that its exception is not
    /// reported as never retrieved before the session reads it.
    _object: Value,
    cancelled_by: Cell<Option<CancelReason>>,
    after: Option<After>,
}

/// One interactive session.
pub struct Session {
    /// The interpreter.
    pub vm: Rc<Vm>,
    /// The session's event loop.
    pub lp: Rc<Loop>,
    /// `__main__`, whose globals persist across inputs.
    pub module: Rc<Module>,
    /// The printer thread.
    pub out: Output,
    /// Inputs finished, shared with the editor (see `editor::Started`).
    finished: Arc<AtomicUsize>,
    /// Whether the loop runs on the virtual clock.
    pub virtual_time: bool,
    /// Ctrl-C bookkeeping shared with the signal thread.
    pub interrupts: Arc<Interrupts>,
    running: RefCell<Option<Running>>,
    /// Completed when the session ends.
    pub end: Rc<Fut>,
    exit_code: Cell<i32>,
}

impl Session {
    /// A session running inputs in `module` on `lp`.
    pub fn new(
        vm: Rc<Vm>,
        lp: Rc<Loop>,
        module: Rc<Module>,
        out: Output,
        finished: Arc<AtomicUsize>,
        virtual_time: bool,
        interrupts: Arc<Interrupts>,
    ) -> Rc<Self> {
        let (end, _) = lp.new_future_object(None);
        Rc::new(Self {
            vm,
            lp,
            module,
            out,
            finished,
            virtual_time,
            interrupts,
            running: RefCell::new(None),
            end,
            exit_code: Cell::new(0),
        })
    }

    /// The process exit status once the session is over.
    #[must_use]
    pub fn exit_code(&self) -> i32 {
        self.exit_code.get()
    }

    /// Runs `work` on the loop, between two steps.
    pub fn soon(self: &Rc<Self>, work: impl FnOnce(&Rc<Session>) + 'static) {
        let session = self.clone();
        self.lp
            .schedule(Ready::Native(Box::new(move |_: &Loop| work(&session))));
    }

    /// Compiles and runs one complete input.
    pub fn run_input(self: &Rc<Self>, source: String) {
        let file = SourceFile::new("<stdin>", source);
        let parsed = match parse_interactive(file.text()) {
            Ok(m) => m,
            Err(InteractiveError::Invalid(e)) => {
                self.vm.write_stderr(&render_syntax_error(&e, &file));
                return self.input_finished();
            }
            Err(InteractiveError::Incomplete) => return self.input_finished(),
        };
        let options = ResolveOptions {
            top_level_await: true,
        };
        let code = match resolve_module(&parsed, file.clone(), &self.module.globals, options) {
            Ok(c) => echo::add_display_hook(c),
            Err(e) => {
                self.vm.write_stderr(&render_syntax_error(&e, &file));
                return self.input_finished();
            }
        };
        if code.function_kind == FunctionKind::Coroutine {
            let coro = module_coroutine(&self.vm, code, self.module.clone());
            self.run_task(coro, None);
            return;
        }
        self.interrupts.running_sync(true);
        let result = self.vm.run_module_code(&code, &self.module);
        let pressed = self.interrupts.running_sync(false);
        if let Err(e) = result {
            if pressed {
                // Start below the ^C the terminal echoed.
                self.vm.write_stderr("\n");
            }
            self.report(&e);
        }
        self.input_finished();
    }

    /// Runs `coro` as the input's task; `after` runs when it is done.
    pub fn run_task(self: &Rc<Self>, coro: Value, after: Option<After>) {
        let (task, object) = self.lp.create_task(coro, None);
        *self.running.borrow_mut() = Some(Running {
            task: task.clone(),
            _object: object,
            cancelled_by: Cell::new(None),
            after,
        });
        let session = self.clone();
        task.add_callback(
            &self.lp,
            DoneCallback::Native(Box::new(move |_: &Loop, t: &Rc<Fut>| {
                session.task_finished(t);
            })),
        );
    }

    fn task_finished(&self, task: &Rc<Fut>) {
        let running = self.running.borrow_mut().take();
        let reason = running.as_ref().and_then(|r| r.cancelled_by.get());
        if task.cancelled() {
            match reason {
                Some(CancelReason::Interrupt) => self.vm.write_stderr("\nKeyboardInterrupt\n"),
                Some(CancelReason::Deadlock) => {}
                None => self.report(&self.lp.cancelled_error(task)),
            }
        } else if let Some(Err(e)) = task.outcome() {
            task.log_traceback.set(false);
            // SystemExit and KeyboardInterrupt stop the loop: the driver
            // reports them.
            if !is_fatal(&e) {
                self.report(&e);
            }
        }
        if let Some(after) = running.and_then(|r| r.after) {
            after(self);
        }
        self.input_finished();
    }

    /// Prints an exception that ended an input (`SystemExit` ends the
    /// session instead).
    pub fn report(&self, e: &Exc) {
        match crate::run::uncaught(&self.vm, e) {
            Outcome::Finished => self.end_session(0),
            Outcome::Exit(code) => self.end_session(code),
            Outcome::SyntaxError(_) | Outcome::Uncaught(_) => {}
        }
    }

    /// The input is over: let the editor prompt again.
    pub fn input_finished(&self) {
        if self.end.done() {
            return;
        }
        self.report_lost_exceptions();
        self.vm.stdout.borrow().clone().flush();
        self.lp.external.set(self.lp.external.get() + 1);
        self.finished.fetch_add(1, Ordering::SeqCst);
        self.out.ready();
    }

    /// "Task exception was never retrieved" for finished tasks nothing
    /// refers to any more (CPython prints it when it collects them).
    pub fn report_lost_exceptions(&self) {
        self.lp
            .report_unretrieved_if(|t| t.object.borrow().strong_count() == 0);
    }

    /// Ends the session with `code`.
    pub fn end_session(&self, code: i32) {
        if !self.end.done() {
            self.exit_code.set(code);
            self.end.finish(&self.lp, Ok(Value::None));
        }
    }

    /// Ctrl-C: cancel the input's task, if one runs.
    pub fn interrupt(&self) {
        self.interrupts.answered();
        let task = match self.running.borrow().as_ref() {
            Some(r) if r.cancelled_by.get().is_none() => {
                r.cancelled_by.set(Some(CancelReason::Interrupt));
                r.task.clone()
            }
            _ => return,
        };
        task.cancel(&self.lp, None);
    }

    /// The loop stopped on `SystemExit` or `KeyboardInterrupt` raised in a
    /// task.
    pub fn fatal(&self, e: &Exc) {
        if e.instance()
            .class()
            .is_subclass(&self.vm.types.keyboard_interrupt)
        {
            if self.interrupts.pressed() {
                self.vm.write_stderr("\n");
            }
            self.vm.write_stderr(&render_exception(&self.vm, e));
        } else {
            self.report(e);
        }
    }

    /// Every task waits and nothing can wake them: report it and cancel
    /// the input (CPython would hang until Ctrl-C). False when no input
    /// runs, which leaves nothing to wait for.
    pub fn deadlocked(&self, report: &str) -> bool {
        let task = match self.running.borrow().as_ref() {
            Some(r) => {
                r.cancelled_by.set(Some(CancelReason::Deadlock));
                r.task.clone()
            }
            None => return false,
        };
        self.vm.write_stderr(report);
        self.vm
            .write_stderr("pyco: cancelled the input (CPython would wait for Ctrl-C)\n");
        task.cancel(&self.lp, None);
        true
    }
}

/// Takes requests from the editor and the signal thread onto the loop.
pub async fn pump(session: Rc<Session>, mut requests: UnboundedReceiver<Request>) {
    while let Some(request) = requests.recv().await {
        match request {
            Request::Run(source) => {
                session.waiting_done();
                session.soon(move |s| s.run_input(source));
            }
            Request::Meta(line) => {
                session.waiting_done();
                session.soon(move |s| meta::run(s, &line));
            }
            Request::Complete { line, pos, reply } => session.soon(move |s| {
                let _ = reply.send(complete::complete(&s.vm, &s.module, &line, pos));
            }),
            Request::Interrupt => session.soon(|s| s.interrupt()),
            Request::Eof => session.soon(|s| s.end_session(0)),
        }
    }
    session.soon(|s| s.end_session(0));
}

impl Session {
    /// An input arrived: the loop no longer waits on the editor.
    fn waiting_done(&self) {
        self.lp
            .external
            .set(self.lp.external.get().saturating_sub(1));
    }
}

/// Reports lost task exceptions every so often while the prompt waits.
pub async fn watch_lost_exceptions(session: Rc<Session>) {
    loop {
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
        if session.end.done() {
            return;
        }
        session.soon(|s| s.report_lost_exceptions());
    }
}

/// The coroutine that runs an input whose top level awaits, in the
/// session's globals (CPython's `PyCF_ALLOW_TOP_LEVEL_AWAIT`).
fn module_coroutine(vm: &Vm, code: Rc<Code>, module: Rc<Module>) -> Value {
    let vm_rc = vm.rc();
    native_coroutine(vm, "<module>", async move {
        let mut frame = Frame::for_module(&code, &module);
        match vm_rc.exec_block_async(&code.body, &mut frame).await {
            Ok(_) => Ok(Value::None),
            Err(e) => {
                frame.record_traceback(&e);
                Err(e)
            }
        }
    })
}
