//! `str.format` and `str.format_map`: the replacement-field grammar of
//! PEP 3101, following CPython's `Objects/stringlib/unicode_format.h` so
//! that errors are raised in the same order with the same words.
//!
//! ```text
//! field       ::= "{" [name] ["!" conversion] [":" spec] "}"
//! name        ::= [identifier | digits] ("." attribute | "[" key "]")*
//! spec        ::= text, which may itself contain (one level of) fields
//! ```

use super::{this, this_and_one};
use crate::format::string::decimal_value;
use crate::interp::Vm;
use crate::interp::errors::{index_error, key_error, value_error};
use crate::interp::repr::ascii_escape;
use crate::value::{NativeFn, PyResult, Symbol, Value};

/// The methods of this module, for [`super::install`].
pub(super) const METHODS: &[(&str, NativeFn)] = &[("format", format), ("format_map", format_map)];

/// How deep format specs may nest fields: `"{:{}}"` works, `"{:{:{}}}"`
/// does not (PEP 3101 allows two levels).
const MAX_DEPTH: u32 = 2;

/// `s.format(*args, **kwargs)`.
fn format(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (s, rest) = this(vm, args, "format")?;
    let chars: Vec<char> = s.as_str().chars().collect();
    let mut f = Formatter::new(vm, Some(rest), Names::Keywords(kwargs));
    Ok(Value::str(f.build(&chars, MAX_DEPTH)?))
}

/// `s.format_map(mapping)`: named fields are looked up with
/// `mapping[name]`; positional fields are an error.
fn format_map(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (s, mapping) = this_and_one(vm, args, kwargs, "format_map")?;
    let chars: Vec<char> = s.as_str().chars().collect();
    let mut f = Formatter::new(vm, None, Names::Mapping(mapping));
    Ok(Value::str(f.build(&chars, MAX_DEPTH)?))
}

/// Where named fields (`{name}`) are looked up.
enum Names<'a> {
    /// The keyword arguments of `format`.
    Keywords(&'a [(Symbol, Value)]),
    /// The argument of `format_map`, indexed with `[]`.
    Mapping(&'a Value),
}

/// Whether the format string numbers its fields itself (`{0}`) or lets
/// them be numbered (`{}`); mixing the two is an error.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Numbering {
    /// No numeric field seen yet.
    Unset,
    /// `{}` fields.
    Automatic,
    /// `{0}` fields.
    Manual,
}

/// One parsed replacement field, as ranges of the format string.
struct Field<'s> {
    /// Everything before `!` or `:`.
    name: &'s [char],
    /// The character after `!`, if any.
    conversion: Option<char>,
    /// The text after `:` (empty when absent).
    spec: &'s [char],
    /// Whether the spec contains `{`, so must be formatted itself first.
    spec_has_fields: bool,
}

/// The state of one `format` call.
struct Formatter<'a> {
    vm: &'a Vm,
    /// Positional arguments; `None` for `format_map`.
    args: Option<&'a [Value]>,
    names: Names<'a>,
    numbering: Numbering,
    /// The next automatic field number.
    next_auto: usize,
}

impl<'a> Formatter<'a> {
    fn new(vm: &'a Vm, args: Option<&'a [Value]>, names: Names<'a>) -> Self {
        Self {
            vm,
            args,
            names,
            numbering: Numbering::Unset,
            next_auto: 0,
        }
    }

