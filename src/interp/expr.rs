//! Synchronous expression evaluation.

use super::errors::{name_not_defined, type_error, unbound_free, unbound_local};
use super::frame::Locals;
use super::{Frame, Vm};
use crate::ast::{BoolOp, CmpOp, UnaryOp};
use crate::ir::{Args, CompKind, Elem, Expr, ExprKind, FPart, NameRef};
use crate::value::{CellRef, DictMap, PyResult, SetTable, Slice, Symbol, Value};
use smallvec::SmallVec;
use std::cell::RefCell;
use std::rc::Rc;

/// Arguments evaluated for a call: positional on the stack for short lists.
pub type ArgVec = SmallVec<[Value; 6]>;
/// Keyword arguments evaluated for a call.
pub type KwVec = SmallVec<[(Symbol, Value); 2]>;

impl Vm {
    /// Evaluates an expression that cannot suspend.
    ///
    /// A thin dispatcher: each node kind is evaluated by its own function,
    /// so this frame (entered once per node) stays small.
    #[inline]
    pub fn eval(&self, e: &Expr, f: &mut Frame) -> PyResult {
        match &e.kind {
            ExprKind::Const(v) => Ok(v.clone()),
            ExprKind::Name(r) => self.load_name(*r, f),
            ExprKind::BinOp(op, l, r) => self.eval_binop(*op, l, r, f),
            ExprKind::Compare(left, rest) => self.eval_compare(left, rest, f),
            ExprKind::Call(func, args) => self.eval_call(e, func, args, f),
            ExprKind::CallMethod(obj, name, args) => self.eval_call_method(e, obj, *name, args, f),
            ExprKind::Attr(obj, name) => self.eval_attr(e, obj, *name, f),
            ExprKind::Subscript(obj, index) => self.eval_subscript(obj, index, f),
            ExprKind::Unary(op, operand) => self.eval_unary(*op, operand, f),
            ExprKind::BoolOp(op, values) => self.eval_boolop(*op, values, f),
            ExprKind::IfExp(test, body, orelse) => self.eval_ifexp(test, body, orelse, f),
            _ => self.eval_other(e, f),
        }
    }

    /// Evaluates an operand, with constants and locals handled inline (they
    /// are most operands, and need no call).
    #[inline]
    fn operand(&self, e: &Expr, f: &mut Frame) -> PyResult {
        match &e.kind {
            ExprKind::Const(v) => Ok(v.clone()),
            ExprKind::Name(NameRef::Local(slot)) => match f.locals.get(*slot as usize) {
                Some(Some(v)) => Ok(v.clone()),
                _ => self.load_name(NameRef::Local(*slot), f),
            },
            _ => self.eval(e, f),
        }
    }

    #[inline(never)]
    fn eval_binop(&self, op: crate::ast::BinOp, l: &Expr, r: &Expr, f: &mut Frame) -> PyResult {
        let a = self.operand(l, f)?;
        let b = self.operand(r, f)?;
        if let (Value::Int(x), Value::Int(y)) = (&a, &b)
            && let Some(v) = super::ops::int_fast_binop(op, *x, *y)
        {
            return Ok(v);
        }
        self.binary_op(op, &a, &b)
    }

    #[inline(never)]
    fn eval_compare(&self, left: &Expr, rest: &[(CmpOp, Expr)], f: &mut Frame) -> PyResult {
        let mut a = self.operand(left, f)?;
        if let [(op, right)] = rest {
            let b = self.operand(right, f)?;
            if let (Value::Int(x), Value::Int(y)) = (&a, &b)
                && !matches!(op, CmpOp::In | CmpOp::NotIn)
            {
                return Ok(Value::Bool(super::ops::int_compare(*op, *x, *y)));
            }
            return self.compare_value(*op, &a, &b);
        }
        let last = rest.len() - 1;
        for (i, (op, right)) in rest.iter().enumerate() {
            let b = self.eval(right, f)?;
            let r = self.compare_value(*op, &a, &b)?;
            if i == last || !self.truthy(&r)? {
                return Ok(r);
            }
            a = b;
        }
        unreachable!("a comparison has at least one operator")
    }

