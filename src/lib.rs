//! pyco: Python-style asyncio programs on a Rust interpreter whose
//! coroutines are tokio tasks.
//!
//! ```text
//! source ─► lexer (logos) ─► indent layer ─► parser (chumsky) ─► ast
//!        ─► resolve (names → slots, static errors) ─► ir
//!        ─► interp (tree walker; async path for await/yield) ─► runtime (tokio)
//!        ─► output sink; any error ─► diagnostic ─► stderr + exit status
//! ```
//!
//! | module | its one job |
//! | --- | --- |
//! | [`source`] | source files, byte spans, line/column lookup |
//! | [`lexer`] | tokens and the NEWLINE/INDENT/DEDENT layer |
//! | [`parser`] | the grammar, producing [`ast`] |
//! | [`resolve`] | scopes to slots, static errors, producing [`ir`] |
//! | [`value`] | the value representation |
//! | [`types`] | the built-in classes and exception hierarchy |
//! | [`interp`] | evaluation |
//! | [`builtins`] | built-in functions and methods of built-in types |
//! | [`modules`] | `sys`, `time`, `random` |
//! | [`runtime`] | the asyncio event loop on tokio |
//! | [`limits`], [`memory`] | limits for untrusted scripts; heap counting for the memory limit |
//! | [`format`], [`hash`], [`rng`] | CPython-exact number formatting, hashing, random numbers |
//! | [`diagnostic`] | tracebacks and syntax errors as CPython prints them |
//! | [`timeline`] | a run's scheduling events as Chrome JSON or SVG |
//! | [`run`] | from a source file to an exit status |
//! | [`embed`] | the library API for Rust programs that run scripts |
//! | [`repl`] | the interactive prompt (rustyline, one loop per session) |
//! | [`testing`] | `pyco test`: golden-output tests as a command |
//! | [`explore`] | `--explore`: the same program under many legal schedules |

pub mod ast;
pub mod builtins;
pub mod diagnostic;
pub mod embed;
pub mod explore;
pub mod format;
pub mod hash;
pub mod interp;
pub mod ir;
pub mod lexer;
pub mod limits;
pub mod memory;
pub mod modules;
pub mod parser;
pub mod repl;
pub mod resolve;
pub mod rng;
pub mod run;
pub mod runtime;
pub mod source;
pub mod syntax_error;
pub mod testing;
pub mod timeline;
pub mod types;
pub mod value;
