//! Traceback, frame and code objects: what `e.__traceback__` and
//! `f.__code__` show of the interpreter's frames and compiled functions.
//!
//! pyco keeps no frame objects while code runs; these are snapshots made
//! when asked for, holding the lines a traceback records (file, line,
//! function name) and, for a function's code, its compiled form.

use super::{add_getter, add_methods};
use crate::interp::Vm;
use crate::interp::errors::type_error;
use crate::ir::Code;
use crate::source::SourceFile;
use crate::value::exception::TraceEntry;
use crate::value::{Exc, NativeObject, PyResult, Value};
use std::rc::Rc;

/// A traceback object: one level of a traceback, outermost first.
pub struct Traceback {
    levels: Rc<[TraceEntry]>,
    index: usize,
}

/// A frame object as a traceback shows it.
pub struct FrameObject {
    entry: TraceEntry,
}

/// A code object: a function's name, file and first line.
pub struct CodeObject {
    name: Rc<str>,
    qualname: Rc<str>,
    file: Rc<SourceFile>,
    first_line: usize,
    code: Option<Rc<Code>>,
}

/// The traceback object of `levels` (outermost first); `None` when empty.
#[must_use]
pub fn traceback_object(vm: &Vm, levels: Rc<[TraceEntry]>) -> Value {
    if levels.is_empty() {
        return Value::None;
    }
    NativeObject::new_value(vm.types.traceback.clone(), Traceback { levels, index: 0 })
}

/// The `__code__` of a function.
#[must_use]
pub fn code_object(vm: &Vm, code: &Rc<Code>) -> Value {
    NativeObject::new_value(
        vm.types.code.clone(),
        CodeObject {
            name: code.name.clone(),
            qualname: code.qualname.clone(),
            file: code.file.clone(),
            first_line: code.file.line_of(code.span.start),
            code: Some(code.clone()),
        },
    )
}

/// Sets an exception's traceback (`with_traceback`, `__traceback__ = ...`):
/// `None` clears it, a traceback object replaces it.
pub fn set_traceback(vm: &Vm, e: &Exc, tb: &Value) -> PyResult<()> {
    let data = e.data();
    match tb {
        Value::None => {
            data.traceback.borrow_mut().clear();
        }
        Value::Native(n) if n.downcast::<Traceback>().is_some() => {
            let t = n.downcast::<Traceback>().expect("checked");
            // Stored innermost first.
            *data.traceback.borrow_mut() = t.levels[t.index..].iter().rev().cloned().collect();
        }
        other => {
            return Err(type_error(format!(
                "__traceback__ must be a traceback or None, not {}",
                vm.type_name(other)
            )));
        }
    }
    Ok(())
}