    #[inline(never)]
    fn eval_call(&self, e: &Expr, func: &Expr, args: &Args, f: &mut Frame) -> PyResult {
        let callee = self.eval(func, f)?;
        if self.tracer.enabled() {
            self.note_call_site(f, e);
        }
        if args.simple && args.keywords.is_empty() {
            if let Value::Function(function) = &callee {
                // Arguments go straight into the callee's slots.
                let mut locals: Locals = self.take_locals();
                for item in &args.positional {
                    if let Elem::Single(x) = item {
                        locals.push(Some(self.operand(x, f)?));
                    }
                }
                f.pos = e.span.start;
                self.run_finalizers(Some((&f.code.file, f.pos)));
                return self.call_function_slots(function, locals);
            }
            let mut pos = ArgVec::new();
            for item in &args.positional {
                if let Elem::Single(x) = item {
                    pos.push(self.eval(x, f)?);
                }
            }
            f.pos = e.span.start;
            self.run_finalizers(Some((&f.code.file, f.pos)));
            return self.call(&callee, &pos, &[]);
        }
        let (pos, kw) = self
            .eval_args(args, f)
            .map_err(|err| self.name_call_error(err, || callee.clone()))?;
        f.pos = e.span.start;
        self.run_finalizers(Some((&f.code.file, f.pos)));
        self.call(&callee, &pos, &kw)
    }

    #[inline(never)]
    fn eval_call_method(
        &self,
        e: &Expr,
        obj: &Expr,
        name: Symbol,
        args: &Args,
        f: &mut Frame,
    ) -> PyResult {
        let receiver = self.eval(obj, f)?;
        if self.tracer.enabled() {
            self.note_call_site(f, e);
        }
        if args.simple
            && args.keywords.is_empty()
            && let Some((Value::Function(function), true)) = self.lookup_method(&receiver, name)?
        {
            // A Python method: the receiver and arguments go straight into
            // the callee's slots.
            let mut locals: Locals = self.take_locals();
            locals.push(Some(receiver));
            for item in &args.positional {
                if let Elem::Single(x) = item {
                    locals.push(Some(self.operand(x, f)?));
                }
            }
            f.pos = e.span.start;
            self.run_finalizers(Some((&f.code.file, f.pos)));
            return self.call_function_slots(&function, locals);
        }
        let (pos, kw) = self.eval_args(args, f).map_err(|err| {
            self.name_call_error(err, || {
                self.get_attr(&receiver, name).unwrap_or(Value::None)
            })
        })?;
        f.pos = e.span.start;
        self.run_finalizers(Some((&f.code.file, f.pos)));
        self.call_method(&receiver, name, pos, &kw)
    }

    #[inline(never)]
    fn eval_attr(&self, e: &Expr, obj: &Expr, name: Symbol, f: &mut Frame) -> PyResult {
        let o = self.eval(obj, f)?;
        f.pos = e.span.start;
        self.get_attr(&o, name)
    }

    #[inline(never)]
    fn eval_subscript(&self, obj: &Expr, index: &Expr, f: &mut Frame) -> PyResult {
        let o = self.eval(obj, f)?;
        let i = self.eval(index, f)?;
        if let (Value::List(l), Value::Int(n)) = (&o, &i) {
            let items = l.borrow();
            let len = items.len() as i64;
            let k = if *n < 0 { n + len } else { *n };
            if (0..len).contains(&k) {
                return Ok(items[k as usize].clone());
            }
        }
        self.get_item(&o, &i)
    }

    #[inline(never)]
    fn eval_unary(&self, op: UnaryOp, operand: &Expr, f: &mut Frame) -> PyResult {
        let v = self.eval(operand, f)?;
        self.unary_op(op, &v)
    }

