//! CPython's set algorithms (`Objects/setobject.c`), step for step.
//!
//! A set prints in the order of its hash table, and that order depends on
//! the history of the table: which keys went in first, which were deleted
//! (leaving dummies), when the table was resized and to what size. So each
//! function here performs the same insertions, deletions and resizes, in
//! the same order, as the C function it is named after; the operators
//! (`s | t`, `s &= t`, ...) and the methods share them.
//!
//! Operands that are only read are snapshots (a frozenset's table is
//! shared, a set's is copied); a set being changed in place is a
//! [`Target::Shared`], taken out of its cell around each step that may run
//! Python code.

use super::{key_eq, snapshot, with_taken};
use crate::ast::{BinOp, CmpOp};
use crate::interp::Vm;
use crate::interp::errors::runtime_error;
use crate::value::{DictMap, PyResult, SetTable, Value};
use std::cell::RefCell;
use std::rc::Rc;

/// A set table being written: owned by the algorithm (a result under
/// construction) or the table of a live `set`.
pub enum Target<'a> {
    /// A table the caller owns.
    Owned(&'a mut SetTable),
    /// The table of a `set` object.
    Shared(&'a RefCell<SetTable>),
}

impl Target<'_> {
    /// Runs `f` on the table.
    fn with<R>(&mut self, f: impl FnOnce(&mut SetTable) -> PyResult<R>) -> PyResult<R> {
        match self {
            Target::Owned(t) => f(t),
            Target::Shared(cell) => with_taken(cell, f),
        }
    }

    fn len(&self) -> usize {
        match self {
            Target::Owned(t) => t.len(),
            Target::Shared(cell) => cell.try_borrow().map_or(0, |t| t.len()),
        }
    }
}

/// The table of a `set` or `frozenset` operand, for reading.
pub fn table_of(v: &Value) -> PyResult<Option<Rc<SetTable>>> {
    Ok(match v {
        Value::FrozenSet(t) => Some(t.clone()),
        Value::Set(cell) => Some(Rc::new(snapshot(cell)?)),
        _ => None,
    })
}

/// Wraps a result table as a `frozenset` or a `set`.
#[must_use]
pub fn wrap(frozen: bool, table: SetTable) -> Value {
    if frozen {
        Value::FrozenSet(Rc::new(table))
    } else {
        Value::Set(Rc::new(RefCell::new(table)))
    }
}

/// `set_add_entry`: adds `key`, whose hash is known.
pub fn add_hashed(vm: &Vm, t: &mut SetTable, hash: i64, key: Value) -> PyResult<()> {
    let mut err = None;
    let probe = key.clone();
    let added = t.insert(hash, key, |k| key_eq(vm, k, &probe, &mut err));
    match err {
        Some(e) => {
            if added {
                t.remove(hash, |k| k.is(&probe));
            }
            Err(e)
        }
        None => Ok(()),
    }
}

/// `set_add_key`: hashes and adds `key`.
pub fn add(vm: &Vm, t: &mut SetTable, key: Value) -> PyResult<()> {
    let hash = vm.hash(&key)?;
    add_hashed(vm, t, hash, key)
}

/// `set_contains_entry`.
pub fn contains_hashed(vm: &Vm, t: &SetTable, hash: i64, key: &Value) -> PyResult<bool> {
    let mut err = None;
    let found = t.contains(hash, |k| key_eq(vm, k, key, &mut err));
    err.map_or(Ok(found), Err)
}

/// `set_discard_entry`: removes `key` if present; returns whether it was.
pub fn discard_hashed(vm: &Vm, t: &mut SetTable, hash: i64, key: &Value) -> PyResult<bool> {
    let mut err = None;
    let found = t.remove(hash, |k| key_eq(vm, k, key, &mut err));
    err.map_or(Ok(found), Err)
}

/// The hash a key is looked up with in `remove`, `discard` and `in`: a
/// `set`, unhashable, stands for the equal `frozenset`.
pub fn lookup_key(vm: &Vm, key: &Value) -> PyResult<(i64, Value)> {
    match vm.hash(key) {
        Ok(h) => Ok((h, key.clone())),
        Err(e)
            if matches!(key, Value::Set(_))
                && e.instance().class_is_subclass(&vm.types.type_error) =>
        {
            let frozen = Value::FrozenSet(Rc::new(new_table(vm, key)?));
            Ok((vm.hash(&frozen)?, frozen))
        }
        Err(e) => Err(e),
    }
}

