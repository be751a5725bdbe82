//! The iteration protocol.
//!
//! [`ValueIter`] is the state of one iteration, with fast paths for lists,
//! tuples, strings, ranges and dicts; `for` loops and comprehensions use it
//! directly, and `iter()` wraps it in a Python-visible iterator object.

use super::Vm;
use super::errors::{runtime_error, type_error, value_error};
use super::generator::Generator;
use crate::value::{DictMap, NativeObject, PyResult, PyStr, SetTable, Value, sym};
use std::cell::RefCell;
use std::rc::Rc;

/// Which part of a dict an iteration yields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictPart {
    /// Keys.
    Keys,
    /// Values.
    Values,
    /// `(key, value)` tuples.
    Items,
}

/// The state of one iteration.
pub enum ValueIter {
    /// Over a list, re-reading its length each step (lists may grow).
    List(Rc<RefCell<Vec<Value>>>, usize),
    /// Over a tuple.
    Tuple(Rc<Vec<Value>>, usize),
    /// Over a string's characters, by byte offset.
    Str(Rc<PyStr>, usize),
    /// Over a range: next value, values left, step.
    Range(i64, i64, i64),
    /// Over a dict, by storage slot; `len` detects resizing.
    Dict {
        /// The dict.
        dict: Rc<RefCell<DictMap>>,
        /// Next storage slot.
        slot: usize,
        /// What to yield.
        part: DictPart,
        /// The size when iteration started.
        len: usize,
    },
    /// Over a snapshot of values (sets, `reversed` of a tuple or string).
    Snapshot(Vec<Value>, usize),
    /// `reversed(list)`: the list and how many items are left (the next
    /// index plus one), read live so that a list shrinking under the
    /// iterator ends it, as CPython's `list_reverseiterator`.
    ListReversed(Rc<RefCell<Vec<Value>>>, usize),
    /// `reversed(seq)` through `__len__` and `__getitem__`: the sequence
    /// and the next index, counting down to 0.
    SeqReversed(Value, i64),
    /// Over a snapshot of a set's values; the set's size when iteration
    /// started detects changes (CPython's "Set changed size").
    SetSnapshot(Box<SetSnapshot>, usize),
    /// `enumerate`.
    Enumerate(Box<ValueIter>, i64),
    /// `zip`.
    Zip(Vec<ValueIter>, bool),
    /// `map`.
    Map(Value, Vec<ValueIter>),
    /// `filter` (`None` function: truthiness).
    Filter(Value, Box<ValueIter>),
    /// A generator.
    Generator(Rc<Generator>),
    /// A Python iterator object shared with other holders.
    Shared(Rc<NativeObject>),
    /// Any object with `__next__`.
    Protocol(Value),
    /// `iter(callable, sentinel)`.
    Callable(Value, Value),
    /// A container read in place through its own cursor.
    Cursor(Box<dyn Cursor>),
    /// Finished.
    Done,
}

/// An iteration over a container that reads it in place instead of
/// copying it (`collections.deque`), with the container's own rules for
/// changes made meanwhile.
pub trait Cursor {
    /// The next item, `None` at the end, or the container's error (such as
    /// `RuntimeError: deque mutated during iteration`).
    fn next_item(&mut self) -> PyResult<Option<Value>>;
    /// How many items remain.
    fn remaining(&self) -> usize;
}

/// The state of an iteration over a `set`.
pub struct SetSnapshot {
    /// The set.
    pub set: Rc<RefCell<SetTable>>,
    /// Its size when iteration started (`usize::MAX` once it changed).
    pub len: usize,
    /// Its values when iteration started.
    pub items: Vec<Value>,
}

/// A Python-visible iterator: a [`ValueIter`] behind a cell.
pub struct IterObject(pub RefCell<ValueIter>);

