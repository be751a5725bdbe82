//! Containers: hashing, dict and set tables with Python equality,
//! subscripts and slices, membership.

use super::Vm;
use super::errors::{index_error, key_error, overflow_error, type_error, value_error};
use super::ops::primitive_eq;
use crate::ast::{BinOp, CmpOp};
use crate::value::{DictMap, Exc, PyResult, SetTable, Slice, Value, sym};
use num_traits::ToPrimitive;
use std::borrow::Cow;
use std::rc::Rc;

/// Normalised slice bounds for a sequence of a given length.
#[derive(Clone, Copy, Debug)]
pub struct SliceBounds {
    /// First index.
    pub start: i64,
    /// Bound index.
    pub stop: i64,
    /// Step (never zero).
    pub step: i64,
    /// Number of selected items.
    pub len: usize,
}

impl SliceBounds {
    /// The selected indices, in order.
    pub fn indices(self) -> impl Iterator<Item = usize> {
        (0..self.len).map(move |i| (self.start + i as i64 * self.step) as usize)
    }
}

impl Vm {
    /// `hash(v)`.
    pub fn hash(&self, v: &Value) -> PyResult<i64> {
        use crate::hash;
        Ok(match v {
            Value::Int(i) => hash::hash_i64(*i),
            Value::Bool(b) => i64::from(*b),
            Value::BigInt(b) => hash::hash_int(b),
            Value::Float(f) => hash::hash_float(*f, 0),
            Value::Str(s) => s.hash_with(hash::hash_str),
            Value::None => 0x0fca_86a0_0000_0000_u64 as i64 >> 4,
            Value::Tuple(items) => {
                let mut hashes = Vec::with_capacity(items.len());
                for item in items.iter() {
                    hashes.push(self.hash(item)?);
                }
                hash::hash_tuple(&hashes)
            }
            Value::FrozenSet(s) => {
                let hashes: Vec<i64> = s.iter().map(|(h, _)| h).collect();
                hash::hash_frozenset(&hashes)
            }
            Value::Range(r) => hash::hash_tuple(&[
                hash::hash_i64(r.len()),
                hash::hash_i64(r.start),
                hash::hash_i64(r.step),
            ]),
            Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Slice(_) => {
                return Err(unhashable(&self.type_name(v)));
            }
            // Equal bound methods hash alike: the object's identity mixed
            // with the function's hash.
            Value::BoundMethod(m) => identity_hash(&m.receiver) ^ self.hash(&m.function)?,
            Value::Builtin(b) if b.receiver.is_some() => {
                let receiver = b.receiver.as_ref().expect("checked");
                identity_hash(receiver) ^ hash::hash_str(b.name)
            }
            Value::Instance(_) | Value::Native(_) => {
                let ty = self.type_of(v);
                match ty.lookup(sym::__hash__) {
                    Some(Value::None) => return Err(unhashable(&ty.name)),
                    Some(h) => {
                        let r = self.call(&h, std::slice::from_ref(v), &[])?;
                        // As CPython: an int that fits a machine word is
                        // the hash itself (-1 becomes -2); a larger one is
                        // hashed.
                        match r {
                            Value::Int(-1) => -2,
                            Value::Int(i) => i,
                            Value::BigInt(b) => hash::hash_int(&b),
                            Value::Bool(b) => i64::from(b),
                            _ => {
                                return Err(type_error("__hash__ method should return an integer"));
                            }
                        }
                    }
                    None if ty.lookup(sym::__eq__).is_some() && matches!(v, Value::Instance(_)) => {
                        return Err(unhashable(&ty.name));
                    }
                    None => identity_hash(v),
                }
            }
            _ => identity_hash(v),
        })
    }

    /// Key equality as dict and set use it: identity, then `==`.
    fn key_eq(&self, stored: &Value, key: &Value, err: &mut Option<Exc>) -> bool {
        if stored.is(key) {
            return true;
        }
        if let Some(r) = primitive_eq(stored, key) {
            return r;
        }
        match self.eq(stored, key) {
            Ok(b) => b,
            Err(e) => {
                err.get_or_insert(e);
                false
            }
        }
    }

