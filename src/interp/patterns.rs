//! `match` statements: trying each `case` pattern against the subject.
//!
//! A pattern's names are bound only once the whole pattern matched (the
//! bindings are gathered first), then the guard decides; names bound by a
//! case whose guard fails stay bound, as in CPython.

use super::errors::type_error;
use super::{Frame, Vm};
use crate::ir::{MatchCase, NameRef, Pattern};
use crate::value::{PyResult, Symbol, Value, sym};

/// Names a pattern binds, in the order it meets them.
type Bindings = Vec<(NameRef, Value)>;

impl Vm {
    /// The index of the first case whose pattern matches `subject` and
    /// whose guard holds (its names are bound), if any.
    pub fn select_case(
        &self,
        cases: &[MatchCase],
        subject: &Value,
        f: &mut Frame,
    ) -> PyResult<Option<usize>> {
        for (i, case) in cases.iter().enumerate() {
            let mut binds = Bindings::new();
            if !self.match_pattern(&case.pattern, subject, f, &mut binds)? {
                continue;
            }
            for (name, v) in binds {
                self.store_name(name, v, f)?;
            }
            if let Some(g) = &case.guard {
                let ok = self.eval(g, f)?;
                if !self.truthy(&ok)? {
                    continue;
                }
            }
            return Ok(Some(i));
        }
        Ok(None)
    }

