//! Methods of exceptions and exception groups.

use super::add_methods;
use super::args::receiver;
use super::builtin_fn;
use crate::interp::Vm;
use crate::interp::errors::{new_exception, type_error};
use crate::value::{Class, Exc, PyResult, Symbol, Value, sym};
use std::rc::Rc;

/// Installs the methods.
pub fn install(vm: &Vm) {
    let t = &vm.types;
    t.base_exception
        .dict
        .borrow_mut()
        .set(sym::__new__, builtin_fn("__new__", base_exception_new));
    add_methods(
        &t.base_exception,
        &[
            ("__init__", base_exception_init),
            ("__repr__", base_exception_repr),
            ("__str__", base_exception_str),
            ("with_traceback", with_traceback),
            ("add_note", add_note),
        ],
    );
    t.os_error
        .dict
        .borrow_mut()
        .set(sym::__new__, builtin_fn("__new__", os_error_new));
    add_methods(&t.os_error, &[("__str__", os_error_str)]);
    t.base_exception_group
        .dict
        .borrow_mut()
        .set(sym::__new__, builtin_fn("__new__", group_new));
    add_methods(
        &t.base_exception_group,
        &[
            ("__init__", group_init),
            ("derive", group_derive),
            ("split", group_split),
            ("subgroup", group_subgroup),
        ],
    );
}

fn this_exc(args: &[Value]) -> PyResult<Exc> {
    match args.first() {
        Some(Value::Instance(i)) => {
            Exc::from_instance(i.clone()).ok_or_else(|| type_error("expected an exception"))
        }
        _ => Err(type_error("descriptor needs an exception")),
    }
}

fn base_exception_new(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    match args.split_first() {
        Some((Value::Class(c), rest)) => Ok(new_exception(c, rest.to_vec()).value()),
        _ => Err(type_error(
            "BaseException.__new__(X): X is not a type object",
        )),
    }
}

fn base_exception_init(_vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let e = this_exc(args)?;
    if let Some((k, _)) = kwargs.first() {
        return Err(type_error(format!(
            "{}() takes no keyword arguments ({k} given)",
            e.class_name()
        )));
    }
    *e.data().args.borrow_mut() = Value::tuple(args[1..].to_vec());
    Ok(Value::None)
}

fn base_exception_repr(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let (this, _) = receiver("__repr__", args)?;
    let e = this_exc(args)?;
    let name = &e.instance().class().name;
    let inner = e.data().args.borrow().clone();
    let _ = this;
    Ok(Value::str(match &inner {
        Value::Tuple(items) if items.len() == 1 => format!("{name}({})", vm.repr(&items[0])?),
        Value::Tuple(items) if items.is_empty() => format!("{name}()"),
        other => format!("{name}{}", vm.repr(other)?),
    }))
}

fn base_exception_str(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let (this, _) = receiver("__str__", args)?;
    Ok(Value::str(vm.exception_str(this)?))
}

fn with_traceback(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let e = this_exc(args)?;
    super::args::arity("with_traceback", &args[1..], 1, 1)?;
    super::introspect::set_traceback(vm, &e, &args[1])?;
    Ok(e.value())
}

fn add_note(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let e = this_exc(args)?;
    let Some(note @ Value::Str(_)) = args.get(1) else {
        return Err(type_error("note must be a str"));
    };
    let notes = Symbol::intern("__notes__");
    let existing = e.instance().attrs.borrow().get(notes);
    match existing {
        Some(Value::List(l)) => l.borrow_mut().push(note.clone()),
        _ => e
            .instance()
            .attrs
            .borrow_mut()
            .set(notes, Value::list(vec![note.clone()])),
    }
    let _ = vm;
    Ok(Value::None)
}

/// `OSError(errno, strerror)` becomes the subclass for that errno, as in
/// CPython (`OSError(2, ...)` is a `FileNotFoundError`).
fn os_error_new(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let Some((Value::Class(cls), rest)) = args.split_first() else {
        return Err(type_error("OSError.__new__(X): X is not a type object"));
    };
    let t = &vm.types;
    let mut class = cls.clone();
    if Rc::ptr_eq(cls, &t.os_error)
        && (2..=5).contains(&rest.len())
        && let Value::Int(errno) = rest[0]
    {
        class = match errno {
            11 | 114 | 115 => t.blocking_io_error.clone(),
            10 => t.child_process_error.clone(),
            32 | 108 => t.broken_pipe_error.clone(),
            103 => t.connection_aborted_error.clone(),
            111 => t.connection_refused_error.clone(),
            104 => t.connection_reset_error.clone(),
            17 => t.file_exists_error.clone(),
            2 => t.file_not_found_error.clone(),
            21 => t.is_a_directory_error.clone(),
            20 => t.not_a_directory_error.clone(),
            4 => t.interrupted_error.clone(),
            1 | 13 => t.permission_error.clone(),
            3 => t.process_lookup_error.clone(),
            110 => t.timeout_error.clone(),
            _ => class,
        };
    }
    Ok(new_exception(&class, rest.to_vec()).value())
}

