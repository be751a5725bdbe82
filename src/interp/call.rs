//! Calling things: Python functions (binding arguments to slots), builtins,
//! bound methods, classes and callable instances.

use super::errors::{not_callable, recursion_limit_exceeded, type_error};
use super::expr::ArgVec;
use super::frame::{Locals, new_cells};
use super::{Flow, Frame, Vm};
use crate::ir::{Capture, FunctionKind, FunctionTemplate};
use crate::value::{AttrMap, CellRef, DictMap, Function, PyResult, Symbol, Value, sym};
use std::cell::RefCell;
use std::rc::Rc;

impl Vm {
    /// Calls `callee` with positional and keyword arguments.
    pub fn call(&self, callee: &Value, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
        match callee {
            Value::Function(func) => self.call_function(func, args, kwargs),
            Value::Builtin(b) => match &b.receiver {
                None => b.invoke(self, args, kwargs),
                Some(recv) => {
                    let mut full = ArgVec::with_capacity(args.len() + 1);
                    full.push(recv.clone());
                    full.extend(args.iter().cloned());
                    b.invoke(self, &full, kwargs)
                }
            },
            Value::BoundMethod(m) => {
                let mut full = ArgVec::with_capacity(args.len() + 1);
                full.push(m.receiver.clone());
                full.extend(args.iter().cloned());
                self.call(&m.function, &full, kwargs)
            }
            Value::Class(cls) => self.instantiate(cls, args, kwargs),
            _ => {
                let ty = self.type_of(callee);
                match ty.lookup(sym::__call__) {
                    Some(f) => {
                        let mut full = ArgVec::with_capacity(args.len() + 1);
                        full.push(callee.clone());
                        full.extend(args.iter().cloned());
                        self.call(&f, &full, kwargs)
                    }
                    None => Err(not_callable(&ty.name)),
                }
            }
        }
    }

    /// `receiver.name(args)` without building a bound method.
    pub fn call_method(
        &self,
        receiver: &Value,
        name: Symbol,
        args: ArgVec,
        kwargs: &[(Symbol, Value)],
    ) -> PyResult {
        if let Some((func, needs_self)) = self.lookup_method(receiver, name)? {
            if needs_self {
                let mut full = ArgVec::with_capacity(args.len() + 1);
                full.push(receiver.clone());
                full.extend(args);
                return self.call(&func, &full, kwargs);
            }
            return self.call(&func, &args, kwargs);
        }
        let attr = self.get_attr(receiver, name)?;
        self.call(&attr, &args, kwargs)
    }

    /// Calls a Python function.
    pub fn call_function(
        &self,
        func: &Rc<Function>,
        args: &[Value],
        kwargs: &[(Symbol, Value)],
    ) -> PyResult {
        let (locals, cells) = self.bind_arguments(func, args, kwargs)?;
        self.run_function(func, locals, cells)
    }

    /// Calls a Python function whose positional arguments were evaluated
    /// straight into slots — the fast path of `f(a, b)`: nothing is cloned
    /// or allocated when the arguments match the parameters one to one.
    pub fn call_function_slots(&self, func: &Rc<Function>, mut locals: Locals) -> PyResult {
        let code = &func.code;
        let p = &code.params;
        if !(p.is_simple() && locals.len() == p.positional && code.ncells == 0) {
            let args: ArgVec = locals.into_iter().map(Option::unwrap_or_default).collect();
            return self.call_function(func, &args, &[]);
        }
        locals.resize(code.nlocals, None);
        self.run_function(func, locals, Vec::new())
    }

    /// Runs a function whose arguments are bound.
    fn run_function(&self, func: &Rc<Function>, locals: Locals, cells: Vec<CellRef>) -> PyResult {
        self.tick()?;
        let code = &func.code;
        if code.function_kind != FunctionKind::Plain {
            return Ok(self.new_generator_like(func.clone(), locals, cells));
        }
        let depth = self.depth.get() + 1;
        if depth > self.recursion_limit.get() {
            return Err(recursion_limit_exceeded(""));
        }
        self.depth.set(depth);
        let mut frame = Frame::for_function(func, locals, cells);
        let result = self.exec_block(&code.body, &mut frame);
        self.depth.set(depth - 1);
        if result.is_err() {
            if let Err(e) = &result {
                frame.record_traceback(e);
            }
        }
        self.give_back_locals(std::mem::take(&mut frame.locals));
        match result {
            Ok(Flow::Return(v)) => Ok(v),
            Ok(_) => Ok(Value::None),
            Err(e) => Err(e),
        }
    }

