//! Number literals: where they end, and CPython's errors for bad ones.
//!
//! The logos rule only spots the first digit (or `.` and a digit); this
//! scanner follows CPython's `tok_get` step by step so that the same inputs
//! are accepted (`1_000`, `0x_ff`, `1.e5`, `1if x else y`) and the same
//! messages and columns are reported for the rest.

use logos::Lexer;

use super::{LexError, Tok};
use crate::ast::Span;
use crate::syntax_error::SyntaxError;

/// The logos callback for numbers: scans the literal and advances the lexer
/// past it.
pub fn scan<'s>(lex: &mut Lexer<'s, Tok<'s>>) -> Result<&'s str, LexError> {
    let start = lex.span().start;
    let src = lex.source();
    let end = scan_at(src, start).map_err(LexError::new)?;
    let already = lex.span().end;
    lex.bump(end - already);
    Ok(&src[start..end])
}

/// Scans the number starting at `start`; returns where it ends.
fn scan_at(src: &str, start: usize) -> Result<usize, SyntaxError> {
    let mut s = Scanner {
        bytes: src.as_bytes(),
        src,
        pos: start,
        start,
    };
    s.number()?;
    Ok(s.pos)
}

struct Scanner<'a> {
    bytes: &'a [u8],
    src: &'a str,
    /// The next byte to read.
    pos: usize,
    /// Where the literal starts.
    start: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> u8 {
        self.bytes.get(self.pos).copied().unwrap_or(0)
    }

    fn peek_at(&self, n: usize) -> u8 {
        self.bytes.get(self.pos + n).copied().unwrap_or(0)
    }

    /// CPython reports tokenizer errors at the last character it consumed;
    /// `consumed` is how many bytes after `pos` it had read.
    fn error(&self, consumed: usize, message: impl Into<String>) -> SyntaxError {
        let cursor = (self.pos + consumed).min(self.bytes.len());
        let at = prev_char_start(self.src, cursor).max(line_start(self.src, cursor));
        let end = if cursor > at { cursor } else { at + 1 };
        SyntaxError::new(message, Span::new(at, end.min(self.bytes.len().max(at))))
    }

    fn number(&mut self) -> Result<(), SyntaxError> {
        let c = self.peek();
        if c == b'.' {
            self.pos += 1;
            return self.fraction();
        }
        if c == b'0' {
            match self.peek_at(1) {
                b'x' | b'X' => {
                    self.pos += 2;
                    return self.radix("hexadecimal", |b| b.is_ascii_hexdigit(), None);
                }
                b'o' | b'O' => {
                    self.pos += 2;
                    return self.radix("octal", |b| (b'0'..b'8').contains(&b), Some(b"89"));
                }
                b'b' | b'B' => {
                    self.pos += 2;
                    return self.radix("binary", |b| b == b'0' || b == b'1', Some(b"23456789"));
                }
                _ => return self.zero(),
            }
        }
        self.decimal_tail()?;
        self.after_integer_part()
    }

    /// Digits after `0x`, `0o` or `0b`, with single `_` separators.
    fn radix(
        &mut self,
        kind: &str,
        is_digit: fn(u8) -> bool,
        bad_digits: Option<&[u8]>,
    ) -> Result<(), SyntaxError> {
        loop {
            if self.peek() == b'_' {
                self.pos += 1;
            }
            let c = self.peek();
            if !is_digit(c) {
                if let Some(bad) = bad_digits
                    && bad.contains(&c)
                {
                    return Err(self.error(
                        1,
                        format!("invalid digit '{}' in {kind} literal", c as char),
                    ));
                }
                return Err(self.error(0, format!("invalid {kind} literal")));
            }
            while is_digit(self.peek()) {
                self.pos += 1;
            }
            if self.peek() != b'_' {
                break;
            }
        }
        let c = self.peek();
        if let Some(bad) = bad_digits
            && bad.contains(&c)
        {
            return Err(self.error(
                1,
                format!("invalid digit '{}' in {kind} literal", c as char),
            ));
        }
        self.end_of_number(kind)
    }

    /// A literal starting with `0` that is not hex, octal or binary: `0`,
    /// `00`, `0_0`, `0.5`, `0e1`, or an error for `012`.
    fn zero(&mut self) -> Result<(), SyntaxError> {
        self.pos += 1; // the first '0'
        loop {
            if self.peek() == b'_' {
                self.pos += 1;
                if !self.peek().is_ascii_digit() {
                    return Err(self.error(0, "invalid decimal literal"));
                }
            }
            if self.peek() != b'0' {
                break;
            }
            self.pos += 1;
        }
        let zeros_end = self.pos;
        let mut nonzero = false;
        if self.peek().is_ascii_digit() {
            nonzero = true;
            self.decimal_tail()?;
        }
        match self.peek() {
            b'.' => {
                self.pos += 1;
                self.fraction()
            }
            b'e' | b'E' => self.exponent(),
            b'j' | b'J' => self.imaginary(),
            _ if nonzero => Err(SyntaxError::new(
                "leading zeros in decimal integer literals are not permitted; \
                 use an 0o prefix for octal integers",
                Span::new(self.start, zeros_end.max(self.start + 1)),
            )),
            _ => self.end_of_number("decimal"),
        }
    }

    /// Digits with single `_` separators (CPython's `tok_decimal_tail`).
    fn decimal_tail(&mut self) -> Result<(), SyntaxError> {
        loop {
            while self.peek().is_ascii_digit() {
                self.pos += 1;
            }
            if self.peek() != b'_' {
                return Ok(());
            }
            self.pos += 1;
            if !self.peek().is_ascii_digit() {
                return Err(self.error(0, "invalid decimal literal"));
            }
        }
    }

    fn after_integer_part(&mut self) -> Result<(), SyntaxError> {
        match self.peek() {
            b'.' => {
                self.pos += 1;
                self.fraction()
            }
            b'e' | b'E' => self.exponent(),
            b'j' | b'J' => self.imaginary(),
            _ => self.end_of_number("decimal"),
        }
    }

    /// After the `.`: optional digits, then an optional exponent.
    fn fraction(&mut self) -> Result<(), SyntaxError> {
        if self.peek().is_ascii_digit() {
            self.decimal_tail()?;
        }
        match self.peek() {
            b'e' | b'E' => self.exponent(),
            b'j' | b'J' => self.imaginary(),
            _ => self.end_of_number("decimal"),
        }
    }

    /// At `e`/`E`.
    fn exponent(&mut self) -> Result<(), SyntaxError> {
        let e_pos = self.pos;
        self.pos += 1;
        let c = self.peek();
        if c == b'+' || c == b'-' {
            self.pos += 1;
            if !self.peek().is_ascii_digit() {
                return Err(self.error(0, "invalid decimal literal"));
            }
        } else if !c.is_ascii_digit() {
            // `1e` followed by something else: the number ends before the
            // `e`, unless the `e` starts a name glued to the number.
            self.pos = e_pos;
            return self.end_of_number("decimal");
        }
        self.decimal_tail()?;
        if matches!(self.peek(), b'j' | b'J') {
            return self.imaginary();
        }
        self.end_of_number("decimal")
    }

    /// At `j`/`J`: imaginary literals are valid Python but not part of
    /// pyco's subset.
    fn imaginary(&mut self) -> Result<(), SyntaxError> {
        self.pos += 1;
        self.end_of_number("imaginary")?;
        Err(SyntaxError::new(
            "imaginary literals are not supported by pyco",
            Span::new(self.start, self.pos),
        ))
    }

    /// CPython's `verify_end_of_number`: a number may be followed directly
    /// by a keyword that can follow it in valid code (`1if x else y`), but
    /// not by any other name character.
    fn end_of_number(&mut self, kind: &str) -> Result<(), SyntaxError> {
        let c = self.peek();
        let rest = &self.bytes[(self.pos + 1).min(self.bytes.len())..];
        // What must follow the first letter, as CPython checks it (for
        // `i` only the second letter is looked at).
        let keyword_follows = match c {
            b'a' => keyword_rest(rest, b"nd"),
            b'e' => keyword_rest(rest, b"lse"),
            b'f' => keyword_rest(rest, b"or"),
            b'o' => keyword_rest(rest, b"r"),
            b'n' => keyword_rest(rest, b"ot"),
            b'i' => matches!(rest.first(), Some(b'f' | b'n' | b's')),
            _ => false,
        };
        if !keyword_follows && is_name_byte(c) {
            return Err(self.error(0, format!("invalid {kind} literal")));
        }
        Ok(())
    }
}

