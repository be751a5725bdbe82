//! Text to numbers and the conversions between Python's int and float:
//! `int(str, base)`, `float(str)`, `round()`, `int(float)`, `float(int)` and
//! `int / int`, each correctly rounded and with CPython 3.11's errors.

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{ToPrimitive, Zero};

use super::float::decode;
use super::int::INT_MAX_STR_DIGITS;
use super::string::{str_repr, to_ascii_numeric};

/// `int(s, base)`: Python's rules for integer strings.
///
/// Surrounding whitespace, one sign, `_` only between digits (and once right
/// after a base prefix), base 0 inferring the base from a `0x`/`0o`/`0b`
/// prefix (and rejecting other leading zeros), prefixes accepted when they
/// match `base`, Unicode decimal digits. Errors are `ValueError` messages:
/// `invalid literal for int() with base 10: 'abc'` (the repr cut to 200
/// characters), `int() base must be >= 2 and <= 36, or 0`, and the
/// [`INT_MAX_STR_DIGITS`] limit for bases that are not powers of two.
pub fn parse_int(s: &str, base: u32) -> Result<BigInt, String> {
    if base == 1 || base > 36 {
        return Err("int() base must be >= 2 and <= 36, or 0".to_owned());
    }
    let invalid = || {
        let repr: String = str_repr(s).chars().take(200).collect();
        format!("invalid literal for int() with base {base}: {repr}")
    };
    let ascii = to_ascii_numeric(s);
    let bytes = ascii.as_bytes();
    let mut pos = 0;
    while pos < bytes.len() && is_ascii_space(bytes[pos]) {
        pos += 1;
    }
    let mut negative = false;
    match bytes.get(pos) {
        Some(b'+') => pos += 1,
        Some(b'-') => {
            negative = true;
            pos += 1;
        }
        _ => {}
    }
    let at = |i: usize| bytes.get(i).map_or(0, u8::to_ascii_lowercase);
    let mut radix = base;
    let mut old_octal = false;
    if radix == 0 {
        radix = match (at(pos), at(pos + 1)) {
            (b'0', b'x') => 16,
            (b'0', b'o') => 8,
            (b'0', b'b') => 2,
            (b'0', _) => {
                old_octal = true;
                10
            }
            _ => 10,
        };
    }
    if at(pos) == b'0' && matches!((radix, at(pos + 1)), (16, b'x') | (8, b'o') | (2, b'b')) {
        pos += 2;
        if at(pos) == b'_' {
            pos += 1;
        }
    }
    if at(pos) == b'_' {
        return Err(invalid());
    }

    let start = pos;
    let mut digits = Vec::new();
    let mut previous = 0u8;
    while let Some(&c) = bytes.get(pos) {
        if c == b'_' {
            if previous == b'_' {
                return Err(invalid());
            }
        } else if char::from(c).is_digit(radix) {
            digits.push(c);
        } else {
            break;
        }
        previous = c;
        pos += 1;
    }
    if previous == b'_' {
        return Err(invalid());
    }
    if !radix.is_power_of_two() && digits.len() > INT_MAX_STR_DIGITS {
        return Err(format!(
            "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion: \
             value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            digits.len()
        ));
    }
    if pos == start {
        return Err(invalid());
    }
    while pos < bytes.len() && is_ascii_space(bytes[pos]) {
        pos += 1;
    }
    if pos != bytes.len() {
        return Err(invalid());
    }
    let magnitude = BigUint::parse_bytes(&digits, radix).ok_or_else(invalid)?;
    if old_octal && !magnitude.is_zero() {
        return Err(invalid());
    }
    let sign = if negative { Sign::Minus } else { Sign::Plus };
    Ok(BigInt::from_biguint(sign, magnitude))
}

