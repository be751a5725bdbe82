//! Source files and position lookup.
//!
//! Nodes carry byte spans only; this module turns an offset into a line and
//! column when a diagnostic or traceback is rendered, never while running.

use std::rc::Rc;

/// One source file (or `-c` string, or REPL input) and its line index.
#[derive(Debug)]
pub struct SourceFile {
    name: String,
    text: String,
    /// Byte offset at which each line starts; `line_starts[0] == 0`.
    line_starts: Vec<u32>,
}

/// `file:line` as pyco's own reports (trace, timeline, deadlock report)
/// print it: relative to the working directory when the file is below it,
/// so that a script run as `pyco x.py` shows `x.py:12` there, while its
/// `__file__` and tracebacks carry the absolute path as in CPython.
#[must_use]
pub fn report_site(site: &str) -> String {
    static CWD: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    let cwd = CWD.get_or_init(|| {
        std::env::current_dir()
            .ok()
            .map(|d| format!("{}{}", d.display(), std::path::MAIN_SEPARATOR))
    });
    match cwd.as_deref().and_then(|c| site.strip_prefix(c)) {
        Some(rest) => rest.to_string(),
        None => site.to_string(),
    }
}

impl SourceFile {
    /// Indexes `text`, shown in diagnostics as `name`.
    #[must_use]
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Rc<Self> {
        let text = text.into();
        let mut line_starts = vec![0];
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| (i + 1) as u32),
        );
        Rc::new(Self {
            name: name.into(),
            text,
            line_starts,
        })
    }

    /// The name shown in tracebacks (`x.py`, `<string>`, `<stdin>`).
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The whole text.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The 1-based line holding byte `offset`.
    #[must_use]
    pub fn line_of(&self, offset: u32) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }

    /// The 1-based line and 0-based character column of byte `offset`.
    #[must_use]
    pub fn line_col(&self, offset: u32) -> (usize, usize) {
        let line = self.line_of(offset);
        let start = self.line_starts[line - 1] as usize;
        let end = (offset as usize).min(self.text.len());
        let col = self.text.get(start..end).map_or(0, |s| s.chars().count());
        (line, col)
    }

    /// The text of 1-based `line` without its line break, or "" past the end.
    #[must_use]
    pub fn line_text(&self, line: usize) -> &str {
        if line == 0 || line > self.line_starts.len() {
            return "";
        }
        let start = self.line_starts[line - 1] as usize;
        let end = self
            .line_starts
            .get(line)
            .map_or(self.text.len(), |&e| e as usize);
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }

    /// The number of lines.
    #[must_use]
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns() {
        let f = SourceFile::new("t.py", "ab\ncdé\n\nx");
        assert_eq!(f.line_col(0), (1, 0));
        assert_eq!(f.line_col(3), (2, 0));
        assert_eq!(f.line_col(7), (2, 3));
        assert_eq!(f.line_text(2), "cdé");
        assert_eq!(f.line_text(3), "");
        assert_eq!(f.line_text(4), "x");
        assert_eq!(f.line_count(), 4);
    }
}