    fn match_pattern(
        &self,
        p: &Pattern,
        v: &Value,
        f: &mut Frame,
        binds: &mut Bindings,
    ) -> PyResult<bool> {
        match p {
            Pattern::Wildcard => Ok(true),
            Pattern::Capture(name) => {
                binds.push((*name, v.clone()));
                Ok(true)
            }
            Pattern::Value(e) => {
                let expected = self.eval(e, f)?;
                self.eq(v, &expected)
            }
            Pattern::Singleton(s) => Ok(v.is(s)),
            Pattern::As(inner, name) => {
                if !self.match_pattern(inner, v, f, binds)? {
                    return Ok(false);
                }
                binds.push((*name, v.clone()));
                Ok(true)
            }
            Pattern::Or(alternatives) => {
                for alt in alternatives {
                    let mut trial = Bindings::new();
                    if self.match_pattern(alt, v, f, &mut trial)? {
                        binds.extend(trial);
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Pattern::Sequence(items, star) => self.match_sequence(items, *star, v, f, binds),
            Pattern::Mapping(pairs, rest) => self.match_mapping(pairs, *rest, v, f, binds),
            Pattern::Class(class, positional, keywords) => {
                self.match_class(class, positional, keywords, v, f, binds)
            }
        }
    }

    fn match_sequence(
        &self,
        items: &[Pattern],
        star: Option<(usize, Option<NameRef>)>,
        v: &Value,
        f: &mut Frame,
        binds: &mut Bindings,
    ) -> PyResult<bool> {
        // Sequences are lists, tuples, ranges and deques; never strings.
        let values: Vec<Value> = match v {
            Value::List(l) => l.borrow().clone(),
            Value::Tuple(t) => t.to_vec(),
            Value::Range(_) => self.collect_iterable(v)?,
            Value::Native(n) if &*n.class.name == "deque" => self.collect_iterable(v)?,
            _ => return Ok(false),
        };
        match star {
            None => {
                if values.len() != items.len() {
                    return Ok(false);
                }
                for (p, x) in items.iter().zip(&values) {
                    if !self.match_pattern(p, x, f, binds)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
            Some((at, name)) => {
                if values.len() < items.len() {
                    return Ok(false);
                }
                let tail = items.len() - at;
                let middle_end = values.len() - tail;
                for (p, x) in items[..at].iter().zip(&values[..at]) {
                    if !self.match_pattern(p, x, f, binds)? {
                        return Ok(false);
                    }
                }
                if let Some(name) = name {
                    binds.push((name, Value::list(values[at..middle_end].to_vec())));
                }
                for (p, x) in items[at..].iter().zip(&values[middle_end..]) {
                    if !self.match_pattern(p, x, f, binds)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
        }
    }

    fn match_mapping(
        &self,
        pairs: &[(crate::ir::Expr, Pattern)],
        rest: Option<NameRef>,
        v: &Value,
        f: &mut Frame,
        binds: &mut Bindings,
    ) -> PyResult<bool> {
        let Value::Dict(d) = v else {
            return Ok(false);
        };
        let mut keys = Vec::with_capacity(pairs.len());
        for (key, p) in pairs {
            let k = self.eval(key, f)?;
            let found = self.dict_get(&d.borrow(), &k)?;
            let Some(x) = found else {
                return Ok(false);
            };
            if !self.match_pattern(p, &x, f, binds)? {
                return Ok(false);
            }
            keys.push(k);
        }
        if let Some(name) = rest {
            let mut remaining = crate::value::DictMap::new();
            let entries: Vec<(Value, Value)> = d
                .borrow()
                .iter()
                .map(|e| (e.key.clone(), e.value.clone()))
                .collect();
            for (k, x) in entries {
                let mut taken = false;
                for used in &keys {
                    if self.eq(&k, used)? {
                        taken = true;
                        break;
                    }
                }
                if !taken {
                    self.dict_set(&mut remaining, k, x)?;
                }
            }
            binds.push((name, Value::dict(remaining)));
        }
        Ok(true)
    }

    fn match_class(
        &self,
        class: &crate::ir::Expr,
        positional: &[Pattern],
        keywords: &[(Symbol, Pattern)],
        v: &Value,
        f: &mut Frame,
        binds: &mut Bindings,
    ) -> PyResult<bool> {
        let cls = self.eval(class, f)?;
        let Value::Class(cls) = &cls else {
            return Err(type_error("called match pattern must be a class"));
        };
        if !self.type_of(v).is_subclass(cls) {
            return Ok(false);
        }
        let mut attrs: Vec<(Symbol, &Pattern)> = Vec::with_capacity(positional.len());
        if !positional.is_empty() {
            let t = &self.types;
            let self_matching = [
                &t.bool,
                &t.dict,
                &t.float,
                &t.frozenset,
                &t.int,
                &t.list,
                &t.set,
                &t.str,
                &t.tuple,
            ]
            .iter()
            .any(|b| std::rc::Rc::ptr_eq(b, cls));
            let match_args = cls.lookup(sym::__match_args__);
            if self_matching && match_args.is_none() {
                if positional.len() > 1 {
                    return Err(type_error(format!(
                        "{}() accepts 1 positional sub-pattern ({} given)",
                        cls.name,
                        positional.len()
                    )));
                }
                if !self.match_pattern(&positional[0], v, f, binds)? {
                    return Ok(false);
                }
            } else {
                let names = match &match_args {
                    None => Vec::new(),
                    Some(Value::Tuple(t)) => t.to_vec(),
                    Some(other) => {
                        return Err(type_error(format!(
                            "{}.__match_args__ must be a tuple (got {})",
                            cls.name,
                            self.type_name(other)
                        )));
                    }
                };
                if positional.len() > names.len() {
                    let plural = if names.len() == 1 { "" } else { "s" };
                    return Err(type_error(format!(
                        "{}() accepts {} positional sub-pattern{plural} ({} given)",
                        cls.name,
                        names.len(),
                        positional.len()
                    )));
                }
                for (name, p) in names.iter().zip(positional) {
                    let Value::Str(s) = name else {
                        return Err(type_error(format!(
                            "__match_args__ elements must be strings (got {})",
                            self.type_name(name)
                        )));
                    };
                    attrs.push((Symbol::intern(s.as_str()), p));
                }
            }
        }
        for (name, p) in keywords {
            if attrs.iter().any(|(n, _)| n == name) {
                return Err(type_error(format!(
                    "{}() got multiple sub-patterns for attribute '{name}'",
                    cls.name
                )));
            }
            attrs.push((*name, p));
        }
        for (name, p) in attrs {
            let Some(x) = self.get_attr_opt(v, name)? else {
                return Ok(false);
            };
            if !self.match_pattern(p, &x, f, binds)? {
                return Ok(false);
            }
        }
        Ok(true)
    }
}
