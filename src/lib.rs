//! pyco: Python-style asyncio programs on a Rust interpreter whose
//! coroutines are tokio tasks.

pub mod ast;
pub mod lexer;
pub mod parser;
pub mod source;
pub mod syntax_error;