impl ValueIter {
    /// The next item, or `None` at the end.
    pub fn next(&mut self, vm: &Vm) -> PyResult<Option<Value>> {
        vm.tick()?;
        let item = match self {
            ValueIter::List(l, i) => {
                let items = l.borrow();
                let v = items.get(*i).cloned();
                *i += 1;
                v
            }
            ValueIter::Tuple(t, i) => {
                let v = t.get(*i).cloned();
                *i += 1;
                v
            }
            ValueIter::Str(s, byte) => {
                let text = s.as_str();
                match text[*byte..].chars().next() {
                    Some(c) => {
                        *byte += c.len_utf8();
                        let mut buf = [0; 4];
                        Some(Value::str(&*c.encode_utf8(&mut buf)))
                    }
                    None => None,
                }
            }
            ValueIter::Range(next, left, step) => {
                if *left <= 0 {
                    None
                } else {
                    let v = *next;
                    *left -= 1;
                    *next = next.wrapping_add(*step);
                    Some(Value::Int(v))
                }
            }
            ValueIter::Dict {
                dict,
                slot,
                part,
                len,
            } => {
                let map = dict.borrow();
                if map.len() != *len {
                    *len = usize::MAX;
                    return Err(runtime_error("dictionary changed size during iteration"));
                }
                let mut found = None;
                while *slot < map.slot_count() {
                    let s = *slot;
                    *slot += 1;
                    if let Some(e) = map.entry_at(s) {
                        found = Some(match part {
                            DictPart::Keys => e.key.clone(),
                            DictPart::Values => e.value.clone(),
                            DictPart::Items => Value::tuple(vec![e.key.clone(), e.value.clone()]),
                        });
                        break;
                    }
                }
                found
            }
            ValueIter::Snapshot(items, i) => {
                let v = items.get(*i).cloned();
                *i += 1;
                v
            }
            ValueIter::Cursor(c) => c.next_item()?,
            ValueIter::ListReversed(l, left) => {
                let v = left.checked_sub(1).and_then(|i| l.borrow().get(i).cloned());
                *left = left.saturating_sub(1);
                v
            }
            ValueIter::SeqReversed(seq, i) => {
                if *i < 0 {
                    None
                } else {
                    let (seq, at) = (seq.clone(), *i);
                    *i -= 1;
                    match vm.get_item(&seq, &Value::Int(at)) {
                        Ok(v) => Some(v),
                        Err(e)
                            if e.instance().class_is_subclass(&vm.types.index_error)
                                || e.instance().class_is_subclass(&vm.types.stop_iteration) =>
                        {
                            None
                        }
                        Err(e) => return Err(e),
                    }
                }
            }
            ValueIter::SetSnapshot(snap, i) => {
                if snap.set.borrow().len() != snap.len {
                    snap.len = usize::MAX;
                    return Err(runtime_error("Set changed size during iteration"));
                }
                let v = snap.items.get(*i).cloned();
                *i += 1;
                v
            }
            ValueIter::Enumerate(inner, count) => match inner.next(vm)? {
                Some(v) => {
                    let c = *count;
                    *count += 1;
                    Some(Value::tuple(vec![Value::Int(c), v]))
                }
                None => None,
            },
            ValueIter::Zip(inners, strict) => {
                if inners.is_empty() {
                    return Ok(None);
                }
                let mut out = Vec::with_capacity(inners.len());
                for (i, it) in inners.iter_mut().enumerate() {
                    if let Some(v) = it.next(vm)? {
                        out.push(v);
                    } else {
                        if *strict && let Some(e) = zip_strict_error(vm, inners, i) {
                            return Err(e);
                        }
                        *self = ValueIter::Done;
                        return Ok(None);
                    }
                }
                Some(Value::tuple(out))
            }
            ValueIter::Map(func, inners) => {
                let mut args = Vec::with_capacity(inners.len());
                for it in inners.iter_mut() {
                    match it.next(vm)? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                let func = func.clone();
                Some(vm.call(&func, &args, &[])?)
            }
            ValueIter::Filter(func, inner) => loop {
                let Some(v) = inner.next(vm)? else { break None };
                let keep = if matches!(func, Value::None) {
                    vm.truthy(&v)?
                } else {
                    let func = func.clone();
                    let r = vm.call(&func, std::slice::from_ref(&v), &[])?;
                    vm.truthy(&r)?
                };
                if keep {
                    break Some(v);
                }
            },
            ValueIter::Generator(g) => vm.generator_next(g)?,
            ValueIter::Shared(obj) => {
                let it = obj
                    .downcast::<IterObject>()
                    .expect("shared iterators hold an IterObject");
                let Ok(mut inner) = it.0.try_borrow_mut() else {
                    return Err(value_error("generator already executing"));
                };
                inner.next(vm)?
            }
            ValueIter::Protocol(obj) => {
                let obj = obj.clone();
                match vm.call_method(&obj, sym::__next__, smallvec::smallvec![], &[]) {
                    Ok(v) => Some(v),
                    Err(e) if e.instance().class_is_subclass(&vm.types.stop_iteration) => None,
                    Err(e) => return Err(e),
                }
            }
            ValueIter::Callable(func, sentinel) => {
                let (func, sentinel) = (func.clone(), sentinel.clone());
                let v = vm.call(&func, &[], &[])?;
                if vm.eq(&v, &sentinel)? { None } else { Some(v) }
            }
            ValueIter::Done => None,
        };
        if item.is_none() && !matches!(self, ValueIter::Shared(_) | ValueIter::Done) {
            *self = ValueIter::Done;
        }
        Ok(item)
    }

    /// A hint of how many items remain, when cheaply known.
    #[must_use]
    pub fn len_hint(&self) -> Option<usize> {
        match self {
            ValueIter::List(l, i) => Some(l.borrow().len().saturating_sub(*i)),
            ValueIter::Tuple(t, i) => Some(t.len().saturating_sub(*i)),
            ValueIter::Snapshot(t, i) => Some(t.len().saturating_sub(*i)),
            ValueIter::Cursor(c) => Some(c.remaining()),
            ValueIter::ListReversed(l, left) => Some((*left).min(l.borrow().len())),
            ValueIter::SetSnapshot(snap, i) => Some(snap.items.len().saturating_sub(*i)),
            ValueIter::Range(_, left, _) => Some((*left).max(0) as usize),
            _ => None,
        }
    }
}

/// `zip(strict=True)` found iterator `i` exhausted: an error unless all
/// the others end there too.
fn zip_strict_error(vm: &Vm, inners: &mut [ValueIter], i: usize) -> Option<crate::value::Exc> {
    if i > 0 {
        let plural = if i == 1 { " " } else { "s 1-" };
        return Some(value_error(format!(
            "zip() argument {} is shorter than argument{plural}{i}",
            i + 1
        )));
    }
    for (j, it) in inners.iter_mut().enumerate().skip(1) {
        match it.next(vm) {
            Ok(Some(_)) => {
                let plural = if j == 1 { " " } else { "s 1-" };
                return Some(value_error(format!(
                    "zip() argument {} is longer than argument{plural}{j}",
                    j + 1
                )));
            }
            Ok(None) => {}
            Err(e) => return Some(e),
        }
    }
    None
}

impl Vm {
    /// Starts iterating over `v`.
    pub fn iter_start(&self, v: &Value) -> PyResult<ValueIter> {
        Ok(match v {
            Value::List(l) => ValueIter::List(l.clone(), 0),
            Value::Tuple(t) => ValueIter::Tuple(t.clone(), 0),
            Value::Str(s) => ValueIter::Str(s.clone(), 0),
            Value::Range(r) => ValueIter::Range(r.start, r.len(), r.step),
            Value::Dict(d) => ValueIter::Dict {
                dict: d.clone(),
                slot: 0,
                part: DictPart::Keys,
                len: d.borrow().len(),
            },
            Value::Set(s) => ValueIter::SetSnapshot(
                Box::new(SetSnapshot {
                    set: s.clone(),
                    len: s.borrow().len(),
                    items: self.set_items(v),
                }),
                0,
            ),
            Value::FrozenSet(_) => ValueIter::Snapshot(self.set_items(v), 0),
            Value::Native(n) => {
                if n.downcast::<IterObject>().is_some() {
                    ValueIter::Shared(n.clone())
                } else if let Some(g) = self.as_generator(v)
                    && g.kind == crate::ir::FunctionKind::Generator
                {
                    ValueIter::Generator(g)
                } else {
                    return self.iter_protocol(v);
                }
            }
            _ => return self.iter_protocol(v),
        })
    }

