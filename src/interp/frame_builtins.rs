//! The built-ins that look at the calling frame: `locals()`, `dir()` and
//! `vars()` without arguments, and `eval`/`exec` of source text.
//!
//! Names are resolved to slots before running, so a frame has no dict of
//! its variables; these calls build one from the slots and their names
//! (as CPython's `locals()` snapshots fast locals). `eval`/`exec` compile
//! the text as a module against a namespace: the module's own globals at
//! top level; in a function, a copy of the globals overlaid with the
//! locals, so that writes stay local to the call, as in CPython.

use super::errors::type_error;
use super::{Frame, Vm};
use crate::builtins::args::arity;
use crate::ir::{CodeKind, FrameBuiltin, StmtKind};
use crate::resolve::{ResolveOptions, resolve_module};
use crate::source::SourceFile;
use crate::value::{DictMap, Module, PyResult, Symbol, Value};
use std::rc::Rc;

/// What the text given to `eval`/`exec` must be.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// One expression, whose value is the result.
    Eval,
    /// Statements; the result is `None`.
    Exec,
}

impl Vm {
    /// Calls `callee` for a [`FrameBuiltin`] call site: the frame-aware
    /// form when `callee` is still that built-in, else an ordinary call.
    pub fn call_frame_builtin(
        &self,
        which: FrameBuiltin,
        callee: &Value,
        args: &[Value],
        kwargs: &[(Symbol, Value)],
        f: &mut Frame,
    ) -> PyResult {
        let is_builtin = matches!(callee, Value::Builtin(b)
            if b.name == which.name() && b.owner.is_none() && b.receiver.is_none());
        if !is_builtin {
            return self.call(callee, args, kwargs);
        }
        match which {
            FrameBuiltin::Locals => {
                if !args.is_empty() || !kwargs.is_empty() {
                    return Err(type_error(format!(
                        "locals() takes no arguments ({} given)",
                        args.len() + kwargs.len()
                    )));
                }
                self.frame_locals(f)
            }
            FrameBuiltin::Vars if args.is_empty() && kwargs.is_empty() => self.frame_locals(f),
            FrameBuiltin::Dir if args.is_empty() && kwargs.is_empty() => {
                let Value::Dict(d) = self.frame_locals(f)? else {
                    return Ok(Value::list(Vec::new()));
                };
                let mut names: Vec<String> = d
                    .borrow()
                    .iter()
                    .filter_map(|e| match &e.key {
                        Value::Str(s) => Some(s.as_str().to_string()),
                        _ => None,
                    })
                    .collect();
                names.sort();
                Ok(Value::list(names.into_iter().map(Value::str).collect()))
            }
            FrameBuiltin::Eval | FrameBuiltin::Exec if kwargs.is_empty() => {
                let mode = if which == FrameBuiltin::Eval {
                    Mode::Eval
                } else {
                    Mode::Exec
                };
                self.eval_source(mode, args, Some(f))
            }
            _ => self.call(callee, args, kwargs),
        }
    }

    /// The variables of frame `f` as a new dict (`locals()`).
    fn frame_locals(&self, f: &Frame) -> PyResult {
        let mut d = DictMap::new();
        if let Some(ns) = &f.class_ns {
            let entries: Vec<(Symbol, Value)> = ns.borrow().items().collect();
            for (k, v) in entries {
                self.dict_set(&mut d, Value::str(&*k.name()), v)?;
            }
            return Ok(Value::dict(d));
        }
        if f.code.kind == CodeKind::Module {
            for (k, v) in f.module.globals.items() {
                self.dict_set(&mut d, Value::str(&*k.name()), v)?;
            }
            return Ok(Value::dict(d));
        }
        for (name, value) in f.code.local_names.iter().zip(&f.locals) {
            if let Some(v) = value
                && is_identifier(&name.name())
            {
                self.dict_set(&mut d, Value::str(&*name.name()), v.clone())?;
            }
        }
        let owned = f.code.cells.iter().map(|c| c.0).zip(&f.cells);
        let free = f.code.free_names.iter().copied().zip(f.closure);
        for (name, cell) in owned.chain(free) {
            if let Some(v) = cell.borrow().clone() {
                self.dict_set(&mut d, Value::str(&*name.name()), v)?;
            }
        }
        Ok(Value::dict(d))
    }

