//! The format-spec mini-language shared by `format()`, `str.format` and
//! f-strings:
//!
//! ```text
//! [[fill]align][sign][z][#][0][width][grouping][.precision][type]
//! ```
//!
//! Parsing follows CPython 3.11's `parse_internal_render_format_spec` step by
//! step, because the order of its checks decides which error a bad spec
//! reports. This module also lays a rendered number or string out in its
//! field (padding, sign, prefix, digit grouping), which every type shares.

use super::string::decimal_value;

/// Largest width or precision pyco honours.
///
/// CPython accepts any count up to `sys.maxsize` and then tries to allocate
/// the result (`f"{x:.1000000000f}"` builds a gigabyte string). pyco refuses
/// counts above this bound with the message CPython gives for a count too long
/// to parse, so a stray spec cannot exhaust memory; below it, output is
/// CPython's.
pub const MAX_FORMAT_COUNT: usize = 10_000_000;

/// Where a value sits in its field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// `<`: value first, padding after.
    Left,
    /// `>`: padding first, value after.
    Right,
    /// `^`: padding split around the value, the odd one on the right.
    Center,
    /// `=`: padding between the sign (and `0x`-style prefix) and the digits.
    AfterSign,
}

/// Which signs a number shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sign {
    /// `+`: a sign on every number.
    Plus,
    /// `-`: a sign on negative numbers only (the default, but spelled out).
    Minus,
    /// ` `: a space where a non-negative number's sign would go.
    Space,
}

/// The thousands separator requested.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    /// `,`: commas every three digits.
    Comma,
    /// `_`: underscores every three decimal digits or every four in `b o x X`.
    Underscore,
}

impl Grouping {
    /// The separator character itself.
    #[must_use]
    pub fn separator(self) -> char {
        match self {
            Grouping::Comma => ',',
            Grouping::Underscore => '_',
        }
    }
}

/// Which built-in `__format__` is reading a spec: it names the type in error
/// messages and supplies the presentation type used when the spec has none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Target<'a> {
    /// The Python type name shown in errors (`int`, `bool`, `float`, `str`).
    pub type_name: &'a str,
    /// The presentation type assumed when the spec names none; `None` for
    /// `float`, whose bare spec means "like repr" rather than any one type.
    pub default_kind: Option<char>,
}

impl Target<'static> {
    /// `int.__format__`: default type `d`.
    pub const INT: Target<'static> = Target {
        type_name: "int",
        default_kind: Some('d'),
    };
    /// `float.__format__`: no default type.
    pub const FLOAT: Target<'static> = Target {
        type_name: "float",
        default_kind: None,
    };
    /// `str.__format__`: default type `s`.
    pub const STR: Target<'static> = Target {
        type_name: "str",
        default_kind: Some('s'),
    };
}

/// A parsed format spec.
///
/// Fields keep what the spec said rather than resolved defaults where the
/// default depends on the type being formatted: `fill` and `align` are `None`
/// when absent, and `zero_pad` records the `0` flag so numbers can turn it
/// into `=` alignment with `0` fill while strings keep left alignment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatSpec {
    /// The fill character, when one was written before an alignment.
    pub fill: Option<char>,
    /// The alignment, when written.
    pub align: Option<Align>,
    /// The sign option, when written.
    pub sign: Option<Sign>,
    /// `z`: show negative zero (after rounding) as positive zero.
    pub no_neg_zero: bool,
    /// `#`: the alternate form (`0x` prefixes, kept decimal points).
    pub alternate: bool,
    /// `0` before the width (only recognised when no fill was written).
    pub zero_pad: bool,
    /// The minimum field width in characters.
    pub width: Option<usize>,
    /// The thousands separator.
    pub grouping: Option<Grouping>,
    /// The precision: digits for floats, maximum length for strings.
    pub precision: Option<usize>,
    /// The presentation type: the one written, else the target's default.
    pub kind: Option<char>,
}

