//! The line editor: rustyline on its own thread.
//!
//! It reads lines, gathers them into one input until the parser says the
//! input is complete (an unfinished block or bracket gets the `... `
//! prompt, pre-filled with the indentation it probably needs), and hands
//! complete inputs to the interpreter thread. Then it waits: the next
//! prompt appears only when the interpreter says it is ready, after the
//! input's output. Completion asks the interpreter thread for names, since
//! only it can look inside the session's objects.

use super::indent;
use crate::parser::{InteractiveError, parse_interactive};
use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::history::FileHistory;
use rustyline::validate::Validator;
use rustyline::{
    Cmd, CompletionType, ConditionalEventHandler, Config, Editor, Event, EventContext,
    EventHandler, KeyCode, KeyEvent, Modifiers, Movement, RepeatCount,
};
use std::collections::VecDeque;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::Duration;
use tokio::sync::mpsc::UnboundedSender;

/// What the editor (and the Ctrl-C handler) ask of the interpreter thread.
pub enum Request {
    /// Run a complete input.
    Run(String),
    /// Run a `:command`.
    Meta(String),
    /// Complete the word before `pos` in `line`.
    Complete {
        /// The line being edited.
        line: String,
        /// The cursor's byte offset.
        pos: usize,
        /// Where the answer goes.
        reply: Sender<Completion>,
    },
    /// Ctrl-C while an input runs.
    Interrupt,
    /// Ctrl-D at the prompt: end the session.
    Eof,
}

/// Completion candidates for the text from `start` to the cursor.
pub struct Completion {
    /// Byte offset where the replaced word starts.
    pub start: usize,
    /// Replacements for it.
    pub candidates: Vec<String>,
}

/// What the interpreter thread gets back from starting the editor.
pub struct Started {
    /// rustyline's printer, when the terminal supports one.
    pub printer: Option<super::output::Printer>,
    /// Signals the editor that it may show the next prompt.
    pub ready: Sender<()>,
    /// Set while the editor waits for a line.
    pub reading: Arc<AtomicBool>,
    /// Inputs the interpreter has finished (the first being its start-up);
    /// it counts one up before each "ready" it sends through the printer.
    pub finished: Arc<AtomicUsize>,
}

/// Starts the editor thread. It waits for a first "ready" before showing
/// the first prompt.
pub fn start(
    history: Option<PathBuf>,
    requests: UnboundedSender<Request>,
) -> std::io::Result<Started> {
    let (ready_tx, ready_rx) = channel();
    let (started_tx, started_rx) = channel();
    let reading = Arc::new(AtomicBool::new(false));
    let reading_flag = reading.clone();
    let finished = Arc::new(AtomicUsize::new(0));
    let finished_count = finished.clone();
    std::thread::Builder::new()
        .name("pyco-editor".into())
        .spawn(move || {
            let mut rl = match new_editor(requests.clone()) {
                Ok(rl) => rl,
                Err(e) => {
                    let _ = started_tx.send(Err(e.to_string()));
                    return;
                }
            };
            let printer = rl
                .create_external_printer()
                .ok()
                .map(|p| Box::new(p) as super::output::Printer);
            if started_tx.send(Ok(printer)).is_err() {
                return;
            }
            let tty = std::io::stdin().is_terminal();
            let history = history.filter(|_| tty);
            if let Some(path) = &history {
                let _ = rl.load_history(path);
            }
            Session {
                rl,
                history,
                tty,
                requests,
                ready: ready_rx,
                reading: reading_flag,
                finished: finished_count,
                submitted: 1,
                acknowledged: 0,
                buffer: String::new(),
                queued: VecDeque::new(),
            }
            .run();
        })?;
    match started_rx.recv() {
        Ok(Ok(printer)) => Ok(Started {
            printer,
            ready: ready_tx,
            reading,
            finished,
        }),
        Ok(Err(e)) => Err(std::io::Error::other(e)),
        Err(_) => Err(std::io::Error::other("the line editor did not start")),
    }
}

fn new_editor(
    requests: UnboundedSender<Request>,
) -> rustyline::Result<Editor<Helper, FileHistory>> {
    let config = Config::builder()
        .auto_add_history(false)
        .history_ignore_dups(true)?
        .max_history_size(10_000)?
        .completion_type(CompletionType::List)
        .tab_stop(indent::LEVEL as u8)
        .indent_size(indent::LEVEL as u8)
        .build();
    let mut rl = Editor::with_config(config)?;
    rl.set_helper(Some(Helper { requests }));
    rl.bind_sequence(
        KeyEvent(KeyCode::Tab, Modifiers::NONE),
        EventHandler::Conditional(Box::new(IndentOrComplete)),
    );
    rl.bind_sequence(
        KeyEvent(KeyCode::Backspace, Modifiers::NONE),
        EventHandler::Conditional(Box::new(Dedent)),
    );
    Ok(rl)
}

/// The editor thread's state.
struct Session {
    rl: Editor<Helper, FileHistory>,
    history: Option<PathBuf>,
    tty: bool,
    requests: UnboundedSender<Request>,
    ready: Receiver<()>,
    reading: Arc<AtomicBool>,
    finished: Arc<AtomicUsize>,
    /// Inputs handed over so far (counting the interpreter's start-up).
    submitted: usize,
    /// "Ready" signals received so far.
    acknowledged: usize,
    /// The lines of an unfinished input.
    buffer: String,
    /// Lines pasted together, not yet taken in.
    queued: VecDeque<String>,
}