/// CPython's `Py_ISSPACE` on the ASCII-transformed text.
fn is_ascii_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// `float(s)`: Python's rules for float strings.
///
/// Surrounding whitespace, one sign, decimal digits with an optional point
/// and exponent, `inf`/`infinity`/`nan` in any case, `_` only between digits,
/// Unicode decimal digits; overflow gives `inf` and underflow zero, correctly
/// rounded. The error is the `ValueError` message `could not convert string
/// to float: 'abc'`.
pub fn parse_float(s: &str) -> Result<f64, String> {
    let invalid = || format!("could not convert string to float: {}", str_repr(s));
    let ascii = to_ascii_numeric(s);
    let cleaned = remove_underscores(&ascii).ok_or_else(invalid)?;
    let text = cleaned.trim_matches(|c: char| c.is_ascii() && is_ascii_space(c as u8));
    let (negative, body) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let lower = body.to_ascii_lowercase();
    let magnitude = if lower == "inf" || lower == "infinity" {
        f64::INFINITY
    } else if lower == "nan" {
        f64::NAN
    } else if is_decimal_literal(body) {
        body.parse::<f64>().map_err(|_| invalid())?
    } else {
        return Err(invalid());
    };
    Ok(if negative { -magnitude } else { magnitude })
}

/// Drops underscores that sit between two ASCII digits; `None` when any
/// other underscore appears (CPython's `_Py_string_to_number_with_underscores`).
fn remove_underscores(s: &str) -> Option<String> {
    if !s.contains('_') {
        return Some(s.to_owned());
    }
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut previous = 0u8;
    for &c in bytes {
        if c == b'_' {
            if !previous.is_ascii_digit() {
                return None;
            }
        } else {
            if previous == b'_' && !c.is_ascii_digit() {
                return None;
            }
            out.push(char::from(c));
        }
        previous = c;
    }
    (previous != b'_').then_some(out)
}

/// `digits [. [digits]] | . digits`, then optionally `e [sign] digits`.
fn is_decimal_literal(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut pos = 0;
    let count_digits = |pos: &mut usize| {
        let start = *pos;
        while *pos < bytes.len() && bytes[*pos].is_ascii_digit() {
            *pos += 1;
        }
        *pos - start
    };
    let mut mantissa_digits = count_digits(&mut pos);
    if bytes.get(pos) == Some(&b'.') {
        pos += 1;
        mantissa_digits += count_digits(&mut pos);
    }
    if mantissa_digits == 0 {
        return false;
    }
    if matches!(bytes.get(pos), Some(b'e' | b'E')) {
        pos += 1;
        if matches!(bytes.get(pos), Some(b'+' | b'-')) {
            pos += 1;
        }
        if count_digits(&mut pos) == 0 {
            return false;
        }
    }
    pos == bytes.len()
}

/// `round(x, ndigits)`: `x` rounded to `ndigits` decimal places, correctly
/// (on the exact binary value, ties to even: `round(2.675, 2)` is `2.67`).
///
/// Negative `ndigits` round to tens, hundreds, ...; NaNs and infinities come
/// back unchanged, as does `x` for `ndigits` above 323; below -308 the result
/// is a zero with the sign of `x`. The error is the `OverflowError` message
/// `rounded value too large to represent` (`round(1.7e308, -308)`).
pub fn round_float(x: f64, ndigits: i64) -> Result<f64, String> {
    if !x.is_finite() || ndigits > 323 {
        return Ok(x);
    }
    if ndigits < -308 {
        return Ok(0.0 * x);
    }
    let text = super::float::round_to_places_text(x, ndigits);
    let rounded: f64 = text.parse().unwrap_or(f64::NAN);
    if rounded.is_infinite() {
        return Err("rounded value too large to represent".to_owned());
    }
    Ok(rounded)
}

/// `round(x)` with no `ndigits`: the nearest int, ties to even
/// (`round(0.5) == 0`, `round(1.5) == 2`). Errors as [`float_to_bigint`].
#[expect(clippy::float_cmp, reason = "CPython tests for an exact tie")]
pub fn round_half_even_to_int(x: f64) -> Result<BigInt, String> {
    let mut rounded = x.round();
    if (x - rounded).abs() == 0.5 {
        rounded = 2.0 * (x / 2.0).round();
    }
    float_to_bigint(rounded)
}

