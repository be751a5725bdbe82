//! The expression grammar, from atoms up to `lambda`.
//!
//! Precedence, loosest first: `lambda`, conditional, `or`, `and`, `not`,
//! comparisons (chained), `|`, `^`, `&`, shifts, `+ -`, `* / // % @`,
//! unary `- + ~`, `**` (right-associative, binding tighter than a unary
//! operator on its left and looser than one on its right), `await`, then
//! calls, subscripts and attributes.
//!
//! Rules are named after CPython's grammar (`Grammar/python.gram`) but
//! left-factored: where CPython tries alternatives that re-parse the same
//! prefix, this grammar parses the prefix once and looks at what follows.
//! The six left-associative binary levels are one precedence-climbing
//! loop; prefix operators are collected in a loop; so only real nesting
//! (brackets, `lambda`, `**`, conditionals) recurses, and that is capped by
//! `state::nested`.
//!
//! This module assembles the levels; `conditional` holds `expression`
//! itself, `named` the walrus, `atoms` the atoms and displays, `args` and
//! `params` the argument and parameter lists. The mutually recursive
//! levels (`expression`, `disjunction`, `bitwise_or`, `factor`, `primary`)
//! are chumsky `recursive` nodes nested inside one another, so that the
//! parsers only hold weak references to themselves and the whole grammar
//! is freed after a parse.

use std::cell::RefCell;

use chumsky::prelude::*;

use super::args::{ArgParts, call};
use super::atoms::atom;
use super::conditional::conditional;
use super::named::{named_expression, named_expression_plain};
use super::params::params;
use super::state::span_of;
use super::state::{
    Ex, In, Inp, MAX_NESTING, Mx, P, PState, Rec, diag_nested, expr, here, nested, never, tok,
    too_nested,
};
use super::targets::{TargetKind, expr_name, invalid_target, is_star_target};
use crate::ast::{
    Arg, BinOp, BoolOp, CmpOp, Comprehension, Expr, ExprKind, Ident, Params, Span, UnaryOp,
};
use crate::lexer::Tok;
use crate::syntax_error::SyntaxError;

/// The expression parsers the statement grammar uses.
pub struct Exprs<'t, 's> {
    /// Keeps the recursive grammar alive (inner parsers hold weak links).
    _root: Recursive<chumsky::recursive::Direct<'t, 't, In<'t, 's>, Expr, Ex<'t, 's>>>,
    /// An identifier.
    pub name: P<'t, 's, Ident>,
    /// `expression`.
    pub expression: P<'t, 's, Expr>,
    /// `named_expression`: an expression or `name := expression`.
    pub named_expression: P<'t, 's, Expr>,
    /// `star_expressions`: a tuple when there are commas.
    pub star_expressions: P<'t, 's, Expr>,
    /// `yield_expr`.
    pub yield_expr: P<'t, 's, Expr>,
    /// `primary`: an atom with its trailers.
    pub primary: P<'t, 's, Expr>,
    /// `star_targets` of `for` loops (checked).
    pub for_targets: P<'t, 's, Expr>,
    /// One `star_target` (checked), for `with ... as`.
    pub star_target: P<'t, 's, Expr>,
    /// Class header arguments, `(` to `)`.
    pub class_args: P<'t, 's, Vec<Arg>>,
    /// Function parameters (between the parentheses).
    pub def_params: P<'t, 's, Params>,
    /// `bitwise_or`: an operand of comparisons (and a `case` pattern).
    pub bitwise_or: P<'t, 's, Expr>,
}

/// Parts built inside the recursive closures and handed out.
struct Inner<'t, 's> {
    name: P<'t, 's, Ident>,
    named_expression: P<'t, 's, Expr>,
    star_expressions: P<'t, 's, Expr>,
    star_expression: P<'t, 's, Expr>,
    yield_expr: P<'t, 's, Expr>,
    primary: P<'t, 's, Expr>,
    for_targets: P<'t, 's, Expr>,
    star_target: P<'t, 's, Expr>,
    class_args: P<'t, 's, Vec<Arg>>,
}

