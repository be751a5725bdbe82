//! Tokens to syntax tree, with CPython's error messages.
//!
//! The grammar is written with chumsky over the token slice the lexer
//! produced: `stmt`, `compound` and `assign` for statements; `expr`,
//! `conditional`, `named` and `atoms` for expressions; `args` and `params`
//! for argument and parameter lists; `fstring` for joined strings;
//! `targets` for what may be assigned to. What makes this module more than
//! a grammar is reproducing which error CPython 3.11 reports, since pyco
//! prints exactly what CPython prints:
//!
//! 1. A lexing error (unterminated string, bad number, stray character,
//!    bracket mismatch) wins over the parser's errors: after a parser
//!    error CPython tokenizes the rest of the file and lets such an error
//!    replace it. The exception is a plain "unexpected indent", after
//!    which CPython does not look further.
//! 2. The parser runs a first pass that knows only valid syntax. If it
//!    fails, a second pass runs with CPython's `invalid_*` checks (from
//!    the statement before the failure), and the first error they raise is
//!    reported (see `state`).
//! 3. Otherwise the error is a plain `invalid syntax` at the furthest token
//!    the first pass read (`unexpected indent` if that token is an INDENT).
//! 4. A lexing stop (indentation error, `\` misuse, end of input inside
//!    brackets) is reported when the parser reads it; an unclosed bracket
//!    is also reported when the error is on a later line than the bracket.
//! 5. Duplicate parameter names, a symbol-table error in CPython, are
//!    reported only when everything else parsed.

mod args;
mod assign;
mod atoms;
mod compound;
mod conditional;
mod expr;
mod fstring;
mod literals;
mod named;
mod params;
mod state;
mod stmt;
mod targets;

use chumsky::Parser;

use crate::ast::{Module, Span, StmtKind};
use crate::lexer::{self, LexEnd, Lexed, StopKind, Tok};
use crate::syntax_error::SyntaxError;
use state::{P, PState};

/// Stack for a parse: nesting is capped, but a long chain such as
/// `1+1+...` legitimately builds a tree as deep as the chain is long, and
/// dropping a partial tree after a failure recurses that deep.
const PARSE_STACK: usize = 256 << 20;

/// Parses a whole file.
///
/// The tree may be very deep for pathological but valid input (a 1 MB
/// line `1+1+...` is a left-nested chain of half a million nodes): walk
/// and drop such trees on a thread with a large stack.
pub fn parse_module(src: &str) -> Result<Module, SyntaxError> {
    with_large_stack(|| {
        let lexed = lexer::lex(src);
        parse_lexed(src, &lexed).map_err(|(error, _)| error)
    })
}

/// Parses the lines of `src` in `range` (starting at a line start) as a
/// whole file; the tree's spans are offsets into all of `src`, so that
/// errors and tracebacks point into the file `src` is.
pub fn parse_module_range(src: &str, range: std::ops::Range<usize>) -> Result<Module, SyntaxError> {
    with_large_stack(|| {
        let lexed = lexer::lex_range(src, range);
        parse_lexed(src, &lexed).map_err(|(error, _)| error)
    })
}

thread_local! {
    /// Where this thread's stack ends (its lowest usable address), when
    /// the thread declared it with [`declare_stack`].
    static STACK_END: std::cell::Cell<Option<usize>> = const { std::cell::Cell::new(None) };
}

/// Declares that the calling thread has about `bytes` of stack below the
/// caller's frame, so that parses run on it in place while at least
/// [`PARSE_STACK`] bytes of it are free, instead of on a thread of their
/// own (the `pyco` command's interpreter thread has a large stack).
pub fn declare_stack(bytes: usize) {
    let here = std::ptr::from_ref(&bytes) as usize;
    STACK_END.set(Some(here.saturating_sub(bytes)));
}

/// Whether the current thread has [`PARSE_STACK`] bytes of stack free.
fn stack_is_large() -> bool {
    let here = 0u8;
    let here = std::ptr::from_ref(&here) as usize;
    STACK_END
        .get()
        .is_some_and(|end| here.saturating_sub(end) > PARSE_STACK)
}

