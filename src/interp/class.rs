//! Classes: creating them from a `class` statement, instantiating them,
//! `super()`, `property`, and the fields exceptions expose.

use super::errors::{runtime_error, type_error, value_error};
use super::{Frame, Vm};
use crate::ir::{Capture, ClassDef};
use crate::types::linearize;
use crate::value::object::InstanceLayout;
use crate::value::{AttrMap, Class, Instance, NativeObject, PyResult, Symbol, Value, sym};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// A `property` object.
pub struct Property {
    /// The getter.
    pub fget: Option<Value>,
    /// The setter.
    pub fset: Option<Value>,
    /// The deleter.
    pub fdel: Option<Value>,
    /// The docstring.
    pub doc: Value,
}

/// A `super()` object: look past `this_class` in `obj`'s MRO.
pub struct Super {
    /// The class whose body the call appears in.
    pub this_class: Rc<Class>,
    /// The instance (or class) methods bind to.
    pub obj: Value,
}

impl Vm {
    /// Runs a `class` statement and returns the new class.
    pub fn exec_class_def(&self, def: &ClassDef, f: &mut Frame) -> PyResult {
        let decorators = def
            .decorators
            .iter()
            .map(|d| self.eval(d, f))
            .collect::<PyResult<Vec<_>>>()?;
        let base_values = self.eval_elems(&def.bases, f)?;
        let mut keywords = Vec::with_capacity(def.keywords.len());
        for (k, v) in &def.keywords {
            let kv = self.eval(v, f)?;
            if *k == Symbol::intern("metaclass") {
                if !matches!(&kv, Value::Class(c) if Rc::ptr_eq(c, &self.types.type_)) {
                    return Err(type_error(
                        "pyco does not support metaclasses other than type",
                    ));
                }
            } else {
                keywords.push((*k, kv));
            }
        }
        let mut bases = Vec::with_capacity(base_values.len());
        for b in &base_values {
            match b {
                Value::Class(c) => bases.push(c.clone()),
                _ => {
                    return Err(type_error(format!(
                        "bases must be types, not {}",
                        self.type_name(b)
                    )));
                }
            }
        }
        let ns = Rc::new(RefCell::new(AttrMap::new()));
        {
            let mut ns = ns.borrow_mut();
            ns.set(sym::__module__, Value::str(&*f.module.name));
            ns.set(sym::__qualname__, Value::str(&*def.qualname));
            if let Some(doc) = &def.body.code.docstring {
                ns.set(sym::__doc__, doc.clone());
            }
        }
        let closure: Vec<_> = def
            .body
            .captures
            .iter()
            .map(|c| match c {
                Capture::Cell(i) => f.cells[*i as usize].clone(),
                Capture::Free(i) => f.closure[*i as usize].clone(),
            })
            .collect();
        let code = &def.body.code;
        let mut body_frame = Frame {
            code,
            module: f.module,
            closure: &closure,
            function: None,
            locals: super::frame::unbound_locals(code.nlocals),
            cells: super::frame::new_cells(code.ncells),
            class_ns: Some(ns.clone()),
            pos: code.span.start,
            channel: None,
        };
        if let Err(e) = self.exec_block(&code.body, &mut body_frame) {
            body_frame.record_traceback(&e);
            return Err(e);
        }
        drop(body_frame);
        let dict = std::mem::take(&mut *ns.borrow_mut());
        let module = match dict.get(sym::__module__) {
            Some(Value::Str(m)) => m.as_str().to_string(),
            _ => f.module.name.to_string(),
        };
        let class = self.new_class(&def.name.name(), &def.qualname, &module, bases, dict)?;
        self.init_new_class(&class, &keywords)?;
        let mut result = Value::Class(class);
        for d in decorators.iter().rev() {
            result = self.call(d, &[result], &[])?;
        }
        Ok(result)
    }

