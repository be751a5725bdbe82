//! Importable modules: `sys`, `time`, `random`, `collections`, `math`, `asyncio`,
//! `types`, `builtins`, and those written in Python (`python/`: `typing`,
//! `functools`, `contextlib`, `itertools`, the Python part of
//! `collections` and of `math`, `heapq`, `bisect`, `dataclasses`).
//!
//! Scripts can import only these (and whatever an embedding host
//! registers); there is no file system import.

pub mod asyncio;
pub mod calendar_time;
pub mod collections;
pub mod math;
pub mod random;
pub mod sys;
pub mod time;
pub mod types;

use crate::interp::Vm;
use crate::interp::errors::{exc_msg, import_error};
use crate::value::{Module, PyResult, Symbol, Value};
use std::rc::Rc;

/// The names of the native modules.
const NATIVE: &[&str] = &["sys", "time", "random", "asyncio"];

/// The native modules that are packages (may have submodules).
const PACKAGES: &[&str] = &["asyncio"];

/// Modules written in Python, or the Python part of a native module, by
/// module name (`src/modules/python/`). Each top-level definition is
/// parsed and run when a script first uses it ([`crate::interp::lazy`]).
const PYTHON_SOURCES: &[(&str, &str)] = &[
    ("typing", include_str!("python/typing.py")),
    ("functools", include_str!("python/functools.py")),
    ("contextlib", include_str!("python/contextlib.py")),
    ("itertools", include_str!("python/itertools.py")),
    ("collections", include_str!("python/collections.py")),
    ("heapq", include_str!("python/heapq.py")),
    ("bisect", include_str!("python/bisect.py")),
    ("dataclasses", include_str!("python/dataclasses.py")),
    ("math", include_str!("python/math.py")),
    ("time", include_str!("python/time.py")),
];

/// Builds a module by name, if pyco has one: native, written in Python,
/// or both.
fn build_native(vm: &Vm, name: &str) -> Option<Rc<Module>> {
    let native = match name {
        "sys" => Some(sys::build(vm)),
        "time" => Some(time::build(vm)),
        "random" => Some(random::build(vm)),
        "asyncio" => Some(asyncio::build(vm)),
        "types" => Some(types::build(vm)),
        "collections" => Some(collections::build(vm)),
        "math" => Some(math::build(vm)),
        "builtins" => Some(vm.builtins.clone()),
        _ => None,
    };
    let Some(&(_, source)) = PYTHON_SOURCES.iter().find(|(n, _)| *n == name) else {
        return native;
    };
    let module = native.unwrap_or_else(|| vm.new_module(name, None));
    let file = crate::source::SourceFile::new(format!("<{name}>"), source);
    if let Err(e) = vm.define_lazily(&module, file) {
        let text = crate::diagnostic::render_exception(vm, &e);
        panic!("pyco's module {name} failed:\n{text}");
    }
    Some(module)
}

impl Vm {
    /// `import a.b.c`: the module object for the dotted path.
    pub fn import_module(&self, path: &[Symbol]) -> PyResult {
        let name: String = path
            .iter()
            .map(|s| s.name().to_string())
            .collect::<Vec<_>>()
            .join(".");
        if let Some(m) = self.modules.borrow().get(name.as_str()) {
            return Ok(m.clone());
        }
        let Some(module) = build_native(self, &name) else {
            return Err(self.module_not_found(path));
        };
        let value = Value::Module(module);
        self.modules
            .borrow_mut()
            .insert(name.clone().into(), value.clone());
        // `sys.modules` follows what is imported.
        let sys = self.modules.borrow().get("sys").cloned();
        if let Some(Value::Module(sys)) = sys
            && let Some(Value::Dict(d)) = sys.globals.get(Symbol::intern("modules"))
        {
            let mut map = d.borrow().clone();
            self.dict_set(&mut map, Value::str(name), value.clone())?;
            *d.borrow_mut() = map;
        }
        Ok(value)
    }

    /// CPython's error for a dotted path that does not import: it names the
    /// first missing prefix (`import os.path` fails on `os`), adding when
    /// that prefix's parent is a plain module rather than a package.
    fn module_not_found(&self, path: &[Symbol]) -> crate::value::Exc {
        let mut prefix = String::new();
        let mut parent: Option<String> = None;
        let mut message = String::new();
        for (i, part) in path.iter().enumerate() {
            if i > 0 {
                prefix.push('.');
            }
            prefix.push_str(&part.name());
            let known = i + 1 < path.len()
                && (self.modules.borrow().contains_key(prefix.as_str())
                    || NATIVE.contains(&prefix.as_str()));
            if !known {
                message = format!("No module named '{prefix}'");
                if let Some(p) = parent.as_deref().filter(|p| !PACKAGES.contains(p)) {
                    message.push_str(&format!("; '{p}' is not a package"));
                }
                break;
            }
            parent = Some(prefix.clone());
        }
        let types = crate::types::types();
        let exc = exc_msg(&types.module_not_found_error, message);
        exc.instance()
            .attrs
            .borrow_mut()
            .set(crate::value::sym::name, Value::str(prefix.as_str()));
        exc
    }

    /// `from module import name`.
    pub fn import_from(&self, module: &Value, name: Symbol, path: &[Symbol]) -> PyResult {
        if let Some(v) = self.get_attr_opt(module, name)? {
            Ok(v)
        } else {
            let mname: Vec<String> = path.iter().map(|s| s.name().to_string()).collect();
            let mname = mname.join(".");
            Err(import_error(format!(
                "cannot import name '{name}' from '{mname}' (unknown location)"
            )))
        }
    }
}

/// Sets a module attribute to a built-in function.
pub fn set_fn(module: &Module, name: &'static str, f: crate::value::NativeFn) {
    module
        .globals
        .set(Symbol::intern(name), crate::builtins::builtin_fn(name, f));
}