/// `item in s` for a set or frozenset `s` (`set_contains`): a `set` item
/// is looked up as the equal `frozenset`.
pub fn contains(vm: &Vm, container: &Value, item: &Value) -> PyResult<bool> {
    let (hash, key) = lookup_key(vm, item)?;
    match container {
        Value::FrozenSet(t) => contains_hashed(vm, t, hash, &key),
        Value::Set(cell) => with_taken(cell, |t| contains_hashed(vm, t, hash, &key)),
        _ => Ok(false),
    }
}

/// A copy of a table, as `set_copy` (a merge into an empty set) makes it.
#[must_use]
pub fn copy(t: &SetTable) -> SetTable {
    let mut out = SetTable::new();
    out.begin_merge(t);
    out
}

/// `set_merge`: adds every key of another set's table.
fn merge(vm: &Vm, target: &mut Target, other: &SetTable) -> PyResult<()> {
    target.with(|t| {
        if !t.begin_merge(other) {
            for (h, k) in other.iter() {
                add_hashed(vm, t, h, k.clone())?;
            }
        }
        Ok(())
    })
}

/// `set_update_internal`: adds every item of `other`. `this` is the set
/// being updated, when it is a Python object (`s.update(s)` does nothing).
pub fn update(vm: &Vm, target: &mut Target, other: &Value, this: Option<&Value>) -> PyResult<()> {
    if this.is_some_and(|s| s.is(other)) {
        return Ok(());
    }
    if let Some(o) = table_of(other)? {
        return merge(vm, target, &o);
    }
    if let Value::Dict(d) = other {
        let entries: Vec<(i64, Value)> = snapshot(d)?
            .iter()
            .map(|e| (e.hash, e.key.clone()))
            .collect();
        return target.with(|t| {
            t.presize(entries.len());
            for (h, k) in entries {
                add_hashed(vm, t, h, k)?;
            }
            Ok(())
        });
    }
    let mut it = vm.iter_start(other)?;
    while let Some(k) = it.next(vm)? {
        let h = vm.hash(&k)?;
        target.with(|t| add_hashed(vm, t, h, k))?;
    }
    Ok(())
}

/// `make_new_set`: the table of `set(iterable)`.
pub fn new_table(vm: &Vm, iterable: &Value) -> PyResult<SetTable> {
    let mut t = SetTable::new();
    update(vm, &mut Target::Owned(&mut t), iterable, None)?;
    Ok(t)
}

/// `set_union`: a copy of `this` updated with each of `others`.
pub fn union(vm: &Vm, table: &SetTable, this: &Value, others: &[Value]) -> PyResult<SetTable> {
    let mut out = copy(table);
    for other in others {
        if !this.is(other) {
            update(vm, &mut Target::Owned(&mut out), other, None)?;
        }
    }
    Ok(out)
}

/// `set_intersection`: iterates the smaller of two sets (the other operand
/// when sizes tie), or any other iterable, keeping the keys found in
/// `table`.
pub fn intersection(
    vm: &Vm,
    table: &SetTable,
    this: Option<&Value>,
    other: &Value,
) -> PyResult<SetTable> {
    if this.is_some_and(|s| s.is(other)) {
        return Ok(copy(table));
    }
    let mut out = SetTable::new();
    if let Some(o) = table_of(other)? {
        let (small, big) = if o.len() > table.len() {
            (table, &*o)
        } else {
            (&*o, table)
        };
        for (h, k) in small.iter() {
            if contains_hashed(vm, big, h, k)? {
                add_hashed(vm, &mut out, h, k.clone())?;
            }
        }
        return Ok(out);
    }
    let mut it = vm.iter_start(other)?;
    while let Some(k) = it.next(vm)? {
        let h = vm.hash(&k)?;
        if contains_hashed(vm, table, h, &k)? {
            add_hashed(vm, &mut out, h, k)?;
            // Every key has been found: the rest of `other` is not read.
            if out.len() >= table.len() {
                break;
            }
        }
    }
    Ok(out)
}

/// `set_intersection_multi`: intersects with each of `others` in turn.
pub fn intersection_multi(
    vm: &Vm,
    table: &SetTable,
    this: &Value,
    others: &[Value],
) -> PyResult<SetTable> {
    let Some((first, rest)) = others.split_first() else {
        return Ok(copy(table));
    };
    let mut out = intersection(vm, table, Some(this), first)?;
    for other in rest {
        out = intersection(vm, &out, None, other)?;
    }
    Ok(out)
}

