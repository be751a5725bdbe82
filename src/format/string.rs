//! Strings: `format(s, spec)`, `repr(s)`, and the Unicode character classes
//! (printable, decimal digit, whitespace) that CPython consults for them and
//! for number parsing.

use super::spec::{
    Align, FormatSpec, Sign, Target, check_count, pad, parse_format_spec, unknown_format_code,
};
use super::unicode_tables::{DECIMAL_ZEROS, NON_PRINTABLE};

/// `format(s, spec)` for a str, with CPython 3.11's output and `ValueError`
/// messages (`Sign not allowed in string format specifier`, ...).
pub fn format_str(s: &str, spec: &str) -> Result<String, String> {
    if spec.is_empty() {
        return Ok(s.to_owned());
    }
    let parsed = parse_format_spec(spec, Target::STR)?;
    format_str_spec(s, &parsed, "str")
}

/// Formats `s` with an already parsed spec; `type_name` names its type in
/// errors.
pub fn format_str_spec(s: &str, spec: &FormatSpec, type_name: &str) -> Result<String, String> {
    match spec.kind {
        Some('s') | None => {}
        Some(other) => return Err(unknown_format_code(other, type_name)),
    }
    match spec.sign {
        Some(Sign::Space) => {
            return Err("Space not allowed in string format specifier".to_owned());
        }
        Some(_) => return Err("Sign not allowed in string format specifier".to_owned()),
        None => {}
    }
    if spec.no_neg_zero {
        return Err("Negative zero coercion (z) not allowed in string format specifier".to_owned());
    }
    if spec.alternate {
        return Err("Alternate form (#) not allowed in string format specifier".to_owned());
    }
    if spec.align == Some(Align::AfterSign) {
        return Err("'=' alignment not allowed in string format specifier".to_owned());
    }
    check_count(spec.width)?;

    let mut len = s.chars().count();
    let body = match spec.precision {
        Some(p) if p < len => {
            len = p;
            s.char_indices().nth(p).map_or(s, |(i, _)| &s[..i])
        }
        _ => s,
    };
    let fill = spec.fill.unwrap_or(if spec.zero_pad { '0' } else { ' ' });
    Ok(pad(
        body,
        len,
        spec.width,
        fill,
        spec.align.unwrap_or(Align::Left),
    ))
}

/// `repr(s)` exactly as CPython prints it: single quotes unless the text has
/// a single quote and no double quote; `\\`, `\t`, `\n`, `\r` and the quote
/// escaped; other non-printable characters as `\xhh`, `\uhhhh` or
/// `\Uhhhhhhhh`.
#[must_use]
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c => {
                let code = u32::from(c);
                let escape = if code <= 0xff {
                    format!("\\x{code:02x}")
                } else if code <= 0xffff {
                    format!("\\u{code:04x}")
                } else {
                    format!("\\U{code:08x}")
                };
                out.push_str(&escape);
            }
        }
    }
    out.push(quote);
    out
}

/// `c.isprintable()` for one character (Unicode 14.0, as CPython 3.11):
/// false for control, format, surrogate, private-use, unassigned and
/// separator characters other than the ASCII space.
#[must_use]
pub fn is_printable(c: char) -> bool {
    let code = u32::from(c);
    if code < 0x80 {
        return (0x20..0x7f).contains(&code);
    }
    let i = NON_PRINTABLE.partition_point(|&(_, last)| last < code);
    NON_PRINTABLE.get(i).is_none_or(|&(first, _)| code < first)
}

/// The value of a Unicode decimal digit (category Nd), as CPython's
/// `Py_UNICODE_TODECIMAL`: `Some(7)` for `'7'` or `'\u{667}'`.
#[must_use]
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(u32::from(c) - u32::from('0'));
    }
    let code = u32::from(c);
    let i = DECIMAL_ZEROS.partition_point(|&zero| zero <= code);
    let zero = *DECIMAL_ZEROS.get(i.checked_sub(1)?)?;
    (code - zero < 10).then_some(code - zero)
}

/// Whether `int()` and `float()` skip `c` as surrounding whitespace: the ASCII
/// spaces `\t\n\v\f\r` and space, and the non-ASCII characters `str.isspace`
/// accepts (CPython maps those to a space first; `\x1c`-`\x1f` are not
/// skipped).
#[must_use]
pub fn is_numeric_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r' | '\u{85}' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}' | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