impl Session {
    fn run(mut self) {
        if !self.wait_ready() {
            return;
        }
        loop {
            let continuing = !self.buffer.is_empty();
            let prompt = if continuing { "... " } else { ">>> " };
            let read = match self.queued.pop_front() {
                Some(line) => Ok(line),
                None => self.read(prompt, continuing),
            };
            match read {
                Ok(text) => {
                    let mut lines = text.split('\n').map(str::to_string);
                    let first = lines.next().unwrap_or_default();
                    for (i, rest) in lines.enumerate() {
                        self.queued.insert(i, rest);
                    }
                    if !self.take_line(&first) {
                        return;
                    }
                }
                Err(ReadlineError::Interrupted) => {
                    self.buffer.clear();
                    self.queued.clear();
                    println!("KeyboardInterrupt");
                }
                Err(ReadlineError::Eof) => {
                    if self.tty {
                        println!();
                    }
                    let _ = self.requests.send(Request::Eof);
                    return;
                }
                Err(e) => {
                    eprintln!("pyco: cannot read the terminal: {e}");
                    let _ = self.requests.send(Request::Eof);
                    return;
                }
            }
        }
    }

    fn read(&mut self, prompt: &str, continuing: bool) -> rustyline::Result<String> {
        if !self.tty {
            // rustyline prints no prompt when it is not editing; CPython
            // prompts on stderr then.
            let mut err = std::io::stderr().lock();
            let _ = err.write_all(prompt.as_bytes());
            let _ = err.flush();
        }
        let indent = if continuing {
            indent::next_indent(&self.buffer)
        } else {
            String::new()
        };
        self.reading.store(true, Ordering::SeqCst);
        let line = self.rl.readline_with_initial(prompt, (&indent, ""));
        self.reading.store(false, Ordering::SeqCst);
        line
    }

    /// Takes one line in; false when the session is over.
    fn take_line(&mut self, line: &str) -> bool {
        if self.tty && !line.trim().is_empty() {
            let _ = self.rl.add_history_entry(line);
            if let Some(path) = &self.history {
                let _ = self.rl.append_history(path);
            }
        }
        if self.buffer.is_empty() {
            if line.trim().is_empty() {
                return true;
            }
            if line.trim_start().starts_with(':') {
                return self.submit(Request::Meta(line.trim().to_string()));
            }
        }
        // A line of only spaces (the auto-indentation left alone) ends a
        // block as an empty line does.
        if !line.trim().is_empty() {
            self.buffer.push_str(line);
        }
        self.buffer.push('\n');
        if matches!(
            parse_interactive(&self.buffer),
            Err(InteractiveError::Incomplete)
        ) {
            return true;
        }
        let input = std::mem::take(&mut self.buffer);
        self.submit(Request::Run(input))
    }

    /// Sends a request and waits until the interpreter is ready again.
    fn submit(&mut self, request: Request) -> bool {
        if self.requests.send(request).is_err() {
            return false;
        }
        self.submitted += 1;
        self.wait_ready()
    }

    /// Waits for the "ready" that follows the last input's output; false
    /// when the session is gone.
    ///
    /// rustyline's printer can hold a message sent in the instant between
    /// the end of a read and the terminal leaving raw mode until the next
    /// read, and block the printer thread on a second one. The next prompt
    /// is what unblocks it, so once the interpreter has finished the input
    /// and the printer stays silent, the prompt goes up anyway (the rest of
    /// the output then lands above it).
    fn wait_ready(&mut self) -> bool {
        while self.acknowledged < self.submitted {
            match self.ready.recv_timeout(Duration::from_millis(250)) {
                Ok(()) => self.acknowledged += 1,
                Err(RecvTimeoutError::Timeout) => {
                    if self.finished.load(Ordering::SeqCst) >= self.submitted {
                        self.acknowledged = self.submitted;
                    }
                }
                Err(RecvTimeoutError::Disconnected) => return false,
            }
        }
        true
    }
}

/// rustyline's hooks: completion (asked of the interpreter thread).
struct Helper {
    requests: UnboundedSender<Request>,
}

impl Completer for Helper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &rustyline::Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let (reply, answer) = channel();
        let request = Request::Complete {
            line: line.to_string(),
            pos,
            reply,
        };
        if self.requests.send(request).is_err() {
            return Ok((pos, Vec::new()));
        }
        // The interpreter answers between two steps of the event loop; a
        // task that never yields must not freeze the editor.
        match answer.recv_timeout(Duration::from_secs(2)) {
            Ok(c) => Ok((
                c.start,
                c.candidates
                    .into_iter()
                    .map(|s| Pair {
                        display: s.clone(),
                        replacement: s,
                    })
                    .collect(),
            )),
            Err(_) => Ok((pos, Vec::new())),
        }
    }
}

impl Hinter for Helper {
    type Hint = String;
}

impl Highlighter for Helper {}

impl Validator for Helper {}

impl rustyline::Helper for Helper {}

/// Tab in the indentation inserts spaces to the next level; elsewhere it
/// completes.
struct IndentOrComplete;

impl ConditionalEventHandler for IndentOrComplete {
    fn handle(&self, _: &Event, _: RepeatCount, _: bool, ctx: &EventContext) -> Option<Cmd> {
        let before = &ctx.line()[..ctx.pos()];
        if before.chars().all(|c| c == ' ') {
            let n = indent::LEVEL - before.len() % indent::LEVEL;
            Some(Cmd::Insert(1, " ".repeat(n)))
        } else {
            None
        }
    }
}

/// Backspace in the indentation removes one level.
struct Dedent;

impl ConditionalEventHandler for Dedent {
    fn handle(&self, _: &Event, _: RepeatCount, _: bool, ctx: &EventContext) -> Option<Cmd> {
        let before = &ctx.line()[..ctx.pos()];
        if !before.is_empty() && before.chars().all(|c| c == ' ') {
            let n = (before.len() - 1) % indent::LEVEL + 1;
            Some(Cmd::Kill(Movement::BackwardChar(n as RepeatCount)))
        } else {
            None
        }
    }
}
