//! The `collections` module: `deque`.
//!
//! A double-ended queue with O(1) appends and pops at both ends. asyncio's
//! waiter queues (locks, events, queues) are deques, as in CPython, so that
//! thousands of waiting tasks cost linear time.

use crate::builtins::args::{allowed_kwargs, arity, kwarg, receiver};
use crate::builtins::{add_getter, add_methods, builtin_fn};
use crate::interp::Vm;
use crate::interp::errors::{index_error, runtime_error, type_error, value_error};
use crate::interp::iter::{Cursor, IterObject, ValueIter};
use crate::types::new_builtin_class;
use crate::value::object::InstanceLayout;
use crate::value::{Module, NativeObject, PyResult, Symbol, Value, sym};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

/// A deque's items and bound.
pub struct Deque {
    items: RefCell<VecDeque<Value>>,
    maxlen: Option<usize>,
    /// Counts changes of size and order, as CPython's `deque->state`, so
    /// that an iterator notices the deque changed under it.
    state: Cell<u64>,
}

impl Deque {
    /// A deque holding `items`.
    fn new(items: VecDeque<Value>, maxlen: Option<usize>) -> Self {
        Self {
            items: RefCell::new(items),
            maxlen,
            state: Cell::new(0),
        }
    }

    /// The items, to change their number or order (iterators then stop
    /// with "deque mutated during iteration").
    fn items_mut(&self) -> std::cell::RefMut<'_, VecDeque<Value>> {
        self.state.set(self.state.get() + 1);
        self.items.borrow_mut()
    }

    /// Appends at the right, dropping from the left beyond `maxlen`.
    fn push_back(&self, v: Value) {
        let mut items = self.items_mut();
        if self.maxlen == Some(0) {
            return;
        }
        if Some(items.len()) == self.maxlen {
            items.pop_front();
        }
        items.push_back(v);
    }

    /// Appends at the left, dropping from the right beyond `maxlen`.
    fn push_front(&self, v: Value) {
        let mut items = self.items_mut();
        if self.maxlen == Some(0) {
            return;
        }
        if Some(items.len()) == self.maxlen {
            items.pop_back();
        }
        items.push_front(v);
    }
}

/// Builds the module.
pub fn build(vm: &Vm) -> Rc<Module> {
    let m = vm.new_module("collections", None);
    let class = new_builtin_class(
        "deque",
        "collections",
        &[vm.types.object.clone()],
        InstanceLayout::Builtin,
    );
    class
        .dict
        .borrow_mut()
        .set(sym::__new__, builtin_fn("__new__", deque_new));
    add_methods(
        &class,
        &[
            ("append", append),
            ("appendleft", appendleft),
            ("pop", pop),
            ("popleft", popleft),
            ("extend", extend),
            ("extendleft", extendleft),
            ("remove", remove),
            ("clear", clear),
            ("count", count),
            ("index", index),
            ("insert", insert),
            ("rotate", rotate),
            ("reverse", reverse),
            ("copy", copy),
            ("__len__", len),
            ("__bool__", bool_),
            ("__iter__", iter),
            ("__reversed__", reversed),
            ("__contains__", contains),
            ("__getitem__", getitem),
            ("__setitem__", setitem),
            ("__delitem__", delitem),
            ("__eq__", eq),
            ("__repr__", repr),
        ],
    );
    add_getter(&class, "maxlen", |_, args, _| {
        Ok(this(args)?
            .maxlen
            .map_or(Value::None, |n| Value::Int(n as i64)))
    });
    m.globals.set(Symbol::intern("deque"), Value::Class(class));
    m
}

fn this(args: &[Value]) -> PyResult<&Deque> {
    args.first()
        .and_then(|v| v.downcast::<Deque>())
        .ok_or_else(|| type_error("descriptor needs a 'collections.deque' object"))
}

fn deque_new(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    allowed_kwargs("deque", kwargs, &["iterable", "maxlen"])?;
    let (cls, rest) = receiver("deque", args)?;
    arity("deque", rest, 0, 2)?;
    let Value::Class(cls) = cls else {
        return Err(type_error("deque.__new__(X): X is not a type object"));
    };
    let iterable = rest.first().or_else(|| kwarg(kwargs, "iterable"));
    let maxlen = match rest.get(1).or_else(|| kwarg(kwargs, "maxlen")) {
        None | Some(Value::None) => None,
        Some(Value::Int(n)) if *n >= 0 => Some(*n as usize),
        Some(Value::Int(_)) => return Err(value_error("maxlen must be non-negative")),
        Some(_) => return Err(type_error("an integer is required")),
    };
    let deque = Deque::new(VecDeque::new(), maxlen);
    if let Some(it) = iterable {
        let mut it = vm.iter_start(it)?;
        while let Some(v) = it.next(vm)? {
            deque.push_back(v);
        }
    }
    Ok(NativeObject::new_value(cls.clone(), deque))
}

