//! The chumsky plumbing shared by the grammar modules: input and parser
//! types, the parse state, span conversion and the helpers that raise
//! CPython's specific errors.
//!
//! CPython parses in two passes. The first pass knows only valid syntax;
//! when it fails, a second pass runs with extra `invalid_*` rules whose
//! only job is to recognize a known mistake and raise its message. The
//! grammar here does the same: helpers such as [`diag`] do nothing in the
//! first pass and, in the second, record the first error they recognize in
//! [`PState::raised`]. A recorded error is never undone by backtracking,
//! exactly like a raised exception in CPython's parser.

use chumsky::input::{Checkpoint, Cursor};
use chumsky::inspector::Inspector;
use chumsky::prelude::*;

use crate::ast::{Expr, ExprKind, Span};
use crate::lexer::{Lexed, Tok};
use crate::syntax_error::SyntaxError;

/// The parser's input: a slice of tokens (spans are token indices).
pub type In<'t, 's> = &'t [Tok<'s>];
/// Errors carry only their position; messages live in [`PState::raised`].
pub type Err = Cheap<SimpleSpan>;
/// Parser extras: the cheap error and the parse state.
pub type Ex<'t, 's> = extra::Full<Err, PState<'t, 's>, ()>;
/// A boxed parser over the token slice.
pub type P<'t, 's, O> = Boxed<'t, 't, In<'t, 's>, O, Ex<'t, 's>>;
/// The input as custom parsers see it.
pub type Inp<'t, 'p, 's> = chumsky::input::InputRef<'t, 'p, In<'t, 's>, Ex<'t, 's>>;
/// What `map_with` closures see.
pub type Mx<'t, 'b, 's> = chumsky::input::MapExtra<'t, 'b, In<'t, 's>, Ex<'t, 's>>;
/// A recursive parser handle.
pub type Rec<'t, 's, O> = Recursive<chumsky::recursive::Direct<'t, 't, In<'t, 's>, O, Ex<'t, 's>>>;

/// Nesting beyond which expressions are refused rather than recursed into:
/// CPython's compiler refuses trees about this deep (`RecursionError`, or
/// `MemoryError` from its parser further on); pyco stops here with a
/// located `SyntaxError` instead of exhausting memory.
pub const MAX_NESTING: u32 = 3000;

/// State threaded through one parse of one token slice.
pub struct PState<'t, 's> {
    /// The whole source text.
    pub src: &'s str,
    /// The lexed file, for f-string scans and their tokens.
    pub lexed: &'t Lexed<'s>,
    /// The tokens of the slice being parsed.
    pub toks: &'t [Tok<'s>],
    /// Their spans.
    pub spans: &'t [Span],
    /// Where a position at the end of the slice points.
    pub eof_pos: usize,
    /// Bracket depth after each token of the slice (second pass only).
    pub levels: Vec<u16>,
    /// Second pass: recognize known mistakes and raise their messages.
    pub diagnose: bool,
    /// The first error raised, which ends the parse.
    pub raised: Option<SyntaxError>,
    /// Current expression nesting (restored on backtracking).
    pub depth: u32,
    /// The last block header seen: what it is called and its keyword's
    /// token, for "expected an indented block after ..." messages.
    pub header: Option<(&'static str, usize)>,
    /// A repeated parameter name, reported only if the parse succeeds
    /// (it is a symbol-table error in CPython).
    pub duplicate: Option<SyntaxError>,
    /// Lexing stopped early and the parser read the `Error` token before
    /// raising anything: the lexing error is the one to report.
    pub touched_stop: bool,
    /// The furthest token index read, lookahead included: CPython's "last
    /// token fetched", where it reports a plain `invalid syntax`.
    pub furthest: usize,
    /// Where each top-level statement started (first pass), so that the
    /// second pass can start at the statement that failed.
    pub statement_starts: Vec<usize>,
}

