//! The `sys` module: `argv`, `exit`, `stdout`/`stderr`, recursion limit.

use super::set_fn;
use crate::builtins::args::arity;
use crate::interp::Vm;
use crate::interp::errors::{new_exception, type_error, value_error};
use crate::types::new_builtin_class;
use crate::value::object::InstanceLayout;
use crate::value::{Module, NativeObject, PyResult, Symbol, Value, sym};
use std::rc::Rc;

/// Which standard stream a `sys.stdout`/`sys.stderr` object writes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StdStream {
    /// Standard output.
    Out,
    /// Standard error.
    Err,
}

/// Builds the module.
pub fn build(vm: &Vm) -> Rc<Module> {
    let m = vm.new_module("sys", None);
    let argv: Vec<Value> = vm
        .argv
        .borrow()
        .iter()
        .map(|a| Value::str(a.as_str()))
        .collect();
    m.globals.set(Symbol::intern("argv"), Value::list(argv));
    let text_io = new_builtin_class(
        "TextIOWrapper",
        "_io",
        &[vm.types.object.clone()],
        InstanceLayout::Builtin,
    );
    crate::builtins::add_methods(
        &text_io,
        &[("write", stream_write), ("flush", stream_flush)],
    );
    for (name, stream) in [("stdout", StdStream::Out), ("stderr", StdStream::Err)] {
        let obj = NativeObject::new_value(text_io.clone(), stream);
        m.globals.set(Symbol::intern(name), obj.clone());
        m.globals.set(Symbol::intern(&format!("__{name}__")), obj);
    }
    set_fn(&m, "exit", exit);
    set_fn(&m, "getrecursionlimit", getrecursionlimit);
    set_fn(&m, "setrecursionlimit", setrecursionlimit);
    m.globals.set(
        Symbol::intern("version"),
        Value::str(format!("3.11.7 (pyco {})", env!("CARGO_PKG_VERSION"))),
    );
    m.globals.set(
        Symbol::intern("version_info"),
        Value::tuple(vec![
            Value::Int(3),
            Value::Int(11),
            Value::Int(7),
            Value::str("final"),
            Value::Int(0),
        ]),
    );
    m.globals
        .set(Symbol::intern("platform"), Value::str("linux"));
    m.globals
        .set(Symbol::intern("byteorder"), Value::str("little"));
    m.globals
        .set(Symbol::intern("maxsize"), Value::Int(i64::MAX));
    m.globals
        .set(Symbol::intern("executable"), Value::str("pyco"));
    m.globals
        .set(Symbol::intern("path"), Value::list(Vec::new()));
    m.globals.set(Symbol::intern("flags"), Value::None);
    m
}

fn stream_of(v: &Value) -> Option<StdStream> {
    v.downcast::<StdStream>().copied()
}

/// Writes `text` to a file-like object (`print(file=...)`).
pub fn write_to(vm: &Vm, file: &Value, text: &str) -> PyResult<()> {
    match stream_of(file) {
        Some(StdStream::Out) => vm.write_script_output(text, false)?,
        Some(StdStream::Err) => vm.write_script_output(text, true)?,
        None => {
            vm.call_method(
                file,
                Symbol::intern("write"),
                smallvec::smallvec![Value::str(text)],
                &[],
            )?;
        }
    }
    Ok(())
}

/// Flushes a file-like object.
pub fn flush(vm: &Vm, file: &Value) -> PyResult<()> {
    match stream_of(file) {
        Some(StdStream::Out) => vm.stdout.borrow().clone().flush(),
        Some(StdStream::Err) => vm.stderr.borrow().clone().flush(),
        None => {
            if vm.has_attr(file, Symbol::intern("flush"))? {
                vm.call_method(file, Symbol::intern("flush"), smallvec::smallvec![], &[])?;
            }
        }
    }
    Ok(())
}

fn stream_write(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("write", args, 2, 2)?;
    let Value::Str(s) = &args[1] else {
        return Err(type_error(format!(
            "write() argument must be str, not {}",
            vm.type_name(&args[1])
        )));
    };
    write_to(vm, &args[0], s.as_str())?;
    Ok(Value::Int(s.char_len() as i64))
}

fn stream_flush(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("flush", args, 1, 1)?;
    flush(vm, &args[0])?;
    Ok(Value::None)
}

fn exit(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("exit", args, 0, 1)?;
    Err(new_exception(&vm.types.system_exit, args.to_vec()))
}

fn getrecursionlimit(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("getrecursionlimit", args, 0, 0)?;
    Ok(Value::Int(vm.recursion_limit.get() as i64))
}

/// The deepest recursion limit pyco accepts (its stack is sized for it).
pub const MAX_RECURSION_LIMIT: i64 = 20_000;

fn setrecursionlimit(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("setrecursionlimit", args, 1, 1)?;
    let n = vm.to_index(&args[0])?;
    if n < 1 {
        return Err(value_error(
            "recursion limit must be greater or equal than 1",
        ));
    }
    let ceiling = vm
        .budget
        .limits()
        .max_depth
        .map_or(MAX_RECURSION_LIMIT, |d| d as i64);
    vm.recursion_limit
        .set(n.min(ceiling).min(MAX_RECURSION_LIMIT) as usize);
    Ok(Value::None)
}

/// Whether the interpreter's `__name__` symbol is bound (keeps `sym` used).
#[must_use]
pub fn name_symbol() -> Symbol {
    sym::__name__
}
