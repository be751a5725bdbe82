//! Compound statements: `def`, `class`, decorators, `if`, `while`, `for`,
//! `with`, `try`, each with CPython's messages for a missing `:`, a
//! missing indented block and misplaced clauses.

use chumsky::prelude::*;

use super::expr::Exprs;
use super::state::{
    Mx, P, PState, diag, diag_nested, expr, forced, header, never, peek_is, peek_not, span_of, tok,
};
use super::targets::{TargetKind, expr_name, invalid_target};
use crate::ast::{
    ClassDef, ExceptHandler, ExprKind, FunctionDef, MatchCase, Span, Stmt, StmtKind, WithItem,
};
use crate::lexer::Tok;
use crate::syntax_error::SyntaxError;

/// The compound statements.
pub(super) fn compound<'t, 's: 't>(
    x: &Exprs<'t, 's>,
    block: &P<'t, 's, Vec<Stmt>>,
) -> P<'t, 's, Stmt> {
    let else_block = keyword(Tok::Else, "'else' statement")
        .ignore_then(forced(Tok::Colon, ":"))
        .ignore_then(block.clone())
        .boxed();

    choice((
        decorated(x, block),
        function_def(x, block),
        if_statement(x, block, &else_block),
        class_def(x, block),
        with_statement(x, block),
        for_statement(x, block, &else_block),
        try_statement(x, block, &else_block),
        while_statement(x, block, &else_block),
        match_statement(x, block),
    ))
    .boxed()
}

/// `@decorator` lines followed by a function or class definition.
fn decorated<'t, 's: 't>(x: &Exprs<'t, 's>, block: &P<'t, 's, Vec<Stmt>>) -> P<'t, 's, Stmt> {
    tok(Tok::At)
        .ignore_then(x.named_expression.clone())
        .then_ignore(tok(Tok::Newline))
        .repeated()
        .at_least(1)
        .collect::<Vec<_>>()
        .then(function_def(x, block).or(class_def(x, block)))
        .map(|(decorators, mut def)| {
            match &mut def.kind {
                StmtKind::FunctionDef(f) => f.decorators = decorators,
                StmtKind::ClassDef(c) => c.decorators = decorators,
                _ => {}
            }
            def
        })
        .boxed()
}

/// `[async] def name(params) [-> returns]: block`.
fn function_def<'t, 's: 't>(x: &Exprs<'t, 's>, block: &P<'t, 's, Vec<Stmt>>) -> P<'t, 's, Stmt> {
    tok(Tok::Async)
        .or_not()
        .then_ignore(keyword(Tok::Def, "function definition"))
        .then(x.name.clone())
        .then_ignore(forced(Tok::LPar, "("))
        .then(x.def_params.clone().or_not())
        .then_ignore(tok(Tok::RPar))
        .then(tok(Tok::RArrow).ignore_then(x.expression.clone()).or_not())
        .then_ignore(forced(Tok::Colon, ":"))
        .then(block.clone())
        .map_with(|((((is_async, name), params), returns), body), e| Stmt {
            kind: StmtKind::FunctionDef(Box::new(FunctionDef {
                name,
                params: params.unwrap_or_default(),
                body,
                decorators: Vec::new(),
                returns,
                is_async: is_async.is_some(),
            })),
            span: span_of(e),
        })
        .boxed()
}

/// `class Name[(bases)]: block`.
fn class_def<'t, 's: 't>(x: &Exprs<'t, 's>, block: &P<'t, 's, Vec<Stmt>>) -> P<'t, 's, Stmt> {
    keyword(Tok::Class, "class definition")
        .ignore_then(x.name.clone())
        .then(x.class_args.clone().or_not())
        .then_ignore(colon())
        .then(block.clone())
        .try_map_with(|((name, args), body), e| {
            let mut bases = Vec::new();
            let mut keywords = Vec::new();
            for arg in args.unwrap_or_default() {
                match arg {
                    crate::ast::Arg::Positional(b) => bases.push(b),
                    crate::ast::Arg::Starred(b) => {
                        let span = b.span;
                        bases.push(expr(ExprKind::Starred(Box::new(b)), span));
                    }
                    crate::ast::Arg::Keyword(k) => keywords.push(k),
                    crate::ast::Arg::DoubleStarred(value) => {
                        let st: &mut PState = e.state();
                        st.raise(SyntaxError::new(
                            "'**' unpacking in a class definition is not supported by pyco",
                            value.span,
                        ));
                        return Err(Cheap::new(e.span()));
                    }
                }
            }
            Ok(Stmt {
                kind: StmtKind::ClassDef(Box::new(ClassDef {
                    name,
                    bases,
                    keywords,
                    body,
                    decorators: Vec::new(),
                })),
                span: span_of(e),
            })
        })
        .boxed()
}