impl<'t, 's> PState<'t, 's> {
    /// A state for parsing `spans`' tokens.
    #[must_use]
    pub fn new(
        src: &'s str,
        lexed: &'t Lexed<'s>,
        toks: &'t [Tok<'s>],
        spans: &'t [Span],
        eof_pos: usize,
    ) -> Self {
        Self {
            src,
            lexed,
            toks,
            spans,
            eof_pos,
            levels: Vec::new(),
            diagnose: false,
            raised: None,
            depth: 0,
            header: None,
            duplicate: None,
            touched_stop: false,
            furthest: 0,
            statement_starts: Vec::new(),
        }
    }

    /// Records `error` unless an earlier one was recorded.
    pub fn raise(&mut self, error: SyntaxError) {
        if self.raised.is_none() {
            self.raised = Some(error);
        }
    }

    /// Notes that the token at `index` was read (or looked at).
    pub fn read(&mut self, index: usize) {
        self.furthest = self.furthest.max(index);
    }

    /// Whether the second pass is on and nothing was raised yet.
    #[must_use]
    pub fn diagnosing(&self) -> bool {
        self.diagnose && self.raised.is_none()
    }

    /// The byte span of token `i` (end of input past the last token).
    #[must_use]
    pub fn tok_span(&self, i: usize) -> Span {
        self.spans
            .get(i)
            .copied()
            .unwrap_or_else(|| Span::new(self.eof_pos, self.eof_pos))
    }

    /// The byte span covered by tokens `s.start..s.end`, not counting
    /// layout tokens at its end (a statement ends with its last line's
    /// text, not with its NEWLINE or DEDENTs).
    #[must_use]
    pub fn span(&self, s: SimpleSpan) -> Span {
        let start = self.tok_span(s.start).start;
        let mut end = s.end.min(self.spans.len());
        while end > s.start + 1 && self.is_layout(end - 1) {
            end -= 1;
        }
        if end <= s.start {
            return Span { start, end: start };
        }
        Span {
            start,
            end: self.tok_span(end - 1).end.max(start),
        }
    }

    fn is_layout(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_layout())
    }

    /// The 1-based line of byte `pos`.
    #[must_use]
    pub fn line(&self, pos: u32) -> usize {
        crate::lexer::strings::line_number(self.src, pos as usize)
    }

    /// The bracket depth right after token `i` (0 when unknown).
    #[must_use]
    pub fn level_after(&self, i: usize) -> u16 {
        self.levels.get(i).copied().unwrap_or(0)
    }
}

impl<'t, 's> Inspector<'t, In<'t, 's>> for PState<'t, 's> {
    /// Only the nesting depth follows backtracking; a raised error stays.
    type Checkpoint = u32;

    fn on_token(&mut self, token: &Tok<'s>) {
        // chumsky reads slice tokens by reference, so the token's address
        // tells its index.
        let base = self.toks.as_ptr() as usize;
        let at = std::ptr::from_ref(token) as usize;
        let size = std::mem::size_of::<Tok<'s>>();
        if at >= base && size > 0 {
            let index = (at - base) / size;
            if index < self.toks.len() {
                self.read(index);
            }
        }
        if *token == Tok::Error && self.raised.is_none() {
            self.touched_stop = true;
        }
    }

    fn on_save<'parse>(&self, _: &Cursor<'t, 'parse, In<'t, 's>>) -> u32 {
        self.depth
    }

    fn on_rewind<'parse>(&mut self, marker: &Checkpoint<'t, 'parse, In<'t, 's>, u32>) {
        self.depth = *marker.inspector();
    }
}

/// The index of the token the input is at.
pub fn here(inp: &mut Inp<'_, '_, '_>) -> usize {
    *inp.cursor().inner()
}

/// An error value for a custom parser failing where it stands.
pub fn fail_here(inp: &mut Inp<'_, '_, '_>) -> Err {
    let at = here(inp);
    Cheap::new(SimpleSpan::from(at..at))
}

/// Matches one token.
pub fn tok<'t, 's: 't>(t: Tok<'s>) -> impl Parser<'t, In<'t, 's>, Tok<'s>, Ex<'t, 's>> + Clone {
    just(t)
}

/// Second pass only: when `p` matches here, raise the error `make`
/// builds from its output and span (`None` lets the check pass), then
/// fail. The input is left where it was. This is CPython's `invalid_*`
/// rule. `p` runs with the second pass switched off, so that nested checks
/// cannot make it exponential (the main parse of the same text, which
/// runs the nested checks, comes first or after).
pub fn diag<'t, 's: 't, O: 't>(
    p: impl Parser<'t, In<'t, 's>, O, Ex<'t, 's>> + 't,
    make: impl Fn(O, SimpleSpan, &PState<'t, 's>) -> Option<SyntaxError> + 't,
) -> impl Parser<'t, In<'t, 's>, (), Ex<'t, 's>> + Clone {
    check(p, make, false)
}

