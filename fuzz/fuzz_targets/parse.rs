//! Lexer, parser, resolver and syntax-error rendering on arbitrary input.
//!
//! Every input must end in a tree or a `SyntaxError`, and rendering the
//! error must work whatever its span: no panic, no stack overflow, no hang.
//! Bytes that are not UTF-8 are decoded lossily, so odd bytes still reach
//! the lexer as replacement characters.

#![no_main]

use libfuzzer_sys::fuzz_target;
use pyco::diagnostic::render_syntax_error;
use pyco::parser::{InteractiveError, parse_interactive, parse_module};
use pyco::resolve::{ResolveOptions, resolve_module};
use pyco::source::SourceFile;
use pyco::syntax_error::SyntaxError;
use pyco::value::object::Globals;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let file = SourceFile::new("<fuzz>", text.as_ref());

    // A file, as `pyco FILE.py` compiles it.
    let compiled = parse_module(&text).and_then(|module| {
        resolve_module(
            &module,
            file.clone(),
            &Globals::default(),
            ResolveOptions::default(),
        )
    });
    if let Err(e) = compiled {
        render(&e, &file);
    }

    // The same text typed at the prompt, where top-level `await` is allowed.
    match parse_interactive(&text) {
        Ok(module) => {
            let options = ResolveOptions {
                top_level_await: true,
            };
            if let Err(e) = resolve_module(&module, file.clone(), &Globals::default(), options) {
                render(&e, &file);
            }
        }
        Err(InteractiveError::Invalid(e)) => render(&e, &file),
        Err(InteractiveError::Incomplete) => {}
    }
});

fn render(e: &SyntaxError, file: &SourceFile) {
    let text = render_syntax_error(e, file);
    assert!(
        text.ends_with('\n') && text.contains(e.kind.class_name()),
        "rendered syntax error lacks its class line: {text:?}"
    );
}
