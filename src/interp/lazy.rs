//! Module globals defined on first use.
//!
//! A module written in Python inside pyco (the asyncio prelude) is split
//! into its top-level definitions, each parsed, resolved and run only when
//! one of the names it binds is first looked up: as a module attribute
//! (`asyncio.Queue`, `from asyncio import Lock`), as a global read by the
//! module's own code (a base class, a default argument, a helper), or when
//! every name is needed (`dir()`, `vars()`, `from m import *`). A script
//! then pays only for what it uses, instead of parsing the whole module at
//! `import`.
//!
//! Splitting is textual, on lines that start in column 0: `class NAME`,
//! `def NAME`, `async def NAME` (with the decorators above it) and
//! `NAME = ...` each start a definition; comments and blank lines go with
//! the definition that follows them. Any other top-level statement is run
//! when the module is built, in order, so that nothing with a side effect
//! is deferred. Tracebacks keep the file's own line numbers and lines: a
//! definition is parsed in place inside the whole text.

use super::Vm;
use crate::source::SourceFile;
use crate::value::{Module, PyResult, Symbol};
use hashbrown::HashMap;
use std::cell::Cell;
use std::ops::Range;
use std::rc::Rc;

/// The definitions of one module not run yet.
pub struct LazyGlobals {
    file: Rc<SourceFile>,
    chunks: Vec<Chunk>,
    by_name: HashMap<Symbol, usize>,
}

/// One top-level definition: its lines and whether they have run.
struct Chunk {
    range: Range<usize>,
    loaded: Cell<bool>,
}

/// What a top-level line starts.
enum LineKind {
    /// A comment, a blank line or an indented line: part of what is around.
    Inside,
    /// A decorator: starts the definition below it.
    Decorator,
    /// A definition binding the name.
    Binds(Symbol),
    /// A statement run at once.
    Statement,
}

fn classify(line: &str) -> LineKind {
    let starts_inside = line
        .chars()
        .next()
        .is_none_or(|c| c.is_whitespace() || c == '#' || matches!(c, ')' | ']' | '}'));
    if starts_inside {
        return LineKind::Inside;
    }
    if line.starts_with('@') {
        return LineKind::Decorator;
    }
    let rest = line
        .strip_prefix("async def ")
        .or_else(|| line.strip_prefix("def "))
        .or_else(|| line.strip_prefix("class "));
    let identifier = |s: &str| -> Option<Symbol> {
        let end = s
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(s.len());
        (end > 0).then(|| Symbol::intern(&s[..end]))
    };
    if let Some(rest) = rest {
        return identifier(rest).map_or(LineKind::Statement, LineKind::Binds);
    }
    match identifier(line) {
        Some(name) if line[name.name().len()..].trim_start().starts_with("= ") => {
            LineKind::Binds(name)
        }
        _ => LineKind::Statement,
    }
}

impl LazyGlobals {
    /// Splits `file` into its definitions; returns them with the ranges of
    /// the other top-level statements, which the caller runs at once.
    #[must_use]
    pub fn split(file: Rc<SourceFile>) -> (Self, Vec<Range<usize>>) {
        let text = file.text();
        let mut starts: Vec<(usize, Option<Symbol>)> = Vec::new();
        // Where a run of comments, blank lines and decorators began, and
        // whether a decorator is in it (its arguments may span lines).
        let mut pending: Option<usize> = None;
        let mut decorating = false;
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            match classify(line) {
                LineKind::Inside if line.trim().is_empty() || line.starts_with('#') => {
                    pending.get_or_insert(offset);
                }
                LineKind::Inside => {
                    if !decorating {
                        pending = None;
                    }
                }
                LineKind::Decorator => {
                    pending.get_or_insert(offset);
                    decorating = true;
                }
                LineKind::Binds(name) => {
                    starts.push((pending.take().unwrap_or(offset), Some(name)));
                    decorating = false;
                }
                LineKind::Statement => {
                    starts.push((pending.take().unwrap_or(offset), None));
                    decorating = false;
                }
            }
            offset += line.len();
        }
        let mut chunks = Vec::new();
        let mut by_name = HashMap::new();
        let mut eager = Vec::new();
        for (i, &(start, name)) in starts.iter().enumerate() {
            let end = starts.get(i + 1).map_or(text.len(), |s| s.0);
            match name {
                Some(name) => {
                    by_name.insert(name, chunks.len());
                    chunks.push(Chunk {
                        range: start..end,
                        loaded: Cell::new(false),
                    });
                }
                None => eager.push(start..end),
            }
        }
        (
            Self {
                file,
                chunks,
                by_name,
            },
            eager,
        )
    }

    /// The names still to be defined.
    pub fn pending_names(&self) -> impl Iterator<Item = Symbol> + '_ {
        self.by_name
            .iter()
            .filter(|&(_, &i)| !self.chunks[i].loaded.get())
            .map(|(&name, _)| name)
    }
}

