//! Methods of `dict`, `set` and `frozenset`, and the dict views.
//!
//! | module | what it provides |
//! | --- | --- |
//! | [`dict`] | `dict.get`, `update`, `pop`, `fromkeys`, ... |
//! | [`views`] | `dict_keys`, `dict_values`, `dict_items`: live views with set algebra |
//! | [`set`] | methods of `set` and `frozenset` |
//! | [`set_algo`] | CPython's set algorithms, shared with the `| & - ^` operators |
//!
//! Two rules run through all of it. Tables are never borrowed while Python
//! code may run (a user `__hash__` or `__eq__` could touch the same dict or
//! set): a table probed or changed is taken out of its cell for the step
//! and put back (code run meanwhile sees an empty container), and an
//! operand read in bulk is snapshotted. And set results are built by the
//! same insertions, removals and resizes as CPython's C code, so that they
//! print in CPython's order.

pub mod dict;
pub mod set;
pub mod set_algo;
pub mod views;

use crate::interp::Vm;
use crate::interp::errors::runtime_error;
use crate::interp::ops::primitive_eq;
use crate::value::{Exc, PyResult, Value};
use std::cell::RefCell;

/// Installs the methods.
pub fn install(vm: &Vm) {
    dict::install(vm);
    views::install(vm);
    set::install(vm);
}

/// Key equality as dicts and sets use it: identity, then `==`. The first
/// error is kept in `err`, after which no more Python code runs and every
/// comparison is false (the caller then reports the error).
fn key_eq(vm: &Vm, stored: &Value, key: &Value, err: &mut Option<Exc>) -> bool {
    if err.is_some() {
        return false;
    }
    if stored.is(key) {
        return true;
    }
    if let Some(r) = primitive_eq(stored, key) {
        return r;
    }
    match vm.eq(stored, key) {
        Ok(b) => b,
        Err(e) => {
            *err = Some(e);
            false
        }
    }
}

/// Runs `f` on the table in `cell`, taken out of the cell meanwhile so that
/// Python code run by `f` (hashing, comparisons) can never meet a borrow.
/// While `f` runs, that code sees an empty container.
fn with_taken<T: Default, R>(
    cell: &RefCell<T>,
    f: impl FnOnce(&mut T) -> PyResult<R>,
) -> PyResult<R> {
    let Ok(mut guard) = cell.try_borrow_mut() else {
        return Err(runtime_error("container modified while it was being read"));
    };
    let mut table = std::mem::take(&mut *guard);
    drop(guard);
    let r = f(&mut table);
    if let Ok(mut guard) = cell.try_borrow_mut() {
        *guard = table;
    }
    r
}

/// A copy of the table in `cell`, for reading while Python code runs.
fn snapshot<T: Clone>(cell: &RefCell<T>) -> PyResult<T> {
    cell.try_borrow()
        .map(|t| t.clone())
        .map_err(|_| runtime_error("container modified while it was being read"))
}
