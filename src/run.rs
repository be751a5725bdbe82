//! Running a program from source to exit status: parse, resolve, execute,
//! and turn whatever escapes into CPython's stderr output and exit code.

use crate::diagnostic::{render_exception, render_syntax_error};
use crate::interp::{OutputSink, Vm};
use crate::resolve::{ResolveOptions, resolve_module};
use crate::source::SourceFile;
use crate::value::{Exc, Value};
use std::rc::Rc;

/// How a program ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Ran to the end (or `sys.exit(0)`/`sys.exit()`).
    Finished,
    /// `sys.exit(n)` with a status.
    Exit(i32),
    /// A syntax error, already rendered.
    SyntaxError(String),
    /// An uncaught exception, already rendered as a traceback.
    Uncaught(String),
}

impl Outcome {
    /// The process exit status CPython would use.
    #[must_use]
    pub fn exit_code(&self) -> i32 {
        match self {
            Outcome::Finished => 0,
            Outcome::Exit(n) => *n,
            Outcome::SyntaxError(_) | Outcome::Uncaught(_) => 1,
        }
    }
}

/// Compiles and runs `source` as the `__main__` module of `vm`, writing
/// diagnostics to the interpreter's stderr.
pub fn run_main(vm: &Rc<Vm>, file: &Rc<SourceFile>) -> Outcome {
    let module = vm.new_module("__main__", Some(file));
    module.globals.set(
        crate::value::sym::__builtins__,
        Value::Module(vm.builtins.clone()),
    );
    vm.modules
        .borrow_mut()
        .insert("__main__".into(), Value::Module(module.clone()));
    let parsed = crate::parser::parse_module(file.text());
    let code = parsed
        .and_then(|m| resolve_module(&m, file.clone(), &module.globals, ResolveOptions::default()));
    let code = match code {
        Ok(c) => c,
        Err(e) => {
            let text = render_syntax_error(&e, file);
            vm.write_stderr(&text);
            return Outcome::SyntaxError(text);
        }
    };
    vm.budget.start();
    let result = vm.run_module_code(&code, &module);
    let outcome = match result {
        Ok(_) => Outcome::Finished,
        Err(e) => uncaught(vm, &e),
    };
    if crate::value::object::finalizers_used() {
        // At shutdown CPython's collector calls `__del__` of the objects
        // the main module held, in about the order they were bound, while
        // every global is still readable; then the rest goes.
        vm.run_finalizers(None);
        module.globals.release_all(
            |v| matches!(v, Value::Instance(i) if i.class().finalized.get()),
            || vm.run_finalizers(None),
        );
    }
    vm.stdout.borrow().clone().flush();
    outcome
}

/// Interpreter shutdown after [`run_main`]: finalizes what the program
/// left (see [`Vm::finalize_at_exit`]) and flushes standard output.
pub fn shutdown(vm: &Vm) {
    vm.finalize_at_exit();
    vm.stdout.borrow().clone().flush();
}

/// What an exception escaping the program means: `SystemExit` ends the
/// process with its code; anything else prints a traceback.
pub fn uncaught(vm: &Vm, e: &Exc) -> Outcome {
    if e.instance().class_is_subclass(&vm.types.system_exit) {
        let args = crate::interp::errors::exception_args(e);
        return match args.as_slice() {
            [] | [Value::None] => Outcome::Finished,
            [Value::Int(n)] => Outcome::Exit(*n as i32),
            [Value::Bool(b)] => Outcome::Exit(i32::from(*b)),
            [other] => {
                let text = vm.str_of(other).unwrap_or_default();
                vm.write_stderr(&format!("{text}\n"));
                Outcome::Exit(1)
            }
            _ => {
                let text = vm.repr(&Value::tuple(args.clone())).unwrap_or_default();
                vm.write_stderr(&format!("{text}\n"));
                Outcome::Exit(1)
            }
        };
    }
    let text = render_exception(vm, e);
    vm.write_stderr(&text);
    Outcome::Uncaught(text)
}

/// Standard output of the process, line-buffered on a terminal and
/// block-buffered otherwise (like CPython).
pub struct StdoutSink {
    buffer: std::cell::RefCell<String>,
    line_buffered: bool,
}

impl StdoutSink {
    /// A sink for the process's stdout.
    #[must_use]
    pub fn new() -> Self {
        use std::io::IsTerminal;
        Self {
            buffer: std::cell::RefCell::new(String::new()),
            line_buffered: std::io::stdout().is_terminal(),
        }
    }
}

impl Default for StdoutSink {
    fn default() -> Self {
        Self::new()
    }
}

impl OutputSink for StdoutSink {
    fn write(&self, text: &str) {
        let mut buf = self.buffer.borrow_mut();
        buf.push_str(text);
        if buf.len() > 8192 || (self.line_buffered && text.contains('\n')) {
            drop(buf);
            self.flush();
        }
    }

    fn flush(&self) {
        use std::io::Write;
        let mut buf = self.buffer.borrow_mut();
        if buf.is_empty() {
            return;
        }
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(buf.as_bytes());
        let _ = out.flush();
        buf.clear();
    }
}

/// Standard error of the process, unbuffered.
pub struct StderrSink;

impl OutputSink for StderrSink {
    fn write(&self, text: &str) {
        use std::io::Write;
        let _ = std::io::stderr().lock().write_all(text.as_bytes());
    }
}

/// Output captured in memory (tests, embedding).
#[derive(Default)]
pub struct BufferSink(pub std::cell::RefCell<String>);

impl OutputSink for BufferSink {
    fn write(&self, text: &str) {
        self.0.borrow_mut().push_str(text);
    }
}
