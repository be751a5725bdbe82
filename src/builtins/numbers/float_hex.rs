//! `float.hex()` and `float.fromhex()`: floats as exact hexadecimal text.
//!
//! The output format and the accepted grammar are CPython's
//! (`Objects/floatobject.c`): `[sign] ['0x'] digits ['.' digits] ['p'
//! [sign] decimal]`, or `inf`/`infinity`/`nan`, with surrounding
//! whitespace. Parsing rounds half to even, including into the subnormal
//! range, by working on the exact integer mantissa.

use num_bigint::BigUint;
use num_traits::Zero;

/// Why `float.fromhex` failed.
#[derive(Debug, PartialEq, Eq)]
pub enum FromHexError {
    /// Not a hexadecimal float (`ValueError`).
    Invalid,
    /// Beyond the largest float (`OverflowError`).
    TooLarge,
}

/// `x.hex()`: `[-]0x<d>.<13 hex digits>p<exponent>`, with `<d>` 1 for
/// normal numbers and 0 for subnormals; `inf`, `-inf` and `nan` as `repr`
/// writes them.
#[must_use]
pub fn to_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let exp_field = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    let (lead, exp) = if exp_field == 0 {
        (0, -1022)
    } else {
        (1, exp_field - 1023)
    };
    let exp_sign = if exp < 0 { '-' } else { '+' };
    format!("{sign}0x{lead}.{frac:013x}p{exp_sign}{}", exp.abs())
}

/// `float.fromhex(text)`.
pub fn from_hex(text: &str) -> Result<f64, FromHexError> {
    let s = text.trim_matches(|c: char| matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r'));
    let (negative, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let sign = if negative { -1.0 } else { 1.0 };
    let lower = body.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Ok(sign * f64::INFINITY);
    }
    if lower == "nan" {
        return Ok(f64::NAN);
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower);
    let (mantissa_text, exponent_text) = match body.split_once('p') {
        Some((m, e)) => (m, Some(e)),
        None => (body, None),
    };
    let (int_digits, frac_digits) = mantissa_text.split_once('.').unwrap_or((mantissa_text, ""));
    let all_hex = |t: &str| t.bytes().all(|b| b.is_ascii_hexdigit());
    if int_digits.len() + frac_digits.len() == 0 || !all_hex(int_digits) || !all_hex(frac_digits) {
        return Err(FromHexError::Invalid);
    }
    let exponent = match exponent_text {
        None => 0,
        Some(e) => parse_exponent(e).ok_or(FromHexError::Invalid)?,
    };
    let mut mantissa = BigUint::zero();
    for b in int_digits.bytes().chain(frac_digits.bytes()) {
        let digit = char::from(b).to_digit(16).unwrap_or(0);
        mantissa = (mantissa << 4u32) + digit;
    }
    let scale = i128::from(exponent) - 4 * frac_digits.len() as i128;
    let magnitude = round_to_f64(&mantissa, scale)?;
    Ok(sign * magnitude)
}

/// A decimal exponent with optional sign, saturated far beyond any float's
/// range.
fn parse_exponent(text: &str) -> Option<i64> {
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut value: i64 = 0;
    for b in digits.bytes() {
        value = value
            .saturating_mul(10)
            .saturating_add(i64::from(b - b'0'))
            .min(1 << 40);
    }
    Some(if negative { -value } else { value })
}

/// The float nearest `mantissa * 2**scale` (ties to even).
fn round_to_f64(mantissa: &BigUint, scale: i128) -> Result<f64, FromHexError> {
    if mantissa.is_zero() {
        return Ok(0.0);
    }
    let bits = i128::from(mantissa.bits());
    let top = bits - 1 + scale;
    if top > 1023 {
        return Err(FromHexError::TooLarge);
    }
    // The weight of the last bit kept: 53 significant bits, or fewer
    // below the normal range.
    let mut lsb = (top - 52).max(-1074);
    let shift = lsb - scale;
    let mut kept: u64 = if shift <= 0 {
        let m = mantissa << (-shift) as u64;
        m.iter_u64_digits().next().unwrap_or(0)
    } else if shift > bits + 1 {
        0
    } else {
        let shift = shift as u64;
        let m = mantissa >> shift;
        let mut kept = m.iter_u64_digits().next().unwrap_or(0);
        let half = mantissa.bit(shift - 1);
        let below_half = mantissa.trailing_zeros().is_some_and(|z| z < shift - 1);
        if half && (below_half || kept & 1 == 1) {
            kept += 1;
        }
        kept
    };
    if kept == 1 << 53 {
        kept >>= 1;
        lsb += 1;
    }
    if lsb + 52 > 1023 {
        return Err(FromHexError::TooLarge);
    }
    let bits = if kept < 1 << 52 {
        kept
    } else {
        let exp_field = (lsb + 52 + 1023) as u64;
        (exp_field << 52) | (kept & ((1 << 52) - 1))
    };
    Ok(f64::from_bits(bits))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_matches_cpython() {
        assert_eq!(to_hex(1.0), "0x1.0000000000000p+0");
        assert_eq!(to_hex(-0.75), "-0x1.8000000000000p-1");
        assert_eq!(to_hex(1e300), "0x1.7e43c8800759cp+996");
        assert_eq!(to_hex(1e-320), "0x0.00000000007e8p-1022");
        assert_eq!(to_hex(0.0), "0x0.0p+0");
        assert_eq!(to_hex(f64::NEG_INFINITY), "-inf");
    }

    #[test]
    fn fromhex_rounds_like_cpython() {
        let ok = |s: &str| from_hex(s).map(f64::to_bits);
        assert_eq!(ok("0x1.999999999999ap-4"), Ok(f64::to_bits(0.1)));
        assert_eq!(ok("0x1p-1074"), Ok(f64::to_bits(5e-324)));
        assert_eq!(ok("0x1p-1075"), Ok(f64::to_bits(0.0)));
        assert_eq!(ok("0x3p-1076"), Ok(f64::to_bits(5e-324)));
        assert_eq!(ok("0x1.8p-1074"), Ok(f64::to_bits(1e-323)));
        assert_eq!(ok("0x1.fffffffffffff7p1023"), Ok(f64::to_bits(f64::MAX)));
        assert_eq!(ok("0x1.000000000000080p0"), Ok(f64::to_bits(1.0)));
        assert_eq!(
            ok("0x1.000000000000081p0"),
            Ok(f64::to_bits(1.000_000_000_000_000_2))
        );
        assert_eq!(
            ok("0x1.000000000000180p0"),
            Ok(f64::to_bits(1.000_000_000_000_000_4))
        );
        assert_eq!(ok("0x0.0000000000000cp-1022"), Ok(f64::to_bits(5e-324)));
        assert_eq!(ok("a.b"), Ok(f64::to_bits(10.6875)));
        assert_eq!(ok(" -0X1.8P+1 "), Ok(f64::to_bits(-3.0)));
        assert_eq!(ok("0x1p-99999999999999999999"), Ok(f64::to_bits(0.0)));
        assert_eq!(ok("-0x0.0p+0"), Ok(f64::to_bits(-0.0)));
        assert_eq!(
            from_hex("0x1.fffffffffffff8p1023"),
            Err(FromHexError::TooLarge)
        );
        assert_eq!(
            from_hex("0x1p99999999999999999999"),
            Err(FromHexError::TooLarge)
        );
        for bad in ["1p", ".", "0x", "0x.p1", "1_0", "infinit", "0x1.0p1 x", ""] {
            assert_eq!(from_hex(bad), Err(FromHexError::Invalid), "{bad:?}");
        }
    }
}
