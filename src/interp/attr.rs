//! Attribute lookup and assignment, with descriptors (`property`,
//! `staticmethod`, `classmethod`), instance dictionaries and `__getattr__`.

use super::errors::{attribute_error, type_error};
use super::{Vm, class::Property};
use crate::value::object::InstanceLayout;
use crate::value::{BoundMethod, Builtin, Class, PyResult, Symbol, Value, sym};
use std::rc::Rc;

/// `staticmethod(f)`.
pub struct StaticMethod(pub Value);
/// `classmethod(f)`.
pub struct ClassMethod(pub Value);

impl Vm {
    /// The class of a value (`type(v)`).
    #[must_use]
    pub fn type_of(&self, v: &Value) -> Rc<Class> {
        let t = &self.types;
        match v {
            Value::None => t.none_type.clone(),
            Value::NotImplemented => t.not_implemented_type.clone(),
            Value::Ellipsis => t.ellipsis_type.clone(),
            Value::Bool(_) => t.bool.clone(),
            Value::Int(_) | Value::BigInt(_) => t.int.clone(),
            Value::Float(_) => t.float.clone(),
            Value::Str(_) => t.str.clone(),
            Value::Tuple(_) => t.tuple.clone(),
            Value::List(_) => t.list.clone(),
            Value::Dict(_) => t.dict.clone(),
            Value::Set(_) => t.set.clone(),
            Value::FrozenSet(_) => t.frozenset.clone(),
            Value::Range(_) => t.range.clone(),
            Value::Slice(_) => t.slice.clone(),
            Value::Function(_) => t.function.clone(),
            Value::BoundMethod(_) => t.method.clone(),
            Value::Builtin(_) => t.builtin_function.clone(),
            Value::Class(_) => t.type_.clone(),
            Value::Instance(i) => i.class(),
            Value::Module(_) => t.module.clone(),
            Value::Native(n) => n.class.clone(),
        }
    }

    /// The class name of a value, for messages.
    #[must_use]
    pub fn type_name(&self, v: &Value) -> Rc<str> {
        match v {
            Value::Instance(i) => i.class().name.clone(),
            Value::Native(n) => n.class.name.clone(),
            _ => self.type_of(v).name.clone(),
        }
    }

    /// Binds a class attribute found for `obj` the way attribute access does.
    #[must_use]
    pub fn bind_method(&self, obj: &Value, attr: Value) -> Value {
        match &attr {
            Value::Function(_) => Value::BoundMethod(Rc::new(BoundMethod {
                receiver: obj.clone(),
                function: attr,
            })),
            Value::Builtin(b) if b.receiver.is_none() => Value::Builtin(Rc::new(Builtin {
                name: b.name,
                func: b.func,
                receiver: Some(obj.clone()),
                owner: b.owner,
                returns_coroutine: b.returns_coroutine,
                host: b.host.clone(),
                positional_only: b.positional_only,
            })),
            Value::Native(n) => {
                if let Some(s) = n.downcast::<StaticMethod>() {
                    s.0.clone()
                } else if let Some(c) = n.downcast::<ClassMethod>() {
                    Value::BoundMethod(Rc::new(BoundMethod {
                        receiver: Value::Class(self.type_of(obj)),
                        function: c.0.clone(),
                    }))
                } else {
                    attr
                }
            }
            _ => attr,
        }
    }

    /// For `obj.name(...)`: the function to call and whether `obj` goes
    /// first, when that is known without building a bound method.
    pub fn lookup_method(&self, obj: &Value, name: Symbol) -> PyResult<Option<(Value, bool)>> {
        let class = match obj {
            Value::Instance(i) => {
                if i.attrs.borrow().contains(name) || self.getattribute_hooked.get() {
                    return Ok(None);
                }
                i.class()
            }
            Value::Class(_) | Value::Module(_) | Value::Function(_) => return Ok(None),
            Value::Native(n) if n.downcast::<super::class::Super>().is_some() => return Ok(None),
            _ => self.type_of(obj),
        };
        Ok(match class.lookup(name) {
            Some(f @ (Value::Function(_) | Value::Builtin(_))) => Some((f, true)),
            Some(Value::Native(n)) => n.downcast::<StaticMethod>().map(|s| (s.0.clone(), false)),
            _ => None,
        })
    }

