//! `named_expression` (`x := value` or an expression) and CPython's
//! second-pass messages for `=` written where `==` or `:=` was meant.

use chumsky::prelude::*;

use super::state::{P, PState, expr, peek_not, probe, span_of, tok};
use super::targets::{expr_name, is_bitwise_or_level, starts_with_display};
use crate::ast::{Expr, ExprKind, Ident};
use crate::lexer::Tok;
use crate::syntax_error::SyntaxError;

/// `NAME ':=' expression | expression !':='`, without second-pass checks.
pub(super) fn named_expression_plain<'t, 's: 't>(
    expression: &P<'t, 's, Expr>,
    bitwise_or: &P<'t, 's, Expr>,
) -> P<'t, 's, Expr> {
    named_expression(expression, bitwise_or, false)
        .map(|(e, _)| e)
        .boxed()
}

/// `named_expression`, returned with a flag telling whether it is a bare
/// (unparenthesized) walrus. With `checks`, includes CPython's
/// `invalid_named_expression` messages for the second pass.
pub(super) fn named_expression<'t, 's: 't>(
    expression: &P<'t, 's, Expr>,
    bitwise_or: &P<'t, 's, Expr>,
    checks: bool,
) -> P<'t, 's, (Expr, bool)> {
    let name = select! { Tok::Name(n) => n }.map_with(|n, e| Ident {
        name: n.to_owned(),
        span: span_of(e),
    });
    let walrus = name
        .then_ignore(tok(Tok::ColonEqual))
        .then(expression.clone())
        .map_with(|(target, value), e| {
            (
                expr(
                    ExprKind::NamedExpr {
                        target,
                        value: Box::new(value),
                    },
                    span_of(e),
                ),
                true,
            )
        });
    if !checks {
        let plain = expression
            .clone()
            .then_ignore(peek_not(|t| t == Tok::ColonEqual))
            .map(|e| (e, false));
        return walrus.or(plain).boxed();
    }

    let bad_walrus = probe(tok(Tok::ColonEqual).ignore_then(expression.clone()));
    let assign = probe(
        tok(Tok::Equal)
            .ignore_then(bitwise_or.clone())
            .then_ignore(peek_not(|t| matches!(t, Tok::Equal | Tok::ColonEqual))),
    );
    let plain = expression
        .clone()
        .map_with(|e, x| (e, x.span()))
        .then(bad_walrus.then(assign))
        .try_map_with(|((value, toks), (walrus, assign)), e| {
            let next = e.span().end;
            let st: &mut PState = e.state();
            st.read(next);
            let error = if walrus.is_some() {
                Some(SyntaxError::new(
                    format!(
                        "cannot use assignment expressions with {}",
                        expr_name(&value)
                    ),
                    value.span,
                ))
            } else if let Some((_, rhs)) = assign {
                assign_instead_of_eq(&value, toks, rhs, st)
            } else {
                None
            };
            match error {
                Some(error) => {
                    st.raise(error);
                    Err(Cheap::new(e.span()))
                }
                // `expression !':='`
                None if st.toks.get(next) == Some(&Tok::ColonEqual) => Err(Cheap::new(e.span())),
                None => Ok((value, false)),
            }
        });
    walrus.or(plain).boxed()
}

/// CPython's `invalid_named_expression` for `x = y` where `==` or `:=`
/// was probably meant.
fn assign_instead_of_eq(
    value: &Expr,
    toks: SimpleSpan,
    rhs: SimpleSpan,
    st: &PState,
) -> Option<SyntaxError> {
    let first = st.toks.get(toks.start).copied();
    let single_name = toks.end == toks.start + 1 && matches!(first, Some(Tok::Name(_)));
    if single_name {
        return Some(SyntaxError::new(
            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
            value.span.to(st.span(rhs)),
        ));
    }
    if matches!(first, Some(Tok::True | Tok::False | Tok::None)) {
        return None;
    }
    let start = st.tok_span(toks.start).start;
    let parenthesized = is_parenthesized(st, toks);
    if starts_with_display(value, start) && !parenthesized_group_start(st, toks) {
        return None;
    }
    if !is_bitwise_or_level(value, parenthesized) {
        return None;
    }
    Some(SyntaxError::new(
        format!(
            "cannot assign to {} here. Maybe you meant '==' instead of '='?",
            expr_name(value)
        ),
        value.span,
    ))
}

/// Whether the tokens `toks` are one parenthesized group `( ... )`.
pub(super) fn is_parenthesized(st: &PState, toks: SimpleSpan) -> bool {
    if st.toks.get(toks.start) != Some(&Tok::LPar) || toks.end <= toks.start + 1 {
        return false;
    }
    let mut depth = 0usize;
    for i in toks.start..toks.end {
        match st.toks.get(i) {
            Some(Tok::LPar | Tok::LSqb | Tok::LBrace) => depth += 1,
            Some(Tok::RPar | Tok::RSqb | Tok::RBrace) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i == toks.end - 1;
                }
            }
            _ => {}
        }
    }
    false
}

/// Whether the expression starts with a parenthesized group (not a tuple
/// or generator), which CPython's `!(tuple|genexp)` lookahead lets pass.
pub(super) fn parenthesized_group_start(st: &PState, toks: SimpleSpan) -> bool {
    if st.toks.get(toks.start) != Some(&Tok::LPar) {
        return false;
    }
    // A group has no top-level comma and no `for` before its `)`.
    let mut depth = 0usize;
    for i in toks.start..toks.end {
        match st.toks.get(i) {
            Some(Tok::LPar | Tok::LSqb | Tok::LBrace) => depth += 1,
            Some(Tok::RPar | Tok::RSqb | Tok::RBrace) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i != toks.start + 1;
                }
            }
            Some(Tok::Comma | Tok::For) if depth == 1 => return false,
            _ => {}
        }
    }
    false
}
