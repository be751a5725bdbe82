//! f-string bodies: literal text, replacement fields and their errors.
//!
//! In CPython 3.11 an f-string is one STRING token; the parser splits its
//! body while building the tree (`Parser/string_parser.c`), compiling each
//! field's expression as soon as its end is found. This module does the
//! splitting ahead of parsing: it decodes literal text, finds each field's
//! expression, lexes it (as CPython does, inside implicit parentheses) into
//! the shared [`Arena`], and records the errors CPython would raise, in the
//! order it would raise them. The parser then walks the [`FPart`]s in order,
//! parsing each field's tokens, so every error surfaces at the same moment
//! as in CPython.

use std::ops::Range;

use super::Tok;
use super::indent::lex_bracketed;
use super::strings::{Prefix, decode_escapes, normalize_newlines, split_literal};
use crate::ast::Span;
use crate::syntax_error::SyntaxError;

/// Token storage shared by the main stream's f-strings and their fields,
/// so that every token slice the parser reads lives as long as the parse.
#[derive(Debug, Default)]
pub struct Arena<'s> {
    /// The scanned f-strings; `Tok::FString(i)` refers to `fstrings[i]`.
    pub fstrings: Vec<FStringScan>,
    /// Tokens of replacement-field expressions (each field a contiguous run).
    pub toks: Vec<Tok<'s>>,
    /// Spans of `toks`.
    pub spans: Vec<Span>,
}

/// One f-string literal, split into parts.
#[derive(Clone, Debug, PartialEq)]
pub struct FStringScan {
    /// The parts in source order; an error part is always last.
    pub parts: Vec<FPart>,
}

/// A piece of an f-string body (or of a format spec).
#[derive(Clone, Debug, PartialEq)]
pub enum FPart {
    /// Literal text, escapes and doubled braces processed.
    Literal(String),
    /// A replacement field.
    Field(Box<FieldScan>),
    /// CPython's error at this point of the scan. It is reported where the
    /// parser stands (after the string tokens), as CPython does.
    Error(String),
    /// A tokenizer error inside a field's expression, with its own span.
    LexError(SyntaxError),
}

/// One `{expr!c:spec}` field before its expression is parsed.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldScan {
    /// The expression's tokens in [`Arena::toks`], wrapped in `(` `)`.
    pub tokens: Range<usize>,
    /// `{x=}`: the text before the value.
    pub debug_text: Option<String>,
    /// `!r`, `!s`, `!a` (CPython sets `r` for `{x=}` without spec or
    /// conversion).
    pub conversion: Option<char>,
    /// The format spec's parts.
    pub spec: Option<Vec<FPart>>,
}

/// Splits the f-string literal at `span` (prefix and quotes included).
pub fn prescan<'s>(src: &'s str, span: Span, arena: &mut Arena<'s>) -> FStringScan {
    let lit = &src[span.start as usize..span.end as usize];
    let (Prefix { raw, .. }, body, offset) = split_literal(lit);
    let mut scanner = Scanner {
        src,
        body: body.as_bytes(),
        body_str: body,
        base: span.start as usize + offset,
        raw,
        pos: 0,
        arena,
    };
    let mut parts = Vec::new();
    // An error has been pushed as the last part when this fails.
    let _ = scanner.parse(0, &mut parts);
    FStringScan { parts }
}

/// Marks that an error part was pushed and scanning stops.
struct Stop;

struct Scanner<'s, 'a> {
    src: &'s str,
    body: &'a [u8],
    body_str: &'a str,
    /// Absolute offset of `body` in `src`.
    base: usize,
    raw: bool,
    pos: usize,
    arena: &'a mut Arena<'s>,
}

impl Scanner<'_, '_> {
    fn at(&self, i: usize) -> u8 {
        self.body.get(i).copied().unwrap_or(0)
    }

    fn end(&self) -> usize {
        self.body.len()
    }

    fn fail(parts: &mut Vec<FPart>, message: &str) -> Result<(), Stop> {
        parts.push(FPart::Error(message.to_owned()));
        Err(Stop)
    }

