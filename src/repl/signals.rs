//! Ctrl-C while an input runs, and the terminal's settings.
//!
//! While the editor reads a line, the terminal is in raw mode and Ctrl-C
//! is a key rustyline handles. While an input runs, Ctrl-C is SIGINT,
//! caught on a thread of its own:
//!
//! - an input that awaits runs as a task: the interpreter is asked to
//!   cancel it, between two steps of the loop, leaving other tasks alone;
//! - an input that does not await runs straight through; the interpreter's
//!   interrupt flag makes its next loop iteration raise `KeyboardInterrupt`;
//! - a second Ctrl-C that finds the first unanswered (a task spinning
//!   without yielding) sets that flag too, wherever the loop is;
//! - a fourth unanswered one gives up: the terminal is restored and the
//!   process exits with status 130.

use super::editor::Request;
use nix::sys::termios::{SetArg, Termios, tcgetattr, tcsetattr};
use signal_hook::consts::SIGINT;
use signal_hook::iterator::Signals;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use tokio::sync::mpsc::UnboundedSender;

/// Unanswered Ctrl-Cs after which running code is interrupted wherever it is.
const FORCE_AFTER: usize = 2;
/// Unanswered Ctrl-Cs after which the process exits.
const EXIT_AFTER: usize = 4;

/// State shared between the interpreter thread and the signal thread.
pub struct Interrupts {
    /// The interpreter's flag ([`crate::interp::Vm::interrupt`]).
    vm_flag: Arc<AtomicBool>,
    /// An input that does not await is running.
    sync_running: AtomicBool,
    /// Ctrl-Cs not yet dealt with.
    unanswered: AtomicUsize,
}

impl Interrupts {
    /// Shared state around the interpreter's interrupt flag.
    #[must_use]
    pub fn new(vm_flag: Arc<AtomicBool>) -> Arc<Self> {
        Arc::new(Self {
            vm_flag,
            sync_running: AtomicBool::new(false),
            unanswered: AtomicUsize::new(0),
        })
    }

    /// Marks the start or end of an input that runs without the loop; at
    /// the end, tells whether Ctrl-C was pressed meanwhile.
    pub fn running_sync(&self, on: bool) -> bool {
        self.sync_running.store(on, Ordering::SeqCst);
        let pressed = self.pressed();
        if !on {
            self.answered();
        }
        pressed
    }

    /// Whether Ctrl-C was pressed since the last one was dealt with.
    pub fn pressed(&self) -> bool {
        self.unanswered.load(Ordering::SeqCst) > 0
    }

    /// Every Ctrl-C so far was dealt with.
    pub fn answered(&self) {
        self.unanswered.store(0, Ordering::SeqCst);
        self.vm_flag.store(false, Ordering::SeqCst);
    }
}

/// Starts the thread that turns SIGINT into interrupts.
pub fn install(
    interrupts: Arc<Interrupts>,
    requests: UnboundedSender<Request>,
    terminal: Option<Terminal>,
) -> std::io::Result<()> {
    let mut signals = Signals::new([SIGINT])?;
    std::thread::Builder::new()
        .name("pyco-signals".into())
        .spawn(move || {
            for _ in signals.forever() {
                let n = interrupts.unanswered.fetch_add(1, Ordering::SeqCst) + 1;
                let sync = interrupts.sync_running.load(Ordering::SeqCst);
                if sync || n >= FORCE_AFTER {
                    interrupts.vm_flag.store(true, Ordering::SeqCst);
                }
                if !sync {
                    let _ = requests.send(Request::Interrupt);
                }
                if n >= EXIT_AFTER {
                    if let Some(t) = &terminal {
                        t.restore();
                    }
                    eprintln!("\npyco: the interpreter does not answer Ctrl-C; exiting");
                    std::process::exit(130);
                }
            }
        })?;
    Ok(())
}

/// The terminal's settings when the session started.
pub struct Terminal(Termios);

impl Terminal {
    /// The settings of standard input, if it is a terminal.
    #[must_use]
    pub fn save() -> Option<Self> {
        tcgetattr(std::io::stdin()).ok().map(Self)
    }

    /// Puts them back (rustyline restores its own changes when a read
    /// ends; this covers a session that ends in the middle of one).
    pub fn restore(&self) {
        let _ = tcsetattr(std::io::stdin(), SetArg::TCSANOW, &self.0);
    }
}

impl Clone for Terminal {
    fn clone(&self) -> Self {
        Self(self.0.clone())
    }
}
