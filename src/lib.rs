//! pyco: Python-style asyncio programs on a Rust interpreter whose
//! coroutines are tokio tasks.

pub mod ast;
pub mod format;
pub mod hash;
pub mod rng;
pub mod source;
pub mod syntax_error;
