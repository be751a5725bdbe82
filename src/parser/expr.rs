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
//! Left-associative operators are folded iteratively; prefix operators are
//! collected in a loop, so only real nesting (brackets, `lambda`, `**`,
//! conditionals) recurses, and that is capped by
//! `state::nested`.
//!
//! The three mutually recursive levels (`expression`, `disjunction`,
//! `bitwise_or`, plus `factor` for `**`) are chumsky `recursive` nodes
//! nested inside one another, so that the parsers only hold weak
//! references to themselves and the whole grammar is freed after a parse.

use std::cell::RefCell;

use chumsky::input::{Checkpoint, MapExtra};
use chumsky::prelude::*;

use super::args::{ArgParts, call};
use super::fstring::{Piece, join};
use super::literals::number;
use super::params::params;
use super::state::{
    Ex, In, Inp, MAX_NESTING, Mx, P, PState, Rec, attempt, diag, diag_nested, expr, fail_here,
    here, nested, never, peek_not, probe, tok, too_nested,
};
use super::targets::{
    TargetKind, expr_name, invalid_target, is_bitwise_or_level, is_star_target, starts_with_display,
};
use crate::ast::{
    Arg, BinOp, BoolOp, CmpOp, Comprehension, Constant, DictItem, Expr, ExprKind, Ident, Params,
    Span, UnaryOp,
};
use crate::lexer::Tok;
use crate::syntax_error::SyntaxError;

/// The byte span of what the current parser matched.
pub fn span_of<'t, 's>(e: &mut MapExtra<'t, '_, In<'t, 's>, Ex<'t, 's>>) -> Span {
    let s = e.span();
    e.state().span(s)
}

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
    }
}

/// `expression`: `lambda`, or a disjunction with an optional conditional,
/// with CPython's second-pass messages for a missing comma inside
/// brackets, a missing `else` and a Python 2 `print` statement.
///
/// The conditional is one imperative parser so that the second-pass
/// checks run in CPython's order: `invalid_expression` (the comma and the
/// `else`) before `invalid_legacy_expression`, whose look at what follows
/// the first name runs with the checks on (so `c {a b}` reports the
/// missing comma inside the braces, as CPython does).
fn conditional<'t, 's: 't>(
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
        let first_is_name = matches!(toks.get(body_toks.start), Some(Tok::Name(_)));
        let called = toks.get(body_toks.start + 1) == Some(&Tok::LPar);
        if !first_is_name || called || !toks.get(next).copied().is_some_and(starts_expression) {
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

/// `NAME ':=' expression | expression !':='`, without second-pass checks.
fn named_expression_plain<'t, 's: 't>(
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
fn named_expression<'t, 's: 't>(
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

/// Atoms: names, constants, strings, numbers and the bracket displays.
fn atom<'t, 's: 't>(
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
