//! Auto-indentation: how far the next continuation line starts.
//!
//! A small scanner over the lines entered so far (strings, comments and
//! brackets are all it needs to know about): after a line ending in `:`
//! outside brackets, one level deeper; inside an open bracket, aligned just
//! after it (or one level deeper than its line when the bracket ends the
//! line); after `return`, `pass`, `raise`, `break` or `continue`, one level
//! shallower; otherwise where the last statement started. Inside an
//! unfinished triple-quoted string nothing is inserted, since spaces would
//! change the string.

/// One indentation level.
pub const LEVEL: usize = 4;

/// An open bracket: its line, the column just after it, the indentation
/// of its line, and whether code follows it on that line.
struct Open {
    line: usize,
    column: usize,
    line_indent: usize,
    followed: bool,
}

/// What the scanner knows at the end of the input.
#[derive(Default)]
struct Scan {
    open: Vec<Open>,
    in_triple_string: bool,
    /// Indentation of the line where the last logical line began.
    logical_indent: usize,
    /// The first word of the last logical line.
    first_word: String,
    /// The last character of code (not comment, not space) on it.
    last_char: Option<char>,
    /// The last physical line ends with a backslash.
    continued: bool,
}

/// The spaces to pre-fill on the line after `buffer` (every line entered
/// so far, each ending with `\n`).
#[must_use]
pub fn next_indent(buffer: &str) -> String {
    let scan = scan(buffer);
    let width = if scan.in_triple_string {
        0
    } else if let Some(open) = scan.open.last() {
        if open.followed {
            open.column
        } else {
            open.line_indent + LEVEL
        }
    } else if scan.continued || scan.last_char == Some(':') {
        scan.logical_indent + LEVEL
    } else if matches!(
        scan.first_word.as_str(),
        "return" | "pass" | "raise" | "break" | "continue"
    ) {
        scan.logical_indent.saturating_sub(LEVEL)
    } else {
        scan.logical_indent
    };
    " ".repeat(width)
}

fn scan(buffer: &str) -> Scan {
    let mut s = Scan::default();
    // The quote character and whether it is tripled, while inside a string.
    let mut string: Option<(char, bool)> = None;
    for (number, line) in buffer.lines().enumerate() {
        let chars: Vec<char> = line.chars().collect();
        let indent = chars
            .iter()
            .take_while(|c| **c == ' ' || **c == '\t')
            .count();
        let starts_logical = s.open.is_empty() && string.is_none() && !s.continued;
        let blank =
            chars[indent..].iter().all(|c| c.is_whitespace()) || chars.get(indent) == Some(&'#');
        if starts_logical && !blank {
            s.logical_indent = indent;
            s.first_word = chars[indent..]
                .iter()
                .take_while(|c| c.is_alphanumeric() || **c == '_')
                .collect();
            s.last_char = None;
        }
        s.continued = false;
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if let Some((quote, triple)) = string {
                if c == '\\' {
                    i += 2;
                    continue;
                }
                if c == quote {
                    if !triple {
                        string = None;
                    } else if chars.get(i + 1) == Some(&quote) && chars.get(i + 2) == Some(&quote) {
                        string = None;
                        i += 2;
                    }
                }
                i += 1;
                continue;
            }
            match c {
                '#' => break,
                '\'' | '"' => {
                    let triple = chars.get(i + 1) == Some(&c) && chars.get(i + 2) == Some(&c);
                    string = Some((c, triple));
                    if triple {
                        i += 2;
                    }
                    s.last_char = Some(c);
                }
                '(' | '[' | '{' => {
                    s.open.push(Open {
                        line: number,
                        column: i + 1,
                        line_indent: indent,
                        followed: false,
                    });
                    s.last_char = Some(c);
                }
                ')' | ']' | '}' => {
                    s.open.pop();
                    s.last_char = Some(c);
                }
                '\\' if i + 1 == chars.len() => s.continued = true,
                c if c.is_whitespace() => {}
                c => s.last_char = Some(c),
            }
            if !c.is_whitespace()
                && !matches!(c, '(' | '[' | '{')
                && let Some(open) = s.open.last_mut()
                && open.line == number
                && open.column <= i
            {
                open.followed = true;
            }
            i += 1;
        }
        // A single-quoted string cannot span lines.
        if matches!(string, Some((_, false))) {
            string = None;
        }
    }
    s.in_triple_string = string.is_some();
    s
}

#[cfg(test)]
mod tests {
    use super::next_indent;

    #[test]
    fn block_header_indents_one_level() {
        assert_eq!(next_indent("def f():\n"), "    ");
        assert_eq!(next_indent("def f():\n    if x:  # note\n"), "        ");
        assert_eq!(next_indent("async def f(a,\n          b):\n"), "    ");
    }

    #[test]
    fn body_lines_keep_their_level() {
        assert_eq!(next_indent("for i in x:\n    print(i)\n"), "    ");
    }

    #[test]
    fn terminal_statements_dedent() {
        assert_eq!(next_indent("def f():\n    return 1\n"), "");
        assert_eq!(next_indent("while 1:\n    if x:\n        break\n"), "    ");
    }

    #[test]
    fn colons_inside_brackets_or_strings_do_not_count() {
        assert_eq!(next_indent("d = {1:\n"), "     ");
        assert_eq!(next_indent("s = 'a:'\n"), "");
        assert_eq!(next_indent("x = y[1:]\n"), "");
    }

    #[test]
    fn open_brackets_align_or_hang() {
        assert_eq!(next_indent("x = foo(1,\n"), "        ");
        assert_eq!(next_indent("x = [\n"), "    ");
        assert_eq!(next_indent("def f():\n    x = (\n"), "        ");
    }

    #[test]
    fn triple_quoted_strings_get_nothing() {
        assert_eq!(next_indent("def f():\n    s = \"\"\"abc\n"), "");
    }
}