    fn iter_protocol(&self, v: &Value) -> PyResult<ValueIter> {
        let ty = self.type_of(v);
        if let Some(it) = ty.lookup(sym::__iter__) {
            let iterator = self.call_dunder_iter(v, &it)?;
            return match &iterator {
                // A native object that is its own iterator steps by `__next__`.
                Value::Native(_) if !iterator.is(v) => self.iter_start(&iterator),
                _ => Ok(ValueIter::Protocol(iterator)),
            };
        }
        if ty.lookup(sym::__getitem__).is_some() {
            // The old sequence protocol: index from 0 until IndexError.
            let mut items = Vec::new();
            let mut i = 0;
            loop {
                match self.get_item(v, &Value::Int(i)) {
                    Ok(x) => items.push(x),
                    Err(e) if e.instance().class_is_subclass(&self.types.index_error) => break,
                    Err(e) => return Err(e),
                }
                i += 1;
            }
            return Ok(ValueIter::Snapshot(items, 0));
        }
        Err(type_error(format!("'{}' object is not iterable", ty.name)))
    }

    /// Calls the `__iter__` found on `v`'s class and checks that it gave
    /// an iterator; `__iter__ = None` marks the class not iterable.
    fn call_dunder_iter(&self, v: &Value, method: &Value) -> PyResult {
        if matches!(method, Value::None) {
            return Err(type_error(format!(
                "'{}' object is not iterable",
                self.type_name(v)
            )));
        }
        let iterator = self.call(method, std::slice::from_ref(v), &[])?;
        if self.type_of(&iterator).lookup(sym::__next__).is_none()
            && !matches!(iterator, Value::Native(_))
        {
            return Err(type_error(format!(
                "iter() returned non-iterator of type '{}'",
                self.type_name(&iterator)
            )));
        }
        Ok(iterator)
    }