/// `int(x)` for a float: truncation toward zero. Errors: `OverflowError`
/// `cannot convert float infinity to integer`, `ValueError` `cannot convert
/// float NaN to integer`.
pub fn float_to_bigint(x: f64) -> Result<BigInt, String> {
    if x.is_nan() {
        return Err("cannot convert float NaN to integer".to_owned());
    }
    if x.is_infinite() {
        return Err("cannot convert float infinity to integer".to_owned());
    }
    let t = x.trunc();
    if t.abs() < 9.0e18 {
        return Ok(BigInt::from(t as i64));
    }
    let (m, e) = decode(t);
    // |t| >= 2^52 here, so e >= 0 and the shift is exact.
    let magnitude = BigUint::from(m) << (e.max(0) as u64);
    let sign = if t < 0.0 { Sign::Minus } else { Sign::Plus };
    Ok(BigInt::from_biguint(sign, magnitude))
}

/// `float(v)` for an int, correctly rounded (ties to even). The error is the
/// `OverflowError` message `int too large to convert to float`.
pub fn bigint_to_f64(v: &BigInt) -> Result<f64, String> {
    if let Some(small) = v.to_i64().filter(|s| s.unsigned_abs() <= 1 << 53) {
        return Ok(small as f64);
    }
    let magnitude = ratio_to_f64(v.magnitude(), &BigUint::from(1u32))
        .ok_or_else(|| "int too large to convert to float".to_owned())?;
    Ok(if v.sign() == Sign::Minus {
        -magnitude
    } else {
        magnitude
    })
}

/// `a / b` for ints, correctly rounded like CPython's `long_true_divide`
/// (`10**30 / 7` is exact to the last bit; `0 / -5` is `-0.0`). Errors:
/// `ZeroDivisionError` `division by zero`, `OverflowError` `integer division
/// result too large for a float`.
pub fn int_true_divide(a: &BigInt, b: &BigInt) -> Result<f64, String> {
    if b.is_zero() {
        return Err("division by zero".to_owned());
    }
    let negative = (a.sign() == Sign::Minus) != (b.sign() == Sign::Minus);
    let magnitude = match (a.to_i64(), b.to_i64()) {
        (Some(x), Some(y)) if x.unsigned_abs() <= 1 << 53 && y.unsigned_abs() <= 1 << 53 => {
            (x.unsigned_abs() as f64) / (y.unsigned_abs() as f64)
        }
        _ => ratio_to_f64(a.magnitude(), b.magnitude())
            .ok_or_else(|| "integer division result too large for a float".to_owned())?,
    };
    Ok(if negative { -magnitude } else { magnitude })
}

/// `num / den` (with `den > 0`) correctly rounded to a double, ties to even,
/// subnormals included; `None` when it rounds past the largest finite value.
fn ratio_to_f64(num: &BigUint, den: &BigUint) -> Option<f64> {
    if num.is_zero() {
        return Some(0.0);
    }
    let scale = num.bits() as i64 - den.bits() as i64;
    // The quotient lies in [2^(scale-1), 2^(scale+1)).
    if scale > 1026 {
        return None;
    }
    if scale < -1080 {
        // Below 2^-1079: less than half the smallest subnormal.
        return Some(0.0);
    }
    // Scale so the integer quotient has 55 or 56 bits, then round by hand.
    let shift = scale - 55;
    let (q, r) = if shift >= 0 {
        num.div_rem(&(den << (shift as u64)))
    } else {
        (num << ((-shift) as u64)).div_rem(den)
    };
    let q = q.to_u64()?;
    let sticky = !r.is_zero();
    let q_bits = i64::from(64 - q.leading_zeros());
    // The value is (q + frac) * 2^shift; its leading bit is 2^top.
    let top = q_bits - 1 + shift;
    if top >= 1024 {
        return None;
    }
    let keep = if top >= -1022 { 53 } else { top + 1075 };
    let drop = q_bits - keep;
    let (mut mantissa, rem, half) = if drop >= 64 {
        (0u64, u128::from(q), 1u128 << 63.min(drop - 1))
    } else {
        let drop = drop as u32;
        (
            q >> drop,
            u128::from(q) & ((1u128 << drop) - 1),
            1u128 << (drop - 1),
        )
    };
    let round_up = rem > half || (rem == half && (sticky || mantissa % 2 == 1));
    if drop >= 64 && rem <= half {
        return Some(0.0);
    }
    if round_up {
        mantissa += 1;
    }
    let value = ldexp(mantissa as f64, shift + drop);
    value.is_finite().then_some(value)
}

