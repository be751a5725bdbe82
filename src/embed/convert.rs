//! Conversions between pyco values and Rust types: [`FromPy`], [`IntoPy`]
//! and [`IntoArgs`].
//!
//! | Rust | Python |
//! | --- | --- |
//! | `i64`, `i32`, `u32`, `u64`, `usize` | `int` (`bool` accepted, as Python does) |
//! | `f64` | `float` (an `int` is accepted) |
//! | `String`, `&str` (into only) | `str` |
//! | `bool` | `bool` |
//! | `()` | `None` |
//! | `Option<T>` | `None` or `T` |
//! | `Vec<T>` | `list` (a `tuple` is accepted) |
//! | `HashMap<String, T>`, `BTreeMap<String, T>` | `dict` with `str` keys |
//! | `serde_json::Value` | `None`, `bool`, `int`, `float`, `str`, `list`, `dict` |
//! | [`Value`] | anything, unchanged |
//!
//! ```
//! use pyco::embed::Interpreter;
//! let interp = Interpreter::new();
//! interp.set_global("payload", serde_json::json!({"ids": [1, 2], "ok": true}));
//! interp.run("n = len(payload['ids'])\nback = {'ok': payload['ok']}").unwrap();
//! assert_eq!(interp.get::<i64>("n").unwrap(), 2);
//! assert_eq!(interp.get::<serde_json::Value>("back").unwrap(), serde_json::json!({"ok": true}));
//! ```

use crate::types::types;
use crate::value::{DictMap, Value};
use num_traits::ToPrimitive;
use std::collections::{BTreeMap, HashMap};
use std::fmt;

/// A value of the wrong type: what was expected, what was found, and where
/// inside a container.
///
/// ```
/// use pyco::embed::FromPy;
/// use pyco::value::Value;
/// let err = i64::from_py(&Value::str("7")).unwrap_err();
/// assert_eq!(err.to_string(), "expected int, got str");
/// let list = Value::list(vec![Value::Int(1), Value::str("x")]);
/// let err = Vec::<i64>::from_py(&list).unwrap_err();
/// assert_eq!(err.to_string(), "expected int, got str (at [1])");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConversionError {
    /// The expected Python type (`int`, `list`, `dict with str keys`...).
    pub expected: String,
    /// The Python type found.
    pub actual: String,
    /// Where inside the converted value (`[1]['name']`), empty at the top.
    pub path: String,
}

impl ConversionError {
    /// `expected` wanted, `value` found.
    ///
    /// ```
    /// use pyco::embed::ConversionError;
    /// let e = ConversionError::new("int", &pyco::value::Value::Float(1.5));
    /// assert_eq!((e.expected.as_str(), e.actual.as_str()), ("int", "float"));
    /// ```
    #[must_use]
    pub fn new(expected: impl Into<String>, value: &Value) -> Self {
        Self {
            expected: expected.into(),
            actual: type_name(value),
            path: String::new(),
        }
    }

    /// The same error, found inside the container element `step` (`[2]`).
    fn inside(mut self, step: &str) -> Self {
        self.path.insert_str(0, step);
        self
    }
}

impl fmt::Display for ConversionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "expected {}, got {}", self.expected, self.actual)?;
        if !self.path.is_empty() {
            write!(f, " (at {})", self.path)?;
        }
        Ok(())
    }
}

impl std::error::Error for ConversionError {}

/// The Python class name of a value (`int`, `list`, `Point`).
///
/// ```
/// assert_eq!(pyco::embed::type_name(&pyco::value::Value::Int(1)), "int");
/// ```
#[must_use]
pub fn type_name(v: &Value) -> String {
    let t = types();
    let name = match v {
        Value::None => "NoneType",
        Value::NotImplemented => "NotImplementedType",
        Value::Ellipsis => "ellipsis",
        Value::Bool(_) => "bool",
        Value::Int(_) | Value::BigInt(_) => "int",
        Value::Float(_) => "float",
        Value::Str(_) => "str",
        Value::Tuple(_) => "tuple",
        Value::List(_) => "list",
        Value::Dict(_) => "dict",
        Value::Set(_) => "set",
        Value::FrozenSet(_) => "frozenset",
        Value::Range(_) => "range",
        Value::Slice(_) => "slice",
        Value::Function(_) => "function",
        Value::BoundMethod(_) => "method",
        Value::Builtin(_) => return t.builtin_function.name.to_string(),
        Value::Class(_) => "type",
        Value::Instance(i) => return i.class().name.to_string(),
        Value::Module(_) => "module",
        Value::Native(n) => return n.class.name.to_string(),
    };
    name.to_string()
}

