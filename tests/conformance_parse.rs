//! Every conformance script must parse, except those whose expected error
//! is a syntax error the parser reports: those must fail with exactly that
//! class and message. Errors CPython raises after parsing (in its symbol
//! table or compiler, such as `'await' outside async function`) belong to
//! later phases, so those scripts must parse.

use std::fs;
use std::path::Path;

use pyco::parser::parse_module;

const CASES: &str = "/work/shared/conformance/cases";

/// Messages of `SyntaxError`s CPython raises after parsing.
const LATER_PHASE: &[&str] = &[
    "'await' outside",
    "'return' outside function",
    "'yield' outside function",
    "'break' outside loop",
    "'continue' not properly in loop",
    "nonlocal declaration not allowed at module level",
    "no binding for nonlocal",
    "is parameter and global",
    "is parameter and nonlocal",
    "is used prior to",
    "is assigned to before",
    "starred assignment target must be in a list or tuple",
    "multiple starred expressions in assignment",
    "can't use starred expression here",
    "default 'except:' must be last",
    "asynchronous comprehension outside of an asynchronous function",
    "'yield' inside",
    "assignment expression cannot",
    "'async with' outside async function",
    "'async for' outside async function",
    "'return' with value in async generator",
];

#[test]
fn conformance_scripts_parse() {
    let dir = Path::new(CASES);
    if !dir.is_dir() {
        eprintln!("{CASES} not found; skipping");
        return;
    }
    let mut checked = 0;
    let mut failures = Vec::new();
    let mut paths: Vec<_> = fs::read_dir(dir)
        .expect("readable cases folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    paths.sort();
    for path in paths {
        let src = fs::read_to_string(&path).expect("readable case");
        let expected = fs::read_to_string(path.with_extension("err"))
            .ok()
            .map(|e| e.trim().to_owned())
            .filter(|line| {
                ["SyntaxError: ", "IndentationError: ", "TabError: "]
                    .iter()
                    .any(|class| line.starts_with(class))
            })
            .filter(|line| !LATER_PHASE.iter().any(|m| line.contains(m)));
        let result =
            parse_module(&src).map_err(|e| format!("{}: {}", e.kind.class_name(), e.message));
        match (expected, result) {
            (None, Ok(_)) => {}
            (Some(want), Err(got)) if want == got => {}
            (want, got) => failures.push(format!(
                "{}: want {:?}, got {:?}",
                path.display(),
                want.unwrap_or_else(|| "a tree".to_owned()),
                got.map(|_| "a tree")
            )),
        }
        checked += 1;
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(checked > 0);
}
