//! The error every compile-time phase (lexer, indent layer, parser,
//! resolver) reports: CPython's `SyntaxError` family with a span.

use crate::ast::Span;

/// Which `SyntaxError` subclass CPython would raise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    /// `SyntaxError`.
    Syntax,
    /// `IndentationError` (`expected an indented block`, `unexpected indent`,
    /// `unindent does not match any outer indentation level`).
    Indentation,
    /// `TabError` (inconsistent use of tabs and spaces).
    Tab,
}

impl SyntaxErrorKind {
    /// The exception class name.
    #[must_use]
    pub fn class_name(self) -> &'static str {
        match self {
            SyntaxErrorKind::Syntax => "SyntaxError",
            SyntaxErrorKind::Indentation => "IndentationError",
            SyntaxErrorKind::Tab => "TabError",
        }
    }
}

/// A compile-time error: what CPython would print, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// The exception class.
    pub kind: SyntaxErrorKind,
    /// The message, word for word as CPython 3.11 (`expected ':'`).
    pub message: String,
    /// The offending source; the caret line underlines it (at least one
    /// caret). The error's line is the line of `span.start`.
    pub span: Span,
}

impl SyntaxError {
    /// A plain `SyntaxError`.
    #[must_use]
    pub fn new(message: impl Into<String>, span: Span) -> Self {
        Self {
            kind: SyntaxErrorKind::Syntax,
            message: message.into(),
            span,
        }
    }

    /// An `IndentationError`.
    #[must_use]
    pub fn indentation(message: impl Into<String>, span: Span) -> Self {
        Self {
            kind: SyntaxErrorKind::Indentation,
            message: message.into(),
            span,
        }
    }
}