    /// CPython's `fstring_parse` loop: literal, field, literal, field...
    fn parse(&mut self, level: u32, parts: &mut Vec<FPart>) -> Result<(), Stop> {
        loop {
            if self.literal(level, parts)? {
                continue;
            }
            if self.pos >= self.end() || self.at(self.pos) == b'}' {
                break;
            }
            self.field(level, parts)?;
        }
        if level != 0 && (self.pos >= self.end() || self.at(self.pos) != b'}') {
            return Self::fail(parts, "f-string: expecting '}'");
        }
        Ok(())
    }

    /// Literal text up to the next single brace. Returns `true` after a
    /// doubled brace (the caller loops for more literal text).
    fn literal(&mut self, level: u32, parts: &mut Vec<FPart>) -> Result<bool, Stop> {
        let start = self.pos;
        let end = self.end();
        let mut doubled = false;
        while self.pos < end {
            let mut ch = self.at(self.pos);
            self.pos += 1;
            if !self.raw && ch == b'\\' && self.pos < end {
                ch = self.at(self.pos);
                self.pos += 1;
                if ch == b'N' {
                    if self.pos < end && self.at(self.pos) == b'{' {
                        self.pos += 1;
                        while self.pos < end {
                            let c = self.at(self.pos);
                            self.pos += 1;
                            if c == b'}' {
                                break;
                            }
                        }
                    }
                    continue;
                }
            }
            if ch == b'{' || ch == b'}' {
                if level == 0 {
                    if self.pos < end && self.at(self.pos) == ch {
                        doubled = true;
                        break;
                    }
                    if ch == b'}' {
                        self.pos -= 1;
                        return Self::fail(parts, "f-string: single '}' is not allowed")
                            .map(|()| false);
                    }
                }
                self.pos -= 1;
                break;
            }
        }
        self.push_literal(start, self.pos, parts)?;
        if doubled {
            self.pos += 1;
        }
        Ok(doubled)
    }

    fn push_literal(&self, start: usize, end: usize, parts: &mut Vec<FPart>) -> Result<(), Stop> {
        if start == end {
            return Ok(());
        }
        let text = self.body_str.get(start..end).unwrap_or("");
        let decoded = if self.raw {
            Ok(normalize_newlines(text))
        } else {
            decode_escapes(text)
        };
        match decoded {
            Ok(s) => {
                if let Some(FPart::Literal(prev)) = parts.last_mut() {
                    prev.push_str(&s);
                } else {
                    parts.push(FPart::Literal(s));
                }
                Ok(())
            }
            Err(message) => Self::fail(parts, &message),
        }
    }