/// Parses `spec` the way CPython 3.11 does for the given target type.
///
/// Errors are `ValueError` messages, e.g. `Invalid format specifier 'abc' for
/// object of type 'int'` or `Cannot specify ',' with 's'.`.
pub fn parse_format_spec(spec: &str, target: Target<'_>) -> Result<FormatSpec, String> {
    let chars: Vec<char> = spec.chars().collect();
    let end = chars.len();
    let mut pos = 0;
    let mut out = FormatSpec {
        fill: None,
        align: None,
        sign: None,
        no_neg_zero: false,
        alternate: false,
        zero_pad: false,
        width: None,
        grouping: None,
        precision: None,
        kind: target.default_kind,
    };

    if let Some(align) = chars.get(1).copied().and_then(align_of) {
        out.fill = Some(chars[0]);
        out.align = Some(align);
        pos = 2;
    } else if let Some(align) = chars.first().copied().and_then(align_of) {
        out.align = Some(align);
        pos = 1;
    }

    if pos < end {
        out.sign = match chars[pos] {
            '+' => Some(Sign::Plus),
            '-' => Some(Sign::Minus),
            ' ' => Some(Sign::Space),
            _ => None,
        };
        if out.sign.is_some() {
            pos += 1;
        }
    }
    if pos < end && chars[pos] == 'z' {
        out.no_neg_zero = true;
        pos += 1;
    }
    if pos < end && chars[pos] == '#' {
        out.alternate = true;
        pos += 1;
    }
    if out.fill.is_none() && pos < end && chars[pos] == '0' {
        out.zero_pad = true;
        pos += 1;
    }

    out.width = parse_count(&chars, &mut pos)?;

    if pos < end && chars[pos] == ',' {
        out.grouping = Some(Grouping::Comma);
        pos += 1;
    }
    if pos < end && chars[pos] == '_' {
        if out.grouping.is_some() {
            return Err(both_separators());
        }
        out.grouping = Some(Grouping::Underscore);
        pos += 1;
    }
    if pos < end && chars[pos] == ',' {
        return Err(both_separators());
    }

    if pos < end && chars[pos] == '.' {
        pos += 1;
        out.precision = parse_count(&chars, &mut pos)?;
        if out.precision.is_none() {
            return Err("Format specifier missing precision".to_owned());
        }
    }

    if end - pos > 1 {
        return Err(format!(
            "Invalid format specifier '{spec}' for object of type '{}'",
            target.type_name
        ));
    }
    if pos < end {
        out.kind = Some(chars[pos]);
    }

    if let Some(grouping) = out.grouping {
        match out.kind {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
            Some('b' | 'o' | 'x' | 'X') if grouping == Grouping::Underscore => {}
            Some(kind) => {
                return Err(format!(
                    "Cannot specify '{}' with {}.",
                    grouping.separator(),
                    quote_code(kind)
                ));
            }
        }
    }
    Ok(out)
}

/// The `ValueError` for a presentation type the target does not support.
#[must_use]
pub fn unknown_format_code(kind: char, type_name: &str) -> String {
    format!(
        "Unknown format code {} for object of type '{type_name}'",
        quote_code(kind)
    )
}

/// Quotes a presentation type as CPython's messages do: `'x'` for printable
/// ASCII, `'\x1'`-style hex (no padding) otherwise.
fn quote_code(kind: char) -> String {
    let code = u32::from(kind);
    if code > 32 && code < 128 {
        format!("'{kind}'")
    } else {
        format!("'\\x{code:x}'")
    }
}

fn both_separators() -> String {
    "Cannot specify both ',' and '_'.".to_owned()
}

fn align_of(c: char) -> Option<Align> {
    match c {
        '<' => Some(Align::Left),
        '>' => Some(Align::Right),
        '^' => Some(Align::Center),
        '=' => Some(Align::AfterSign),
        _ => None,
    }
}

/// Reads a run of decimal digits (any Unicode decimal digit, as CPython's
/// `get_integer` does); `None` when there were none. Counts beyond
/// `sys.maxsize` fail as in CPython.
fn parse_count(chars: &[char], pos: &mut usize) -> Result<Option<usize>, String> {
    let mut value: u64 = 0;
    let mut any = false;
    while let Some(digit) = chars.get(*pos).and_then(|&c| decimal_value(c)) {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(u64::from(digit)))
            .filter(|&v| i64::try_from(v).is_ok())
            .ok_or_else(too_many_digits)?;
        any = true;
        *pos += 1;
    }
    // A count that fits in `i64` but not `usize` can only be on a 32-bit
    // host; it is over MAX_FORMAT_COUNT either way.
    Ok(any.then(|| usize::try_from(value).unwrap_or(usize::MAX)))
}

/// The `ValueError` CPython raises for a width or precision it cannot parse,
/// which pyco also uses for counts above [`MAX_FORMAT_COUNT`].
pub(crate) fn too_many_digits() -> String {
    "Too many decimal digits in format string".to_owned()
}