    #[inline(never)]
    fn eval_boolop(&self, op: BoolOp, values: &[Expr], f: &mut Frame) -> PyResult {
        let last = values.len() - 1;
        for (i, v) in values.iter().enumerate() {
            let x = self.eval(v, f)?;
            if i == last {
                return Ok(x);
            }
            let t = self.truthy(&x)?;
            if (op == BoolOp::And) != t {
                return Ok(x);
            }
        }
        unreachable!("a boolean operation has at least two operands")
    }

    #[inline(never)]
    fn eval_ifexp(&self, test: &Expr, body: &Expr, orelse: &Expr, f: &mut Frame) -> PyResult {
        let t = self.eval(test, f)?;
        let truth = match t {
            Value::Bool(b) => b,
            other => self.truthy(&other)?,
        };
        if truth {
            self.operand(body, f)
        } else {
            self.operand(orelse, f)
        }
    }

    #[inline(never)]
    fn eval_other(&self, e: &Expr, f: &mut Frame) -> PyResult {
        match &e.kind {
            ExprKind::Slice(lo, hi, step) => {
                let mut part = |x: &Option<Box<Expr>>| -> PyResult {
                    match x {
                        Some(x) => self.eval(x, f),
                        None => Ok(Value::None),
                    }
                };
                Ok(Value::Slice(Rc::new(Slice {
                    start: part(lo)?,
                    stop: part(hi)?,
                    step: part(step)?,
                })))
            }
            ExprKind::List(items) => Ok(Value::list(self.eval_elems(items, f)?)),
            ExprKind::Tuple(items) => Ok(Value::tuple(self.eval_elems(items, f)?)),
            ExprKind::Set(items) => {
                let values = self.eval_elems(items, f)?;
                self.set_display(items, values)
            }
            ExprKind::Dict(items) => {
                let mut map = DictMap::with_capacity(items.len());
                for (k, v) in items {
                    if let Some(k) = k {
                        let key = self.eval(k, f)?;
                        let value = self.eval(v, f)?;
                        self.dict_set(&mut map, key, value)?;
                    } else {
                        let m = self.eval(v, f)?;
                        self.dict_update_from(&mut map, &m, true)?;
                    }
                }
                Ok(Value::dict(map))
            }
            ExprKind::Lambda(t) => self.make_function(t, f),
            ExprKind::Walrus(target, value) => {
                let v = self.eval(value, f)?;
                self.store_name(*target, v.clone(), f)?;
                Ok(v)
            }
            ExprKind::FString(parts) => {
                let mut out = String::new();
                self.eval_fstring(parts, f, &mut out)?;
                Ok(Value::str(out))
            }
            ExprKind::Comprehension {
                kind,
                clauses,
                cells,
            } => {
                for &c in cells {
                    f.cells[c as usize] = Rc::new(RefCell::new(None));
                }
                let mut acc = CompAcc::new(kind);
                self.run_comprehension(kind, clauses, 0, f, &mut acc)?;
                Ok(acc.finish())
            }
            ExprKind::GeneratorExp(t, first) => {
                let iterable = self.eval(first, f)?;
                let it = self.genexp_source(t, &iterable)?;
                let func = self.make_function(t, f)?;
                self.call(&func, &[it], &[])
            }
            ExprKind::SuperCall => self.zero_arg_super(f),
            ExprKind::FrameCall(which, func, args) => {
                let callee = self.eval(func, f)?;
                let (pos, kw) = self.eval_args(args, f)?;
                f.pos = e.span.start;
                self.call_frame_builtin(*which, &callee, &pos, &kw, f)
            }
            ExprKind::Await(_) | ExprKind::Yield(_) | ExprKind::YieldFrom(_) => {
                Err(super::errors::system_error(
                    "suspending expression reached the synchronous evaluator",
                ))
            }
            _ => unreachable!("handled by eval"),
        }
    }