    /// `d[key]`, `None` when absent.
    pub fn dict_get(&self, d: &DictMap, key: &Value) -> PyResult<Option<Value>> {
        let h = self.hash(key)?;
        let mut err = None;
        let r = d.get(h, |k| self.key_eq(k, key, &mut err)).cloned();
        err.map_or(Ok(r), Err)
    }

    /// `d[key] = value`.
    pub fn dict_set(&self, d: &mut DictMap, key: Value, value: Value) -> PyResult<()> {
        let h = self.hash(&key)?;
        let mut err = None;
        let probe = key.clone();
        d.insert(h, key, value, |k| self.key_eq(k, &probe, &mut err));
        err.map_or(Ok(()), Err)
    }

    /// `del d[key]`, returning the removed value.
    pub fn dict_remove(&self, d: &mut DictMap, key: &Value) -> PyResult<Option<Value>> {
        let h = self.hash(key)?;
        let mut err = None;
        let r = d
            .remove(h, |k| self.key_eq(k, key, &mut err))
            .map(|e| e.value);
        err.map_or(Ok(r), Err)
    }

    /// `dict.update(other)`: from a mapping or an iterable of pairs. With
    /// `kwargs_style`, only mappings are accepted (for `**m` in displays).
    pub fn dict_update_from(
        &self,
        d: &mut DictMap,
        other: &Value,
        kwargs_style: bool,
    ) -> PyResult<()> {
        match other {
            Value::Dict(o) => {
                let entries: Vec<(Value, Value)> = o
                    .borrow()
                    .iter()
                    .map(|e| (e.key.clone(), e.value.clone()))
                    .collect();
                for (k, v) in entries {
                    self.dict_set(d, k, v)?;
                }
                Ok(())
            }
            // `**m` takes any object with `keys()` (and `__getitem__`).
            _ if kwargs_style
                && !(matches!(other, Value::Instance(_))
                    && self
                        .get_attr_opt(other, crate::value::Symbol::intern("keys"))?
                        .is_some()) =>
            {
                Err(type_error(format!(
                    "'{}' object is not a mapping",
                    self.type_name(other)
                )))
            }
            _ => {
                if let Some(keys) =
                    self.get_attr_opt(other, crate::value::Symbol::intern("keys"))?
                    && matches!(other, Value::Instance(_))
                {
                    let ks = self.call(&keys, &[], &[])?;
                    for k in self.collect_iterable(&ks)? {
                        let v = self.get_item(other, &k)?;
                        self.dict_set(d, k, v)?;
                    }
                    return Ok(());
                }
                let items = self.collect_iterable(other)?;
                for (i, item) in items.into_iter().enumerate() {
                    let pair = self.collect_iterable(&item).map_err(|_| {
                        type_error(format!(
                            "cannot convert dictionary update sequence element #{i} to a sequence"
                        ))
                    })?;
                    if pair.len() != 2 {
                        return Err(value_error(format!(
                            "dictionary update sequence element #{i} has length {}; 2 is required",
                            pair.len()
                        )));
                    }
                    let mut it = pair.into_iter();
                    let (k, v) = (it.next().unwrap_or_default(), it.next().unwrap_or_default());
                    self.dict_set(d, k, v)?;
                }
                Ok(())
            }
        }
    }

    pub(super) fn dict_eq(&self, x: &DictMap, y: &DictMap) -> PyResult<bool> {
        if x.len() != y.len() {
            return Ok(false);
        }
        for e in x.iter() {
            match self.dict_get(y, &e.key)? {
                Some(v) if e.value.is(&v) || self.eq(&e.value, &v)? => {}
                _ => return Ok(false),
            }
        }
        Ok(true)
    }

