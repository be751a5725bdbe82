//! Statements: the module, blocks and simple statements.
//!
//! A block is `NEWLINE INDENT statements DEDENT` or simple statements on
//! the header's line. A statement's span runs from its first keyword to
//! the end of its last line (decorators have their own spans). Compound
//! statements are in `compound`, expression statements and assignments in
//! `assign`.

use std::cell::RefCell;

use chumsky::prelude::*;

use super::assign::expression_statement;
use super::compound::compound;
use super::expr::Exprs;
use super::state::span_of;
use super::state::{
    P, PState, diag, diag_nested, never, not_raised, peek_is, peek_not, raise_here,
    statement_start, tok,
};
use super::targets::{TargetKind, expr_name, invalid_target, is_del_target};
use crate::ast::{Alias, Ident, Span, Stmt, StmtKind};
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
