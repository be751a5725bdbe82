//! The value representation.
//!
//! A [`Value`] is 16 bytes: a tag and either an immediate (`None`, `bool`,
//! small `int`, `float`) or one `Rc` pointer. Values never cross threads —
//! the event loop is tokio's current-thread runtime — so reference counting
//! is plain `Rc` and interior mutability is `RefCell`/`Cell`.

pub mod dict;
pub mod exception;
pub mod function;
pub mod object;
pub mod set;
pub mod string;
pub mod symbol;

use num_bigint::BigInt;
use num_traits::ToPrimitive;
use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

pub use dict::DictMap;
pub use exception::{Exc, ExceptionData, TraceEntry};
pub use function::{BoundMethod, Builtin, CellRef, Function, NativeFn};
pub use object::{AttrMap, Class, Instance, Module, Payload};
pub use set::SetTable;
pub use string::PyStr;
pub use symbol::{Symbol, sym};

/// The result of anything that can raise a Python exception.
pub type PyResult<T = Value> = Result<T, Exc>;

/// A Python value.
#[derive(Clone, Default)]
pub enum Value {
    /// `None`.
    #[default]
    None,
    /// `NotImplemented`, returned by binary dunders that give way.
    NotImplemented,
    /// `...`.
    Ellipsis,
    /// `True` / `False`.
    Bool(bool),
    /// An `int` that fits in 64 bits.
    Int(i64),
    /// An `int` that does not (always normalised: never fits in `i64`).
    BigInt(Rc<BigInt>),
    /// A `float`.
    Float(f64),
    /// A `str`.
    Str(Rc<PyStr>),
    /// A `tuple`.
    Tuple(Rc<Vec<Value>>),
    /// A `list`.
    List(Rc<RefCell<Vec<Value>>>),
    /// A `dict`.
    Dict(Rc<RefCell<DictMap>>),
    /// A `set`.
    Set(Rc<RefCell<SetTable>>),
    /// A `frozenset`.
    FrozenSet(Rc<SetTable>),
    /// A `range`.
    Range(Rc<Range>),
    /// A `slice`.
    Slice(Rc<Slice>),
    /// A function defined in Python.
    Function(Rc<Function>),
    /// A function bound to its first argument (`obj.method`).
    BoundMethod(Rc<BoundMethod>),
    /// A function implemented in Rust.
    Builtin(Rc<Builtin>),
    /// A class (built-in or user-defined).
    Class(Rc<Class>),
    /// An instance of a user-defined class, or an exception.
    Instance(Rc<Instance>),
    /// A module.
    Module(Rc<Module>),
    /// Any other object implemented in Rust: iterators, generators,
    /// coroutines, futures, tasks, locks, properties...
    Native(Rc<NativeObject>),
}

const _: () = assert!(std::mem::size_of::<Value>() == 16);

/// `range(start, stop, step)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Range {
    /// First value.
    pub start: i64,
    /// Bound (exclusive).
    pub stop: i64,
    /// Step, never zero.
    pub step: i64,
}

impl Range {
    /// Number of values, saturating at `i64::MAX` (a range such as
    /// `range(-2**63, 2**63 - 1)` holds more; see [`Range::len_exact`]).
    #[must_use]
    pub fn len(&self) -> i64 {
        i64::try_from(self.len_exact()).unwrap_or(i64::MAX)
    }

    /// Number of values, computed without overflow.
    #[must_use]
    pub fn len_exact(&self) -> i128 {
        let (start, stop, step) = (
            i128::from(self.start),
            i128::from(self.stop),
            i128::from(self.step),
        );
        if step > 0 && start < stop {
            (stop - start - 1) / step + 1
        } else if step < 0 && start > stop {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    }

    /// Whether the range is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len_exact() == 0
    }

    /// The value at index `i` (already normalised, so it fits).
    #[must_use]
    pub fn at(&self, i: i64) -> i64 {
        self.at_wide(i) as i64
    }

    /// `start + i * step` for any `i`, such as a slice bound just outside
    /// the range, which need not fit in an `i64`.
    #[must_use]
    pub fn at_wide(&self, i: i64) -> i128 {
        i128::from(self.start) + i128::from(i) * i128::from(self.step)
    }
}

/// `slice(start, stop, step)`.
#[derive(Clone)]
pub struct Slice {
    /// Lower bound or `None`.
    pub start: Value,
    /// Upper bound or `None`.
    pub stop: Value,
    /// Step or `None`.
    pub step: Value,
}

/// An object implemented in Rust: its class plus its state.
pub struct NativeObject {
    /// The object's class (for `type()`, attribute lookup, `isinstance`).
    pub class: Rc<Class>,
    /// The state, downcast by the methods of `class`.
    pub data: Box<dyn Any>,
}