impl Vm {
    /// Runs the lines `range` of `file` in `module`'s namespace.
    ///
    /// # Panics
    /// If they do not parse or resolve: lazy modules are pyco's own
    /// sources, every definition of which the tests run.
    fn run_module_lines(
        &self,
        module: &Rc<Module>,
        file: &Rc<SourceFile>,
        range: Range<usize>,
    ) -> PyResult<()> {
        let parsed = crate::parser::parse_module_range(file.text(), range)
            .unwrap_or_else(|e| panic!("{} does not parse: {}", file.name(), e.message));
        let code = crate::resolve::resolve_module(
            &parsed,
            file.clone(),
            &module.globals,
            crate::resolve::ResolveOptions::default(),
        )
        .unwrap_or_else(|e| panic!("{} does not resolve: {}", file.name(), e.message));
        self.run_module_code(&code, module).map(|_| ())
    }

    /// Makes `module` define its top-level definitions in `file` on first
    /// use, running its other top-level statements now.
    pub fn define_lazily(&self, module: &Rc<Module>, file: Rc<SourceFile>) -> PyResult<()> {
        let (lazy, eager) = LazyGlobals::split(file.clone());
        assert!(module.lazy.set(lazy).is_ok(), "a module is made lazy once");
        for range in eager {
            self.run_module_lines(module, &file, range)?;
        }
        Ok(())
    }

    /// Defines `name` in `module` if it is one of its definitions not run
    /// yet; returns whether it did.
    pub fn define_lazy_global(&self, module: &Rc<Module>, name: Symbol) -> PyResult<bool> {
        let Some(lazy) = module.lazy.get() else {
            return Ok(false);
        };
        let Some(&index) = lazy.by_name.get(&name) else {
            return Ok(false);
        };
        let chunk = &lazy.chunks[index];
        if chunk.loaded.replace(true) {
            return Ok(false);
        }
        self.run_module_lines(module, &lazy.file, chunk.range.clone())?;
        Ok(true)
    }

    /// Defines every name of `module` not defined yet (for `dir()`,
    /// `vars()`, `from m import *`).
    pub fn define_all_lazy_globals(&self, module: &Rc<Module>) -> PyResult<()> {
        let Some(lazy) = module.lazy.get() else {
            return Ok(());
        };
        for chunk in &lazy.chunks {
            if !chunk.loaded.replace(true) {
                self.run_module_lines(module, &lazy.file, chunk.range.clone())?;
            }
        }
        Ok(())
    }

    /// `module.name`, defining it first if it is still pending.
    pub fn module_global(
        &self,
        module: &Rc<Module>,
        name: Symbol,
    ) -> PyResult<Option<crate::value::Value>> {
        if let Some(v) = module.globals.get(name) {
            return Ok(Some(v));
        }
        if self.define_lazy_global(module, name)? {
            return Ok(module.globals.get(name));
        }
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(src: &str) -> (Vec<(String, String)>, Vec<String>) {
        let file = SourceFile::new("<t>", src);
        let (lazy, eager) = LazyGlobals::split(file.clone());
        let mut defs: Vec<(String, String)> = lazy
            .by_name
            .iter()
            .map(|(n, &i)| {
                (
                    n.name().to_string(),
                    src[lazy.chunks[i].range.clone()].to_owned(),
                )
            })
            .collect();
        defs.sort();
        let eager = eager.into_iter().map(|r| src[r].to_owned()).collect();
        (defs, eager)
    }

    #[test]
    fn definitions_take_their_comments_and_decorators() {
        let src = "# head\nX = 1\n\n# about f\n@deco(\n    1)\ndef f():\n    return X\n\nclass C(B):\n    pass\nprint(1)\n";
        let (defs, eager) = names(src);
        assert_eq!(
            defs,
            vec![
                ("C".into(), "\nclass C(B):\n    pass\n".into()),
                ("X".into(), "# head\nX = 1\n".into()),
                (
                    "f".into(),
                    "\n# about f\n@deco(\n    1)\ndef f():\n    return X\n".into()
                ),
            ]
        );
        assert_eq!(eager, vec!["print(1)\n".to_owned()]);
    }

    #[test]
    fn async_defs_and_comparisons() {
        let (defs, eager) = names("async def g():\n    pass\nx == 1\n");
        assert_eq!(defs.len(), 1);
        assert_eq!(defs[0].0, "g");
        assert_eq!(eager, vec!["x == 1\n".to_owned()]);
    }
}
