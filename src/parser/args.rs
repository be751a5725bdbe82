//! Call arguments: `f(a, *b, c=d, **e)`, `f(x for x in y)`.
//!
//! Arguments are parsed as a flat list of items and their order checked
//! afterwards, which gives CPython's messages ("positional argument follows
//! keyword argument", "Generator expression must be parenthesized", ...)
//! at the positions CPython reports them.

use chumsky::prelude::*;

use super::state::span_of;
use super::state::{Mx, P, PState, diag, expr, never, peek_not, tok};
use crate::ast::{Arg, Comprehension, Expr, ExprKind, Ident, Keyword, Span};
use crate::lexer::Tok;
use crate::syntax_error::SyntaxError;

/// One argument as written, before its position is checked.
#[derive(Clone, Debug)]
pub enum Item {
    /// `value`.
    Positional(Expr),
    /// `value for ...` without its own parentheses.
    Generator(Expr),
    /// `*value`; the index of the `*` token.
    Star(Expr, usize),
    /// `name=value`.
    Keyword(Keyword),
    /// `**value`.
    DoubleStar(Expr),
}

/// The pieces of the expression grammar arguments are made of.
pub struct ArgParts<'t, 's> {
    /// `expression`.
    pub expression: P<'t, 's, Expr>,
    /// `NAME ':=' expression | expression !':='`.
    pub assignment_or_expression: P<'t, 's, Expr>,
    /// Comprehension clauses.
    pub for_if_clauses: P<'t, 's, Vec<Comprehension>>,
    /// An identifier.
    pub name: P<'t, 's, Ident>,
}

/// `'(' [arguments] ')'` of a call (`allow_generator`: a bare generator
/// expression may be the only argument) or of a class header.
pub fn call<'t, 's: 't>(parts: &ArgParts<'t, 's>, allow_generator: bool) -> P<'t, 's, Vec<Arg>> {
    let ArgParts {
        expression,
        assignment_or_expression,
        for_if_clauses,
        name,
    } = parts;

    let star = tok(Tok::Star)
        .map_with(|_, e| e.span().start)
        .then(expression.clone())
        .map(|(at, value)| Item::Star(value, at));
    let double_star = tok(Tok::DoubleStar)
        .ignore_then(expression.clone())
        .map(Item::DoubleStar);

    // `f(a=1 for a in b)`: CPython's second-pass message.
    let keyword_genexp_error = diag(
        name.clone()
            .then(tok(Tok::Equal).map_with(|_, e| e.span().start))
            .then_ignore(expression.clone())
            .then_ignore(for_if_clauses.clone()),
        |(name, eq), _, st: &PState| {
            Some(SyntaxError::new(
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                name.span.to(st.tok_span(eq)),
            ))
        },
    );
    let keyword = name
        .clone()
        .then_ignore(tok(Tok::Equal))
        .then(expression.clone())
        .map(|(name, value)| Item::Keyword(Keyword { name, value }));

    // `f(True=1)`: "cannot assign to True".
    let constant_keyword = diag(
        select! { Tok::True => "True", Tok::False => "False", Tok::None => "None" }
            .map_with(|kw, e: &mut Mx| (kw, e.span().start))
            .then_ignore(tok(Tok::Equal)),
        |(kw, at), _, st: &PState| {
            Some(SyntaxError::new(
                format!("cannot assign to {kw}"),
                st.tok_span(at).to(st.tok_span(at + 1)),
            ))
        },
    );

    // `f(a.b=1)`: "expression cannot contain assignment".
    let expression_assign = diag(
        expression
            .clone()
            .then(tok(Tok::Equal).map_with(|_, e| e.span().start)),
        |(value, eq), _, st: &PState| {
            Some(SyntaxError::new(
                "expression cannot contain assignment, perhaps you meant \"==\"?",
                value.span.to(st.tok_span(eq)),
            ))
        },
    );

    let positional = if allow_generator {
        assignment_or_expression
            .clone()
            .then(for_if_clauses.clone().or_not())
            .map_with(|(elt, generators), e| match generators {
                Some(generators) => {
                    let span = Span {
                        start: elt.span.start,
                        end: span_of(e).end,
                    };
                    Item::Generator(expr(
                        ExprKind::GeneratorExp {
                            elt: Box::new(elt),
                            generators,
                        },
                        span,
                    ))
                }
                None => Item::Positional(elt),
            })
            .boxed()
    } else {
        assignment_or_expression
            .clone()
            .map(Item::Positional)
            .boxed()
    };
    let positional = positional.then_ignore(peek_not(|t| t == Tok::Equal));

    let item = choice((
        star,
        double_star,
        never(keyword_genexp_error),
        keyword,
        never(constant_keyword),
        never(expression_assign),
        positional,
    ));

    tok(Tok::LPar)
        .map_with(|_, e: &mut Mx| e.span().start)
        .then(
            item.map_with(|item, e| (item, e.span()))
                .separated_by(tok(Tok::Comma))
                .allow_trailing()
                .collect::<Vec<_>>(),
        )
        .then(
            tok(Tok::RPar)
                .or_not()
                .map_with(|rpar, e: &mut Mx| (rpar.is_some(), e.span().start)),
        )
        .try_map_with(move |((open, items), (closed, close)), e| {
            let st = e.state();
            let trailing_comma = close > 0 && st.toks.get(close - 1) == Some(&Tok::Comma);
            let args = check_order(items, open, close, trailing_comma, st);
            if closed {
                args.map_err(|()| Cheap::new(e.span()))
            } else {
                // CPython's `invalid_arguments` also look at the arguments
                // of a call that goes wrong further on.
                Err(Cheap::new(e.span()))
            }
        })
        .boxed()
}