    /// `eval`/`exec` of source text. `f` is the calling frame (`None` when
    /// called indirectly: the main module's namespace is used).
    fn eval_source(&self, mode: Mode, args: &[Value], f: Option<&Frame>) -> PyResult {
        let name = match mode {
            Mode::Eval => "eval",
            Mode::Exec => "exec",
        };
        arity(name, args, 1, 3)?;
        let Value::Str(text) = &args[0] else {
            return Err(type_error(match mode {
                Mode::Eval => "eval() arg 1 must be a string, bytes or code object".to_owned(),
                Mode::Exec => "exec() arg 1 must be a string, bytes or code object".to_owned(),
            }));
        };
        let globals = args.get(1).filter(|g| !matches!(g, Value::None));
        let locals = args.get(2).filter(|l| !matches!(l, Value::None));
        if let Some(g) = globals
            && !matches!(g, Value::Dict(_))
        {
            return Err(type_error(match mode {
                Mode::Eval => "globals must be a dict".to_owned(),
                Mode::Exec => format!("exec() globals must be a dict, not {}", self.type_name(g)),
            }));
        }
        // The namespace: the given dicts, or the caller's variables.
        let module = if globals.is_some() || locals.is_some() {
            let m = Self::new_namespace_module();
            match (globals, f) {
                (Some(g), _) => self.fill_globals(&m, g)?,
                (None, Some(f)) => {
                    for (k, v) in f.module.globals.items() {
                        m.globals.set(k, v);
                    }
                }
                (None, None) => {}
            }
            if let Some(l) = locals {
                self.fill_globals(&m, l)?;
            }
            m
        } else {
            match f {
                Some(f) if f.code.kind == CodeKind::Module && f.class_ns.is_none() => {
                    f.module.clone()
                }
                Some(f) => {
                    let m = Self::new_namespace_module();
                    for (k, v) in f.module.globals.items() {
                        m.globals.set(k, v);
                    }
                    self.fill_globals(&m, &self.frame_locals(f)?)?;
                    m
                }
                None => match self.modules.borrow().get("__main__") {
                    Some(Value::Module(m)) => m.clone(),
                    _ => Self::new_namespace_module(),
                },
            }
        };
        let source = text.as_str().trim_start_matches([' ', '\t']);
        let file = SourceFile::new("<string>", source);
        let code = crate::parser::parse_module(source)
            .and_then(|m| {
                if mode == Mode::Eval {
                    check_expression(&m, &file)?;
                }
                resolve_module(&m, file.clone(), &module.globals, ResolveOptions::default())
            })
            .map_err(|e| self.syntax_error_exception(&e, &file))?;
        let result = match (mode, code.body.as_slice()) {
            (Mode::Eval, [stmt]) => match &stmt.kind {
                StmtKind::Expr(e) => {
                    let mut frame = Frame::for_module(&code, &module);
                    let r = self.eval(e, &mut frame);
                    if let Err(err) = &r {
                        frame.record_traceback(err);
                    }
                    r
                }
                _ => Ok(Value::None),
            },
            _ => self.run_module_code(&code, &module),
        };
        // Names the code bound go back into the dict given for them.
        if let Some(Value::Dict(d)) = locals.or(globals) {
            let mut map = d.borrow().clone();
            if globals.is_some() && !map_has_str(&map, "__builtins__") {
                self.dict_set(
                    &mut map,
                    Value::str("__builtins__"),
                    Value::Module(self.builtins.clone()),
                )?;
            }
            for (k, v) in module.globals.items() {
                if k != crate::value::sym::__name__ && k != crate::value::sym::__doc__ {
                    self.dict_set(&mut map, Value::str(&*k.name()), v)?;
                }
            }
            *d.borrow_mut() = map;
        }
        result
    }