    /// Formats `input`: literal text with `{{`/`}}` unescaped and each
    /// replacement field rendered.
    fn build(&mut self, input: &[char], depth: u32) -> PyResult<String> {
        if depth == 0 {
            return Err(value_error("Max string recursion exceeded"));
        }
        let mut out = String::with_capacity(input.len() + 16);
        let mut pos = 0;
        while pos < input.len() {
            // Literal text up to the first brace.
            let start = pos;
            let mut brace = None;
            while let Some(&c) = input.get(pos) {
                pos += 1;
                if c == '{' || c == '}' {
                    brace = Some(c);
                    break;
                }
            }
            let next = input.get(pos).copied();
            let mut literal_end = pos;
            let mut field_follows = brace.is_some();
            match (brace, next) {
                (Some('}'), n) if n != Some('}') => {
                    return Err(value_error("Single '}' encountered in format string"));
                }
                (Some('{'), None) => {
                    return Err(value_error("Single '{' encountered in format string"));
                }
                // `{{` or `}}`: one brace of literal text.
                (Some(b), Some(n)) if b == n => {
                    pos += 1;
                    field_follows = false;
                }
                (Some(_), _) => literal_end -= 1,
                (None, _) => {}
            }
            out.extend(input.get(start..literal_end).unwrap_or_default());
            if field_follows {
                let field = parse_field(input, &mut pos)?;
                self.render(&field, depth, &mut out)?;
            }
        }
        Ok(out)
    }

    /// Looks up, converts and formats one field into `out`.
    fn render(&mut self, field: &Field<'_>, depth: u32, out: &mut String) -> PyResult<()> {
        let vm = self.vm;
        let mut value = self.field_value(field.name)?;
        if let Some(conversion) = field.conversion {
            value = Value::str(match conversion {
                'r' => vm.repr(&value)?,
                's' => vm.str_of(&value)?,
                'a' => ascii_escape(&vm.repr(&value)?),
                c if (33..127).contains(&u32::from(c)) => {
                    return Err(value_error(format!("Unknown conversion specifier {c}")));
                }
                c => {
                    return Err(value_error(format!(
                        "Unknown conversion specifier \\x{:x}",
                        u32::from(c)
                    )));
                }
            });
        }
        let spec: String = if field.spec_has_fields {
            self.build(field.spec, depth - 1)?
        } else {
            field.spec.iter().collect()
        };
        match &value {
            Value::Str(s) if spec.is_empty() => vm.push_checked(out, s.as_str()),
            _ => vm.push_checked(out, &vm.format_value(&value, &spec)?),
        }
    }

    /// The object a field name designates: an argument, then each
    /// `.attribute` and `[key]` applied in turn.
    fn field_value(&mut self, name: &[char]) -> PyResult {
        let vm = self.vm;
        let first_len = name
            .iter()
            .position(|&c| c == '.' || c == '[')
            .unwrap_or(name.len());
        let (first, mut rest) = name.split_at(first_len);
        let index = match get_integer(first)? {
            Some(i) => Some(self.number_field(false, i)?),
            None if first.is_empty() => Some(self.number_field(true, 0)?),
            None => None,
        };
        let mut value = match index {
            Some(i) => self.positional(i)?,
            None => self.named(first)?,
        };
        while let Some((&c, tail)) = rest.split_first() {
            match c {
                '.' => {
                    let len = tail
                        .iter()
                        .position(|&c| c == '.' || c == '[')
                        .unwrap_or(tail.len());
                    let (attr, after) = tail.split_at(len);
                    if attr.is_empty() {
                        return Err(value_error("Empty attribute in format string"));
                    }
                    let attr: String = attr.iter().collect();
                    value = vm.get_attr(&value, Symbol::intern(&attr))?;
                    rest = after;
                }
                '[' => {
                    let Some(len) = tail.iter().position(|&c| c == ']') else {
                        return Err(value_error("Missing ']' in format string"));
                    };
                    let (key, after) = tail.split_at(len);
                    let index = get_integer(key)?;
                    if key.is_empty() {
                        return Err(value_error("Empty attribute in format string"));
                    }
                    let key = match index {
                        Some(i) => Value::Int(i as i64),
                        None => Value::str(key.iter().collect::<String>()),
                    };
                    value = vm.get_item(&value, &key)?;
                    rest = after.get(1..).unwrap_or_default();
                }
                _ => {
                    return Err(value_error(
                        "Only '.' or '[' may follow ']' in format field specifier",
                    ));
                }
            }
        }
        Ok(value)
    }