    /// The iterator a generator expression receives as `.0`: `iter(x)`, or
    /// `aiter(x)` when its first clause is `async for`.
    pub fn genexp_source(&self, t: &crate::ir::FunctionTemplate, iterable: &Value) -> PyResult {
        let first_is_async = matches!(
            t.code.body.first().map(|s| &s.kind),
            Some(crate::ir::StmtKind::For { is_async: true, .. })
        );
        if first_is_async {
            self.aiter(iterable)
        } else {
            self.get_iter(iterable)
        }
    }

    /// Builds a set display. CPython compiles a display of three or more
    /// constants to a frozenset constant (built from the items, then rebuilt
    /// in its own iteration order when the compiler merges constants) that
    /// is copied into a new set — each step can lay the table out
    /// differently from adding the items one by one.
    pub fn set_display(&self, items: &[Elem], values: Vec<Value>) -> PyResult {
        let mut set = SetTable::new();
        for v in values {
            self.set_add(&mut set, v)?;
        }
        let all_constant = items.len() >= 3
            && items.iter().all(|i| {
                matches!(
                    i,
                    Elem::Single(Expr {
                        kind: ExprKind::Const(_),
                        ..
                    })
                )
            });
        if all_constant {
            let mut constant = SetTable::new();
            for (_, v) in set.iter() {
                self.set_add(&mut constant, v.clone())?;
            }
            let mut copy = SetTable::new();
            if copy.begin_merge(&constant) {
                set = copy;
            }
        }
        Ok(Value::Set(Rc::new(RefCell::new(set))))
    }

    /// Remembers the position of a call (for the trace's "created at").
    fn note_call_site(&self, f: &Frame, e: &Expr) {
        if f.code.file.name() != "<asyncio>" {
            let line = f.code.file.line_of(e.span.start);
            *self.call_site.borrow_mut() = Some(format!("{}:{line}", f.code.file.name()));
        }
    }

    /// Reads a variable.
    #[inline]
    pub fn load_name(&self, r: NameRef, f: &Frame) -> PyResult {
        match r {
            NameRef::Local(slot) => match &f.locals[slot as usize] {
                Some(v) => Ok(v.clone()),
                None => Err(unbound_local(&f.code.local_names[slot as usize].name())),
            },
            NameRef::Cell(i) => read_cell(&f.cells[i as usize], || {
                let name = f.code.cells.get(i as usize).map(|c| c.0);
                unbound_local(
                    &name.map_or_else(|| "?".into(), super::super::value::symbol::Symbol::name),
                )
            }),
            NameRef::Free(i) => read_cell(&f.closure[i as usize], || {
                unbound_free(&f.code.free_names[i as usize].name())
            }),
            NameRef::Global(slot, name) => {
                if let Some(v) = f.module.globals.get_slot(slot as usize) {
                    return Ok(v);
                }
                self.builtin(name)
                    .map_or_else(|| self.lazy_global_or_error(f, name), Ok)
            }
            NameRef::ClassBody(name) => {
                if let Some(ns) = &f.class_ns
                    && let Some(v) = ns.borrow().get(name)
                {
                    return Ok(v.clone());
                }
                f.module
                    .globals
                    .get(name)
                    .or_else(|| self.builtin(name))
                    .map_or_else(|| self.lazy_global_or_error(f, name), Ok)
            }
        }
    }

    /// A global of `f`'s module still to be defined (see [`super::lazy`]),
    /// or the `NameError` for `name`.
    #[cold]
    fn lazy_global_or_error(&self, f: &Frame, name: Symbol) -> PyResult {
        if f.module.lazy.get().is_some() {
            let module = f.module.clone();
            if let Some(v) = self.module_global(&module, name)? {
                return Ok(v);
            }
        }
        Err(self.name_error_in(f, name))
    }

