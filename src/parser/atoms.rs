//! Atoms: names, constants, strings (joined, f-strings parsed) and the
//! bracket displays with their comprehensions, with CPython's messages for
//! misplaced starred items and missing parentheses or colons.

use chumsky::prelude::*;

use super::fstring::{Piece, join};
use super::literals::number;
use super::state::{P, PState, diag, diag_nested, expr, never, peek_not, probe, span_of, tok};
use crate::ast::{Comprehension, Constant, DictItem, Expr, ExprKind, Span};
use crate::lexer::Tok;
use crate::syntax_error::SyntaxError;

/// Atoms: names, constants, strings, numbers and the bracket displays.
pub(super) fn atom<'t, 's: 't>(
    expression: &P<'t, 's, Expr>,
    star_named_expression: &P<'t, 's, Expr>,
    star_named_flagged: &P<'t, 's, (Expr, bool)>,
    yield_expr: &P<'t, 's, Expr>,
    bitwise_or: &P<'t, 's, Expr>,
    for_if_clauses: &P<'t, 's, Vec<Comprehension>>,
) -> P<'t, 's, Expr> {
    let constant = select! {
        Tok::True => Constant::Bool(true),
        Tok::False => Constant::Bool(false),
        Tok::None => Constant::None,
        Tok::Ellipsis => Constant::Ellipsis,
        Tok::Number(n) => number(n),
    }
    .map_with(|c, e| expr(ExprKind::Constant(c), span_of(e)));
    let name = select! { Tok::Name(n) => n }
        .map_with(|n, e| expr(ExprKind::Name(n.to_owned()), span_of(e)));

    let field = expression.clone().then_ignore(end()).boxed();
    let strings = select! {
        Tok::Str(s) => Piece::Plain(s),
        Tok::FString(i) => Piece::Format(i),
        Tok::Bytes(_) = e => Piece::Bytes(span_of(e)),
    }
    .repeated()
    .at_least(1)
    .collect::<Vec<_>>()
    .try_map_with(move |pieces, e| {
        let toks = e.span();
        let st: &mut PState = e.state();
        let span = st.span(toks);
        let after = st.tok_span(toks.end);
        let parse_field = |scan: &crate::lexer::fstring::FieldScan| parse_field(&field, scan, st);
        match join(&pieces, span, after, st, &parse_field) {
            Ok(value) => Ok(value),
            Err(error) => {
                st.raise(error);
                Err(Cheap::new(toks))
            }
        }
    });

    choice((
        name,
        constant,
        strings,
        paren(star_named_flagged, yield_expr, expression, for_if_clauses),
        list(star_named_expression, for_if_clauses),
        brace(expression, star_named_flagged, bitwise_or, for_if_clauses),
    ))
    .boxed()
}

/// Parses one f-string replacement field with the full two-pass procedure.
fn parse_field<'t, 's>(
    field: &P<'t, 's, Expr>,
    scan: &crate::lexer::fstring::FieldScan,
    st: &PState<'t, 's>,
) -> Result<Expr, SyntaxError> {
    let lexed = st.lexed;
    let range = scan.tokens.clone();
    let (Some(toks), Some(spans)) = (
        lexed.arena.toks.get(range.clone()),
        lexed.arena.spans.get(range),
    ) else {
        return Err(SyntaxError::new(
            "f-string: invalid syntax",
            Span::default(),
        ));
    };
    let eof = spans.last().map_or(0, |s| s.start as usize);
    super::run(field, st.src, lexed, toks, spans, eof).map_err(|failure| {
        let mut error = failure.error;
        if !error.message.starts_with("f-string") {
            error.message = format!("f-string: {}", error.message);
        }
        error
    })
}

/// What followed the first item inside `(`.
#[derive(Clone)]
enum ParenTail {
    Comprehension(Vec<Comprehension>),
    Tuple(Vec<Expr>),
    Group,
}

/// The contents of `(` ... `)`.
#[derive(Clone)]
enum Inside {
    Empty,
    Yield(Expr),
    Item(Expr, ParenTail),
}

