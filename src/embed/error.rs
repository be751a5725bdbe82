//! [`Error`]: a Python exception (or a syntax error) as the host sees it.
//!
//! ```
//! let err = pyco::embed::Interpreter::new().run("int('x')").unwrap_err();
//! assert_eq!(err.to_string(), "ValueError: invalid literal for int() with base 10: 'x'");
//! ```

use crate::interp::Vm;
use crate::source::SourceFile;
use crate::syntax_error::SyntaxError;
use crate::value::{Exc, Symbol, Value};
use std::fmt;

/// One line of a traceback: where a frame was when the exception left it.
///
/// ```
/// let interp = pyco::embed::Interpreter::new();
/// let err = interp.run("def f():\n    return 1 / 0\nf()\n").unwrap_err();
/// let inner = &err.traceback()[1];
/// assert_eq!((inner.file.as_str(), inner.line, inner.function.as_str()), ("<string>", 2, "f"));
/// assert_eq!(inner.column, 4);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TracebackFrame {
    /// The source file's name (`<string>` for [`Interpreter::run`](super::Interpreter::run)).
    pub file: String,
    /// 1-based line.
    pub line: u32,
    /// 0-based column in characters, like CPython's `FrameSummary.colno`.
    pub column: u32,
    /// The function's name (`<module>` at top level).
    pub function: String,
}

/// An exception raised by a script (or by a host function, for the script
/// to see), or a syntax error.
///
/// It keeps the exception's class name and the names of its base classes,
/// the message (`str(exc)`), the traceback (outermost frame first) and the
/// text the `pyco` command would print for it.
///
/// ```
/// let interp = pyco::embed::Interpreter::new();
/// let err = interp.run("x = {}\nx['missing']\n").unwrap_err();
/// assert_eq!(err.type_name(), "KeyError");
/// assert_eq!(err.message(), "'missing'");
/// assert!(err.is_instance("LookupError"));
/// assert_eq!(err.traceback()[0].line, 2);
/// assert!(err.rendered().ends_with("KeyError: 'missing'\n"));
/// ```
#[derive(Clone)]
pub struct Error(Box<ErrorData>);

#[derive(Clone)]
struct ErrorData {
    type_name: String,
    bases: Vec<String>,
    message: String,
    traceback: Vec<TracebackFrame>,
    location: Option<TracebackFrame>,
    rendered: String,
    exit_code: Option<i32>,
    exception: Option<Value>,
}

impl Error {
    /// An error of the Python exception class `type_name` (a built-in
    /// exception name such as `"ValueError"`; unknown names are raised in
    /// scripts as `RuntimeError`).
    ///
    /// ```
    /// let err = pyco::embed::Error::new("ValueError", "no such city");
    /// assert_eq!(err.to_string(), "ValueError: no such city");
    /// ```
    #[must_use]
    pub fn new(type_name: impl Into<String>, message: impl Into<String>) -> Self {
        let type_name = type_name.into();
        let message = message.into();
        let rendered = if message.is_empty() {
            format!("{type_name}\n")
        } else {
            format!("{type_name}: {message}\n")
        };
        Self(Box::new(ErrorData {
            bases: vec![type_name.clone()],
            type_name,
            message,
            traceback: Vec::new(),
            location: None,
            rendered,
            exit_code: None,
            exception: None,
        }))
    }

    /// A `TypeError`.
    ///
    /// ```
    /// assert_eq!(pyco::embed::Error::type_error("bad").type_name(), "TypeError");
    /// ```
    #[must_use]
    pub fn type_error(message: impl Into<String>) -> Self {
        Self::new("TypeError", message)
    }

    /// A `ValueError`.
    ///
    /// ```
    /// assert_eq!(pyco::embed::Error::value_error("bad").type_name(), "ValueError");
    /// ```
    #[must_use]
    pub fn value_error(message: impl Into<String>) -> Self {
        Self::new("ValueError", message)
    }

    /// A `RuntimeError`.
    ///
    /// ```
    /// assert_eq!(pyco::embed::Error::runtime_error("bad").message(), "bad");
    /// ```
    #[must_use]
    pub fn runtime_error(message: impl Into<String>) -> Self {
        Self::new("RuntimeError", message)
    }

