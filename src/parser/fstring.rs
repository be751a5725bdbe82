//! Adjacent string literals to one constant or f-string.
//!
//! CPython joins `STRING+` when it builds the node, decoding escapes and
//! parsing f-string fields in order; the first problem raises. Literal
//! and structural errors are reported at the token after the strings (the
//! last token CPython had read); errors inside a field's expression carry
//! their own position and, being parser errors of the field, the
//! `f-string: ` prefix.

use crate::ast::{Constant, Expr, ExprKind, FStringPart, FormattedValue, Span};
use crate::lexer::fstring::{FPart, FieldScan};
use crate::lexer::strings::{decode, split_literal};
use crate::syntax_error::SyntaxError;

use super::state::PState;

/// A string token of the group being joined.
#[derive(Clone, Copy, Debug)]
pub enum Piece<'s> {
    /// A plain literal, as written.
    Plain(&'s str),
    /// A pre-scanned f-string.
    Format(u32),
    /// A bytes literal (refused), with its span.
    Bytes(Span),
}

/// Parses one replacement field's tokens to an expression.
pub type FieldParser<'a> = dyn Fn(&FieldScan) -> Result<Expr, SyntaxError> + 'a;

/// Joins the string tokens of one atom. `span` covers the tokens; `after`
/// is where CPython reports literal errors.
pub fn join(
    pieces: &[Piece<'_>],
    span: Span,
    after: Span,
    st: &PState<'_, '_>,
    parse_field: &FieldParser<'_>,
) -> Result<Expr, SyntaxError> {
    let mut parts: Vec<FStringPart> = Vec::new();
    let mut any_format = false;
    for piece in pieces {
        match *piece {
            Piece::Plain(lit) => {
                let (prefix, body, _) = split_literal(lit);
                let text = decode(body, prefix.raw).map_err(|m| SyntaxError::new(m, after))?;
                push_literal(&mut parts, text);
            }
            Piece::Bytes(at) => {
                return Err(SyntaxError::new(
                    "bytes literals are not supported by pyco",
                    at,
                ));
            }
            Piece::Format(index) => {
                any_format = true;
                let scanned = st
                    .lexed
                    .arena
                    .fstrings
                    .get(index as usize)
                    .ok_or_else(|| SyntaxError::new("invalid syntax", span))?;
                convert_parts(&scanned.parts, &mut parts, after, parse_field)?;
            }
        }
    }
    if any_format {
        Ok(Expr {
            kind: ExprKind::FString(parts),
            span,
        })
    } else {
        let text = match parts.pop() {
            Some(FStringPart::Literal(s)) => s,
            _ => String::new(),
        };
        Ok(Expr {
            kind: ExprKind::Constant(Constant::Str(text)),
            span,
        })
    }
}

fn push_literal(parts: &mut Vec<FStringPart>, text: String) {
    if text.is_empty() {
        return;
    }
    if let Some(FStringPart::Literal(prev)) = parts.last_mut() {
        prev.push_str(&text);
    } else {
        parts.push(FStringPart::Literal(text));
    }
}

/// Converts scanned parts in order, parsing each field's expression.
fn convert_parts(
    scanned: &[FPart],
    out: &mut Vec<FStringPart>,
    after: Span,
    parse_field: &FieldParser<'_>,
) -> Result<(), SyntaxError> {
    for part in scanned {
        match part {
            FPart::Literal(text) => push_literal(out, text.clone()),
            FPart::Error(message) => return Err(SyntaxError::new(message.clone(), after)),
            FPart::LexError(error) => return Err(error.clone()),
            FPart::Field(field) => {
                let value = parse_field(field)?;
                let spec = match &field.spec {
                    Some(spec_parts) => {
                        let mut spec = Vec::new();
                        convert_parts(spec_parts, &mut spec, after, parse_field)?;
                        Some(spec)
                    }
                    None => None,
                };
                out.push(FStringPart::Field(Box::new(FormattedValue {
                    value,
                    conversion: field.conversion,
                    spec,
                    debug_text: field.debug_text.clone(),
                })));
            }
        }
    }
    Ok(())
}
