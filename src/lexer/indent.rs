//! The layout pass: physical lines to logical lines.
//!
//! logos yields one `Newline` per line break and knows nothing of
//! indentation. This pass, like CPython's tokenizer, drops comments,
//! ignores line breaks inside brackets and on blank or comment-only lines,
//! joins lines ending in `\`, measures each logical line's indentation (a
//! tab advances to the next multiple of 8; a second count with tabs as one
//! column detects inconsistent mixing) and emits NEWLINE, INDENT and DEDENT
//! from an indent stack. At the end of input it adds the last NEWLINE and
//! the remaining DEDENTs.
//!
//! It also tracks brackets, whose errors CPython's tokenizer reports, and
//! hands f-string literals to [`super::fstring`].

use std::ops::Range;

use logos::Logos;

use super::fstring::{Arena, FStringScan, prescan};
use super::strings::{line_number, split_literal};
use super::{LexError, Tok};
use crate::ast::Span;
use crate::syntax_error::{SyntaxError, SyntaxErrorKind};

/// Python's limit on nested indentation levels (CPython's `MAXINDENT`).
const MAX_INDENT: usize = 100;
/// Python's limit on open brackets (CPython's `MAXLEVEL`).
const MAX_BRACKETS: usize = 200;
/// Columns per tab stop.
const TAB_SIZE: u32 = 8;

/// A lexed source: the token stream and what the parser needs to know
/// about how it ended.
#[derive(Debug)]
pub struct Lexed<'s> {
    /// The tokens, in order.
    pub toks: Vec<Tok<'s>>,
    /// The byte span of each token.
    pub spans: Vec<Span>,
    /// How the stream ended.
    pub end: LexEnd,
    /// Index of the first token synthesized at end of input (the final
    /// NEWLINE, the DEDENTs and the ENDMARKER).
    pub eof_start: usize,
    /// Where errors at the end of input point: the last line break, or the
    /// end of the text when it does not end with one (CPython's ENDMARKER).
    pub eof_pos: usize,
    /// f-strings and the tokens of their fields.
    pub(crate) arena: Arena<'s>,
}

/// How a token stream ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LexEnd {
    /// The whole input was read.
    Complete,
    /// Lexing stopped; the stream ends with [`Tok::Error`] and the error is
    /// reported if the parser reaches that token.
    Stopped(Stop),
    /// A hard error (see [`LexError`]): reported whatever the parser finds,
    /// except a plain `unexpected indent` before it (CPython does not look
    /// further after that one). The stream ends with [`Tok::Error`].
    Failed {
        /// The error.
        error: SyntaxError,
        /// The input ended inside a string: more lines could complete it.
        needs_more_input: bool,
    },
}

/// Why lexing stopped early without a hard error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stop {
    /// The error to report when the parser gets there.
    pub error: SyntaxError,
    /// What kind of stop it is.
    pub kind: StopKind,
}

/// The kinds of [`Stop`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StopKind {
    /// The input ended with brackets open; the error names the innermost.
    UnclosedBracket,
    /// The input ended right after a `\` line continuation.
    EofAfterContinuation,
    /// An indentation error, a tab error, or a `\` followed by something
    /// other than a line break.
    Layout,
}

/// Lexes a whole file. A leading byte order mark is skipped, as Python
/// does when it reads a source file.
#[must_use]
pub fn lex(src: &str) -> Lexed<'_> {
    let start = if src.starts_with('\u{feff}') { 3 } else { 0 };
    lex_range(src, start..src.len())
}

/// Lexes the lines of `src` in `range` as if they were a whole file (the
/// range starts at a line start); spans are offsets into all of `src`.
#[must_use]
pub fn lex_range(src: &str, range: Range<usize>) -> Lexed<'_> {
    let mut arena = Arena::default();
    let mut layout = Layout::new(src, range.start, &mut arena, false);
    let end = layout.run(range.clone());
    if let LexEnd::Failed { error, .. } = &end {
        // The parser reads up to here, as CPython's reads up to the
        // tokenizer's error (see `LexEnd::Failed`).
        layout.push(Tok::Error, error.span);
        // Nothing here is the end of the input.
        layout.eof_start = layout.toks.len();
    }
    let Layout {
        toks,
        spans,
        eof_start,
        ..
    } = layout;
    let eof_pos = eof_position(&src[..range.end]);
    Lexed {
        toks,
        spans,
        end,
        eof_start,
        eof_pos,
        arena,
    }
}

