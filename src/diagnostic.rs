//! Rendering errors the way CPython prints them: syntax errors with their
//! caret line, tracebacks with chained causes and contexts, exception-group
//! trees, and the "Did you mean" hints of `NameError`/`AttributeError`.

use crate::interp::Vm;
use crate::source::SourceFile;
use crate::syntax_error::SyntaxError;
use crate::value::{Exc, TraceEntry, Value, sym};
use std::collections::HashSet;
use std::fmt::Write as _;

/// Renders a syntax error as CPython prints it on stderr.
#[must_use]
pub fn render_syntax_error(err: &SyntaxError, file: &SourceFile) -> String {
    let (line, col) = file.line_col(err.span.start);
    let mut out = format!("  File \"{}\", line {line}\n", file.name());
    let text = file.line_text(line);
    if !text.trim().is_empty() {
        let stripped = text.trim_start();
        let removed = text.chars().count() - stripped.chars().count();
        let _ = writeln!(out, "    {}", stripped.trim_end());
        let (end_line, end_col) = file.line_col(err.span.end.max(err.span.start));
        let width = if end_line == line && end_col > col {
            end_col - col
        } else {
            1
        };
        let caret_col = col.saturating_sub(removed);
        let _ = writeln!(
            out,
            "    {}{}",
            " ".repeat(caret_col),
            "^".repeat(width.max(1))
        );
    }
    let _ = writeln!(out, "{}: {}", err.kind.class_name(), err.message);
    out
}

const RECURSIVE_CUTOFF: usize = 3;
const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;

struct Printer<'v> {
    vm: &'v Vm,
    out: String,
    group_depth: usize,
    need_close: bool,
    seen: HashSet<usize>,
}

impl Printer<'_> {
    fn indent(&self) -> String {
        " ".repeat(2 * self.group_depth)
    }

    fn emit(&mut self, text: &str, margin: Option<char>) {
        let mut prefix = self.indent();
        if self.group_depth > 0 {
            prefix.push(margin.unwrap_or('|'));
            prefix.push(' ');
        }
        for line in text.split_inclusive('\n') {
            self.out.push_str(&prefix);
            self.out.push_str(line);
        }
    }

    fn format(&mut self, exc: &Exc) {
        // The chain, outermost cause first.
        let mut chain: Vec<(Option<&'static str>, Exc)> = Vec::new();
        let mut cur = Some((None, exc.clone()));
        while let Some((msg, e)) = cur.take() {
            let id = std::rc::Rc::as_ptr(e.instance()) as usize;
            if !self.seen.insert(id) {
                break;
            }
            let data = e.data();
            let next = if let Some(c) = data.cause.borrow().clone() {
                as_exc(&c).map(|c| (Some(CAUSE), c))
            } else if !data.suppress_context.get() {
                data.context
                    .borrow()
                    .clone()
                    .and_then(|c| as_exc(&c))
                    .map(|c| (Some(CONTEXT), c))
            } else {
                None
            };
            chain.push((msg, e));
            cur = next;
        }
        // Print from the root cause to the raised exception; each entry's
        // message introduces the exception printed after it.
        let n = chain.len();
        for i in (0..n).rev() {
            let (_, e) = &chain[i];
            let e = e.clone();
            self.format_one(&e);
            if i > 0
                && let Some(msg) = chain[i].0
            {
                self.emit(msg, None);
            }
        }
    }

    fn format_one(&mut self, e: &Exc) {
        let trace = e.data().traceback.borrow().clone();
        if !self.vm.is_group(e) {
            if !trace.is_empty() {
                self.emit("Traceback (most recent call last):\n", None);
                let stack = format_stack(&trace);
                self.emit(&stack, None);
            }
            let only = format_exception_only(self.vm, e);
            self.emit(&only, None);
            return;
        }
        if self.group_depth > MAX_GROUP_DEPTH {
            self.emit(
                &format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"),
                None,
            );
            return;
        }
        let toplevel = self.group_depth == 0;
        if toplevel {
            self.group_depth += 1;
        }
        if !trace.is_empty() {
            self.emit(
                "Exception Group Traceback (most recent call last):\n",
                Some(if toplevel { '+' } else { '|' }),
            );
            let stack = format_stack(&trace);
            self.emit(&stack, None);
        }
        let only = format_exception_only(self.vm, e);
        self.emit(&only, None);
        let members = self.vm.group_members(e);
        let count = members.len();
        let n = if count <= MAX_GROUP_WIDTH {
            count
        } else {
            MAX_GROUP_WIDTH + 1
        };
        self.need_close = false;
        for (i, member) in members.iter().enumerate().take(n) {
            let last = i == n - 1;
            if last {
                self.need_close = true;
            }
            let truncated = i >= MAX_GROUP_WIDTH;
            let title = if truncated {
                "...".to_string()
            } else {
                (i + 1).to_string()
            };
            let _ = writeln!(
                self.out,
                "{}{}+---------------- {title} ----------------",
                self.indent(),
                if i == 0 { "+-" } else { "  " }
            );
            self.group_depth += 1;
            if truncated {
                let remaining = count - MAX_GROUP_WIDTH;
                let plural = if remaining > 1 { "s" } else { "" };
                self.emit(&format!("and {remaining} more exception{plural}\n"), None);
            } else {
                self.format(member);
            }
            if last && self.need_close {
                let _ = writeln!(
                    self.out,
                    "{}+------------------------------------",
                    self.indent()
                );
                self.need_close = false;
            }
            self.group_depth -= 1;
        }
        if toplevel {
            self.group_depth = 0;
        }
    }
}

