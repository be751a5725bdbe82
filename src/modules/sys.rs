//! The `sys` module: `argv`, `exit`, the standard streams, recursion
//! limit, `exc_info`, and version and float facts.

use super::set_fn;
use crate::ast::CmpOp;
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
    /// Standard input (readable only when the host allows it).
    In,
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
    crate::builtins::add_methods(
        &text_io,
        &[
            ("readline", stream_readline),
            ("read", stream_read),
            ("__iter__", |_, a, _| Ok(a[0].clone())),
            ("__next__", stream_next),
        ],
    );
    for (name, stream) in [
        ("stdin", StdStream::In),
        ("stdout", StdStream::Out),
        ("stderr", StdStream::Err),
    ] {
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
    let version_info = struct_seq(
        vm,
        "sys.version_info",
        &["major", "minor", "micro", "releaselevel", "serial"],
        vec![
            Value::Int(3),
            Value::Int(11),
            Value::Int(7),
            Value::str("final"),
            Value::Int(0),
        ],
    );
    m.globals.set(Symbol::intern("version_info"), version_info);
    m.globals
        .set(Symbol::intern("hexversion"), Value::Int(0x030B_07F0));
    let float_info = struct_seq(
        vm,
        "sys.float_info",
        &[
            "max",
            "max_exp",
            "max_10_exp",
            "min",
            "min_exp",
            "min_10_exp",
            "dig",
            "mant_dig",
            "epsilon",
            "radix",
            "rounds",
        ],
        vec![
            Value::Float(f64::MAX),
            Value::Int(i64::from(f64::MAX_EXP)),
            Value::Int(i64::from(f64::MAX_10_EXP)),
            Value::Float(f64::MIN_POSITIVE),
            Value::Int(i64::from(f64::MIN_EXP)),
            Value::Int(i64::from(f64::MIN_10_EXP)),
            Value::Int(i64::from(f64::DIGITS)),
            Value::Int(i64::from(f64::MANTISSA_DIGITS)),
            Value::Float(f64::EPSILON),
            Value::Int(i64::from(f64::RADIX)),
            Value::Int(1),
        ],
    );
    m.globals.set(Symbol::intern("float_info"), float_info);
    set_fn(&m, "exc_info", exc_info);
    set_fn(&m, "exception", exception);
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
    // `sys.modules`: the builtins module, then what is already imported
    // (import adds to it).
    let mut modules = crate::value::DictMap::new();
    let _ = vm.dict_set(
        &mut modules,
        Value::str("builtins"),
        Value::Module(vm.builtins.clone()),
    );
    let mut loaded: Vec<(String, Value)> = vm
        .modules
        .borrow()
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect();
    loaded.sort_by(|a, b| a.0.cmp(&b.0));
    for (k, v) in loaded {
        let _ = vm.dict_set(&mut modules, Value::str(k), v);
    }
    m.globals
        .set(Symbol::intern("modules"), Value::dict(modules));
    m
}

fn stream_of(v: &Value) -> Option<StdStream> {
    v.downcast::<StdStream>().copied()
}