fn os_error_str(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let (this, _) = receiver("__str__", args)?;
    let e = this_exc(args)?;
    let items = crate::interp::errors::exception_args(&e);
    match items.as_slice() {
        [errno, strerror] => Ok(Value::str(format!(
            "[Errno {}] {}",
            vm.str_of(errno)?,
            vm.str_of(strerror)?
        ))),
        [errno, strerror, filename, ..] => Ok(Value::str(format!(
            "[Errno {}] {}: {}",
            vm.str_of(errno)?,
            vm.str_of(strerror)?,
            vm.repr(filename)?
        ))),
        _ => Ok(Value::str(vm.exception_str(this)?)),
    }
}

fn group_new(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let Some((Value::Class(cls), rest)) = args.split_first() else {
        return Err(type_error(
            "BaseExceptionGroup.__new__(X): X is not a type object",
        ));
    };
    if !kwargs.is_empty() {
        return Err(type_error(format!(
            "{}() takes no keyword arguments",
            cls.name
        )));
    }
    if rest.len() != 2 {
        return Err(type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            rest.len()
        )));
    }
    if !matches!(rest[0], Value::Str(_)) {
        return Err(type_error(format!(
            "argument 1 must be str, not {}",
            vm.type_name(&rest[0])
        )));
    }
    let members = match &rest[1] {
        Value::List(l) => l.borrow().clone(),
        Value::Tuple(t) => t.to_vec(),
        _ => {
            return Err(type_error(
                "second argument (exceptions) must be a sequence",
            ));
        }
    };
    if members.is_empty() {
        return Err(crate::interp::errors::value_error(
            "second argument (exceptions) must be a non-empty sequence",
        ));
    }
    let mut all_exceptions = true;
    for (i, m) in members.iter().enumerate() {
        match m {
            Value::Instance(inst) if inst.exception().is_some() => {
                if !inst.class_is_subclass(&vm.types.exception) {
                    all_exceptions = false;
                }
            }
            _ => {
                return Err(crate::interp::errors::value_error(format!(
                    "Item {i} of second argument (exceptions) is not an exception"
                )));
            }
        }
    }
    let class: Rc<Class> = if Rc::ptr_eq(cls, &vm.types.base_exception_group) {
        if all_exceptions {
            vm.types.exception_group.clone()
        } else {
            cls.clone()
        }
    } else {
        if cls.is_subclass(&vm.types.exception) && !all_exceptions {
            return Err(type_error(
                "Cannot nest BaseExceptions in an ExceptionGroup",
            ));
        }
        cls.clone()
    };
    Ok(new_exception(&class, rest.to_vec()).value())
}

fn group_init(_vm: &Vm, _args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    Ok(Value::None)
}

fn group_derive(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let e = this_exc(args)?;
    let members = match args.get(1) {
        Some(v) => vm
            .collect_iterable(v)?
            .into_iter()
            .filter_map(|m| match m {
                Value::Instance(i) => Exc::from_instance(i),
                _ => None,
            })
            .collect(),
        None => return Err(type_error("derive() takes exactly one argument (0 given)")),
    };
    let message = vm.group_message(&e);
    let msg = vm.str_of(&message)?;
    Ok(vm.new_group(&msg, members).value())
}

fn split_parts(vm: &Vm, args: &[Value]) -> PyResult<(Option<Exc>, Option<Exc>)> {
    let e = this_exc(args)?;
    let Some(typ) = args.get(1) else {
        return Err(type_error("split() takes exactly one argument (0 given)"));
    };
    vm.group_split(&e, typ)
}

fn group_split(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let (m, r) = split_parts(vm, args)?;
    let v = |x: Option<Exc>| x.map_or(Value::None, |e| e.value());
    Ok(Value::tuple(vec![v(m), v(r)]))
}

fn group_subgroup(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let (m, _) = split_parts(vm, args)?;
    Ok(m.map_or(Value::None, |e| e.value()))
}