/// `set_difference`: a new table of the keys of `table` not in `other`.
pub fn difference(vm: &Vm, table: &SetTable, other: &Value) -> PyResult<SetTable> {
    let other_size = match other {
        Value::Set(s) => s.try_borrow().map_or(0, |t| t.len()),
        Value::FrozenSet(s) => s.len(),
        Value::Dict(d) => d.try_borrow().map_or(0, |m| m.len()),
        _ => return copy_and_difference(vm, table, other),
    };
    if (table.len() >> 2) > other_size {
        return copy_and_difference(vm, table, other);
    }
    let mut out = SetTable::new();
    if let Value::Dict(d) = other {
        let map = snapshot(d)?;
        for (h, k) in table.iter() {
            if !dict_contains_hashed(vm, &map, h, k)? {
                add_hashed(vm, &mut out, h, k.clone())?;
            }
        }
        return Ok(out);
    }
    let o = table_of(other)?.unwrap_or_default();
    for (h, k) in table.iter() {
        if !contains_hashed(vm, &o, h, k)? {
            add_hashed(vm, &mut out, h, k.clone())?;
        }
    }
    Ok(out)
}

fn dict_contains_hashed(vm: &Vm, map: &DictMap, hash: i64, key: &Value) -> PyResult<bool> {
    let mut err = None;
    let found = map.get(hash, |k| key_eq(vm, k, key, &mut err)).is_some();
    err.map_or(Ok(found), Err)
}

/// `set_copy_and_difference`.
fn copy_and_difference(vm: &Vm, table: &SetTable, other: &Value) -> PyResult<SetTable> {
    let mut out = copy(table);
    difference_update(vm, &mut Target::Owned(&mut out), other, None)?;
    Ok(out)
}

/// `set_difference_multi`: the difference with the first of `others`,
/// then the rest removed in place.
pub fn difference_multi(vm: &Vm, table: &SetTable, others: &[Value]) -> PyResult<SetTable> {
    let Some((first, rest)) = others.split_first() else {
        return Ok(copy(table));
    };
    let mut out = difference(vm, table, first)?;
    for other in rest {
        difference_update(vm, &mut Target::Owned(&mut out), other, None)?;
    }
    Ok(out)
}

/// `set_difference_update_internal`: removes the items of `other`, then
/// rebuilds the table if dummies took over more than a quarter of it.
pub fn difference_update(
    vm: &Vm,
    target: &mut Target,
    other: &Value,
    this: Option<&Value>,
) -> PyResult<()> {
    if this.is_some_and(|s| s.is(other)) {
        return target.with(|t| {
            t.clear();
            Ok(())
        });
    }
    if let Some(o) = table_of(other)? {
        // When `other` is much larger, only the common keys are visited.
        let o = if (o.len() >> 3) > target.len() {
            Rc::new(target.with(|t| intersection(vm, t, None, other))?)
        } else {
            o
        };
        target.with(|t| {
            for (h, k) in o.iter() {
                discard_hashed(vm, t, h, k)?;
            }
            Ok(())
        })?;
    } else {
        let mut it = vm.iter_start(other)?;
        while let Some(k) = it.next(vm)? {
            let h = vm.hash(&k)?;
            target.with(|t| discard_hashed(vm, t, h, &k))?;
        }
    }
    target.with(|t| {
        t.purge_dummies_if_many();
        Ok(())
    })
}

/// `set_symmetric_difference_update`: each item of `other` is removed if
/// present, else added.
pub fn symmetric_difference_update(
    vm: &Vm,
    target: &mut Target,
    other: &Value,
    this: Option<&Value>,
) -> PyResult<()> {
    if this.is_some_and(|s| s.is(other)) {
        return target.with(|t| {
            t.clear();
            Ok(())
        });
    }
    let keys: Vec<(i64, Value)> = if let Value::Dict(d) = other {
        snapshot(d)?
            .iter()
            .map(|e| (e.hash, e.key.clone()))
            .collect()
    } else {
        let o = match table_of(other)? {
            Some(o) => o,
            None => Rc::new(new_table(vm, other)?),
        };
        o.iter().map(|(h, k)| (h, k.clone())).collect()
    };
    target.with(|t| toggle_all(vm, t, keys))
}

fn toggle_all(vm: &Vm, t: &mut SetTable, keys: Vec<(i64, Value)>) -> PyResult<()> {
    for (h, k) in keys {
        if !discard_hashed(vm, t, h, &k)? {
            add_hashed(vm, t, h, k)?;
        }
    }
    Ok(())
}

/// `set_symmetric_difference`: a set made from `other`, toggled by the
/// keys of `table`.
pub fn symmetric_difference(vm: &Vm, table: &SetTable, other: &Value) -> PyResult<SetTable> {
    let mut out = new_table(vm, other)?;
    let keys = table.iter().map(|(h, k)| (h, k.clone())).collect();
    toggle_all(vm, &mut out, keys)?;
    Ok(out)
}