/// `if` / `elif` / `else`; each `elif` is an `If` alone in `orelse`.
fn if_statement<'t, 's: 't>(
    x: &Exprs<'t, 's>,
    block: &P<'t, 's, Vec<Stmt>>,
    else_block: &P<'t, 's, Vec<Stmt>>,
) -> P<'t, 's, Stmt> {
    let branch = |kw: Tok<'s>, what: &'static str| {
        keyword(kw, what)
            .then(x.named_expression.clone())
            .then_ignore(colon())
            .then(block.clone())
    };
    branch(Tok::If, "'if' statement")
        .then(
            branch(Tok::Elif, "'elif' statement")
                .repeated()
                .collect::<Vec<_>>(),
        )
        .then(else_block.clone().or_not())
        .map_with(|((first, elifs), orelse), e| {
            let span = span_of(e);
            let st: &mut PState = e.state();
            let mut orelse = orelse.unwrap_or_default();
            for ((at, test), body) in elifs.into_iter().rev() {
                let start = st.tok_span(at).start;
                orelse = vec![Stmt {
                    kind: StmtKind::If { test, body, orelse },
                    span: Span {
                        start,
                        end: span.end,
                    },
                }];
            }
            let ((_, test), body) = first;
            Stmt {
                kind: StmtKind::If { test, body, orelse },
                span,
            }
        })
        .boxed()
}

/// `while test: block [else: block]`.
fn while_statement<'t, 's: 't>(
    x: &Exprs<'t, 's>,
    block: &P<'t, 's, Vec<Stmt>>,
    else_block: &P<'t, 's, Vec<Stmt>>,
) -> P<'t, 's, Stmt> {
    keyword(Tok::While, "'while' statement")
        .ignore_then(x.named_expression.clone())
        .then_ignore(colon())
        .then(block.clone())
        .then(else_block.clone().or_not())
        .map_with(|((test, body), orelse), e| Stmt {
            kind: StmtKind::While {
                test,
                body,
                orelse: orelse.unwrap_or_default(),
            },
            span: span_of(e),
        })
        .boxed()
}

/// `[async] for target in iter: block [else: block]`.
fn for_statement<'t, 's: 't>(
    x: &Exprs<'t, 's>,
    block: &P<'t, 's, Vec<Stmt>>,
    else_block: &P<'t, 's, Vec<Stmt>>,
) -> P<'t, 's, Stmt> {
    let valid = tok(Tok::Async)
        .or_not()
        .then_ignore(keyword(Tok::For, "'for' statement"))
        .then(x.for_targets.clone())
        .then_ignore(tok(Tok::In))
        .then(x.star_expressions.clone())
        .then_ignore(colon())
        .then(block.clone())
        .then(else_block.clone().or_not())
        .map_with(|((((is_async, target), iter), body), orelse), e| Stmt {
            kind: StmtKind::For {
                target,
                iter,
                body,
                orelse: orelse.unwrap_or_default(),
                is_async: is_async.is_some(),
            },
            span: span_of(e),
        });
    let bad_target = diag_nested(
        tok(Tok::Async)
            .or_not()
            .ignore_then(tok(Tok::For))
            .ignore_then(x.star_expressions.clone()),
        |target, _, _| {
            invalid_target(&target, TargetKind::For).map(|bad| {
                SyntaxError::new(format!("cannot assign to {}", expr_name(bad)), bad.span)
            })
        },
    );
    valid.or(never(bad_target)).boxed()
}

/// `[async] with items: block`, items optionally parenthesized.
fn with_statement<'t, 's: 't>(x: &Exprs<'t, 's>, block: &P<'t, 's, Vec<Stmt>>) -> P<'t, 's, Stmt> {
    let bad_target = diag_nested(
        x.expression
            .clone()
            .ignore_then(tok(Tok::As))
            .ignore_then(x.expression.clone())
            .then_ignore(peek_is(|t| {
                matches!(t, Tok::Comma | Tok::RPar | Tok::Colon)
            })),
        |target, _, _| {
            invalid_target(&target, TargetKind::Star).map(|bad| {
                SyntaxError::new(format!("cannot assign to {}", expr_name(bad)), bad.span)
            })
        },
    );
    let item = choice((
        x.expression
            .clone()
            .then_ignore(tok(Tok::As))
            .then(x.star_target.clone())
            .then_ignore(peek_is(|t| {
                matches!(t, Tok::Comma | Tok::RPar | Tok::Colon)
            }))
            .map(|(context, target)| WithItem {
                context,
                target: Some(target),
            }),
        never(bad_target),
        x.expression.clone().map(|context| WithItem {
            context,
            target: None,
        }),
    ));
    let items = item.separated_by(tok(Tok::Comma)).at_least(1);
    let parenthesized = tok(Tok::LPar)
        .ignore_then(items.clone().allow_trailing().collect::<Vec<_>>())
        .then_ignore(tok(Tok::RPar))
        .then_ignore(colon());
    let plain = items.collect::<Vec<_>>().then_ignore(colon());
    tok(Tok::Async)
        .or_not()
        .then_ignore(keyword(Tok::With, "'with' statement"))
        .then(parenthesized.or(plain))
        .then(block.clone())
        .map_with(|((is_async, items), body), e| Stmt {
            kind: StmtKind::With {
                items,
                body,
                is_async: is_async.is_some(),
            },
            span: span_of(e),
        })
        .boxed()
}

