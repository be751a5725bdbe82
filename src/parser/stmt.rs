//! The statement grammar: simple statements, blocks and compound
//! statements.
//!
//! A block is `NEWLINE INDENT statements DEDENT` or simple statements on
//! the header's line. A statement's span runs from its first keyword to
//! the end of its last line (decorators have their own spans).
//! Assignment is left-factored: the first expression is parsed once and
//! what follows (`=`, `:`, `+=`, nothing) decides the statement, then the
//! targets are checked.

use std::cell::RefCell;

use chumsky::prelude::*;

use super::expr::Exprs;
use super::state::span_of;
use super::state::{
    Mx, P, PState, diag, diag_nested, expr, forced, header, never, not_raised, peek_is, peek_not,
    raise_here, statement_start, tok,
};
use super::targets::{
    TargetKind, expr_name, invalid_target, is_bitwise_or_level, is_del_target, is_single_target,
    is_star_target, starts_with_display,
};
use crate::ast::{
    Alias, BinOp, ClassDef, ExceptHandler, Expr, ExprKind, FunctionDef, Ident, Span, Stmt,
    StmtKind, WithItem,
};
use crate::lexer::Tok;
use crate::syntax_error::SyntaxError;

/// The statements of a whole file, up to the end of input.
pub fn module<'t, 's: 't>(x: &Exprs<'t, 's>) -> P<'t, 's, Vec<Stmt>> {
    let statement_cell: RefCell<Option<P<'t, 's, Vec<Stmt>>>> = RefCell::new(None);
    let block_statements = recursive(|statements| {
        let block = block(statements.clone().boxed(), x);
        let compound = compound(x, &block);
        let simple = simple_statements(x);
        // One statement (simple statements on a line come as a group).
        let statement = not_raised()
            .ignore_then(compound.map(|s| vec![s]).or(simple))
            .boxed();
        statement_cell.replace(Some(statement.clone()));
        statement
            .repeated()
            .at_least(1)
            .collect::<Vec<Vec<Stmt>>>()
            .map(|groups| groups.into_iter().flatten().collect::<Vec<Stmt>>())
    });
    let statement = statement_cell.take().expect("statements are built eagerly");
    statement_start()
        .ignore_then(statement)
        .repeated()
        .collect::<Vec<Vec<Stmt>>>()
        .map(move |groups| {
            // The statement parsers only hold weak links to the recursive
            // block grammar; this closure owns it for as long as they live.
            let _ = &block_statements;
            groups.into_iter().flatten().collect::<Vec<Stmt>>()
        })
        .then_ignore(tok(Tok::EndMarker))
        .boxed()
}

/// A header keyword: records what the statement is called (for CPython's
/// "expected an indented block after ..." message) and yields its token
/// index.
fn keyword<'t, 's: 't>(t: Tok<'s>, what: &'static str) -> P<'t, 's, usize> {
    tok(t).ignore_then(header(what)).boxed()
}

/// `:` after a header, or CPython's "expected ':'" when the line ends.
fn colon<'t, 's: 't>() -> P<'t, 's, ()> {
    tok(Tok::Colon)
        .ignored()
        .or(diag(
            tok(Tok::Newline).map_with(|_, e| e.span().start),
            |at, _, st: &PState| Some(SyntaxError::new("expected ':'", st.tok_span(at))),
        ))
        .boxed()
}

/// An indented block or simple statements on the same line.
fn block<'t, 's: 't>(statements: P<'t, 's, Vec<Stmt>>, x: &Exprs<'t, 's>) -> P<'t, 's, Vec<Stmt>> {
    let indented = tok(Tok::Newline)
        .ignore_then(tok(Tok::Indent))
        .ignore_then(statements)
        .then_ignore(tok(Tok::Dedent));
    let missing = diag(
        tok(Tok::Newline)
            .map_with(|_, e| e.span().start)
            .then_ignore(peek_not(|t| t == Tok::Indent)),
        |at, _, st: &PState| {
            let (what, header) = st.header?;
            let line = st.line(st.tok_span(header).start);
            Some(SyntaxError::indentation(
                format!("expected an indented block after {what} on line {line}"),
                st.tok_span(at + 1),
            ))
        },
    );
    choice((indented, missing.to(Vec::new()), simple_statements(x))).boxed()
}