/// `m × 2^k` for an `m` that makes the result exactly representable (or
/// infinite), multiplying by powers of two that are themselves normal.
fn ldexp(m: f64, mut k: i64) -> f64 {
    let mut value = m;
    while k > 1023 {
        value *= pow2(1023);
        k -= 1023;
    }
    while k < -1022 {
        value *= pow2(-1022);
        k += 1022;
    }
    value * pow2(k)
}

/// `2^k` for `-1022 <= k <= 1023`.
fn pow2(k: i64) -> f64 {
    f64::from_bits(((k + 1023) as u64) << 52)
}

#[cfg(test)]
#[expect(
    clippy::unreadable_literal,
    reason = "expected values are CPython's output, copied verbatim"
)]
mod tests {
    use super::*;

    fn hex_int(text: &str) -> BigInt {
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let v = BigInt::parse_bytes(digits.as_bytes(), 16).expect("hex literal");
        if negative { -v } else { v }
    }

    fn hex_of(v: &BigInt) -> String {
        let digits = v.magnitude().to_str_radix(16);
        if v.sign() == Sign::Minus {
            format!("-{digits}")
        } else {
            digits
        }
    }

    fn check(got: &Result<String, String>, expected: Result<&str, &str>, what: &str) {
        assert_eq!(
            got.as_deref(),
            expected.map_err(str::to_owned).as_deref(),
            "{what}"
        );
    }

    /// `int(s, base)` in CPython 3.11, results in hex
    /// (tools/gen_numfmt_tests.py int_parse).
    const INT: &[(&str, u32, Result<&str, &str>)] = &[
        ("0", 10, Ok("0")),
        ("-0", 10, Ok("0")),
        ("  12  ", 10, Ok("c")),
        ("+12", 10, Ok("c")),
        ("1_000", 10, Ok("3e8")),
        (
            "1__0",
            10,
            Err("invalid literal for int() with base 10: '1__0'"),
        ),
        (
            "_1",
            10,
            Err("invalid literal for int() with base 10: '_1'"),
        ),
        (
            "1_",
            10,
            Err("invalid literal for int() with base 10: '1_'"),
        ),
        ("0x1f", 16, Ok("1f")),
        ("0X1F", 0, Ok("1f")),
        ("0o17", 0, Ok("f")),
        ("0b101", 0, Ok("5")),
        ("0b_101", 0, Ok("5")),
        ("0_7", 10, Ok("7")),
        ("07", 0, Err("invalid literal for int() with base 0: '07'")),
        ("00", 0, Ok("0")),
        ("0_0", 0, Ok("0")),
        (
            "0x",
            16,
            Err("invalid literal for int() with base 16: '0x'"),
        ),
        ("0b1", 16, Ok("b1")),
        ("z", 36, Ok("23")),
        ("Z", 36, Ok("23")),
        (
            "12\u{0}",
            10,
            Err("invalid literal for int() with base 10: '12\\x00'"),
        ),
        (
            "it's",
            10,
            Err("invalid literal for int() with base 10: \"it's\""),
        ),
        (
            "a\"b'",
            10,
            Err("invalid literal for int() with base 10: 'a\"b\\''"),
        ),
        (
            "\u{1c}12",
            10,
            Err("invalid literal for int() with base 10: '\\x1c12'"),
        ),
        ("\u{661}\u{662}\u{663}", 10, Ok("7b")),
        ("\u{3000} 42 \u{3000}", 10, Ok("2a")),
        (
            "\u{e9}",
            10,
            Err("invalid literal for int() with base 10: '\u{e9}'"),
        ),
        ("", 10, Err("invalid literal for int() with base 10: ''")),
        (" ", 10, Err("invalid literal for int() with base 10: ' '")),
        ("-", 10, Err("invalid literal for int() with base 10: '-'")),
        (
            "--1",
            10,
            Err("invalid literal for int() with base 10: '--1'"),
        ),
        (
            "1 2",
            10,
            Err("invalid literal for int() with base 10: '1 2'"),
        ),
        ("-0x_ff", 0, Ok("-ff")),
        (
            "0x_",
            16,
            Err("invalid literal for int() with base 16: '0x_'"),
        ),
        (
            "1e5",
            10,
            Err("invalid literal for int() with base 10: '1e5'"),
        ),
        ("9", 8, Err("invalid literal for int() with base 8: '9'")),
        ("1", 1, Err("int() base must be >= 2 and <= 36, or 0")),
        ("1", 37, Err("int() base must be >= 2 and <= 36, or 0")),
        ("12345678901234567890123", 0, Ok("29d42b64e76714244cb")),
    ];