/// Writes `text` to a file-like object (`print(file=...)`).
pub fn write_to(vm: &Vm, file: &Value, text: &str) -> PyResult<()> {
    match stream_of(file) {
        Some(StdStream::In) => {
            return Err(crate::interp::errors::exc_msg(
                &vm.types.os_error,
                "not writable",
            ));
        }
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
        Some(StdStream::In) => {}
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

/// One line of standard input with its newline; empty at the end (or
/// when the host gives the script no standard input).
fn read_stdin_line(vm: &Vm) -> String {
    let mut line = String::new();
    if vm.stdin_enabled.get() {
        vm.stdout.borrow().clone().flush();
        let _ = std::io::stdin().read_line(&mut line);
    }
    line
}

fn stdin_of(vm: &Vm, args: &[Value], what: &str) -> PyResult<()> {
    match args.first().and_then(stream_of) {
        Some(StdStream::In) => Ok(()),
        _ => Err(crate::interp::errors::exc_msg(
            &vm.types.os_error,
            format!("{what}: not readable"),
        )),
    }
}

fn stream_readline(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("readline", args, 1, 2)?;
    stdin_of(vm, args, "readline")?;
    Ok(Value::str(read_stdin_line(vm)))
}

fn stream_read(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("read", args, 1, 2)?;
    stdin_of(vm, args, "read")?;
    let mut text = String::new();
    loop {
        let line = read_stdin_line(vm);
        if line.is_empty() {
            break;
        }
        vm.push_checked(&mut text, &line)?;
    }
    Ok(Value::str(text))
}

fn stream_next(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    stdin_of(vm, args, "__next__")?;
    let line = read_stdin_line(vm);
    if line.is_empty() {
        return Err(new_exception(&vm.types.stop_iteration, Vec::new()));
    }
    Ok(Value::str(line))
}

/// `sys.exc_info()`: the exception being handled, as (type, value,
/// traceback), or three `None`s.
fn exc_info(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("exc_info", args, 0, 0)?;
    let current = vm.handling.borrow().last().cloned();
    Ok(Value::tuple(match current {
        Some(e) => vec![
            Value::Class(e.instance().class()),
            e.value(),
            vm.traceback_object(&e),
        ],
        None => vec![Value::None, Value::None, Value::None],
    }))
}

/// `sys.exception()`: the exception being handled, or `None`.
fn exception(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("exception", args, 0, 0)?;
    let current = vm.handling.borrow().last().cloned();
    Ok(current.map_or(Value::None, |e| e.value()))
}

/// A "struct sequence" such as `sys.version_info`: a tuple whose items
/// are also named attributes.
pub struct StructSeq {
    items: Value,
    fields: &'static [&'static str],
}

/// Getters of the first struct-sequence fields, by position (a getter is
/// a plain function, so each position has its own).
const FIELD_GETTERS: [crate::value::NativeFn; 11] = [
    |_, a, _| seq_field(a, 0),
    |_, a, _| seq_field(a, 1),
    |_, a, _| seq_field(a, 2),
    |_, a, _| seq_field(a, 3),
    |_, a, _| seq_field(a, 4),
    |_, a, _| seq_field(a, 5),
    |_, a, _| seq_field(a, 6),
    |_, a, _| seq_field(a, 7),
    |_, a, _| seq_field(a, 8),
    |_, a, _| seq_field(a, 9),
    |_, a, _| seq_field(a, 10),
];

/// Makes a struct sequence of the type `name` (`module.type`).
fn struct_seq(
    vm: &Vm,
    name: &'static str,
    fields: &'static [&'static str],
    values: Vec<Value>,
) -> Value {
    let (module, short) = name.rsplit_once('.').unwrap_or(("builtins", name));
    let class = new_builtin_class(
        short,
        module,
        &[vm.types.object.clone()],
        InstanceLayout::Builtin,
    );
    for (field, getter) in fields.iter().zip(FIELD_GETTERS) {
        crate::builtins::add_getter(&class, field, getter);
    }
    crate::builtins::add_methods(
        &class,
        &[
            ("__getitem__", |vm, a, _| {
                arity("__getitem__", a, 2, 2)?;
                vm.get_item(&seq_items(a)?, &a[1])
            }),
            ("__len__", |_, a, _| {
                Ok(Value::Int(seq_of(a)?.fields.len() as i64))
            }),
            ("__iter__", |vm, a, _| vm.get_iter(&seq_items(a)?)),
            ("__contains__", |vm, a, _| {
                arity("__contains__", a, 2, 2)?;
                Ok(Value::Bool(vm.contains(&seq_items(a)?, &a[1])?))
            }),
            ("__hash__", |vm, a, _| {
                Ok(Value::Int(vm.hash(&seq_items(a)?)?))
            }),
            ("__eq__", |vm, a, _| seq_compare(vm, a, CmpOp::Eq)),
            ("__ne__", |vm, a, _| seq_compare(vm, a, CmpOp::NotEq)),
            ("__lt__", |vm, a, _| seq_compare(vm, a, CmpOp::Lt)),
            ("__le__", |vm, a, _| seq_compare(vm, a, CmpOp::LtE)),
            ("__gt__", |vm, a, _| seq_compare(vm, a, CmpOp::Gt)),
            ("__ge__", |vm, a, _| seq_compare(vm, a, CmpOp::GtE)),
            ("__repr__", |vm, a, _| {
                let seq = seq_of(a)?;
                let Value::Tuple(items) = &seq.items else {
                    return Err(type_error("expected a struct sequence"));
                };
                let mut parts = Vec::with_capacity(items.len());
                for (field, v) in seq.fields.iter().zip(items.iter()) {
                    parts.push(format!("{field}={}", vm.repr(v)?));
                }
                let ty = vm.type_of(&a[0]);
                Ok(Value::str(format!(
                    "{}.{}({})",
                    ty.module,
                    ty.name,
                    parts.join(", ")
                )))
            }),
        ],
    );
    NativeObject::new_value(
        class,
        StructSeq {
            items: Value::tuple(values),
            fields,
        },
    )
}

fn seq_of(args: &[Value]) -> PyResult<&StructSeq> {
    args.first()
        .and_then(|v| v.downcast::<StructSeq>())
        .ok_or_else(|| type_error("expected a struct sequence"))
}

fn seq_items(args: &[Value]) -> PyResult<Value> {
    Ok(seq_of(args)?.items.clone())
}

fn seq_field(args: &[Value], i: usize) -> PyResult {
    match &seq_of(args)?.items {
        Value::Tuple(items) => Ok(items[i].clone()),
        _ => Err(type_error("expected a struct sequence")),
    }
}

/// Compares a struct sequence as the tuple it is.
fn seq_compare(vm: &Vm, args: &[Value], op: CmpOp) -> PyResult {
    arity("comparison", args, 2, 2)?;
    let mine = seq_items(args)?;
    let other = match &args[1] {
        t @ Value::Tuple(_) => t.clone(),
        v => match v.downcast::<StructSeq>() {
            Some(s) => s.items.clone(),
            None => return Ok(Value::NotImplemented),
        },
    };
    Ok(Value::Bool(vm.compare_bool(op, &mine, &other)?))
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
