//! Floats to text: `repr(float)` and the float presentation types
//! (`e E f F g G n %` and none) of the format-spec mini-language.
//!
//! CPython produces float text with David Gay's `dtoa` in one of three modes
//! (shortest round-trip, N significant digits, N digits after the point) and
//! then lays the digits out in `format_float_short`. pyco gets the same digits
//! another way and keeps the layout step as a port:
//!
//! * shortest digits come from Rust's `{:e}` formatting, which is shortest
//!   round-trip like `dtoa` mode 0 but can break an exact tie between two
//!   shortest candidates the other way; such ties are detected exactly and
//!   resolved to the even candidate as `dtoa` does;
//! * rounded digits come from the float's exact decimal expansion (every
//!   finite double is a terminating decimal), rounded half-to-even on the
//!   exact value, which is what `dtoa` guarantees (`format(2.675, '.2f')` is
//!   `2.67` because the double is slightly below 2.675).

use std::fmt::Write as _;

use num_bigint::BigUint;

use super::spec::{
    FormatSpec, NumberParts, Target, check_count, parse_format_spec, render_number,
    unknown_format_code,
};

/// `repr(x)` (and `str(x)`) exactly as CPython prints it: the shortest digits
/// that round-trip, in scientific notation when the decimal exponent is below
/// -4 or at least 16, with `.0` on integral values, and `inf`, `-inf`, `nan`.
#[must_use]
pub fn float_repr(x: f64) -> String {
    format_float_short(
        x,
        Code::Repr,
        0,
        Flags {
            add_dot_0: true,
            ..Flags::default()
        },
    )
}

/// `format(x, spec)` for a float, with CPython 3.11's output and errors
/// (`ValueError` messages such as `Unknown format code 'd' for object of type
/// 'float'`).
pub fn format_float(x: f64, spec: &str) -> Result<String, String> {
    if spec.is_empty() {
        return Ok(float_repr(x));
    }
    let parsed = parse_format_spec(spec, Target::FLOAT)?;
    format_float_spec(x, &parsed, "float")
}

/// Formats `x` with an already parsed spec; `type_name` names the formatted
/// object's type in errors (ints formatted with float types come here too).
pub fn format_float_spec(x: f64, spec: &FormatSpec, type_name: &str) -> Result<String, String> {
    let kind = spec.kind;
    match kind {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {}
        Some(other) => return Err(unknown_format_code(other, type_name)),
    }
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err("precision too big".to_owned());
    }
    check_count(spec.precision)?;

    let mut flags = Flags {
        alternate: spec.alternate,
        no_neg_zero: spec.no_neg_zero,
        ..Flags::default()
    };
    let mut value = x;
    let (mut code, default_precision) = match kind {
        None => {
            flags.add_dot_0 = true;
            (Code::Repr, 0)
        }
        Some('e' | 'E') => (Code::Exponent, 6),
        Some('f' | 'F') => (Code::Fixed, 6),
        Some('%') => {
            // CPython scales in floating point, rounding included.
            value *= 100.0;
            (Code::Fixed, 6)
        }
        _ => (Code::General, 6),
    };
    flags.upper = kind.is_some_and(|k| k.is_ascii_uppercase());
    let precision = match spec.precision {
        None => default_precision,
        Some(p) => {
            if code == Code::Repr {
                code = Code::General;
            }
            p
        }
    };

    let mut text = format_float_short(value, code, precision, flags);
    if kind == Some('%') {
        text.push('%');
    }
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let int_len = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = body.split_at(int_len);
    let (decimal_point, remainder) = match rest.strip_prefix('.') {
        Some(after) => (true, after),
        None => (false, rest),
    };
    // 'n' groups by the current locale, which for pyco is always "C": none.
    let group = match kind {
        Some('n') => None,
        _ => spec.grouping.map(|g| (3, g.separator())),
    };
    render_number(
        spec,
        &NumberParts {
            negative,
            prefix: "",
            digits,
            decimal_point,
            remainder,
        },
        group,
    )
}

/// The layouts of CPython's `PyOS_double_to_string`, by format code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Code {
    /// `e`: one digit, point, `precision` digits, exponent.
    Exponent,
    /// `f`: `precision` digits after the point.
    Fixed,
    /// `g`: `precision` significant digits, exponent when out of range.
    General,
    /// `r`: shortest round-trip digits, as `repr`.
    Repr,
}