/// A Rust value made from a pyco value, or a [`ConversionError`] naming the
/// expected and actual types.
///
/// ```
/// use pyco::embed::FromPy;
/// use pyco::value::Value;
/// assert_eq!(f64::from_py(&Value::Int(2)).unwrap(), 2.0);
/// assert_eq!(Option::<String>::from_py(&Value::None).unwrap(), None);
/// ```
pub trait FromPy: Sized {
    /// Converts, or says what was expected and found.
    ///
    /// ```
    /// use pyco::embed::FromPy;
    /// let e = bool::from_py(&pyco::value::Value::Int(1)).unwrap_err();
    /// assert_eq!((e.expected.as_str(), e.actual.as_str()), ("bool", "int"));
    /// ```
    fn from_py(value: &Value) -> Result<Self, ConversionError>;
}

/// A pyco value made from a Rust value.
///
/// ```
/// use pyco::embed::IntoPy;
/// let v = vec![1i64, 2, 3].into_py();
/// assert_eq!(pyco::embed::type_name(&v), "list");
/// ```
pub trait IntoPy {
    /// Converts.
    ///
    /// ```
    /// use pyco::embed::IntoPy;
    /// assert_eq!(format!("{:?}", Some(2.5).into_py()), "2.5");
    /// ```
    fn into_py(self) -> Value;
}

impl Value {
    /// Converts to a Rust type (see [`FromPy`]).
    ///
    /// ```
    /// let interp = pyco::embed::Interpreter::new();
    /// interp.run("xs = [1, 2, 3]").unwrap();
    /// let xs: Vec<i64> = interp.global("xs").unwrap().extract().unwrap();
    /// assert_eq!(xs, [1, 2, 3]);
    /// ```
    pub fn extract<T: FromPy>(&self) -> Result<T, ConversionError> {
        T::from_py(self)
    }
}

impl FromPy for Value {
    fn from_py(value: &Value) -> Result<Self, ConversionError> {
        Ok(value.clone())
    }
}

impl IntoPy for Value {
    fn into_py(self) -> Value {
        self
    }
}

impl FromPy for i64 {
    fn from_py(value: &Value) -> Result<Self, ConversionError> {
        match value {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(i64::from(*b)),
            Value::BigInt(_) => Err(ConversionError {
                expected: "int that fits in 64 bits".into(),
                actual: "int".into(),
                path: String::new(),
            }),
            other => Err(ConversionError::new("int", other)),
        }
    }
}

macro_rules! narrow_int {
    ($($t:ty => $what:literal),*) => {$(
        impl FromPy for $t {
            fn from_py(value: &Value) -> Result<Self, ConversionError> {
                let wide = match value {
                    Value::BigInt(b) => b.to_i128().unwrap_or(i128::MAX),
                    other => i128::from(i64::from_py(other)?),
                };
                <$t>::try_from(wide).map_err(|_| ConversionError {
                    expected: $what.into(),
                    actual: "int".into(),
                    path: String::new(),
                })
            }
        }
        impl IntoPy for $t {
            fn into_py(self) -> Value {
                Value::from_bigint(num_bigint::BigInt::from(self))
            }
        }
    )*};
}

narrow_int!(
    i32 => "int in the range of i32",
    u32 => "non-negative int in the range of u32",
    u64 => "non-negative int that fits in 64 bits",
    usize => "non-negative int that fits in usize"
);

impl IntoPy for i64 {
    fn into_py(self) -> Value {
        Value::Int(self)
    }
}

impl FromPy for f64 {
    fn from_py(value: &Value) -> Result<Self, ConversionError> {
        match value {
            Value::Float(f) => Ok(*f),
            Value::Int(i) => Ok(*i as f64),
            Value::Bool(b) => Ok(f64::from(u8::from(*b))),
            Value::BigInt(b) => Ok(b.to_f64().unwrap_or(f64::INFINITY)),
            other => Err(ConversionError::new("float", other)),
        }
    }
}

impl IntoPy for f64 {
    fn into_py(self) -> Value {
        Value::Float(self)
    }
}

impl FromPy for bool {
    fn from_py(value: &Value) -> Result<Self, ConversionError> {
        match value {
            Value::Bool(b) => Ok(*b),
            other => Err(ConversionError::new("bool", other)),
        }
    }
}

impl IntoPy for bool {
    fn into_py(self) -> Value {
        Value::Bool(self)
    }
}

impl FromPy for String {
    fn from_py(value: &Value) -> Result<Self, ConversionError> {
        match value {
            Value::Str(s) => Ok(s.as_str().to_string()),
            other => Err(ConversionError::new("str", other)),
        }
    }
}

