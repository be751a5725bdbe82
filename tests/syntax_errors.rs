//! Bad snippets and the error CPython 3.11 reports for each: class,
//! message, line and column. The table is generated from CPython by
//! `tests/syntax_errors_table.py`.

mod syntax_errors {
    pub mod table;
}

use pyco::parser::parse_module;
use pyco::source::SourceFile;
use syntax_errors::table::CASES;

#[test]
fn errors_match_cpython() {
    let mut failures = Vec::new();
    for &(src, class, message, line, column) in CASES {
        let Err(got) = parse_module(src) else {
            failures.push(format!("{src:?}: parsed, want {class}: {message}"));
            continue;
        };
        let file = SourceFile::new("x.py", src);
        let (got_line, got_col) = file.line_col(got.span.start);
        let same = got.kind.class_name() == class
            && got.message == message
            && got_line == line
            && (column == 0 || got_col + 1 == column);
        if !same {
            failures.push(format!(
                "{src:?}\n    want {class}: {message} @ {line}:{column}\n    got  {}: {} @ {got_line}:{}",
                got.kind.class_name(),
                got.message,
                got_col + 1
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(CASES.len() >= 40);
}