/// One `except` clause: whether it is `except*`, and the handler.
fn except_clause<'t, 's: 't>(
    x: &Exprs<'t, 's>,
    block: &P<'t, 's, Vec<Stmt>>,
    star: bool,
) -> P<'t, 's, ExceptHandler> {
    let what = if star {
        "'except*' statement"
    } else {
        "'except' statement"
    };
    let typed = x
        .expression
        .clone()
        .then(tok(Tok::As).ignore_then(x.name.clone()).or_not());
    let head = if star {
        tok(Tok::Star).ignore_then(typed.map(Some)).boxed()
    } else {
        typed.or_not().boxed()
    };
    keyword(Tok::Except, what)
        .ignore_then(head)
        .then_ignore(colon())
        .then(block.clone())
        .map_with(|(typ, body), e| {
            let (typ, name) = match typ {
                Some((typ, name)) => (Some(typ), name),
                None => (None, None),
            };
            ExceptHandler {
                typ,
                name,
                body,
                span: span_of(e),
            }
        })
        .boxed()
}

/// CPython's `invalid_except_stmt` messages, checked at an `except`.
fn except_errors<'t, 's: 't>(x: &Exprs<'t, 's>) -> P<'t, 's, ()> {
    let multiple = diag(
        tok(Tok::Except)
            .ignore_then(tok(Tok::Star).or_not())
            .ignore_then(x.expression.clone())
            .then_ignore(tok(Tok::Comma))
            .then_ignore(x.star_expressions.clone())
            .then_ignore(tok(Tok::As).ignore_then(x.name.clone()).or_not())
            .then_ignore(tok(Tok::Colon)),
        |first, _, _| {
            Some(SyntaxError::new(
                "multiple exception types must be parenthesized",
                first.span,
            ))
        },
    );
    let no_types = diag(
        tok(Tok::Except).ignore_then(tok(Tok::Star)).ignore_then(
            select! { Tok::Newline => (), Tok::Colon => () }
                .map_with(|(), e: &mut Mx| e.span().start),
        ),
        |at, _, st: &PState| {
            Some(SyntaxError::new(
                "expected one or more exception types",
                st.tok_span(at),
            ))
        },
    );
    multiple.or(no_types).boxed()
}

