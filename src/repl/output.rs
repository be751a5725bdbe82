//! Where the session's output goes: one printer thread, fed in order.
//!
//! Everything the interpreter writes (both streams) and the "ready for the
//! next input" signal travel over one channel to the printer thread, so a
//! prompt is never drawn before the output of the input it follows. While
//! the line editor is reading, rustyline's `ExternalPrinter` puts the text
//! above the prompt and redraws the line being edited; otherwise it writes
//! straight to the terminal. Without a terminal, plain stdout and stderr.

use crate::interp::OutputSink;
use std::cell::RefCell;
use std::io::Write;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

/// A message for the printer thread.
enum Out {
    /// Text for standard output.
    Stdout(String),
    /// Text for standard error.
    Stderr(String),
    /// The input finished: let the editor show the next prompt.
    Ready,
    /// Everything before this is written: say so.
    Drained(Sender<()>),
}

/// rustyline's printer, boxed so it can move to the printer thread.
pub type Printer = Box<dyn rustyline::ExternalPrinter + Send>;

/// The sending end of the printer thread.
#[derive(Clone)]
pub struct Output {
    tx: Sender<Out>,
}

impl Output {
    /// Starts the printer thread; `ready` is signalled in order with the
    /// output whenever the editor may show its next prompt.
    pub fn spawn(printer: Option<Printer>, ready: Sender<()>) -> std::io::Result<Self> {
        let (tx, rx) = channel();
        std::thread::Builder::new()
            .name("pyco-output".into())
            .spawn(move || print_loop(printer, &rx, &ready))?;
        Ok(Self { tx })
    }

    /// Lets the editor show its next prompt once the output so far is out.
    pub fn ready(&self) {
        let _ = self.tx.send(Out::Ready);
    }

    /// Writes text on standard error (in order with everything else).
    pub fn stderr(&self, text: &str) {
        let _ = self.tx.send(Out::Stderr(text.to_string()));
    }

    /// Waits (briefly) until everything sent so far is written.
    pub fn drain(&self) {
        let (tx, rx) = channel();
        if self.tx.send(Out::Drained(tx)).is_ok() {
            let _ = rx.recv_timeout(Duration::from_secs(2));
        }
    }

    /// A sink for the interpreter's standard output (line-buffered).
    #[must_use]
    pub fn stdout_sink(&self) -> TerminalSink {
        TerminalSink {
            out: self.clone(),
            stderr: false,
            buffer: RefCell::new(String::new()),
        }
    }

    /// A sink for the interpreter's standard error (unbuffered).
    #[must_use]
    pub fn stderr_sink(&self) -> TerminalSink {
        TerminalSink {
            out: self.clone(),
            stderr: true,
            buffer: RefCell::new(String::new()),
        }
    }
}

fn print_loop(mut printer: Option<Printer>, rx: &Receiver<Out>, ready: &Sender<()>) {
    while let Ok(first) = rx.recv() {
        // Coalesce what is already queued into one write per run of one
        // stream, so a burst of prints redraws the prompt once.
        let mut pending = vec![first];
        while let Ok(more) = rx.try_recv() {
            pending.push(more);
        }
        let mut text = String::new();
        let mut text_is_stderr = false;
        for msg in pending {
            let (is_stderr, t) = match msg {
                Out::Stdout(t) => (false, t),
                Out::Stderr(t) => (true, t),
                Out::Ready => {
                    write(&mut printer, &mut text, text_is_stderr);
                    let _ = ready.send(());
                    continue;
                }
                Out::Drained(done) => {
                    write(&mut printer, &mut text, text_is_stderr);
                    let _ = done.send(());
                    continue;
                }
            };
            if is_stderr != text_is_stderr {
                write(&mut printer, &mut text, text_is_stderr);
                text_is_stderr = is_stderr;
            }
            text.push_str(&t);
        }
        write(&mut printer, &mut text, text_is_stderr);
    }
}

fn write(printer: &mut Option<Printer>, text: &mut String, stderr: bool) {
    if text.is_empty() {
        return;
    }
    let t = std::mem::take(text);
    match printer {
        Some(p) => {
            let _ = p.print(t);
        }
        None if stderr => {
            let mut e = std::io::stderr().lock();
            let _ = e.write_all(t.as_bytes());
            let _ = e.flush();
        }
        None => {
            let mut o = std::io::stdout().lock();
            let _ = o.write_all(t.as_bytes());
            let _ = o.flush();
        }
    }
}

/// An output sink feeding the printer thread.
pub struct TerminalSink {
    out: Output,
    stderr: bool,
    buffer: RefCell<String>,
}

impl OutputSink for TerminalSink {
    fn write(&self, text: &str) {
        if self.stderr {
            self.out.stderr(text);
            return;
        }
        let mut buf = self.buffer.borrow_mut();
        buf.push_str(text);
        // Send whole lines: rustyline ends every printed message with a
        // line break, so a partial line waits for the rest of it.
        if let Some(end) = buf.rfind('\n') {
            let line: String = buf.drain(..=end).collect();
            let _ = self.out.tx.send(Out::Stdout(line));
        }
    }

    fn flush(&self) {
        let text = std::mem::take(&mut *self.buffer.borrow_mut());
        if !text.is_empty() {
            let _ = self.out.tx.send(Out::Stdout(text));
        }
    }
}