/// Runs `work` with [`PARSE_STACK`] bytes of stack: in place if the
/// thread has them free, else on a thread with that much stack (only the
/// pages used are committed), or in place if no thread can be started.
fn with_large_stack<T: Send>(work: impl FnOnce() -> T + Send) -> T {
    if stack_is_large() {
        return work();
    }
    let cell = std::sync::Mutex::new(Some(work));
    let take = || cell.lock().ok().and_then(|mut w| w.take());
    std::thread::scope(|scope| {
        let spawned = std::thread::Builder::new()
            .name("pyco-parse".to_owned())
            .stack_size(PARSE_STACK)
            .spawn_scoped(scope, || take().map(|w| w()));
        let done = match spawned {
            Ok(handle) => match handle.join() {
                Ok(out) => out,
                Err(panic) => std::panic::resume_unwind(panic),
            },
            Err(_) => None,
        };
        match done {
            Some(out) => out,
            None => (take().expect("the work has not run"))(),
        }
    })
}

/// What the REPL needs to know about input that does not parse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InteractiveError {
    /// The input is unfinished: more lines could make it valid (an open
    /// bracket or triple-quoted string, a trailing `\`, a block header, or
    /// a compound statement not yet closed by an empty line).
    Incomplete,
    /// The input is wrong whatever follows.
    Invalid(SyntaxError),
}

/// Parses input typed at the REPL.
///
/// `src` holds every line entered so far, each ending with `\n`. As in
/// CPython's interactive mode, a compound statement is complete only once
/// an empty line follows it (`src` ends with `"\n\n"`); simple statements
/// are complete at the end of their line.
pub fn parse_interactive(src: &str) -> Result<Module, InteractiveError> {
    with_large_stack(|| interactive(src))
}

fn interactive(src: &str) -> Result<Module, InteractiveError> {
    let lexed = lexer::lex(src);
    match &lexed.end {
        LexEnd::Failed {
            needs_more_input: true,
            ..
        } => return Err(InteractiveError::Incomplete),
        LexEnd::Stopped(stop)
            if matches!(
                stop.kind,
                StopKind::UnclosedBracket | StopKind::EofAfterContinuation
            ) =>
        {
            return Err(InteractiveError::Incomplete);
        }
        _ => {}
    }
    let closed = ends_with_empty_line(src);
    match parse_lexed(src, &lexed) {
        Ok(module) => {
            let compound = module.body.first().is_some_and(|s| {
                matches!(
                    s.kind,
                    StmtKind::If { .. }
                        | StmtKind::While { .. }
                        | StmtKind::For { .. }
                        | StmtKind::FunctionDef(_)
                        | StmtKind::ClassDef(_)
                        | StmtKind::Try { .. }
                        | StmtKind::With { .. }
                )
            });
            if compound && !closed {
                Err(InteractiveError::Incomplete)
            } else {
                Ok(module)
            }
        }
        Err((_, furthest)) if !closed && furthest >= lexed.eof_start => {
            Err(InteractiveError::Incomplete)
        }
        Err((error, _)) => Err(InteractiveError::Invalid(error)),
    }
}

/// Whether the last line of `src` (not counting its final line break) is
/// empty: how the REPL closes a block.
fn ends_with_empty_line(src: &str) -> bool {
    let body = src.strip_suffix('\n').unwrap_or(src);
    body.is_empty() || body.ends_with('\n')
}

/// Parses a lexed file; on failure returns the error to report and the
/// furthest token the first pass reached.
fn parse_lexed(src: &str, lexed: &Lexed<'_>) -> Result<Module, (SyntaxError, usize)> {
    let grammar = expr::grammar();
    let module = stmt::module(&grammar);
    match run(
        &module,
        src,
        lexed,
        &lexed.toks,
        &lexed.spans,
        lexed.eof_pos,
    ) {
        Ok(body) => Ok(Module { body }),
        Err(failure) => {
            let furthest = failure.furthest;
            Err((rank(failure, lexed, src), furthest))
        }
    }
}

/// Picks between the parser's error and a lexing error (rules 1 and 4
/// above).
fn rank(failure: Failure, lexed: &Lexed<'_>, src: &str) -> SyntaxError {
    let stop = match &lexed.end {
        LexEnd::Complete => return failure.error,
        LexEnd::Failed { error, .. } => {
            // CPython tokenizes the rest of the file after any parser
            // error, except after a plain "unexpected indent".
            let at_layout = matches!(
                lexed.toks.get(failure.furthest),
                Some(Tok::Indent | Tok::Dedent)
            );
            return if failure.generic && !failure.touched_stop && at_layout {
                failure.error
            } else {
                error.clone()
            };
        }
        LexEnd::Stopped(stop) => stop,
    };
    if failure.touched_stop {
        return stop.error.clone();
    }
    if stop.kind == StopKind::UnclosedBracket {
        let reached = lexed
            .spans
            .get(failure.read)
            .map_or(lexed.eof_pos as u32, |s| s.start)
            .max(failure.error.span.start);
        let line = |pos: u32| lexer::strings::line_number(src, pos as usize);
        if line(reached) > line(stop.error.span.start) {
            return stop.error.clone();
        }
    }
    failure.error
}