    /// `NameError` for `name`, remembering what was visible in `f` for the
    /// traceback's "Did you mean" hint.
    pub fn name_error_in(&self, f: &Frame, name: Symbol) -> crate::value::Exc {
        let exc = name_not_defined(&name.name());
        let locals: Vec<std::rc::Rc<str>> = f
            .code
            .local_names
            .iter()
            .chain(f.code.cells.iter().map(|c| &c.0))
            .map(|s| s.name())
            .collect();
        let globals = f
            .module
            .globals
            .bound_names()
            .into_iter()
            .map(Symbol::name)
            .collect();
        let builtins = self
            .builtins
            .globals
            .bound_names()
            .into_iter()
            .map(Symbol::name)
            .collect();
        *exc.data().name_candidates.borrow_mut() = vec![locals, globals, builtins];
        exc
    }

    /// Binds a variable.
    #[inline]
    pub fn store_name(&self, r: NameRef, v: Value, f: &mut Frame) -> PyResult<()> {
        match r {
            NameRef::Local(slot) => f.locals[slot as usize] = Some(v),
            NameRef::Cell(i) => *f.cells[i as usize].borrow_mut() = Some(v),
            NameRef::Free(i) => *f.closure[i as usize].borrow_mut() = Some(v),
            NameRef::Global(slot, _) => f.module.globals.set_slot(slot as usize, v),
            NameRef::ClassBody(name) => match &f.class_ns {
                Some(ns) => ns.borrow_mut().set(name, v),
                None => f.module.globals.set(name, v),
            },
        }
        Ok(())
    }

    /// Unbinds a variable (`del x`).
    pub fn delete_name(&self, r: NameRef, f: &mut Frame) -> PyResult<()> {
        let missing = match r {
            NameRef::Local(slot) => f.locals[slot as usize]
                .take()
                .is_none()
                .then(|| unbound_local(&f.code.local_names[slot as usize].name())),
            NameRef::Cell(i) => f.cells[i as usize].borrow_mut().take().is_none().then(|| {
                unbound_local(
                    &f.code
                        .cells
                        .get(i as usize)
                        .map_or_else(|| "?".into(), |c| c.0.name()),
                )
            }),
            NameRef::Free(i) => f.closure[i as usize]
                .borrow_mut()
                .take()
                .is_none()
                .then(|| unbound_free(&f.code.free_names[i as usize].name())),
            NameRef::Global(slot, name) => (!f.module.globals.clear_slot(slot as usize))
                .then(|| name_not_defined(&name.name())),
            NameRef::ClassBody(name) => {
                let removed = if let Some(ns) = &f.class_ns {
                    ns.borrow_mut().remove(name).is_some()
                } else {
                    let slot = f.module.globals.slot(name);
                    f.module.globals.clear_slot(slot)
                };
                (!removed).then(|| name_not_defined(&name.name()))
            }
        };
        missing.map_or(Ok(()), Err)
    }

