//! Source text to tokens: the logos rules plus the layout pass.
//!
//! Lexing happens in two steps, like CPython's tokenizer:
//!
//! 1. [`Tok`] derives a logos DFA for names, keywords, operators, numbers
//!    and strings. Numbers and strings are found by a short regex and then
//!    scanned by hand (`numbers`, `strings`) because their rules (digit
//!    separators, prefixes, triple quotes, escapes) are easier to follow as
//!    code, and so that their errors carry CPython's messages and columns.
//! 2. `indent` turns the raw physical-line tokens into logical lines:
//!    NEWLINE, INDENT and DEDENT, brackets and their errors.
//!
//! String *contents* are not decoded here: CPython decodes escapes and
//! parses f-strings while building the tree, so their errors rank as
//! parser errors. `strings` holds the decoding functions the parser calls.
//!
//! The result is a [`Lexed`] stream: tokens, their byte spans, and how the
//! stream ended (see [`LexEnd`]), which the parser needs to rank errors the
//! way CPython does.

pub(crate) mod fstring;
mod indent;
mod numbers;
pub(crate) mod strings;

use std::fmt;

use logos::Logos;

use crate::ast::Span;
use crate::syntax_error::SyntaxError;

pub use indent::{LexEnd, Lexed, Stop, StopKind, lex, lex_range};