/// `(` ... `)`: empty tuple, group, tuple or generator expression. A
/// group keeps its inner expression's span; tuples and generator
/// expressions include the parentheses.
fn paren<'t, 's: 't>(
    star_named_flagged: &P<'t, 's, (Expr, bool)>,
    yield_expr: &P<'t, 's, Expr>,
    expression: &P<'t, 's, Expr>,
    for_if_clauses: &P<'t, 's, Vec<Comprehension>>,
) -> P<'t, 's, Expr> {
    let double_starred = diag(
        tok(Tok::DoubleStar)
            .map_with(|_, e| e.span().start)
            .then_ignore(expression.clone())
            .then_ignore(tok(Tok::RPar)),
        |at, _, st: &PState| {
            Some(SyntaxError::new(
                "cannot use double starred expression here",
                st.tok_span(at),
            ))
        },
    );
    // CPython's `invalid_group` for `(*a)`, whose value is a full
    // expression checked on its own (`(*a b)` is a missing comma).
    let starred_group = diag_nested(
        tok(Tok::Star)
            .map_with(|_, e| e.span().start)
            .then(expression.clone())
            .then_ignore(tok(Tok::RPar)),
        |(star, value), _, st: &PState| {
            Some(SyntaxError::new(
                "cannot use starred expression here",
                st.tok_span(star).to(value.span),
            ))
        },
    );
    let element = star_named_flagged.clone().map(|(e, _)| e);
    let item = element
        .clone()
        .then(choice((
            for_if_clauses.clone().map(ParenTail::Comprehension),
            tok(Tok::Comma)
                .ignore_then(
                    element
                        .separated_by(tok(Tok::Comma))
                        .allow_trailing()
                        .collect::<Vec<_>>(),
                )
                .map(ParenTail::Tuple),
            empty().to(ParenTail::Group),
        )))
        .then_ignore(tok(Tok::RPar))
        .map(|(first, tail)| Inside::Item(first, tail));
    tok(Tok::LPar)
        .ignore_then(choice((
            tok(Tok::RPar).to(Inside::Empty),
            yield_expr
                .clone()
                .then_ignore(tok(Tok::RPar))
                .map(Inside::Yield),
            double_starred.to(Inside::Empty),
            item,
            never(starred_group),
        )))
        .try_map_with(|inside, e| {
            let span = span_of(e);
            let st: &mut PState = e.state();
            let (first, tail) = match inside {
                Inside::Empty => return Ok(expr(ExprKind::Tuple(Vec::new()), span)),
                Inside::Yield(value) => return Ok(value),
                Inside::Item(first, tail) => (first, tail),
            };
            let starred = matches!(first.kind, ExprKind::Starred(_));
            match tail {
                ParenTail::Tuple(rest) => {
                    let mut elts = vec![first];
                    elts.extend(rest);
                    Ok(expr(ExprKind::Tuple(elts), span))
                }
                ParenTail::Group if starred => {
                    if st.diagnosing() {
                        st.raise(SyntaxError::new(
                            "cannot use starred expression here",
                            first.span,
                        ));
                    }
                    Err(Cheap::new(e.span()))
                }
                ParenTail::Group => Ok(first),
                ParenTail::Comprehension(_) if starred => {
                    if st.diagnosing() {
                        st.raise(SyntaxError::new(
                            "iterable unpacking cannot be used in comprehension",
                            first.span,
                        ));
                    }
                    Err(Cheap::new(e.span()))
                }
                ParenTail::Comprehension(generators) => Ok(expr(
                    ExprKind::GeneratorExp {
                        elt: Box::new(first),
                        generators,
                    },
                    span,
                )),
            }
        })
        .boxed()
}

/// What followed the first item inside `[`.
#[derive(Clone)]
enum ListTail {
    Comprehension(Vec<Comprehension>),
    Elements(Vec<Expr>),
}