    /// The exception's class name (`"ZeroDivisionError"`).
    ///
    /// ```
    /// let err = pyco::embed::Interpreter::new().run("1/0").unwrap_err();
    /// assert_eq!(err.type_name(), "ZeroDivisionError");
    /// ```
    #[must_use]
    pub fn type_name(&self) -> &str {
        &self.0.type_name
    }

    /// Whether the exception is an instance of the class named `type_name`
    /// (its own class or a base class: `"LookupError"` for a `KeyError`).
    ///
    /// ```
    /// let err = pyco::embed::Interpreter::new().run("[][1]").unwrap_err();
    /// assert!(err.is_instance("IndexError") && err.is_instance("Exception"));
    /// assert!(!err.is_instance("KeyError"));
    /// ```
    #[must_use]
    pub fn is_instance(&self, type_name: &str) -> bool {
        self.0.bases.iter().any(|b| b == type_name)
    }

    /// The message: `str()` of the exception.
    ///
    /// ```
    /// let err = pyco::embed::Interpreter::new().run("raise ValueError('bad input')").unwrap_err();
    /// assert_eq!(err.message(), "bad input");
    /// ```
    #[must_use]
    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// The traceback, outermost frame first (empty for syntax errors and
    /// errors made by the host).
    ///
    /// ```
    /// let err = pyco::embed::Interpreter::new().run("\n\nundefined_name").unwrap_err();
    /// assert_eq!(err.traceback().len(), 1);
    /// assert_eq!(err.traceback()[0].line, 3);
    /// ```
    #[must_use]
    pub fn traceback(&self) -> &[TracebackFrame] {
        &self.0.traceback
    }

    /// Where the error happened: the innermost traceback frame, or the
    /// position of a syntax error.
    ///
    /// ```
    /// let err = pyco::embed::Interpreter::new().run("x = (1,\ny = 2\n").unwrap_err();
    /// assert_eq!(err.type_name(), "SyntaxError");
    /// assert_eq!(err.location().unwrap().line, 1);
    /// ```
    #[must_use]
    pub fn location(&self) -> Option<&TracebackFrame> {
        self.0.traceback.last().or(self.0.location.as_ref())
    }

    /// The error as the `pyco` command prints it on stderr: a CPython
    /// traceback (with chained exceptions), or a syntax error with its
    /// caret line.
    ///
    /// ```
    /// let err = pyco::embed::Interpreter::new().run_named("job.py", "x = 1/0").unwrap_err();
    /// assert_eq!(
    ///     err.rendered(),
    ///     "Traceback (most recent call last):\n  File \"job.py\", line 1, in <module>\n    x = 1/0\nZeroDivisionError: division by zero\n"
    /// );
    /// ```
    #[must_use]
    pub fn rendered(&self) -> &str {
        &self.0.rendered
    }

    /// For `SystemExit`: the exit status the `pyco` command would use
    /// (`sys.exit()` is 0, `sys.exit("message")` is 1).
    ///
    /// ```
    /// let interp = pyco::embed::Interpreter::new();
    /// let err = interp.run("import sys\nsys.exit(3)").unwrap_err();
    /// assert_eq!(err.exit_code(), Some(3));
    /// assert_eq!(interp.run("1/0").unwrap_err().exit_code(), None);
    /// ```
    #[must_use]
    pub fn exit_code(&self) -> Option<i32> {
        self.0.exit_code
    }

    /// The exception object itself, when a script raised it.
    ///
    /// ```
    /// let err = pyco::embed::Interpreter::new().run("raise KeyError('k')").unwrap_err();
    /// assert!(err.exception().is_some());
    /// assert!(pyco::embed::Error::value_error("x").exception().is_none());
    /// ```
    #[must_use]
    pub fn exception(&self) -> Option<&Value> {
        self.0.exception.as_ref()
    }