/// One token. Payload-carrying tokens borrow their text from the source.
///
/// `Newline` and `Comment` are produced raw by logos; the layout pass
/// drops comments, drops newlines inside brackets and on blank lines, and
/// adds `Indent`, `Dedent` and `Error`. The parser only ever sees the
/// layout pass's output.
#[derive(Logos, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[logos(error(LexError, LexError::from_lexer))]
#[logos(skip r"[ \t\x0c]+")]
pub enum Tok<'s> {
    /// An identifier (including the soft keywords `match`, `case`, `_`, `type`).
    #[regex(r"[\p{XID_Start}_]\p{XID_Continue}*", |lex| lex.slice())]
    Name(&'s str),
    /// A number as written (`1_000`, `0xff`, `1.5e3`); the parser converts it.
    #[regex(r"[0-9]|\.[0-9]", numbers::scan)]
    Number(&'s str),
    /// A string literal as written, prefix and quotes included.
    #[regex(r#"([rRuUfF]|[rR][fF]|[fF][rR])?["']"#, strings::scan)]
    Str(&'s str),
    /// A bytes literal: recognized only to be refused (by the parser, when
    /// it builds the string, as CPython reports string errors).
    #[regex(r#"([bB]|[rR][bB]|[bB][rR])["']"#, strings::scan)]
    Bytes(&'s str),
    /// An f-string after the pre-scan: an index into the f-string scans of the [`Lexed`] stream.
    FString(u32),

    /// `False`
    #[token("False")]
    False,
    /// `None`
    #[token("None")]
    None,
    /// `True`
    #[token("True")]
    True,
    /// `and`
    #[token("and")]
    And,
    /// `as`
    #[token("as")]
    As,
    /// `assert`
    #[token("assert")]
    Assert,
    /// `async`
    #[token("async")]
    Async,
    /// `await`
    #[token("await")]
    Await,
    /// `break`
    #[token("break")]
    Break,
    /// `class`
    #[token("class")]
    Class,
    /// `continue`
    #[token("continue")]
    Continue,
    /// `def`
    #[token("def")]
    Def,
    /// `del`
    #[token("del")]
    Del,
    /// `elif`
    #[token("elif")]
    Elif,
    /// `else`
    #[token("else")]
    Else,
    /// `except`
    #[token("except")]
    Except,
    /// `finally`
    #[token("finally")]
    Finally,
    /// `for`
    #[token("for")]
    For,
    /// `from`
    #[token("from")]
    From,
    /// `global`
    #[token("global")]
    Global,
    /// `if`
    #[token("if")]
    If,
    /// `import`
    #[token("import")]
    Import,
    /// `in`
    #[token("in")]
    In,
    /// `is`
    #[token("is")]
    Is,
    /// `lambda`
    #[token("lambda")]
    Lambda,
    /// `nonlocal`
    #[token("nonlocal")]
    Nonlocal,
    /// `not`
    #[token("not")]
    Not,
    /// `or`
    #[token("or")]
    Or,
    /// `pass`
    #[token("pass")]
    Pass,
    /// `raise`
    #[token("raise")]
    Raise,
    /// `return`
    #[token("return")]
    Return,
    /// `try`
    #[token("try")]
    Try,
    /// `while`
    #[token("while")]
    While,
    /// `with`
    #[token("with")]
    With,
    /// `yield`
    #[token("yield")]
    Yield,

    /// `(`
    #[token("(")]
    LPar,
    /// `)`
    #[token(")")]
    RPar,
    /// `[`
    #[token("[")]
    LSqb,
    /// `]`
    #[token("]")]
    RSqb,
    /// `{`
    #[token("{")]
    LBrace,
    /// `}`
    #[token("}")]
    RBrace,
    /// `:`
    #[token(":")]
    Colon,
    /// `,`
    #[token(",")]
    Comma,
    /// `;`
    #[token(";")]
    Semi,
    /// `+`
    #[token("+")]
    Plus,
    /// `-`
    #[token("-")]
    Minus,
    /// `*`
    #[token("*")]
    Star,
    /// `/`
    #[token("/")]
    Slash,
    /// `|`
    #[token("|")]
    VBar,
    /// `&`
    #[token("&")]
    Amper,
    /// `<`
    #[token("<")]
    Less,
    /// `>`
    #[token(">")]
    Greater,
    /// `=`
    #[token("=")]
    Equal,
    /// `.`
    #[token(".")]
    Dot,
    /// `%`
    #[token("%")]
    Percent,
    /// `==`
    #[token("==")]
    EqEqual,
    /// `!=`
    #[token("!=")]
    NotEqual,
    /// `<=`
    #[token("<=")]
    LessEqual,
    /// `>=`
    #[token(">=")]
    GreaterEqual,
    /// `~`
    #[token("~")]
    Tilde,
    /// `^`
    #[token("^")]
    Circumflex,
    /// `<<`
    #[token("<<")]
    LeftShift,
    /// `>>`
    #[token(">>")]
    RightShift,
    /// `**`
    #[token("**")]
    DoubleStar,
    /// `+=`
    #[token("+=")]
    PlusEqual,
    /// `-=`
    #[token("-=")]
    MinEqual,
    /// `*=`
    #[token("*=")]
    StarEqual,
    /// `/=`
    #[token("/=")]
    SlashEqual,
    /// `%=`
    #[token("%=")]
    PercentEqual,
    /// `&=`
    #[token("&=")]
    AmperEqual,
    /// `|=`
    #[token("|=")]
    VBarEqual,
    /// `^=`
    #[token("^=")]
    CircumflexEqual,
    /// `<<=`
    #[token("<<=")]
    LeftShiftEqual,
    /// `>>=`
    #[token(">>=")]
    RightShiftEqual,
    /// `**=`
    #[token("**=")]
    DoubleStarEqual,
    /// `//`
    #[token("//")]
    DoubleSlash,
    /// `//=`
    #[token("//=")]
    DoubleSlashEqual,
    /// `@`
    #[token("@")]
    At,
    /// `@=`
    #[token("@=")]
    AtEqual,
    /// `->`
    #[token("->")]
    RArrow,
    /// `...`
    #[token("...")]
    Ellipsis,
    /// `:=`
    #[token(":=")]
    ColonEqual,
    /// An ASCII character that is no Python token (`$`, `?`, `!`, `` ` ``):
    /// CPython reports a plain `invalid syntax` where the parser meets it.
    #[regex(r"[$?!`]")]
    Unknown,

    /// End of a logical line (raw: one physical line break).
    #[regex(r"\r\n|\r|\n")]
    Newline,
    /// A comment; dropped by the layout pass.
    #[regex(r"#[^\r\n]*", allow_greedy = true)]
    Comment,
    /// `\` followed by a line break: the lines are joined.
    #[regex(r"\\(\r\n|\r|\n)")]
    Continuation,
    /// `\` followed by anything else, or by the end of the input.
    #[token("\\")]
    Backslash,
    /// The indentation grew (layout pass).
    Indent,
    /// The indentation shrank back to an enclosing level (layout pass).
    Dedent,
    /// Lexing stopped here with an error the parser reports only if it gets
    /// this far (see [`LexEnd`]).
    Error,
    /// The end of a complete file (CPython's ENDMARKER).
    EndMarker,
}

// Tokens are copied around by the parser: keep them a slice and a tag.
const _: () = assert!(std::mem::size_of::<Tok<'static>>() == 24);

impl Tok<'_> {
    /// Whether the token only marks layout (the end of a statement's text).
    #[must_use]
    pub fn is_layout(self) -> bool {
        matches!(
            self,
            Tok::Newline | Tok::Indent | Tok::Dedent | Tok::EndMarker
        )
    }

    /// The keyword's text, if the token is a keyword.
    #[must_use]
    pub fn keyword(self) -> Option<&'static str> {
        Some(match self {
            Tok::False => "False",
            Tok::None => "None",
            Tok::True => "True",
            Tok::And => "and",
            Tok::As => "as",
            Tok::Assert => "assert",
            Tok::Async => "async",
            Tok::Await => "await",
            Tok::Break => "break",
            Tok::Class => "class",
            Tok::Continue => "continue",
            Tok::Def => "def",
            Tok::Del => "del",
            Tok::Elif => "elif",
            Tok::Else => "else",
            Tok::Except => "except",
            Tok::Finally => "finally",
            Tok::For => "for",
            Tok::From => "from",
            Tok::Global => "global",
            Tok::If => "if",
            Tok::Import => "import",
            Tok::In => "in",
            Tok::Is => "is",
            Tok::Lambda => "lambda",
            Tok::Nonlocal => "nonlocal",
            Tok::Not => "not",
            Tok::Or => "or",
            Tok::Pass => "pass",
            Tok::Raise => "raise",
            Tok::Return => "return",
            Tok::Try => "try",
            Tok::While => "while",
            Tok::With => "with",
            Tok::Yield => "yield",
            _ => return None,
        })
    }
}

impl fmt::Display for Tok<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(kw) = self.keyword() {
            return f.write_str(kw);
        }
        match self {
            Tok::Name(s) | Tok::Number(s) | Tok::Str(s) | Tok::Bytes(s) => f.write_str(s),
            Tok::FString(_) => f.write_str("<f-string>"),
            Tok::Newline => f.write_str("NEWLINE"),
            Tok::Indent => f.write_str("INDENT"),
            Tok::Dedent => f.write_str("DEDENT"),
            Tok::Comment => f.write_str("<comment>"),
            Tok::Continuation | Tok::Backslash => f.write_str("\\"),
            Tok::Error => f.write_str("<error>"),
            Tok::EndMarker => f.write_str("ENDMARKER"),
            Tok::Unknown => f.write_str("<unknown>"),
            other => f.write_str(punct_text(*other)),
        }
    }
}