/// `[` ... `]`: list display or list comprehension.
fn list<'t, 's: 't>(
    star_named_expression: &P<'t, 's, Expr>,
    for_if_clauses: &P<'t, 's, Vec<Comprehension>>,
) -> P<'t, 's, Expr> {
    let item = star_named_expression
        .clone()
        .then(choice((
            for_if_clauses.clone().map(ListTail::Comprehension),
            tok(Tok::Comma)
                .ignore_then(star_named_expression.clone())
                .repeated()
                .collect::<Vec<_>>()
                .then_ignore(tok(Tok::Comma).or_not())
                .map(ListTail::Elements),
        )))
        .then_ignore(tok(Tok::RSqb));
    let missing_parens = display_target_check(star_named_expression, for_if_clauses);
    tok(Tok::LSqb)
        .ignore_then(choice((
            tok(Tok::RSqb).to(None),
            item.map(Some),
            missing_parens.to(None),
        )))
        .try_map_with(|inner, e| {
            let span = span_of(e);
            let st: &mut PState = e.state();
            match inner {
                None => Ok(expr(ExprKind::List(Vec::new()), span)),
                Some((first, ListTail::Elements(rest))) => {
                    let mut elts = vec![first];
                    elts.extend(rest);
                    Ok(expr(ExprKind::List(elts), span))
                }
                Some((first, ListTail::Comprehension(generators))) => {
                    if matches!(first.kind, ExprKind::Starred(_)) {
                        if st.diagnosing() {
                            st.raise(SyntaxError::new(
                                "iterable unpacking cannot be used in comprehension",
                                first.span,
                            ));
                        }
                        return Err(Cheap::new(e.span()));
                    }
                    Ok(expr(
                        ExprKind::ListComp {
                            elt: Box::new(first),
                            generators,
                        },
                        span,
                    ))
                }
            }
        })
        .boxed()
}

/// CPython's `invalid_comprehension` for `[a, b for ...]` and
/// `{a, b for ...}`: "did you forget parentheses around the comprehension
/// target?". Runs after the opening bracket.
fn display_target_check<'t, 's: 't>(
    star_named_expression: &P<'t, 's, Expr>,
    for_if_clauses: &P<'t, 's, Vec<Comprehension>>,
) -> P<'t, 's, ()> {
    diag(
        star_named_expression
            .clone()
            .then(
                tok(Tok::Comma)
                    .ignore_then(star_named_expression.clone())
                    .repeated()
                    .collect::<Vec<_>>(),
            )
            .then(tok(Tok::Comma).map_with(|_, e| e.span().start).or_not())
            .then_ignore(for_if_clauses.clone()),
        |((first, rest), comma), _, st: &PState| {
            let end = match (rest.last(), comma) {
                (Some(last), _) => last.span,
                (None, Some(at)) => st.tok_span(at),
                (None, None) => return None,
            };
            Some(SyntaxError::new(
                "did you forget parentheses around the comprehension target?",
                first.span.to(end),
            ))
        },
    )
    .boxed()
}

/// What followed the first item inside `{`.
#[derive(Clone)]
enum BraceTail {
    DictComp(Expr, Vec<Comprehension>),
    Dict(Expr, Vec<DictItem>),
    SetComp(Vec<Comprehension>),
    Set(Vec<Expr>),
}