/// Rewrites `s` the way CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`
/// does before parsing a number: Unicode decimal digits become ASCII digits,
/// non-ASCII whitespace becomes a space, and any other non-ASCII character
/// becomes `?` (which no number syntax accepts).
pub(crate) fn to_ascii_numeric(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii() {
                c
            } else if is_numeric_space(c) {
                ' '
            } else if let Some(d) = decimal_value(c) {
                char::from_digit(d, 10).unwrap_or('?')
            } else {
                '?'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `format(s, spec)` in CPython 3.11 (tools/gen_numfmt_tests.py str_format).
    const FORMAT: &[(&str, &str, Result<&str, &str>)] = &[
        ("abc", "", Ok("abc")),
        ("abc", "s", Ok("abc")),
        ("abc", "10", Ok("abc       ")),
        ("abc", ">10", Ok("       abc")),
        ("abc", "^10", Ok("   abc    ")),
        ("abc", "^8", Ok("  abc   ")),
        ("abc", "*^9", Ok("***abc***")),
        ("abc", ".2", Ok("ab")),
        ("abc", "10.2s", Ok("ab        ")),
        ("h\u{e9}llo", "^9.4", Ok("  h\u{e9}ll   ")),
        ("\u{20ac}uro", "*>6", Ok("**\u{20ac}uro")),
        ("abc", "05", Ok("abc00")),
        ("abc", "<05", Ok("abc00")),
        ("abc", "\u{0}<5", Ok("abc\u{0}\u{0}")),
        ("abc", "2", Ok("abc")),
        ("\u{1f600}", "3", Ok("\u{1f600}  ")),
        (
            "abc",
            " ",
            Err("Space not allowed in string format specifier"),
        ),
        (
            "abc",
            "+",
            Err("Sign not allowed in string format specifier"),
        ),
        (
            "abc",
            "-",
            Err("Sign not allowed in string format specifier"),
        ),
        (
            "abc",
            "#",
            Err("Alternate form (#) not allowed in string format specifier"),
        ),
        (
            "abc",
            "=",
            Err("'=' alignment not allowed in string format specifier"),
        ),
        (
            "abc",
            "=5",
            Err("'=' alignment not allowed in string format specifier"),
        ),
        (
            "abc",
            "z",
            Err("Negative zero coercion (z) not allowed in string format specifier"),
        ),
        ("abc", ",", Err("Cannot specify ',' with 's'.")),
        ("abc", "_", Err("Cannot specify '_' with 's'.")),
        ("abc", ",s", Err("Cannot specify ',' with 's'.")),
        (
            "abc",
            "d",
            Err("Unknown format code 'd' for object of type 'str'"),
        ),
        (
            "abc",
            "r",
            Err("Unknown format code 'r' for object of type 'str'"),
        ),
        (
            "abc",
            "abc",
            Err("Invalid format specifier 'abc' for object of type 'str'"),
        ),
        ("abc", ".", Err("Format specifier missing precision")),
        (
            "abc",
            ".9223372036854775808",
            Err("Too many decimal digits in format string"),
        ),
    ];

    /// `repr(s)` in CPython 3.11 (tools/gen_numfmt_tests.py str_repr).
    const REPR: &[(&str, &str)] = &[
        ("", "''"),
        ("abc", "'abc'"),
        ("it's", "\"it's\""),
        ("say \"hi\"", "'say \"hi\"'"),
        ("both ' and \"", "'both \\' and \"'"),
        ("tab\there", "'tab\\there'"),
        ("new\nline", "'new\\nline'"),
        ("cr\r", "'cr\\r'"),
        ("back\\slash", "'back\\\\slash'"),
        ("\u{0}\u{7}\u{1f}\u{7f}", "'\\x00\\x07\\x1f\\x7f'"),
        ("\u{80}\u{9f}\u{a0}\u{ad}", "'\\x80\\x9f\\xa0\\xad'"),
        ("\u{e9}\u{20ac}\u{1f600}", "'\u{e9}\u{20ac}\u{1f600}'"),
        ("\u{200b}\u{2028}\u{feff}", "'\\u200b\\u2028\\ufeff'"),
        ("\u{d7ff}\u{e000}\u{ffff}", "'\\ud7ff\\ue000\\uffff'"),
        ("\u{e0001}\u{10ffff}", "'\\U000e0001\\U0010ffff'"),
        ("\u{1f600}", "'\u{1f600}'"),
        ("\u{ff}\u{100}", "'\u{ff}\u{100}'"),
        ("\u{378}", "'\\u0378'"),
    ];

    #[test]
    fn format_matches_cpython() {
        for &(s, spec, expected) in FORMAT {
            let got = format_str(s, spec);
            assert_eq!(
                got.as_deref(),
                expected.map_err(str::to_owned).as_deref(),
                "format({s:?}, {spec:?})"
            );
        }
    }

    #[test]
    fn repr_matches_cpython() {
        for &(s, expected) in REPR {
            assert_eq!(str_repr(s), expected, "repr({s:?})");
        }
    }

    #[test]
    fn character_classes() {
        assert!(is_printable('a') && is_printable(' ') && is_printable('\u{e9}'));
        assert!(!is_printable('\u{a0}') && !is_printable('\u{ad}') && !is_printable('\u{10ffff}'));
        assert_eq!(decimal_value('\u{661}'), Some(1));
        assert_eq!(decimal_value('\u{1d7ff}'), Some(9));
        assert_eq!(decimal_value('a'), None);
        assert_eq!(decimal_value('\u{2070}'), None);
        assert!(is_numeric_space('\u{3000}') && !is_numeric_space('\x1c'));
    }
}