impl IntoPy for String {
    fn into_py(self) -> Value {
        Value::str(self)
    }
}

impl IntoPy for &str {
    fn into_py(self) -> Value {
        Value::str(self)
    }
}

impl FromPy for () {
    fn from_py(value: &Value) -> Result<Self, ConversionError> {
        match value {
            Value::None => Ok(()),
            other => Err(ConversionError::new("None", other)),
        }
    }
}

impl IntoPy for () {
    fn into_py(self) -> Value {
        Value::None
    }
}

impl<T: FromPy> FromPy for Option<T> {
    fn from_py(value: &Value) -> Result<Self, ConversionError> {
        match value {
            Value::None => Ok(None),
            other => T::from_py(other).map(Some),
        }
    }
}

impl<T: IntoPy> IntoPy for Option<T> {
    fn into_py(self) -> Value {
        self.map_or(Value::None, IntoPy::into_py)
    }
}

impl<T: FromPy> FromPy for Vec<T> {
    fn from_py(value: &Value) -> Result<Self, ConversionError> {
        let convert = |items: &[Value]| {
            items
                .iter()
                .enumerate()
                .map(|(i, v)| T::from_py(v).map_err(|e| e.inside(&format!("[{i}]"))))
                .collect()
        };
        match value {
            Value::List(items) => convert(&items.borrow()),
            Value::Tuple(items) => convert(items),
            other => Err(ConversionError::new("list", other)),
        }
    }
}

impl<T: IntoPy> IntoPy for Vec<T> {
    fn into_py(self) -> Value {
        Value::list(self.into_iter().map(IntoPy::into_py).collect())
    }
}

/// The entries of a dict whose keys are all `str`.
fn str_entries(value: &Value) -> Result<Vec<(String, Value)>, ConversionError> {
    let Value::Dict(d) = value else {
        return Err(ConversionError::new("dict", value));
    };
    d.borrow()
        .iter()
        .map(|e| match &e.key {
            Value::Str(s) => Ok((s.as_str().to_string(), e.value.clone())),
            other => Err(ConversionError::new("str key", other)),
        })
        .collect()
}

/// A dict with `str` keys, in the given order.
fn str_dict(entries: impl Iterator<Item = (String, Value)>) -> Value {
    let mut map = DictMap::new();
    for (k, v) in entries {
        let hash = crate::hash::hash_str(&k);
        let key = Value::str(k);
        let probe = key.as_str().map(str::to_string);
        map.insert(hash, key, v, |other| other.as_str() == probe.as_deref());
    }
    Value::dict(map)
}