/// Fails when `count` is above [`MAX_FORMAT_COUNT`].
pub(crate) fn check_count(count: Option<usize>) -> Result<(), String> {
    match count {
        Some(n) if n > MAX_FORMAT_COUNT => Err(too_many_digits()),
        _ => Ok(()),
    }
}

/// Pads `body`, which is `len` characters long, to `width` with `fill`.
pub(crate) fn pad(
    body: &str,
    len: usize,
    width: Option<usize>,
    fill: char,
    align: Align,
) -> String {
    let total = width.unwrap_or(0).max(len);
    let padding = total - len;
    let left = match align {
        Align::Right => padding,
        Align::Center => padding / 2,
        Align::Left | Align::AfterSign => 0,
    };
    let mut out = String::with_capacity(body.len() + padding * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(body);
    out.extend(std::iter::repeat_n(fill, padding - left));
    out
}

/// A number already converted to text, split the way CPython's
/// `calc_number_widths` sees it.
pub(crate) struct NumberParts<'a> {
    /// Whether the value is negative (its `-` is not in the other parts).
    pub negative: bool,
    /// A base prefix such as `0x`, already in the right case.
    pub prefix: &'a str,
    /// The ASCII digits before any decimal point, which grouping applies to.
    pub digits: &'a str,
    /// Whether a decimal point follows the digits.
    pub decimal_point: bool,
    /// Everything after the point (fraction, exponent, `%`), or the whole
    /// text when it has no leading digits (`inf`, a `c` character).
    pub remainder: &'a str,
}

/// Lays a number out in its field: sign, prefix, padding and grouped digits.
///
/// `group` gives the group size and separator to insert into the digits.
pub(crate) fn render_number(
    spec: &FormatSpec,
    parts: &NumberParts<'_>,
    group: Option<(usize, char)>,
) -> Result<String, String> {
    check_count(spec.width)?;
    let fill = spec.fill.unwrap_or(if spec.zero_pad { '0' } else { ' ' });
    let align = spec.align.unwrap_or(if spec.zero_pad {
        Align::AfterSign
    } else {
        Align::Right
    });
    let sign = match (spec.sign, parts.negative) {
        (_, true) => Some('-'),
        (Some(Sign::Plus), false) => Some('+'),
        (Some(Sign::Space), false) => Some(' '),
        _ => None,
    };
    let width = spec.width.map_or(-1, |w| w as i64);
    let non_digits = i64::from(sign.is_some())
        + parts.prefix.chars().count() as i64
        + i64::from(parts.decimal_point)
        + parts.remainder.chars().count() as i64;
    let min_width = if fill == '0' && align == Align::AfterSign {
        width - non_digits
    } else {
        0
    };
    let grouped = if parts.digits.is_empty() {
        String::new()
    } else {
        group_digits(parts.digits, min_width, group)
    };
    let padding = (width - (non_digits + grouped.len() as i64)).max(0) as usize;
    let (left, inner, right) = match align {
        Align::Left => (0, 0, padding),
        Align::Right => (padding, 0, 0),
        Align::Center => (padding / 2, 0, padding - padding / 2),
        Align::AfterSign => (0, padding, 0),
    };

    let mut out = String::with_capacity(
        padding * fill.len_utf8() + grouped.len() + parts.remainder.len() + 4,
    );
    out.extend(std::iter::repeat_n(fill, left));
    out.extend(sign);
    out.push_str(parts.prefix);
    out.extend(std::iter::repeat_n(fill, inner));
    out.push_str(&grouped);
    if parts.decimal_point {
        out.push('.');
    }
    out.push_str(parts.remainder);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(out)
}

