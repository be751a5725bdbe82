//! Tab completion, computed on the interpreter thread: keywords and names
//! in scope, or the attributes of a dotted name (`asyncio.cre` →
//! `asyncio.create_task(`), with the rules of CPython's `rlcompleter`:
//! callables get a `(`, private names show only once `_` is typed.

use super::editor::Completion;
use crate::builtins::functions::is_callable;
use crate::interp::Vm;
use crate::value::{Module, Symbol, Value};
use std::collections::BTreeSet;

/// Python 3.11's `keyword.kwlist`.
const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// Candidates for the word that ends at byte `pos` of `line`.
#[must_use]
pub fn complete(vm: &Vm, module: &Module, line: &str, pos: usize) -> Completion {
    let pos = floor_char_boundary(line, pos.min(line.len()));
    let before = &line[..pos];
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '_' || *c == '.')
        .last()
        .map_or(pos, |(i, _)| i);
    let word = &before[start..];
    let nothing = Completion {
        start: pos,
        candidates: Vec::new(),
    };
    if in_string(&before[..start]) || word.starts_with(|c: char| c.is_ascii_digit()) {
        return nothing;
    }
    match word.rfind('.') {
        Some(dot) => {
            let Some(object) = dotted(vm, module, &word[..dot]) else {
                return nothing;
            };
            Completion {
                start: start + dot + 1,
                candidates: attributes(vm, &object, &word[dot + 1..]),
            }
        }
        None => Completion {
            start,
            candidates: names(vm, module, word),
        },
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Whether an unclosed quote comes before the word (no completion inside
/// string literals).
fn in_string(text: &str) -> bool {
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for c in text.chars() {
        match quote {
            Some(q) => {
                if escaped {
                    escaped = false;
                } else if c == '\\' {
                    escaped = true;
                } else if c == q {
                    quote = None;
                }
            }
            None if c == '#' => return true,
            None if c == '\'' || c == '"' => quote = Some(c),
            None => {}
        }
    }
    quote.is_some()
}

/// The value of `a.b.c` when each part is a plain name (never a call).
fn dotted(vm: &Vm, module: &Module, expr: &str) -> Option<Value> {
    let mut parts = expr.split('.');
    let first = parts.next()?;
    if !is_identifier(first) {
        return None;
    }
    let sym = Symbol::intern(first);
    let mut value = module.globals.get(sym).or_else(|| vm.builtin(sym))?;
    for part in parts {
        if !is_identifier(part) {
            return None;
        }
        value = vm.get_attr(&value, Symbol::intern(part)).ok()?;
    }
    Some(value)
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || c == '_')
}

fn names(vm: &Vm, module: &Module, prefix: &str) -> Vec<String> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for kw in KEYWORDS {
        if kw.starts_with(prefix) && seen.insert((*kw).to_string()) {
            let text = match *kw {
                "finally" | "try" => format!("{kw}:"),
                "False" | "None" | "True" | "break" | "continue" | "pass" | "else" => {
                    (*kw).to_string()
                }
                _ => format!("{kw} "),
            };
            out.push(text);
        }
    }
    let mut found: Vec<(String, Value)> = Vec::new();
    for (name, value) in module
        .globals
        .items()
        .into_iter()
        .chain(vm.builtins.globals.items())
    {
        let name = name.name().to_string();
        if name.starts_with(prefix) && seen.insert(name.clone()) {
            found.push((name, value));
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    out.extend(
        found
            .into_iter()
            .map(|(name, value)| with_call_paren(vm, name, &value)),
    );
    out
}

fn attributes(vm: &Vm, object: &Value, prefix: &str) -> Vec<String> {
    // As rlcompleter: no prefix hides `_names`, `_` hides `__names`.
    let hidden = match prefix {
        "" => Some("_"),
        "_" => Some("__"),
        _ => None,
    };
    let names = crate::builtins::object::attribute_names(vm, object);
    names
        .into_iter()
        .filter(|n| n.starts_with(prefix) && !hidden.is_some_and(|h| n.starts_with(h)))
        .map(|n| match vm.get_attr(object, Symbol::intern(&n)) {
            Ok(v) => with_call_paren(vm, n, &v),
            Err(_) => n,
        })
        .collect()
}

fn with_call_paren(vm: &Vm, name: String, value: &Value) -> String {
    if is_callable(vm, value) {
        format!("{name}(")
    } else {
        name
    }
}