    /// `getattr(obj, name)`.
    pub fn get_attr(&self, obj: &Value, name: Symbol) -> PyResult {
        if let Some(v) = self.get_attr_opt(obj, name)? {
            Ok(v)
        } else {
            let ty = self.type_of(obj);
            if let Some(getattr) = ty.lookup(sym::__getattr__)
                && !matches!(obj, Value::Class(_))
            {
                return self.call(&getattr, &[obj.clone(), Value::str(&*name.name())], &[]);
            }
            Err(self.no_attribute(obj, name))
        }
    }

    /// The `AttributeError` for a missing attribute, as CPython words it.
    #[must_use]
    pub fn no_attribute(&self, obj: &Value, name: Symbol) -> crate::value::Exc {
        let msg = match obj {
            Value::Class(c) => format!("type object '{}' has no attribute '{name}'", c.name),
            Value::Module(m) => format!("module '{}' has no attribute '{name}'", m.name),
            _ => format!("'{}' object has no attribute '{name}'", self.type_name(obj)),
        };
        let exc = attribute_error(msg);
        {
            let mut attrs = exc.instance().attrs.borrow_mut();
            attrs.set(sym::name, Value::str(&*name.name()));
            attrs.set(Symbol::intern("obj"), obj.clone());
        }
        exc
    }

    /// Attribute lookup without the `AttributeError`.
    #[inline]
    pub fn get_attr_opt(&self, obj: &Value, name: Symbol) -> PyResult<Option<Value>> {
        if self.getattribute_hooked.get()
            && let Value::Instance(inst) = obj
            && let Some(r) = self.user_getattribute(obj, &inst.class(), name)
        {
            return r;
        }
        self.generic_get_attr(obj, name)
    }

    /// `object.__getattribute__`: attribute lookup without a user
    /// `__getattribute__` and without the `AttributeError`.
    pub fn generic_get_attr(&self, obj: &Value, name: Symbol) -> PyResult<Option<Value>> {
        match obj {
            Value::Instance(inst) => {
                let class_attr = inst.class_lookup(name);
                if let Some(Value::Native(n)) = &class_attr
                    && let Some(p) = n.downcast::<Property>()
                {
                    return self.property_get(p, obj, name).map(Some);
                }
                if let Some(attr @ (Value::Instance(_) | Value::Native(_))) = &class_attr
                    && let super::descr::Through::Done(r) =
                        self.instance_attr_through(obj, inst, name, attr)?
                {
                    return Ok(r);
                }
                if let Some(v) = inst.attrs.borrow().get(name) {
                    return Ok(Some(v.clone()));
                }
                if let Some(v) = self.instance_special_attr(inst, name)? {
                    return Ok(Some(v));
                }
                Ok(class_attr.map(|a| self.bind_method(obj, a)))
            }
            Value::Class(cls) => self.class_attr(cls, name),
            Value::Module(m) => {
                if let Some(v) = self.module_global(m, name)? {
                    return Ok(Some(v));
                }
                if name != sym::__dict__ {
                    return Ok(None);
                }
                self.define_all_lazy_globals(m)?;
                let mut d = crate::value::DictMap::new();
                for (k, v) in m.globals.items() {
                    let _ = self.dict_set(&mut d, Value::str(&*k.name()), v);
                }
                Ok(Some(Value::dict(d)))
            }
            Value::Function(f) => {
                if let Some(v) = f.attrs.borrow().get(name) {
                    return Ok(Some(v.clone()));
                }
                Ok(match name {
                    sym::__name__ => Some(Value::str(&*f.name.borrow().clone())),
                    sym::__qualname__ => Some(Value::str(&*f.qualname.borrow().clone())),
                    sym::__module__ => Some(Value::str(&*f.module.name)),
                    sym::__code__ => Some(crate::builtins::introspect::code_object(self, &f.code)),
                    sym::__defaults__ => Some(if f.defaults.is_empty() {
                        Value::None
                    } else {
                        Value::tuple(f.defaults.clone())
                    }),
                    sym::__annotations__ => {
                        let d = Value::dict(crate::value::DictMap::new());
                        f.attrs.borrow_mut().set_hidden(name, d.clone());
                        Some(d)
                    }
                    sym::__dict__ => Some(Value::Dict(
                        f.attrs.borrow_mut().expose(Self::function_hidden_attr),
                    )),
                    _ => self
                        .type_of(obj)
                        .lookup(name)
                        .map(|a| self.bind_method(obj, a)),
                })
            }
            Value::BoundMethod(m) => Ok(match name {
                sym::__self__ => Some(m.receiver.clone()),
                sym::__func__ => Some(m.function.clone()),
                _ => self.get_attr_opt(&m.function, name)?,
            }),
            Value::Builtin(b) => Ok(match name {
                sym::__name__ => Some(Value::str(b.name)),
                sym::__qualname__ => Some(match b.owner {
                    Some(owner) => Value::str(format!("{owner}.{}", b.name)),
                    None => Value::str(b.name),
                }),
                sym::__self__ => Some(b.receiver.clone().unwrap_or(Value::None)),
                sym::__doc__ => Some(Value::None),
                sym::__module__ => Some(Value::str("builtins")),
                _ => None,
            }),
            Value::Native(n) if n.downcast::<super::class::Super>().is_some() => {
                let s = n.downcast::<super::class::Super>().expect("checked");
                self.super_get_attr(s, name)
            }
            _ => {
                if name == sym::__class__ {
                    return Ok(Some(Value::Class(self.type_of(obj))));
                }
                let ty = self.type_of(obj);
                match ty.lookup(name) {
                    Some(Value::Native(n)) if n.downcast::<Property>().is_some() => {
                        let p = n.downcast::<Property>().expect("checked");
                        self.property_get(p, obj, name).map(Some)
                    }
                    Some(a) => Ok(Some(self.bind_method(obj, a))),
                    None => Ok(None),
                }
            }
        }
    }