    /// The positional argument `i`.
    fn positional(&self, i: usize) -> PyResult {
        let Some(args) = self.args else {
            return Err(value_error("Format string contains positional fields"));
        };
        args.get(i).cloned().ok_or_else(|| {
            index_error(format!(
                "Replacement index {i} out of range for positional args tuple"
            ))
        })
    }

    /// The keyword argument (or mapping entry) `name`.
    fn named(&self, name: &[char]) -> PyResult {
        let key: String = name.iter().collect();
        match self.names {
            Names::Keywords(kwargs) => kwargs
                .iter()
                .find(|(k, _)| k.with_name(|n| n == key))
                .map(|(_, v)| v.clone())
                .ok_or_else(|| key_error(Value::str(key))),
            Names::Mapping(mapping) => self.vm.get_item(mapping, &Value::str(key)),
        }
    }

    /// The argument index of a numeric field (`{}` when `automatic`, else
    /// `{explicit}`), enforcing that the two styles are not mixed.
    fn number_field(&mut self, automatic: bool, explicit: usize) -> PyResult<usize> {
        if self.numbering == Numbering::Unset {
            self.numbering = if automatic {
                Numbering::Automatic
            } else {
                Numbering::Manual
            };
        }
        match (self.numbering, automatic) {
            (Numbering::Manual, true) => Err(value_error(
                "cannot switch from manual field specification to automatic field numbering",
            )),
            (Numbering::Automatic, false) => Err(value_error(
                "cannot switch from automatic field numbering to manual field specification",
            )),
            (_, true) => {
                let i = self.next_auto;
                self.next_auto += 1;
                Ok(i)
            }
            (_, false) => Ok(explicit),
        }
    }
}

/// Parses the field starting at `*pos` (just after its `{`), leaving `*pos`
/// after its closing `}`.
fn parse_field<'s>(input: &'s [char], pos: &mut usize) -> PyResult<Field<'s>> {
    let name_start = *pos;
    let mut last = None;
    while let Some(&c) = input.get(*pos) {
        *pos += 1;
        match c {
            '{' => return Err(value_error("unexpected '{' in field name")),
            // A key may contain anything up to its `]`.
            '[' => {
                while input.get(*pos).is_some_and(|&c| c != ']') {
                    *pos += 1;
                }
                last = Some(c);
            }
            '}' | ':' | '!' => {
                last = Some(c);
                break;
            }
            _ => last = Some(c),
        }
    }
    let name = input
        .get(name_start..pos.saturating_sub(1))
        .unwrap_or_default();
    let mut field = Field {
        name,
        conversion: None,
        spec: &[],
        spec_has_fields: false,
    };
    match last {
        Some('}') => return Ok(field),
        Some('!' | ':') => {}
        _ => return Err(value_error("expected '}' before end of string")),
    }
    if last == Some('!') {
        let Some(&conversion) = input.get(*pos) else {
            return Err(value_error(
                "end of string while looking for conversion specifier",
            ));
        };
        *pos += 1;
        field.conversion = Some(conversion);
        if let Some(&c) = input.get(*pos) {
            *pos += 1;
            if c == '}' {
                return Ok(field);
            }
            if c != ':' {
                return Err(value_error("expected ':' after conversion specifier"));
            }
        }
    }
    let spec_start = *pos;
    let mut depth = 1;
    while let Some(&c) = input.get(*pos) {
        *pos += 1;
        match c {
            '{' => {
                field.spec_has_fields = true;
                depth += 1;
            }
            '}' => {
                depth -= 1;
                if depth == 0 {
                    field.spec = input.get(spec_start..*pos - 1).unwrap_or_default();
                    return Ok(field);
                }
            }
            _ => {}
        }
    }
    Err(value_error("unmatched '{' in format spec"))
}

