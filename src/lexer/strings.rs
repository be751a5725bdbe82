//! String literals: where they end (a logos callback), their prefix, and
//! escape decoding.
//!
//! The lexer only finds a literal's end, as CPython's tokenizer does; the
//! parser decodes escapes when it builds the constant, so a bad escape is a
//! parser-time error reported after the tokens that follow it, with
//! CPython's `(unicode error) 'unicodeescape' codec ...` wording.

use logos::Lexer;

use super::{LexError, Tok};
use crate::ast::Span;
use crate::syntax_error::SyntaxError;

/// The logos callback for string literals: scans to the closing quote.
pub fn scan<'s>(lex: &mut Lexer<'s, Tok<'s>>) -> Result<&'s str, LexError> {
    let start = lex.span().start;
    let src = lex.source();
    let end = scan_at(src, start, lex.span().end)?;
    lex.bump(end - lex.span().end);
    Ok(&src[start..end])
}

/// Scans a literal whose prefix and opening quote end at `after_quote`;
/// returns the end of the closing quote.
fn scan_at(src: &str, start: usize, after_quote: usize) -> Result<usize, LexError> {
    let bytes = src.as_bytes();
    let quote = bytes[after_quote - 1];
    let mut pos = after_quote;
    let triple = bytes.get(pos) == Some(&quote) && bytes.get(pos + 1) == Some(&quote);
    if triple {
        pos += 2;
    } else if bytes.get(pos) == Some(&quote) {
        return Ok(pos + 1);
    }
    let mut closing = 0;
    let needed = if triple { 3 } else { 1 };
    loop {
        let Some(&c) = bytes.get(pos) else {
            return Err(LexError {
                error: unterminated(src, start, src.len(), triple),
                needs_more_input: true,
            });
        };
        if !triple && (c == b'\n' || c == b'\r') {
            return Err(LexError::new(unterminated(src, start, pos, triple)));
        }
        pos += 1;
        if c == quote {
            closing += 1;
            if closing == needed {
                return Ok(pos);
            }
            continue;
        }
        closing = 0;
        if c == b'\\' {
            match bytes.get(pos) {
                Some(b'\r') if bytes.get(pos + 1) == Some(&b'\n') => pos += 2,
                Some(_) => pos += 1,
                None => {}
            }
        }
    }
}

/// CPython's unterminated-literal error: at the literal's start, naming the
/// line where the end of line or of file was met.
fn unterminated(src: &str, start: usize, detected_at: usize, triple: bool) -> SyntaxError {
    // At the end of input CPython names the line of the last character.
    let at = if detected_at >= src.len() {
        src.len().saturating_sub(1)
    } else {
        detected_at
    };
    let line = line_number(src, at);
    let kind = if triple {
        "triple-quoted string"
    } else {
        "string"
    };
    SyntaxError::new(
        format!("unterminated {kind} literal (detected at line {line})"),
        Span::new(start, start + 1),
    )
}

/// The 1-based line holding byte `pos` (`\r\n`, `\r` and `\n` end lines).
#[must_use]
pub fn line_number(src: &str, pos: usize) -> usize {
    let bytes = &src.as_bytes()[..pos.min(src.len())];
    let mut line = 1;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => line += 1,
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => line += 1,
            _ => {}
        }
        i += 1;
    }
    line
}

/// What a string literal's prefix says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Prefix {
    /// `r`: backslashes are kept as written.
    pub raw: bool,
    /// `f`: an f-string.
    pub format: bool,
}

/// Splits a literal into its prefix, its body (without quotes) and the
/// byte offset of the body within the literal.
#[must_use]
pub fn split_literal(lit: &str) -> (Prefix, &str, usize) {
    let quote_at = lit.find(['\'', '"']).unwrap_or(0);
    let mut prefix = Prefix::default();
    for c in lit[..quote_at].chars() {
        match c {
            'r' | 'R' => prefix.raw = true,
            'f' | 'F' => prefix.format = true,
            _ => {}
        }
    }
    let rest = &lit[quote_at..];
    let q = rest.as_bytes().first().copied().unwrap_or(b'"');
    let triple = rest.len() >= 6 && rest.as_bytes()[1] == q && rest.as_bytes()[2] == q;
    let n = if triple { 3 } else { 1 };
    let body = rest.get(n..rest.len().saturating_sub(n)).unwrap_or("");
    (prefix, body, quote_at + n)
}

/// Decodes the body of a non-f-string literal.
pub fn decode(body: &str, raw: bool) -> Result<String, String> {
    if raw {
        Ok(normalize_newlines(body))
    } else {
        decode_escapes(body)
    }
}

/// Python reads source with universal newlines: `\r\n` and `\r` inside a
/// literal are `\n`.
#[must_use]
pub fn normalize_newlines(s: &str) -> String {
    if s.contains('\r') {
        s.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        s.to_owned()
    }
}