    pub(super) fn property_get(&self, p: &Property, obj: &Value, name: Symbol) -> PyResult {
        match &p.fget {
            Some(g) => self.call(g, std::slice::from_ref(obj), &[]),
            None => Err(attribute_error(format!(
                "property '{name}' of '{}' object has no getter",
                self.type_name(obj)
            ))),
        }
    }

    pub(super) fn instance_special_attr(
        &self,
        inst: &Rc<crate::value::Instance>,
        name: Symbol,
    ) -> PyResult<Option<Value>> {
        Ok(match name {
            sym::__class__ => Some(Value::Class(inst.class())),
            sym::__dict__ if inst.class().layout == InstanceLayout::Slotted => None,
            sym::__dict__ => {
                // Slot values live beside the dict's entries.
                let cls = inst.class();
                let d = inst
                    .attrs
                    .borrow_mut()
                    .expose(|k| Self::slot_member(&cls, k));
                Some(Value::Dict(d))
            }
            _ => match inst.exception() {
                Some(data) => match name {
                    sym::args => Some(data.args.borrow().clone()),
                    sym::__cause__ => Some(data.cause.borrow().clone().unwrap_or(Value::None)),
                    sym::__context__ => Some(data.context.borrow().clone().unwrap_or(Value::None)),
                    sym::__suppress_context__ => Some(Value::Bool(data.suppress_context.get())),
                    sym::__traceback__ => Some(self.traceback_object(
                        &crate::value::Exc::from_instance(inst.clone()).expect("an exception"),
                    )),
                    _ => self.exception_field(inst, name),
                },
                None => None,
            },
        })
    }