/// The text of an operator or delimiter token.
fn punct_text(tok: Tok<'_>) -> &'static str {
    match tok {
        Tok::LPar => "(",
        Tok::RPar => ")",
        Tok::LSqb => "[",
        Tok::RSqb => "]",
        Tok::LBrace => "{",
        Tok::RBrace => "}",
        Tok::Colon => ":",
        Tok::Comma => ",",
        Tok::Semi => ";",
        Tok::Plus => "+",
        Tok::Minus => "-",
        Tok::Star => "*",
        Tok::Slash => "/",
        Tok::VBar => "|",
        Tok::Amper => "&",
        Tok::Less => "<",
        Tok::Greater => ">",
        Tok::Equal => "=",
        Tok::Dot => ".",
        Tok::Percent => "%",
        Tok::EqEqual => "==",
        Tok::NotEqual => "!=",
        Tok::LessEqual => "<=",
        Tok::GreaterEqual => ">=",
        Tok::Tilde => "~",
        Tok::Circumflex => "^",
        Tok::LeftShift => "<<",
        Tok::RightShift => ">>",
        Tok::DoubleStar => "**",
        Tok::PlusEqual => "+=",
        Tok::MinEqual => "-=",
        Tok::StarEqual => "*=",
        Tok::SlashEqual => "/=",
        Tok::PercentEqual => "%=",
        Tok::AmperEqual => "&=",
        Tok::VBarEqual => "|=",
        Tok::CircumflexEqual => "^=",
        Tok::LeftShiftEqual => "<<=",
        Tok::RightShiftEqual => ">>=",
        Tok::DoubleStarEqual => "**=",
        Tok::DoubleSlash => "//",
        Tok::DoubleSlashEqual => "//=",
        Tok::At => "@",
        Tok::AtEqual => "@=",
        Tok::RArrow => "->",
        Tok::Ellipsis => "...",
        Tok::ColonEqual => ":=",
        _ => "?",
    }
}

/// An error of the logos stage: a string, number or character that
/// CPython's tokenizer rejects.
///
/// These are "hard" errors: CPython raises them as soon as the tokenizer
/// meets them, and after a parser error it tokenizes the rest of the file
/// so that such an error replaces the parser's. (Indentation and
/// line-continuation errors are softer; see [`LexEnd`].)
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexError {
    /// The error to report.
    pub error: SyntaxError,
    /// The input ended inside the token (an unterminated string at the end
    /// of input): more input could complete it.
    pub needs_more_input: bool,
}

impl Default for LexError {
    fn default() -> Self {
        Self::new(SyntaxError::new("invalid syntax", Span::default()))
    }
}

impl LexError {
    /// An error that more input would not fix.
    #[must_use]
    pub fn new(error: SyntaxError) -> Self {
        Self {
            error,
            needs_more_input: false,
        }
    }

    /// Builds the error for input no rule matches: a character that is not
    /// part of any token.
    fn from_lexer<'s>(lex: &mut logos::Lexer<'s, Tok<'s>>) -> Self {
        let start = lex.span().start;
        let ch = lex.source()[start..].chars().next().unwrap_or('\u{fffd}');
        Self::new(invalid_character(ch, start))
    }
}