    /// A module standing for a namespace given to `eval`/`exec`.
    fn new_namespace_module() -> Rc<Module> {
        Rc::new(Module {
            name: "__main__".into(),
            globals: crate::value::object::Globals::default(),
            lazy: std::cell::OnceCell::new(),
        })
    }

    /// Binds the string keys of dict `d` in `m`'s globals.
    fn fill_globals(&self, m: &Module, d: &Value) -> PyResult<()> {
        let Value::Dict(d) = d else {
            return Err(type_error(format!(
                "locals must be a mapping or None, not {}",
                self.type_name(d)
            )));
        };
        let entries: Vec<(Value, Value)> = d
            .borrow()
            .iter()
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect();
        for (k, v) in entries {
            if let Value::Str(s) = k {
                m.globals.set(Symbol::intern(s.as_str()), v);
            }
        }
        Ok(())
    }

    /// A compile-time error of `eval`/`exec` text as a Python exception.
    fn syntax_error_exception(
        &self,
        e: &crate::syntax_error::SyntaxError,
        file: &SourceFile,
    ) -> crate::value::Exc {
        let t = &self.types;
        let class = match e.kind {
            crate::syntax_error::SyntaxErrorKind::Syntax => &t.syntax_error,
            crate::syntax_error::SyntaxErrorKind::Indentation => &t.indentation_error,
            crate::syntax_error::SyntaxErrorKind::Tab => &t.tab_error,
        };
        let (line, col) = file.line_col(e.span.start);
        let (end_line, end_col) = file.line_col(e.span.end.max(e.span.start));
        let detail = Value::tuple(vec![
            Value::str(file.name()),
            Value::Int(line as i64),
            Value::Int(col as i64),
            Value::str(file.line_text(line)),
            Value::Int(end_line as i64),
            Value::Int(end_col as i64),
        ]);
        super::errors::new_exception(class, vec![Value::str(&e.message), detail])
    }
}

/// `eval` takes one expression: anything else is a syntax error there.
fn check_expression(
    m: &crate::ast::Module,
    file: &SourceFile,
) -> Result<(), crate::syntax_error::SyntaxError> {
    match m.body.as_slice() {
        [stmt] if matches!(stmt.kind, crate::ast::StmtKind::Expr(_)) => Ok(()),
        _ => Err(crate::syntax_error::SyntaxError::new(
            "invalid syntax",
            crate::ast::Span {
                start: 0,
                end: file.text().len() as u32,
            },
        )),
    }
}

fn map_has_str(map: &DictMap, key: &str) -> bool {
    map.iter()
        .any(|e| matches!(&e.key, Value::Str(s) if s.as_str() == key))
}

/// Whether a slot name is a Python identifier (the resolver's own hidden
/// slots are not).
fn is_identifier(name: &str) -> bool {
    name.chars()
        .next()
        .is_some_and(|c| c == '_' || c.is_alphabetic())
}

/// `eval(...)`/`exec(...)` called other than by name (no calling frame):
/// the main module's namespace.
pub fn eval_builtin(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    vm.eval_source(Mode::Eval, args, None)
}

/// See [`eval_builtin`].
pub fn exec_builtin(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    vm.eval_source(Mode::Exec, args, None)
}

/// `locals()` called other than by name: the main module's namespace.
pub fn locals_builtin(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("locals", args, 0, 0)?;
    let mut d = DictMap::new();
    if let Some(Value::Module(m)) = vm.modules.borrow().get("__main__").cloned() {
        for (k, v) in m.globals.items() {
            vm.dict_set(&mut d, Value::str(&*k.name()), v)?;
        }
    }
    Ok(Value::dict(d))
}