/// Lexes the expression of an f-string replacement field (`range` of
/// `src`), as CPython does, inside implicit parentheses: line breaks are
/// ignored and the tokens are wrapped in `(` `)`. The tokens are appended
/// to `arena`; returns their range there, or the first lexing error.
pub(crate) fn lex_bracketed<'s>(
    src: &'s str,
    range: Range<usize>,
    open_brace: usize,
    arena: &mut Arena<'s>,
) -> Result<Range<usize>, SyntaxError> {
    let mut layout = Layout::new(src, range.start, arena, true);
    layout.push(Tok::LPar, Span::new(open_brace, open_brace + 1));
    let end = layout.run(range.clone());
    layout.push(Tok::RPar, Span::new(range.end, range.end + 1));
    let (toks, spans) = (layout.toks, layout.spans);
    match end {
        LexEnd::Complete => {
            let start = arena.toks.len();
            arena.toks.extend(toks);
            arena.spans.extend(spans);
            Ok(start..arena.toks.len())
        }
        LexEnd::Stopped(Stop { error, .. }) | LexEnd::Failed { error, .. } => Err(error),
    }
}

/// CPython's ENDMARKER position: the final line break, or the end of text.
fn eof_position(src: &str) -> usize {
    let b = src.as_bytes();
    match b.last() {
        Some(b'\n') if b.len() >= 2 && b[b.len() - 2] == b'\r' => b.len() - 2,
        Some(b'\n' | b'\r') => b.len() - 1,
        _ => b.len(),
    }
}

/// The state of the layout pass.
struct Layout<'s, 'a> {
    src: &'s str,
    toks: Vec<Tok<'s>>,
    spans: Vec<Span>,
    arena: &'a mut Arena<'s>,
    /// Indentation levels: (column with tabs to 8, column with tabs as 1).
    indents: Vec<(u32, u32)>,
    /// Open brackets: the character and its span.
    brackets: Vec<(u8, Span)>,
    /// Inside an f-string field: line breaks never end a logical line.
    bracketed: bool,
    /// No token of the current logical line has been seen yet.
    at_line_start: bool,
    /// Start of the current physical line.
    line_start: usize,
    /// Start of a comment seen on the current line (NEWLINE starts there).
    comment_start: Option<usize>,
    eof_start: usize,
}

impl<'s, 'a> Layout<'s, 'a> {
    fn new(src: &'s str, line_start: usize, arena: &'a mut Arena<'s>, bracketed: bool) -> Self {
        Self {
            src,
            toks: Vec::new(),
            spans: Vec::new(),
            arena,
            indents: vec![(0, 0)],
            brackets: Vec::new(),
            bracketed,
            at_line_start: !bracketed,
            line_start,
            comment_start: None,
            eof_start: 0,
        }
    }

    fn push(&mut self, tok: Tok<'s>, span: Span) {
        self.toks.push(tok);
        self.spans.push(span);
    }

    /// Line breaks are layout only outside brackets.
    fn in_brackets(&self) -> bool {
        self.bracketed || !self.brackets.is_empty()
    }

    fn stop(&mut self, error: SyntaxError, kind: StopKind) -> LexEnd {
        self.push(Tok::Error, error.span);
        LexEnd::Stopped(Stop { error, kind })
    }

    /// Lexes `range` of the source.
    fn run(&mut self, range: Range<usize>) -> LexEnd {
        let base = range.start;
        let text = &self.src[range];
        let mut lexer = Tok::lexer(text);
        while let Some(result) = lexer.next() {
            let r = lexer.span();
            let span = Span::new(base + r.start, base + r.end);
            let tok = match result {
                Ok(tok) => tok,
                Err(LexError {
                    error,
                    needs_more_input,
                }) => {
                    return LexEnd::Failed {
                        error: shift(error, base),
                        needs_more_input,
                    };
                }
            };
            if let Some(end) = self.token(tok, span) {
                return end;
            }
        }
        self.finish()
    }

