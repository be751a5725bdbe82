//! `repr()`, `str()`, `format()` and printf-style `%` formatting.

use super::Vm;
use super::errors::{recursion_limit_exceeded, type_error, value_error};
use crate::value::{PyResult, Value, sym};
use num_bigint::BigInt;
use std::fmt::Write as _;

impl Vm {
    /// `repr(v)`.
    pub fn repr(&self, v: &Value) -> PyResult<String> {
        Ok(match v {
            Value::None => "None".into(),
            Value::NotImplemented => "NotImplemented".into(),
            Value::Ellipsis => "Ellipsis".into(),
            Value::Bool(true) => "True".into(),
            Value::Bool(false) => "False".into(),
            Value::Int(i) => i.to_string(),
            Value::BigInt(b) => crate::format::int_to_decimal(b).map_err(value_error)?,
            Value::Float(f) => crate::format::float_repr(*f),
            Value::Str(s) => {
                self.reserve(s.as_str().len())?;
                crate::format::str_repr(s.as_str())
            }
            Value::List(l) => {
                let items = l.borrow().clone();
                self.with_repr_guard(v, "[...]", || self.join_reprs("[", &items, "]"))?
            }
            Value::Tuple(t) => {
                if t.is_empty() {
                    "()".into()
                } else if t.len() == 1 {
                    // CPython guards one-item tuples against cycles too.
                    self.with_repr_guard(v, "(...)", || Ok(format!("({},)", self.repr(&t[0])?)))?
                } else {
                    self.with_repr_guard(v, "(...)", || self.join_reprs("(", t, ")"))?
                }
            }
            Value::Dict(d) => {
                let entries: Vec<(Value, Value)> = d
                    .borrow()
                    .iter()
                    .map(|e| (e.key.clone(), e.value.clone()))
                    .collect();
                self.with_repr_guard(v, "{...}", || {
                    let mut out = String::from("{");
                    for (i, (k, val)) in entries.iter().enumerate() {
                        if i > 0 {
                            out.push_str(", ");
                        }
                        self.push_checked(&mut out, &self.repr(k)?)?;
                        out.push_str(": ");
                        self.push_checked(&mut out, &self.repr(val)?)?;
                    }
                    out.push('}');
                    Ok(out)
                })?
            }
            Value::Set(_) | Value::FrozenSet(_) => {
                let items = self.set_items(v);
                let frozen = matches!(v, Value::FrozenSet(_));
                match (items.is_empty(), frozen) {
                    (true, false) => "set()".into(),
                    (true, true) => "frozenset()".into(),
                    (false, false) => {
                        self.with_repr_guard(v, "set(...)", || self.join_reprs("{", &items, "}"))?
                    }
                    (false, true) => self.with_repr_guard(v, "frozenset(...)", || {
                        Ok(format!("frozenset({})", self.join_reprs("{", &items, "}")?))
                    })?,
                }
            }
            Value::Range(r) => {
                if r.step == 1 {
                    format!("range({}, {})", r.start, r.stop)
                } else {
                    format!("range({}, {}, {})", r.start, r.stop, r.step)
                }
            }
            Value::Slice(s) => format!(
                "slice({}, {}, {})",
                self.repr(&s.start)?,
                self.repr(&s.stop)?,
                self.repr(&s.step)?
            ),
            Value::Function(f) => {
                format!("<function {} at {:#x}>", f.qualname.borrow(), address(v))
            }
            Value::BoundMethod(m) => {
                let qual = match &m.function {
                    Value::Function(f) => f.qualname.borrow().to_string(),
                    other => self.str_of(&self.get_attr(other, sym::__name__)?)?,
                };
                format!("<bound method {qual} of {}>", self.repr(&m.receiver)?)
            }
            Value::Builtin(b) => match (&b.receiver, b.owner) {
                (Some(r), _) => format!(
                    "<built-in method {} of {} object at {:#x}>",
                    b.name,
                    self.type_name(r),
                    address(r)
                ),
                (None, Some(owner)) => format!("<method '{}' of '{owner}' objects>", b.name),
                (None, None) => format!("<built-in function {}>", b.name),
            },
            Value::Class(c) => {
                if &*c.module == "builtins" {
                    format!("<class '{}'>", c.qualname)
                } else {
                    format!("<class '{}.{}'>", c.module, c.qualname)
                }
            }
            Value::Module(m) => {
                if self.modules.borrow().get(&m.name).is_some() && &*m.name != "__main__" {
                    format!("<module '{}' (built-in)>", m.name)
                } else {
                    format!("<module '{}'>", m.name)
                }
            }
            Value::Instance(inst) => {
                if let Some(r) = inst.class_lookup(sym::__repr__) {
                    return self.call_repr_like(&r, v, "__repr__");
                }
                if inst.exception().is_some() {
                    return self.exception_repr(v);
                }
                format!(
                    "<{}.{} object at {:#x}>",
                    inst.class().module,
                    inst.class().qualname,
                    address(v)
                )
            }
            Value::Native(n) => {
                if let Some(r) = n.class.lookup(sym::__repr__) {
                    return self.call_repr_like(&r, v, "__repr__");
                }
                if &*n.class.module == "builtins" {
                    format!("<{} object at {:#x}>", n.class.name, address(v))
                } else {
                    format!(
                        "<{}.{} object at {:#x}>",
                        n.class.module,
                        n.class.name,
                        address(v)
                    )
                }
            }
        })
    }

