//! Evaluation that can suspend: bodies of generators and coroutines.
//!
//! These async functions mirror [`super::stmt`] and [`super::expr`] but only
//! for nodes marked `suspends`; every other subtree goes straight to the
//! synchronous evaluator. The whole body of one frame is one future (boxed
//! once, by the generator object); a box is added only where the
//! suspendable path recurses into a nested block or expression.

use super::errors::{system_error, type_error};
use super::generator::{GenState, GenStep, Generator, Resume, SuspendOnce};
use super::{Flow, Frame, Vm};
use crate::ir::{
    CompKind, Elem, Expr, ExprKind, FPart, FunctionKind, Handler, Stmt, StmtKind, Target,
};
use crate::value::{Exc, PyResult, Value, sym};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

type LocalBoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;

/// Awaits a coroutine inline: polls its body with the awaiting task's context.
struct AwaitBody<'v> {
    vm: &'v Vm,
    generator: Rc<Generator>,
}

impl Future for AwaitBody<'_> {
    type Output = PyResult;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<PyResult> {
        self.vm.poll_body(&self.generator, cx)
    }
}

/// Awaits one step of an async generator (`__anext__`, `asend`, `athrow`):
/// ready when the body yields, pending while it awaits something else.
struct AwaitAsyncGenStep<'v> {
    vm: &'v Vm,
    generator: Rc<Generator>,
}

impl Future for AwaitAsyncGenStep<'_> {
    type Output = PyResult<GenStep>;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<PyResult<GenStep>> {
        match self.vm.poll_body(&self.generator, cx) {
            Poll::Ready(Ok(v)) => Poll::Ready(Ok(GenStep::Returned(v))),
            Poll::Ready(Err(e)) => Poll::Ready(Err(e)),
            Poll::Pending => match self.generator.channel.yielded.borrow_mut().take() {
                Some(v) => {
                    self.generator.at_yield.set(true);
                    Poll::Ready(Ok(GenStep::Yielded(v)))
                }
                None => Poll::Pending,
            },
        }
    }
}

impl Vm {
    /// Runs statements, suspending where they do.
    pub async fn exec_block_async(&self, body: &[Stmt], f: &mut Frame<'_>) -> PyResult<Flow> {
        for s in body {
            self.run_finalizers(Some((&f.code.file, f.pos)));
            let flow = if s.suspends {
                self.exec_async(s, f).await?
            } else {
                self.exec(s, f)?
            };
            if !matches!(flow, Flow::Normal) {
                return Ok(flow);
            }
        }
        self.run_finalizers(Some((&f.code.file, f.pos)));
        Ok(Flow::Normal)
    }

    async fn exec_async(&self, s: &Stmt, f: &mut Frame<'_>) -> PyResult<Flow> {
        f.pos = s.span.start;
        match &s.kind {
            StmtKind::Expr(e) => {
                self.eval_async(e, f).await?;
                Ok(Flow::Normal)
            }
            StmtKind::Assign(targets, value) => {
                let v = self.eval_async(value, f).await?;
                for t in targets {
                    self.assign_async(t, v.clone(), f).await?;
                }
                Ok(Flow::Normal)
            }
            StmtKind::Return(Some(e)) => Ok(Flow::Return(self.eval_async(e, f).await?)),
            _ => self.exec_compound_async(s, f).await,
        }
    }

