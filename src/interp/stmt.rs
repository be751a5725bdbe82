//! Synchronous statement execution.

use super::errors::{exc_matches, new_exception, type_error};
use super::{Flow, Frame, Vm};
use crate::ir::{Expr, Handler, NameRef, Stmt, StmtKind, Target};
use crate::value::{Exc, PyResult, PyStr, Value, sym};
use std::rc::Rc;

impl Vm {
    /// Runs statements until one ends the block early.
    pub fn exec_block(&self, body: &[Stmt], f: &mut Frame) -> PyResult<Flow> {
        for s in body {
            self.run_finalizers(Some((&f.code.file, f.pos)));
            match self.exec(s, f)? {
                Flow::Normal => {}
                other => return Ok(other),
            }
        }
        self.run_finalizers(Some((&f.code.file, f.pos)));
        Ok(Flow::Normal)
    }

    /// Runs one statement that cannot suspend.
    pub fn exec(&self, s: &Stmt, f: &mut Frame) -> PyResult<Flow> {
        f.pos = s.span.start;
        match &s.kind {
            StmtKind::Expr(e) => {
                self.eval(e, f)?;
            }
            StmtKind::Assign(targets, value) => {
                let v = self.eval(value, f)?;
                if let [t] = targets.as_slice() {
                    self.assign(t, v, f)?;
                } else {
                    for t in targets {
                        self.assign(t, v.clone(), f)?;
                    }
                }
            }
            StmtKind::AugAssign(target, op, value) => self.aug_assign(target, *op, value, f)?,
            StmtKind::Match(subject, cases) => {
                let v = self.eval(subject, f)?;
                return match self.select_case(cases, &v, f)? {
                    Some(i) => self.exec_block(&cases[i].body, f),
                    None => Ok(Flow::Normal),
                };
            }
            StmtKind::If(test, body, orelse) => {
                let t = self.eval(test, f)?;
                return if self.truthy(&t)? {
                    self.exec_block(body, f)
                } else {
                    self.exec_block(orelse, f)
                };
            }
            StmtKind::While(test, body, orelse) => loop {
                self.tick()?;
                self.check_interrupt()?;
                let t = self.eval(test, f)?;
                if !self.truthy(&t)? {
                    return self.exec_block(orelse, f);
                }
                match self.exec_block(body, f)? {
                    Flow::Break => break,
                    Flow::Normal | Flow::Continue => {}
                    ret @ Flow::Return(_) => return Ok(ret),
                }
            },
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                let iterable = self.eval(iter, f)?;
                let mut it = self.iter_start(&iterable)?;
                while let Some(item) = it.next(self)? {
                    self.check_interrupt()?;
                    self.assign(target, item, f)?;
                    match self.exec_block(body, f)? {
                        Flow::Break => return Ok(Flow::Normal),
                        Flow::Normal | Flow::Continue => {}
                        ret @ Flow::Return(_) => return Ok(ret),
                    }
                }
                return self.exec_block(orelse, f);
            }
            StmtKind::Return(value) => {
                let v = match value {
                    Some(e) => self.eval(e, f)?,
                    None => Value::None,
                };
                return Ok(Flow::Return(v));
            }
            StmtKind::Break => return Ok(Flow::Break),
            StmtKind::Continue => return Ok(Flow::Continue),
            StmtKind::Pass => {}
            StmtKind::FunctionDef(decorators, template, target) => {
                let decos = decorators
                    .iter()
                    .map(|d| self.eval(d, f))
                    .collect::<PyResult<Vec<_>>>()?;
                let mut func = self.make_function(template, f)?;
                for d in decos.iter().rev() {
                    func = self.call(d, &[func], &[])?;
                }
                self.store_name(*target, func, f)?;
            }
            StmtKind::ClassDef(def) => {
                let class = self.exec_class_def(def, f)?;
                self.store_name(def.target, class, f)?;
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                is_star,
            } => {
                let result = self.exec_block(body, f);
                if let Err(exc) = &result {
                    f.record_traceback(exc);
                }
                let result = match result {
                    Err(exc) if *is_star => self.run_star_handlers(exc, handlers, f),
                    Err(exc) => self.run_handlers(exc, handlers, f),
                    Ok(Flow::Normal) => self.exec_block(orelse, f),
                    other => other,
                };
                if finalbody.is_empty() {
                    return result;
                }
                if let Err(exc) = &result {
                    f.record_traceback(exc);
                }
                return self.run_finally(result, finalbody, f);
            }
            StmtKind::Raise(exc, cause) => {
                return Err(self.exec_raise(exc.as_ref(), cause.as_ref(), f)?);
            }
            StmtKind::With { items, body, .. } => return self.exec_with(items, body, f),
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete_target(t, f)?;
                }
            }
            StmtKind::Assert(test, msg) => {
                let t = self.eval(test, f)?;
                if !self.truthy(&t)? {
                    let args = match msg {
                        Some(m) => vec![self.eval(m, f)?],
                        None => vec![],
                    };
                    return Err(new_exception(&self.types.assertion_error, args));
                }
            }
            StmtKind::Import {
                path,
                target,
                bind_top,
            } => {
                let module = self.import_module(path)?;
                let bound = if *bind_top {
                    self.import_module(&path[..1])?
                } else {
                    module
                };
                self.store_name(*target, bound, f)?;
            }
            StmtKind::ImportFrom(path, names) => {
                let module = self.import_module(path)?;
                for n in names {
                    let v = self.import_from(&module, n.name, path)?;
                    self.store_name(n.target, v, f)?;
                }
            }
            StmtKind::ImportStar(path) => {
                let module = self.import_module(path)?;
                if let Value::Module(m) = &module {
                    self.define_all_lazy_globals(m)?;
                    for (name, v) in m.globals.items() {
                        if !name.with_name(|n| n.starts_with('_')) {
                            f.module.globals.set(name, v);
                        }
                    }
                }
            }
        }
        Ok(Flow::Normal)
    }

    /// Runs the `finally` block after `result`; the block's own exit wins.
    pub fn run_finally(
        &self,
        result: PyResult<Flow>,
        finalbody: &[Stmt],
        f: &mut Frame,
    ) -> PyResult<Flow> {
        let pending = result.as_ref().err().cloned();
        if let Some(e) = &pending {
            self.handling.borrow_mut().push(e.clone());
        }
        let fin = self.exec_block(finalbody, f);
        if pending.is_some() {
            self.handling.borrow_mut().pop();
        }
        match fin {
            Ok(Flow::Normal) => result,
            Ok(other) => Ok(other),
            Err(e2) => {
                if let Some(e1) = pending {
                    self.chain_context(&e2, &e1);
                }
                Err(e2)
            }
        }
    }

    /// Records `context` as the exception being handled when `exc` arose.
    pub fn chain_context(&self, exc: &Exc, context: &Exc) {
        if exc.same(context) {
            return;
        }
        let data = exc.data();
        if data.context.borrow().is_none() {
            // Avoid a cycle: context must not already lead back to exc.
            let mut cur = Some(context.value());
            while let Some(Value::Instance(i)) = cur {
                if std::ptr::eq(&raw const *i, &raw const **exc.instance()) {
                    return;
                }
                cur = i.exception().and_then(|d| d.context.borrow().clone());
            }
            *data.context.borrow_mut() = Some(context.value());
        }
    }

    /// Finds the handler matching `exc` and runs it.
    fn run_handlers(&self, exc: Exc, handlers: &[Handler], f: &mut Frame) -> PyResult<Flow> {
        for h in handlers {
            if !self.handler_matches(h, &exc, f)? {
                continue;
            }
            return self.run_handler(h, exc, f);
        }
        Err(exc)
    }

    /// Runs one handler with `exc` bound, then unbinds the name.
    pub fn run_handler(&self, h: &Handler, exc: Exc, f: &mut Frame) -> PyResult<Flow> {
        if let Some(name) = h.name {
            self.store_name(name, exc.value(), f)?;
        }
        self.handling.borrow_mut().push(exc.clone());
        let r = self.exec_block(&h.body, f);
        self.handling.borrow_mut().pop();
        if let Some(name) = h.name {
            let _ = self.delete_name(name, f);
        }
        if let Err(e2) = &r {
            self.chain_context(e2, &exc);
        }
        r
    }

    /// Whether handler `h` catches `exc` (evaluating its type expression).
    pub fn handler_matches(&self, h: &Handler, exc: &Exc, f: &mut Frame) -> PyResult<bool> {
        let Some(typ) = &h.typ else { return Ok(true) };
        let t = self.eval(typ, f)?;
        self.exception_matches(exc, &t)
    }

    /// Whether `exc` is an instance of the class (or tuple of classes) `t`.
    pub fn exception_matches(&self, exc: &Exc, t: &Value) -> PyResult<bool> {
        match t {
            Value::Class(c) if c.is_subclass(&self.types.base_exception) => Ok(exc_matches(exc, c)),
            Value::Tuple(items) => {
                for item in items.iter() {
                    if self.exception_matches(exc, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }

    /// Builds the exception a `raise` statement raises.
    pub fn exec_raise(
        &self,
        exc: Option<&Expr>,
        cause: Option<&Expr>,
        f: &mut Frame,
    ) -> PyResult<Exc> {
        let Some(exc) = exc else {
            return match self.handling.borrow().last() {
                Some(e) => Ok(e.clone()),
                None => Err(super::errors::runtime_error(
                    "No active exception to reraise",
                )),
            };
        };
        let v = self.eval(exc, f)?;
        let e = self.make_exception(v)?;
        if let Some(cause) = cause {
            let c = self.eval(cause, f)?;
            self.set_cause(&e, c)?;
        }
        if let Some(h) = self.handling.borrow().last() {
            self.raise_context(&e, h);
        }
        f.add_traceback_line(&e);
        Ok(e)
    }

    /// `raise e` while `handled` is being handled: `e.__context__` becomes
    /// `handled` even if `e` had one (a saved exception raised again), and
    /// a chain from `handled` back to `e` is cut there, as CPython does.
    pub fn raise_context(&self, e: &Exc, handled: &Exc) {
        if e.same(handled) {
            return;
        }
        let mut link = handled.value();
        // A chain made into a loop by hand (`a.__context__ = b`) without
        // `e` in it: stop after a bounded walk.
        for _ in 0..100_000 {
            let Value::Instance(i) = &link else { break };
            let Some(data) = i.exception() else { break };
            let next = data.context.borrow().clone();
            match next {
                Some(Value::Instance(n))
                    if std::ptr::eq(&raw const *n, &raw const **e.instance()) =>
                {
                    *data.context.borrow_mut() = None;
                    break;
                }
                Some(n) => link = n,
                None => break,
            }
        }
        *e.data().context.borrow_mut() = Some(handled.value());
    }

    /// `raise e from c`: sets `__cause__` and `__suppress_context__`.
    pub fn set_cause(&self, e: &Exc, c: Value) -> PyResult<()> {
        let cause = match c {
            Value::None => None,
            Value::Class(_) => Some(self.make_exception(c)?.value()),
            Value::Instance(ref i) if i.exception().is_some() => Some(c),
            _ => {
                return Err(type_error(
                    "exception causes must derive from BaseException",
                ));
            }
        };
        *e.data().cause.borrow_mut() = cause;
        e.data().suppress_context.set(true);
        Ok(())
    }

    /// Turns the operand of `raise` into an exception (instantiating classes).
    pub fn make_exception(&self, v: Value) -> PyResult<Exc> {
        match &v {
            Value::Instance(i) => {
                if let Some(e) = Exc::from_instance(i.clone()) {
                    return Ok(e);
                }
            }
            Value::Class(c) if c.is_subclass(&self.types.base_exception) => {
                let inst = self.call(&v, &[], &[])?;
                if let Value::Instance(i) = &inst
                    && let Some(e) = Exc::from_instance(i.clone())
                {
                    return Ok(e);
                }
                return Err(type_error(format!(
                    "calling {} should have returned an instance of BaseException, not {}",
                    self.repr(&v)?,
                    self.type_name(&inst)
                )));
            }
            _ => {}
        }
        Err(type_error("exceptions must derive from BaseException"))
    }

    /// Binds `value` to an assignment target.
    pub fn assign(&self, t: &Target, value: Value, f: &mut Frame) -> PyResult<()> {
        match t {
            Target::Name(r) => self.store_name(*r, value, f),
            Target::Attr(obj, name) => {
                let o = self.eval(obj, f)?;
                self.set_attr(&o, *name, value)
            }
            Target::Subscript(obj, index) => {
                let o = self.eval(obj, f)?;
                let i = self.eval(index, f)?;
                self.set_item(&o, i, value)
            }
            Target::Unpack(targets, star) => {
                let items = self.unpack(&value, targets.len(), *star)?;
                for (t, v) in targets.iter().zip(items) {
                    self.assign(t, v, f)?;
                }
                Ok(())
            }
        }
    }

    /// Splits `value` into `n` values for an unpacking target; with a star
    /// at `star`, that position receives a list of the surplus.
    pub fn unpack(&self, value: &Value, n: usize, star: Option<usize>) -> PyResult<Vec<Value>> {
        let items = match value {
            Value::Tuple(t) => t.to_vec(),
            Value::List(l) => l.borrow().clone(),
            _ => {
                if !self.is_iterable(value) {
                    return Err(type_error(format!(
                        "cannot unpack non-iterable {} object",
                        self.type_name(value)
                    )));
                }
                let mut out = Vec::new();
                let mut it = self.iter_start(value)?;
                while let Some(v) = it.next(self)? {
                    out.push(v);
                    if star.is_none() && out.len() > n {
                        break;
                    }
                }
                out
            }
        };
        match star {
            None => {
                if items.len() < n {
                    return Err(super::errors::value_error(format!(
                        "not enough values to unpack (expected {n}, got {})",
                        items.len()
                    )));
                }
                if items.len() > n {
                    return Err(super::errors::value_error(format!(
                        "too many values to unpack (expected {n})"
                    )));
                }
                Ok(items)
            }
            Some(s) => {
                let after = n - s - 1;
                if items.len() < n - 1 {
                    return Err(super::errors::value_error(format!(
                        "not enough values to unpack (expected at least {}, got {})",
                        n - 1,
                        items.len()
                    )));
                }
                let mut items = items;
                let tail = items.split_off(items.len() - after);
                let middle = items.split_off(s);
                let mut out = items;
                out.push(Value::list(middle));
                out.extend(tail);
                Ok(out)
            }
        }
    }

    fn delete_target(&self, t: &Target, f: &mut Frame) -> PyResult<()> {
        match t {
            Target::Name(r) => self.delete_name(*r, f),
            Target::Attr(obj, name) => {
                let o = self.eval(obj, f)?;
                self.del_attr(&o, *name)
            }
            Target::Subscript(obj, index) => {
                let o = self.eval(obj, f)?;
                let i = self.eval(index, f)?;
                self.del_item(&o, &i)
            }
            Target::Unpack(targets, _) => targets.iter().try_for_each(|t| self.delete_target(t, f)),
        }
    }

    fn aug_assign(
        &self,
        target: &Target,
        op: crate::ast::BinOp,
        value: &Expr,
        f: &mut Frame,
    ) -> PyResult<()> {
        match target {
            Target::Name(r) => {
                let cur = self.load_name(*r, f)?;
                let v = self.eval(value, f)?;
                if let (crate::ast::BinOp::Add, Value::Str(head), Value::Str(tail)) = (op, &cur, &v)
                {
                    // Growing may copy: checked like `cur + tail`.
                    self.reserve(head.as_str().len() + tail.as_str().len())?;
                    let joined = append_in_place(*r, cur, tail, f);
                    return self.store_name(*r, joined, f);
                }
                let new = self.inplace_op(op, cur, &v)?;
                self.store_name(*r, new, f)
            }
            Target::Attr(obj, name) => {
                let o = self.eval(obj, f)?;
                let cur = self.get_attr(&o, *name)?;
                let v = self.eval(value, f)?;
                let new = self.inplace_op(op, cur, &v)?;
                self.set_attr(&o, *name, new)
            }
            Target::Subscript(obj, index) => {
                let o = self.eval(obj, f)?;
                let i = self.eval(index, f)?;
                let cur = self.get_item(&o, &i)?;
                let v = self.eval(value, f)?;
                let new = self.inplace_op(op, cur, &v)?;
                self.set_item(&o, i, new)
            }
            Target::Unpack(..) => {
                unreachable!("the resolver rejects unpacking in augmented assignment")
            }
        }
    }

    fn exec_with(
        &self,
        items: &[(Expr, Option<Target>)],
        body: &[Stmt],
        f: &mut Frame,
    ) -> PyResult<Flow> {
        let Some(((ctx_expr, target), rest)) = items.split_first() else {
            return self.exec_block(body, f);
        };
        let mgr = self.eval(ctx_expr, f)?;
        let (exit, entered) = self.enter_context(&mgr)?;
        let inner = match target {
            Some(t) => self
                .assign(t, entered, f)
                .and_then(|()| self.exec_with(rest, body, f)),
            None => self.exec_with(rest, body, f),
        };
        if let Err(exc) = &inner {
            f.record_traceback(exc);
        }
        self.exit_context(&exit, inner)
    }

    /// The `__traceback__` of an exception: a traceback object once it has
    /// passed through a frame, else `None`.
    #[must_use]
    pub fn traceback_object(&self, e: &Exc) -> Value {
        let data = e.data();
        let entries: Vec<_> = data.traceback.borrow().iter().rev().cloned().collect();
        crate::builtins::introspect::traceback_object(self, entries.into())
    }

    /// Calls `__enter__`, returning the bound `__exit__` and the entered value.
    pub fn enter_context(&self, mgr: &Value) -> PyResult<(Value, Value)> {
        let ty = self.type_of(mgr);
        let (Some(enter), Some(exit)) = (ty.lookup(sym::__enter__), ty.lookup(sym::__exit__))
        else {
            let missing = if ty.lookup(sym::__enter__).is_none() {
                ""
            } else {
                " (missed __exit__ method)"
            };
            return Err(type_error(format!(
                "'{}' object does not support the context manager protocol{missing}",
                ty.name
            )));
        };
        let entered = self.call(&enter, std::slice::from_ref(mgr), &[])?;
        Ok((self.bind_method(mgr, exit), entered))
    }

    /// Calls `__exit__` with the outcome of the body; a true result
    /// swallows the exception.
    pub fn exit_context(&self, exit: &Value, inner: PyResult<Flow>) -> PyResult<Flow> {
        match inner {
            Ok(flow) => {
                self.call(exit, &[Value::None, Value::None, Value::None], &[])?;
                Ok(flow)
            }
            Err(e) => {
                self.handling.borrow_mut().push(e.clone());
                let args = [
                    Value::Class(e.instance().class()),
                    e.value(),
                    self.traceback_object(&e),
                ];
                let r = self.call(exit, &args, &[]);
                self.handling.borrow_mut().pop();
                match r {
                    Ok(v) if self.truthy(&v)? => Ok(Flow::Normal),
                    Ok(_) => Err(e),
                    Err(e2) => {
                        self.chain_context(&e2, &e);
                        Err(e2)
                    }
                }
            }
        }
    }
}

/// `name += tail` for a string: when the variable holds the only reference
/// (after dropping its own), the text grows in place instead of being
/// copied, so a loop building a string stays linear (CPython does the same).
fn append_in_place(r: NameRef, mut cur: Value, tail: &PyStr, f: &mut Frame) -> Value {
    // Drop the variable's own reference; it is rebound right after.
    match r {
        NameRef::Local(slot) => f.locals[slot as usize] = None,
        NameRef::Global(slot, _) => {
            f.module.globals.clear_slot(slot as usize);
        }
        NameRef::Cell(_) | NameRef::Free(_) | NameRef::ClassBody(_) => {}
    }
    if let Value::Str(s) = &mut cur
        && let Some(text) = Rc::get_mut(s)
    {
        text.push_str(tail);
        return cur;
    }
    let Value::Str(s) = &cur else {
        unreachable!("checked by the caller")
    };
    let mut text = String::with_capacity(s.as_str().len() + tail.as_str().len());
    text.push_str(s.as_str());
    text.push_str(tail.as_str());
    Value::str(text)
}