/// Builds the expression grammar.
#[must_use]
pub fn grammar<'t, 's: 't>() -> Exprs<'t, 's> {
    let stash: RefCell<Option<Inner<'t, 's>>> = RefCell::new(None);
    let or_stash: RefCell<Option<P<'t, 's, Expr>>> = RefCell::new(None);
    let root = recursive(|expression| {
        let expression = expression.boxed();
        let inner_stash: RefCell<Option<Inner<'t, 's>>> = RefCell::new(None);
        let disjunction = recursive(|disjunction| {
            let disjunction = disjunction.boxed();
            let bitwise_or = recursive(|bitwise_or| {
                let (bitwise_or, inner) =
                    operand_levels(&expression, &disjunction, &bitwise_or.boxed());
                inner_stash.replace(Some(inner));
                bitwise_or
            })
            .boxed();
            or_stash.replace(Some(bitwise_or.clone()));
            boolean_levels(&bitwise_or)
        })
        .boxed();
        let inner = inner_stash
            .take()
            .expect("operand levels are built eagerly");
        let lambda_params = params(&inner.name, &expression, &inner.star_expression, true);
        let core = conditional(
            &expression,
            &disjunction,
            &inner.star_expressions,
            lambda_params,
        );
        stash.replace(Some(inner));
        nested(core)
    });
    let inner = stash.take().expect("the grammar is built eagerly");
    let expression = root.clone().boxed();
    let def_params = params(&inner.name, &expression, &inner.star_expression, false);
    Exprs {
        _root: root,
        name: inner.name,
        expression,
        named_expression: inner.named_expression,
        star_expressions: inner.star_expressions,
        yield_expr: inner.yield_expr,
        primary: inner.primary,
        for_targets: inner.for_targets,
        star_target: inner.star_target,
        class_args: inner.class_args,
        def_params,
        bitwise_or: or_stash.take().expect("the grammar is built eagerly"),
    }
}

/// `disjunction`, `conjunction`, `inversion` and `comparison`.
fn boolean_levels<'t, 's: 't>(bitwise_or: &P<'t, 's, Expr>) -> P<'t, 's, Expr> {
    let cmp_op = choice((
        tok(Tok::EqEqual).to(CmpOp::Eq),
        tok(Tok::NotEqual).to(CmpOp::NotEq),
        tok(Tok::LessEqual).to(CmpOp::LtE),
        tok(Tok::Less).to(CmpOp::Lt),
        tok(Tok::GreaterEqual).to(CmpOp::GtE),
        tok(Tok::Greater).to(CmpOp::Gt),
        tok(Tok::Not).then(tok(Tok::In)).to(CmpOp::NotIn),
        tok(Tok::In).to(CmpOp::In),
        tok(Tok::Is).then(tok(Tok::Not)).to(CmpOp::IsNot),
        tok(Tok::Is).to(CmpOp::Is),
    ));
    let comparison = bitwise_or
        .clone()
        .then(
            cmp_op
                .then(bitwise_or.clone())
                .repeated()
                .collect::<Vec<_>>(),
        )
        .map_with(|(left, rest), e| {
            if rest.is_empty() {
                return left;
            }
            let span = span_of(e);
            let (ops, comparators) = rest.into_iter().unzip();
            expr(
                ExprKind::Compare {
                    left: Box::new(left),
                    ops,
                    comparators,
                },
                span,
            )
        });
    let inversion = tok(Tok::Not)
        .map_with(|_, e| (UnaryOp::Not, e.span().start))
        .repeated()
        .collect::<Vec<_>>()
        .then(comparison)
        .try_map_with(|(nots, operand), e| {
            let end = span_of(e).end;
            let st: &mut PState = e.state();
            prefix_chain(nots, operand, end, st).ok_or_else(|| Cheap::new(e.span()))
        });
    let conjunction = bool_chain(inversion.boxed(), Tok::And, BoolOp::And);
    bool_chain(conjunction, Tok::Or, BoolOp::Or)
}

