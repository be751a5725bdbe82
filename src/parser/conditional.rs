//! `expression`: `lambda`, or a disjunction with an optional conditional.
//!
//! The conditional is one imperative parser so that the second-pass
//! checks run in CPython's order: `invalid_expression` (a missing comma
//! inside brackets, a missing `else`) before `invalid_legacy_expression`
//! (`print x`), whose look at what follows the first name runs with the
//! checks on (so `c {a b}` reports the missing comma inside the braces,
//! as CPython does).

use chumsky::input::Checkpoint;
use chumsky::prelude::*;

use super::state::{In, Inp, P, PState, attempt, expr, fail_here, here, peek_not, span_of, tok};
use crate::ast::{Expr, ExprKind, Params, Span};
use crate::lexer::Tok;
use crate::syntax_error::SyntaxError;

/// `expression`: `lambda`, or a disjunction with an optional conditional,
/// with CPython's second-pass messages for a missing comma inside
/// brackets, a missing `else` and a Python 2 `print` statement.
///
/// The conditional is one imperative parser so that the second-pass
/// checks run in CPython's order: `invalid_expression` (the comma and the
/// `else`) before `invalid_legacy_expression`, whose look at what follows
/// the first name runs with the checks on (so `c {a b}` reports the
/// missing comma inside the braces, as CPython does).
pub(super) fn conditional<'t, 's: 't>(
    expression: &P<'t, 's, Expr>,
    disjunction: &P<'t, 's, Expr>,
    star_expressions: &P<'t, 's, Expr>,
    lambda_params: P<'t, 's, Params>,
) -> P<'t, 's, Expr> {
    let lambdef = tok(Tok::Lambda)
        .ignore_then(lambda_params.or_not())
        .then_ignore(tok(Tok::Colon))
        .then(expression.clone())
        .map_with(|(params, body), e| {
            expr(
                ExprKind::Lambda {
                    params: Box::new(params.unwrap_or_default()),
                    body: Box::new(body),
                },
                span_of(e),
            )
        });

    let if_else = tok(Tok::If)
        .ignore_then(disjunction.clone())
        .then_ignore(tok(Tok::Else))
        .then(expression.clone())
        .boxed();
    let checks = Checks {
        expression: expression.clone(),
        missing_else: tok(Tok::If)
            .ignore_then(disjunction.clone())
            .then_ignore(peek_not(|t| matches!(t, Tok::Else | Tok::Colon)))
            .boxed(),
        star_expressions: star_expressions.clone(),
    };
    let disjunction = disjunction.clone();
    let ternary = custom(move |inp: &mut Inp<'t, '_, 's>| {
        let start = inp.save();
        let body = inp.parse(&disjunction)?;
        let body_toks = inp.span_since(start.cursor());
        let after_body = inp.save();
        if let Ok((test, orelse)) = inp.parse(&if_else) {
            let toks = inp.span_since(start.cursor());
            let span = inp.state().span(toks);
            return Ok(expr(
                ExprKind::IfExp {
                    test: Box::new(test),
                    body: Box::new(body),
                    orelse: Box::new(orelse),
                },
                span,
            ));
        }
        inp.rewind(after_body);
        if inp.state().diagnosing() {
            if let Some(error) = checks.run(inp, &body, body_toks, &start) {
                inp.state().raise(error);
            }
            if inp.state().raised.is_some() {
                return Err(fail_here(inp));
            }
        }
        Ok(body)
    });

    choice((lambdef, ternary)).boxed()
}

/// The second-pass checks after the disjunction of an expression.
struct Checks<'t, 's> {
    expression: P<'t, 's, Expr>,
    missing_else: P<'t, 's, Expr>,
    star_expressions: P<'t, 's, Expr>,
}