    /// Adds to a set table.
    pub fn set_add(&self, s: &mut SetTable, v: Value) -> PyResult<()> {
        let h = self.hash(&v)?;
        let mut err = None;
        let probe = v.clone();
        s.insert(h, v, |k| self.key_eq(k, &probe, &mut err));
        err.map_or(Ok(()), Err)
    }

    /// Whether a set table holds `v`.
    pub fn set_contains(&self, s: &SetTable, v: &Value) -> PyResult<bool> {
        let h = self.hash(v)?;
        let mut err = None;
        let r = s.contains(h, |k| self.key_eq(k, v, &mut err));
        err.map_or(Ok(r), Err)
    }

    /// Removes from a set table; returns whether it was there.
    pub fn set_remove(&self, s: &mut SetTable, v: &Value) -> PyResult<bool> {
        let h = self.hash(v)?;
        let mut err = None;
        let r = s.remove(h, |k| self.key_eq(k, v, &mut err));
        err.map_or(Ok(r), Err)
    }

    /// A set table from any iterable, built as CPython's `set(iterable)`
    /// builds it (so it iterates in the same order).
    pub fn set_from_iterable(&self, v: &Value) -> PyResult<SetTable> {
        crate::builtins::mappings::set_algo::new_table(self, v)
    }

    /// The keys of a set or frozenset.
    #[must_use]
    pub fn set_items(&self, v: &Value) -> Vec<Value> {
        match v {
            Value::Set(s) => s.borrow().iter().map(|(_, k)| k.clone()).collect(),
            Value::FrozenSet(s) => s.iter().map(|(_, k)| k.clone()).collect(),
            _ => Vec::new(),
        }
    }

    /// Set algebra: `| & - ^` for sets and frozensets (result type of the left).
    pub fn set_binop(&self, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        crate::builtins::mappings::set_algo::binop(self, op, a, b)
    }

    /// `s |= t` and friends, mutating `s`.
    pub fn set_inplace(&self, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        crate::builtins::mappings::set_algo::inplace(self, op, a, b)
    }

    pub(super) fn set_eq(&self, a: &Value, b: &Value) -> PyResult<bool> {
        crate::builtins::mappings::set_algo::compare(self, CmpOp::Eq, a, b)
    }

    pub(super) fn set_order(&self, op: CmpOp, a: &Value, b: &Value) -> PyResult<bool> {
        crate::builtins::mappings::set_algo::compare(self, op, a, b)
    }