/// The value of a field name or key made only of decimal digits (any
/// script's), or `None` for anything else, including the empty name.
fn get_integer(text: &[char]) -> PyResult<Option<usize>> {
    if text.is_empty() {
        return Ok(None);
    }
    let mut acc: i64 = 0;
    for &c in text {
        let Some(digit) = decimal_value(c) else {
            return Ok(None);
        };
        let digit = i64::from(digit);
        if acc > (i64::MAX - digit) / 10 {
            return Err(value_error("Too many decimal digits in format string"));
        }
        acc = acc * 10 + digit;
    }
    Ok(usize::try_from(acc).ok())
}

#[cfg(test)]
mod tests {
    use super::super::tests::{call, s, show, vm};
    use crate::value::{Symbol, Value};

    #[test]
    fn fields_and_escapes() {
        let vm = vm();
        let f = |fmt: &str, args: &[Value]| show(&vm, call(&vm, fmt, "format", args));
        assert_eq!(f("{}-{}", &[Value::Int(1), s("x")]), "1-x");
        assert_eq!(f("{1}{0}{1}", &[Value::Int(1), Value::Int(2)]), "212");
        assert_eq!(f("{{{}}}", &[Value::Int(1)]), "{1}");
        assert_eq!(f("{0!r:>5}", &[s("a")]), "  'a'");
        assert_eq!(
            f(
                "{:{}.{}}",
                &[Value::Float(1.234_56), Value::Int(8), Value::Int(3)]
            ),
            "    1.23"
        );
        assert_eq!(
            f("{0[1]}", &[Value::list(vec![Value::Int(5), Value::Int(6)])]),
            "6"
        );
        assert_eq!(f("{0.__class__}", &[Value::Int(5)]), "<class 'int'>");
    }

    #[test]
    fn errors() {
        let vm = vm();
        let f = |fmt: &str, args: &[Value]| show(&vm, call(&vm, fmt, "format", args));
        assert_eq!(
            f("}", &[]),
            "ValueError: Single '}' encountered in format string"
        );
        assert_eq!(
            f("x{", &[]),
            "ValueError: Single '{' encountered in format string"
        );
        assert_eq!(
            f("{0", &[]),
            "ValueError: expected '}' before end of string"
        );
        assert_eq!(
            f("{}{0}", &[Value::Int(1)]),
            "ValueError: cannot switch from automatic field numbering to manual field specification"
        );
        assert_eq!(
            f("{1}", &[Value::Int(1)]),
            "IndexError: Replacement index 1 out of range for positional args tuple"
        );
        assert_eq!(f("{a}", &[]), "KeyError: 'a'");
        assert_eq!(
            f("{!x}", &[Value::Int(1)]),
            "ValueError: Unknown conversion specifier x"
        );
        assert_eq!(
            f("{:{:{}}}", &[Value::Int(1), Value::Int(2), Value::Int(3)]),
            "ValueError: Max string recursion exceeded"
        );
        assert_eq!(
            f("{99999999999999999999}", &[]),
            "ValueError: Too many decimal digits in format string"
        );
    }

    #[test]
    fn keywords_and_mappings() {
        let vm = vm();
        let m = vm
            .get_attr(&s("{x}/{y!s}"), Symbol::intern("format"))
            .unwrap();
        let r = vm.call(
            &m,
            &[],
            &[
                (Symbol::intern("x"), Value::Int(1)),
                (Symbol::intern("y"), s("z")),
            ],
        );
        assert_eq!(show(&vm, r), "1/z");
        let d = vm
            .call(
                &Value::Class(vm.types.dict.clone()),
                &[],
                &[(Symbol::intern("k"), Value::Int(7))],
            )
            .unwrap();
        assert_eq!(
            show(
                &vm,
                call(&vm, "<{k}>", "format_map", std::slice::from_ref(&d))
            ),
            "<7>"
        );
        assert_eq!(
            show(&vm, call(&vm, "{}", "format_map", &[d])),
            "ValueError: Format string contains positional fields"
        );
    }
}