/// `simple_stmt (';' simple_stmt)* [';'] NEWLINE`.
fn simple_statements<'t, 's: 't>(x: &Exprs<'t, 's>) -> P<'t, 's, Vec<Stmt>> {
    simple_statement(x)
        .separated_by(tok(Tok::Semi))
        .at_least(1)
        .allow_trailing()
        .collect::<Vec<_>>()
        .then_ignore(tok(Tok::Newline))
        .boxed()
}

/// One simple statement.
fn simple_statement<'t, 's: 't>(x: &Exprs<'t, 's>) -> P<'t, 's, Stmt> {
    let stmt = |kind: StmtKind, span: Span| Stmt { kind, span };
    let name_list = x
        .name
        .clone()
        .separated_by(tok(Tok::Comma))
        .at_least(1)
        .collect::<Vec<_>>();

    let pass = tok(Tok::Pass).map_with(move |_, e| stmt(StmtKind::Pass, span_of(e)));
    let brk = tok(Tok::Break).map_with(move |_, e| stmt(StmtKind::Break, span_of(e)));
    let cont = tok(Tok::Continue).map_with(move |_, e| stmt(StmtKind::Continue, span_of(e)));
    let ret = tok(Tok::Return)
        .ignore_then(x.star_expressions.clone().or_not())
        .map_with(move |v, e| stmt(StmtKind::Return(v), span_of(e)));
    let raise = tok(Tok::Raise)
        .ignore_then(
            x.expression
                .clone()
                .then(tok(Tok::From).ignore_then(x.expression.clone()).or_not())
                .or_not(),
        )
        .map_with(move |v, e| {
            let (exc, cause) = match v {
                Some((exc, cause)) => (Some(exc), cause),
                None => (None, None),
            };
            stmt(StmtKind::Raise { exc, cause }, span_of(e))
        });
    let global = tok(Tok::Global)
        .ignore_then(name_list.clone())
        .map_with(move |names, e| stmt(StmtKind::Global(names), span_of(e)));
    let nonlocal = tok(Tok::Nonlocal)
        .ignore_then(name_list)
        .map_with(move |names, e| stmt(StmtKind::Nonlocal(names), span_of(e)));
    let assert = tok(Tok::Assert)
        .ignore_then(x.expression.clone())
        .then(tok(Tok::Comma).ignore_then(x.expression.clone()).or_not())
        .map_with(move |(test, msg), e| stmt(StmtKind::Assert { test, msg }, span_of(e)));

    choice((
        unsupported_type_statement(),
        expression_statement(x),
        ret,
        import(x),
        raise,
        pass,
        delete(x),
        assert,
        brk,
        cont,
        global,
        nonlocal,
    ))
    .boxed()
}

/// `del targets`, with CPython's "cannot delete ..." message.
fn delete<'t, 's: 't>(x: &Exprs<'t, 's>) -> P<'t, 's, Stmt> {
    let target = x.primary.clone().try_map(|t, span| {
        if is_del_target(&t) {
            Ok(t)
        } else {
            Err(Cheap::new(span))
        }
    });
    let valid = tok(Tok::Del)
        .ignore_then(
            target
                .separated_by(tok(Tok::Comma))
                .at_least(1)
                .allow_trailing()
                .collect::<Vec<_>>(),
        )
        .then_ignore(peek_is(|t| matches!(t, Tok::Semi | Tok::Newline)))
        .map_with(|targets, e| Stmt {
            kind: StmtKind::Delete(targets),
            span: span_of(e),
        });
    let invalid = diag_nested(
        tok(Tok::Del).ignore_then(x.star_expressions.clone()),
        |value, _, _| {
            invalid_target(&value, TargetKind::Del)
                .map(|bad| SyntaxError::new(format!("cannot delete {}", expr_name(bad)), bad.span))
        },
    );
    valid.or(never(invalid)).boxed()
}