/// Inserts separators into `digits` and, when `min_width` asks for it, pads
/// them with leading zeros that are grouped too (`format(1234, '010,')` is
/// `00,001,234`). A port of CPython's `_PyUnicode_InsertThousandsGrouping`,
/// including its habit of overshooting `min_width` rather than starting with
/// a separator.
fn group_digits(digits: &str, min_width: i64, group: Option<(usize, char)>) -> String {
    let mut min_width = min_width.max(0);
    let mut remaining = digits.len() as i64;
    // Segments from the right; each is zeros then digits.
    let mut segments: Vec<(usize, &str)> = Vec::new();
    let mut end = digits.len();
    let take = |len: i64, remaining: i64, end: &mut usize| {
        let zeros = (len - remaining).max(0) as usize;
        let n_chars = remaining.min(len).max(0) as usize;
        let start = *end - n_chars;
        let segment = (zeros, &digits[start..*end]);
        *end = start;
        (segment, n_chars as i64)
    };
    let mut broke_out = false;
    if let Some((size, _)) = group {
        let size = size as i64;
        loop {
            let len = size.min(remaining.max(min_width).max(1));
            let (segment, used) = take(len, remaining, &mut end);
            segments.push(segment);
            remaining -= used;
            min_width -= len;
            if remaining <= 0 && min_width <= 0 {
                broke_out = true;
                break;
            }
            min_width -= 1;
        }
    }
    if !broke_out {
        let len = remaining.max(min_width).max(1);
        let (segment, _) = take(len, remaining, &mut end);
        segments.push(segment);
    }

    let separator = group.map(|(_, sep)| sep);
    let mut out = String::new();
    for (i, &(zeros, chars)) in segments.iter().rev().enumerate() {
        if i > 0 {
            out.extend(separator);
        }
        out.extend(std::iter::repeat_n('0', zeros));
        out.push_str(chars);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_int_spec(spec: &str) -> Result<FormatSpec, String> {
        parse_format_spec(spec, Target::INT)
    }

    #[test]
    fn parses_every_field() {
        let spec = parse_format_spec("*^+z#012_.3f", Target::FLOAT).unwrap();
        assert_eq!(
            spec,
            FormatSpec {
                fill: Some('*'),
                align: Some(Align::Center),
                sign: Some(Sign::Plus),
                no_neg_zero: true,
                alternate: true,
                zero_pad: false,
                width: Some(12),
                grouping: Some(Grouping::Underscore),
                precision: Some(3),
                kind: Some('f'),
            }
        );
    }

    #[test]
    fn zero_flag_only_without_explicit_fill() {
        let spec = parse_int_spec("<05").unwrap();
        assert!(spec.zero_pad);
        assert_eq!(spec.width, Some(5));
        let spec = parse_int_spec("x<05").unwrap();
        assert!(!spec.zero_pad);
        assert_eq!(spec.fill, Some('x'));
        assert_eq!(spec.width, Some(5));
    }

    #[test]
    fn defaults_come_from_the_target() {
        assert_eq!(parse_int_spec("").unwrap().kind, Some('d'));
        assert_eq!(parse_format_spec("", Target::FLOAT).unwrap().kind, None);
        assert_eq!(parse_format_spec("5", Target::STR).unwrap().kind, Some('s'));
    }

    #[test]
    fn unicode_digits_count_as_width() {
        assert_eq!(parse_int_spec("\u{661}\u{660}").unwrap().width, Some(10));
    }

    #[test]
    fn parse_errors_match_cpython() {
        // (spec, target, CPython 3.11's message)
        let cases: &[(&str, Target<'_>, &str)] = &[
            (
                "abc",
                Target::INT,
                "Invalid format specifier 'abc' for object of type 'int'",
            ),
            (
                "abc",
                Target::FLOAT,
                "Invalid format specifier 'abc' for object of type 'float'",
            ),
            (",_", Target::INT, "Cannot specify both ',' and '_'."),
            ("_,", Target::INT, "Cannot specify both ',' and '_'."),
            (",n", Target::INT, "Cannot specify ',' with 'n'."),
            (",", Target::STR, "Cannot specify ',' with 's'."),
            ("_", Target::STR, "Cannot specify '_' with 's'."),
            (",x", Target::INT, "Cannot specify ',' with 'x'."),
            (",c", Target::INT, "Cannot specify ',' with 'c'."),
            (".", Target::INT, "Format specifier missing precision"),
            (".f", Target::FLOAT, "Format specifier missing precision"),
            (
                "9223372036854775808d",
                Target::INT,
                "Too many decimal digits in format string",
            ),
            (
                ".9223372036854775808f",
                Target::FLOAT,
                "Too many decimal digits in format string",
            ),
        ];
        for &(spec, target, message) in cases {
            assert_eq!(
                parse_format_spec(spec, target).unwrap_err(),
                message,
                "{spec:?}"
            );
        }
    }

    #[test]
    fn grouping_with_zero_padding() {
        // format(1234, '010,'), '09,', '08,' in CPython 3.11.
        assert_eq!(group_digits("1234", 10, Some((3, ','))), "00,001,234");
        assert_eq!(group_digits("1234", 9, Some((3, ','))), "0,001,234");
        assert_eq!(group_digits("1234", 8, Some((3, ','))), "0,001,234");
        assert_eq!(group_digits("1234", 0, None), "1234");
        assert_eq!(group_digits("12", 5, None), "00012");
    }
}