/// Processes backslash escapes like CPython's `unicode_escape` codec.
///
/// On error, returns CPython's full message. Its byte positions count in
/// the buffer CPython actually decodes, where every non-ASCII character was
/// first rewritten as a ten-byte `\UXXXXXXXX` escape (and a backslash
/// before one as `\u005c`), so they are reproduced here the same way.
pub fn decode_escapes(body: &str) -> Result<String, String> {
    let mut out = String::with_capacity(body.len());
    let mut chars = body.char_indices().peekable();
    // Position in CPython's rewritten buffer.
    let mut vpos = 0usize;
    let vlen = |c: char| if c.is_ascii() { 1 } else { 10 };
    while let Some((_, c)) = chars.next() {
        if c != '\\' {
            match c {
                '\r' => {
                    if chars.peek().is_some_and(|&(_, n)| n == '\n') {
                        chars.next();
                        vpos += 1;
                    }
                    out.push('\n');
                }
                _ => out.push(c),
            }
            vpos += vlen(c);
            continue;
        }
        let start = vpos;
        let Some((_, e)) = chars.next() else {
            // A lone backslash at the end becomes a literal backslash.
            out.push('\\');
            break;
        };
        if !e.is_ascii() {
            // `\é`: unknown escape, kept verbatim.
            out.push('\\');
            out.push(e);
            vpos += 6 + 10;
            continue;
        }
        vpos += 2;
        match e {
            '\n' => {}
            '\r' => {
                if chars.peek().is_some_and(|&(_, n)| n == '\n') {
                    chars.next();
                    vpos += 1;
                }
            }
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            'a' => out.push('\u{7}'),
            'b' => out.push('\u{8}'),
            'f' => out.push('\u{c}'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'v' => out.push('\u{b}'),
            '0'..='7' => {
                let mut value = e.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match chars.peek() {
                        Some(&(_, d @ '0'..='7')) => {
                            value = value * 8 + d.to_digit(8).unwrap_or(0);
                            chars.next();
                            vpos += 1;
                        }
                        _ => break,
                    }
                }
                out.push(char::from_u32(value).unwrap_or('\u{fffd}'));
            }
            'x' | 'u' | 'U' => {
                let (digits, what) = match e {
                    'x' => (2, "truncated \\xXX escape"),
                    'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let mut value: u32 = 0;
                for _ in 0..digits {
                    match chars.peek() {
                        Some(&(_, d)) if d.is_ascii_hexdigit() => {
                            value = value * 16 + d.to_digit(16).unwrap_or(0);
                            chars.next();
                            vpos += 1;
                        }
                        _ => return Err(unicode_error(start, vpos, what)),
                    }
                }
                match char::from_u32(value) {
                    Some(ch) => out.push(ch),
                    None if value <= 0x10_FFFF => out.push('\u{fffd}'),
                    None => return Err(unicode_error(start, vpos, "illegal Unicode character")),
                }
            }
            'N' => {
                return Err(
                    "\\N{...} escapes are not supported by pyco; write the character itself"
                        .to_owned(),
                );
            }
            other => {
                out.push('\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}

/// CPython's message for an escape the `unicode_escape` codec rejects.
fn unicode_error(start: usize, end: usize, reason: &str) -> String {
    format!(
        "(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{}: {reason}",
        end.saturating_sub(1).max(start)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_decode_like_python() {
        assert_eq!(decode_escapes(r"a\tb\n").as_deref(), Ok("a\tb\n"));
        assert_eq!(
            decode_escapes(r"\x41\u00e9\U0001F600").as_deref(),
            Ok("Aé😀")
        );
        assert_eq!(decode_escapes(r"\101\0\777").as_deref(), Ok("A\0\u{1ff}"));
        assert_eq!(decode_escapes(r"\q\d").as_deref(), Ok(r"\q\d"));
        assert_eq!(decode_escapes("a\\\nb").as_deref(), Ok("ab"));
        assert_eq!(decode_escapes(r#"\'\"\\"#).as_deref(), Ok("'\"\\"));
        assert_eq!(decode_escapes("a\r\nb").as_deref(), Ok("a\nb"));
    }

    #[test]
    fn escape_errors_match_cpython_positions() {
        assert_eq!(
            decode_escapes(r"\x4").unwrap_err(),
            "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape"
        );
        assert_eq!(
            decode_escapes(r"\u12").unwrap_err(),
            "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \\uXXXX escape"
        );
        assert!(
            decode_escapes(r"é\x4g")
                .unwrap_err()
                .contains("position 10-12")
        );
        assert!(
            decode_escapes(r"\U00110000")
                .unwrap_err()
                .contains("illegal Unicode character")
        );
    }

    #[test]
    fn literal_parts() {
        let (p, body, at) = split_literal("rf'''a'b'''");
        assert!(p.raw && p.format);
        assert_eq!((body, at), ("a'b", 5));
        assert_eq!(split_literal("''").1, "");
        assert_eq!(split_literal("''''''").1, "");
    }

    #[test]
    fn unterminated_lines() {
        assert_eq!(line_number("a\nb\r\nc\rd", 8), 4);
    }
}