fn one_arg<'a>(name: &str, args: &'a [Value]) -> PyResult<&'a Value> {
    match args {
        [_, v] => Ok(v),
        _ => Err(type_error(format!(
            "deque.{name}() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        ))),
    }
}

fn append(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    this(args)?.push_back(one_arg("append", args)?.clone());
    Ok(Value::None)
}

fn appendleft(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    this(args)?.push_front(one_arg("appendleft", args)?.clone());
    Ok(Value::None)
}

fn pop(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let d = this(args)?;
    let item = d.items.borrow_mut().pop_back();
    let item = item.ok_or_else(|| index_error("pop from an empty deque"))?;
    d.state.set(d.state.get() + 1);
    Ok(item)
}

fn popleft(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let d = this(args)?;
    let item = d.items.borrow_mut().pop_front();
    let item = item.ok_or_else(|| index_error("pop from an empty deque"))?;
    d.state.set(d.state.get() + 1);
    Ok(item)
}

fn collect(vm: &Vm, v: &Value) -> PyResult<Vec<Value>> {
    let mut out = Vec::new();
    let mut it = vm.iter_start(v)?;
    while let Some(x) = it.next(vm)? {
        out.push(x);
    }
    Ok(out)
}

fn extend(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let d = this(args)?;
    for v in collect(vm, one_arg("extend", args)?)? {
        d.push_back(v);
    }
    Ok(Value::None)
}

fn extendleft(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let d = this(args)?;
    for v in collect(vm, one_arg("extendleft", args)?)? {
        d.push_front(v);
    }
    Ok(Value::None)
}

/// The index of the first item equal to `v` (identity first, as CPython).
fn position(vm: &Vm, d: &Deque, v: &Value) -> PyResult<Option<usize>> {
    let snapshot: Vec<Value> = d.items.borrow().iter().cloned().collect();
    for (i, item) in snapshot.iter().enumerate() {
        if item.ptr_id().is_some() && item.ptr_id() == v.ptr_id() || vm.eq(item, v)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn remove(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let d = this(args)?;
    let v = one_arg("remove", args)?;
    // The common case in waiter queues: the item is at the front.
    {
        let mut items = d.items.borrow_mut();
        if items
            .front()
            .is_some_and(|f| f.ptr_id().is_some() && f.ptr_id() == v.ptr_id())
        {
            items.pop_front();
            d.state.set(d.state.get() + 1);
            return Ok(Value::None);
        }
    }
    match position(vm, d, v)? {
        Some(i) => {
            d.items_mut().remove(i);
            Ok(Value::None)
        }
        None => Err(value_error(format!("{} is not in deque", vm.repr(v)?))),
    }
}

fn clear(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let old = std::mem::take(&mut *this(args)?.items_mut());
    drop(old);
    Ok(Value::None)
}

fn count(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let d = this(args)?;
    let v = one_arg("count", args)?;
    let snapshot: Vec<Value> = d.items.borrow().iter().cloned().collect();
    let mut n = 0;
    for item in &snapshot {
        if vm.eq(item, v)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn index(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let d = this(args)?;
    let (_, rest) = receiver("index", args)?;
    arity("index", rest, 1, 1)?;
    match position(vm, d, &rest[0])? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(value_error(format!(
            "{} is not in deque",
            vm.repr(&rest[0])?
        ))),
    }
}

fn insert(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let d = this(args)?;
    let (_, rest) = receiver("insert", args)?;
    arity("insert", rest, 2, 2)?;
    let Value::Int(i) = rest[0] else {
        return Err(type_error("an integer is required"));
    };
    let mut items = d.items_mut();
    if Some(items.len()) == d.maxlen {
        return Err(index_error("deque already at its maximum size"));
    }
    let len = items.len() as i64;
    let at = if i < 0 { (len + i).max(0) } else { i.min(len) };
    items.insert(at as usize, rest[1].clone());
    Ok(Value::None)
}

fn rotate(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let d = this(args)?;
    let (_, rest) = receiver("rotate", args)?;
    arity("rotate", rest, 0, 1)?;
    let n = match rest.first() {
        None => 1,
        Some(Value::Int(n)) => *n,
        Some(_) => return Err(type_error("an integer is required")),
    };
    let mut items = if d.items.borrow().len() > 1 {
        d.items_mut()
    } else {
        d.items.borrow_mut()
    };
    let len = items.len() as i64;
    if len > 0 {
        let k = n.rem_euclid(len) as usize;
        items.rotate_right(k);
    }
    Ok(Value::None)
}

fn reverse(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let d = this(args)?;
    let mut items = d.items.borrow_mut();
    let reversed: VecDeque<Value> = items.drain(..).rev().collect();
    *items = reversed;
    Ok(Value::None)
}

fn copy(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let d = this(args)?;
    let copy = Deque::new(d.items.borrow().clone(), d.maxlen);
    Ok(NativeObject::new_value(vm.type_of(&args[0]), copy))
}

fn len(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    Ok(Value::Int(this(args)?.items.borrow().len() as i64))
}

fn bool_(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    Ok(Value::Bool(!this(args)?.items.borrow().is_empty()))
}

/// An iteration over a deque in place, CPython's `dequeiter` (or
/// `dequereviter`): it yields as many items as the deque had when it
/// started, and stops with a `RuntimeError` once the deque changed size
/// or order.
struct DequeCursor {
    deque: Value,
    next: usize,
    remaining: usize,
    state: u64,
    reverse: bool,
}

impl Cursor for DequeCursor {
    fn next_item(&mut self) -> PyResult<Option<Value>> {
        let d = self.deque.downcast::<Deque>().expect("a deque");
        if d.state.get() != self.state {
            self.remaining = 0;
            return Err(runtime_error("deque mutated during iteration"));
        }
        if self.remaining == 0 {
            return Ok(None);
        }
        self.remaining -= 1;
        let item = d.items.borrow().get(self.next).cloned();
        if self.reverse {
            self.next = self.next.wrapping_sub(1);
        } else {
            self.next += 1;
        }
        Ok(item)
    }

    fn remaining(&self) -> usize {
        self.remaining
    }
}

fn cursor(vm: &Vm, args: &[Value], reverse: bool) -> PyResult {
    let d = this(args)?;
    let len = d.items.borrow().len();
    let cursor = DequeCursor {
        deque: args[0].clone(),
        next: if reverse { len.wrapping_sub(1) } else { 0 },
        remaining: len,
        state: d.state.get(),
        reverse,
    };
    Ok(NativeObject::new_value(
        vm.types.iterator.clone(),
        IterObject(RefCell::new(ValueIter::Cursor(Box::new(cursor)))),
    ))
}

fn iter(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    cursor(vm, args, false)
}

fn reversed(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    cursor(vm, args, true)
}

fn contains(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let d = this(args)?;
    Ok(Value::Bool(
        position(vm, d, one_arg("__contains__", args)?)?.is_some(),
    ))
}

fn slot(d: &Deque, i: &Value) -> PyResult<usize> {
    let Value::Int(i) = *i else {
        return Err(type_error("sequence index must be integer, not 'slice'"));
    };
    let len = d.items.borrow().len() as i64;
    let at = if i < 0 { i + len } else { i };
    if at < 0 || at >= len {
        return Err(index_error("deque index out of range"));
    }
    Ok(at as usize)
}

fn getitem(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let d = this(args)?;
    let i = slot(d, one_arg("__getitem__", args)?)?;
    Ok(d.items.borrow()[i].clone())
}

fn setitem(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let d = this(args)?;
    let [_, i, v] = args else {
        return Err(type_error("deque.__setitem__ takes 2 arguments"));
    };
    let i = slot(d, i)?;
    let old = std::mem::replace(&mut d.items.borrow_mut()[i], v.clone());
    drop(old);
    Ok(Value::None)
}

fn delitem(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let d = this(args)?;
    let i = slot(d, one_arg("__delitem__", args)?)?;
    let old = d.items_mut().remove(i);
    drop(old);
    Ok(Value::None)
}

fn eq(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let d = this(args)?;
    let Some(other) = args.get(1).and_then(|v| v.downcast::<Deque>()) else {
        return Ok(Value::NotImplemented);
    };
    let a: Vec<Value> = d.items.borrow().iter().cloned().collect();
    let b: Vec<Value> = other.items.borrow().iter().cloned().collect();
    if a.len() != b.len() {
        return Ok(Value::Bool(false));
    }
    for (x, y) in a.iter().zip(&b) {
        if !vm.eq(x, y)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn repr(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let d = this(args)?;
    let items: Vec<Value> = d.items.borrow().iter().cloned().collect();
    let list = vm.repr(&Value::list(items))?;
    let name = vm.type_of(&args[0]).name.clone();
    Ok(Value::str(match d.maxlen {
        Some(n) => format!("{name}({list}, maxlen={n})"),
        None => format!("{name}({list})"),
    }))
}