    /// Handles one raw token; returns how lexing ends if it ends here.
    fn token(&mut self, tok: Tok<'s>, span: Span) -> Option<LexEnd> {
        match tok {
            Tok::Comment => {
                if !self.at_line_start {
                    self.comment_start = Some(span.start as usize);
                }
                None
            }
            Tok::Newline => {
                if !self.at_line_start && !self.in_brackets() {
                    let start = self.comment_start.map_or(span.start, |c| c as u32);
                    self.push(
                        Tok::Newline,
                        Span {
                            start,
                            end: span.end,
                        },
                    );
                    self.at_line_start = true;
                }
                self.comment_start = None;
                self.line_start = span.end as usize;
                None
            }
            Tok::Continuation => {
                if self.at_line_start
                    && !self.in_brackets()
                    && let Some(end) = self.indentation(span.start as usize)
                {
                    return Some(end);
                }
                self.at_line_start = false;
                if span.end as usize == self.src.len() {
                    // CPython points just after the backslash.
                    let at = span.start as usize + 1;
                    let error = SyntaxError::new("unexpected EOF while parsing", Span::new(at, at));
                    return Some(self.stop(error, StopKind::EofAfterContinuation));
                }
                None
            }
            Tok::Backslash => {
                let at = span.end as usize;
                let error = if at >= self.src.len() {
                    SyntaxError::new("unexpected EOF while parsing", Span::new(at, at))
                } else {
                    let next = self.src[at..].chars().next().map_or(1, char::len_utf8);
                    SyntaxError::new(
                        "unexpected character after line continuation character",
                        Span::new(at, at + next),
                    )
                };
                let kind = if at >= self.src.len() {
                    StopKind::EofAfterContinuation
                } else {
                    StopKind::Layout
                };
                Some(self.stop(error, kind))
            }
            _ => {
                if self.at_line_start && !self.in_brackets() {
                    if let Some(end) = self.indentation(span.start as usize) {
                        return Some(end);
                    }
                    self.at_line_start = false;
                }
                self.real_token(tok, span)
            }
        }
    }

