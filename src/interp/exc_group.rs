//! Exception groups: splitting them by type and running `except*` clauses.

use super::errors::{new_exception, type_error};
use super::{Flow, Frame, Vm};
use crate::ir::Handler;
use crate::value::{Exc, PyResult, Value};

/// Which `except*` clause receives which part of a group, and what is left.
pub struct StarPlan {
    /// (handler index, the sub-group it handles), in clause order.
    pub matches: Vec<(usize, Exc)>,
    /// The part no clause matched.
    pub rest: Option<Exc>,
    /// The group matched against (the raised one, or a wrapper around a
    /// naked exception).
    pub subject: Exc,
}

impl Vm {
    /// Whether `exc` is an exception group.
    #[must_use]
    pub fn is_group(&self, exc: &Exc) -> bool {
        exc.instance()
            .class()
            .is_subclass(&self.types.base_exception_group)
    }

    /// The sub-exceptions of a group.
    #[must_use]
    pub fn group_members(&self, exc: &Exc) -> Vec<Exc> {
        let args = super::errors::exception_args(exc);
        let items = match args.get(1) {
            Some(Value::List(l)) => l.borrow().clone(),
            Some(Value::Tuple(t)) => t.to_vec(),
            _ => Vec::new(),
        };
        items
            .into_iter()
            .filter_map(|v| match v {
                Value::Instance(i) => Exc::from_instance(i),
                _ => None,
            })
            .collect()
    }

    /// A new group holding `members`: `ExceptionGroup` when all are
    /// `Exception`s, else `BaseExceptionGroup`.
    #[must_use]
    pub fn new_group(&self, message: &str, members: Vec<Exc>) -> Exc {
        let all_exceptions = members
            .iter()
            .all(|e| e.instance().class_is_subclass(&self.types.exception));
        let class = if all_exceptions {
            &self.types.exception_group
        } else {
            &self.types.base_exception_group
        };
        let list = Value::list(members.iter().map(Exc::value).collect());
        new_exception(class, vec![Value::str(message), list])
    }

    /// The group `except*` matches a naked exception against: CPython
    /// builds it with a one-element tuple, not a list, and its repr shows
    /// that: `ExceptionGroup('', (ValueError(),))`.
    #[must_use]
    fn wrap_naked(&self, exc: &Exc) -> Exc {
        let class = if exc.instance().class_is_subclass(&self.types.exception) {
            &self.types.exception_group
        } else {
            &self.types.base_exception_group
        };
        new_exception(class, vec![Value::str(""), Value::tuple(vec![exc.value()])])
    }

    /// `eg.derive(members)`: same message, cause and context.
    #[must_use]
    pub fn derive_group(&self, eg: &Exc, members: Vec<Exc>) -> Exc {
        let message = match super::errors::exception_args(eg).first() {
            Some(Value::Str(s)) => s.as_str().to_string(),
            _ => String::new(),
        };
        let g = self.new_group(&message, members);
        *g.data().cause.borrow_mut() = eg.data().cause.borrow().clone();
        *g.data().context.borrow_mut() = eg.data().context.borrow().clone();
        *g.data().traceback.borrow_mut() = eg.data().traceback.borrow().clone();
        g
    }

    /// Splits a group into the part matching `typ` and the rest.
    pub fn group_split(&self, eg: &Exc, typ: &Value) -> PyResult<(Option<Exc>, Option<Exc>)> {
        let matches = match typ {
            Value::Class(_) | Value::Tuple(_) => self.exception_matches(eg, typ)?,
            // `split`/`subgroup` also take a predicate.
            predicate => {
                let r = self.call(predicate, &[eg.value()], &[])?;
                self.truthy(&r)?
            }
        };
        if matches {
            return Ok((Some(eg.clone()), None));
        }
        if !self.is_group(eg) {
            return Ok((None, Some(eg.clone())));
        }
        let mut matched = Vec::new();
        let mut rest = Vec::new();
        let mut changed = false;
        for member in self.group_members(eg) {
            let (m, r) = self.group_split(&member, typ)?;
            if let Some(m) = m {
                changed = true;
                matched.push(m);
            }
            if let Some(r) = r {
                if !r.same(&member) {
                    changed = true;
                }
                rest.push(r);
            }
        }
        if !changed {
            return Ok((None, Some(eg.clone())));
        }
        let m = (!matched.is_empty()).then(|| self.derive_group(eg, matched));
        let r = (!rest.is_empty()).then(|| self.derive_group(eg, rest));
        Ok((m, r))
    }