    /// Evaluates display elements, expanding `*iterable`.
    pub fn eval_elems(&self, items: &[Elem], f: &mut Frame) -> PyResult<Vec<Value>> {
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            match item {
                Elem::Single(e) => out.push(self.eval(e, f)?),
                Elem::Starred(e) => {
                    let v = self.eval(e, f)?;
                    self.extend_from_iterable(&mut out, &v)?;
                }
            }
        }
        Ok(out)
    }

    /// Evaluates call arguments.
    pub fn eval_args(&self, args: &Args, f: &mut Frame) -> PyResult<(ArgVec, KwVec)> {
        let mut pos = ArgVec::new();
        if args.simple {
            for item in &args.positional {
                if let Elem::Single(e) = item {
                    pos.push(self.eval(e, f)?);
                }
            }
        } else {
            for item in &args.positional {
                match item {
                    Elem::Single(e) => pos.push(self.eval(e, f)?),
                    Elem::Starred(e) => {
                        let v = self.eval(e, f)?;
                        let mut items = Vec::new();
                        self.extend_from_iterable_for_call(&mut items, &v)?;
                        pos.extend(items);
                    }
                }
            }
        }
        let mut kw = KwVec::new();
        for (name, e) in &args.keywords {
            kw.push((*name, self.eval(e, f)?));
        }
        for e in &args.double_starred {
            let m = self.eval(e, f)?;
            self.merge_kwargs(&mut kw, &m)?;
        }
        Ok((pos, kw))
    }

    /// Prefixes the argument-unpacking errors of a call with the callee, as
    /// CPython words them (`__main__.f() argument after * must be ...`).
    pub fn name_call_error(
        &self,
        e: crate::value::Exc,
        callee: impl FnOnce() -> Value,
    ) -> crate::value::Exc {
        if !e.instance().class_is_subclass(&self.types.type_error) {
            return e;
        }
        let args = super::errors::exception_args(&e);
        let Some(Value::Str(msg)) = args.first() else {
            return e;
        };
        let m = msg.as_str();
        let ours = m.starts_with("argument after *")
            || m.starts_with("got multiple values for keyword argument");
        if !ours {
            return e;
        }
        type_error(format!("{} {m}", self.function_str(&callee())))
    }

    /// How CPython names a callable in call errors: `module.qualname()`.
    #[must_use]
    pub fn function_str(&self, f: &Value) -> String {
        match f {
            Value::Function(func) => {
                let module = &func.module.name;
                format!("{module}.{}()", func.qualname.borrow())
            }
            Value::BoundMethod(m) => self.function_str(&m.function),
            Value::Builtin(b) => format!("{}()", b.name),
            Value::Class(c) if &*c.module == "builtins" => format!("{}()", c.qualname),
            Value::Class(c) => format!("{}.{}()", c.module, c.qualname),
            other => format!("{} object", self.type_name(other)),
        }
    }

    /// Adds `**mapping` to keyword arguments, rejecting repeats.
    pub fn merge_kwargs(&self, kw: &mut KwVec, mapping: &Value) -> PyResult<()> {
        let entries: Vec<(Value, Value)> = match mapping {
            Value::Dict(d) => d
                .borrow()
                .iter()
                .map(|e| (e.key.clone(), e.value.clone()))
                .collect(),
            // Any object with `keys()` and `__getitem__` is a mapping here.
            Value::Instance(_)
                if self
                    .get_attr_opt(mapping, Symbol::intern("keys"))?
                    .is_some() =>
            {
                let mut d = crate::value::DictMap::new();
                self.dict_update_from(&mut d, mapping, false)?;
                d.iter().map(|e| (e.key.clone(), e.value.clone())).collect()
            }
            _ => {
                return Err(type_error(format!(
                    "argument after ** must be a mapping, not {}",
                    self.type_name(mapping)
                )));
            }
        };
        for (k, v) in entries {
            let Value::Str(s) = &k else {
                return Err(type_error("keywords must be strings"));
            };
            let name = Symbol::intern(s.as_str());
            if kw.iter().any(|(n, _)| *n == name) {
                return Err(type_error(format!(
                    "got multiple values for keyword argument '{}'",
                    s.as_str()
                )));
            }
            kw.push((name, v));
        }
        Ok(())
    }

    /// Formats an f-string's parts into `out`.
    pub fn eval_fstring(&self, parts: &[FPart], f: &mut Frame, out: &mut String) -> PyResult<()> {
        for part in parts {
            match part {
                FPart::Literal(s) => out.push_str(s),
                FPart::Field {
                    value,
                    conversion,
                    spec,
                } => {
                    let v = self.eval(value, f)?;
                    let spec_text = match spec {
                        Some(spec) => {
                            let mut s = String::new();
                            self.eval_fstring(spec, f, &mut s)?;
                            s
                        }
                        None => String::new(),
                    };
                    self.format_field(&v, *conversion, &spec_text, out)?;
                }
            }
        }
        Ok(())
    }

    /// Appends one formatted replacement field.
    pub fn format_field(
        &self,
        v: &Value,
        conversion: Option<char>,
        spec: &str,
        out: &mut String,
    ) -> PyResult<()> {
        let v = match conversion {
            Some('r') => Value::str(self.repr(v)?),
            Some('s') => Value::str(self.str_of(v)?),
            Some('a') => Value::str(super::repr::ascii_escape(&self.repr(v)?)),
            _ => v.clone(),
        };
        if spec.is_empty()
            && let Value::Str(s) = &v
        {
            return self.push_checked(out, s.as_str());
        }
        self.push_checked(out, &self.format_value(&v, spec)?)
    }

    fn run_comprehension(
        &self,
        kind: &CompKind,
        clauses: &[crate::ir::CompClause],
        depth: usize,
        f: &mut Frame,
        acc: &mut CompAcc,
    ) -> PyResult<()> {
        let Some(clause) = clauses.get(depth) else {
            return acc.push(self, kind, f);
        };
        let iterable = self.eval(&clause.iter, f)?;
        let mut it = self.iter_start(&iterable)?;
        'items: while let Some(item) = it.next(self)? {
            self.assign(&clause.target, item, f)?;
            for cond in &clause.ifs {
                let c = self.eval(cond, f)?;
                if !self.truthy(&c)? {
                    continue 'items;
                }
            }
            self.run_comprehension(kind, clauses, depth + 1, f, acc)?;
        }
        Ok(())
    }
}

