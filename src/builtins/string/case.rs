//! Case conversion (`upper`, `lower`, `title`, ...) and the character
//! predicates (`isalpha`, `isdigit`, `istitle`, ...).

use super::chars::{Class, Mapping, is, is_space, push_lower_at, push_mapped};
use super::this_only;
use crate::interp::Vm;
use crate::value::{NativeFn, PyResult, Symbol, Value};

/// The methods of this module, for [`super::install`].
pub(super) const METHODS: &[(&str, NativeFn)] = &[
    ("upper", upper),
    ("lower", lower),
    ("casefold", casefold),
    ("title", title),
    ("capitalize", capitalize),
    ("swapcase", swapcase),
    ("isalpha", isalpha),
    ("isalnum", isalnum),
    ("isdecimal", isdecimal),
    ("isdigit", isdigit),
    ("isnumeric", isnumeric),
    ("isspace", isspace),
    ("islower", islower),
    ("isupper", isupper),
    ("istitle", istitle),
    ("isascii", isascii),
    ("isprintable", isprintable),
    ("isidentifier", isidentifier),
];

/// `s.upper()`: full uppercase mappings (`'ß'` becomes `'SS'`).
#[must_use]
pub(super) fn to_upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_mapped(c, Mapping::Upper, &mut out);
    }
    out
}

/// `s.lower()`, with the final-sigma rule.
#[must_use]
pub(super) fn to_lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        push_lower_at(&chars, i, &mut out);
    }
    out
}

/// `s.title()`: a cased character following an uncased one is titlecased,
/// every other character is lowercased.
#[must_use]
pub(super) fn to_title(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut previous_is_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if previous_is_cased {
            push_lower_at(&chars, i, &mut out);
        } else {
            push_mapped(c, Mapping::Title, &mut out);
        }
        previous_is_cased = is(c, Class::CASED);
    }
    out
}

/// `s.capitalize()`: the first character titlecased (as of Python 3.8),
/// the rest lowercased.
#[must_use]
pub(super) fn to_capitalized(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if i == 0 {
            push_mapped(c, Mapping::Title, &mut out);
        } else {
            push_lower_at(&chars, i, &mut out);
        }
    }
    out
}

/// `s.swapcase()`: uppercase characters lowered, lowercase ones raised.
#[must_use]
pub(super) fn to_swapped(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if is(c, Class::UPPER) {
            push_lower_at(&chars, i, &mut out);
        } else if is(c, Class::LOWER) {
            push_mapped(c, Mapping::Upper, &mut out);
        } else {
            out.push(c);
        }
    }
    out
}

/// `s.casefold()`: full case folding, for caseless comparison.
#[must_use]
pub(super) fn to_casefolded(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_mapped(c, Mapping::Fold, &mut out);
    }
    out
}

/// Defines a method taking no arguments that maps the receiver's text.
macro_rules! text_method {
    ($($name:ident => $convert:path,)*) => {
        $(
            fn $name(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
                let s = this_only(vm, args, kwargs, stringify!($name))?;
                vm.reserve(s.as_str().len())?;
                Ok(Value::str($convert(s.as_str())))
            }
        )*
    };
}

text_method! {
    upper => to_upper,
    lower => to_lower,
    casefold => to_casefolded,
    title => to_title,
    capitalize => to_capitalized,
    swapcase => to_swapped,
}

/// Whether `s` is non-empty and every character satisfies `test`.
fn all_nonempty(s: &str, test: impl Fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(test)
}

/// `islower()`: some cased character and no uppercase or titlecase one.
fn is_lower_text(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is(c, Class::UPPER) || is(c, Class::TITLE) {
            return false;
        }
        cased |= is(c, Class::LOWER);
    }
    cased
}

/// `isupper()`: some cased character and no lowercase or titlecase one.
fn is_upper_text(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is(c, Class::LOWER) || is(c, Class::TITLE) {
            return false;
        }
        cased |= is(c, Class::UPPER);
    }
    cased
}

/// `istitle()`: uppercase/titlecase characters only after uncased ones,
/// lowercase ones only after cased ones, and at least one cased character.
fn is_title_text(s: &str) -> bool {
    let mut cased = false;
    let mut previous_is_cased = false;
    for c in s.chars() {
        if is(c, Class::UPPER) || is(c, Class::TITLE) {
            if previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else if is(c, Class::LOWER) {
            if !previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    cased
}

/// `isidentifier()`: an identifier start then identifier continuations.
fn is_identifier_text(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| is(c, Class::ID_START)) && chars.all(|c| is(c, Class::ID_CONTINUE))
}

/// Defines a predicate method taking no arguments.
macro_rules! predicate_method {
    ($($name:ident => $test:expr,)*) => {
        $(
            fn $name(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
                let s = this_only(vm, args, kwargs, stringify!($name))?;
                let test: fn(&str) -> bool = $test;
                Ok(Value::Bool(test(s.as_str())))
            }
        )*
    };
}

predicate_method! {
    isalpha => |s| all_nonempty(s, |c| is(c, Class::ALPHA)),
    isalnum => |s| all_nonempty(s, |c| is(c, Class::ALNUM)),
    isdecimal => |s| all_nonempty(s, |c| is(c, Class::DECIMAL)),
    isdigit => |s| all_nonempty(s, |c| is(c, Class::DIGIT)),
    isnumeric => |s| all_nonempty(s, |c| is(c, Class::NUMERIC)),
    isspace => |s| all_nonempty(s, is_space),
    islower => is_lower_text,
    isupper => is_upper_text,
    istitle => is_title_text,
    isascii => str::is_ascii,
    isprintable => |s| s.chars().all(crate::format::string::is_printable),
    isidentifier => is_identifier_text,
}

#[cfg(test)]
mod tests {
    use super::super::tests::{call, show, vm};
    use super::*;

    #[test]
    fn case_conversions() {
        assert_eq!(to_upper("straße"), "STRASSE");
        assert_eq!(to_lower("ΟΔΟΣ"), "οδος");
        assert_eq!(to_title("hello wORLD 3rd o'neil"), "Hello World 3Rd O'Neil");
        assert_eq!(to_title("ǆemal ßa"), "ǅemal Ssa");
        assert_eq!(to_capitalized("ǆEMAL"), "ǅemal");
        assert_eq!(to_capitalized(""), "");
        assert_eq!(to_swapped("aBßΣ"), "AbSSς");
        assert_eq!(to_swapped("Σa"), "σA");
        assert_eq!(to_casefolded("Straße"), "strasse");
    }

    #[test]
    fn predicates() {
        assert!(is_title_text("Hello World") && !is_title_text("HEllo") && !is_title_text("123"));
        assert!(is_title_text("ǅemal"));
        assert!(is_lower_text("abc1") && !is_lower_text("123") && !is_lower_text("aB"));
        assert!(is_upper_text("AB1") && !is_upper_text(""));
        assert!(
            is_identifier_text("_x1") && is_identifier_text("été") && !is_identifier_text("1x")
        );
        assert!(!is_identifier_text(""));
    }

    #[test]
    fn arguments_are_refused() {
        let vm = vm();
        assert_eq!(
            show(&vm, call(&vm, "a", "upper", &[Value::Int(1)])),
            "TypeError: str.upper() takes no arguments (1 given)"
        );
        assert_eq!(show(&vm, call(&vm, "", "isascii", &[])), "True");
        assert_eq!(show(&vm, call(&vm, "", "isalpha", &[])), "False");
    }
}