    /// Decides which `except*` clause gets which part of `exc`.
    pub fn star_plan(&self, exc: &Exc, handlers: &[Handler], f: &mut Frame) -> PyResult<StarPlan> {
        let naked = !self.is_group(exc);
        let subject = if naked {
            self.wrap_naked(exc)
        } else {
            exc.clone()
        };
        let mut rest = Some(subject.clone());
        let mut matches = Vec::new();
        for (i, h) in handlers.iter().enumerate() {
            let Some(r) = rest.clone() else { break };
            let Some(t) = &h.typ else {
                return Err(type_error("except* requires an exception type"));
            };
            let typ = self.eval(t, f)?;
            self.check_star_type(&typ)?;
            // A naked exception is caught whole, in its wrapper, or not at all.
            let (m, r2) = if naked {
                if self.exception_matches(exc, &typ)? {
                    (Some(r), None)
                } else {
                    (None, Some(r))
                }
            } else {
                self.group_split(&r, &typ)?
            };
            if let Some(m) = m {
                matches.push((i, m));
            }
            rest = r2;
        }
        Ok(StarPlan {
            matches,
            rest,
            subject,
        })
    }

    fn check_star_type(&self, typ: &Value) -> PyResult<()> {
        let bad = |c: &crate::value::Class| c.is_subclass(&self.types.base_exception_group);
        let is_bad = match typ {
            Value::Class(c) => bad(c),
            Value::Tuple(items) => items.iter().any(|i| matches!(i, Value::Class(c) if bad(c))),
            _ => false,
        };
        if is_bad {
            return Err(type_error(
                "catching ExceptionGroup with except* is not allowed. Use except instead.",
            ));
        }
        Ok(())
    }

    /// What leaves a `try`/`except*` once every clause has run.
    pub fn finish_star(
        &self,
        original: Exc,
        rest: Option<Exc>,
        raised: Vec<Exc>,
    ) -> PyResult<Flow> {
        let subject_untouched = |r: &Exc| {
            r.same(&original)
                || (!self.is_group(&original)
                    && self.group_members(r).len() == 1
                    && self.group_members(r)[0].same(&original))
        };
        if raised.is_empty() {
            return match rest {
                None => Ok(Flow::Normal),
                Some(r) if subject_untouched(&r) => Err(original),
                Some(r) => Err(r),
            };
        }
        let mut all = raised;
        if let Some(r) = rest {
            all.push(r);
        }
        if all.len() == 1 {
            return Err(all.pop().expect("one exception"));
        }
        Err(self.new_group("", all))
    }

    /// Runs `except*` clauses (synchronously).
    pub fn run_star_handlers(
        &self,
        exc: Exc,
        handlers: &[Handler],
        f: &mut Frame,
    ) -> PyResult<Flow> {
        let plan = self.star_plan(&exc, handlers, f)?;
        let mut raised = Vec::new();
        for (index, matched) in plan.matches {
            let h = &handlers[index];
            if let Some(name) = h.name {
                self.store_name(name, matched.value(), f)?;
            }
            self.handling.borrow_mut().push(matched.clone());
            let r = self.exec_block(&h.body, f);
            self.handling.borrow_mut().pop();
            match r {
                Ok(Flow::Normal) => {}
                Ok(other) => return Ok(other),
                Err(e) => raised.push(e),
            }
        }
        let _ = &plan.subject;
        self.finish_star(exc, plan.rest, raised)
    }

    /// The message of a group, for `eg.message`.
    #[must_use]
    pub fn group_message(&self, exc: &Exc) -> Value {
        super::errors::exception_args(exc)
            .first()
            .cloned()
            .unwrap_or(Value::None)
    }
}