/// `import a.b as c, d` and `from ..a import (b as c, d)`.
fn import<'t, 's: 't>(x: &Exprs<'t, 's>) -> P<'t, 's, Stmt> {
    let dotted_name = x
        .name
        .clone()
        .separated_by(tok(Tok::Dot))
        .at_least(1)
        .collect::<Vec<Ident>>()
        .map(|parts| {
            let span = parts
                .first()
                .map_or(Span::default(), |f| f.span)
                .to(parts.last().map_or(Span::default(), |l| l.span));
            let name = parts
                .iter()
                .map(|p| p.name.as_str())
                .collect::<Vec<_>>()
                .join(".");
            Ident { name, span }
        });
    let as_name = tok(Tok::As).ignore_then(x.name.clone()).or_not();
    let dotted_as_name = dotted_name
        .clone()
        .then(as_name.clone())
        .map(|(name, asname)| Alias { name, asname });
    let import_name = tok(Tok::Import)
        .ignore_then(
            dotted_as_name
                .separated_by(tok(Tok::Comma))
                .at_least(1)
                .collect::<Vec<_>>(),
        )
        .map_with(|names, e| Stmt {
            kind: StmtKind::Import(names),
            span: span_of(e),
        });

    let as_name_alias = x
        .name
        .clone()
        .then(as_name)
        .map(|(name, asname)| Alias { name, asname });
    let names = as_name_alias
        .separated_by(tok(Tok::Comma))
        .at_least(1)
        .collect::<Vec<_>>();
    let trailing_comma = diag(
        names
            .clone()
            .then_ignore(tok(Tok::Comma))
            .ignore_then(tok(Tok::Newline).map_with(|_, e| e.span().start)),
        |at, _, st: &PState| {
            Some(SyntaxError::new(
                "trailing comma not allowed without surrounding parentheses",
                st.tok_span(at),
            ))
        },
    );
    let star = tok(Tok::Star).map_with(|_, e| {
        vec![Alias {
            name: Ident {
                name: "*".to_owned(),
                span: span_of(e),
            },
            asname: None,
        }]
    });
    let targets = choice((
        tok(Tok::LPar)
            .ignore_then(names.clone())
            .then_ignore(tok(Tok::Comma).or_not())
            .then_ignore(tok(Tok::RPar)),
        names.then_ignore(peek_not(|t| t == Tok::Comma)),
        star,
        trailing_comma.to(Vec::new()),
    ));
    let dots = select! { Tok::Dot => 1u32, Tok::Ellipsis => 3u32 }
        .repeated()
        .collect::<Vec<u32>>()
        .map(|d| d.iter().sum::<u32>());
    let module = dotted_name.map(Some).or(empty().to(None));
    let import_from = tok(Tok::From)
        .ignore_then(dots)
        .then(module)
        .then_ignore(tok(Tok::Import))
        .try_map(|(level, module), span| {
            if level == 0 && module.is_none() {
                Err(Cheap::new(span))
            } else {
                Ok((level, module))
            }
        })
        .then(targets)
        .map_with(|((level, module), names), e| {
            let span = span_of(e);
            let module = module.unwrap_or_else(|| Ident {
                name: String::new(),
                span: Span {
                    start: span.start,
                    end: span.start,
                },
            });
            Stmt {
                kind: StmtKind::ImportFrom {
                    module,
                    names,
                    level,
                },
                span,
            }
        });
    import_name.or(import_from).boxed()
}

/// `type X = ...` (Python 3.12): refused with a located message.
fn unsupported_type_statement<'t, 's: 't>() -> P<'t, 's, Stmt> {
    select! { Tok::Name("type") => () }
        .ignore_then(select! { Tok::Name(_) => () })
        .ignore_then(peek_is(|t| matches!(t, Tok::Equal | Tok::LSqb)))
        .rewind()
        .ignore_then(never(raise_here(|st, at| {
            SyntaxError::new(
                "'type' statements are not supported by pyco",
                st.tok_span(at),
            )
        })))
        .boxed()
}

/// `match subject:` (structural pattern matching): refused with a located
/// message. `match` stays an ordinary name elsewhere.
fn unsupported_match<'t, 's: 't>(x: &Exprs<'t, 's>) -> P<'t, 's, Stmt> {
    select! { Tok::Name("match") => () }
        .ignore_then(x.star_expressions.clone())
        .ignore_then(tok(Tok::Colon))
        .ignore_then(tok(Tok::Newline))
        .rewind()
        .ignore_then(never(raise_here(|st, at| {
            SyntaxError::new(
                "'match' statements are not supported by pyco",
                st.tok_span(at),
            )
        })))
        .boxed()
}

/// What followed the first expression of an expression statement.
#[derive(Clone)]
enum After {
    Nothing,
    Annotation(Expr, Option<Expr>),
    Augmented(BinOp, Expr),
    /// `= value` repeated: each right-hand side with its token span, and
    /// whether a last `=` has nothing after it.
    Assign(Vec<(Expr, SimpleSpan)>, bool),
}

