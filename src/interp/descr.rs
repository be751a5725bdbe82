//! The descriptor protocol beyond the built-in descriptors: objects of user
//! classes defining `__get__`/`__set__`/`__delete__` stored in a class,
//! `__slots__` members, and the user hooks `__getattribute__` and
//! `__delattr__`.
//!
//! Everything here sits off the attribute fast paths of [`super::attr`]:
//! they call in only when a class attribute turns out to be an instance or a
//! slot member, or when a hook is known to exist somewhere.

use super::Vm;
use super::attr::{ClassMethod, StaticMethod};
use super::class::Property;
use super::errors::attribute_error;
use crate::value::object::InstanceLayout;
use crate::value::{BoundMethod, Class, Instance, PyResult, Symbol, Value, sym};
use std::rc::Rc;

/// A `__slots__` entry: the data descriptor CPython calls a member
/// (`<member 'x' of 'Point' objects>`). Its value lives in the instance's
/// attribute map.
pub struct SlotMember {
    /// The slot's (mangled) name.
    pub name: Symbol,
    /// The class whose `__slots__` declared it.
    pub owner: Rc<str>,
}

/// What [`Vm::instance_attr_through`] made of an attribute read.
pub enum Through {
    /// The class attribute is no descriptor handled here.
    Unhandled,
    /// The read's outcome (`None`: the attribute is missing).
    Done(Option<Value>),
}

impl Vm {
    /// Reads the class attribute `attr` found for `name` the way attribute
    /// access does: `instance` is the object it was read on (`None` when it
    /// was read on the class), `owner` the class whose MRO was searched.
    pub fn descriptor_get(
        &self,
        attr: Value,
        instance: Option<&Value>,
        owner: &Rc<Class>,
        name: Symbol,
    ) -> PyResult {
        match &attr {
            Value::Function(_) | Value::Builtin(_) => Ok(
                instance.map_or_else(|| attr.clone(), |obj| self.bind_method(obj, attr.clone()))
            ),
            Value::Native(n) => {
                if let Some(s) = n.downcast::<StaticMethod>() {
                    Ok(s.0.clone())
                } else if let Some(c) = n.downcast::<ClassMethod>() {
                    Ok(Value::BoundMethod(Rc::new(BoundMethod {
                        receiver: Value::Class(owner.clone()),
                        function: c.0.clone(),
                    })))
                } else if let (Some(p), Some(obj)) = (n.downcast::<Property>(), instance) {
                    self.property_get(p, obj, name)
                } else if let (Some(m), Some(obj)) = (n.downcast::<SlotMember>(), instance) {
                    self.slot_get(m, obj)
                } else {
                    Ok(attr)
                }
            }
            Value::Instance(i) => match i.class_lookup(sym::__get__) {
                Some(get) => {
                    let obj = instance.cloned().unwrap_or(Value::None);
                    self.call(&get, &[attr.clone(), obj, Value::Class(owner.clone())], &[])
                }
                None => Ok(attr),
            },
            _ => Ok(attr),
        }
    }

    /// `obj.name` where the class attribute `attr` is an instance (a user
    /// descriptor, or any object stored in the class): data descriptors
    /// first, then the instance's own attributes, then `__get__`.
    pub(super) fn instance_attr_via_descriptor(
        &self,
        obj: &Value,
        inst: &Rc<Instance>,
        name: Symbol,
        attr: Value,
    ) -> PyResult<Option<Value>> {
        let dtype = self.type_of(&attr);
        let get = dtype.lookup(sym::__get__);
        let is_data =
            dtype.lookup(sym::__set__).is_some() || dtype.lookup(sym::__delete__).is_some();
        let owner = Value::Class(inst.class());
        if is_data && let Some(get) = &get {
            return self.call(get, &[attr, obj.clone(), owner], &[]).map(Some);
        }
        if let Some(v) = inst.attrs.borrow().get(name) {
            return Ok(Some(v.clone()));
        }
        if let Some(v) = self.instance_special_attr(inst, name)? {
            return Ok(Some(v));
        }
        match get {
            Some(get) => self.call(&get, &[attr, obj.clone(), owner], &[]).map(Some),
            None => Ok(Some(attr)),
        }
    }

    /// `obj.name` when the class attribute `attr` is an instance or a native
    /// object other than a property: [`Through::Done`] with the outcome
    /// (`None`: missing) when `attr` is a descriptor this module handles.
    pub(super) fn instance_attr_through(
        &self,
        obj: &Value,
        inst: &Rc<Instance>,
        name: Symbol,
        attr: &Value,
    ) -> PyResult<Through> {
        match attr {
            Value::Instance(_) => self
                .instance_attr_via_descriptor(obj, inst, name, attr.clone())
                .map(Through::Done),
            Value::Native(n) if n.downcast::<SlotMember>().is_some() => {
                Ok(Through::Done(inst.attrs.borrow().get(name)))
            }
            _ => Ok(Through::Unhandled),
        }
    }

    /// `obj.name = value` where the class attribute `attr` is an instance
    /// whose class defines `__set__`: calls it. Returns whether it did. A
    /// data descriptor with only `__delete__` refuses the assignment, as in
    /// CPython (`AttributeError: __set__`).
    pub(super) fn descriptor_set(
        &self,
        obj: &Value,
        attr: &Value,
        value: &Value,
    ) -> PyResult<bool> {
        let dtype = self.type_of(attr);
        if let Some(set) = dtype.lookup(sym::__set__) {
            self.call(&set, &[attr.clone(), obj.clone(), value.clone()], &[])?;
            return Ok(true);
        }
        if dtype.lookup(sym::__delete__).is_some() {
            return Err(attribute_error("__set__"));
        }
        Ok(false)
    }