/// Checks the order of the arguments and builds the list, raising
/// CPython's message in the second pass when the order is wrong.
fn check_order(
    items: Vec<(Item, SimpleSpan)>,
    open: usize,
    close: usize,
    trailing_comma: bool,
    st: &mut PState,
) -> Result<Vec<Arg>, ()> {
    let count = items.len();
    let mut seen_keyword = false;
    let mut seen_double_star = false;
    let mut violation: Option<usize> = None;
    let mut double_star_before_violation = false;
    for (i, (item, _)) in items.iter().enumerate() {
        let bad = match item {
            Item::Positional(_) | Item::Generator(_) => seen_keyword || seen_double_star,
            Item::Star(..) => seen_double_star,
            Item::Keyword(_) | Item::DoubleStar(_) => false,
        };
        if bad && violation.is_none() {
            violation = Some(i);
            double_star_before_violation = seen_double_star;
        }
        match item {
            Item::Keyword(_) => seen_keyword = true,
            Item::DoubleStar(_) => seen_double_star = true,
            _ => {}
        }
    }
    let lone_generator = count == 1 && !trailing_comma;
    let first_generator = items
        .iter()
        .position(|(item, _)| matches!(item, Item::Generator(_)))
        .filter(|_| !lone_generator);
    if violation.is_none() && first_generator.is_none() {
        return Ok(items
            .into_iter()
            .map(|(item, _)| match item {
                // `f(x for x in y)`: the call's parentheses are the
                // generator's.
                Item::Generator(mut genexp) if lone_generator => {
                    genexp.span = st.tok_span(open).to(st.tok_span(close));
                    Arg::Positional(genexp)
                }
                other => to_arg(other),
            })
            .collect());
    }
    if st.diagnosing() {
        let error = if let Some(v) = violation
            && let Item::Star(_, star_at) = &items[v].0
        {
            SyntaxError::new(
                "iterable argument unpacking follows keyword argument unpacking",
                st.tok_span(*star_at),
            )
        } else if let Some(g) = first_generator {
            let Item::Generator(genexp) = &items[g].0 else {
                return Err(());
            };
            SyntaxError::new(
                "Generator expression must be parenthesized",
                generator_range(genexp),
            )
        } else {
            let message = if double_star_before_violation {
                "positional argument follows keyword argument unpacking"
            } else {
                "positional argument follows keyword argument"
            };
            // CPython reports these at the last token it read.
            SyntaxError::new(message, st.tok_span(close))
        };
        st.raise(error);
    }
    Err(())
}

/// From a bare generator expression's element to the end of its last
/// clause (CPython's `_PyPegen_get_last_comprehension_item`).
fn generator_range(genexp: &Expr) -> Span {
    let ExprKind::GeneratorExp { elt, generators } = &genexp.kind else {
        return genexp.span;
    };
    let end = generators
        .last()
        .map_or(elt.span.end, |g| g.ifs.last().unwrap_or(&g.iter).span.end);
    Span {
        start: elt.span.start,
        end,
    }
}

fn to_arg(item: Item) -> Arg {
    match item {
        Item::Positional(e) | Item::Generator(e) => Arg::Positional(e),
        Item::Star(e, _) => Arg::Starred(e),
        Item::Keyword(k) => Arg::Keyword(k),
        Item::DoubleStar(e) => Arg::DoubleStarred(e),
    }
}