/// `operand (op operand)*` as one `BoolOp` with all the operands.
fn bool_chain<'t, 's: 't>(operand: P<'t, 's, Expr>, op: Tok<'s>, kind: BoolOp) -> P<'t, 's, Expr> {
    operand
        .clone()
        .then(tok(op).ignore_then(operand).repeated().collect::<Vec<_>>())
        .map_with(move |(first, rest), e| {
            if rest.is_empty() {
                return first;
            }
            let span = span_of(e);
            let mut values = Vec::with_capacity(rest.len() + 1);
            values.push(first);
            values.extend(rest);
            expr(ExprKind::BoolOp { op: kind, values }, span)
        })
        .boxed()
}

/// The binary operator of a token and its precedence (higher binds
/// tighter): `|` < `^` < `&` < shifts < `+ -` < `* / // % @`.
fn binary_operator(t: Tok<'_>) -> Option<(BinOp, u8)> {
    Some(match t {
        Tok::VBar => (BinOp::BitOr, 1),
        Tok::Circumflex => (BinOp::BitXor, 2),
        Tok::Amper => (BinOp::BitAnd, 3),
        Tok::LeftShift => (BinOp::LShift, 4),
        Tok::RightShift => (BinOp::RShift, 4),
        Tok::Plus => (BinOp::Add, 5),
        Tok::Minus => (BinOp::Sub, 5),
        Tok::Star => (BinOp::Mul, 6),
        Tok::Slash => (BinOp::Div, 6),
        Tok::DoubleSlash => (BinOp::FloorDiv, 6),
        Tok::Percent => (BinOp::Mod, 6),
        Tok::At => (BinOp::MatMul, 6),
        _ => return None,
    })
}

/// `bitwise_or` down to `term`: CPython's six left-recursive levels as one
/// precedence-climbing loop over `factor` operands. Chains are folded in a
/// loop (no recursion per operand), and when an operator has no right
/// operand the loop stops before it, as the PEG rules do.
fn binary_operators<'t, 's: 't>(factor: P<'t, 's, Expr>) -> P<'t, 's, Expr> {
    custom(move |inp: &mut Inp<'t, '_, 's>| climb(inp, &factor, 0)).boxed()
}

/// Parses operands joined by operators of precedence `min` or more.
fn climb<'t, 's: 't>(
    inp: &mut Inp<'t, '_, 's>,
    factor: &P<'t, 's, Expr>,
    min: u8,
) -> Result<Expr, super::state::Err> {
    let start = here(inp);
    let mut left = inp.parse(factor)?;
    loop {
        let at = here(inp);
        inp.state().read(at);
        let Some((op, precedence)) = inp.peek().and_then(binary_operator) else {
            break;
        };
        if precedence < min {
            break;
        }
        let before_op = inp.save();
        let _ = inp.next_maybe();
        let Ok(right) = climb(inp, factor, precedence + 1) else {
            inp.rewind(before_op);
            break;
        };
        let end = here(inp);
        let span = inp.state().span(SimpleSpan::from(start..end));
        left = expr(
            ExprKind::BinOp {
                left: Box::new(left),
                op,
                right: Box::new(right),
            },
            span,
        );
    }
    Ok(left)
}