/// The `Py_DTSF_*` flags of `PyOS_double_to_string`, plus upper case.
#[derive(Clone, Copy, Debug, Default)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "mirrors CPython's independent Py_DTSF_* flag bits"
)]
struct Flags {
    /// Keep a `.0` on integral values outside exponent notation.
    add_dot_0: bool,
    /// `#`: keep the decimal point and, for `g`, trailing zeros.
    alternate: bool,
    /// `z`: drop the sign of a zero result.
    no_neg_zero: bool,
    /// `E F G`: upper-case `E`, `INF`, `NAN`.
    upper: bool,
}

/// Decimal digits in `dtoa`'s convention: the value is
/// `0.d1 d2 d3 ... × 10^decpt`, i.e. the decimal point sits `decpt` places
/// after the first digit. Digits are ASCII, without leading or trailing
/// zeros; an empty digit string is a value rounded away to zero.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Digits {
    digits: Vec<u8>,
    decpt: i64,
}

impl Digits {
    fn strip_trailing_zeros(mut self) -> Self {
        while self.digits.last() == Some(&b'0') {
            self.digits.pop();
        }
        self
    }
}

/// What `dtoa` is asked for.
#[derive(Clone, Copy, Debug)]
enum Mode {
    /// Mode 0: the shortest digits that round-trip.
    Shortest,
    /// Mode 2: at most this many significant digits (at least 1).
    Significant(usize),
    /// Mode 3: digits up to this many places after the point (negative:
    /// to tens, hundreds, ...).
    Fixed(i64),
}

/// Splits a finite, non-zero `x` into `(m, e)` with `|x| = m × 2^e`.
pub(crate) fn decode(x: f64) -> (u64, i64) {
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1 << 52) - 1);
    if exponent == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), exponent - 1075)
    }
}

/// The digits `dtoa` would return for the finite value `|x|` in `mode`.
fn dtoa(x: f64, mode: Mode) -> Digits {
    let x = x.abs();
    if x == 0.0 {
        return Digits {
            digits: vec![b'0'],
            decpt: 1,
        };
    }
    match mode {
        Mode::Shortest => shortest_digits(x),
        Mode::Significant(n) => round_digits(&exact_digits(x), n as i64),
        Mode::Fixed(places) => {
            let exact = exact_digits(x);
            let rounded = round_digits(&exact, exact.decpt.saturating_add(places));
            if rounded.digits.is_empty() {
                // dtoa reports a value rounded to zero this way.
                Digits {
                    digits: Vec::new(),
                    decpt: -places,
                }
            } else {
                rounded
            }
        }
    }
}

/// The exact decimal expansion of a finite positive double.
fn exact_digits(x: f64) -> Digits {
    let (m, e) = decode(x);
    let twos = i64::from(m.trailing_zeros());
    let (odd, e) = (m >> twos, e + twos);
    let (n, scale) = if e >= 0 {
        (BigUint::from(odd) << (e as u64), 0)
    } else {
        // odd × 2^e = odd × 5^-e / 10^-e
        (
            BigUint::from(odd) * BigUint::from(5u32).pow((-e) as u32),
            -e,
        )
    };
    let digits = n.to_string().into_bytes();
    let decpt = digits.len() as i64 - scale;
    Digits { digits, decpt }.strip_trailing_zeros()
}

/// Rounds `d` to its first `keep` digits, half to even on the exact digits.
/// `keep` may be zero or negative (everything rounds away, maybe up to a
/// single `1`).
fn round_digits(d: &Digits, keep: i64) -> Digits {
    let len = d.digits.len() as i64;
    if keep >= len {
        return d.clone();
    }
    if keep < 0 {
        return Digits {
            digits: Vec::new(),
            decpt: d.decpt,
        };
    }
    let k = keep as usize;
    let round_up = match d.digits[k].cmp(&b'5') {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        // Digits have no trailing zeros, so anything after the 5 is > 0.
        std::cmp::Ordering::Equal => k + 1 < d.digits.len() || (k > 0 && d.digits[k - 1] % 2 == 1),
    };
    let mut digits = d.digits[..k].to_vec();
    let mut decpt = d.decpt;
    if round_up {
        while digits.last() == Some(&b'9') {
            digits.pop();
        }
        if let Some(last) = digits.last_mut() {
            *last += 1;
        } else {
            digits.push(b'1');
            decpt += 1;
        }
    }
    Digits { digits, decpt }.strip_trailing_zeros()
}