    /// `del obj.name` where the class attribute `attr` is an instance whose
    /// class defines `__delete__`: calls it. Returns whether it did. A data
    /// descriptor with only `__set__` refuses the deletion
    /// (`AttributeError: __delete__`).
    pub(super) fn descriptor_delete(&self, obj: &Value, attr: &Value) -> PyResult<bool> {
        let dtype = self.type_of(attr);
        if let Some(delete) = dtype.lookup(sym::__delete__) {
            self.call(&delete, &[attr.clone(), obj.clone()], &[])?;
            return Ok(true);
        }
        if dtype.lookup(sym::__set__).is_some() {
            return Err(attribute_error("__delete__"));
        }
        Ok(false)
    }

    /// `obj.name = value` for an object whose class attribute `name` is an
    /// instance (a descriptor with `__set__`?) or whose class has
    /// `__slots__`. Returns whether the assignment is done; refuses names
    /// the slots do not declare.
    pub(super) fn set_attr_through(
        &self,
        obj: &Value,
        inst: &Rc<Instance>,
        name: Symbol,
        class_attr: Option<&Value>,
        value: &Value,
    ) -> PyResult<bool> {
        if let Some(attr @ Value::Instance(_)) = class_attr
            && self.descriptor_set(obj, attr, value)?
        {
            return Ok(true);
        }
        if inst.class().layout == InstanceLayout::Slotted {
            if Self::slot_member(&inst.class(), name) {
                inst.attrs.borrow_mut().set(name, value.clone());
                return Ok(true);
            }
            return Err(self.no_slot(obj, name));
        }
        Ok(false)
    }

    /// `object.__setattr__(obj, name, value)`: assignment without a user
    /// `__setattr__`.
    pub fn generic_set_attr(&self, obj: &Value, name: Symbol, value: Value) -> PyResult<()> {
        let Value::Instance(inst) = obj else {
            return self.set_attr(obj, name, value);
        };
        if name == sym::__dict__ && inst.class().layout != InstanceLayout::Slotted {
            return self.assign_instance_dict(inst, &value);
        }
        let class_attr = inst.class_lookup(name);
        if let Some(Value::Native(n)) = &class_attr
            && let Some(p) = n.downcast::<Property>()
        {
            return match &p.fset {
                Some(s) => self.call(s, &[obj.clone(), value], &[]).map(|_| ()),
                None => Err(attribute_error(format!(
                    "property '{name}' of '{}' object has no setter",
                    inst.class().name
                ))),
            };
        }
        if self.set_attr_through(obj, inst, name, class_attr.as_ref(), &value)? {
            return Ok(());
        }
        if inst.exception().is_some() && self.set_exception_field(inst, name, &value)? {
            return Ok(());
        }
        inst.attrs.borrow_mut().set(name, value);
        Ok(())
    }

    /// Reads a slot.
    pub(super) fn slot_get(&self, m: &SlotMember, obj: &Value) -> PyResult {
        if let Value::Instance(inst) = obj
            && let Some(v) = inst.attrs.borrow().get(m.name)
        {
            return Ok(v.clone());
        }
        Err(self.no_attribute(obj, m.name))
    }

    /// The class attribute `name` of `cls` if it is a slot member.
    pub(super) fn slot_member(cls: &Class, name: Symbol) -> bool {
        matches!(cls.lookup(name), Some(Value::Native(n)) if n.downcast::<SlotMember>().is_some())
    }

    /// The error for assigning an undeclared attribute on an object whose
    /// class has `__slots__` and no `__dict__`.
    pub(super) fn no_slot(&self, obj: &Value, name: Symbol) -> crate::value::Exc {
        attribute_error(format!(
            "'{}' object has no attribute '{name}'",
            self.type_name(obj)
        ))
    }

    /// Calls a user `__getattribute__` for `obj.name`, if `cls` has one.
    ///
    /// `None`: the class uses `object.__getattribute__`. Otherwise the
    /// result, where an `AttributeError` becomes "missing" (`Ok(None)`) when
    /// the class also has a `__getattr__` to fall back on.
    pub(super) fn user_getattribute(
        &self,
        obj: &Value,
        cls: &Class,
        name: Symbol,
    ) -> Option<PyResult<Option<Value>>> {
        let hook = cls.lookup(sym::__getattribute__)?;
        if !matches!(hook, Value::Function(_)) {
            return None;
        }
        let r = self.call(&hook, &[obj.clone(), Value::str(&*name.name())], &[]);
        Some(match r {
            Ok(v) => Ok(Some(v)),
            Err(e)
                if e.instance()
                    .class()
                    .is_subclass(&self.types.attribute_error)
                    && cls.lookup(sym::__getattr__).is_some() =>
            {
                Ok(None)
            }
            Err(e) => Err(e),
        })
    }

    /// Calls a user `__delattr__` for `del obj.name`, if the class has one.
    pub(super) fn user_delattr(
        &self,
        obj: &Value,
        cls: &Class,
        name: Symbol,
    ) -> Option<PyResult<()>> {
        let hook = cls.lookup(sym::__delattr__)?;
        if !matches!(hook, Value::Function(_)) {
            return None;
        }
        Some(
            self.call(&hook, &[obj.clone(), Value::str(&*name.name())], &[])
                .map(|_| ()),
        )
    }
}