/// Why a parse failed.
pub(crate) struct Failure {
    /// The error to report (before ranking against a lexing stop).
    pub error: SyntaxError,
    /// The furthest token index the first pass reached.
    pub furthest: usize,
    /// The furthest token index either pass read (CPython's last token
    /// fetched, which decides whether an unclosed bracket is reported).
    pub read: usize,
    /// The parser read the `Error` token that ends a stopped stream.
    pub touched_stop: bool,
    /// No specific message applied (`invalid syntax`, `unexpected indent`).
    pub generic: bool,
}

/// Runs CPython's two-pass procedure over one token slice: the whole file,
/// or one f-string replacement field. On success, a duplicate-parameter
/// error found along the way is reported last.
fn run<'t, 's, O>(
    parser: &P<'t, 's, O>,
    src: &'s str,
    lexed: &'t Lexed<'s>,
    toks: &'t [Tok<'s>],
    spans: &'t [Span],
    eof_pos: usize,
) -> Result<O, Failure> {
    let mut first = PState::new(src, lexed, toks, spans, eof_pos);
    let result = parser.parse_with_state(toks, &mut first).into_result();
    let furthest = match result {
        Ok(out) if first.raised.is_none() => {
            return match first.duplicate {
                None => Ok(out),
                Some(error) => Err(Failure {
                    error,
                    furthest: toks.len(),
                    read: toks.len(),
                    touched_stop: false,
                    generic: false,
                }),
            };
        }
        Ok(_) => first.furthest,
        // A failure at the end of a slice without an end marker reads
        // nothing; chumsky's error position covers that case.
        Err(errors) => first
            .furthest
            .max(errors.first().map_or(0, |e| e.span().start)),
    };
    let failure = |error: SyntaxError, touched_stop: bool, read: usize, generic: bool| Failure {
        error,
        furthest,
        read: read.max(furthest),
        touched_stop,
        generic,
    };
    if first.touched_stop {
        return Err(failure(generic(&first, furthest), true, furthest, true));
    }
    if let Some(error) = first.raised.take() {
        return Err(failure(error, false, furthest, false));
    }

    // Statements the first pass completed hold no mistake CPython's
    // `invalid_*` rules would recognize, so the second pass starts at the
    // top-level statement before the one that failed (whose optional tail,
    // such as an `else:` block, may be where the mistake is).
    let starts = &first.statement_starts;
    let failed = starts.iter().rposition(|&s| s <= furthest).unwrap_or(0);
    let from = starts.get(failed.saturating_sub(1)).copied().unwrap_or(0);
    let (toks, spans) = (&toks[from..], &spans[from..]);
    let mut second = PState::new(src, lexed, toks, spans, eof_pos);
    second.diagnose = true;
    second.levels = bracket_levels(toks);
    let _ = parser.parse_with_state(toks, &mut second);
    let read = from + second.furthest;
    if second.touched_stop {
        return Err(failure(generic(&first, furthest), true, read, true));
    }
    if let Some(error) = second.raised.take() {
        return Err(failure(error, false, read, false));
    }
    Err(failure(generic(&first, furthest), false, read, true))
}

/// CPython's error when no specific message applies.
fn generic(st: &PState<'_, '_>, at: usize) -> SyntaxError {
    let span = st.tok_span(at);
    match st.toks.get(at) {
        Some(Tok::Indent) => SyntaxError::indentation("unexpected indent", span),
        Some(Tok::Dedent) => SyntaxError::indentation("unexpected unindent", span),
        _ => SyntaxError::new("invalid syntax", span),
    }
}

/// The bracket depth after each token (CPython's token `level`).
fn bracket_levels(toks: &[Tok<'_>]) -> Vec<u16> {
    let mut depth: u16 = 0;
    toks.iter()
        .map(|t| {
            match t {
                Tok::LPar | Tok::LSqb | Tok::LBrace => depth = depth.saturating_add(1),
                Tok::RPar | Tok::RSqb | Tok::RBrace => depth = depth.saturating_sub(1),
                _ => {}
            }
            depth
        })
        .collect()
}
