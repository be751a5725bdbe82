//! Unicode character classes and full case mappings, as CPython 3.11's
//! `_PyUnicode_Is*` and `_PyUnicode_To*Full` see them.

use super::tables::{
    ALPHA, CASE_IGNORABLE, DECIMAL, DIGIT, FLAG_RUNS, FOLD_MAP, LOWER, LOWER_MAP, MULTI, NUMERIC,
    SPACE, TITLE, TITLE_MAP, UPPER, UPPER_MAP, XID_CONTINUE, XID_START,
};

/// A character class: one flag of the generated tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Class(u16);

impl Class {
    /// `isalpha()`: a letter (categories Lm, Lt, Lu, Ll, Lo).
    pub(super) const ALPHA: Class = Class(ALPHA);
    /// `isdecimal()`: a decimal digit (category Nd).
    pub(super) const DECIMAL: Class = Class(DECIMAL);
    /// `isdigit()`: a digit, including superscripts and circled digits.
    pub(super) const DIGIT: Class = Class(DIGIT);
    /// `isnumeric()`: anything with a numeric value (fractions, numerals...).
    pub(super) const NUMERIC: Class = Class(NUMERIC);
    /// `isalnum()`: any of the four classes above.
    pub(super) const ALNUM: Class = Class(ALPHA | DECIMAL | DIGIT | NUMERIC);
    /// `isspace()`: whitespace as `str.split()` understands it.
    pub(super) const SPACE: Class = Class(SPACE);
    /// The `Lowercase` property (`islower()` of one character).
    pub(super) const LOWER: Class = Class(LOWER);
    /// The `Uppercase` property (`isupper()` of one character).
    pub(super) const UPPER: Class = Class(UPPER);
    /// A titlecase letter such as `'ǅ'` (category Lt).
    pub(super) const TITLE: Class = Class(TITLE);
    /// `Cased`: lowercase, uppercase or titlecase.
    pub(super) const CASED: Class = Class(LOWER | UPPER | TITLE);
    /// `Case_Ignorable`: apostrophes, combining marks and the like, which
    /// the final-sigma rule looks through.
    pub(super) const CASE_IGNORABLE: Class = Class(CASE_IGNORABLE);
    /// May start an identifier (`XID_Start` or `_`).
    pub(super) const ID_START: Class = Class(XID_START);
    /// May continue an identifier (`XID_Continue`).
    pub(super) const ID_CONTINUE: Class = Class(XID_CONTINUE);
}

/// The flags of `c` (zero for most code points).
fn flags(c: char) -> u16 {
    let code = u32::from(c);
    let i = FLAG_RUNS.partition_point(|&(_, last, _)| last < code);
    match FLAG_RUNS.get(i) {
        Some(&(first, _, flags)) if first <= code => flags,
        _ => 0,
    }
}

/// Whether `c` belongs to `class` (to any of its flags, for unions such as
/// [`Class::ALNUM`]).
pub(super) fn is(c: char, class: Class) -> bool {
    flags(c) & class.0 != 0
}

/// Whether `c` is whitespace for `split()` and `strip()`.
pub(super) fn is_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, ' ' | '\t'..='\r' | '\x1c'..='\x1f')
    } else {
        is(c, Class::SPACE)
    }
}

/// Which full case mapping to apply.
#[derive(Clone, Copy, Debug)]
pub(super) enum Mapping {
    /// `upper()`.
    Upper,
    /// `lower()` (without the final-sigma rule, see [`push_lower_at`]).
    Lower,
    /// The first letter of a word in `title()` and `capitalize()`.
    Title,
    /// `casefold()`.
    Fold,
}

/// Appends the full mapping of `c` (one to three code points) to `out`.
pub(super) fn push_mapped(c: char, mapping: Mapping, out: &mut String) {
    let table = match mapping {
        Mapping::Upper => UPPER_MAP,
        Mapping::Lower => LOWER_MAP,
        Mapping::Title => TITLE_MAP,
        Mapping::Fold => FOLD_MAP,
    };
    let code = u32::from(c);
    let Ok(i) = table.binary_search_by_key(&code, |&(k, _)| k) else {
        out.push(c);
        return;
    };
    let mapped = table.get(i).map_or(code, |&(_, m)| m);
    if mapped & 0x8000_0000 == 0 {
        out.push(char::from_u32(mapped).unwrap_or(c));
    } else {
        match MULTI.get((mapped & 0x7FFF_FFFF) as usize) {
            Some(text) => out.push_str(text),
            None => out.push(c),
        }
    }
}

/// Appends the lowercase form of `chars[i]`: its full lowercase mapping,
/// except that a capital sigma becomes a final `ς` when it ends a word
/// (CPython's `lower_ucs4` and `handle_capital_sigma`).
pub(super) fn push_lower_at(chars: &[char], i: usize, out: &mut String) {
    let Some(&c) = chars.get(i) else { return };
    if c != 'Σ' {
        push_mapped(c, Mapping::Lower, out);
        return;
    }
    // Final when preceded by a cased letter and not followed by one, looking
    // through case-ignorable characters on both sides.
    let significant = |ch: &&char| !is(**ch, Class::CASE_IGNORABLE);
    let cased = |ch: &char| is(*ch, Class::CASED);
    let before = chars.get(..i).unwrap_or_default();
    let after = chars.get(i + 1..).unwrap_or_default();
    let final_sigma = before.iter().rev().find(significant).is_some_and(cased)
        && !after.iter().find(significant).is_some_and(cased);
    out.push(if final_sigma { 'ς' } else { 'σ' });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mapped(s: &str, m: Mapping) -> String {
        let mut out = String::new();
        for c in s.chars() {
            push_mapped(c, m, &mut out);
        }
        out
    }

    fn lower(s: &str) -> String {
        let chars: Vec<char> = s.chars().collect();
        let mut out = String::new();
        for i in 0..chars.len() {
            push_lower_at(&chars, i, &mut out);
        }
        out
    }

    #[test]
    fn full_mappings_expand() {
        assert_eq!(mapped("ß", Mapping::Upper), "SS");
        assert_eq!(mapped("ß", Mapping::Title), "Ss");
        assert_eq!(mapped("ß", Mapping::Fold), "ss");
        assert_eq!(mapped("ǆ", Mapping::Title), "ǅ");
        assert_eq!(mapped("ﬁ", Mapping::Upper), "FI");
        assert_eq!(mapped("İ", Mapping::Lower), "i\u{307}");
        assert_eq!(mapped("abc", Mapping::Upper), "ABC");
    }

    #[test]
    fn final_sigma() {
        assert_eq!(lower("ΟΔΟΣ"), "οδος");
        assert_eq!(lower("ΟΔΟΣ ΟΔΟΣ"), "οδος οδος");
        assert_eq!(lower("Σ"), "σ");
        assert_eq!(lower("ΑΣ'Α"), "ασ'α");
        assert_eq!(lower("Α'Σ"), "α'ς");
        assert_eq!(lower("ΑΣ'"), "ας'");
    }

    #[test]
    fn classes() {
        assert!(is('a', Class::ALPHA) && !is('1', Class::ALPHA));
        assert!(is('²', Class::DIGIT) && !is('²', Class::DECIMAL));
        assert!(is('½', Class::NUMERIC) && !is('½', Class::DIGIT));
        assert!(is('一', Class::NUMERIC));
        assert!(is('ǅ', Class::TITLE) && is('ǅ', Class::CASED));
        assert!(is('_', Class::ID_START) && is('1', Class::ID_CONTINUE));
        assert!(is_space('\x1f') && is_space('\u{3000}') && !is_space('\u{200b}'));
    }
}