/// What a comprehension is accumulating.
pub enum CompAcc {
    /// A list.
    List(Vec<Value>),
    /// A set.
    Set(SetTable),
    /// A dict.
    Dict(DictMap),
}

impl CompAcc {
    /// An empty accumulator for `kind`.
    #[must_use]
    pub fn new(kind: &CompKind) -> Self {
        match kind {
            CompKind::List(_) => CompAcc::List(Vec::new()),
            CompKind::Set(_) => CompAcc::Set(SetTable::new()),
            CompKind::Dict(..) => CompAcc::Dict(DictMap::new()),
        }
    }

    fn push(&mut self, vm: &Vm, kind: &CompKind, f: &mut Frame) -> PyResult<()> {
        match (self, kind) {
            (CompAcc::List(l), CompKind::List(e)) => l.push(vm.eval(e, f)?),
            (CompAcc::Set(s), CompKind::Set(e)) => {
                let v = vm.eval(e, f)?;
                vm.set_add(s, v)?;
            }
            (CompAcc::Dict(d), CompKind::Dict(k, v)) => {
                let key = vm.eval(k, f)?;
                let value = vm.eval(v, f)?;
                vm.dict_set(d, key, value)?;
            }
            _ => unreachable!("accumulator matches its comprehension"),
        }
        Ok(())
    }

    /// Adds an already-evaluated element (or key/value pair).
    pub fn push_values(&mut self, vm: &Vm, first: Value, second: Option<Value>) -> PyResult<()> {
        match self {
            CompAcc::List(l) => l.push(first),
            CompAcc::Set(s) => vm.set_add(s, first)?,
            CompAcc::Dict(d) => vm.dict_set(d, first, second.unwrap_or(Value::None))?,
        }
        Ok(())
    }

    /// The built collection.
    #[must_use]
    pub fn finish(self) -> Value {
        match self {
            CompAcc::List(l) => Value::list(l),
            CompAcc::Set(s) => Value::Set(Rc::new(RefCell::new(s))),
            CompAcc::Dict(d) => Value::dict(d),
        }
    }
}

fn read_cell(cell: &CellRef, unbound: impl FnOnce() -> crate::value::Exc) -> PyResult {
    match &*cell.borrow() {
        Some(v) => Ok(v.clone()),
        None => Err(unbound()),
    }
}

/// Whether a comparison operator is an identity or membership test.
#[must_use]
pub fn is_identity_or_membership(op: CmpOp) -> bool {
    matches!(op, CmpOp::Is | CmpOp::IsNot | CmpOp::In | CmpOp::NotIn)
}

/// `not`, `-`, `+`, `~` names for messages.
#[must_use]
pub fn unary_symbol(op: UnaryOp) -> &'static str {
    match op {
        UnaryOp::Not => "not",
        UnaryOp::Neg => "unary -",
        UnaryOp::Pos => "unary +",
        UnaryOp::Invert => "unary ~",
    }
}