const CAUSE: &str = "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT: &str = "\nDuring handling of the above exception, another exception occurred:\n\n";

fn as_exc(v: &Value) -> Option<Exc> {
    match v {
        Value::Instance(i) => Exc::from_instance(i.clone()),
        _ => None,
    }
}

/// Formats traceback entries (stored innermost first) outermost first,
/// collapsing runs of identical lines like CPython.
fn format_stack(trace: &[TraceEntry]) -> String {
    let mut out = String::new();
    let mut last: Option<(String, u32, String)> = None;
    let mut count = 0usize;
    let flush_repeats = |out: &mut String, count: usize| {
        if count > RECURSIVE_CUTOFF {
            let extra = count - RECURSIVE_CUTOFF;
            let _ = writeln!(
                out,
                "  [Previous line repeated {extra} more time{}]",
                if extra > 1 { "s" } else { "" }
            );
        }
    };
    for entry in trace.iter().rev() {
        let key = (
            entry.file.name().to_string(),
            entry.line,
            entry.name.to_string(),
        );
        if last.as_ref() == Some(&key) {
            count += 1;
        } else {
            flush_repeats(&mut out, count);
            last = Some(key);
            count = 1;
        }
        if count > RECURSIVE_CUTOFF {
            continue;
        }
        let _ = writeln!(
            out,
            "  File \"{}\", line {}, in {}",
            entry.file.name(),
            entry.line,
            entry.name
        );
        let text = entry.file.line_text(entry.line as usize).trim();
        if !text.is_empty() {
            let _ = writeln!(out, "    {text}");
        }
    }
    flush_repeats(&mut out, count);
    out
}

/// The last line(s) of a traceback: `Type: message`, with notes and
/// "Did you mean" hints.
#[must_use]
pub fn format_exception_only(vm: &Vm, e: &Exc) -> String {
    let class = &e.instance().class();
    let mut name = class.qualname.to_string();
    if &*class.module != "__main__" && &*class.module != "builtins" {
        name = format!("{}.{name}", class.module);
    }
    let value = e.value();
    let mut text = vm
        .str_of(&value)
        .unwrap_or_else(|_| "<exception str() failed>".into());
    if let Some(hint) = suggestion(vm, e) {
        let _ = write!(text, ". Did you mean: '{hint}'?");
    }
    let mut out = if text.is_empty() {
        format!("{name}\n")
    } else {
        format!("{name}: {text}\n")
    };
    if let Some(Value::List(notes)) = e
        .instance()
        .attrs
        .borrow()
        .get(crate::value::Symbol::intern("__notes__"))
    {
        for note in notes.borrow().iter() {
            let _ = writeln!(out, "{}", vm.str_of(note).unwrap_or_default());
        }
    }
    out
}