/// CPython's error for a character that cannot start a token.
#[must_use]
pub(crate) fn invalid_character(ch: char, at: usize) -> SyntaxError {
    let span = Span::new(at, at + ch.len_utf8());
    if ch == '\0' {
        return SyntaxError::new("source code cannot contain null bytes", span);
    }
    if is_printable(ch) {
        SyntaxError::new(
            format!("invalid character '{ch}' (U+{:04X})", u32::from(ch)),
            span,
        )
    } else {
        SyntaxError::new(
            format!("invalid non-printable character U+{:04X}", u32::from(ch)),
            span,
        )
    }
}

/// An approximation of Python's `str.isprintable` for one character:
/// control, format, separator (except the space) and private-use
/// characters are not printable.
fn is_printable(ch: char) -> bool {
    let c = u32::from(ch);
    if ch == ' ' {
        return true;
    }
    if ch.is_control() || ch.is_whitespace() {
        return false;
    }
    !matches!(c,
        0xAD | 0x600..=0x605 | 0x61C | 0x6DD | 0x70F | 0x890..=0x891 | 0x8E2
        | 0x180E | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064
        | 0x2066..=0x206F | 0xFEFF | 0xFFF9..=0xFFFB | 0x1_10BD | 0x1_10CD
        | 0x1_3430..=0x1_343F | 0x1_BCA0..=0x1_BCA3 | 0x1_D173..=0x1_D17A
        | 0xE_0001 | 0xE_0020..=0xE_007F | 0xD800..=0xDFFF | 0xE000..=0xF8FF
        | 0xF_0000..=0x10_FFFF)
}