/// `try: block` with handlers, `else` and `finally`.
fn try_statement<'t, 's: 't>(
    x: &Exprs<'t, 's>,
    block: &P<'t, 's, Vec<Stmt>>,
    else_block: &P<'t, 's, Vec<Stmt>>,
) -> P<'t, 's, Stmt> {
    let finally = keyword(Tok::Finally, "'finally' statement")
        .ignore_then(forced(Tok::Colon, ":"))
        .ignore_then(block.clone());
    let errors = except_errors(x);
    let plain = except_clause(x, block, false).or(never(errors.clone()));
    let starred = except_clause(x, block, true).or(never(errors));
    // `except` and `except*` mixed on one `try`.
    let mixed = |star_follows: bool| {
        let typed = x
            .expression
            .clone()
            .then_ignore(tok(Tok::As).ignore_then(x.name.clone()).or_not());
        let head = if star_follows {
            tok(Tok::Star).ignore_then(typed).ignored().boxed()
        } else {
            typed.or_not().ignored().boxed()
        };
        diag(
            tok(Tok::Except)
                .map_with(|_, e| e.span().start)
                .then_ignore(head)
                .then_ignore(tok(Tok::Colon)),
            move |at, _, st: &PState| {
                let span = if star_follows {
                    st.tok_span(at).to(st.tok_span(at + 1))
                } else {
                    st.tok_span(at)
                };
                Some(SyntaxError::new(
                    "cannot have both 'except' and 'except*' on the same 'try'",
                    span,
                ))
            },
        )
    };
    let plain_handlers = plain
        .repeated()
        .at_least(1)
        .collect::<Vec<_>>()
        .then_ignore(mixed(true).or_not())
        .map(|h| (h, false));
    let star_handlers = starred
        .repeated()
        .at_least(1)
        .collect::<Vec<_>>()
        .then_ignore(mixed(false).or_not())
        .map(|h| (h, true));
    let handlers = plain_handlers
        .or(star_handlers)
        .then(else_block.clone().or_not())
        .then(finally.clone().or_not())
        .map(|(((handlers, is_star), orelse), finalbody)| {
            (
                handlers,
                orelse.unwrap_or_default(),
                finalbody.unwrap_or_default(),
                is_star,
            )
        });
    let only_finally = finally.map(|finalbody| (Vec::new(), Vec::new(), finalbody, false));
    let missing = diag(
        peek_not(|t| matches!(t, Tok::Except | Tok::Finally)).map_with(|(), e| e.span().start),
        |at, _, st: &PState| {
            Some(SyntaxError::new(
                "expected 'except' or 'finally' block",
                st.tok_span(at),
            ))
        },
    );
    keyword(Tok::Try, "'try' statement")
        .ignore_then(forced(Tok::Colon, ":"))
        .ignore_then(block.clone())
        .then(choice((
            only_finally,
            handlers,
            missing.map(|()| (Vec::new(), Vec::new(), Vec::new(), false)),
        )))
        .map_with(|(body, (handlers, orelse, finalbody, is_star)), e| Stmt {
            kind: StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                is_star,
            },
            span: span_of(e),
        })
        .boxed()
}

/// A header keyword: records what the statement is called (for CPython's
/// "expected an indented block after ..." message) and yields its token
/// index.
pub(super) fn keyword<'t, 's: 't>(t: Tok<'s>, what: &'static str) -> P<'t, 's, usize> {
    tok(t).ignore_then(header(what)).boxed()
}

/// `:` after a header, or CPython's "expected ':'" when the line ends.
pub(super) fn colon<'t, 's: 't>() -> P<'t, 's, ()> {
    tok(Tok::Colon)
        .ignored()
        .or(diag(
            tok(Tok::Newline).map_with(|_, e| e.span().start),
            |at, _, st: &PState| Some(SyntaxError::new("expected ':'", st.tok_span(at))),
        ))
        .boxed()
}

/// `match subject:` followed by an indented list of `case pattern [as
/// name] [if guard]: block`. `match` and `case` are soft keywords: the
/// statement is tried only when `match ... :` ends its line.
fn match_statement<'t, 's: 't>(x: &Exprs<'t, 's>, block: &P<'t, 's, Vec<Stmt>>) -> P<'t, 's, Stmt> {
    let item = tok(Tok::Star)
        .ignore_then(x.bitwise_or.clone())
        .map_with(|v, e| expr(ExprKind::Starred(Box::new(v)), span_of(e)))
        .or(x.bitwise_or.clone());
    // `case a, *b:` is a sequence pattern without brackets.
    let pattern = item
        .separated_by(tok(Tok::Comma))
        .at_least(1)
        .collect::<Vec<_>>()
        .then(tok(Tok::Comma).or_not())
        .map_with(|(mut items, comma), e| {
            if items.len() == 1 && comma.is_none() {
                items.pop().expect("one item")
            } else {
                expr(ExprKind::Tuple(items), span_of(e))
            }
        });
    let case = select! { Tok::Name("case") => () }
        .ignore_then(header("'case' statement"))
        .ignore_then(pattern)
        .then(tok(Tok::As).ignore_then(x.name.clone()).or_not())
        .then(
            tok(Tok::If)
                .ignore_then(x.named_expression.clone())
                .or_not(),
        )
        .then_ignore(colon())
        .then(block.clone())
        .map(|(((pattern, binding), guard), body)| MatchCase {
            pattern,
            binding,
            guard,
            body,
        });
    let header_line = select! { Tok::Name("match") => () }
        .ignore_then(x.star_expressions.clone())
        .then_ignore(tok(Tok::Colon))
        .then_ignore(tok(Tok::Newline));
    header_line
        .clone()
        .rewind()
        .ignore_then(header_line)
        .then_ignore(tok(Tok::Indent))
        .then(case.repeated().at_least(1).collect::<Vec<_>>())
        .then_ignore(tok(Tok::Dedent))
        .map_with(|(subject, cases), e| Stmt {
            kind: StmtKind::Match { subject, cases },
            span: span_of(e),
        })
        .boxed()
}
