//! pyco: Python-style asyncio programs on a Rust interpreter whose
//! coroutines are tokio tasks.

pub mod ast;
pub mod rng;
pub mod source;
pub mod syntax_error;