/// Expression statements and assignments.
fn expression_statement<'t, 's: 't>(x: &Exprs<'t, 's>) -> P<'t, 's, Stmt> {
    let value = x.yield_expr.clone().or(x.star_expressions.clone()).boxed();
    let aug_op = select! {
        Tok::PlusEqual => BinOp::Add,
        Tok::MinEqual => BinOp::Sub,
        Tok::StarEqual => BinOp::Mul,
        Tok::AtEqual => BinOp::MatMul,
        Tok::SlashEqual => BinOp::Div,
        Tok::PercentEqual => BinOp::Mod,
        Tok::AmperEqual => BinOp::BitAnd,
        Tok::VBarEqual => BinOp::BitOr,
        Tok::CircumflexEqual => BinOp::BitXor,
        Tok::LeftShiftEqual => BinOp::LShift,
        Tok::RightShiftEqual => BinOp::RShift,
        Tok::DoubleStarEqual => BinOp::Pow,
        Tok::DoubleSlashEqual => BinOp::FloorDiv,
    };
    let after = choice((
        tok(Tok::Colon)
            .ignore_then(x.expression.clone())
            .then(tok(Tok::Equal).ignore_then(value.clone()).or_not())
            .map(|(annotation, value)| After::Annotation(annotation, value)),
        aug_op
            .then(value.clone())
            .map(|(op, value)| After::Augmented(op, value)),
        tok(Tok::Equal)
            .ignore_then(value.clone().map_with(|v, e| (v, e.span())))
            .repeated()
            .collect::<Vec<_>>()
            .then(tok(Tok::Equal).or_not().map(|eq| eq.is_some()))
            .try_map(|(values, dangling), span| {
                if values.is_empty() && !dangling {
                    Err(Cheap::new(span))
                } else {
                    Ok(After::Assign(values, dangling))
                }
            }),
        empty().to(After::Nothing),
    ));
    value
        .map_with(|v, e| (v, e.span()))
        .then(after)
        .try_map_with(|((first, first_toks), after), e| {
            let span = span_of(e);
            let st: &mut PState = e.state();
            let kind = match after {
                After::Nothing => StmtKind::Expr(first),
                After::Annotation(annotation, value) => {
                    if !is_single_target(&first) {
                        if st.diagnosing() {
                            st.raise(annotation_error(&first, first_toks, st));
                        }
                        return Err(Cheap::new(e.span()));
                    }
                    StmtKind::AnnAssign {
                        target: first,
                        annotation,
                        value,
                    }
                }
                After::Augmented(op, value) => {
                    if !is_single_target(&first) {
                        if st.diagnosing() {
                            st.raise(SyntaxError::new(
                                format!(
                                    "'{}' is an illegal expression for augmented assignment",
                                    expr_name(&first)
                                ),
                                first.span,
                            ));
                        }
                        return Err(Cheap::new(e.span()));
                    }
                    StmtKind::AugAssign {
                        target: first,
                        op,
                        value,
                    }
                }
                After::Assign(mut rest, dangling) => {
                    let mut chain = Vec::with_capacity(rest.len() + 1);
                    chain.push((first, first_toks));
                    chain.append(&mut rest);
                    let targets = if dangling {
                        chain.len()
                    } else {
                        chain.len() - 1
                    };
                    let all_valid = chain[..targets].iter().all(|(t, _)| is_star_target(t));
                    if dangling || !all_valid {
                        if st.diagnosing()
                            && let Some(error) = assignment_error(&chain, targets, st)
                        {
                            st.raise(error);
                        }
                        return Err(Cheap::new(e.span()));
                    }
                    let Some((value, _)) = chain.pop() else {
                        return Err(Cheap::new(e.span()));
                    };
                    StmtKind::Assign {
                        targets: chain.into_iter().map(|(t, _)| t).collect(),
                        value,
                    }
                }
            };
            Ok(Stmt { kind, span })
        })
        .boxed()
}

/// CPython's messages for a bad annotation target (`invalid_assignment`).
fn annotation_error(first: &Expr, toks: SimpleSpan, st: &PState) -> SyntaxError {
    let bracketed = matches!(st.toks.get(toks.start), Some(Tok::LPar | Tok::LSqb));
    match &first.kind {
        ExprKind::Tuple(elts) if !bracketed => SyntaxError::new(
            "only single target (not tuple) can be annotated",
            elts.first().map_or(first.span, |e| e.span),
        ),
        ExprKind::Tuple(_) => SyntaxError::new(
            "only single target (not tuple) can be annotated",
            first.span,
        ),
        ExprKind::List(_) => {
            SyntaxError::new("only single target (not list) can be annotated", first.span)
        }
        _ => SyntaxError::new("illegal target for annotation", first.span),
    }
}