/// Like [`diag`], but `p` runs with the second pass on, as CPython's
/// invalid-target rules do (an error nested in the target is reported
/// first). Used only where the valid parse of the same text failed early.
pub fn diag_nested<'t, 's: 't, O: 't>(
    p: impl Parser<'t, In<'t, 's>, O, Ex<'t, 's>> + 't,
    make: impl Fn(O, SimpleSpan, &PState<'t, 's>) -> Option<SyntaxError> + 't,
) -> impl Parser<'t, In<'t, 's>, (), Ex<'t, 's>> + Clone {
    check(p, make, true)
}

fn check<'t, 's: 't, O: 't>(
    p: impl Parser<'t, In<'t, 's>, O, Ex<'t, 's>> + 't,
    make: impl Fn(O, SimpleSpan, &PState<'t, 's>) -> Option<SyntaxError> + 't,
    nested_checks: bool,
) -> impl Parser<'t, In<'t, 's>, (), Ex<'t, 's>> + Clone {
    let p = std::rc::Rc::new((p, make));
    custom(move |inp: &mut Inp<'t, '_, 's>| {
        if !inp.state().diagnosing() {
            return Result::Err(fail_here(inp));
        }
        let before = inp.save();
        inp.state().diagnose = nested_checks;
        let result = inp.parse(&p.0);
        inp.state().diagnose = true;
        let span = inp.span_since(before.cursor());
        let raised = result.ok().and_then(|o| (p.1)(o, span, inp.state()));
        inp.rewind(before);
        if let Some(error) = raised {
            inp.state().raise(error);
        }
        Result::Err(fail_here(inp))
    })
}

/// A check that never succeeds (such as [`diag`]), typed to stand among
/// alternatives of any output type.
pub fn never<'t, 's: 't, O: 't>(
    check: impl Parser<'t, In<'t, 's>, (), Ex<'t, 's>> + Clone + 't,
) -> impl Parser<'t, In<'t, 's>, O, Ex<'t, 's>> + Clone {
    check.try_map(|(), span| Result::Err(Cheap::new(span)))
}

/// Raises `error` (built from the state and the index of the token here)
/// in either pass, then fails: CPython's forced tokens (`&&':'`) and
/// errors raised by actions.
pub fn raise_here<'t, 's: 't>(
    make: impl Fn(&PState<'t, 's>, usize) -> SyntaxError + Clone + 't,
) -> impl Parser<'t, In<'t, 's>, (), Ex<'t, 's>> + Clone {
    custom(move |inp: &mut Inp<'t, '_, 's>| {
        let at = here(inp);
        if inp.state().raised.is_none() {
            let error = make(inp.state(), at);
            inp.state().raise(error);
        }
        Result::Err(fail_here(inp))
    })
}

/// `t`, or CPython's forced-token error "expected 'x'" at the token found.
pub fn forced<'t, 's: 't>(
    t: Tok<'s>,
    text: &'static str,
) -> impl Parser<'t, In<'t, 's>, Tok<'s>, Ex<'t, 's>> + Clone {
    just(t).or(raise_here(move |st, at| {
        SyntaxError::new(format!("expected '{text}'"), st.tok_span(at))
    })
    .map(move |()| t))
}

/// Records the header keyword just read (what the statement is called and
/// its token index), for "expected an indented block after ..." messages,
/// and yields the keyword's index. A custom parser, because chumsky skips
/// `map_with` closures when it only checks a match.
pub fn header<'t, 's: 't>(
    what: &'static str,
) -> impl Parser<'t, In<'t, 's>, usize, Ex<'t, 's>> + Clone {
    custom(move |inp: &mut Inp<'t, '_, 's>| {
        let at = here(inp).saturating_sub(1);
        inp.state().header = Some((what, at));
        Ok(at)
    })
}

/// Notes where a top-level statement starts.
pub fn statement_start<'t, 's: 't>() -> impl Parser<'t, In<'t, 's>, (), Ex<'t, 's>> + Clone {
    custom(|inp: &mut Inp<'t, '_, 's>| {
        let at = here(inp);
        let starts = &mut inp.state().statement_starts;
        if starts.last().is_none_or(|&last| last < at) {
            starts.push(at);
        }
        Ok(())
    })
}