    /// `item in container`.
    pub fn contains(&self, container: &Value, item: &Value) -> PyResult<bool> {
        match container {
            Value::Str(s) => match item {
                Value::Str(sub) => Ok(s.as_str().contains(sub.as_str())),
                _ => Err(type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    self.type_name(item)
                ))),
            },
            Value::List(l) => {
                let items = l.borrow().clone();
                self.seq_contains(&items, item)
            }
            Value::Tuple(t) => self.seq_contains(t, item),
            Value::Dict(d) => Ok(crate::builtins::mappings::dict::lookup(self, d, item)?.is_some()),
            Value::Set(_) | Value::FrozenSet(_) => {
                crate::builtins::mappings::set_algo::contains(self, container, item)
            }
            Value::Range(r) => Ok(if let Value::Int(i) = item {
                let i = *i;
                if r.step > 0 {
                    i >= r.start && i < r.stop && (i - r.start) % r.step == 0
                } else {
                    i <= r.start && i > r.stop && (r.start - i) % (-r.step) == 0
                }
            } else {
                let items: Vec<Value> = (0..r.len()).map(|k| Value::Int(r.at(k))).collect();
                self.seq_contains(&items, item)?
            }),
            _ => {
                let ty = self.type_of(container);
                if let Some(m) = ty.lookup(sym::__contains__) {
                    let r = self.call(&m, &[container.clone(), item.clone()], &[])?;
                    return self.truthy(&r);
                }
                if !self.is_iterable(container) {
                    return Err(type_error(format!(
                        "argument of type '{}' is not iterable",
                        ty.name
                    )));
                }
                let mut it = self.iter_start(container)?;
                while let Some(v) = it.next(self)? {
                    if v.is(item) || self.eq(&v, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }

    fn seq_contains(&self, items: &[Value], item: &Value) -> PyResult<bool> {
        for v in items {
            if v.is(item) || self.eq(v, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Normalises slice bounds for a sequence of `len` items.
    pub fn slice_bounds(&self, s: &Slice, len: usize) -> PyResult<SliceBounds> {
        let len = len as i64;
        let step = match &s.step {
            Value::None => 1,
            v => self.slice_index(v)?,
        };
        if step == 0 {
            return Err(value_error("slice step cannot be zero"));
        }
        // As CPython: a step of -2**63 would overflow when negated.
        let step = step.max(-i64::MAX);
        let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let clamp = |v: &Value, default: i64| -> PyResult<i64> {
            match v {
                Value::None => Ok(default),
                v => {
                    let mut i = self.slice_index(v)?;
                    if i < 0 {
                        i += len;
                        if i < lower {
                            i = lower;
                        }
                    } else if i > upper {
                        i = upper;
                    }
                    Ok(i)
                }
            }
        };
        let start = clamp(&s.start, if step < 0 { upper } else { lower })?;
        let stop = clamp(&s.stop, if step < 0 { lower } else { upper })?;
        let count = if step > 0 {
            if stop > start {
                (stop - start - 1) / step + 1
            } else {
                0
            }
        } else if start > stop {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        };
        Ok(SliceBounds {
            start,
            stop,
            step,
            len: count as usize,
        })
    }

    fn slice_index(&self, v: &Value) -> PyResult<i64> {
        match v {
            Value::BigInt(b) => Ok(if b.to_i64().is_some() {
                0
            } else if b.sign() == num_bigint::Sign::Minus {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            }),
            Value::Int(_) | Value::Bool(_) | Value::Instance(_) => self.to_index(v),
            _ => Err(type_error(
                "slice indices must be integers or None or have an __index__ method",
            )),
        }
    }

    /// `index` with any `__index__` (of the index or of a slice's bounds)
    /// already called, so that no Python code runs while a list is
    /// borrowed: a user's `__index__` may mutate that very list.
    fn resolved_index<'a>(&self, index: &'a Value) -> PyResult<Cow<'a, Value>> {
        let plain = |v: &Value| -> PyResult<Value> {
            match v {
                // Without `__index__`, the caller's own message applies.
                Value::Instance(_) if self.type_of(v).lookup(sym::__index__).is_some() => {
                    Ok(Value::Int(self.to_index(v)?))
                }
                other => Ok(other.clone()),
            }
        };
        match index {
            Value::Instance(_) => Ok(Cow::Owned(plain(index)?)),
            Value::Slice(s)
                if [&s.start, &s.stop, &s.step]
                    .iter()
                    .any(|v| matches!(v, Value::Instance(_))) =>
            {
                Ok(Cow::Owned(Value::Slice(Rc::new(Slice {
                    start: plain(&s.start)?,
                    stop: plain(&s.stop)?,
                    step: plain(&s.step)?,
                }))))
            }
            _ => Ok(Cow::Borrowed(index)),
        }
    }

    /// Normalises a sequence index; `what` names the sequence in the error.
    pub fn seq_index(&self, index: &Value, len: usize, what: &str) -> PyResult<usize> {
        let i = match index {
            Value::Int(i) => *i,
            Value::Bool(b) => i64::from(*b),
            Value::BigInt(_) => {
                return Err(index_error(
                    "cannot fit 'int' into an index-sized integer".to_string(),
                ));
            }
            Value::Instance(_) if self.type_of(index).lookup(sym::__index__).is_some() => {
                self.to_index(index)?
            }
            _ if what == "string" => {
                // str's own wording (CPython 3.11 unicode_subscript).
                return Err(type_error(format!(
                    "string indices must be integers, not '{}'",
                    self.type_name(index)
                )));
            }
            _ => {
                return Err(type_error(format!(
                    "{what} indices must be integers or slices, not {}",
                    self.type_name(index)
                )));
            }
        };
        let j = if i < 0 { i + len as i64 } else { i };
        if j < 0 || j >= len as i64 {
            return Err(index_error(format!("{what} index out of range")));
        }
        Ok(j as usize)
    }

    /// `obj[index]`.
    pub fn get_item(&self, obj: &Value, index: &Value) -> PyResult {
        match obj {
            Value::List(l) => {
                let index = &*self.resolved_index(index)?;
                if let Value::Slice(s) = index {
                    let items = l.borrow();
                    let b = self.slice_bounds(s, items.len())?;
                    return Ok(Value::list(b.indices().map(|i| items[i].clone()).collect()));
                }
                let items = l.borrow();
                let i = self.seq_index(index, items.len(), "list")?;
                Ok(items[i].clone())
            }
            Value::Tuple(t) => {
                if let Value::Slice(s) = index {
                    let b = self.slice_bounds(s, t.len())?;
                    return Ok(Value::tuple(b.indices().map(|i| t[i].clone()).collect()));
                }
                let i = self.seq_index(index, t.len(), "tuple")?;
                Ok(t[i].clone())
            }
            Value::Str(s) => {
                if let Value::Slice(sl) = index {
                    let b = self.slice_bounds(sl, s.char_len())?;
                    if b.step == 1 {
                        let start = s.byte_offset(b.start.max(0) as usize);
                        let end = s.byte_offset((b.start.max(0) as usize) + b.len);
                        return Ok(Value::str(&s.as_str()[start..end]));
                    }
                    let chars: Vec<char> = s.as_str().chars().collect();
                    return Ok(Value::str(
                        b.indices().map(|i| chars[i]).collect::<String>(),
                    ));
                }
                let i = self.seq_index(index, s.char_len(), "string")?;
                Ok(Value::str(
                    s.char_at(i).map(String::from).unwrap_or_default(),
                ))
            }
            Value::Dict(d) => match crate::builtins::mappings::dict::lookup(self, d, index)? {
                Some(v) => Ok(v),
                None => Err(key_error(index.clone())),
            },
            Value::Range(r) => {
                if let Value::Slice(s) = index {
                    let b = self.slice_bounds(s, r.len() as usize)?;
                    // As CPython, the bounds are the range's values at the
                    // slice's bounds; pyco's ranges hold `i64`s only.
                    let fit = |v: i128| {
                        i64::try_from(v).map_err(|_| {
                            overflow_error("Python int too large to convert to C ssize_t")
                        })
                    };
                    return Ok(Value::Range(Rc::new(crate::value::Range {
                        start: fit(r.at_wide(b.start))?,
                        stop: fit(r.at_wide(b.stop))?,
                        step: fit(i128::from(r.step) * i128::from(b.step))?,
                    })));
                }
                let i = self
                    .seq_index(index, r.len() as usize, "range")
                    .map_err(|e| {
                        if e.instance().class_is_subclass(&self.types.index_error) {
                            index_error("range object index out of range")
                        } else {
                            e
                        }
                    })?;
                Ok(Value::Int(r.at(i as i64)))
            }
            Value::Class(c) => {
                if let Some(m) = c.lookup(sym::__class_getitem__) {
                    let bound = self.descriptor_get(m, None, c, sym::__class_getitem__)?;
                    return self.call(&bound, std::slice::from_ref(index), &[]);
                }
                // `list[int]`, `asyncio.Queue[Job]`: a generic alias.
                crate::builtins::generic::subscript_class(c, index)
            }
            _ => {
                let ty = self.type_of(obj);
                if let Some(m) = ty.lookup(sym::__getitem__) {
                    return self.call(&m, &[obj.clone(), index.clone()], &[]);
                }
                Err(type_error(format!(
                    "'{}' object is not subscriptable",
                    ty.name
                )))
            }
        }
    }

    /// `obj[index] = value`.
    pub fn set_item(&self, obj: &Value, index: Value, value: Value) -> PyResult<()> {
        match obj {
            Value::List(l) => {
                let index = self.resolved_index(&index)?.into_owned();
                if let Value::Slice(s) = &index {
                    if !self.is_iterable(&value) && !matches!(value, Value::Native(_)) {
                        return Err(type_error("can only assign an iterable"));
                    }
                    let new = self.collect_iterable(&value)?;
                    let mut items = l.borrow_mut();
                    let b = self.slice_bounds(s, items.len())?;
                    if b.step == 1 {
                        let start = b.start.max(0) as usize;
                        let end = (start + b.len).max(start);
                        items.splice(start..end, new);
                        return Ok(());
                    }
                    if new.len() != b.len {
                        return Err(value_error(format!(
                            "attempt to assign sequence of size {} to extended slice of size {}",
                            new.len(),
                            b.len
                        )));
                    }
                    for (i, v) in b.indices().zip(new) {
                        items[i] = v;
                    }
                    return Ok(());
                }
                let mut items = l.borrow_mut();
                let i = self.seq_index(&index, items.len(), "list").map_err(|e| {
                    if e.instance().class_is_subclass(&self.types.index_error) {
                        index_error("list assignment index out of range")
                    } else {
                        e
                    }
                })?;
                items[i] = value;
                Ok(())
            }
            Value::Dict(d) => {
                let mut map = std::mem::take(&mut *d.borrow_mut());
                let r = self.dict_set(&mut map, index, value);
                *d.borrow_mut() = map;
                r
            }
            _ => {
                let ty = self.type_of(obj);
                if let Some(m) = ty.lookup(sym::__setitem__) {
                    return self.call(&m, &[obj.clone(), index, value], &[]).map(|_| ());
                }
                Err(type_error(format!(
                    "'{}' object does not support item assignment",
                    ty.name
                )))
            }
        }
    }

    /// `del obj[index]`.
    pub fn del_item(&self, obj: &Value, index: &Value) -> PyResult<()> {
        match obj {
            Value::List(l) => {
                let index = &*self.resolved_index(index)?;
                if let Value::Slice(s) = index {
                    let mut items = l.borrow_mut();
                    let b = self.slice_bounds(s, items.len())?;
                    let mut drop: Vec<usize> = b.indices().collect();
                    drop.sort_unstable();
                    for i in drop.into_iter().rev() {
                        items.remove(i);
                    }
                    return Ok(());
                }
                let mut items = l.borrow_mut();
                let i = self.seq_index(index, items.len(), "list").map_err(|e| {
                    if e.instance().class_is_subclass(&self.types.index_error) {
                        index_error("list assignment index out of range")
                    } else {
                        e
                    }
                })?;
                items.remove(i);
                Ok(())
            }
            Value::Dict(d) => {
                let mut map = std::mem::take(&mut *d.borrow_mut());
                let r = self.dict_remove(&mut map, index);
                *d.borrow_mut() = map;
                match r? {
                    Some(_) => Ok(()),
                    None => Err(key_error(index.clone())),
                }
            }
            _ => {
                let ty = self.type_of(obj);
                if let Some(m) = ty.lookup(sym::__delitem__) {
                    return self
                        .call(&m, &[obj.clone(), index.clone()], &[])
                        .map(|_| ());
                }
                Err(type_error(format!(
                    "'{}' object doesn't support item deletion",
                    ty.name
                )))
            }
        }
    }
}

/// `TypeError: unhashable type: 'list'`.
#[must_use]
pub fn unhashable(type_name: &str) -> Exc {
    type_error(format!("unhashable type: '{type_name}'"))
}

/// The hash of an object compared by identity (`id() >> 4`, like CPython).
#[must_use]
pub fn identity_hash(v: &Value) -> i64 {
    v.ptr_id().map_or(0, |p| (p >> 4) as i64)
}
