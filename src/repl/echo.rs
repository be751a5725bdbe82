//! Echoing expression results, as CPython's `'single'` compile mode does.
//!
//! CPython compiles each expression statement of an interactive input —
//! at the top level and inside the input's own `if`/`for`/`while`/`try`/
//! `with` blocks, never inside a `def` or `class` body — into a call of
//! `sys.displayhook`, which prints `repr(value)` unless it is `None` and
//! keeps the value in `builtins._`. Here the resolved tree of the input is
//! rewritten the same way, with the hook as a constant.

use crate::interp::Vm;
use crate::ir::{Args, Code, Elem, Expr, ExprKind, Stmt, StmtKind};
use crate::value::{Builtin, PyResult, Symbol, Value};
use std::rc::Rc;

/// Wraps every echoed expression statement of `code` in a call of the
/// display hook. `code` is a freshly resolved input (not shared yet).
#[must_use]
pub fn add_display_hook(mut code: Rc<Code>) -> Rc<Code> {
    if let Some(c) = Rc::get_mut(&mut code) {
        let hook = display_hook();
        rewrite_block(&mut c.body, &hook);
    }
    code
}

fn display_hook() -> Value {
    Value::Builtin(Rc::new(Builtin {
        name: "displayhook",
        func: displayhook,
        receiver: None,
        owner: None,
        returns_coroutine: false,
        host: None,
        positional_only: false,
    }))
}

/// `sys.displayhook(value)`.
fn displayhook(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let [value] = args else {
        return Err(crate::interp::errors::type_error(format!(
            "displayhook() takes exactly one argument ({} given)",
            args.len()
        )));
    };
    if matches!(value, Value::None) {
        return Ok(Value::None);
    }
    let underscore = Symbol::intern("_");
    vm.builtins.globals.set(underscore, Value::None);
    let text = vm.repr(value)?;
    vm.write_stdout(&text);
    vm.write_stdout("\n");
    vm.builtins.globals.set(underscore, value.clone());
    Ok(Value::None)
}

fn rewrite_block(body: &mut [Stmt], hook: &Value) {
    for stmt in body {
        rewrite_stmt(stmt, hook);
    }
}

fn rewrite_stmt(stmt: &mut Stmt, hook: &Value) {
    match &mut stmt.kind {
        StmtKind::Expr(e) => {
            let span = e.span;
            let suspends = e.suspends;
            let placeholder = Expr {
                kind: ExprKind::Const(Value::None),
                span,
                suspends: false,
            };
            let value = std::mem::replace(e, placeholder);
            *e = Expr {
                kind: ExprKind::Call(
                    Box::new(Expr {
                        kind: ExprKind::Const(hook.clone()),
                        span,
                        suspends: false,
                    }),
                    Box::new(Args {
                        positional: vec![Elem::Single(value)],
                        keywords: Vec::new(),
                        double_starred: Vec::new(),
                        simple: true,
                    }),
                ),
                span,
                suspends,
            };
        }
        StmtKind::If(_, body, orelse) | StmtKind::While(_, body, orelse) => {
            rewrite_block(body, hook);
            rewrite_block(orelse, hook);
        }
        StmtKind::For { body, orelse, .. } => {
            rewrite_block(body, hook);
            rewrite_block(orelse, hook);
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
            ..
        } => {
            rewrite_block(body, hook);
            for h in handlers {
                rewrite_block(&mut h.body, hook);
            }
            rewrite_block(orelse, hook);
            rewrite_block(finalbody, hook);
        }
        StmtKind::With { body, .. } => rewrite_block(body, hook),
        _ => {}
    }
}