impl<'t, 's: 't> Checks<'t, 's> {
    /// Runs the checks with the input right after `body`; leaves it there.
    fn run<'p>(
        &self,
        inp: &mut Inp<'t, 'p, 's>,
        body: &Expr,
        body_toks: SimpleSpan,
        start: &Checkpoint<'t, 'p, In<'t, 's>, u32>,
    ) -> Option<SyntaxError> {
        let next = here(inp);
        if let Some((_, span)) = attempt(inp, &self.expression, false)
            && let Some(error) = juxtaposed_error(body, body_toks, span, inp.state())
        {
            return Some(error);
        }
        if let Some((test, _)) = attempt(inp, &self.missing_else, false) {
            return Some(SyntaxError::new(
                "expected 'else' after 'if' expression",
                body.span.to(test.span),
            ));
        }
        // `invalid_legacy_expression`: a name, not a call, followed by
        // expressions (looked at only when something follows the
        // expression, which keeps the second pass linear).
        let st = inp.state();
        let toks = st.toks;
        let first = toks.get(body_toks.start).copied();
        let called = toks.get(body_toks.start + 1) == Some(&Tok::LPar);
        let legacy = matches!(first, Some(Tok::Name("print" | "exec")));
        let followed = toks.get(next).copied().is_some_and(starts_expression);
        if !matches!(first, Some(Tok::Name(_))) || called || !(legacy || followed) {
            return None;
        }
        let after_body = inp.save();
        inp.rewind(start.clone());
        inp.skip();
        let rest = attempt(inp, &self.star_expressions, true);
        inp.rewind(after_body);
        let (_, rest) = rest?;
        let st = inp.state();
        if st.raised.is_some() {
            return None;
        }
        legacy_error(toks.get(body_toks.start).copied(), body, rest, st)
    }
}

/// Whether a token can begin an expression.
fn starts_expression(t: Tok<'_>) -> bool {
    matches!(
        t,
        Tok::Name(_)
            | Tok::Number(_)
            | Tok::Str(_)
            | Tok::FString(_)
            | Tok::Bytes(_)
            | Tok::LPar
            | Tok::LSqb
            | Tok::LBrace
            | Tok::Minus
            | Tok::Plus
            | Tok::Tilde
            | Tok::Not
            | Tok::Lambda
            | Tok::Await
            | Tok::Ellipsis
            | Tok::True
            | Tok::False
            | Tok::None
    )
}

/// CPython's `invalid_expression`: two expressions side by side inside
/// brackets, "Perhaps you forgot a comma?".
fn juxtaposed_error(
    first: &Expr,
    first_toks: SimpleSpan,
    next: SimpleSpan,
    st: &PState,
) -> Option<SyntaxError> {
    let start = first_toks.start;
    let first_tok = st.toks.get(start).copied();
    let second_tok = st.toks.get(start + 1).copied();
    let name_string = matches!(first_tok, Some(Tok::Name(_)))
        && matches!(second_tok, Some(Tok::Str(_) | Tok::FString(_)));
    // CPython compares a name with its soft keywords only up to the name's
    // length, so any prefix of `match`, `case` or `_` counts (`c d` gets no
    // comma hint).
    let soft_keyword = matches!(first_tok, Some(Tok::Name(n))
        if ["match", "case", "_"].iter().any(|k| k.starts_with(n)));
    if name_string || soft_keyword || is_legacy_name(first) {
        return None;
    }
    if next.end == 0 || st.level_after(next.end - 1) == 0 {
        return None;
    }
    Some(SyntaxError::new(
        "invalid syntax. Perhaps you forgot a comma?",
        first.span.to(st.span(next)),
    ))
}

/// CPython's `invalid_legacy_expression`: `print x`, from the name to the
/// end of what follows it.
fn legacy_error(
    first: Option<Tok<'_>>,
    body: &Expr,
    rest: SimpleSpan,
    st: &PState,
) -> Option<SyntaxError> {
    let Some(Tok::Name(name @ ("print" | "exec"))) = first else {
        return None;
    };
    Some(SyntaxError::new(
        format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?"),
        Span {
            start: body.span.start,
            end: st.span(rest).end,
        },
    ))
}

fn is_legacy_name(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Name(n) if n == "print" || n == "exec")
}