/// Fails as soon as an error was raised, so the parse stops early.
pub fn not_raised<'t, 's: 't>() -> impl Parser<'t, In<'t, 's>, (), Ex<'t, 's>> + Clone {
    custom(|inp: &mut Inp<'t, '_, 's>| {
        if inp.state().raised.is_some() {
            Result::Err(fail_here(inp))
        } else {
            Ok(())
        }
    })
}

/// Tries `p` here with the second pass switched to `diagnose`, then puts
/// the input back; yields `p`'s output and token span if it matched.
pub fn attempt<'t, 's, O>(
    inp: &mut Inp<'t, '_, 's>,
    p: &P<'t, 's, O>,
    diagnose: bool,
) -> Option<(O, SimpleSpan)> {
    let before = inp.save();
    let was = inp.state().diagnose;
    inp.state().diagnose = diagnose;
    let result = inp.parse(p);
    inp.state().diagnose = was;
    let span = inp.span_since(before.cursor());
    inp.rewind(before);
    result.ok().map(|o| (o, span))
}

/// Runs `p` in the second pass only, without consuming input and with the
/// second pass switched off inside it; yields its output and token span
/// if it matched. The caller decides what to raise.
pub fn probe<'t, 's: 't, O: 't>(
    p: impl Parser<'t, In<'t, 's>, O, Ex<'t, 's>> + 't,
) -> impl Parser<'t, In<'t, 's>, Option<(O, SimpleSpan)>, Ex<'t, 's>> + Clone {
    let p = std::rc::Rc::new(p);
    custom(move |inp: &mut Inp<'t, '_, 's>| {
        if !inp.state().diagnosing() {
            return Ok(None);
        }
        let before = inp.save();
        inp.state().diagnose = false;
        let result = inp.parse(&*p);
        inp.state().diagnose = true;
        let span = inp.span_since(before.cursor());
        inp.rewind(before);
        Ok(result.ok().map(|o| (o, span)))
    })
}

/// Succeeds without consuming input unless the next token satisfies
/// `pred` (CPython's negative lookahead `!x`).
pub fn peek_not<'t, 's: 't>(
    pred: impl Fn(Tok<'s>) -> bool + Clone + 't,
) -> impl Parser<'t, In<'t, 's>, (), Ex<'t, 's>> + Clone {
    custom(move |inp: &mut Inp<'t, '_, 's>| {
        let at = here(inp);
        inp.state().read(at);
        match inp.peek() {
            Some(t) if pred(t) => Result::Err(fail_here(inp)),
            _ => Ok(()),
        }
    })
}

/// Looks at the next token without consuming it.
pub fn peek_is<'t, 's: 't>(
    pred: impl Fn(Tok<'s>) -> bool + Clone + 't,
) -> impl Parser<'t, In<'t, 's>, (), Ex<'t, 's>> + Clone {
    custom(move |inp: &mut Inp<'t, '_, 's>| {
        let at = here(inp);
        inp.state().read(at);
        match inp.peek() {
            Some(t) if pred(t) => Ok(()),
            _ => Result::Err(fail_here(inp)),
        }
    })
}

/// Wraps `p` in the nesting guard: past [`MAX_NESTING`] levels the parse
/// stops with a located error instead of recursing further.
pub fn nested<'t, 's: 't, O: 't>(
    p: impl Parser<'t, In<'t, 's>, O, Ex<'t, 's>> + Clone + 't,
) -> impl Parser<'t, In<'t, 's>, O, Ex<'t, 's>> + Clone {
    custom(|inp: &mut Inp<'t, '_, 's>| {
        let at = here(inp);
        let st = inp.state();
        st.depth += 1;
        if st.depth > MAX_NESTING {
            let span = st.tok_span(at);
            st.raise(too_nested(span));
            return Result::Err(fail_here(inp));
        }
        Ok(())
    })
    .ignore_then(p)
    .then_ignore(custom(|inp: &mut Inp<'t, '_, 's>| {
        let st = inp.state();
        st.depth = st.depth.saturating_sub(1);
        Ok(())
    }))
}

/// The error for input nested deeper than [`MAX_NESTING`].
#[must_use]
pub fn too_nested(span: Span) -> SyntaxError {
    SyntaxError::new("too many nested parentheses", span)
}

/// The byte span of what the current parser matched.
pub fn span_of(e: &mut Mx<'_, '_, '_>) -> Span {
    let s = e.span();
    e.state().span(s)
}

/// An expression node.
#[must_use]
pub fn expr(kind: ExprKind, span: Span) -> Expr {
    Expr { kind, span }
}