/// Everything from atoms up to `bitwise_or`, plus the parsers built from
/// them (displays, calls, targets, comprehensions, `named_expression`).
fn operand_levels<'t, 's: 't>(
    expression: &P<'t, 's, Expr>,
    disjunction: &P<'t, 's, Expr>,
    bitwise_or: &P<'t, 's, Expr>,
) -> (P<'t, 's, Expr>, Inner<'t, 's>) {
    let name = select! { Tok::Name(n) => n }
        .map_with(|n, e| Ident {
            name: n.to_owned(),
            span: span_of(e),
        })
        .boxed();

    let named = named_expression(expression, bitwise_or, true);
    let named_expression = named.clone().map(|(e, _)| e).boxed();
    // `assignment_expression | expression !':='` without the second-pass
    // checks (call arguments, generator elements).
    let assignment_or_expression = named_expression_plain(expression, bitwise_or);
    let starred = tok(Tok::Star)
        .ignore_then(bitwise_or.clone())
        .map_with(|value, e| expr(ExprKind::Starred(Box::new(value)), span_of(e)))
        .boxed();
    let star_named_expression = starred.clone().or(named_expression.clone()).boxed();
    let star_named_flagged = starred
        .clone()
        .map(|e| (e, false))
        .or(named.clone())
        .boxed();
    let star_expression = starred.clone().or(expression.clone()).boxed();
    let star_expressions = comma_list(star_expression.clone());
    let yield_expr = tok(Tok::Yield)
        .ignore_then(choice((
            tok(Tok::From)
                .ignore_then(expression.clone())
                .map(|e| ExprKind::YieldFrom(Box::new(e))),
            star_expressions
                .clone()
                .or_not()
                .map(|e| ExprKind::Yield(e.map(Box::new))),
        )))
        .map_with(|kind, e| expr(kind, span_of(e)))
        .boxed();

    // Comprehension clauses need targets (primaries), which need atoms,
    // which need comprehensions: a recursive node ties the knot, and the
    // clause and target parsers built inside are handed out through cells.
    let clauses_cell: RefCell<Option<Clauses<'t, 's>>> = RefCell::new(None);
    let primary = recursive(|primary| {
        let primary = primary.boxed();
        let for_targets = comma_list(checked_target(&primary, TargetKind::For));
        let clauses = for_if_clauses(&for_targets, disjunction, &star_expressions);
        clauses_cell.replace(Some((clauses.clone(), for_targets)));
        let parts = ArgParts {
            expression: expression.clone(),
            assignment_or_expression: assignment_or_expression.clone(),
            for_if_clauses: clauses.clone(),
            name: name.clone(),
        };
        let call_args = call(&parts, true);
        let atom = atom(
            expression,
            &star_named_expression,
            &star_named_flagged,
            &yield_expr,
            bitwise_or,
            &clauses,
        );
        let slices = slices(expression, &named, &starred);
        let trailer = choice((
            tok(Tok::Dot).ignore_then(name.clone()).map(Trailer::Attr),
            call_args.map(Trailer::Call),
            tok(Tok::LSqb)
                .ignore_then(slices)
                .then_ignore(tok(Tok::RSqb))
                .map(Trailer::Index),
        ));
        atom.foldl_with(trailer.repeated(), |value, trailer, e| {
            let span = span_of(e);
            let kind = match trailer {
                Trailer::Attr(attr) => ExprKind::Attribute {
                    value: Box::new(value),
                    attr,
                },
                Trailer::Call(args) => ExprKind::Call {
                    func: Box::new(value),
                    args,
                },
                Trailer::Index(index) => ExprKind::Subscript {
                    value: Box::new(value),
                    index: Box::new(index),
                },
            };
            expr(kind, span)
        })
    })
    .boxed();
    let (for_if_clauses, for_targets) = clauses_cell
        .take()
        .expect("comprehension clauses are built eagerly");

    let class_args = call(
        &ArgParts {
            expression: expression.clone(),
            assignment_or_expression,
            for_if_clauses: for_if_clauses.clone(),
            name: name.clone(),
        },
        false,
    );

    let await_primary = tok(Tok::Await)
        .ignore_then(primary.clone())
        .map_with(|value, e| expr(ExprKind::Await(Box::new(value)), span_of(e)))
        .or(primary.clone())
        .boxed();

    let factor = recursive(|factor: Rec<'t, 's, Expr>| {
        let power = await_primary
            .clone()
            .then(tok(Tok::DoubleStar).ignore_then(nested(factor)).or_not())
            .map_with(|(left, right), e| match right {
                None => left,
                Some(right) => {
                    let span = span_of(e);
                    expr(
                        ExprKind::BinOp {
                            left: Box::new(left),
                            op: BinOp::Pow,
                            right: Box::new(right),
                        },
                        span,
                    )
                }
            });
        let unary_op = select! {
            Tok::Minus => UnaryOp::Neg,
            Tok::Plus => UnaryOp::Pos,
            Tok::Tilde => UnaryOp::Invert,
        };
        unary_op
            .map_with(|op, e: &mut Mx| (op, e.span().start))
            .repeated()
            .collect::<Vec<_>>()
            .then(power)
            .try_map_with(|(ops, operand), e| {
                let end = span_of(e).end;
                let st: &mut PState = e.state();
                let ops: Vec<(UnaryOp, usize)> = ops;
                prefix_chain(ops, operand, end, st).ok_or_else(|| Cheap::new(e.span()))
            })
    })
    .boxed();

    let or = binary_operators(factor);

    let star_target = checked_target(&primary, TargetKind::Star);

    let inner = Inner {
        name,
        named_expression,
        star_expressions,
        star_expression,
        yield_expr,
        primary,
        for_targets,
        star_target,
        class_args,
    };
    (or, inner)
}