    /// Creates a class from its parts (also `type(name, bases, dict)`).
    pub fn new_class(
        &self,
        name: &str,
        qualname: &str,
        module: &str,
        mut bases: Vec<Rc<Class>>,
        mut dict: AttrMap,
    ) -> PyResult<Rc<Class>> {
        if bases.is_empty() {
            bases.push(self.types.object.clone());
        }
        let mut layout = InstanceLayout::Plain;
        let mut bases_slotted = true;
        for b in &bases {
            match b.layout {
                InstanceLayout::Exception => layout = InstanceLayout::Exception,
                InstanceLayout::Builtin => {
                    return Err(type_error(format!(
                        "pyco does not support subclassing the built-in type '{}'",
                        b.name
                    )));
                }
                InstanceLayout::Plain => bases_slotted = false,
                InstanceLayout::Slotted => {}
            }
        }
        let Some(mro) = linearize(&bases) else {
            let names: Vec<&str> = bases.iter().map(|b| &*b.name).collect();
            return Err(type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        dict.remove(sym::__qualname__);
        if dict.contains(sym::__eq__) && !dict.contains(sym::__hash__) {
            dict.set(sym::__hash__, Value::None);
        }
        // Implicit class methods, as `type.__new__` makes them.
        for implicit in [sym::__init_subclass__, sym::__class_getitem__] {
            if let Some(f @ Value::Function(_)) = dict.get(implicit) {
                let wrapped = NativeObject::new_value(
                    self.types.classmethod.clone(),
                    super::attr::ClassMethod(f.clone()),
                );
                dict.set(implicit, wrapped);
            }
        }
        if dict.contains(sym::__getattribute__) {
            self.getattribute_hooked.set(true);
        }
        if let Some(slots) = dict.get(sym::__slots__) {
            let has_dict = self.declare_slots(name, &slots, &mut dict)?;
            if layout == InstanceLayout::Plain && bases_slotted && !has_dict {
                layout = InstanceLayout::Slotted;
            }
        }
        let class = Rc::new(Class {
            name: name.into(),
            qualname: qualname.into(),
            module: module.into(),
            bases,
            mro,
            dict: crate::value::object::ClassDict::new(dict),
            layout,
            cache: RefCell::default(),
            finalized: Cell::new(false),
            subclasses: RefCell::default(),
        });
        Class::register_subclass(&class);
        for (_, v) in class.dict.borrow().items() {
            Self::claim_method(&v, &class);
        }
        if class.lookup(sym::__del__).is_some() {
            crate::value::object::mark_finalized(&class);
        }
        Ok(class)
    }

    /// Adds a slot member to `dict` for each name `__slots__` declares;
    /// returns whether `__dict__` is among them.
    fn declare_slots(&self, class_name: &str, slots: &Value, dict: &mut AttrMap) -> PyResult<bool> {
        let names = match slots {
            Value::Str(_) => vec![slots.clone()],
            other => self.collect_iterable(other)?,
        };
        let mut has_dict = false;
        for n in names {
            let Value::Str(text) = &n else {
                return Err(type_error(format!(
                    "__slots__ items must be strings, not '{}'",
                    self.type_name(&n)
                )));
            };
            if text.as_str() == "__dict__" {
                has_dict = true;
                continue;
            }
            let slot = Symbol::intern(&crate::resolve::mangle::mangle(class_name, text.as_str()));
            if dict.contains(slot) {
                return Err(value_error(format!(
                    "{} in __slots__ conflicts with class variable",
                    self.repr(&n)?
                )));
            }
            let member = NativeObject::new_value(
                self.types.member_descriptor.clone(),
                super::descr::SlotMember {
                    name: slot,
                    owner: class_name.into(),
                },
            );
            dict.set(slot, member);
        }
        Ok(has_dict)
    }

    /// What `type.__new__` does once the class exists: `__set_name__` on
    /// the namespace's descriptors, then the parent's `__init_subclass__`
    /// with the class statement's keywords.
    pub fn init_new_class(&self, class: &Rc<Class>, kwargs: &[(Symbol, Value)]) -> PyResult<()> {
        let entries: Vec<(Symbol, Value)> = class.dict.borrow().items().collect();
        for (name, v) in entries {
            if !matches!(v, Value::Instance(_)) {
                continue;
            }
            if let Some(set_name) = self.type_of(&v).lookup(sym::__set_name__) {
                self.call(
                    &set_name,
                    &[
                        v.clone(),
                        Value::Class(class.clone()),
                        Value::str(&*name.name()),
                    ],
                    &[],
                )?;
            }
        }
        let parent_hook = class
            .mro
            .iter()
            .find_map(|c| c.dict.borrow().get(sym::__init_subclass__));
        if let Some(hook) = parent_hook {
            let bound = self.descriptor_get(hook, None, class, sym::__init_subclass__)?;
            self.call(&bound, &[], kwargs)?;
        }
        Ok(())
    }

    /// Records `class` as the defining class of a function stored in its
    /// body, for zero-argument `super()`.
    fn claim_method(v: &Value, class: &Rc<Class>) {
        match v {
            Value::Function(func) => {
                let mut slot = func.defining_class.borrow_mut();
                if slot.is_none() {
                    *slot = Some(Value::Class(class.clone()));
                }
            }
            Value::Native(n) => {
                if let Some(p) = n.downcast::<Property>() {
                    for g in [&p.fget, &p.fset, &p.fdel].into_iter().flatten() {
                        Self::claim_method(g, class);
                    }
                } else if let Some(s) = n.downcast::<super::attr::StaticMethod>() {
                    Self::claim_method(&s.0, class);
                } else if let Some(c) = n.downcast::<super::attr::ClassMethod>() {
                    Self::claim_method(&c.0, class);
                }
            }
            _ => {}
        }
    }

    /// Calls a class: `__new__` builds the object, then `__init__` runs on
    /// it if it is an instance of the class.
    pub fn instantiate(
        &self,
        cls: &Rc<Class>,
        args: &[Value],
        kwargs: &[(Symbol, Value)],
    ) -> PyResult {
        let new = cls
            .lookup(sym::__new__)
            .ok_or_else(|| type_error(format!("cannot create '{}' instances", cls.name)))?;
        if cls.layout == InstanceLayout::Plain
            && kwargs.is_empty()
            && same_builtin(&new, self.types.object.lookup(sym::__new__).as_ref())
            && let Some(Value::Function(init)) = cls.lookup(sym::__init__)
        {
            // The common case: a plain class with a Python `__init__`.
            let obj = Value::Instance(Rc::new(Instance::new(
                cls.clone(),
                AttrMap::new(),
                crate::value::Payload::None,
            )));
            let mut locals = self.take_locals();
            locals.push(Some(obj.clone()));
            locals.extend(args.iter().cloned().map(Some));
            let r = self.call_function_slots(&init, locals)?;
            if !matches!(r, Value::None) {
                return Err(type_error(format!(
                    "__init__() should return None, not '{}'",
                    self.type_name(&r)
                )));
            }
            return Ok(obj);
        }
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(Value::Class(cls.clone()));
        full.extend_from_slice(args);
        // Lookups are cached per class, so these checks are cheap.
        let new_is_object = same_builtin(&new, self.types.object.lookup(sym::__new__).as_ref());
        let obj = match &new {
            Value::Native(n) if n.downcast::<super::attr::StaticMethod>().is_some() => {
                let inner = n
                    .downcast::<super::attr::StaticMethod>()
                    .expect("checked")
                    .0
                    .clone();
                self.call(&inner, &full, kwargs)?
            }
            Value::Builtin(b) if new_is_object => (b.func)(self, &full[..1], &[])?,
            _ => self.call(&new, &full, kwargs)?,
        };
        let Value::Instance(inst) = &obj else {
            return Ok(obj);
        };
        if !inst.class_is_subclass(cls) {
            return Ok(obj);
        }
        let init = cls.lookup(sym::__init__).expect("object defines __init__");
        if same_builtin(&init, self.types.object.lookup(sym::__init__).as_ref()) {
            if new_is_object && (!args.is_empty() || !kwargs.is_empty()) {
                return Err(type_error(format!("{}() takes no arguments", cls.name)));
            }
            return Ok(obj);
        }
        full[0] = obj.clone();
        let r = self.call(&init, &full, kwargs)?;
        if !matches!(r, Value::None) {
            return Err(type_error(format!(
                "__init__() should return None, not '{}'",
                self.type_name(&r)
            )));
        }
        Ok(obj)
    }

    /// `super()` with no arguments, inside a method.
    pub fn zero_arg_super(&self, f: &Frame) -> PyResult {
        if f.code.params.positional == 0 {
            return Err(runtime_error("super(): no arguments"));
        }
        let this_class = f
            .function
            .and_then(|func| func.defining_class.borrow().clone())
            .ok_or_else(|| runtime_error("super(): __class__ cell not found"))?;
        let Value::Class(this_class) = this_class else {
            return Err(runtime_error("super(): __class__ is not a type"));
        };
        let first = if f.code.params.positional == 0 {
            None
        } else if let Some(i) = f.code.cells.iter().position(|c| c.1 == Some(0)) {
            f.cells[i].borrow().clone()
        } else {
            f.locals.first().cloned().flatten()
        };
        let obj = first.ok_or_else(|| runtime_error("super(): no arguments"))?;
        Ok(self.new_super(this_class, obj))
    }

    /// A `super` object.
    #[must_use]
    pub fn new_super(&self, this_class: Rc<Class>, obj: Value) -> Value {
        NativeObject::new_value(self.types.super_.clone(), Super { this_class, obj })
    }

    /// Attribute lookup through a `super` object: the first class after
    /// `this_class` in the MRO that has `name`, its value bound the way
    /// CPython's `super` binds (no instance when `obj` is a class).
    pub fn super_get_attr(&self, s: &Super, name: Symbol) -> PyResult<Option<Value>> {
        let (start, instance) = match &s.obj {
            Value::Class(c) => (c.clone(), None),
            other => (self.type_of(other), Some(other)),
        };
        let mut past = false;
        for c in start.mro_with_self() {
            if past {
                let found = c.dict.borrow().get(name);
                if let Some(v) = found {
                    return self.descriptor_get(v, instance, &start, name).map(Some);
                }
            } else if Rc::ptr_eq(c, &s.this_class) {
                past = true;
            }
        }
        Ok(None)
    }

    /// Exception-specific read-only fields (`message`, `exceptions`,
    /// `value`, `code`, ...).
    #[must_use]
    pub fn exception_field(&self, inst: &Rc<Instance>, name: Symbol) -> Option<Value> {
        let data = inst.exception()?;
        let args = data.args.borrow().clone();
        let Value::Tuple(items) = &args else {
            return None;
        };
        let first = || items.first().cloned().unwrap_or(Value::None);
        let t = &self.types;
        let cls = &inst.class();
        if cls.is_subclass(&t.base_exception_group) {
            if name == sym::message {
                return Some(first());
            }
            if name == sym::exceptions {
                return Some(match items.get(1) {
                    Some(Value::List(l)) => Value::tuple(l.borrow().clone()),
                    Some(v @ Value::Tuple(_)) => v.clone(),
                    _ => Value::tuple(vec![]),
                });
            }
        }
        let n = name.name();
        match &*n {
            "value" if cls.is_subclass(&t.stop_iteration) => Some(first()),
            "code" if cls.is_subclass(&t.system_exit) => Some(if items.len() > 1 {
                args.clone()
            } else {
                first()
            }),
            "errno" | "strerror" | "filename" if cls.is_subclass(&t.os_error) => {
                let index = match &*n {
                    "errno" => 0,
                    "strerror" => 1,
                    _ => 2,
                };
                Some(if items.len() >= 2 {
                    items.get(index).cloned().unwrap_or(Value::None)
                } else {
                    Value::None
                })
            }
            "name" if cls.is_subclass(&t.name_error) || cls.is_subclass(&t.attribute_error) => {
                Some(Value::None)
            }
            "obj" if cls.is_subclass(&t.attribute_error) => Some(Value::None),
            _ => None,
        }
    }

    /// Assigns the fields exceptions keep outside their `__dict__`.
    pub fn set_exception_field(
        &self,
        inst: &Rc<Instance>,
        name: Symbol,
        value: &Value,
    ) -> PyResult<bool> {
        let Some(data) = inst.exception() else {
            return Ok(false);
        };
        match name {
            sym::args => {
                let items = self.collect_iterable(value)?;
                *data.args.borrow_mut() = Value::tuple(items);
            }
            sym::__cause__ => {
                *data.cause.borrow_mut() = (!matches!(value, Value::None)).then(|| value.clone());
                data.suppress_context.set(true);
            }
            sym::__context__ => {
                *data.context.borrow_mut() = (!matches!(value, Value::None)).then(|| value.clone());
            }
            sym::__suppress_context__ => data.suppress_context.set(self.truthy(value)?),
            sym::__traceback__ => {
                if let Some(e) = crate::value::Exc::from_instance(inst.clone()) {
                    crate::builtins::introspect::set_traceback(self, &e, value)?;
                }
            }
            _ => return Ok(false),
        }
        Ok(true)
    }
}

/// Whether `v` is the very built-in function `of` (e.g. `object.__new__`).
fn same_builtin(v: &Value, of: Option<&Value>) -> bool {
    matches!((v, of), (Value::Builtin(a), Some(Value::Builtin(b))) if Rc::ptr_eq(a, b))
}