    fn call_repr_like(&self, method: &Value, v: &Value, what: &str) -> PyResult<String> {
        let depth = self.depth.get() + 1;
        if depth > self.recursion_limit.get() {
            return Err(recursion_limit_exceeded(
                " while getting the repr of an object",
            ));
        }
        let r = self.call(method, std::slice::from_ref(v), &[])?;
        match r {
            Value::Str(s) => Ok(s.as_str().to_string()),
            other => Err(type_error(format!(
                "{what} returned non-string (type {})",
                self.type_name(&other)
            ))),
        }
    }

    fn exception_repr(&self, v: &Value) -> PyResult<String> {
        let Value::Instance(inst) = v else {
            unreachable!("exceptions are instances")
        };
        let data = inst.exception().expect("an exception");
        let args = data.args.borrow().clone();
        let name = &inst.class().name;
        Ok(match &args {
            Value::Tuple(items) if items.len() == 1 => format!("{name}({})", self.repr(&items[0])?),
            Value::Tuple(items) => format!("{name}{}", self.repr(&Value::tuple(items.to_vec()))?),
            _ => format!("{name}()"),
        })
    }

    fn join_reprs(&self, open: &str, items: &[Value], close: &str) -> PyResult<String> {
        let mut out = String::from(open);
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            self.push_checked(&mut out, &self.repr(item)?)?;
        }
        out.push_str(close);
        Ok(out)
    }

    /// Guards `repr` of containers against self-reference and deep nesting.
    fn with_repr_guard(
        &self,
        v: &Value,
        cycle: &str,
        f: impl FnOnce() -> PyResult<String>,
    ) -> PyResult<String> {
        let id = v.ptr_id().unwrap_or(0);
        if self.repr_stack.borrow().contains(&id) {
            return Ok(cycle.to_string());
        }
        self.tick()?;
        let depth = self.depth.get() + 1;
        if depth > self.recursion_limit.get() {
            return Err(recursion_limit_exceeded(
                " while getting the repr of an object",
            ));
        }
        self.depth.set(depth);
        self.repr_stack.borrow_mut().push(id);
        let r = f();
        self.repr_stack.borrow_mut().pop();
        self.depth.set(depth - 1);
        r
    }

    /// `str(v)`.
    pub fn str_of(&self, v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => {
                self.reserve(s.as_str().len())?;
                Ok(s.as_str().to_string())
            }
            Value::Instance(inst) => {
                if let Some(s) = inst.class_lookup(sym::__str__) {
                    return self.call_repr_like(&s, v, "__str__");
                }
                if inst.exception().is_some() {
                    return self.exception_str(v);
                }
                self.repr(v)
            }
            Value::Native(n) => {
                if let Some(s) = n.class.lookup(sym::__str__) {
                    return self.call_repr_like(&s, v, "__str__");
                }
                self.repr(v)
            }
            _ => self.repr(v),
        }
    }

    /// `str(exc)`: empty, the single argument, or the argument tuple.
    pub fn exception_str(&self, v: &Value) -> PyResult<String> {
        let Value::Instance(inst) = v else {
            return self.repr(v);
        };
        let Some(data) = inst.exception() else {
            return self.repr(v);
        };
        let args = data.args.borrow().clone();
        let Value::Tuple(items) = &args else {
            return Ok(String::new());
        };
        let t = &self.types;
        if inst.class_is_subclass(&t.base_exception_group) {
            let msg = items
                .first()
                .map(|m| self.str_of(m))
                .transpose()?
                .unwrap_or_default();
            let n = match items.get(1) {
                Some(Value::List(l)) => l.borrow().len(),
                Some(Value::Tuple(t)) => t.len(),
                _ => 0,
            };
            let plural = if n == 1 { "" } else { "s" };
            return Ok(format!("{msg} ({n} sub-exception{plural})"));
        }
        if inst.class_is_subclass(&t.syntax_error)
            && let [msg, Value::Tuple(detail)] = items.as_slice()
            && let [file, line, ..] = detail.as_slice()
        {
            // `msg (file, line n)`.
            return Ok(format!(
                "{} ({}, line {})",
                self.str_of(msg)?,
                self.str_of(file)?,
                self.str_of(line)?
            ));
        }
        match items.len() {
            0 => Ok(String::new()),
            1 if inst.class_is_subclass(&t.key_error) => self.repr(&items[0]),
            1 => self.str_of(&items[0]),
            _ => self.repr(&args),
        }
    }

    /// `format(v, spec)`.
    pub fn format_value(&self, v: &Value, spec: &str) -> PyResult<String> {
        let fail = |m: String| {
            if crate::format::is_overflow_message(&m) {
                super::errors::overflow_error(m)
            } else {
                value_error(m)
            }
        };
        match v {
            Value::Bool(b) if spec.is_empty() => Ok(if *b { "True" } else { "False" }.into()),
            Value::Bool(b) => {
                crate::format::format_int(&BigInt::from(i64::from(*b)), spec).map_err(fail)
            }
            Value::Int(i) => crate::format::format_int(&BigInt::from(*i), spec).map_err(fail),
            Value::BigInt(b) => crate::format::format_int(b, spec).map_err(fail),
            Value::Float(f) => crate::format::format_float(*f, spec).map_err(fail),
            Value::Str(s) => crate::format::format_str(s.as_str(), spec).map_err(fail),
            Value::Instance(_) | Value::Native(_)
                if self.type_of(v).lookup(sym::__format__).is_some() =>
            {
                let m = self.type_of(v).lookup(sym::__format__).expect("checked");
                let r = self.call(&m, &[v.clone(), Value::str(spec)], &[])?;
                match r {
                    Value::Str(s) => Ok(s.as_str().to_string()),
                    other => Err(type_error(format!(
                        "__format__ must return a str, not {}",
                        self.type_name(&other)
                    ))),
                }
            }
            _ if spec.is_empty() => self.str_of(v),
            _ => Err(type_error(format!(
                "unsupported format string passed to {}.__format__",
                self.type_name(v)
            ))),
        }
    }

    /// `fmt % args`, printf-style.
    pub fn percent_format(&self, fmt: &str, args: &Value) -> PyResult<String> {
        let (items, mapping): (Vec<Value>, Option<Value>) = match args {
            Value::Tuple(t) => (t.to_vec(), None),
            Value::Dict(_) => (vec![args.clone()], Some(args.clone())),
            Value::Instance(_) if self.type_of(args).lookup(sym::__getitem__).is_some() => {
                (vec![args.clone()], Some(args.clone()))
            }
            other => (vec![other.clone()], None),
        };
        let mut out = String::with_capacity(fmt.len());
        let mut next = 0usize;
        let mut used_mapping = false;
        let chars: Vec<char> = fmt.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            i += 1;
            if c != '%' {
                out.push(c);
                continue;
            }
            let mut key: Option<String> = None;
            if chars.get(i) == Some(&'(') {
                let mut depth = 1;
                let start = i + 1;
                let mut j = start;
                while j < chars.len() && depth > 0 {
                    match chars[j] {
                        '(' => depth += 1,
                        ')' => depth -= 1,
                        _ => {}
                    }
                    j += 1;
                }
                if depth > 0 {
                    return Err(value_error("incomplete format key"));
                }
                key = Some(chars[start..j - 1].iter().collect());
                i = j;
            }
            let mut flags = String::new();
            while let Some(&f) = chars.get(i) {
                if "-+ #0".contains(f) {
                    flags.push(f);
                    i += 1;
                } else {
                    break;
                }
            }
            let take_number = |i: &mut usize, next: &mut usize| -> PyResult<Option<String>> {
                if chars.get(*i) == Some(&'*') {
                    *i += 1;
                    let v = items
                        .get(*next)
                        .cloned()
                        .ok_or_else(|| type_error("not enough arguments for format string"))?;
                    *next += 1;
                    return Ok(Some(self.to_index(&v)?.to_string()));
                }
                let start = *i;
                while chars.get(*i).is_some_and(char::is_ascii_digit) {
                    *i += 1;
                }
                Ok((*i > start).then(|| chars[start..*i].iter().collect()))
            };
            let width = take_number(&mut i, &mut next)?;
            let precision = if chars.get(i) == Some(&'.') {
                i += 1;
                Some(take_number(&mut i, &mut next)?.unwrap_or_else(|| "0".into()))
            } else {
                None
            };
            while chars.get(i).is_some_and(|c| "hlL".contains(*c)) {
                i += 1;
            }
            let Some(&conv) = chars.get(i) else {
                return Err(value_error("incomplete format"));
            };
            i += 1;
            if conv == '%' {
                out.push('%');
                continue;
            }
            let arg = if let Some(k) = &key {
                used_mapping = true;
                let m = mapping
                    .clone()
                    .ok_or_else(|| type_error("format requires a mapping"))?;
                self.get_item(&m, &Value::str(k.as_str()))?
            } else {
                let v = items
                    .get(next)
                    .cloned()
                    .ok_or_else(|| type_error("not enough arguments for format string"))?;
                next += 1;
                v
            };
            let left = flags.contains('-');
            let mut spec = String::new();
            if left {
                spec.push('<');
            }
            if flags.contains('+') {
                spec.push('+');
            } else if flags.contains(' ') {
                spec.push(' ');
            }
            if flags.contains('#') {
                spec.push('#');
            }
            if flags.contains('0') && !left {
                spec.push('0');
            }
            if let Some(w) = &width {
                spec.push_str(w);
            }
            let text = match conv {
                's' | 'r' | 'a' => {
                    let mut s = match conv {
                        's' => self.str_of(&arg)?,
                        'r' => self.repr(&arg)?,
                        _ => super::repr::ascii_escape(&self.repr(&arg)?),
                    };
                    if let Some(p) = &precision {
                        let n: usize = p.parse().unwrap_or(0);
                        s = s.chars().take(n).collect();
                    }
                    let w: usize = width.as_deref().and_then(|w| w.parse().ok()).unwrap_or(0);
                    pad(&s, w, left)
                }
                'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                    let n = match &arg {
                        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
                            arg.to_bigint().unwrap_or_default()
                        }
                        Value::Float(f) if matches!(conv, 'd' | 'i' | 'u') => {
                            crate::format::float_to_bigint(f.trunc())
                                .map_err(super::errors::overflow_error)?
                        }
                        _ => {
                            let what = if matches!(conv, 'd' | 'i' | 'u') {
                                "a real number"
                            } else {
                                "an integer"
                            };
                            return Err(type_error(format!(
                                "%{conv} format: {what} is required, not {}",
                                self.type_name(&arg)
                            )));
                        }
                    };
                    if let Some(p) = &precision {
                        // Precision pads digits with zeros.
                        let digits = crate::format::format_int(
                            &n.magnitude().clone().into(),
                            &conv_type(conv),
                        )
                        .map_err(value_error)?;
                        let p: usize = p.parse().unwrap_or(0);
                        let body = format!(
                            "{}{digits:0>p$}",
                            if n.sign() == num_bigint::Sign::Minus {
                                "-"
                            } else {
                                ""
                            }
                        );
                        let w: usize = width.as_deref().and_then(|w| w.parse().ok()).unwrap_or(0);
                        pad(&body, w, left)
                    } else {
                        spec.push_str(&conv_type(conv));
                        crate::format::format_int(&n, &spec).map_err(value_error)?
                    }
                }
                'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                    let x = match &arg {
                        Value::Float(f) => *f,
                        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
                            super::ops::int_to_f64(&arg)?
                        }
                        _ => {
                            return Err(type_error(format!(
                                "must be real number, not {}",
                                self.type_name(&arg)
                            )));
                        }
                    };
                    spec.push('.');
                    spec.push_str(precision.as_deref().unwrap_or("6"));
                    spec.push(conv);
                    crate::format::format_float(x, &spec).map_err(value_error)?
                }
                'c' => {
                    let ch = match &arg {
                        Value::Str(s) if s.char_len() == 1 => s.as_str().to_string(),
                        Value::Int(i) => {
                            char::from_u32(*i as u32).map(String::from).ok_or_else(|| {
                                super::errors::overflow_error("%c arg not in range(0x110000)")
                            })?
                        }
                        _ => return Err(type_error("%c requires int or char")),
                    };
                    let w: usize = width.as_deref().and_then(|w| w.parse().ok()).unwrap_or(0);
                    pad(&ch, w, left)
                }
                other => {
                    return Err(value_error(format!(
                        "unsupported format character '{other}' ({:#x}) at index {}",
                        other as u32,
                        i - 1
                    )));
                }
            };
            self.push_checked(&mut out, &text)?;
        }
        if mapping.is_none() && next < items.len() && !used_mapping {
            return Err(type_error(
                "not all arguments converted during string formatting",
            ));
        }
        Ok(out)
    }
}

fn conv_type(conv: char) -> String {
    match conv {
        'x' => "x".into(),
        'X' => "X".into(),
        'o' => "o".into(),
        _ => "d".into(),
    }
}

fn pad(s: &str, width: usize, left: bool) -> String {
    let n = s.chars().count();
    if n >= width {
        return s.to_string();
    }
    let fill = " ".repeat(width - n);
    if left {
        format!("{s}{fill}")
    } else {
        format!("{fill}{s}")
    }
}

fn address(v: &Value) -> usize {
    v.ptr_id().unwrap_or(0)
}

/// `ascii()`: escapes every non-ASCII character of a repr.
#[must_use]
pub fn ascii_escape(repr: &str) -> String {
    let mut out = String::with_capacity(repr.len());
    for c in repr.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n <= 0xff {
            let _ = write!(out, "\\x{n:02x}");
        } else if n <= 0xffff {
            let _ = write!(out, "\\u{n:04x}");
        } else {
            let _ = write!(out, "\\U{n:08x}");
        }
    }
    out
}