/// Builds `op op ... operand` (prefix operators collected in a loop),
/// refusing chains longer than [`MAX_NESTING`].
fn prefix_chain(
    ops: Vec<(UnaryOp, usize)>,
    operand: Expr,
    end: u32,
    st: &mut PState,
) -> Option<Expr> {
    if ops.len() > MAX_NESTING as usize {
        let at = st.tok_span(ops[MAX_NESTING as usize].1);
        st.raise(too_nested(at));
        return None;
    }
    Some(ops.into_iter().rev().fold(operand, |acc, (op, i)| {
        let span = Span {
            start: st.tok_span(i).start,
            end,
        };
        expr(
            ExprKind::UnaryOp {
                op,
                operand: Box::new(acc),
            },
            span,
        )
    }))
}

/// The comprehension-clause and `for`-target parsers, handed out of the
/// recursive node that builds them.
type Clauses<'t, 's> = (P<'t, 's, Vec<Comprehension>>, P<'t, 's, Expr>);

/// A trailer of a primary.
#[derive(Clone)]
enum Trailer {
    Attr(Ident),
    Call(Vec<Arg>),
    Index(Expr),
}

/// `item (',' item)* [',']`: the item alone, or a tuple when there is a
/// comma (the tuple's span covers a trailing comma).
fn comma_list<'t, 's: 't>(item: P<'t, 's, Expr>) -> P<'t, 's, Expr> {
    item.clone()
        .then(
            tok(Tok::Comma)
                .ignore_then(item)
                .repeated()
                .collect::<Vec<_>>(),
        )
        .then(tok(Tok::Comma).or_not())
        .map_with(|((first, rest), trailing), e| {
            if rest.is_empty() && trailing.is_none() {
                return first;
            }
            let mut elts = Vec::with_capacity(rest.len() + 1);
            elts.push(first);
            elts.extend(rest);
            expr(ExprKind::Tuple(elts), span_of(e))
        })
        .boxed()
}

/// A target parsed as a primary (or a starred primary) and checked.
fn checked_target<'t, 's: 't>(primary: &P<'t, 's, Expr>, kind: TargetKind) -> P<'t, 's, Expr> {
    let starred = tok(Tok::Star)
        .ignore_then(primary.clone())
        .map_with(|value, e| expr(ExprKind::Starred(Box::new(value)), span_of(e)));
    starred
        .or(primary.clone())
        .try_map(move |target, span| {
            let ok = match kind {
                TargetKind::Del => super::targets::is_del_target(&target),
                TargetKind::Star | TargetKind::For => is_star_target(&target),
            };
            if ok {
                Ok(target)
            } else {
                Err(Cheap::new(span))
            }
        })
        .boxed()
}