    /// A token that reaches the parser (brackets checked, f-strings scanned).
    fn real_token(&mut self, tok: Tok<'s>, span: Span) -> Option<LexEnd> {
        match tok {
            Tok::LPar | Tok::LSqb | Tok::LBrace => {
                if self.brackets.len() >= MAX_BRACKETS {
                    return Some(failed(SyntaxError::new(
                        "too many nested parentheses",
                        span,
                    )));
                }
                let ch = self.src.as_bytes()[span.start as usize];
                self.brackets.push((ch, span));
            }
            Tok::RPar | Tok::RSqb | Tok::RBrace => {
                let ch = self.src.as_bytes()[span.start as usize];
                let Some((open, open_span)) = self.brackets.pop() else {
                    if self.bracketed {
                        // Unreachable after the f-string scan checked brackets.
                        return Some(failed(SyntaxError::new("f-string: unmatched ')'", span)));
                    }
                    return Some(failed(SyntaxError::new(
                        format!("unmatched '{}'", ch as char),
                        span,
                    )));
                };
                let matching = matches!((open, ch), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
                if !matching {
                    let open_line = line_number(self.src, open_span.start as usize);
                    let here = line_number(self.src, span.start as usize);
                    let mut msg = format!(
                        "closing parenthesis '{}' does not match opening parenthesis '{}'",
                        ch as char, open as char
                    );
                    if open_line != here {
                        use std::fmt::Write as _;
                        let _ = write!(msg, " on line {open_line}");
                    }
                    return Some(failed(SyntaxError::new(msg, span)));
                }
            }
            Tok::Str(lit) if split_literal(lit).0.format => {
                let scanned: FStringScan = prescan(self.src, span, self.arena);
                let index = self.arena.fstrings.len() as u32;
                self.arena.fstrings.push(scanned);
                self.push(Tok::FString(index), span);
                return None;
            }
            _ => {}
        }
        self.push(tok, span);
        None
    }

    /// Measures the indentation of the logical line whose first token is at
    /// `first`, and emits INDENT or DEDENTs (or reports an error).
    fn indentation(&mut self, first: usize) -> Option<LexEnd> {
        let (mut col, mut alt) = (0u32, 0u32);
        for b in &self.src.as_bytes()[self.line_start..first] {
            match b {
                b' ' => {
                    col += 1;
                    alt += 1;
                }
                b'\t' => {
                    col = (col / TAB_SIZE + 1) * TAB_SIZE;
                    alt += 1;
                }
                b'\x0c' => {
                    col = 0;
                    alt = 0;
                }
                _ => break,
            }
        }
        let line_span = Span::new(self.line_start, self.line_start + 1);
        let &(top, top_alt) = self.indents.last().unwrap_or(&(0, 0));
        match col.cmp(&top) {
            std::cmp::Ordering::Equal => {
                if alt != top_alt {
                    return Some(self.tab_error(line_span));
                }
            }
            std::cmp::Ordering::Greater => {
                if self.indents.len() >= MAX_INDENT {
                    let error =
                        SyntaxError::indentation("too many levels of indentation", line_span);
                    return Some(self.stop(error, StopKind::Layout));
                }
                if alt <= top_alt {
                    return Some(self.tab_error(line_span));
                }
                self.indents.push((col, alt));
                let at = first.saturating_sub(1).max(self.line_start);
                self.push(Tok::Indent, Span::new(at, first));
            }
            std::cmp::Ordering::Less => return self.dedent(col, alt, first, line_span),
        }
        None
    }

    /// Pops indentation levels down to `col`, which must be one of them.
    fn dedent(&mut self, col: u32, alt: u32, first: usize, line_span: Span) -> Option<LexEnd> {
        let keep = self
            .indents
            .iter()
            .rposition(|&(c, _)| c <= col)
            .unwrap_or(0);
        let &(top, top_alt) = self.indents.get(keep).unwrap_or(&(0, 0));
        // Like CPython, a mismatch is reported before any DEDENT.
        if col != top {
            // CPython points at the end of the offending line.
            let end = self.src[first..]
                .find(['\n', '\r'])
                .map_or(self.src.len(), |i| first + i);
            let at = if end < self.src.len() {
                end
            } else {
                end.saturating_sub(1).max(first)
            };
            let error = SyntaxError::indentation(
                "unindent does not match any outer indentation level",
                Span::new(at, at + 1),
            );
            return Some(self.stop(error, StopKind::Layout));
        }
        if alt != top_alt {
            return Some(self.tab_error(line_span));
        }
        while self.indents.len() > keep + 1 {
            self.indents.pop();
            self.push(Tok::Dedent, Span::new(first, first));
        }
        None
    }

    fn tab_error(&mut self, span: Span) -> LexEnd {
        let error = SyntaxError {
            kind: SyntaxErrorKind::Tab,
            message: "inconsistent use of tabs and spaces in indentation".to_owned(),
            span,
        };
        self.stop(error, StopKind::Layout)
    }

    /// End of input: unclosed brackets, or the last NEWLINE and DEDENTs.
    fn finish(&mut self) -> LexEnd {
        if !self.bracketed
            && let Some(&(ch, span)) = self.brackets.last()
        {
            let error = SyntaxError::new(format!("'{}' was never closed", ch as char), span);
            self.eof_start = self.toks.len();
            return self.stop(error, StopKind::UnclosedBracket);
        }
        self.eof_start = self.toks.len();
        if self.bracketed {
            return LexEnd::Complete;
        }
        let len = self.src.len();
        if !self.at_line_start {
            let start = self.comment_start.unwrap_or(len);
            self.push(Tok::Newline, Span::new(start, len));
        }
        let eof = eof_position(self.src);
        while self.indents.len() > 1 {
            self.indents.pop();
            self.push(Tok::Dedent, Span::new(eof, eof));
        }
        self.push(Tok::EndMarker, Span::new(eof, eof));
        LexEnd::Complete
    }
}

fn failed(error: SyntaxError) -> LexEnd {
    LexEnd::Failed {
        error,
        needs_more_input: false,
    }
}

/// Moves an error found in a slice starting at `base` to file positions.
fn shift(mut error: SyntaxError, base: usize) -> SyntaxError {
    error.span = Span::new(
        error.span.start as usize + base,
        error.span.end as usize + base,
    );
    error
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The token stream as short names, layout tokens in capitals.
    fn kinds(src: &str) -> Vec<String> {
        let lexed = lex(src);
        lexed
            .toks
            .iter()
            .filter(|t| **t != Tok::EndMarker)
            .map(|t| match t {
                Tok::Name(n) | Tok::Number(n) => (*n).to_owned(),
                other => other.to_string(),
            })
            .collect()
    }

    fn joined(src: &str) -> String {
        kinds(src).join(" ")
    }

    #[test]
    fn simple_lines_end_with_newline() {
        assert_eq!(joined("x = 1\ny = 2\n"), "x = 1 NEWLINE y = 2 NEWLINE");
        assert_eq!(joined("x = 1"), "x = 1 NEWLINE");
        assert_eq!(joined(""), "");
        assert_eq!(joined("\n\n"), "");
    }

    #[test]
    fn blocks_indent_and_dedent() {
        assert_eq!(
            joined("if a:\n    b\n    if c:\n        d\ne\n"),
            "if a : NEWLINE INDENT b NEWLINE if c : NEWLINE INDENT d NEWLINE DEDENT DEDENT e NEWLINE"
        );
    }

    #[test]
    fn dedents_at_end_of_input() {
        assert_eq!(
            joined("def f():\n    if x:\n        pass"),
            "def f ( ) : NEWLINE INDENT if x : NEWLINE INDENT pass NEWLINE DEDENT DEDENT"
        );
        let lexed = lex("if x:\n    pass\n");
        assert_eq!(lexed.eof_start, 7);
        assert_eq!(lexed.eof_pos, 14);
        assert_eq!(lexed.end, LexEnd::Complete);
    }

    #[test]
    fn blank_and_comment_lines_are_skipped() {
        assert_eq!(
            joined("if a:\n\n    # note\n  # odd comment\n    b  # trailing\n\n# end\n"),
            "if a : NEWLINE INDENT b NEWLINE DEDENT"
        );
    }

    #[test]
    fn newline_after_comment_starts_at_the_comment() {
        let lexed = lex("x  # c\n");
        assert_eq!(lexed.toks[1], Tok::Newline);
        assert_eq!(lexed.spans[1], Span::new(3, 7));
    }

    #[test]
    fn brackets_join_lines() {
        assert_eq!(
            joined("x = (1,\n  2,\n)\ny\n"),
            "x = ( 1 , 2 , ) NEWLINE y NEWLINE"
        );
        assert_eq!(joined("f(a,\n# c\n    b)\n"), "f ( a , b ) NEWLINE");
        assert_eq!(
            joined("if a:\n    x = [\n1]\n"),
            "if a : NEWLINE INDENT x = [ 1 ] NEWLINE DEDENT"
        );
    }

    #[test]
    fn backslash_continues_the_line() {
        assert_eq!(
            joined("x = 1 + \\\n    2\ny\n"),
            "x = 1 + 2 NEWLINE y NEWLINE"
        );
        assert_eq!(
            joined("if a:\n    x = 1 \\\n+ 2\n"),
            "if a : NEWLINE INDENT x = 1 + 2 NEWLINE DEDENT"
        );
    }

    #[test]
    fn backslash_errors() {
        let lexed = lex("x = \\ y\n");
        let LexEnd::Stopped(stop) = lexed.end else {
            panic!("{:?}", lexed.end)
        };
        assert_eq!(
            stop.error.message,
            "unexpected character after line continuation character"
        );
        assert_eq!(stop.error.span.start, 5);
        let lexed = lex("x = 1 + \\\n");
        let LexEnd::Stopped(stop) = lexed.end else {
            panic!()
        };
        assert_eq!(stop.error.message, "unexpected EOF while parsing");
        assert_eq!(stop.kind, StopKind::EofAfterContinuation);
        assert_eq!(lexed.toks.last(), Some(&Tok::Error));
    }

    #[test]
    fn tabs_advance_to_multiples_of_eight() {
        assert_eq!(
            joined("if a:\n\tb\n        c\n"),
            "if a : NEWLINE INDENT b NEWLINE <error>"
        );
        assert_eq!(
            joined("if a:\n\tb\n\tc\n"),
            "if a : NEWLINE INDENT b NEWLINE c NEWLINE DEDENT"
        );
        let lexed = lex("if 1:\n        x\n\ty\n");
        let LexEnd::Stopped(stop) = lexed.end else {
            panic!()
        };
        assert_eq!(stop.error.kind, SyntaxErrorKind::Tab);
        assert_eq!(stop.error.span.start, 16);
    }

    #[test]
    fn inconsistent_dedent_is_an_indentation_error() {
        assert_eq!(
            joined("def f():\n    if x:\n code\n"),
            "def f ( ) : NEWLINE INDENT if x : NEWLINE <error>"
        );
        let lexed = lex("if True:\n  x\n y\n");
        let LexEnd::Stopped(stop) = lexed.end else {
            panic!()
        };
        assert_eq!(stop.error.kind, SyntaxErrorKind::Indentation);
        assert_eq!(
            stop.error.message,
            "unindent does not match any outer indentation level"
        );
        // CPython points at the end of the line (offset 3 on line 3).
        assert_eq!(stop.error.span.start, 15);
    }

    #[test]
    fn too_many_indentation_levels() {
        let mut src = String::new();
        for i in 0..=100 {
            src.push_str(&" ".repeat(i));
            src.push_str("if x:\n");
        }
        let lexed = lex(&src);
        let LexEnd::Stopped(stop) = lexed.end else {
            panic!()
        };
        assert_eq!(stop.error.message, "too many levels of indentation");
    }

    #[test]
    fn unclosed_and_mismatched_brackets() {
        let lexed = lex("x = (1,\n");
        let LexEnd::Stopped(stop) = &lexed.end else {
            panic!()
        };
        assert_eq!(stop.error.message, "'(' was never closed");
        assert_eq!(stop.error.span.start, 4);
        assert_eq!(stop.kind, StopKind::UnclosedBracket);

        let lexed = lex("(\n]\n");
        let LexEnd::Failed { error, .. } = lexed.end else {
            panic!()
        };
        assert_eq!(
            error.message,
            "closing parenthesis ']' does not match opening parenthesis '(' on line 1"
        );
        let lexed = lex(")\n");
        let LexEnd::Failed { error, .. } = lexed.end else {
            panic!()
        };
        assert_eq!(error.message, "unmatched ')'");
        let deep = "(".repeat(201);
        let lexed = lex(&deep);
        let LexEnd::Failed { error, .. } = lexed.end else {
            panic!()
        };
        assert_eq!(error.message, "too many nested parentheses");
    }

    #[test]
    fn unterminated_strings() {
        let LexEnd::Failed {
            error,
            needs_more_input,
        } = lex("x = 'abc\n").end
        else {
            panic!()
        };
        assert_eq!(
            error.message,
            "unterminated string literal (detected at line 1)"
        );
        assert_eq!(error.span.start, 4);
        assert!(!needs_more_input);
        let LexEnd::Failed {
            error,
            needs_more_input,
        } = lex("'''abc\ndef\n").end
        else {
            panic!()
        };
        assert_eq!(
            error.message,
            "unterminated triple-quoted string literal (detected at line 2)"
        );
        assert!(needs_more_input);
    }

    #[test]
    fn invalid_characters() {
        let LexEnd::Failed { error, .. } = lex("x = €\n").end else {
            panic!()
        };
        assert_eq!(error.message, "invalid character '€' (U+20AC)");
        assert_eq!(error.span.start, 4);
        let LexEnd::Failed { error, .. } = lex("x = a\u{a0}b\n").end else {
            panic!()
        };
        assert_eq!(error.message, "invalid non-printable character U+00A0");
        assert_eq!(joined("é = ﬁ\n"), "é = ﬁ NEWLINE");
    }

    #[test]
    fn byte_order_mark_is_skipped() {
        assert_eq!(joined("\u{feff}x = 1\n"), "x = 1 NEWLINE");
    }

    #[test]
    fn operators_take_the_longest_match() {
        assert_eq!(
            joined("a **= b //= c >>= d <<= e -> f := g ... h @ i != j\n"),
            "a **= b //= c >>= d <<= e -> f := g ... h @ i != j NEWLINE"
        );
    }
}
