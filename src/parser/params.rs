//! Parameter lists of `def` and `lambda`: `a, b=1, /, c, *args, d, **kw`.
//!
//! Like call arguments, parameters are parsed as a flat list of items and
//! their order checked afterwards, with CPython's messages ("non-default
//! argument follows default argument", "/ may appear only once", ...).
//! Duplicate names are a symbol-table error in CPython, reported only when
//! the whole file parses; they are recorded here and reported the same way.

use chumsky::prelude::*;

use super::state::{P, PState, diag, never, tok};
use crate::ast::{Expr, Ident, Param, Params, Span};
use crate::lexer::Tok;
use crate::syntax_error::SyntaxError;

/// One parameter list item as written.
#[derive(Clone, Debug)]
enum Item {
    /// `/`.
    Slash,
    /// `*` or `*name`.
    Star(Option<Param>),
    /// `**name`.
    DoubleStar(Param),
    /// `name[: annotation][= default]`.
    Plain(Param),
}

/// An item with the token index of its first token and the byte span of
/// its `=` when it has a default.
#[derive(Clone, Debug)]
struct Located {
    item: Item,
    at: usize,
    span: Span,
    equals: Option<Span>,
}

/// The parameter list of a `def` (with annotations, ending before `)`) or
/// of a `lambda` (ending before `:`).
pub fn params<'t, 's: 't>(
    name: &P<'t, 's, Ident>,
    expression: &P<'t, 's, Expr>,
    star_expression: &P<'t, 's, Expr>,
    lambda: bool,
) -> P<'t, 's, Params> {
    let closer = if lambda { Tok::Colon } else { Tok::RPar };
    let annotation = if lambda {
        empty().to(None).boxed()
    } else {
        tok(Tok::Colon)
            .ignore_then(expression.clone())
            .or_not()
            .boxed()
    };
    let star_annotation = if lambda {
        empty().to(None).boxed()
    } else {
        tok(Tok::Colon)
            .ignore_then(star_expression.clone())
            .or_not()
            .boxed()
    };
    let param = name
        .clone()
        .then(annotation)
        .map(|(name, annotation)| Param {
            name,
            default: None,
            annotation,
        });
    let star_param = name
        .clone()
        .then(star_annotation)
        .map(|(name, annotation)| Param {
            name,
            default: None,
            annotation,
        });

    // `= value`, or CPython's "expected default value expression".
    let missing_default = diag(
        tok(Tok::Equal)
            .map_with(|_, e| e.span().start)
            .then_ignore(select! { Tok::RPar => (), Tok::Comma => () }.rewind()),
        |at, _, st: &PState| {
            Some(SyntaxError::new(
                "expected default value expression",
                st.tok_span(at),
            ))
        },
    );
    let default = missing_default
        .map(|()| None)
        .or(tok(Tok::Equal)
            .map_with(|_, e| e.span().start)
            .then(expression.clone())
            .map(Some))
        .or_not()
        .map(Option::flatten);

    let item = choice((
        tok(Tok::Slash).to(Item::Slash).then(empty().to(None)),
        tok(Tok::DoubleStar)
            .ignore_then(param.clone())
            .map(Item::DoubleStar)
            .then(default.clone()),
        tok(Tok::Star)
            .ignore_then(star_param.or_not())
            .map(Item::Star)
            .then(default.clone()),
        param.map(Item::Plain).then(default),
    ))
    .map_with(|(item, default), e| {
        let span = e.span();
        let st: &mut PState = e.state();
        let (item, equals) = match (item, default) {
            (Item::Plain(mut p), Some((eq, value))) => {
                p.default = Some(value);
                (Item::Plain(p), Some(st.tok_span(eq)))
            }
            (item, Some((eq, _))) => (item, Some(st.tok_span(eq))),
            (item, None) => (item, None),
        };
        Located {
            item,
            at: span.start,
            span: st.span(span),
            equals,
        }
    });

    // `/ *` without a comma between them.
    let slash_star = diag(
        tok(Tok::Star).map_with(|_, e| e.span().start),
        |at, _, st: &PState| {
            (at > 0 && st.toks.get(at - 1) == Some(&Tok::Slash))
                .then(|| SyntaxError::new("expected comma between / and *", st.tok_span(at)))
        },
    );
    // `def f(a, (b, c))`: parenthesized parameters.
    let parenthesized = diag(
        tok(Tok::LPar)
            .map_with(|_, e| e.span().start)
            .then_ignore(
                name.clone()
                    .separated_by(tok(Tok::Comma))
                    .at_least(1)
                    .allow_trailing(),
            )
            .then(tok(Tok::RPar).map_with(|_, e| e.span().start)),
        move |(open, close), _, st: &PState| {
            let what = if lambda {
                "Lambda expression parameters"
            } else {
                "Function parameters"
            };
            Some(SyntaxError::new(
                format!("{what} cannot be parenthesized"),
                st.tok_span(open).to(st.tok_span(close)),
            ))
        },
    );

    item.or(never(parenthesized))
        .separated_by(tok(Tok::Comma).or(slash_star.map(|()| Tok::Comma)))
        .allow_trailing()
        .collect::<Vec<_>>()
        .then_ignore(tok(closer).rewind())
        .try_map_with(move |items, e| {
            let span = e.span();
            build(&items, lambda, e.state()).map_err(|()| Cheap::new(span))
        })
        .boxed()
}