/// Shortest round-trip digits of a finite positive double, as `dtoa` mode 0.
fn shortest_digits(x: f64) -> Digits {
    let text = format!("{x:e}");
    let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
    let digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
    let decpt = exponent.parse::<i64>().unwrap_or(0) + 1;
    let rust = Digits { digits, decpt }.strip_trailing_zeros();
    even_tie_candidate(x, &rust).unwrap_or(rust)
}

/// When `x` lies exactly halfway between two shortest candidates with the
/// length of `found`, the even one (which `dtoa` picks); `None` when there is
/// no tie or `found` is already that candidate.
///
/// With `found` = D × 10^-scale (D an integer), a tie means `2x × 10^scale`
/// is an odd integer. For `x = m × 2^e` that holds exactly when the power of
/// two cancels (`trailing_zeros(m) + e + 1 + scale == 0`) and, for negative
/// `scale`, `5^-scale` divides `m`; the numbers involved then fit a `u128`.
fn even_tie_candidate(x: f64, found: &Digits) -> Option<Digits> {
    let (mantissa, exponent) = decode(x);
    let scale = found.digits.len() as i64 - found.decpt;
    let twos = i64::from(mantissa.trailing_zeros());
    if twos + exponent + 1 + scale != 0 {
        return None;
    }
    let odd = mantissa >> twos;
    let twice: u128 = if scale >= 0 {
        u128::from(odd).checked_mul(5u128.checked_pow(u32::try_from(scale).ok()?)?)?
    } else {
        let five = 5u64.checked_pow(u32::try_from(-scale).ok()?)?;
        if odd % five != 0 {
            return None;
        }
        u128::from(odd / five)
    };
    let low = twice >> 1;
    let found_value: u128 = std::str::from_utf8(&found.digits).ok()?.parse().ok()?;
    if found_value != low && found_value != low + 1 {
        return None;
    }
    let even = if low % 2 == 0 { low } else { low + 1 };
    if even == found_value {
        return None;
    }
    let text = even.to_string();
    let back: f64 = format!("{text}e{}", -scale).parse().ok()?;
    if back.to_bits() != x.to_bits() {
        return None;
    }
    let decpt = text.len() as i64 - scale;
    Some(
        Digits {
            digits: text.into_bytes(),
            decpt,
        }
        .strip_trailing_zeros(),
    )
}

/// The finite `x` rounded to `ndigits` decimal places (which may be
/// negative) as CPython's `double_round` spells it before converting back:
/// `[-]0<digits>e<exponent>`.
pub(crate) fn round_to_places_text(x: f64, ndigits: i64) -> String {
    let Digits { digits, decpt } = dtoa(x, Mode::Fixed(ndigits));
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let exponent = decpt - digits.len() as i64;
    format!("{sign}0{}e{exponent}", String::from_utf8_lossy(&digits))
}