/// Whether every key of `a` is in `b`.
fn subset_tables(vm: &Vm, a: &SetTable, b: &SetTable) -> PyResult<bool> {
    if a.len() > b.len() {
        return Ok(false);
    }
    for (h, k) in a.iter() {
        if !contains_hashed(vm, b, h, k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `set_issubset`: any other iterable is made into a set first.
pub fn issubset(vm: &Vm, table: &SetTable, other: &Value) -> PyResult<bool> {
    match table_of(other)? {
        Some(o) => subset_tables(vm, table, &o),
        None => subset_tables(vm, table, &new_table(vm, other)?),
    }
}

/// `set_issuperset`: stops at the first item of `other` missing here.
pub fn issuperset(vm: &Vm, table: &SetTable, other: &Value) -> PyResult<bool> {
    if let Some(o) = table_of(other)? {
        return subset_tables(vm, &o, table);
    }
    let mut it = vm.iter_start(other)?;
    while let Some(k) = it.next(vm)? {
        let h = vm.hash(&k)?;
        if !contains_hashed(vm, table, h, &k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `set_isdisjoint`.
pub fn isdisjoint(vm: &Vm, table: &SetTable, this: &Value, other: &Value) -> PyResult<bool> {
    if this.is(other) {
        return Ok(table.is_empty());
    }
    if let Some(o) = table_of(other)? {
        let (small, big) = if o.len() > table.len() {
            (table, &*o)
        } else {
            (&*o, table)
        };
        for (h, k) in small.iter() {
            if contains_hashed(vm, big, h, k)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    let mut it = vm.iter_start(other)?;
    while let Some(k) = it.next(vm)? {
        let h = vm.hash(&k)?;
        if contains_hashed(vm, table, h, &k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `set_richcompare`: `==`, `!=` and the subset orderings between two
/// sets or frozensets, using the stored hashes.
pub fn compare(vm: &Vm, op: CmpOp, a: &Value, b: &Value) -> PyResult<bool> {
    let (Some(x), Some(y)) = (table_of(a)?, table_of(b)?) else {
        return Ok(false);
    };
    Ok(match op {
        CmpOp::Eq => x.len() == y.len() && subset_tables(vm, &x, &y)?,
        CmpOp::NotEq => !(x.len() == y.len() && subset_tables(vm, &x, &y)?),
        CmpOp::LtE => subset_tables(vm, &x, &y)?,
        CmpOp::Lt => x.len() < y.len() && subset_tables(vm, &x, &y)?,
        CmpOp::GtE => subset_tables(vm, &y, &x)?,
        CmpOp::Gt => x.len() > y.len() && subset_tables(vm, &y, &x)?,
        _ => false,
    })
}

/// `a op b` for two sets or frozensets (`set_or`, `set_and`, `set_sub`,
/// `set_xor`); the result has the type of `a`. `None` for other operators.
pub fn binop(vm: &Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let (Some(table), Some(_)) = (table_of(a)?, table_of(b)?) else {
        return Ok(None);
    };
    let out = match op {
        BinOp::BitOr => union(vm, &table, a, std::slice::from_ref(b))?,
        BinOp::BitAnd => intersection(vm, &table, Some(a), b)?,
        BinOp::Sub => difference(vm, &table, b)?,
        BinOp::BitXor => symmetric_difference(vm, &table, b)?,
        _ => return Ok(None),
    };
    Ok(Some(wrap(matches!(a, Value::FrozenSet(_)), out)))
}

/// `a op= b` for a set `a` and a set or frozenset `b` (`set_ior`,
/// `set_iand`, `set_isub`, `set_ixor`), changing `a` in place. `None` when
/// the operands are not both sets.
pub fn inplace(vm: &Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let (Value::Set(cell), Value::Set(_) | Value::FrozenSet(_)) = (a, b) else {
        return Ok(None);
    };
    let mut target = Target::Shared(cell);
    match op {
        BinOp::BitOr => update(vm, &mut target, b, Some(a))?,
        BinOp::BitAnd => {
            let table = snapshot(cell)?;
            let out = intersection(vm, &table, Some(a), b)?;
            replace_keys(cell, out)?;
        }
        BinOp::Sub => difference_update(vm, &mut target, b, Some(a))?,
        BinOp::BitXor => symmetric_difference_update(vm, &mut target, b, Some(a))?,
        _ => return Ok(None),
    }
    Ok(Some(a.clone()))
}

/// Gives a set the keys (and layout) of `table`, as `intersection_update`
/// does by swapping bodies with its result.
pub fn replace_keys(cell: &RefCell<SetTable>, table: SetTable) -> PyResult<()> {
    match cell.try_borrow_mut() {
        Ok(mut t) => {
            t.replace_keys(table);
            Ok(())
        }
        Err(_) => Err(runtime_error("container modified while it was being read")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::run::BufferSink;

    fn vm() -> Rc<Vm> {
        Vm::new(
            Rc::new(BufferSink::default()),
            Rc::new(BufferSink::default()),
        )
    }

    /// A table built by adding `values` one by one, as `s.add` does.
    fn build(vm: &Vm, values: &[Value]) -> SetTable {
        let mut t = SetTable::new();
        for v in values {
            assert!(add(vm, &mut t, v.clone()).is_ok());
        }
        t
    }

    fn ints(values: &[i64]) -> Vec<Value> {
        values.iter().map(|&i| Value::Int(i)).collect()
    }

    fn shown(vm: &Vm, t: SetTable) -> String {
        vm.repr(&wrap(false, t)).unwrap_or_default()
    }

    #[test]
    fn insertion_reuses_the_last_dummy_probed() {
        // CPython 3.11: after discarding 24, 1..8 from a 32-slot table, 280
        // (home slot 24) lands in the last dummy of its probe run (slot 8).
        let vm = vm();
        let keys = ints(&[24, 1, 2, 3, 4, 5, 6, 7, 8]);
        let mut t = build(&vm, &keys);
        for k in &keys {
            assert!(matches!(
                discard_hashed(&vm, &mut t, vm.hash(k).unwrap_or(0), k),
                Ok(true)
            ));
        }
        for k in ints(&[280, 9]) {
            assert!(add(&vm, &mut t, k).is_ok());
        }
        assert_eq!(shown(&vm, t), "{280, 9}");
    }

    #[test]
    fn copies_are_presized_merges() {
        // {16, 1, 2, 3, 4} built one by one lives in 32 slots; its copy is
        // presized to 16 slots, where 16 comes first.
        let vm = vm();
        let t = build(&vm, &ints(&[16, 1, 2, 3, 4]));
        assert_eq!(shown(&vm, copy(&t)), "{16, 1, 2, 3, 4}");
        assert_eq!(shown(&vm, t), "{1, 2, 3, 4, 16}");
    }

    #[test]
    fn intersection_iterates_the_other_set_on_a_tie() {
        let vm = vm();
        let ints_set = Value::Set(Rc::new(RefCell::new(build(&vm, &[Value::Int(1)]))));
        let floats = build(&vm, &[Value::Float(1.0)]);
        let r = intersection(&vm, &floats, None, &ints_set).unwrap_or_default();
        assert_eq!(shown(&vm, r), "{1}");
        let floats_set = Value::Set(Rc::new(RefCell::new(floats)));
        let ints_table = table_of(&ints_set).ok().flatten().unwrap_or_default();
        let r = intersection(&vm, &ints_table, None, &floats_set).unwrap_or_default();
        assert_eq!(shown(&vm, r), "{1.0}");
    }

    #[test]
    fn difference_update_purges_dummies() {
        let vm = vm();
        let all: Vec<i64> = (0..40).collect();
        let mut t = build(&vm, &ints(&all));
        let drop = Value::list(ints(&all[..30]));
        assert!(difference_update(&vm, &mut Target::Owned(&mut t), &drop, None).is_ok());
        assert_eq!(shown(&vm, t), "{30, 31, 32, 33, 34, 35, 36, 37, 38, 39}");
    }

    #[test]
    fn symmetric_difference_starts_from_the_other_operand() {
        let vm = vm();
        let left = build(&vm, &ints(&[1, 2, 3]));
        let right = Value::Set(Rc::new(RefCell::new(build(&vm, &ints(&[3, 4, 33])))));
        let r = symmetric_difference(&vm, &left, &right).unwrap_or_default();
        assert_eq!(shown(&vm, r), "{33, 2, 4, 1}");
    }

    #[test]
    fn a_set_is_looked_up_as_a_frozenset() {
        let vm = vm();
        let inner = build(&vm, &ints(&[1, 2]));
        let outer = Value::Set(Rc::new(RefCell::new(build(
            &vm,
            &[wrap(true, inner.clone())],
        ))));
        assert!(matches!(
            contains(&vm, &outer, &wrap(false, inner)),
            Ok(true)
        ));
        assert!(contains(&vm, &outer, &Value::list(vec![])).is_err());
    }
}