/// `{` ... `}`: dict, set, or their comprehensions.
fn brace<'t, 's: 't>(
    expression: &P<'t, 's, Expr>,
    star_named_flagged: &P<'t, 's, (Expr, bool)>,
    bitwise_or: &P<'t, 's, Expr>,
    for_if_clauses: &P<'t, 's, Vec<Comprehension>>,
) -> P<'t, 's, Expr> {
    // The value after `key:`, with CPython's messages for `{a: *b}` and
    // `{a:}`.
    let starred_value = diag(
        tok(Tok::Star)
            .map_with(|_, e| e.span().start)
            .then_ignore(bitwise_or.clone()),
        |at, span, st: &PState| {
            Some(SyntaxError::new(
                "cannot use a starred expression in a dictionary value",
                st.tok_span(at).to(st.span(span)),
            ))
        },
    );
    let missing_value = diag(
        peek_not(|t| !matches!(t, Tok::RBrace | Tok::Comma)).map_with(|(), e| e.span().start),
        |at, _, st: &PState| {
            Some(SyntaxError::new(
                "expression expected after dictionary key and ':'",
                st.tok_span(at.saturating_sub(1)),
            ))
        },
    );
    let value = choice((
        starred_value.to(None),
        missing_value.to(None),
        expression.clone().map(Some),
    ))
    .try_map(|v, span| v.ok_or(Cheap::new(span)));

    // A later dict item: `**m` or `key: value`, or CPython's message for a
    // key without its value.
    let key_without_colon = diag(
        expression
            .clone()
            .then_ignore(peek_not(|t| t == Tok::Colon)),
        |key, _, st: &PState| {
            let end = key.span.end as usize;
            let at = st.src[..end]
                .char_indices()
                .next_back()
                .map_or(0, |(i, _)| i);
            Some(SyntaxError::new(
                "':' expected after dictionary key",
                Span::new(at, end),
            ))
        },
    );
    let dict_item = choice((
        tok(Tok::DoubleStar)
            .ignore_then(bitwise_or.clone())
            .map(DictItem::Unpack),
        expression
            .clone()
            .then_ignore(tok(Tok::Colon))
            .then(value.clone())
            .map(|(k, v)| DictItem::Pair(k, v)),
        key_without_colon
            .to(None)
            .try_map(|v: Option<DictItem>, span| v.ok_or(Cheap::new(span))),
    ));
    let dict_rest = tok(Tok::Comma)
        .ignore_then(dict_item)
        .repeated()
        .collect::<Vec<_>>()
        .then_ignore(tok(Tok::Comma).or_not());

    let first_unpack = tok(Tok::DoubleStar)
        .map_with(|_, e| e.span().start)
        .then(bitwise_or.clone())
        .then(probe(for_if_clauses.clone()))
        .then(dict_rest.clone())
        .try_map_with(|(((at, mapping), clauses), rest), e| {
            let st: &mut PState = e.state();
            if clauses.is_some() {
                st.raise(SyntaxError::new(
                    "dict unpacking cannot be used in dict comprehension",
                    st.tok_span(at),
                ));
                return Err(Cheap::new(e.span()));
            }
            let mut items = vec![DictItem::Unpack(mapping)];
            items.extend(rest);
            Ok(ExprKind::Dict(items))
        });

    let element = star_named_flagged.clone();
    let first_item = element
        .clone()
        .then(choice((
            tok(Tok::Colon)
                .ignore_then(value)
                .then(choice((for_if_clauses.clone().map(Ok), dict_rest.map(Err))))
                .map(|(value, tail)| match tail {
                    Ok(generators) => BraceTail::DictComp(value, generators),
                    Err(rest) => BraceTail::Dict(value, rest),
                }),
            for_if_clauses.clone().map(BraceTail::SetComp),
            tok(Tok::Comma)
                .ignore_then(element.clone().map(|(e, _)| e))
                .repeated()
                .collect::<Vec<_>>()
                .then_ignore(tok(Tok::Comma).or_not())
                .map(BraceTail::Set),
        )))
        .try_map_with(|((first, bare_walrus), tail), e| {
            let st: &mut PState = e.state();
            let starred = matches!(first.kind, ExprKind::Starred(_));
            match tail {
                BraceTail::DictComp(..) | BraceTail::Dict(..) if starred || bare_walrus => {
                    Err(Cheap::new(e.span()))
                }
                BraceTail::DictComp(value, generators) => Ok(ExprKind::DictComp {
                    key: Box::new(first),
                    value: Box::new(value),
                    generators,
                }),
                BraceTail::Dict(value, rest) => {
                    let mut items = vec![DictItem::Pair(first, value)];
                    items.extend(rest);
                    Ok(ExprKind::Dict(items))
                }
                BraceTail::SetComp(_) if starred => {
                    if st.diagnosing() {
                        st.raise(SyntaxError::new(
                            "iterable unpacking cannot be used in comprehension",
                            first.span,
                        ));
                    }
                    Err(Cheap::new(e.span()))
                }
                BraceTail::SetComp(generators) => Ok(ExprKind::SetComp {
                    elt: Box::new(first),
                    generators,
                }),
                BraceTail::Set(rest) => {
                    let mut elts = vec![first];
                    elts.extend(rest);
                    Ok(ExprKind::Set(elts))
                }
            }
        });

    let missing_parens = display_target_check(
        &star_named_flagged.clone().map(|(e, _)| e).boxed(),
        for_if_clauses,
    );
    tok(Tok::LBrace)
        .ignore_then(choice((
            tok(Tok::RBrace).to(ExprKind::Dict(Vec::new())),
            first_unpack.then_ignore(tok(Tok::RBrace)),
            first_item.then_ignore(tok(Tok::RBrace)),
            missing_parens.to(ExprKind::Set(Vec::new())),
        )))
        .map_with(|kind, e| expr(kind, span_of(e)))
        .boxed()
}