    /// Binds call arguments to a function's parameter slots, with CPython's
    /// errors for every mismatch.
    pub fn bind_arguments(
        &self,
        func: &Function,
        args: &[Value],
        kwargs: &[(Symbol, Value)],
    ) -> PyResult<(Locals, Vec<CellRef>)> {
        let code = &func.code;
        let params = &code.params;
        let mut locals = self.take_locals();
        locals.resize(code.nlocals, None);
        if kwargs.is_empty() && params.is_simple() && args.len() == params.positional {
            for (slot, a) in locals.iter_mut().zip(args) {
                *slot = Some(a.clone());
            }
        } else {
            self.bind_general(func, args, kwargs, &mut locals)?;
        }
        let cells = if code.ncells == 0 {
            Vec::new()
        } else {
            let cells = new_cells(code.ncells);
            for (i, (_, param)) in code.cells.iter().enumerate() {
                if let Some(slot) = param {
                    *cells[i].borrow_mut() = locals[*slot].take();
                }
            }
            cells
        };
        Ok((locals, cells))
    }

    fn bind_general(
        &self,
        func: &Function,
        args: &[Value],
        kwargs: &[(Symbol, Value)],
        locals: &mut [Option<Value>],
    ) -> PyResult<()> {
        let code = &func.code;
        let p = &code.params;
        let fname = func.qualname.borrow().clone();
        let npos = p.positional;
        // Positional arguments.
        let taken = args.len().min(npos);
        for (slot, a) in locals.iter_mut().zip(&args[..taken]) {
            *slot = Some(a.clone());
        }
        if args.len() > npos {
            if p.vararg.is_some() {
                locals[p.vararg_slot()] = Some(Value::tuple(args[npos..].to_vec()));
            } else {
                return Err(Self::too_many_positional(func, args.len(), kwargs));
            }
        } else if p.vararg.is_some() {
            locals[p.vararg_slot()] = Some(Value::tuple(Vec::new()));
        }
        // Keyword arguments.
        let mut extra = p.kwarg.is_some().then(DictMap::new);
        for (name, v) in kwargs {
            let idx = p.names.iter().position(|n| n == name);
            match idx {
                Some(i) if i >= p.posonly => {
                    if locals[i].is_some() {
                        return Err(type_error(format!(
                            "{fname}() got multiple values for argument '{name}'"
                        )));
                    }
                    locals[i] = Some(v.clone());
                }
                _ => {
                    if let Some(d) = &mut extra {
                        self.dict_set(d, Value::str(&*name.name()), v.clone())?;
                    } else {
                        let posonly: Vec<String> = kwargs
                            .iter()
                            .filter(|(k, _)| p.names[..p.posonly].contains(k))
                            .map(|(k, _)| k.to_string())
                            .collect();
                        if !posonly.is_empty() {
                            return Err(type_error(format!(
                                "{fname}() got some positional-only arguments passed as keyword arguments: '{}'",
                                posonly.join(", ")
                            )));
                        }
                        return Err(type_error(format!(
                            "{fname}() got an unexpected keyword argument '{name}'"
                        )));
                    }
                }
            }
        }
        if let Some(d) = extra {
            locals[p.kwarg_slot()] = Some(Value::dict(d));
        }
        // Defaults and missing arguments.
        let ndefaults = func.defaults.len();
        let first_default = npos - ndefaults;
        let mut missing = Vec::new();
        for (i, slot) in locals.iter_mut().enumerate().take(npos) {
            if slot.is_none() {
                if i >= first_default {
                    *slot = Some(func.defaults[i - first_default].clone());
                } else {
                    missing.push(p.names[i]);
                }
            }
        }
        if !missing.is_empty() {
            return Err(missing_arguments(&fname, "positional", &missing));
        }
        let mut missing_kw = Vec::new();
        for k in 0..p.kwonly {
            let i = npos + k;
            if locals[i].is_none() {
                match func.kwdefaults.get(k).cloned().flatten() {
                    Some(d) => locals[i] = Some(d),
                    None => missing_kw.push(p.names[i]),
                }
            }
        }
        if !missing_kw.is_empty() {
            return Err(missing_arguments(&fname, "keyword-only", &missing_kw));
        }
        Ok(())
    }