impl NativeObject {
    /// Wraps `data` as an instance of `class`.
    pub fn new_value<T: Any>(class: Rc<Class>, data: T) -> Value {
        Value::Native(Rc::new(NativeObject {
            class,
            data: Box::new(data),
        }))
    }

    /// The state as a `T`, if it is one.
    #[must_use]
    pub fn downcast<T: Any>(&self) -> Option<&T> {
        self.data.downcast_ref::<T>()
    }
}

impl Value {
    /// A `str` value.
    #[must_use]
    pub fn str(s: impl Into<String>) -> Value {
        Value::Str(Rc::new(PyStr::new(s)))
    }

    /// A `tuple` value. The empty tuple is one shared object, as in
    /// CPython (`() is ()`).
    #[must_use]
    pub fn tuple(items: Vec<Value>) -> Value {
        if items.is_empty() {
            thread_local! {
                static EMPTY: Rc<Vec<Value>> = Rc::new(Vec::new());
            }
            if let Ok(t) = EMPTY.try_with(Rc::clone) {
                return Value::Tuple(t);
            }
        }
        Value::Tuple(Rc::new(items))
    }

    /// A `list` value.
    #[must_use]
    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(RefCell::new(items)))
    }

    /// A `dict` value.
    #[must_use]
    pub fn dict(map: DictMap) -> Value {
        Value::Dict(Rc::new(RefCell::new(map)))
    }

    /// An `int` from a big integer, normalised to `Int` when it fits.
    #[must_use]
    pub fn from_bigint(v: BigInt) -> Value {
        match v.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::BigInt(Rc::new(v)),
        }
    }

    /// The `int` value as a big integer, for `Int`, `BigInt` and `Bool`.
    #[must_use]
    pub fn to_bigint(&self) -> Option<BigInt> {
        match self {
            Value::Int(i) => Some(BigInt::from(*i)),
            Value::BigInt(b) => Some((**b).clone()),
            Value::Bool(b) => Some(BigInt::from(i64::from(*b))),
            _ => None,
        }
    }

    /// The string, if this is a `str`.
    #[must_use]
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s.as_str()),
            _ => None,
        }
    }

    /// The native state as a `T`, if this is a native object holding one.
    #[must_use]
    pub fn downcast<T: Any>(&self) -> Option<&T> {
        match self {
            Value::Native(n) => n.downcast::<T>(),
            _ => None,
        }
    }

    /// Identity (`is`): same object, or equal immediates.
    #[must_use]
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None)
            | (Value::NotImplemented, Value::NotImplemented)
            | (Value::Ellipsis, Value::Ellipsis) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            // Small ints are cached by CPython; equal i64 values are the
            // same object for every practical script.
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            _ => match (self.ptr_id(), other.ptr_id()) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            },
        }
    }

    /// The address of the heap object behind this value, if any.
    #[must_use]
    pub fn ptr_id(&self) -> Option<usize> {
        Some(match self {
            Value::BigInt(r) => Rc::as_ptr(r).cast::<u8>() as usize,
            Value::Str(r) => Rc::as_ptr(r).cast::<u8>() as usize,
            Value::Tuple(r) => Rc::as_ptr(r).cast::<u8>() as usize,
            Value::List(r) => Rc::as_ptr(r).cast::<u8>() as usize,
            Value::Dict(r) => Rc::as_ptr(r).cast::<u8>() as usize,
            Value::Set(r) => Rc::as_ptr(r).cast::<u8>() as usize,
            Value::FrozenSet(r) => Rc::as_ptr(r).cast::<u8>() as usize,
            Value::Range(r) => Rc::as_ptr(r).cast::<u8>() as usize,
            Value::Slice(r) => Rc::as_ptr(r).cast::<u8>() as usize,
            Value::Function(r) => Rc::as_ptr(r).cast::<u8>() as usize,
            Value::BoundMethod(r) => Rc::as_ptr(r).cast::<u8>() as usize,
            Value::Builtin(r) => Rc::as_ptr(r).cast::<u8>() as usize,
            Value::Class(r) => Rc::as_ptr(r).cast::<u8>() as usize,
            Value::Instance(r) => Rc::as_ptr(r).cast::<u8>() as usize,
            Value::Module(r) => Rc::as_ptr(r).cast::<u8>() as usize,
            Value::Native(r) => Rc::as_ptr(r).cast::<u8>() as usize,
            _ => return None,
        })
    }
}

const _: () = assert!(std::mem::size_of::<PyResult>() == 16);
