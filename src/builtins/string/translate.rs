//! `maketrans`, `translate` and `encode`.

use super::{bind_args, check_result_size, clinic_type_name, this, this_and_one};
use crate::builtins::args::{arity, no_kwargs};
use crate::builtins::builtin_fn;
use crate::interp::Vm;
use crate::interp::attr::StaticMethod;
use crate::interp::errors::{exc_matches, type_error, value_error};
use crate::value::{DictMap, NativeFn, NativeObject, PyResult, Symbol, Value};

/// The methods of this module, for [`super::install`].
pub(super) const METHODS: &[(&str, NativeFn)] = &[("translate", translate), ("encode", encode)];

/// Installs `str.maketrans`, a static method.
pub(super) fn install_maketrans(vm: &Vm) {
    let method = NativeObject::new_value(
        vm.types.staticmethod.clone(),
        StaticMethod(builtin_fn("maketrans", maketrans)),
    );
    vm.types
        .str
        .dict
        .borrow_mut()
        .set(Symbol::intern("maketrans"), method);
}

/// `str.maketrans(x[, y[, z]])`: a translation table for `translate`.
///
/// With one argument, a dict whose keys (characters or code points) become
/// code points; with two, equal-length strings mapped character by
/// character; a third string lists characters to delete.
fn maketrans(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    no_kwargs("str.maketrans", kwargs)?;
    arity("maketrans", args, 1, 3)?;
    for (i, arg) in args.iter().enumerate().skip(1) {
        if !matches!(arg, Value::Str(_)) {
            return Err(type_error(format!(
                "maketrans() argument {} must be str, not {}",
                i + 1,
                clinic_type_name(vm, arg)
            )));
        }
    }
    let mut table = DictMap::new();
    match args {
        [Value::Dict(d)] => {
            let entries: Vec<(Value, Value)> = d
                .borrow()
                .iter()
                .map(|e| (e.key.clone(), e.value.clone()))
                .collect();
            for (key, value) in entries {
                let code = match &key {
                    Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => key,
                    Value::Str(s) => {
                        let mut chars = s.as_str().chars();
                        match (chars.next(), chars.next()) {
                            (Some(c), None) => Value::Int(i64::from(u32::from(c))),
                            _ => {
                                return Err(value_error(
                                    "string keys in translate table must be of length 1",
                                ));
                            }
                        }
                    }
                    _ => {
                        return Err(type_error(
                            "keys in translate table must be strings or integers",
                        ));
                    }
                };
                vm.dict_set(&mut table, code, value)?;
            }
        }
        [_] => {
            return Err(type_error(
                "if you give only one argument to maketrans it must be a dict",
            ));
        }
        [Value::Str(x), Value::Str(y), rest @ ..] => {
            if x.char_len() != y.char_len() {
                return Err(value_error(
                    "the first two maketrans arguments must have equal length",
                ));
            }
            for (a, b) in x.as_str().chars().zip(y.as_str().chars()) {
                vm.dict_set(&mut table, code_point(a), code_point(b))?;
            }
            if let Some(Value::Str(z)) = rest.first() {
                for c in z.as_str().chars() {
                    vm.dict_set(&mut table, code_point(c), Value::None)?;
                }
            }
        }
        _ => {
            return Err(type_error(
                "first maketrans argument must be a string if there is a second argument",
            ));
        }
    }
    Ok(Value::dict(table))
}

/// `ord(c)` as a value.
fn code_point(c: char) -> Value {
    Value::Int(i64::from(u32::from(c)))
}

/// `translate(table)`: each character's code point is looked up with
/// `table[code]`; a missing entry (`LookupError`) keeps the character,
/// `None` deletes it, an int or a str replaces it.
fn translate(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (s, table) = this_and_one(vm, args, kwargs, "translate")?;
    let mut out = String::with_capacity(s.as_str().len());
    for c in s.as_str().chars() {
        let mapped = match vm.get_item(table, &code_point(c)) {
            Ok(v) => v,
            Err(e) if exc_matches(&e, &vm.types.lookup_error) => {
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        let out_of_range = || value_error("character mapping must be in range(0x110000)");
        match &mapped {
            Value::None => {}
            Value::Str(t) => {
                check_result_size(vm, out.len().saturating_add(t.as_str().len()))?;
                out.push_str(t.as_str());
            }
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
                let code = match mapped {
                    Value::Int(i) => u32::try_from(i).map_err(|_| out_of_range())?,
                    Value::Bool(b) => u32::from(b),
                    _ => return Err(out_of_range()),
                };
                out.push(char::from_u32(code).ok_or_else(out_of_range)?);
            }
            _ => {
                return Err(type_error(
                    "character mapping must return integer, None or str",
                ));
            }
        }
    }
    Ok(Value::str(out))
}

/// `encode(encoding='utf-8', errors='strict')`: checks its arguments like
/// CPython, then fails, since pyco has no `bytes` type.
fn encode(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (_, rest) = this(vm, args, "encode")?;
    let bound = bind_args("encode", rest, kwargs, ["encoding", "errors"])?;
    for (value, name) in bound.iter().zip(["encoding", "errors"]) {
        if let Some(v) = value
            && !matches!(v, Value::Str(_))
        {
            return Err(type_error(format!(
                "encode() argument '{name}' must be str, not {}",
                clinic_type_name(vm, v)
            )));
        }
    }
    Err(type_error(
        "str.encode() is not supported by pyco, which has no bytes type",
    ))
}

#[cfg(test)]
mod tests {
    use super::super::tests::{call, s, show, vm};
    use super::*;
    use crate::value::Value;

    #[test]
    fn maketrans_and_translate() {
        let vm = vm();
        let table = call(&vm, "", "maketrans", &[s("ab"), s("xy"), s("c")]).unwrap();
        assert_eq!(vm.repr(&table).unwrap(), "{97: 120, 98: 121, 99: None}");
        assert_eq!(show(&vm, call(&vm, "abcd", "translate", &[table])), "xyd");
        assert_eq!(show(&vm, call(&vm, "ab", "translate", &[s("xyz")])), "ab");
        let bad = call(&vm, "", "maketrans", &[s("ab"), s("x")]);
        assert_eq!(
            show(&vm, bad),
            "ValueError: the first two maketrans arguments must have equal length"
        );
        assert_eq!(
            show(&vm, call(&vm, "a", "encode", &[])),
            "TypeError: str.encode() is not supported by pyco, which has no bytes type"
        );
    }

    #[test]
    fn translate_checks_mappings() {
        let vm = vm();
        let mut d = DictMap::new();
        vm.dict_set(&mut d, Value::Int(97), Value::Int(-1)).unwrap();
        assert_eq!(
            show(&vm, call(&vm, "a", "translate", &[Value::dict(d)])),
            "ValueError: character mapping must be in range(0x110000)"
        );
        let mut d = DictMap::new();
        vm.dict_set(&mut d, Value::Int(97), Value::Float(1.5))
            .unwrap();
        assert_eq!(
            show(&vm, call(&vm, "a", "translate", &[Value::dict(d)])),
            "TypeError: character mapping must return integer, None or str"
        );
    }
}