    fn class_attr(&self, cls: &Rc<Class>, name: Symbol) -> PyResult<Option<Value>> {
        // Data descriptors of `type` come before the class namespace.
        match name {
            sym::__name__ => return Ok(Some(Value::str(&*cls.name))),
            sym::__qualname__ => return Ok(Some(Value::str(&*cls.qualname))),
            sym::__module__ => return Ok(Some(Value::str(&*cls.module))),
            sym::__class__ => return Ok(Some(Value::Class(self.types.type_.clone()))),
            sym::__bases__ => {
                return Ok(Some(Value::tuple(
                    cls.bases.iter().map(|b| Value::Class(b.clone())).collect(),
                )));
            }
            sym::__base__ => {
                return Ok(Some(
                    cls.bases
                        .first()
                        .map_or(Value::None, |b| Value::Class(b.clone())),
                ));
            }
            sym::__mro__ => {
                return Ok(Some(Value::tuple(
                    cls.mro_with_self()
                        .map(|c| Value::Class(c.clone()))
                        .collect(),
                )));
            }
            sym::__doc__ => {
                return Ok(Some(
                    cls.dict.borrow().get(sym::__doc__).unwrap_or(Value::None),
                ));
            }
            sym::__dict__ => {
                let mut d = crate::value::DictMap::new();
                for (k, v) in cls.dict.borrow().items() {
                    self.dict_set(&mut d, Value::str(&*k.name()), v.clone())?;
                }
                return Ok(Some(Value::dict(d)));
            }
            _ => {}
        }
        if let Some(v) = cls.lookup(name) {
            return self.descriptor_get(v, None, cls, name).map(Some);
        }
        // Methods of `type` itself (`mro`, ...).
        Ok(self
            .types
            .type_
            .lookup(name)
            .map(|a| self.bind_method(&Value::Class(cls.clone()), a)))
    }

    /// Function attributes kept outside its `__dict__`.
    fn function_hidden_attr(name: Symbol) -> bool {
        name == sym::__doc__ || name == sym::__annotations__
    }

    /// `obj.__dict__ = value`: the dict holds the attributes from now on.
    pub(super) fn assign_instance_dict(
        &self,
        inst: &Rc<crate::value::Instance>,
        value: &Value,
    ) -> PyResult<()> {
        let Value::Dict(d) = value else {
            return Err(type_error(format!(
                "__dict__ must be set to a dictionary, not a '{}'",
                self.type_name(value)
            )));
        };
        let cls = inst.class();
        inst.attrs
            .borrow_mut()
            .replace_dict(d.clone(), |k| Self::slot_member(&cls, k));
        Ok(())
    }

    /// `obj.__class__ = value`: allowed between classes whose instances
    /// are stored alike.
    fn assign_class(&self, inst: &Rc<crate::value::Instance>, value: &Value) -> PyResult<()> {
        let Value::Class(new) = value else {
            return Err(type_error(format!(
                "__class__ must be set to a class, not '{}' object",
                self.type_name(value)
            )));
        };
        let old = inst.class();
        if new.layout == InstanceLayout::Builtin || new.module.as_ref() == "builtins" {
            return Err(type_error(
                "__class__ assignment only supported for mutable types or ModuleType subclasses",
            ));
        }
        if new.layout != old.layout {
            return Err(type_error(format!(
                "__class__ assignment: '{}' object layout differs from '{}'",
                new.name, old.name
            )));
        }
        inst.set_class(new.clone());
        Ok(())
    }