    /// Whether `v` can be iterated.
    #[must_use]
    pub fn is_iterable(&self, v: &Value) -> bool {
        match v {
            Value::List(_)
            | Value::Tuple(_)
            | Value::Str(_)
            | Value::Range(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::FrozenSet(_) => true,
            _ => {
                let ty = self.type_of(v);
                match ty.lookup(sym::__iter__) {
                    Some(it) => !matches!(it, Value::None),
                    None => ty.lookup(sym::__getitem__).is_some(),
                }
            }
        }
    }

    /// `iter(v)`: a Python iterator object.
    pub fn get_iter(&self, v: &Value) -> PyResult {
        if let Value::Native(n) = v
            && (n.downcast::<IterObject>().is_some() || self.as_generator(v).is_some())
        {
            return Ok(v.clone());
        }
        if let Value::Instance(_) | Value::Native(_) = v {
            let ty = self.type_of(v);
            if let Some(it) = ty.lookup(sym::__iter__) {
                return self.call_dunder_iter(v, &it);
            }
        }
        let state = self.iter_start(v)?;
        Ok(self.wrap_iter(v, state))
    }

    /// Wraps an iteration state as a Python iterator whose class matches
    /// what CPython would return for `source`.
    #[must_use]
    pub fn wrap_iter(&self, source: &Value, state: ValueIter) -> Value {
        let t = &self.types;
        let class = match (source, &state) {
            (_, ValueIter::Enumerate(..)) => t.enumerate.clone(),
            (_, ValueIter::Zip(..)) => t.zip.clone(),
            (_, ValueIter::Map(..)) => t.map.clone(),
            (_, ValueIter::Filter(..)) => t.filter.clone(),
            (_, ValueIter::Callable(..)) => t.callable_iterator.clone(),
            (Value::List(_), _) => t.list_iterator.clone(),
            (Value::Tuple(_), _) => t.tuple_iterator.clone(),
            (Value::Str(_), _) => t.str_iterator.clone(),
            (Value::Range(_), _) => t.range_iterator.clone(),
            (Value::Set(_) | Value::FrozenSet(_), _) => t.set_iterator.clone(),
            (
                _,
                ValueIter::Dict {
                    part: DictPart::Keys,
                    ..
                },
            ) => t.dict_keyiterator.clone(),
            (
                _,
                ValueIter::Dict {
                    part: DictPart::Values,
                    ..
                },
            ) => t.dict_valueiterator.clone(),
            (
                _,
                ValueIter::Dict {
                    part: DictPart::Items,
                    ..
                },
            ) => t.dict_itemiterator.clone(),
            _ => t.iterator.clone(),
        };
        NativeObject::new_value(class, IterObject(RefCell::new(state)))
    }

    /// `next(it)`: the next item or `None` at the end.
    pub fn next_of(&self, it: &Value) -> PyResult<Option<Value>> {
        if let Value::Native(n) = it {
            if let Some(obj) = n.downcast::<IterObject>() {
                let Ok(mut inner) = obj.0.try_borrow_mut() else {
                    return Err(value_error("generator already executing"));
                };
                return inner.next(self);
            }
            if let Some(g) = self.as_generator(it) {
                return self.generator_next(&g);
            }
        }
        let ty = self.type_of(it);
        match ty.lookup(sym::__next__) {
            Some(m) => match self.call(&m, std::slice::from_ref(it), &[]) {
                Ok(v) => Ok(Some(v)),
                Err(e) if e.instance().class_is_subclass(&self.types.stop_iteration) => Ok(None),
                Err(e) => Err(e),
            },
            None => Err(type_error(format!(
                "'{}' object is not an iterator",
                ty.name
            ))),
        }
    }

    /// All items of an iterable.
    pub fn collect_iterable(&self, v: &Value) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => Ok(l.borrow().clone()),
            Value::Tuple(t) => Ok(t.to_vec()),
            _ => {
                let mut out = Vec::new();
                self.extend_from_iterable(&mut out, v)?;
                Ok(out)
            }
        }
    }

    /// Appends all items of an iterable.
    pub fn extend_from_iterable(&self, out: &mut Vec<Value>, v: &Value) -> PyResult<()> {
        match v {
            Value::List(l) => out.extend(l.borrow().iter().cloned()),
            Value::Tuple(t) => out.extend(t.iter().cloned()),
            _ => {
                let mut it = self.iter_start(v)?;
                if let Some(n) = it.len_hint() {
                    // `list(range(10**18))`: MemoryError, as CPython, where
                    // the room cannot be had.
                    super::errors::reserve_items(out, n)?;
                }
                while let Some(x) = it.next(self)? {
                    out.push(x);
                }
            }
        }
        Ok(())
    }

    /// Like [`Vm::extend_from_iterable`], with the message CPython gives
    /// for `f(*x)` when `x` is not iterable.
    pub fn extend_from_iterable_for_call(&self, out: &mut Vec<Value>, v: &Value) -> PyResult<()> {
        if !self.is_iterable(v) && !matches!(v, Value::Native(_)) {
            return Err(type_error(format!(
                "argument after * must be an iterable, not {}",
                self.type_name(v)
            )));
        }
        self.extend_from_iterable(out, v)
    }
}