    /// `(piece, count, suffix, base, expected)`.
    type LongCase = (
        &'static str,
        usize,
        &'static str,
        u32,
        Result<&'static str, &'static str>,
    );

    /// `int(piece * count + suffix, base)` in CPython 3.11
    /// (tools/gen_numfmt_tests.py int_parse_long).
    const INT_LONG: &[LongCase] = &[
        (
            "a",
            250,
            "",
            10,
            Err(
                "invalid literal for int() with base 10: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            ),
        ),
        ("1", 4300, "", 10, Ok("ok, 14282 bits")),
        (
            "1",
            4301,
            "",
            10,
            Err(
                "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit",
            ),
        ),
        (
            "1_",
            4300,
            "1",
            10,
            Err(
                "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit",
            ),
        ),
        (
            "1",
            4301,
            "_",
            10,
            Err(
                "invalid literal for int() with base 10: '1111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111",
            ),
        ),
        (
            "1",
            4301,
            "x",
            10,
            Err(
                "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit",
            ),
        ),
        (
            "1",
            4301,
            "",
            7,
            Err(
                "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit",
            ),
        ),
        ("f", 4400, "", 16, Ok("ok, 17600 bits")),
        (
            "1",
            4301,
            "",
            0,
            Err(
                "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit",
            ),
        ),
    ];

    /// `repr(float(s))` in CPython 3.11 (tools/gen_numfmt_tests.py float_parse).
    const FLOAT: &[(&str, Result<&str, &str>)] = &[
        ("1", Ok("1.0")),
        ("-1.5", Ok("-1.5")),
        ("+.5", Ok("0.5")),
        ("1.", Ok("1.0")),
        (".", Err("could not convert string to float: '.'")),
        ("-", Err("could not convert string to float: '-'")),
        ("", Err("could not convert string to float: ''")),
        (" ", Err("could not convert string to float: ' '")),
        ("inf", Ok("inf")),
        ("-Infinity", Ok("-inf")),
        ("INF", Ok("inf")),
        ("nan", Ok("nan")),
        ("-nan", Ok("nan")),
        ("+NaN", Ok("nan")),
        (
            "infinit",
            Err("could not convert string to float: 'infinit'"),
        ),
        ("1e5", Ok("100000.0")),
        ("1E+05", Ok("100000.0")),
        ("1e-5", Ok("1e-05")),
        ("1e", Err("could not convert string to float: '1e'")),
        ("1e+", Err("could not convert string to float: '1e+'")),
        ("e5", Err("could not convert string to float: 'e5'")),
        (".e5", Err("could not convert string to float: '.e5'")),
        ("1.e5", Ok("100000.0")),
        ("1_0", Ok("10.0")),
        ("1__0", Err("could not convert string to float: '1__0'")),
        ("1_.5", Err("could not convert string to float: '1_.5'")),
        ("1._5", Err("could not convert string to float: '1._5'")),
        ("1e1_0", Ok("10000000000.0")),
        ("1e_1", Err("could not convert string to float: '1e_1'")),
        ("_1", Err("could not convert string to float: '_1'")),
        ("1_", Err("could not convert string to float: '1_'")),
        ("0x10", Err("could not convert string to float: '0x10'")),
        ("1\u{0}", Err("could not convert string to float: '1\\x00'")),
        ("\u{3000}1.5\u{2003}", Ok("1.5")),
        ("\u{661}\u{662}.\u{665}", Ok("12.5")),
        ("1e500", Ok("inf")),
        ("-1e-500", Ok("-0.0")),
        ("2.5e-324", Ok("5e-324")),
        ("2.4703282292062328e-324", Ok("5e-324")),
        ("0.1", Ok("0.1")),
        (
            "123456789012345678901234567890",
            Ok("1.2345678901234568e+29"),
        ),
        ("1.7976931348623158e308", Ok("1.7976931348623157e+308")),
        ("1.7976931348623159e308", Ok("inf")),
        ("  \t-0.0\n", Ok("-0.0")),
        ("1 0", Err("could not convert string to float: '1 0'")),
        ("it's", Err("could not convert string to float: \"it's\"")),
        (
            "\u{1c}1",
            Err("could not convert string to float: '\\x1c1'"),
        ),
        ("--inf", Err("could not convert string to float: '--inf'")),
    ];

    /// `repr(round(x, n))` in CPython 3.11 (tools/gen_numfmt_tests.py round).
    const ROUND: &[(f64, i64, Result<&str, &str>)] = &[
        (2.675, 2, Ok("2.67")),
        (0.5, 0, Ok("0.0")),
        (1.5, 0, Ok("2.0")),
        (2.5, 0, Ok("2.0")),
        (-0.5, 0, Ok("-0.0")),
        (-2.5, 0, Ok("-2.0")),
        (0.125, 2, Ok("0.12")),
        (0.375, 2, Ok("0.38")),
        (1.005, 2, Ok("1.0")),
        (-0.04, 1, Ok("-0.0")),
        (123.456, -1, Ok("120.0")),
        (125.0, -1, Ok("120.0")),
        (135.0, -1, Ok("140.0")),
        (1234.5, -2, Ok("1200.0")),
        (-1234.5, -2, Ok("-1200.0")),
        (123.456, -3, Ok("0.0")),
        (567.0, -3, Ok("1000.0")),
        (0.5, 400, Ok("0.5")),
        (123.456, -400, Ok("0.0")),
        (-123.456, -400, Ok("-0.0")),
        (5e-324, 323, Ok("0.0")),
        (5e-324, 324, Ok("5e-324")),
        (
            1.7976931348623157e+308,
            -308,
            Err("rounded value too large to represent"),
        ),
        (
            1.7976931348623157e+308,
            -307,
            Err("rounded value too large to represent"),
        ),
        (f64::INFINITY, 2, Ok("inf")),
        (f64::NAN, 2, Ok("nan")),
        (-0.0, 1, Ok("-0.0")),
        (1e+300, 2, Ok("1e+300")),
        (0.1, 20, Ok("0.1")),
        (2.5e-08, 8, Ok("2e-08")),
        (1.23456789, 5, Ok("1.23457")),
        (9.995, 2, Ok("9.99")),
        (-9.995, 2, Ok("-9.99")),
        (1e+22, -22, Ok("1e+22")),
        (4.5e+22, -22, Ok("4e+22")),
    ];

    /// `round(x)` in CPython 3.11, in hex (tools/gen_numfmt_tests.py round_int).
    const ROUND_INT: &[(f64, Result<&str, &str>)] = &[
        (0.5, Ok("0")),
        (1.5, Ok("2")),
        (2.5, Ok("2")),
        (-0.5, Ok("0")),
        (-1.5, Ok("-2")),
        (-2.5, Ok("-2")),
        (0.49999999999999994, Ok("0")),
        (4503599627370497.0, Ok("10000000000001")),
        (1e+20, Ok("56bc75e2d63100000")),
        (2.675, Ok("3")),
        (
            1.7976931348623157e+308,
            Ok(
                "fffffffffffff800000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            ),
        ),
        (-0.0, Ok("0")),
        (
            f64::INFINITY,
            Err("cannot convert float infinity to integer"),
        ),
        (
            f64::NEG_INFINITY,
            Err("cannot convert float infinity to integer"),
        ),
        (f64::NAN, Err("cannot convert float NaN to integer")),
    ];

    /// `int(x)` in CPython 3.11, in hex (tools/gen_numfmt_tests.py trunc).
    const TRUNC: &[(f64, Result<&str, &str>)] = &[
        (0.0, Ok("0")),
        (-0.9, Ok("0")),
        (1.9, Ok("1")),
        (-1.9, Ok("-1")),
        (1e+20, Ok("56bc75e2d63100000")),
        (-1e+20, Ok("-56bc75e2d63100000")),
        (9.223372036854776e+18, Ok("8000000000000000")),
        (-9.223372036854776e+18, Ok("-8000000000000000")),
        (
            1.7976931348623157e+308,
            Ok(
                "fffffffffffff800000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            ),
        ),
        (
            f64::INFINITY,
            Err("cannot convert float infinity to integer"),
        ),
        (
            f64::NEG_INFINITY,
            Err("cannot convert float infinity to integer"),
        ),
        (f64::NAN, Err("cannot convert float NaN to integer")),
    ];

    /// `repr(float(v))` in CPython 3.11 (tools/gen_numfmt_tests.py to_float).
    const TO_FLOAT: &[(&str, Result<&str, &str>)] = &[
        ("0", Ok("0.0")),
        ("1", Ok("1.0")),
        ("-1", Ok("-1.0")),
        ("20000000000001", Ok("9007199254740992.0")),
        ("20000000000003", Ok("9007199254740996.0")),
        ("40000000000002", Ok("1.8014398509481984e+16")),
        ("40000000000006", Ok("1.801439850948199e+16")),
        ("c9f2c9cd04674edea40000000", Ok("1e+30")),
        ("-c9f2c9cd04674edea40000000", Ok("-1e+30")),
        (
            "fffffffffffffc00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            Err("int too large to convert to float"),
        ),
        (
            "fffffffffffff800000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            Ok("1.7976931348623157e+308"),
        ),
        (
            "10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            Err("int too large to convert to float"),
        ),
        ("27e41b3246bec9b16e398115", Ok("1.2345678901234568e+28")),
    ];

    /// `repr(a / b)` in CPython 3.11 (tools/gen_numfmt_tests.py divide).
    const DIVIDE: &[(&str, &str, Result<&str, &str>)] = &[
        ("1", "3", Ok("0.3333333333333333")),
        (
            "c9f2c9cd04674edea40000000",
            "7",
            Ok("1.4285714285714285e+29"),
        ),
        ("0", "-5", Ok("-0.0")),
        (
            "0",
            "-1b4ec7f91973ff3cb1ccf26fbc177c38db6e54582de258ff5190b8bc150afadb38030e5d0b7bf50120e5c0e6ad18e629853ce9946a0b2eccf6cfde0af8634bf8dc5a427fe4236ce5959baa0e776cdb47c4813e1e0c75ca271e1d059e08e4996aa4193a48ad3a24633ebdb32e9f0b824377e2fa9c10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            Ok("-0.0"),
        ),
        (
            "-1",
            "1b4ec7f91973ff3cb1ccf26fbc177c38db6e54582de258ff5190b8bc150afadb38030e5d0b7bf50120e5c0e6ad18e629853ce9946a0b2eccf6cfde0af8634bf8dc5a427fe4236ce5959baa0e776cdb47c4813e1e0c75ca271e1d059e08e4996aa4193a48ad3a24633ebdb32e9f0b824377e2fa9c10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            Ok("-0.0"),
        ),
        (
            "1b4ec7f91973ff3cb1ccf26fbc177c38db6e54582de258ff5190b8bc150afadb38030e5d0b7bf50120e5c0e6ad18e629853ce9946a0b2eccf6cfde0af8634bf8dc5a427fe4236ce5959baa0e776cdb47c4813e1e0c75ca271e1d059e08e4996aa4193a48ad3a24633ebdb32e9f0b824377e2fa9c10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "3",
            Err("integer division result too large for a float"),
        ),
        ("1", "0", Err("division by zero")),
        (
            "1b4ec7f91973ff3cb1ccf26fbc177c38db6e54582de258ff5190b8bc150afadb38030e5d0b7bf50120e5c0e6ad18e629853ce9946a0b2eccf6cfde0af8634bf8dc5a427fe4236ce5959baa0e776cdb47c4813e1e0c75ca271e1d059e08e4996aa4193a48ad3a24633ebdb32e9f0b824377e2fa9c10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "0",
            Err("division by zero"),
        ),
        (
            "40000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001",
            "1000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            Ok("5e-324"),
        ),
        (
            "1",
            "40000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            Ok("5e-324"),
        ),
        (
            "1",
            "80000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            Ok("0.0"),
        ),
        (
            "3",
            "100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            Ok("5e-324"),
        ),
        ("-7", "2", Ok("-3.5")),
        (
            "100000000000000000000000000000000000000000000000001",
            "10000000000000000000000000",
            Ok("1.2676506002282294e+30"),
        ),
        (
            "1b4ec7f91973ff3cb1ccf26fbc177c38db6e54582de258ff5190b8bc150afadb38030e5d0b7bf50120e5c0e6ad18e629853ce9946a0b2eccf6cfde0af8634bf8dc5a427fe4236ce5959baa0e776cdb47c4813e1e0c75ca271e1d059e08e4996aa4193a48ad3a24633ebdb32e9f0b824377e2fa9c10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "2bb13ff4f586652de947ea4c6025938e2be3ba26afd08e654f4df46021ab2af8599e7d61abf98801ce3c67d77b5b09dc086175ba434517ae57b2fcde5a38798e2d5d3733069f14a288f91017257af872d401fcfce0bc76a4fcfb3c300e3a8f11068ec3a77b903a386462b84a98126a058c9e5dc68000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            Ok("10.0"),
        ),
        (
            "a0348fb54a0d9f8141f0eb27fce7c511648e16badfad0f97c3b985933f43cd7def5fb596d5e0cc54bf6060550d98d209a29ff0ec5594c7b7b5f8aca353bca557472587c8032899549f4532932652374ab231c5217f6a64596e7200000000000000000000000000000000000000000000000000000000000000000000000000000",
            "a",
            Err("integer division result too large for a float"),
        ),
        (
            "2386f26fc0fffff4fe3c1121335ff887742dddcf46ab600c2ac2bf168f035a8cdfb4f3ab945e8a41c24129577afbcb94e1e14b9149ddc4a6d3d92c47155a2c0abf17347296a6e196eca3b882722c48a2ffa205af01336c8cea0f848e023ecb40700000000000000000000000000000000000000000000000000000000000000000000000000000",
            "2386f26fc10000",
            Err("integer division result too large for a float"),
        ),
    ];

    use crate::format::float::float_repr;

    #[test]
    fn int_matches_cpython() {
        for &(s, base, expected) in INT {
            check(
                &parse_int(s, base).map(|v| hex_of(&v)),
                expected,
                &format!("int({s:?}, {base})"),
            );
        }
    }

    #[test]
    fn long_int_strings_match_cpython() {
        for &(piece, count, suffix, base, expected) in INT_LONG {
            let text = piece.repeat(count) + suffix;
            let got = parse_int(&text, base).map(|v| format!("ok, {} bits", v.bits()));
            check(
                &got,
                expected,
                &format!("int({piece:?} * {count} + {suffix:?}, {base})"),
            );
        }
    }

    #[test]
    fn float_matches_cpython() {
        for &(s, expected) in FLOAT {
            check(
                &parse_float(s).map(float_repr),
                expected,
                &format!("float({s:?})"),
            );
        }
    }

    #[test]
    fn round_matches_cpython() {
        for &(x, n, expected) in ROUND {
            check(
                &round_float(x, n).map(float_repr),
                expected,
                &format!("round({x:e}, {n})"),
            );
        }
        for &(x, expected) in ROUND_INT {
            check(
                &round_half_even_to_int(x).map(|v| hex_of(&v)),
                expected,
                &format!("round({x:e})"),
            );
        }
    }

    #[test]
    fn conversions_match_cpython() {
        for &(x, expected) in TRUNC {
            check(
                &float_to_bigint(x).map(|v| hex_of(&v)),
                expected,
                &format!("int({x:e})"),
            );
        }
        for &(v, expected) in TO_FLOAT {
            check(
                &bigint_to_f64(&hex_int(v)).map(float_repr),
                expected,
                &format!("float(0x{v})"),
            );
        }
        for &(a, b, expected) in DIVIDE {
            let got = int_true_divide(&hex_int(a), &hex_int(b)).map(float_repr);
            check(&got, expected, &format!("0x{a} / 0x{b}"));
        }
    }

    #[test]
    fn bad_base_is_rejected() {
        assert_eq!(
            parse_int("1", 1),
            Err("int() base must be >= 2 and <= 36, or 0".to_owned())
        );
    }
}