    fn exec_compound_async<'a>(
        &'a self,
        s: &'a Stmt,
        f: &'a mut Frame<'_>,
    ) -> LocalBoxFuture<'a, PyResult<Flow>> {
        Box::pin(async move {
            match &s.kind {
                StmtKind::AugAssign(target, op, value) => {
                    let (obj, index) = self.target_parts_async(target, f).await?;
                    let cur = match (target, &obj, &index) {
                        (Target::Name(r), _, _) => self.load_name(*r, f)?,
                        (Target::Attr(_, name), Some(o), _) => self.get_attr(o, *name)?,
                        (Target::Subscript(..), Some(o), Some(i)) => self.get_item(o, i)?,
                        _ => return Err(system_error("bad augmented assignment target")),
                    };
                    let v = self.eval_async(value, f).await?;
                    let new = self.inplace_op(*op, cur, &v)?;
                    match (target, obj, index) {
                        (Target::Name(r), _, _) => self.store_name(*r, new, f)?,
                        (Target::Attr(_, name), Some(o), _) => self.set_attr(&o, *name, new)?,
                        (Target::Subscript(..), Some(o), Some(i)) => self.set_item(&o, i, new)?,
                        _ => return Err(system_error("bad augmented assignment target")),
                    }
                    Ok(Flow::Normal)
                }
                StmtKind::Match(subject, cases) => {
                    let v = self.eval_async(subject, f).await?;
                    match self.select_case(cases, &v, f)? {
                        Some(i) => self.exec_block_async(&cases[i].body, f).await,
                        None => Ok(Flow::Normal),
                    }
                }
                StmtKind::If(test, body, orelse) => {
                    let t = self.eval_async(test, f).await?;
                    if self.truthy(&t)? {
                        self.exec_block_async(body, f).await
                    } else {
                        self.exec_block_async(orelse, f).await
                    }
                }
                StmtKind::While(test, body, orelse) => loop {
                    self.tick()?;
                    self.check_interrupt()?;
                    let t = self.eval_async(test, f).await?;
                    if !self.truthy(&t)? {
                        return self.exec_block_async(orelse, f).await;
                    }
                    match self.exec_block_async(body, f).await? {
                        Flow::Break => return Ok(Flow::Normal),
                        Flow::Normal | Flow::Continue => {}
                        ret @ Flow::Return(_) => return Ok(ret),
                    }
                },
                StmtKind::For {
                    target,
                    iter,
                    body,
                    orelse,
                    is_async,
                } => {
                    let iterable = self.eval_async(iter, f).await?;
                    if *is_async {
                        let aiter = self.aiter(&iterable)?;
                        loop {
                            self.note_await_at(f, iter.span.start);
                            let Some(item) = self.anext(&aiter).await? else {
                                break;
                            };
                            self.assign_async(target, item, f).await?;
                            match self.exec_block_async(body, f).await? {
                                Flow::Break => return Ok(Flow::Normal),
                                Flow::Normal | Flow::Continue => {}
                                ret @ Flow::Return(_) => return Ok(ret),
                            }
                        }
                    } else {
                        let mut it = self.iter_start(&iterable)?;
                        while let Some(item) = it.next(self)? {
                            self.check_interrupt()?;
                            self.assign_async(target, item, f).await?;
                            match self.exec_block_async(body, f).await? {
                                Flow::Break => return Ok(Flow::Normal),
                                Flow::Normal | Flow::Continue => {}
                                ret @ Flow::Return(_) => return Ok(ret),
                            }
                        }
                    }
                    self.exec_block_async(orelse, f).await
                }
                StmtKind::Try {
                    body,
                    handlers,
                    orelse,
                    finalbody,
                    is_star,
                } => {
                    let result = self.exec_block_async(body, f).await;
                    if let Err(exc) = &result {
                        f.record_traceback(exc);
                    }
                    let result = match result {
                        Err(exc) if *is_star => {
                            self.run_star_handlers_async(exc, handlers, f).await
                        }
                        Err(exc) => self.run_handlers_async(exc, handlers, f).await,
                        Ok(Flow::Normal) => self.exec_block_async(orelse, f).await,
                        other => other,
                    };
                    if finalbody.is_empty() {
                        return result;
                    }
                    let pending = result.as_ref().err().cloned();
                    if let Some(e) = &pending {
                        f.record_traceback(e);
                        self.handling.borrow_mut().push(e.clone());
                    }
                    let fin = self.exec_block_async(finalbody, f).await;
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
                StmtKind::With {
                    items,
                    body,
                    is_async,
                } => self.exec_with_async(items, body, *is_async, f).await,
                StmtKind::Raise(exc, cause) => {
                    let e = match exc {
                        Some(x) if x.suspends => {
                            let v = self.eval_async(x, f).await?;
                            let e = self.make_exception(v)?;
                            if let Some(c) = cause {
                                let c = self.eval_async(c, f).await?;
                                self.set_cause(&e, c)?;
                            }
                            if let Some(h) = self.handling.borrow().last() {
                                self.raise_context(&e, h);
                            }
                            e
                        }
                        _ => self.exec_raise(exc.as_ref(), cause.as_ref(), f)?,
                    };
                    Err(e)
                }
                StmtKind::Assert(test, msg) => {
                    let t = self.eval_async(test, f).await?;
                    if !self.truthy(&t)? {
                        let args = match msg {
                            Some(m) => vec![self.eval_async(m, f).await?],
                            None => vec![],
                        };
                        return Err(super::errors::new_exception(
                            &self.types.assertion_error,
                            args,
                        ));
                    }
                    Ok(Flow::Normal)
                }
                StmtKind::Delete(_)
                | StmtKind::FunctionDef(..)
                | StmtKind::ClassDef(_)
                | StmtKind::Expr(_)
                | StmtKind::Assign(..)
                | StmtKind::Return(_) => {
                    // Decorators, defaults or bases that await: evaluate the
                    // suspending parts first is not expressible here; such
                    // code is rare, so report it clearly.
                    if let StmtKind::Expr(_) | StmtKind::Assign(..) | StmtKind::Return(_) = &s.kind
                    {
                        return self.exec_async(s, f).await;
                    }
                    Err(type_error(
                        "pyco does not support 'await' in decorators, defaults, bases or del targets",
                    ))
                }
                _ => self.exec(s, f),
            }
        })
    }

    async fn assign_async(&self, t: &Target, value: Value, f: &mut Frame<'_>) -> PyResult<()> {
        if !crate::resolve::emit::target_suspends(t) {
            return self.assign(t, value, f);
        }
        match t {
            Target::Attr(obj, name) => {
                let o = self.eval_async(obj, f).await?;
                self.set_attr(&o, *name, value)
            }
            Target::Subscript(obj, index) => {
                let o = self.eval_async(obj, f).await?;
                let i = self.eval_async(index, f).await?;
                self.set_item(&o, i, value)
            }
            Target::Unpack(targets, star) => {
                let items = self.unpack(&value, targets.len(), *star)?;
                for (t, v) in targets.iter().zip(items) {
                    Box::pin(self.assign_async(t, v, f)).await?;
                }
                Ok(())
            }
            Target::Name(r) => self.store_name(*r, value, f),
        }
    }

    async fn target_parts_async(
        &self,
        t: &Target,
        f: &mut Frame<'_>,
    ) -> PyResult<(Option<Value>, Option<Value>)> {
        Ok(match t {
            Target::Name(_) => (None, None),
            Target::Attr(obj, _) => (Some(self.eval_async(obj, f).await?), None),
            Target::Subscript(obj, index) => {
                let o = self.eval_async(obj, f).await?;
                let i = self.eval_async(index, f).await?;
                (Some(o), Some(i))
            }
            Target::Unpack(..) => (None, None),
        })
    }

    async fn run_handlers_async(
        &self,
        exc: Exc,
        handlers: &[Handler],
        f: &mut Frame<'_>,
    ) -> PyResult<Flow> {
        for h in handlers {
            if !self.handler_matches(h, &exc, f)? {
                continue;
            }
            if let Some(name) = h.name {
                self.store_name(name, exc.value(), f)?;
            }
            self.handling.borrow_mut().push(exc.clone());
            let r = self.exec_block_async(&h.body, f).await;
            self.handling.borrow_mut().pop();
            if let Some(name) = h.name {
                let _ = self.delete_name(name, f);
            }
            if let Err(e2) = &r {
                self.chain_context(e2, &exc);
            }
            return r;
        }
        Err(exc)
    }

    async fn run_star_handlers_async(
        &self,
        exc: Exc,
        handlers: &[Handler],
        f: &mut Frame<'_>,
    ) -> PyResult<Flow> {
        let plan = self.star_plan(&exc, handlers, f)?;
        let mut raised = Vec::new();
        for (index, matched) in plan.matches {
            let h = &handlers[index];
            if let Some(name) = h.name {
                self.store_name(name, matched.value(), f)?;
            }
            self.handling.borrow_mut().push(matched.clone());
            let r = self.exec_block_async(&h.body, f).await;
            self.handling.borrow_mut().pop();
            match r {
                Ok(Flow::Normal) => {}
                Ok(other) => return Ok(other),
                Err(e) => raised.push(e),
            }
        }
        self.finish_star(exc, plan.rest, raised)
    }

    async fn exec_with_async(
        &self,
        items: &[(Expr, Option<Target>)],
        body: &[Stmt],
        is_async: bool,
        f: &mut Frame<'_>,
    ) -> PyResult<Flow> {
        let Some(((ctx_expr, target), rest)) = items.split_first() else {
            return self.exec_block_async(body, f).await;
        };
        let mgr = self.eval_async(ctx_expr, f).await?;
        if !is_async {
            let (exit, entered) = self.enter_context(&mgr)?;
            let inner = match target {
                Some(t) => match self.assign_async(t, entered, f).await {
                    Ok(()) => Box::pin(self.exec_with_async(rest, body, false, f)).await,
                    Err(e) => Err(e),
                },
                None => Box::pin(self.exec_with_async(rest, body, false, f)).await,
            };
            if let Err(exc) = &inner {
                f.record_traceback(exc);
            }
            return self.exit_context(&exit, inner);
        }
        let ty = self.type_of(&mgr);
        let (Some(aenter), Some(aexit)) = (ty.lookup(sym::__aenter__), ty.lookup(sym::__aexit__))
        else {
            let missing = if ty.lookup(sym::__aenter__).is_none() {
                ""
            } else {
                " (missed __aexit__ method)"
            };
            return Err(type_error(format!(
                "'{}' object does not support the asynchronous context manager protocol{missing}",
                ty.name
            )));
        };
        let entered_aw = self.call(&aenter, std::slice::from_ref(&mgr), &[])?;
        self.note_await_at(f, ctx_expr.span.start);
        let entered = self.await_value(entered_aw).await?;
        let inner = match target {
            Some(t) => match self.assign_async(t, entered, f).await {
                Ok(()) => Box::pin(self.exec_with_async(rest, body, true, f)).await,
                Err(e) => Err(e),
            },
            None => Box::pin(self.exec_with_async(rest, body, true, f)).await,
        };
        match inner {
            Ok(flow) => {
                let aw = self.call(&aexit, &[mgr, Value::None, Value::None, Value::None], &[])?;
                self.note_await_at(f, ctx_expr.span.start);
                self.await_value(aw).await?;
                Ok(flow)
            }
            Err(e) => {
                f.record_traceback(&e);
                self.handling.borrow_mut().push(e.clone());
                let tb = self.traceback_object(&e);
                let args = [mgr, Value::Class(e.instance().class()), e.value(), tb];
                let r = match self.call(&aexit, &args, &[]) {
                    Ok(aw) => {
                        self.note_await_at(f, ctx_expr.span.start);
                        self.await_value(aw).await
                    }
                    Err(e2) => Err(e2),
                };
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

    /// Evaluates an expression that may suspend.
    pub async fn eval_async(&self, e: &Expr, f: &mut Frame<'_>) -> PyResult {
        if !e.suspends {
            return self.eval(e, f);
        }
        match &e.kind {
            ExprKind::Await(inner) if !inner.suspends => {
                let v = self.eval(inner, f)?;
                f.pos = e.span.start;
                self.note_await(f);
                self.await_value(v).await
            }
            ExprKind::Yield(value) if value.as_ref().is_none_or(|v| !v.suspends) => {
                let v = match value {
                    Some(v) => self.eval(v, f)?,
                    None => Value::None,
                };
                self.yield_value(v, f).await
            }
            _ => self.eval_async_boxed(e, f).await,
        }
    }

    fn eval_async_boxed<'a>(
        &'a self,
        e: &'a Expr,
        f: &'a mut Frame<'_>,
    ) -> LocalBoxFuture<'a, PyResult> {
        Box::pin(async move {
            match &e.kind {
                ExprKind::Await(inner) => {
                    let v = self.eval_async(inner, f).await?;
                    f.pos = e.span.start;
                    self.note_await(f);
                    self.await_value(v).await
                }
                ExprKind::Yield(value) => {
                    let v = match value {
                        Some(v) => self.eval_async(v, f).await?,
                        None => Value::None,
                    };
                    self.yield_value(v, f).await
                }
                ExprKind::YieldFrom(inner) => {
                    let v = self.eval_async(inner, f).await?;
                    self.yield_from(v, f).await
                }
                ExprKind::BinOp(op, l, r) => {
                    let a = self.eval_async(l, f).await?;
                    let b = self.eval_async(r, f).await?;
                    self.binary_op(*op, &a, &b)
                }
                ExprKind::Unary(op, operand) => {
                    let v = self.eval_async(operand, f).await?;
                    self.unary_op(*op, &v)
                }
                ExprKind::BoolOp(op, values) => {
                    let last = values.len() - 1;
                    for (i, v) in values.iter().enumerate() {
                        let x = self.eval_async(v, f).await?;
                        if i == last || (*op == crate::ast::BoolOp::And) != self.truthy(&x)? {
                            return Ok(x);
                        }
                    }
                    unreachable!("a boolean operation has operands")
                }
                ExprKind::Compare(left, rest) => {
                    let mut a = self.eval_async(left, f).await?;
                    for (i, (op, right)) in rest.iter().enumerate() {
                        let b = self.eval_async(right, f).await?;
                        let r = self.compare_value(*op, &a, &b)?;
                        if i == rest.len() - 1 || !self.truthy(&r)? {
                            return Ok(r);
                        }
                        a = b;
                    }
                    unreachable!("a comparison has operators")
                }
                ExprKind::IfExp(test, body, orelse) => {
                    let t = self.eval_async(test, f).await?;
                    if self.truthy(&t)? {
                        self.eval_async(body, f).await
                    } else {
                        self.eval_async(orelse, f).await
                    }
                }
                ExprKind::Call(func, args) => {
                    let callee = self.eval_async(func, f).await?;
                    let (pos, kw) = self.eval_args_async(args, f).await?;
                    f.pos = e.span.start;
                    self.call(&callee, &pos, &kw)
                }
                ExprKind::FrameCall(which, func, args) => {
                    let callee = self.eval_async(func, f).await?;
                    let (pos, kw) = self.eval_args_async(args, f).await?;
                    f.pos = e.span.start;
                    self.call_frame_builtin(*which, &callee, &pos, &kw, f)
                }
                ExprKind::CallMethod(obj, name, args) => {
                    let receiver = self.eval_async(obj, f).await?;
                    let (pos, kw) = self.eval_args_async(args, f).await?;
                    f.pos = e.span.start;
                    self.call_method(&receiver, *name, pos, &kw)
                }
                ExprKind::Attr(obj, name) => {
                    let o = self.eval_async(obj, f).await?;
                    self.get_attr(&o, *name)
                }
                ExprKind::Subscript(obj, index) => {
                    let o = self.eval_async(obj, f).await?;
                    let i = self.eval_async(index, f).await?;
                    self.get_item(&o, &i)
                }
                ExprKind::List(items) => Ok(Value::list(self.eval_elems_async(items, f).await?)),
                ExprKind::Tuple(items) => Ok(Value::tuple(self.eval_elems_async(items, f).await?)),
                ExprKind::Set(items) => {
                    let values = self.eval_elems_async(items, f).await?;
                    self.set_display(items, values)
                }
                ExprKind::Dict(items) => {
                    let mut map = crate::value::DictMap::new();
                    for (k, v) in items {
                        if let Some(k) = k {
                            let key = self.eval_async(k, f).await?;
                            let value = self.eval_async(v, f).await?;
                            self.dict_set(&mut map, key, value)?;
                        } else {
                            let m = self.eval_async(v, f).await?;
                            self.dict_update_from(&mut map, &m, true)?;
                        }
                    }
                    Ok(Value::dict(map))
                }
                ExprKind::Walrus(target, value) => {
                    let v = self.eval_async(value, f).await?;
                    self.store_name(*target, v.clone(), f)?;
                    Ok(v)
                }
                ExprKind::FString(parts) => {
                    let mut out = String::new();
                    self.eval_fstring_async(parts, f, &mut out).await?;
                    Ok(Value::str(out))
                }
                ExprKind::Comprehension {
                    kind,
                    clauses,
                    cells,
                } => {
                    for &c in cells {
                        f.cells[c as usize] = Rc::new(std::cell::RefCell::new(None));
                    }
                    let mut acc = super::expr::CompAcc::new(kind);
                    self.comprehension_async(kind, clauses, 0, f, &mut acc)
                        .await?;
                    Ok(acc.finish())
                }
                ExprKind::GeneratorExp(t, first) => {
                    let iterable = self.eval_async(first, f).await?;
                    let it = self.genexp_source(t, &iterable)?;
                    let func = self.make_function(t, f)?;
                    self.call(&func, &[it], &[])
                }
                ExprKind::Slice(..)
                | ExprKind::Lambda(_)
                | ExprKind::Const(_)
                | ExprKind::Name(_)
                | ExprKind::SuperCall => self.eval(e, f),
            }
        })
    }

    async fn eval_elems_async(&self, items: &[Elem], f: &mut Frame<'_>) -> PyResult<Vec<Value>> {
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            match item {
                Elem::Single(e) => out.push(self.eval_async(e, f).await?),
                Elem::Starred(e) => {
                    let v = self.eval_async(e, f).await?;
                    self.extend_from_iterable(&mut out, &v)?;
                }
            }
        }
        Ok(out)
    }

    async fn eval_args_async(
        &self,
        args: &crate::ir::Args,
        f: &mut Frame<'_>,
    ) -> PyResult<(super::expr::ArgVec, super::expr::KwVec)> {
        let mut pos = super::expr::ArgVec::new();
        for item in &args.positional {
            match item {
                Elem::Single(e) => pos.push(self.eval_async(e, f).await?),
                Elem::Starred(e) => {
                    let v = self.eval_async(e, f).await?;
                    let mut items = Vec::new();
                    self.extend_from_iterable_for_call(&mut items, &v)?;
                    pos.extend(items);
                }
            }
        }
        let mut kw = super::expr::KwVec::new();
        for (name, e) in &args.keywords {
            kw.push((*name, self.eval_async(e, f).await?));
        }
        for e in &args.double_starred {
            let m = self.eval_async(e, f).await?;
            self.merge_kwargs(&mut kw, &m)?;
        }
        Ok((pos, kw))
    }

    fn eval_fstring_async<'a>(
        &'a self,
        parts: &'a [FPart],
        f: &'a mut Frame<'_>,
        out: &'a mut String,
    ) -> LocalBoxFuture<'a, PyResult<()>> {
        Box::pin(async move {
            for part in parts {
                match part {
                    FPart::Literal(s) => out.push_str(s),
                    FPart::Field {
                        value,
                        conversion,
                        spec,
                    } => {
                        let v = self.eval_async(value, f).await?;
                        let mut spec_text = String::new();
                        if let Some(spec) = spec {
                            self.eval_fstring_async(spec, f, &mut spec_text).await?;
                        }
                        self.format_field(&v, *conversion, &spec_text, out)?;
                    }
                }
            }
            Ok(())
        })
    }

    fn comprehension_async<'a>(
        &'a self,
        kind: &'a CompKind,
        clauses: &'a [crate::ir::CompClause],
        depth: usize,
        f: &'a mut Frame<'_>,
        acc: &'a mut super::expr::CompAcc,
    ) -> LocalBoxFuture<'a, PyResult<()>> {
        Box::pin(async move {
            let Some(clause) = clauses.get(depth) else {
                match kind {
                    CompKind::List(e) | CompKind::Set(e) => {
                        let v = self.eval_async(e, f).await?;
                        acc.push_values(self, v, None)?;
                    }
                    CompKind::Dict(k, v) => {
                        let key = self.eval_async(k, f).await?;
                        let value = self.eval_async(v, f).await?;
                        acc.push_values(self, key, Some(value))?;
                    }
                }
                return Ok(());
            };
            let iterable = self.eval_async(&clause.iter, f).await?;
            if clause.is_async {
                let aiter = self.aiter(&iterable)?;
                'items: while let Some(item) = {
                    self.note_await_at(f, clause.iter.span.start);
                    self.anext(&aiter).await?
                } {
                    self.assign_async(&clause.target, item, f).await?;
                    for cond in &clause.ifs {
                        let c = self.eval_async(cond, f).await?;
                        if !self.truthy(&c)? {
                            continue 'items;
                        }
                    }
                    self.comprehension_async(kind, clauses, depth + 1, f, acc)
                        .await?;
                }
            } else {
                let mut it = self.iter_start(&iterable)?;
                'items: while let Some(item) = it.next(self)? {
                    self.assign_async(&clause.target, item, f).await?;
                    for cond in &clause.ifs {
                        let c = self.eval_async(cond, f).await?;
                        if !self.truthy(&c)? {
                            continue 'items;
                        }
                    }
                    self.comprehension_async(kind, clauses, depth + 1, f, acc)
                        .await?;
                }
            }
            Ok(())
        })
    }

    /// `yield v`: hands `v` to the driver and returns what it sends back.
    async fn yield_value(&self, v: Value, f: &mut Frame<'_>) -> PyResult {
        match self.yield_raw(v, f).await? {
            Resume::Send(v) => Ok(v),
            Resume::Throw(e) => Err(e),
        }
    }

    async fn yield_raw(&self, v: Value, f: &mut Frame<'_>) -> PyResult<Resume> {
        let ch = f
            .channel
            .clone()
            .ok_or_else(|| system_error("yield outside a generator frame"))?;
        *ch.yielded.borrow_mut() = Some(v);
        SuspendOnce::new().await;
        Ok(ch
            .resume
            .borrow_mut()
            .take()
            .unwrap_or(Resume::Send(Value::None)))
    }

    /// `yield from iterable`: delegates to a sub-generator (forwarding sent
    /// values and thrown exceptions) or re-yields an iterable's items.
    async fn yield_from(&self, v: Value, f: &mut Frame<'_>) -> PyResult {
        if let Some(g) = self.as_generator(&v)
            && g.kind == FunctionKind::Generator
        {
            let mut resume = Resume::Send(Value::None);
            loop {
                match self.generator_resume(&g, resume)? {
                    GenStep::Yielded(x) => resume = self.yield_raw(x, f).await?,
                    GenStep::Returned(r) => return Ok(r),
                }
            }
        }
        if let Some(g) = self.as_generator(&v)
            && g.kind == FunctionKind::Coroutine
        {
            // `yield from coro.__await__()` in an `__await__` generator:
            // the coroutine is handed to the awaiting driver, which runs it
            // inside its task and sends back its result.
            return match self.yield_raw(v, f).await? {
                Resume::Send(r) => Ok(r),
                Resume::Throw(e) => Err(e),
            };
        }
        if let Some(fut) = crate::modules::asyncio::future::fut_of(&v) {
            // `yield from future`: yields the future, then its result.
            if !fut.done()
                && let Resume::Throw(e) = self.yield_raw(v, f).await?
            {
                return Err(e);
            }
            return crate::modules::asyncio::current_loop(self).result_of(&fut);
        }
        let mut it = self.iter_start(&v)?;
        while let Some(x) = it.next(self)? {
            if let Resume::Throw(e) = self.yield_raw(x, f).await? {
                return Err(e);
            }
        }
        Ok(Value::None)
    }

    /// [`Self::note_await`] for an implicit await (`async with`, `async
    /// for`) at `pos`, leaving the frame's position as it was.
    fn note_await_at(&self, f: &mut Frame<'_>, pos: u32) {
        let saved = std::mem::replace(&mut f.pos, pos);
        self.note_await(f);
        f.pos = saved;
    }

    /// Remembers where an `await` is about to suspend (innermost wins).
    fn note_await(&self, f: &Frame<'_>) {
        let mut site = self.await_site.borrow_mut();
        if f.code.file.name() == "<asyncio>" {
            site.inner = Some(f.code.qualname.clone());
        } else {
            site.user = Some((f.code.file.clone(), f.pos));
            site.inner = None;
        }
    }

    /// `await v`.
    pub async fn await_value(&self, v: Value) -> PyResult {
        if let Some(g) = self.as_generator(&v) {
            match g.kind {
                FunctionKind::Coroutine => return self.await_coroutine(g).await,
                // A generator from a `@types.coroutine` function.
                FunctionKind::Generator if g.iterable_coroutine.get() => {
                    return self.await_iterator(v).await;
                }
                FunctionKind::Generator | FunctionKind::AsyncGenerator | FunctionKind::Plain => {}
            }
        }
        if let Some(step) = v.downcast::<AsyncGenStep>() {
            return self.await_async_gen_step(step).await;
        }
        if let Some(r) = crate::modules::asyncio::leaves::await_native(self, &v) {
            return r.await;
        }
        let ty = self.type_of(&v);
        if let Some(m) = ty.lookup(sym::__await__)
            && matches!(v, Value::Instance(_))
        {
            let it = self.call(&m, std::slice::from_ref(&v), &[])?;
            return self.await_iterator(it).await;
        }
        Err(type_error(format!(
            "object {} can't be used in 'await' expression",
            ty.name
        )))
    }

    /// Awaits a coroutine object inline.
    pub async fn await_coroutine(&self, g: Rc<Generator>) -> PyResult {
        match g.state.get() {
            GenState::Created => {}
            GenState::Done => {
                return Err(super::errors::runtime_error(
                    "cannot reuse already awaited coroutine",
                ));
            }
            GenState::Running | GenState::Suspended => {
                return Err(super::errors::runtime_error(
                    "coroutine is being awaited already",
                ));
            }
        }
        g.awaited.set(true);
        AwaitBody {
            vm: self,
            generator: g,
        }
        .await
    }

    /// Awaits what `__await__` returned: a coroutine, or a generator whose
    /// yields are futures to wait for (`None` yields one loop iteration).
    fn await_iterator(&self, it: Value) -> LocalBoxFuture<'_, PyResult> {
        Box::pin(async move {
            let Some(g) = self.as_generator(&it) else {
                return Err(type_error(format!(
                    "__await__() returned non-iterator of type '{}'",
                    self.type_name(&it)
                )));
            };
            if g.kind == FunctionKind::Coroutine {
                return self.await_coroutine(g).await;
            }
            let mut resume = Resume::Send(Value::None);
            loop {
                match self.generator_resume(&g, resume)? {
                    GenStep::Returned(v) => return Ok(v),
                    GenStep::Yielded(Value::None) => {
                        crate::modules::asyncio::leaves::yield_once(self).await?;
                        resume = Resume::Send(Value::None);
                    }
                    GenStep::Yielded(x) => {
                        // A coroutine handed over by `yield from` gets its
                        // result back; a future, like a Task sends, None.
                        let is_coroutine = self
                            .as_generator(&x)
                            .is_some_and(|g| g.kind == FunctionKind::Coroutine);
                        resume = match self.await_value(x).await {
                            Ok(v) if is_coroutine => Resume::Send(v),
                            Ok(_) => Resume::Send(Value::None),
                            Err(e) => Resume::Throw(e),
                        };
                    }
                }
            }
        })
    }

    /// `aiter(v)`: the async iterator of `v`.
    pub fn aiter(&self, v: &Value) -> PyResult {
        if let Some(g) = self.as_generator(v)
            && g.kind == FunctionKind::AsyncGenerator
        {
            return Ok(v.clone());
        }
        let ty = self.type_of(v);
        match ty.lookup(sym::__aiter__) {
            Some(m) => self.call(&m, std::slice::from_ref(v), &[]),
            None => Err(type_error(format!(
                "'async for' requires an object with __aiter__ method, got {}",
                ty.name
            ))),
        }
    }

    /// One step of `async for`: the next item, `None` at `StopAsyncIteration`.
    pub async fn anext(&self, aiter: &Value) -> PyResult<Option<Value>> {
        if let Some(g) = self.as_generator(aiter)
            && g.kind == FunctionKind::AsyncGenerator
        {
            self.async_gen_first_iter(&g, aiter);
            return match self.async_gen_step(&g, Resume::Send(Value::None)).await? {
                GenStep::Yielded(v) => Ok(Some(v)),
                GenStep::Returned(_) => Ok(None),
            };
        }
        let ty = self.type_of(aiter);
        let Some(m) = ty.lookup(sym::__anext__) else {
            return Err(type_error(format!(
                "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                ty.name
            )));
        };
        let aw = self.call(&m, std::slice::from_ref(aiter), &[])?;
        match self.await_value(aw).await {
            Ok(v) => Ok(Some(v)),
            Err(e)
                if e.instance()
                    .class()
                    .is_subclass(&self.types.stop_async_iteration) =>
            {
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    /// Resumes an async generator until it yields or finishes.
    pub async fn async_gen_step(&self, g: &Rc<Generator>, resume: Resume) -> PyResult<GenStep> {
        match g.state.get() {
            GenState::Running => {
                return Err(super::errors::runtime_error(
                    "anext(): asynchronous generator is already running",
                ));
            }
            GenState::Done => {
                return match resume {
                    Resume::Throw(e) => Err(e),
                    Resume::Send(_) => Ok(GenStep::Returned(Value::None)),
                };
            }
            GenState::Created => {
                if let Resume::Throw(e) = resume {
                    g.state.set(GenState::Done);
                    *g.body.borrow_mut() = None;
                    return Err(e);
                }
                if matches!(resume, Resume::Send(ref v) if !matches!(v, Value::None)) {
                    return Err(super::errors::type_error(
                        "can't send non-None value to a just-started async generator",
                    ));
                }
            }
            GenState::Suspended => {
                if g.at_yield.replace(false) {
                    *g.channel.resume.borrow_mut() = Some(resume);
                }
            }
        }
        let step = AwaitAsyncGenStep {
            vm: self,
            generator: g.clone(),
        }
        .await;
        match step {
            Err(e)
                if e.instance()
                    .class()
                    .is_subclass(&self.types.stop_async_iteration) =>
            {
                Err(super::errors::runtime_error(
                    "async generator raised StopAsyncIteration",
                ))
            }
            other => other,
        }
    }

    async fn await_async_gen_step(&self, step: &AsyncGenStep) -> PyResult {
        let resume = step
            .resume
            .borrow_mut()
            .take()
            .unwrap_or(Resume::Send(Value::None));
        let close = step.close;
        match self.async_gen_step(&step.generator, resume).await {
            Ok(GenStep::Yielded(v)) => {
                if close {
                    return Err(super::errors::runtime_error(
                        "async generator ignored GeneratorExit",
                    ));
                }
                Ok(v)
            }
            Ok(GenStep::Returned(_)) => {
                if close {
                    Ok(Value::None)
                } else {
                    Err(super::errors::new_exception(
                        &self.types.stop_async_iteration,
                        vec![],
                    ))
                }
            }
            Err(e) if close && e.instance().class_is_subclass(&self.types.generator_exit) => {
                Ok(Value::None)
            }
            Err(e) => Err(e),
        }
    }
}

/// The awaitable `__anext__()`, `asend()`, `athrow()` and `aclose()` return.
pub struct AsyncGenStep {
    /// The async generator.
    pub generator: Rc<Generator>,
    /// What to resume it with.
    pub resume: std::cell::RefCell<Option<Resume>>,
    /// Whether this is `aclose()` (GeneratorExit expected back).
    pub close: bool,
}
