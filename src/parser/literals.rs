//! Number literals to constants.
//!
//! The lexer already checked the literal's shape (digits, separators,
//! prefixes), so conversion cannot fail here.

use num_bigint::BigInt;
use num_traits::{Num, ToPrimitive};

use crate::ast::Constant;

/// The constant a number literal denotes: `Int` when it fits in an `i64`,
/// `BigInt` otherwise, `Float` for literals with a point or exponent.
#[must_use]
pub fn number(text: &str) -> Constant {
    let clean: String = text.chars().filter(|&c| c != '_').collect();
    let lower = clean.to_ascii_lowercase();
    let (digits, radix) = if let Some(d) = lower.strip_prefix("0x") {
        (d, 16)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (d, 8)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (d, 2)
    } else if lower.contains(['.', 'e']) {
        return Constant::Float(lower.parse().unwrap_or(f64::NAN));
    } else {
        (lower.as_str(), 10)
    };
    if let Ok(v) = i64::from_str_radix(digits, radix) {
        return Constant::Int(v);
    }
    match BigInt::from_str_radix(digits, radix) {
        Ok(big) => big.to_i64().map_or(Constant::BigInt(big), Constant::Int),
        Err(_) => Constant::Int(0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_numbers() {
        assert_eq!(number("1_000"), Constant::Int(1000));
        assert_eq!(number("0x_ff"), Constant::Int(255));
        assert_eq!(number("0o17"), Constant::Int(15));
        assert_eq!(number("0b1010"), Constant::Int(10));
        assert_eq!(number("00"), Constant::Int(0));
        assert_eq!(number("9223372036854775807"), Constant::Int(i64::MAX));
        assert!(matches!(number("9223372036854775808"), Constant::BigInt(_)));
        assert_eq!(number("1.5"), Constant::Float(1.5));
        assert_eq!(number(".5"), Constant::Float(0.5));
        assert_eq!(number("5."), Constant::Float(5.0));
        assert_eq!(number("1e-3"), Constant::Float(0.001));
        assert_eq!(number("1_0.5e1_0"), Constant::Float(10.5e10));
        assert_eq!(number("1e400"), Constant::Float(f64::INFINITY));
    }
}