/// Installs the attributes of traceback, frame and code objects.
pub fn install(vm: &Vm) {
    let t = &vm.types;
    add_getter(&t.traceback, "tb_lineno", |_, a, _| {
        let (_, at) = this_tb(a)?;
        Ok(Value::Int(i64::from(at.line)))
    });
    add_getter(&t.traceback, "tb_next", |vm, a, _| {
        let (tb, _) = this_tb(a)?;
        if tb.index + 1 >= tb.levels.len() {
            return Ok(Value::None);
        }
        Ok(NativeObject::new_value(
            vm.types.traceback.clone(),
            Traceback {
                levels: tb.levels.clone(),
                index: tb.index + 1,
            },
        ))
    });
    add_getter(&t.traceback, "tb_frame", |vm, a, _| {
        let (_, at) = this_tb(a)?;
        Ok(NativeObject::new_value(
            vm.types.frame.clone(),
            FrameObject { entry: at.clone() },
        ))
    });
    add_getter(&t.traceback, "tb_lasti", |_, a, _| {
        let (_, at) = this_tb(a)?;
        Ok(Value::Int(i64::from(at.offset)))
    });
    add_getter(&t.frame, "f_code", |vm, a, _| {
        let f = this_frame(a)?;
        Ok(NativeObject::new_value(
            vm.types.code.clone(),
            CodeObject {
                name: f.entry.name.clone(),
                qualname: f.entry.name.clone(),
                file: f.entry.file.clone(),
                first_line: 0,
                code: None,
            },
        ))
    });
    add_getter(&t.frame, "f_lineno", |_, a, _| {
        Ok(Value::Int(i64::from(this_frame(a)?.entry.line)))
    });
    add_methods(
        &t.frame,
        &[("__repr__", |_, a, _| {
            let f = this_frame(a)?;
            Ok(Value::str(format!(
                "<frame at {:#x}, file '{}', line {}, code {}>",
                a[0].ptr_id().unwrap_or(0),
                f.entry.file.name(),
                f.entry.line,
                f.entry.name
            )))
        })],
    );
    add_getter(&t.code, "co_name", |_, a, _| {
        Ok(Value::str(&*this_code(a)?.name))
    });
    add_getter(&t.code, "co_qualname", |_, a, _| {
        Ok(Value::str(&*this_code(a)?.qualname))
    });
    add_getter(&t.code, "co_filename", |_, a, _| {
        Ok(Value::str(this_code(a)?.file.name()))
    });
    add_getter(&t.code, "co_firstlineno", |_, a, _| {
        Ok(Value::Int(this_code(a)?.first_line as i64))
    });
    add_getter(&t.code, "co_argcount", |_, a, _| {
        Ok(param_count(this_code(a)?, |c| c.params.positional))
    });
    add_getter(&t.code, "co_posonlyargcount", |_, a, _| {
        Ok(param_count(this_code(a)?, |c| c.params.posonly))
    });
    add_getter(&t.code, "co_kwonlyargcount", |_, a, _| {
        Ok(param_count(this_code(a)?, |c| c.params.kwonly))
    });
    add_getter(&t.code, "co_nlocals", |_, a, _| {
        Ok(param_count(this_code(a)?, |c| c.local_names.len()))
    });
    add_getter(&t.code, "co_varnames", |_, a, _| {
        let names = this_code(a)?
            .code
            .as_ref()
            .map(|c| {
                c.local_names
                    .iter()
                    .map(|n| Value::str(&*n.name()))
                    .collect()
            })
            .unwrap_or_default();
        Ok(Value::tuple(names))
    });
    add_methods(
        &t.code,
        &[("__repr__", |_, a, _| {
            let c = this_code(a)?;
            Ok(Value::str(format!(
                "<code object {} at {:#x}, file \"{}\", line {}>",
                c.name,
                a[0].ptr_id().unwrap_or(0),
                c.file.name(),
                c.first_line
            )))
        })],
    );
}

fn param_count(c: &CodeObject, f: impl Fn(&Code) -> usize) -> Value {
    Value::Int(c.code.as_deref().map_or(0, f) as i64)
}

fn this_tb(args: &[Value]) -> PyResult<(&Traceback, &TraceEntry)> {
    match args.first() {
        Some(Value::Native(n)) => {
            let tb = n
                .downcast::<Traceback>()
                .ok_or_else(|| type_error("expected a traceback"))?;
            Ok((tb, &tb.levels[tb.index]))
        }
        _ => Err(type_error("expected a traceback")),
    }
}

fn this_frame(args: &[Value]) -> PyResult<&FrameObject> {
    match args.first() {
        Some(Value::Native(n)) => n
            .downcast::<FrameObject>()
            .ok_or_else(|| type_error("expected a frame")),
        _ => Err(type_error("expected a frame")),
    }
}

fn this_code(args: &[Value]) -> PyResult<&CodeObject> {
    match args.first() {
        Some(Value::Native(n)) => n
            .downcast::<CodeObject>()
            .ok_or_else(|| type_error("expected a code object")),
        _ => Err(type_error("expected a code object")),
    }
}