/// CPython's message for an assignment chain with an invalid target (the
/// first `targets` elements are followed by `=`), in the order its second
/// pass would find it.
fn assignment_error(
    chain: &[(Expr, SimpleSpan)],
    targets: usize,
    st: &PState,
) -> Option<SyntaxError> {
    let (first, first_toks) = &chain[0];
    // `invalid_named_expression` on the element right before the first `=`.
    let (last_elt, last_toks) = match &first.kind {
        ExprKind::Tuple(elts) if !super::named::is_parenthesized(st, *first_toks) => {
            let last = elts.last()?;
            (last, element_tokens(st, *first_toks, last))
        }
        _ => (first, *first_toks),
    };
    if let Some((rhs, rhs_toks)) = chain.get(1) {
        let continues = targets > 1;
        if let Some(lead) = leading_bitwise_or(rhs, *rhs_toks, st)
            && !(continues && std::ptr::eq(lead, rhs))
            && let Some(error) = named_assign_error(last_elt, last_toks, lead, st)
        {
            return Some(error);
        }
    }
    // `(star_targets '=')* a=star_expressions '='`.
    for (target, _) in &chain[..targets] {
        if is_star_target(target) {
            continue;
        }
        if matches!(target.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_)) {
            return Some(SyntaxError::new(
                "assignment to yield expression not possible",
                target.span,
            ));
        }
        return invalid_target(target, TargetKind::Star)
            .map(|bad| SyntaxError::new(format!("cannot assign to {}", expr_name(bad)), bad.span));
    }
    None
}

/// The token span of `elt`, an element of the tuple at `toks`.
fn element_tokens(st: &PState, toks: SimpleSpan, elt: &Expr) -> SimpleSpan {
    let start = (toks.start..toks.end)
        .find(|&i| st.tok_span(i).start >= elt.span.start)
        .unwrap_or(toks.start);
    let end = (start..toks.end)
        .find(|&i| st.tok_span(i).start >= elt.span.end)
        .unwrap_or(toks.end);
    SimpleSpan::from(start..end)
}

/// The `bitwise_or` an expression starts with, if it starts with one.
fn leading_bitwise_or<'e>(e: &'e Expr, toks: SimpleSpan, st: &PState) -> Option<&'e Expr> {
    if super::named::is_parenthesized(st, toks) {
        return Some(e);
    }
    match &e.kind {
        ExprKind::Tuple(elts) => {
            let first = elts.first()?;
            leading_bitwise_or(first, element_tokens(st, toks, first), st)
        }
        ExprKind::Compare { left, .. } => Some(left),
        ExprKind::BoolOp { values, .. } => {
            let first = values.first()?;
            leading_bitwise_or(first, element_tokens(st, toks, first), st)
        }
        ExprKind::IfExp { body, .. } => {
            leading_bitwise_or(body, element_tokens(st, toks, body), st)
        }
        _ if is_bitwise_or_level(e, false) => Some(e),
        _ => None,
    }
}

/// `invalid_named_expression` at statement level: `target = value` where
/// `==` (or `:=`) was probably meant.
fn named_assign_error(
    target: &Expr,
    toks: SimpleSpan,
    rhs: &Expr,
    st: &PState,
) -> Option<SyntaxError> {
    let first = st.toks.get(toks.start).copied();
    if toks.end == toks.start + 1 && matches!(first, Some(Tok::Name(_))) {
        return Some(SyntaxError::new(
            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
            target.span.to(rhs.span),
        ));
    }
    if matches!(first, Some(Tok::True | Tok::False | Tok::None)) {
        return None;
    }
    let start = st.tok_span(toks.start).start;
    let parenthesized = super::named::is_parenthesized(st, toks);
    if starts_with_display(target, start) && !parenthesized_group(st, toks) {
        return None;
    }
    if !is_bitwise_or_level(target, parenthesized) || matches!(target.kind, ExprKind::Starred(_)) {
        return None;
    }
    Some(SyntaxError::new(
        format!(
            "cannot assign to {} here. Maybe you meant '==' instead of '='?",
            expr_name(target)
        ),
        target.span,
    ))
}

/// Whether the tokens start with a parenthesized group (not a tuple).
fn parenthesized_group(st: &PState, toks: SimpleSpan) -> bool {
    super::named::parenthesized_group_start(st, toks)
}

/// The compound statements.
fn compound<'t, 's: 't>(x: &Exprs<'t, 's>, block: &P<'t, 's, Vec<Stmt>>) -> P<'t, 's, Stmt> {
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
        unsupported_match(x),
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