fn convert_entries<T: FromPy>(
    value: &Value,
) -> Result<impl Iterator<Item = (String, T)>, ConversionError> {
    let entries = str_entries(value)?
        .into_iter()
        .map(|(k, v)| {
            T::from_py(&v)
                .map(|t| (k.clone(), t))
                .map_err(|e| e.inside(&format!("[{k:?}]")))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(entries.into_iter())
}

impl<T: FromPy, S: std::hash::BuildHasher + Default> FromPy for HashMap<String, T, S> {
    fn from_py(value: &Value) -> Result<Self, ConversionError> {
        Ok(convert_entries(value)?.collect())
    }
}

impl<T: IntoPy, S> IntoPy for HashMap<String, T, S> {
    fn into_py(self) -> Value {
        str_dict(self.into_iter().map(|(k, v)| (k, v.into_py())))
    }
}

impl<T: FromPy> FromPy for BTreeMap<String, T> {
    fn from_py(value: &Value) -> Result<Self, ConversionError> {
        Ok(convert_entries(value)?.collect())
    }
}

impl<T: IntoPy> IntoPy for BTreeMap<String, T> {
    fn into_py(self) -> Value {
        str_dict(self.into_iter().map(|(k, v)| (k, v.into_py())))
    }
}

impl FromPy for serde_json::Value {
    fn from_py(value: &Value) -> Result<Self, ConversionError> {
        use serde_json::Value as J;
        Ok(match value {
            Value::None => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::Int(i) => J::from(*i),
            Value::BigInt(b) => match b.to_u64() {
                Some(u) => J::from(u),
                None => {
                    return Err(ConversionError {
                        expected: "int that fits in 64 bits".into(),
                        actual: "int".into(),
                        path: String::new(),
                    });
                }
            },
            Value::Float(f) => match serde_json::Number::from_f64(*f) {
                Some(n) => J::Number(n),
                None => {
                    return Err(ConversionError {
                        expected: "finite float".into(),
                        actual: format!("float {f}"),
                        path: String::new(),
                    });
                }
            },
            Value::Str(s) => J::String(s.as_str().to_string()),
            Value::List(_) | Value::Tuple(_) => J::Array(Vec::from_py(value)?),
            Value::Dict(_) => J::Object(convert_entries(value)?.collect()),
            other => {
                return Err(ConversionError::new(
                    "None, bool, int, float, str, list or dict",
                    other,
                ));
            }
        })
    }
}

impl IntoPy for serde_json::Value {
    fn into_py(self) -> Value {
        use serde_json::Value as J;
        match self {
            J::Null => Value::None,
            J::Bool(b) => Value::Bool(b),
            J::Number(n) => {
                if let Some(i) = n.as_i64() {
                    Value::Int(i)
                } else if let Some(u) = n.as_u64() {
                    u.into_py()
                } else {
                    Value::Float(n.as_f64().unwrap_or(f64::NAN))
                }
            }
            J::String(s) => Value::str(s),
            J::Array(items) => items.into_py(),
            J::Object(map) => str_dict(map.into_iter().map(|(k, v)| (k, v.into_py()))),
        }
    }
}

/// Arguments for calling a script function from Rust: a tuple of
/// [`IntoPy`] values (up to six), `()` for none, or a `Vec<Value>`.
///
/// ```
/// use pyco::embed::IntoArgs;
/// assert_eq!((1i64, "two", 3.0).into_args().len(), 3);
/// assert!(().into_args().is_empty());
/// ```
pub trait IntoArgs {
    /// The positional arguments.
    ///
    /// ```
    /// use pyco::embed::IntoArgs;
    /// assert_eq!(format!("{:?}", ("a", 1).into_args()), "['a', 1]");
    /// ```
    fn into_args(self) -> Vec<Value>;
}

impl IntoArgs for Vec<Value> {
    fn into_args(self) -> Vec<Value> {
        self
    }
}

macro_rules! tuple_args {
    ($($name:ident),*) => {
        impl<$($name: IntoPy),*> IntoArgs for ($($name,)*) {
            #[allow(non_snake_case)]
            fn into_args(self) -> Vec<Value> {
                let ($($name,)*) = self;
                vec![$($name.into_py()),*]
            }
        }
    };
}

impl IntoArgs for () {
    fn into_args(self) -> Vec<Value> {
        Vec::new()
    }
}

tuple_args!(A);
tuple_args!(A, B);
tuple_args!(A, B, C);
tuple_args!(A, B, C, D);
tuple_args!(A, B, C, D, E);
tuple_args!(A, B, C, D, E, F);

/// A Python-like rendering for Rust's `{:?}` (no interpreter needed:
/// instances show as `<Class object>`, nesting deeper than four levels as
/// `...`).
///
/// ```
/// let v = pyco::value::Value::list(vec![pyco::value::Value::Int(1), pyco::value::Value::str("a")]);
/// assert_eq!(format!("{v:?}"), "[1, 'a']");
/// ```
impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        debug_value(self, f, 0)
    }
}

fn debug_value(v: &Value, f: &mut fmt::Formatter<'_>, depth: usize) -> fmt::Result {
    let seq = |f: &mut fmt::Formatter<'_>, items: &[Value], open: &str, close: &str| {
        f.write_str(open)?;
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            debug_value(item, f, depth + 1)?;
        }
        if open == "(" && items.len() == 1 {
            f.write_str(",")?;
        }
        f.write_str(close)
    };
    if depth > 4 {
        return f.write_str("...");
    }
    match v {
        Value::None => f.write_str("None"),
        Value::Bool(b) => f.write_str(if *b { "True" } else { "False" }),
        Value::Int(i) => write!(f, "{i}"),
        Value::BigInt(b) => write!(f, "{b}"),
        Value::Float(x) => write!(f, "{}", crate::format::float::float_repr(*x)),
        Value::Str(s) => f.write_str(&crate::format::string::str_repr(s.as_str())),
        Value::Tuple(items) => seq(f, items, "(", ")"),
        Value::List(items) => seq(f, &items.borrow(), "[", "]"),
        Value::Dict(d) => {
            f.write_str("{")?;
            for (i, e) in d.borrow().iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                debug_value(&e.key, f, depth + 1)?;
                f.write_str(": ")?;
                debug_value(&e.value, f, depth + 1)?;
            }
            f.write_str("}")
        }
        Value::Module(m) => write!(f, "<module '{}'>", m.name),
        other => write!(f, "<{} object>", type_name(other)),
    }
}