/// Whether `rest` starts with `tail` not followed by a name character.
fn keyword_rest(rest: &[u8], tail: &[u8]) -> bool {
    rest.starts_with(tail) && !rest.get(tail.len()).copied().is_some_and(is_name_byte)
}

/// CPython's `is_potential_identifier_char`.
fn is_name_byte(c: u8) -> bool {
    c == b'_' || c.is_ascii_alphanumeric() || c >= 0x80
}

/// The start of the character that ends just before `pos`.
fn prev_char_start(src: &str, pos: usize) -> usize {
    if pos == 0 {
        return 0;
    }
    let mut p = pos - 1;
    while p > 0 && !src.is_char_boundary(p) {
        p -= 1;
    }
    p
}

/// The start of the line holding `pos`.
fn line_start(src: &str, pos: usize) -> usize {
    src[..pos.min(src.len())]
        .rfind(['\n', '\r'])
        .map_or(0, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn end(src: &str) -> Result<usize, (String, usize)> {
        scan_at(src, 0).map_err(|e| (e.message, e.span.start as usize))
    }

    #[test]
    fn valid_numbers_end_where_cpython_ends_them() {
        assert_eq!(end("1_000 "), Ok(5));
        assert_eq!(end("0x_ff)"), Ok(5));
        assert_eq!(end("1.e5"), Ok(4));
        assert_eq!(end("1_0.5e1_0+"), Ok(9));
        assert_eq!(end("1if x"), Ok(1));
        assert_eq!(end("0x0for 36"), Ok(4));
        assert_eq!(end("1or 2"), Ok(1));
        assert_eq!(end("0"), Ok(1));
        assert_eq!(end("00"), Ok(2));
        assert_eq!(end("09.5"), Ok(4));
        assert_eq!(end("5."), Ok(2));
        assert_eq!(end(".5"), Ok(2));
        assert_eq!(end("1e+5"), Ok(4));
    }

    #[test]
    fn errors_use_cpython_messages_and_columns() {
        assert_eq!(end("1_\n"), Err(("invalid decimal literal".into(), 1)));
        assert_eq!(end("1__0"), Err(("invalid decimal literal".into(), 1)));
        assert_eq!(end("0x\n"), Err(("invalid hexadecimal literal".into(), 1)));
        assert_eq!(
            end("0b2"),
            Err(("invalid digit '2' in binary literal".into(), 2))
        );
        assert_eq!(
            end("0o8"),
            Err(("invalid digit '8' in octal literal".into(), 2))
        );
        assert_eq!(end("1abc"), Err(("invalid decimal literal".into(), 0)));
        assert_eq!(end("1e"), Err(("invalid decimal literal".into(), 0)));
        assert_eq!(end("1e+\n"), Err(("invalid decimal literal".into(), 2)));
        assert_eq!(
            end("1.__class__"),
            Err(("invalid decimal literal".into(), 1))
        );
        assert_eq!(end("0b1_\n"), Err(("invalid binary literal".into(), 3)));
        assert!(end("012").is_err_and(|(m, at)| m.starts_with("leading zeros") && at == 0));
        assert!(end("1j").is_err_and(|(m, _)| m.contains("imaginary")));
        // A keyword glued to more name characters is no keyword.
        assert_eq!(
            end("0x00for36"),
            Err(("invalid hexadecimal literal".into(), 4))
        );
        assert_eq!(
            end("0x1and 2"),
            Err(("invalid hexadecimal literal".into(), 3))
        );
        assert_eq!(end("1orx"), Err(("invalid decimal literal".into(), 0)));
    }
}