/// Renders an uncaught exception as CPython's default hook prints it.
#[must_use]
pub fn render_exception(vm: &Vm, exc: &Exc) -> String {
    let mut p = Printer {
        vm,
        out: String::new(),
        group_depth: 0,
        need_close: false,
        seen: HashSet::new(),
    };
    p.format(exc);
    p.out
}

fn suggestion(vm: &Vm, e: &Exc) -> Option<String> {
    let t = &vm.types;
    let class = &e.instance().class();
    let attrs = e.instance().attrs.borrow();
    let Some(Value::Str(wrong)) = attrs.get(sym::name) else {
        return None;
    };
    let wrong = wrong.as_str().to_string();
    if class.is_subclass(&t.name_error) {
        let candidates = e.data().name_candidates.borrow();
        for group in candidates.iter() {
            if let Some(s) = best_match(&wrong, group.iter().map(std::convert::AsRef::as_ref)) {
                return Some(s);
            }
        }
        return None;
    }
    if class.is_subclass(&t.attribute_error) {
        let obj = attrs.get(crate::value::Symbol::intern("obj"))?.clone();
        drop(attrs);
        let names = crate::builtins::object::attribute_names(vm, &obj);
        return best_match(&wrong, names.iter().map(String::as_str));
    }
    None
}

const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;
const MAX_STRING_SIZE: usize = 40;
const MAX_CANDIDATE_ITEMS: usize = 750;

fn best_match<'a>(wrong: &str, candidates: impl Iterator<Item = &'a str>) -> Option<String> {
    let candidates: Vec<&str> = candidates.collect();
    if candidates.len() >= MAX_CANDIDATE_ITEMS || wrong.len() > MAX_STRING_SIZE {
        return None;
    }
    let mut best: Option<(&str, usize)> = None;
    for item in candidates {
        if item == wrong {
            continue;
        }
        let mut max = (wrong.len() + item.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max = max.min(d.saturating_sub(1));
        }
        let d = levenshtein(wrong.as_bytes(), item.as_bytes(), max);
        if d > max {
            continue;
        }
        if best.is_none_or(|(_, bd)| d < bd) {
            best = Some((item, d));
        }
    }
    best.map(|(s, _)| s.to_string())
}

fn substitution_cost(a: u8, b: u8) -> usize {
    if (a & 31) != (b & 31) {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// CPython's bounded Levenshtein distance for suggestions.
fn levenshtein<'a>(mut a: &'a [u8], mut b: &'a [u8], max_cost: usize) -> usize {
    while let (Some(x), Some(y)) = (a.first(), b.first()) {
        if x != y {
            break;
        }
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last()) {
        if x != y {
            break;
        }
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut buffer: Vec<usize> = (0..a.len()).map(|i| (i + 1) * MOVE_COST).collect();
    let mut result = 0;
    for (b_index, &code) in b.iter().enumerate() {
        let mut distance = b_index * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (index, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ac);
            distance = buffer[index];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            buffer[index] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_match_cpython() {
        // CPython 3.11: totl -> total, balanse -> balance, lenth -> len? no:
        // the locals [prices, total, price, lenght] give 'lenght' for 'lenth'.
        assert_eq!(
            best_match("totl", ["prices", "total", "price"].into_iter()).as_deref(),
            Some("total")
        );
        assert_eq!(
            best_match("balanse", ["balance", "deposit", "owner"].into_iter()).as_deref(),
            Some("balance")
        );
        assert_eq!(best_match("xyz", ["balance", "owner"].into_iter()), None);
    }
}