/// A port of CPython's `format_float_short`: lays out `dtoa` digits for
/// `code` and `precision` (the caller's precision, before the adjustments
/// `PyOS_double_to_string` makes). The result starts with `-` when negative.
fn format_float_short(x: f64, code: Code, precision: usize, flags: Flags) -> String {
    if !x.is_finite() {
        let word = match (x.is_nan(), flags.upper) {
            (true, false) => "nan",
            (true, true) => "NAN",
            (false, false) => "inf",
            (false, true) => "INF",
        };
        // The sign of a NaN is never shown.
        return if x.is_sign_negative() && !x.is_nan() {
            format!("-{word}")
        } else {
            word.to_owned()
        };
    }

    let precision = precision as i64;
    let (mode, precision) = match code {
        Code::Exponent => (Mode::Significant(precision as usize + 1), precision + 1),
        Code::Fixed => (Mode::Fixed(precision), precision),
        Code::General => {
            let p = precision.max(1);
            (Mode::Significant(p as usize), p)
        }
        Code::Repr => (Mode::Shortest, 0),
    };
    let Digits { digits, mut decpt } = dtoa(x, mode);
    let mut negative = x.is_sign_negative();
    if flags.no_neg_zero && negative && (digits.is_empty() || digits == b"0") {
        negative = false;
    }

    let digits_len = digits.len() as i64;
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match code {
        Code::Exponent => {
            use_exp = true;
            vdigits_end = precision;
        }
        Code::Fixed => vdigits_end = decpt + precision,
        Code::General => {
            let limit = if flags.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            use_exp = decpt <= -4 || decpt > limit;
            if flags.alternate {
                vdigits_end = precision;
            }
        }
        Code::Repr => use_exp = decpt <= -4 || decpt > 16,
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    vdigits_end = if !use_exp && flags.add_dot_0 {
        vdigits_end.max(decpt + 1)
    } else {
        vdigits_end.max(decpt)
    };

    let zeros = |out: &mut String, n: i64| out.extend(std::iter::repeat_n('0', n.max(0) as usize));
    let digit_str = |range: std::ops::Range<usize>| {
        // The digits are ASCII by construction.
        String::from_utf8_lossy(&digits[range]).into_owned()
    };
    let mut out = String::with_capacity((vdigits_end - vdigits_start).max(0) as usize + 8);
    if negative {
        out.push('-');
    }
    if decpt <= 0 {
        zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        let split = decpt as usize;
        out.push_str(&digit_str(0..split));
        out.push('.');
        out.push_str(&digit_str(split..digits.len()));
    } else {
        out.push_str(&digit_str(0..digits.len()));
    }
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vdigits_end - decpt);
    } else {
        zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !flags.alternate {
        out.pop();
    }
    if use_exp {
        out.push(if flags.upper { 'E' } else { 'e' });
        // CPython's "%+.02d": a sign and at least two digits.
        let _ = write!(out, "{exp:+03}");
    }
    out
}

#[cfg(test)]
#[expect(
    clippy::unreadable_literal,
    reason = "expected values are CPython's output, copied verbatim"
)]
mod tests {
    use super::*;

    /// `repr(x)` in CPython 3.11 (tools/gen_numfmt_tests.py repr).
    const REPR: &[(f64, &str)] = &[
        (0.0, "0.0"),
        (-0.0, "-0.0"),
        (1.0, "1.0"),
        (-1.5, "-1.5"),
        (0.1, "0.1"),
        (0.30000000000000004, "0.30000000000000004"),
        (1e+16, "1e+16"),
        (1e-05, "1e-05"),
        (1.5e-07, "1.5e-07"),
        (0.0001, "0.0001"),
        (0.001, "0.001"),
        (123456789012345.0, "123456789012345.0"),
        (1234567890123456.8, "1234567890123456.8"),
        (9999999999999998.0, "9999999999999998.0"),
        (1000000000000000.0, "1000000000000000.0"),
        (1e+17, "1e+17"),
        (1e+22, "1e+22"),
        (1e+23, "1e+23"),
        (5e-324, "5e-324"),
        (1e-323, "1e-323"),
        (2.2250738585072014e-308, "2.2250738585072014e-308"),
        (1.7976931348623157e+308, "1.7976931348623157e+308"),
        (123456789.12345679, "123456789.12345679"),
        (9007199254740992.0, "9007199254740992.0"),
        (9007199254740994.0, "9007199254740994.0"),
        (9.223372036854776e+18, "9.223372036854776e+18"),
        (0.3333333333333333, "0.3333333333333333"),
        (0.6666666666666666, "0.6666666666666666"),
        (100.0, "100.0"),
        (1e+100, "1e+100"),
        (1.1e-10, "1.1e-10"),
        (3.142857142857143, "3.142857142857143"),
        (f64::INFINITY, "inf"),
        (f64::NEG_INFINITY, "-inf"),
        (f64::NAN, "nan"),
        (1462468587316101.2, "1462468587316101.2"),
        (79901738315358.62, "79901738315358.62"),
        (0.30000000000000004, "0.30000000000000004"),
        (4.35, "4.35"),
        (1e-07, "1e-07"),
        (12345.678, "12345.678"),
        (-1e-300, "-1e-300"),
    ];