/// `for_if_clauses`: `[async] for targets in disjunction (if disjunction)*`,
/// one or more, with CPython's `invalid_for_target` message.
fn for_if_clauses<'t, 's: 't>(
    for_targets: &P<'t, 's, Expr>,
    disjunction: &P<'t, 's, Expr>,
    star_expressions: &P<'t, 's, Expr>,
) -> P<'t, 's, Vec<Comprehension>> {
    let bad_target = diag_nested(
        tok(Tok::Async)
            .or_not()
            .ignore_then(tok(Tok::For))
            .ignore_then(star_expressions.clone()),
        |target, _, _| {
            invalid_target(&target, TargetKind::For).map(|bad| {
                SyntaxError::new(format!("cannot assign to {}", expr_name(bad)), bad.span)
            })
        },
    );
    let clause = tok(Tok::Async)
        .or_not()
        .then_ignore(tok(Tok::For))
        .then(for_targets.clone())
        .then_ignore(tok(Tok::In))
        .then(disjunction.clone())
        .then(
            tok(Tok::If)
                .ignore_then(disjunction.clone())
                .repeated()
                .collect::<Vec<_>>(),
        )
        .map(|(((is_async, target), iter), ifs)| Comprehension {
            target,
            iter,
            ifs,
            is_async: is_async.is_some(),
        });
    clause
        .or(never(bad_target))
        .repeated()
        .at_least(1)
        .collect::<Vec<_>>()
        .boxed()
}

/// `slices`: one slice or index, or a tuple of them.
fn slices<'t, 's: 't>(
    expression: &P<'t, 's, Expr>,
    named: &P<'t, 's, (Expr, bool)>,
    starred: &P<'t, 's, Expr>,
) -> P<'t, 's, Expr> {
    let bound = expression.clone().or_not();
    // `[lower] ':' [upper] [':' [step]]` after an optional lower bound
    // that was parsed as a named expression.
    let slice_rest = tok(Tok::Colon)
        .ignore_then(bound.clone())
        .then(tok(Tok::Colon).ignore_then(bound).or_not());
    let item = choice((
        starred.clone().map(|e| (e, true)),
        named
            .clone()
            .or_not()
            .then(slice_rest.or_not())
            .try_map_with(|(lower, rest), e| match (lower, rest) {
                (Some((value, _)), None) => Ok((value, false)),
                // Nothing, or a bare walrus as a lower bound.
                (None, None) | (Some((_, true)), Some(_)) => Err(Cheap::new(e.span())),
                (lower, Some((upper, step))) => Ok((
                    expr(
                        ExprKind::Slice {
                            lower: lower.map(|(l, _)| Box::new(l)),
                            upper: upper.map(Box::new),
                            step: step.flatten().map(Box::new),
                        },
                        span_of(e),
                    ),
                    false,
                )),
            }),
    ));
    item.clone()
        .then(
            tok(Tok::Comma)
                .ignore_then(item)
                .repeated()
                .collect::<Vec<_>>(),
        )
        .then(tok(Tok::Comma).or_not())
        .try_map_with(|(((first, first_starred), rest), trailing), e| {
            if rest.is_empty() && trailing.is_none() {
                if first_starred {
                    // `a[*b]` is a one-element tuple.
                    return Ok(expr(ExprKind::Tuple(vec![first]), span_of(e)));
                }
                return Ok(first);
            }
            let mut elts = vec![first];
            elts.extend(rest.into_iter().map(|(x, _)| x));
            Ok(expr(ExprKind::Tuple(elts), span_of(e)))
        })
        .boxed()
}