/// Checks the order of the items and builds [`Params`].
fn build(items: &[Located], lambda: bool, st: &mut PState) -> Result<Params, ()> {
    match arrange(items, lambda, st) {
        Ok(params) => {
            record_duplicates(&params, st);
            Ok(params)
        }
        Err(error) => {
            if st.diagnosing() {
                st.raise(error);
            }
            Err(())
        }
    }
}

fn arrange(items: &[Located], lambda: bool, st: &PState) -> Result<Params, SyntaxError> {
    let mut params = Params::default();
    let mut seen_default = false;
    let mut seen_slash = false;
    let mut seen_star = false;
    let mut seen_double_star = false;
    for (i, located) in items.iter().enumerate() {
        let here = st.tok_span(located.at);
        if seen_double_star {
            return Err(SyntaxError::new(
                "arguments cannot follow var-keyword argument",
                if let Item::Plain(p) = &located.item {
                    p.name.span
                } else {
                    here
                },
            ));
        }
        match &located.item {
            Item::Slash => {
                if seen_star {
                    return Err(SyntaxError::new("/ must be ahead of *", here));
                }
                if seen_slash {
                    return Err(SyntaxError::new("/ may appear only once", here));
                }
                if params.args.is_empty() {
                    // CPython's message needs a comma after the `/`.
                    let message = if st.toks.get(located.at + 1) == Some(&Tok::Comma) {
                        "at least one argument must precede /"
                    } else {
                        "invalid syntax"
                    };
                    return Err(SyntaxError::new(message, here));
                }
                params.posonly = std::mem::take(&mut params.args);
                seen_slash = true;
            }
            Item::Star(param) => {
                if seen_star {
                    return Err(SyntaxError::new("* argument may appear only once", here));
                }
                if let Some(eq) = located.equals {
                    return Err(SyntaxError::new(
                        "var-positional argument cannot have default value",
                        eq,
                    ));
                }
                if param.is_none() {
                    let next = items.get(i + 1).map(|l| &l.item);
                    if matches!(next, None | Some(Item::DoubleStar(_))) {
                        // For `lambda` CPython reports at the token after it.
                        let at = if lambda {
                            st.tok_span(located.at + 1)
                        } else {
                            here
                        };
                        return Err(SyntaxError::new("named arguments must follow bare *", at));
                    }
                }
                params.vararg.clone_from(param);
                seen_star = true;
            }
            Item::DoubleStar(param) => {
                if let Some(eq) = located.equals {
                    return Err(SyntaxError::new(
                        "var-keyword argument cannot have default value",
                        eq,
                    ));
                }
                params.kwarg = Some(param.clone());
                seen_double_star = true;
            }
            Item::Plain(param) => {
                if seen_star {
                    params.kwonly.push(param.clone());
                } else {
                    if param.default.is_none() && seen_default {
                        return Err(SyntaxError::new(
                            "non-default argument follows default argument",
                            located.span,
                        ));
                    }
                    seen_default |= param.default.is_some();
                    params.args.push(param.clone());
                }
            }
        }
    }
    Ok(params)
}

/// Records CPython's symbol-table error for a repeated parameter name.
fn record_duplicates(params: &Params, st: &mut PState) {
    if st.duplicate.is_some() {
        return;
    }
    let all = params
        .posonly
        .iter()
        .chain(&params.args)
        .chain(&params.vararg)
        .chain(&params.kwonly)
        .chain(&params.kwarg);
    let mut seen: Vec<&str> = Vec::new();
    for p in all {
        if seen.contains(&p.name.name.as_str()) {
            st.duplicate = Some(SyntaxError::new(
                format!(
                    "duplicate argument '{}' in function definition",
                    p.name.name
                ),
                p.name.span,
            ));
            return;
        }
        seen.push(&p.name.name);
    }
}