    /// `format(x, spec)` in CPython 3.11 (tools/gen_numfmt_tests.py float_format).
    const FORMAT: &[(f64, &str, Result<&str, &str>)] = &[
        (1.5, "", Ok("1.5")),
        (1e+16, "", Ok("1e+16")),
        (1.0, ".3", Ok("1.0")),
        (123456.0, ".3", Ok("1.23e+05")),
        (100.0, ".3", Ok("1e+02")),
        (1.0, ".0", Ok("1e+00")),
        (-0.0, ".0", Ok("-0e+00")),
        (2.675, ".2f", Ok("2.67")),
        (0.125, ".2f", Ok("0.12")),
        (0.375, ".2f", Ok("0.38")),
        (2.5, ".0f", Ok("2")),
        (0.5, ".0f", Ok("0")),
        (1.5, ".0f", Ok("2")),
        (-0.001, ".1f", Ok("-0.0")),
        (-0.001, "z.1f", Ok("0.0")),
        (-0.0, "z", Ok("0.0")),
        (-0.0, "z.0f", Ok("0")),
        (-0.001, "z.1", Ok("-0.001")),
        (-0.0, "", Ok("-0.0")),
        (3.25159, "f", Ok("3.251590")),
        (3.25159, "e", Ok("3.251590e+00")),
        (3.25159, "E", Ok("3.251590E+00")),
        (3.25159, "g", Ok("3.25159")),
        (3.25159, "G", Ok("3.25159")),
        (3.25159, "n", Ok("3.25159")),
        (3.25159, "%", Ok("325.159000%")),
        (0.25, ".1%", Ok("25.0%")),
        (
            0.3333333333333333,
            ".50f",
            Ok("0.33333333333333331482961625624739099293947219848633"),
        ),
        (0.1, ".30e", Ok("1.000000000000000055511151231258e-01")),
        (5e-324, ".3e", Ok("4.941e-324")),
        (5e-324, "g", Ok("4.94066e-324")),
        (1.7976931348623157e+308, "e", Ok("1.797693e+308")),
        (
            1e+300,
            ",.0f",
            Ok(
                "1,000,000,000,000,000,052,504,760,255,204,420,248,704,468,581,108,159,154,915,854,115,511,802,457,988,908,195,786,371,375,080,447,864,043,704,443,832,883,878,176,942,523,235,360,430,575,644,792,184,786,706,982,848,387,200,926,575,803,737,830,233,794,788,090,059,368,953,234,970,799,945,081,119,038,967,640,880,074,652,742,780,142,494,579,258,788,820,056,842,838,115,669,472,196,386,865,459,400,540,160",
            ),
        ),
        (1234567.891, ",", Ok("1,234,567.891")),
        (1234567.891, "_.2f", Ok("1_234_567.89")),
        (1234567.891, ",e", Ok("1.234568e+06")),
        (1234567.891, "015,.2f", Ok("0,001,234,567.89")),
        (-1234.5, "012_.1f", Ok("-0_001_234.5")),
        (1234.5, "010,.1f", Ok("0,001,234.5")),
        (1234.5, "=+12.1f", Ok("+     1234.5")),
        (1234.5, "*^14.1f", Ok("****1234.5****")),
        (1234.5, "<12", Ok("1234.5      ")),
        (1234.5, " ", Ok(" 1234.5")),
        (1234.5, "+g", Ok("+1234.5")),
        (1.0, "#", Ok("1.0")),
        (1e+16, "#", Ok("1.e+16")),
        (1.0, "#.3", Ok("1.00")),
        (1.0, "#g", Ok("1.00000")),
        (1.0, "#.0f", Ok("1.")),
        (1.0, "#.0e", Ok("1.e+00")),
        (0.0001, "g", Ok("0.0001")),
        (1e-05, "g", Ok("1e-05")),
        (1e-05, "", Ok("1e-05")),
        (123456789.0, "g", Ok("1.23457e+08")),
        (1234567.0, ".7g", Ok("1234567")),
        (1000000.0, "g", Ok("1e+06")),
        (1000000.0, ".3", Ok("1e+06")),
        (f64::INFINITY, "", Ok("inf")),
        (f64::NEG_INFINITY, "", Ok("-inf")),
        (f64::NAN, "", Ok("nan")),
        (f64::INFINITY, "F", Ok("INF")),
        (f64::NAN, "E", Ok("NAN")),
        (f64::NAN, "%", Ok("nan%")),
        (f64::INFINITY, "010", Ok("0000000inf")),
        (f64::NEG_INFINITY, "010.2f", Ok("-000000inf")),
        (f64::NAN, "=+10", Ok("+      nan")),
        (f64::INFINITY, ",.2f", Ok("inf")),
        (f64::NEG_INFINITY, "z", Ok("-inf")),
        (-1.5, "010", Ok("-0000001.5")),
        (1.5, "x<8", Ok("1.5xxxxx")),
        (1.5, "0<8", Ok("1.500000")),
        (
            1.5,
            "d",
            Err("Unknown format code 'd' for object of type 'float'"),
        ),
        (
            1.5,
            "c",
            Err("Unknown format code 'c' for object of type 'float'"),
        ),
        (
            1.5,
            "s",
            Err("Unknown format code 's' for object of type 'float'"),
        ),
        (
            1.5,
            "b",
            Err("Unknown format code 'b' for object of type 'float'"),
        ),
        (1.5, ",n", Err("Cannot specify ',' with 'n'.")),
        (1.5, "_n", Err("Cannot specify '_' with 'n'.")),
        (
            1.5,
            "#x",
            Err("Unknown format code 'x' for object of type 'float'"),
        ),
        (
            1.5,
            "abc",
            Err("Invalid format specifier 'abc' for object of type 'float'"),
        ),
        (1.5, ".", Err("Format specifier missing precision")),
        (1.5, ".f", Err("Format specifier missing precision")),
        (1.5, ",_f", Err("Cannot specify both ',' and '_'.")),
        (1.5, ".2147483648f", Err("precision too big")),
        (
            1.5,
            ".9223372036854775808f",
            Err("Too many decimal digits in format string"),
        ),
        (9.995, ".2f", Ok("9.99")),
        (99999.5, ".0f", Ok("100000")),
        (0.30000000000000004, ".17g", Ok("0.30000000000000004")),
        (0.30000000000000004, ".16g", Ok("0.3")),
        (1e+22, "f", Ok("10000000000000000000000.000000")),
        (
            1.1805916207174113e+21,
            ",.0f",
            Ok("1,180,591,620,717,411,303,424"),
        ),
        (-2.5, "+.0f", Ok("-2")),
        (2.5, " .0e", Ok(" 2e+00")),
        (123.456, "10.2%", Ok(" 12345.60%")),
        (0.5, "%", Ok("50.000000%")),
        (1.005, ".2f", Ok("1.00")),
        (
            1.0,
            "\u{1}",
            Err("Unknown format code '\\x1' for object of type 'float'"),
        ),
        (
            1.0,
            "\u{20ac}",
            Err("Unknown format code '\\x20ac' for object of type 'float'"),
        ),
    ];

    #[test]
    fn repr_matches_cpython() {
        for &(x, expected) in REPR {
            assert_eq!(float_repr(x), expected, "repr({x:e})");
        }
    }

    #[test]
    fn format_matches_cpython() {
        for &(x, spec, expected) in FORMAT {
            let got = format_float(x, spec);
            assert_eq!(
                got.as_deref(),
                expected.map_err(str::to_owned).as_deref(),
                "format({x:e}, {spec:?})"
            );
        }
    }

    #[test]
    fn shortest_ties_go_to_even() {
        // 1462468587316101.25 is halfway between two 17-digit candidates;
        // CPython prints the even one where Rust's `{:e}` picks the odd.
        // (The literal below denotes that double.)
        assert_eq!(float_repr(1_462_468_587_316_101.2), "1462468587316101.2");
    }

    #[test]
    fn huge_counts_are_refused_without_allocating() {
        let too_many = Err("Too many decimal digits in format string".to_owned());
        assert_eq!(format_float(1.0, ".1000000000f"), too_many);
        assert_eq!(format_float(1.0, "1000000000"), too_many);
        assert_eq!(format_float(1.0, ".1000000g").map(|s| s.len()), Ok(1));
    }
}