    fn too_many_positional(
        func: &Function,
        given: usize,
        kwargs: &[(Symbol, Value)],
    ) -> crate::value::Exc {
        let p = &func.code.params;
        let fname = func.qualname.borrow().clone();
        let min = p.positional - func.defaults.len();
        let max = p.positional;
        let takes = if min == max {
            format!(
                "{max} positional argument{}",
                if max == 1 { "" } else { "s" }
            )
        } else {
            format!("from {min} to {max} positional arguments")
        };
        let kw_given = kwargs
            .iter()
            .filter(|(n, _)| p.names[p.positional..].contains(n))
            .count();
        let given_text = if kw_given > 0 {
            format!(
                "{given} positional argument{} (and {kw_given} keyword-only argument{})",
                if given == 1 { "" } else { "s" },
                if kw_given == 1 { "" } else { "s" }
            )
        } else {
            format!("{given}")
        };
        let verb = if given == 1 && kw_given == 0 {
            "was"
        } else {
            "were"
        };
        type_error(format!(
            "{fname}() takes {takes} but {given_text} {verb} given"
        ))
    }

    /// Creates a function object from a template, evaluating defaults.
    pub fn make_function(&self, t: &Rc<FunctionTemplate>, f: &mut Frame) -> PyResult {
        let defaults = t
            .defaults
            .iter()
            .map(|d| self.eval(d, f))
            .collect::<PyResult<Vec<_>>>()?;
        let kwdefaults = t
            .kwdefaults
            .iter()
            .map(|d| d.as_ref().map(|d| self.eval(d, f)).transpose())
            .collect::<PyResult<Vec<_>>>()?;
        let func = self.function_from_parts(t, defaults, kwdefaults, f);
        if !t.annotations.is_empty()
            && let Value::Function(func) = &func
        {
            let mut d = crate::value::DictMap::new();
            for (name, e) in &t.annotations {
                let v = self.eval(e, f)?;
                self.dict_set(&mut d, Value::str(&*name.name()), v)?;
            }
            func.attrs
                .borrow_mut()
                .set(sym::__annotations__, Value::dict(d));
        }
        Ok(func)
    }

    /// Creates a function object whose defaults are already evaluated.
    pub fn function_from_parts(
        &self,
        t: &Rc<FunctionTemplate>,
        defaults: Vec<Value>,
        kwdefaults: Vec<Option<Value>>,
        f: &Frame,
    ) -> Value {
        let closure = t
            .captures
            .iter()
            .map(|c| match c {
                Capture::Cell(i) => f.cells[*i as usize].clone(),
                Capture::Free(i) => f.closure[*i as usize].clone(),
            })
            .collect();
        let mut attrs = AttrMap::new();
        attrs.set(
            sym::__doc__,
            t.code.docstring.clone().unwrap_or(Value::None),
        );
        Value::Function(Rc::new(Function {
            code: t.code.clone(),
            module: f.module.clone(),
            defaults,
            kwdefaults,
            closure,
            name: RefCell::new(t.code.name.clone()),
            qualname: RefCell::new(t.code.qualname.clone()),
            attrs: RefCell::new(attrs),
            defining_class: RefCell::new(None),
        }))
    }
}

fn missing_arguments(fname: &str, kind: &str, names: &[Symbol]) -> crate::value::Exc {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        _ => format!(
            "{}, and {}",
            quoted[..quoted.len() - 1].join(", "),
            quoted[quoted.len() - 1]
        ),
    };
    type_error(format!(
        "{fname}() missing {} required {kind} argument{}: {list}",
        names.len(),
        if names.len() == 1 { "" } else { "s" }
    ))
}