    /// `setattr(obj, name, value)`.
    pub fn set_attr(&self, obj: &Value, name: Symbol, value: Value) -> PyResult<()> {
        match obj {
            Value::Instance(inst) if name == sym::__class__ => self.assign_class(inst, &value),
            Value::Instance(inst)
                if name == sym::__dict__ && inst.class().layout != InstanceLayout::Slotted =>
            {
                self.assign_instance_dict(inst, &value)
            }
            Value::Instance(inst) => {
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
                if let Some(setattr) = inst.class_lookup(sym::__setattr__)
                    && matches!(setattr, Value::Function(_))
                {
                    return self
                        .call(
                            &setattr,
                            &[obj.clone(), Value::str(&*name.name()), value],
                            &[],
                        )
                        .map(|_| ());
                }
                if (matches!(class_attr, Some(Value::Instance(_)))
                    || inst.class().layout == InstanceLayout::Slotted)
                    && self.set_attr_through(obj, inst, name, class_attr.as_ref(), &value)?
                {
                    return Ok(());
                }
                if inst.exception().is_some() && self.set_exception_field(inst, name, &value)? {
                    return Ok(());
                }
                inst.attrs.borrow_mut().set(name, value);
                Ok(())
            }
            Value::Class(cls) => {
                if cls.module.as_ref() == "builtins" {
                    return Err(type_error(format!(
                        "cannot set '{name}' attribute of immutable type '{}'",
                        cls.name
                    )));
                }
                cls.dict.borrow_mut().set(name, value);
                if name == sym::__del__ {
                    crate::value::object::mark_finalized(cls);
                }
                Ok(())
            }
            Value::Function(f) => {
                match name {
                    sym::__name__ => *f.name.borrow_mut() = Rc::from(self.str_of(&value)?.as_str()),
                    sym::__qualname__ => {
                        *f.qualname.borrow_mut() = Rc::from(self.str_of(&value)?.as_str());
                    }
                    sym::__dict__ => {
                        let Value::Dict(d) = value else {
                            return Err(type_error(format!(
                                "__dict__ must be set to a dictionary, not a '{}'",
                                self.type_name(&value)
                            )));
                        };
                        f.attrs
                            .borrow_mut()
                            .replace_dict(d, Self::function_hidden_attr);
                    }
                    _ if Self::function_hidden_attr(name) => {
                        f.attrs.borrow_mut().set_hidden(name, value);
                    }
                    _ => f.attrs.borrow_mut().set(name, value),
                }
                Ok(())
            }
            Value::Module(m) => {
                m.globals.set(name, value);
                Ok(())
            }
            _ => {
                let ty = self.type_of(obj);
                if let Some(Value::Native(n)) = ty.lookup(name)
                    && let Some(p) = n.downcast::<Property>()
                    && let Some(s) = &p.fset
                {
                    return self.call(s, &[obj.clone(), value], &[]).map(|_| ());
                }
                if let Some(Value::Native(n)) = ty.lookup(name)
                    && n.downcast::<Property>().is_some()
                {
                    Err(attribute_error(format!(
                        "attribute '{name}' of '{}' objects is not writable",
                        ty.name
                    )))
                } else if ty.lookup(name).is_some() {
                    Err(attribute_error(format!(
                        "'{}' object attribute '{name}' is read-only",
                        ty.name
                    )))
                } else {
                    Err(attribute_error(format!(
                        "'{}' object has no attribute '{name}'",
                        ty.name
                    )))
                }
            }
        }
    }

    /// `delattr(obj, name)`.
    pub fn del_attr(&self, obj: &Value, name: Symbol) -> PyResult<()> {
        if let Value::Instance(inst) = obj
            && let Some(r) = self.user_delattr(obj, &inst.class(), name)
        {
            return r;
        }
        self.generic_del_attr(obj, name)
    }

    /// `object.__delattr__`: `del obj.name` without a user `__delattr__`.
    pub fn generic_del_attr(&self, obj: &Value, name: Symbol) -> PyResult<()> {
        if let Value::Instance(inst) = obj
            && let Some(attr @ Value::Instance(_)) = inst.class_lookup(name)
            && self.descriptor_delete(obj, &attr)?
        {
            return Ok(());
        }
        if let Value::Instance(inst) = obj
            && let Some(Value::Native(n)) = inst.class_lookup(name)
            && let Some(p) = n.downcast::<Property>()
        {
            return match &p.fdel {
                Some(d) => self.call(d, std::slice::from_ref(obj), &[]).map(|_| ()),
                None => Err(attribute_error(format!(
                    "property '{name}' of '{}' object has no deleter",
                    inst.class().name
                ))),
            };
        }
        let removed = match obj {
            Value::Instance(inst) => inst.attrs.borrow_mut().remove(name).is_some(),
            Value::Class(cls) if cls.module.as_ref() != "builtins" => {
                cls.dict.borrow_mut().remove(name).is_some()
            }
            Value::Function(f) => f.attrs.borrow_mut().remove(name).is_some(),
            Value::Module(m) => {
                let slot = m.globals.slot(name);
                m.globals.clear_slot(slot)
            }
            _ => false,
        };
        if removed {
            Ok(())
        } else {
            Err(self.no_attribute(obj, name))
        }
    }

    /// Whether `obj` has attribute `name` (`hasattr`).
    pub fn has_attr(&self, obj: &Value, name: Symbol) -> PyResult<bool> {
        match self.get_attr(obj, name) {
            Ok(_) => Ok(true),
            Err(e)
                if e.instance()
                    .class()
                    .is_subclass(&self.types.attribute_error) =>
            {
                Ok(false)
            }
            Err(e) => Err(e),
        }
    }
}