    /// A replacement field starting at `{` (CPython's `fstring_find_expr`).
    fn field(&mut self, level: u32, parts: &mut Vec<FPart>) -> Result<(), Stop> {
        if level >= 2 {
            return Self::fail(parts, "f-string: expressions nested too deeply");
        }
        let open = self.pos;
        self.pos += 1;
        let expr_start = self.pos;
        self.find_expr_end(parts)?;
        let expr_end = self.pos;
        let text = &self.body[expr_start..expr_end];
        if text
            .iter()
            .all(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c'))
        {
            let message = match self.at(expr_end) {
                c @ (b'!' | b':' | b'=') => {
                    format!("f-string: expression required before '{}'", c as char)
                }
                _ => "f-string: empty expression not allowed".to_owned(),
            };
            return Self::fail(parts, &message);
        }
        let abs = self.base + expr_start..self.base + expr_end;
        let tokens = match lex_bracketed(self.src, abs, self.base + open, self.arena) {
            Ok(range) => range,
            Err(error) => {
                parts.push(FPart::LexError(error));
                return Err(Stop);
            }
        };
        let mut field = FieldScan {
            tokens,
            debug_text: None,
            conversion: None,
            spec: None,
        };
        let result = self.field_tail(level, expr_start, &mut field);
        let explicit_conversion = field.conversion.is_some();
        if field.debug_text.is_some() && field.spec.is_none() && !explicit_conversion {
            field.conversion = Some('r');
        }
        parts.push(FPart::Field(Box::new(field)));
        match result {
            Ok(()) => Ok(()),
            Err(Some(message)) => Self::fail(parts, message),
            Err(None) => Err(Stop),
        }
    }

    /// Scans to the end of a field's expression: a `!`, `:`, `=` or `}` at
    /// bracket depth 0 outside strings.
    fn find_expr_end(&mut self, parts: &mut Vec<FPart>) -> Result<(), Stop> {
        let end = self.end();
        let mut quote = 0u8;
        let mut triple = false;
        let mut stack: Vec<u8> = Vec::new();
        while self.pos < end {
            let ch = self.at(self.pos);
            if ch == b'\\' {
                return Self::fail(parts, "f-string expression part cannot include a backslash");
            }
            if quote != 0 {
                if ch == quote {
                    if triple {
                        if self.pos + 2 < end
                            && self.at(self.pos + 1) == ch
                            && self.at(self.pos + 2) == ch
                        {
                            self.pos += 3;
                            quote = 0;
                            triple = false;
                            continue;
                        }
                    } else {
                        quote = 0;
                        self.pos += 1;
                        continue;
                    }
                }
                self.pos += 1;
                continue;
            }
            match ch {
                b'\'' | b'"' => {
                    if self.pos + 2 < end
                        && self.at(self.pos + 1) == ch
                        && self.at(self.pos + 2) == ch
                    {
                        triple = true;
                        self.pos += 2;
                    }
                    quote = ch;
                }
                b'[' | b'{' | b'(' => {
                    if stack.len() >= 200 {
                        return Self::fail(parts, "f-string: too many nested parenthesis");
                    }
                    stack.push(ch);
                }
                b'#' => {
                    return Self::fail(parts, "f-string expression part cannot include '#'");
                }
                b'!' | b':' | b'}' | b'=' | b'>' | b'<' if stack.is_empty() => {
                    let next = self.at(self.pos + 1);
                    if self.pos + 1 < end && next == b'=' && matches!(ch, b'!' | b'=' | b'<' | b'>')
                    {
                        self.pos += 2;
                        continue;
                    }
                    if ch == b'>' || ch == b'<' {
                        self.pos += 1;
                        continue;
                    }
                    break;
                }
                b']' | b'}' | b')' => {
                    let Some(opening) = stack.pop() else {
                        let msg = format!("f-string: unmatched '{}'", ch as char);
                        return Self::fail(parts, &msg);
                    };
                    let matching =
                        matches!((opening, ch), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
                    if !matching {
                        let msg = format!(
                            "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                            ch as char, opening as char
                        );
                        return Self::fail(parts, &msg);
                    }
                }
                _ => {}
            }
            self.pos += 1;
        }
        if quote != 0 {
            return Self::fail(parts, "f-string: unterminated string");
        }
        if let Some(&opening) = stack.last() {
            let msg = format!("f-string: unmatched '{}'", opening as char);
            return Self::fail(parts, &msg);
        }
        if self.pos >= end {
            return Self::fail(parts, "f-string: expecting '}'");
        }
        Ok(())
    }

    /// After the expression: `=`, `!c`, `:spec`, then `}`. Fails with the
    /// message to report, or with `None` when the spec already ends with
    /// its own error part.
    fn field_tail(
        &mut self,
        level: u32,
        expr_start: usize,
        field: &mut FieldScan,
    ) -> Result<(), Option<&'static str>> {
        const EXPECTING: Option<&str> = Some("f-string: expecting '}'");
        let end = self.end();
        if self.at(self.pos) == b'=' {
            self.pos += 1;
            while self.pos < end
                && matches!(
                    self.at(self.pos),
                    b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c'
                )
            {
                self.pos += 1;
            }
            if self.pos >= end {
                return Err(EXPECTING);
            }
            let text = self.body_str.get(expr_start..self.pos).unwrap_or("");
            field.debug_text = Some(normalize_newlines(text));
        }
        if self.at(self.pos) == b'!' {
            self.pos += 1;
            if self.pos >= end {
                return Err(EXPECTING);
            }
            let c = self.at(self.pos);
            self.pos += 1;
            if !matches!(c, b's' | b'r' | b'a') {
                return Err(Some(
                    "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                ));
            }
            field.conversion = Some(c as char);
        }
        if self.pos < end && self.at(self.pos) == b':' {
            self.pos += 1;
            if self.pos >= end {
                return Err(EXPECTING);
            }
            let mut spec = Vec::new();
            let nested = self.parse(level + 1, &mut spec);
            field.spec = Some(spec);
            if nested.is_err() {
                // The spec's own error part is already its last part.
                return Err(None);
            }
        }
        if self.pos >= end || self.at(self.pos) != b'}' {
            return Err(EXPECTING);
        }
        self.pos += 1;
        Ok(())
    }
}
