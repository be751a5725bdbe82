//! Building exceptions, with CPython's wording kept in one place.

use crate::types::types;
use crate::value::{Class, Exc, Value};
use std::rc::Rc;

pub use crate::value::exception::new_exception;

/// The largest block pyco asks for at once, in bytes (the bound `str * n`
/// uses too). mimalloc grants far larger requests on an overcommitting
/// system and the process then fills the machine's memory, where CPython's
/// malloc fails at once with `MemoryError`.
pub const MAX_BLOCK_BYTES: usize = 1 << 34;

/// Makes room for `n` more items in `v`, or `MemoryError` (as CPython
/// raises for `list(range(10**10))`) when that is past [`MAX_BLOCK_BYTES`]
/// or the allocation fails.
pub fn reserve_items<T>(v: &mut Vec<T>, n: usize) -> Result<(), Exc> {
    if (v.len().saturating_add(n)).saturating_mul(size_of::<T>()) > MAX_BLOCK_BYTES {
        return Err(memory_error(""));
    }
    v.try_reserve(n).map_err(|_| memory_error(""))
}

/// An empty vector with room for `n` items, or `MemoryError` (as CPython
/// raises for `[0] * 10**10`); see [`reserve_items`].
pub fn vec_with_room<T>(n: usize) -> Result<Vec<T>, Exc> {
    // The allocator may reserve address space beyond what the machine has
    // (and fault later); refuse what could never be backed, as glibc does.
    if n.saturating_mul(std::mem::size_of::<T>()) > machine_memory() {
        return Err(memory_error(""));
    }
    let mut v = Vec::new();
    reserve_items(&mut v, n)?;
    Ok(v)
}

/// Physical memory plus swap in bytes (`usize::MAX` when unknown).
fn machine_memory() -> usize {
    static TOTAL: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *TOTAL.get_or_init(|| {
        let Ok(info) = std::fs::read_to_string("/proc/meminfo") else {
            return usize::MAX;
        };
        let kib = |key: &str| -> Option<usize> {
            let line = info.lines().find(|l| l.starts_with(key))?;
            line.split_whitespace().nth(1)?.parse().ok()
        };
        match (kib("MemTotal:"), kib("SwapTotal:")) {
            (Some(mem), swap) => (mem + swap.unwrap_or(0)).saturating_mul(1024),
            _ => usize::MAX,
        }
    })
}

/// An exception of `class` whose single argument is `msg`.
#[must_use]
pub fn exc_msg(class: &Rc<Class>, msg: impl Into<String>) -> Exc {
    let msg: String = msg.into();
    new_exception(class, vec![Value::str(msg)])
}

macro_rules! simple_errors {
    ($($fn_name:ident => $field:ident,)*) => {
        $(
            #[doc = concat!("A `", stringify!($field), "` with a message.")]
            pub fn $fn_name(msg: impl Into<String>) -> Exc {
                exc_msg(&types().$field, msg)
            }
        )*
    };
}

simple_errors! {
    type_error => type_error,
    value_error => value_error,
    index_error => index_error,
    attribute_error => attribute_error,
    name_error => name_error,
    unbound_local_error => unbound_local_error,
    zero_division_error => zero_division_error,
    overflow_error => overflow_error,
    runtime_error => runtime_error,
    not_implemented_error => not_implemented_error,
    recursion_error => recursion_error,
    import_error => import_error,
    module_not_found_error => module_not_found_error,
    memory_error => memory_error,
    system_error => system_error,
    os_error => os_error,
    eof_error => eof_error,
    assertion_error => assertion_error,
}

/// `KeyError(key)`.
#[must_use]
pub fn key_error(key: Value) -> Exc {
    new_exception(&types().key_error, vec![key])
}

/// `StopIteration(value)` (no argument for `None`).
#[must_use]
pub fn stop_iteration(value: Value) -> Exc {
    let args = if matches!(value, Value::None) {
        vec![]
    } else {
        vec![value]
    };
    new_exception(&types().stop_iteration, args)
}

/// `ZeroDivisionError` for `/`, `//`, `%` and `divmod` as CPython words it.
#[must_use]
pub fn division_by_zero(what: &str) -> Exc {
    zero_division_error(what.to_string())
}

/// `RecursionError: maximum recursion depth exceeded`.
#[must_use]
pub fn recursion_limit_exceeded(suffix: &str) -> Exc {
    recursion_error(format!("maximum recursion depth exceeded{suffix}"))
}

/// `TypeError: 'x' object is not callable`.
#[must_use]
pub fn not_callable(type_name: &str) -> Exc {
    type_error(format!("'{type_name}' object is not callable"))
}

/// `TypeError: unsupported operand type(s) for +: 'int' and 'str'`.
#[must_use]
pub fn unsupported_operands(op: &str, left: &str, right: &str) -> Exc {
    type_error(format!(
        "unsupported operand type(s) for {op}: '{left}' and '{right}'"
    ))
}

/// `name 'x' is not defined`.
#[must_use]
pub fn name_not_defined(name: &str) -> Exc {
    let exc = name_error(format!("name '{name}' is not defined"));
    exc.instance()
        .attrs
        .borrow_mut()
        .set(crate::value::sym::name, Value::str(name));
    exc
}

/// `cannot access local variable 'x' where it is not associated with a value`.
#[must_use]
pub fn unbound_local(name: &str) -> Exc {
    let exc = unbound_local_error(format!(
        "cannot access local variable '{name}' where it is not associated with a value"
    ));
    exc.instance()
        .attrs
        .borrow_mut()
        .set(crate::value::sym::name, Value::str(name));
    exc
}

/// `cannot access free variable 'x' where it is not associated with a value in enclosing scope`.
#[must_use]
pub fn unbound_free(name: &str) -> Exc {
    name_error(format!(
        "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
    ))
}

/// The message of an exception: `str()` of its single argument, or of its
/// argument tuple.
#[must_use]
pub fn exception_args(exc: &Exc) -> Vec<Value> {
    match &*exc.data().args.borrow() {
        Value::Tuple(items) => items.to_vec(),
        _ => Vec::new(),
    }
}

/// Whether the exception is an instance of `class` (or a subclass).
#[must_use]
pub fn exc_matches(exc: &Exc, class: &Rc<Class>) -> bool {
    exc.instance().class_is_subclass(class)
}