    /// Describes a raised exception.
    pub(crate) fn from_exc(vm: &Vm, e: &Exc) -> Self {
        let class = &e.instance().class();
        let bases = std::iter::once(class.name.to_string())
            .chain(class.mro.iter().map(|c| c.name.to_string()))
            .collect();
        let message = vm.str_of(&e.value()).unwrap_or_default();
        let traceback = e
            .data()
            .traceback
            .borrow()
            .iter()
            .rev()
            .map(|t| {
                let (_, col) = t.file.line_col(t.offset);
                TracebackFrame {
                    file: t.file.name().to_string(),
                    line: t.line,
                    column: col as u32,
                    function: t.name.to_string(),
                }
            })
            .collect();
        let exit_code = class
            .is_subclass(&vm.types.system_exit)
            .then(|| system_exit_status(vm, e));
        let rendered = if exit_code.is_some() {
            system_exit_text(vm, e)
        } else {
            crate::diagnostic::render_exception(vm, e)
        };
        Self(Box::new(ErrorData {
            type_name: class.name.to_string(),
            bases,
            message,
            traceback,
            location: None,
            rendered,
            exit_code,
            exception: Some(e.value()),
        }))
    }

    /// Describes a syntax error in `file`.
    pub(crate) fn from_syntax(err: &SyntaxError, file: &SourceFile) -> Self {
        let name = err.kind.class_name();
        let (line, col) = file.line_col(err.span.start);
        let mut bases = vec![name.to_string()];
        if name != "SyntaxError" {
            if name == "TabError" {
                bases.push("IndentationError".into());
            }
            bases.push("SyntaxError".into());
        }
        bases.extend(["Exception".into(), "BaseException".into()]);
        Self(Box::new(ErrorData {
            type_name: name.to_string(),
            bases,
            message: err.message.clone(),
            traceback: Vec::new(),
            location: Some(TracebackFrame {
                file: file.name().to_string(),
                line: line as u32,
                column: col as u32,
                function: "<module>".into(),
            }),
            rendered: crate::diagnostic::render_syntax_error(err, file),
            exit_code: None,
            exception: None,
        }))
    }

    /// The exception a script sees for this error: the original object when
    /// it came from a script, else a new instance of the named class.
    pub(crate) fn into_exc(self, vm: &Vm) -> Exc {
        if let Some(Value::Instance(inst)) = &self.0.exception
            && let Some(e) = Exc::from_instance(inst.clone())
        {
            return e;
        }
        let class = match vm.builtin(Symbol::intern(&self.0.type_name)) {
            Some(Value::Class(c)) if c.is_subclass(&vm.types.base_exception) => Some(c),
            _ if self.0.type_name == "CancelledError" => {
                Some(crate::modules::asyncio::state(vm).cancelled_error.clone())
            }
            _ => None,
        };
        match class {
            Some(c) => {
                let args = if self.0.message.is_empty() {
                    Vec::new()
                } else {
                    vec![Value::str(self.0.message)]
                };
                crate::value::exception::new_exception(&c, args)
            }
            None => crate::interp::errors::runtime_error(format!(
                "{}: {}",
                self.0.type_name, self.0.message
            )),
        }
    }
}

fn system_exit_status(vm: &Vm, e: &Exc) -> i32 {
    match crate::interp::errors::exception_args(e).as_slice() {
        [] | [Value::None] => 0,
        [Value::Int(n)] => *n as i32,
        [Value::Bool(b)] => i32::from(*b),
        _ => {
            let _ = vm;
            1
        }
    }
}

fn system_exit_text(vm: &Vm, e: &Exc) -> String {
    match crate::interp::errors::exception_args(e).as_slice() {
        [] | [Value::None | Value::Int(_) | Value::Bool(_)] => String::new(),
        [other] => format!("{}\n", vm.str_of(other).unwrap_or_default()),
        args => format!(
            "{}\n",
            vm.repr(&Value::tuple(args.to_vec())).unwrap_or_default()
        ),
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.message.is_empty() {
            write!(f, "{}", self.0.type_name)
        } else {
            write!(f, "{}: {}", self.0.type_name, self.0.message)
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("type_name", &self.0.type_name)
            .field("message", &self.0.message)
            .field("traceback", &self.0.traceback)
            .finish_non_exhaustive()
    }
}

impl std::error::Error for Error {}

impl From<super::ConversionError> for Error {
    fn from(e: super::ConversionError) -> Self {
        Error::type_error(e.to_string())
    }
}
