//! The main script run by a relative path: `__file__`, tracebacks and task
//! reprs show the absolute path (the working directory prefixed, as
//! CPython 3.9+ does), while `sys.argv[0]` stays as typed.

use std::path::PathBuf;
use std::process::Command;

fn lang_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/lang")
}

#[test]
fn relative_script_path_is_made_absolute() {
    let dir = lang_dir();
    let out = Command::new(env!("CARGO_BIN_EXE_pyco"))
        .current_dir(&dir)
        .arg("main_file_path.py")
        .env_remove("PYCO_VIRTUAL_TIME")
        .output()
        .expect("run pyco");
    let want = std::fs::read_to_string(dir.join("main_file_path.out")).expect("expected output");
    assert_eq!(String::from_utf8_lossy(&out.stdout), want);
}

#[test]
fn traceback_names_the_absolute_path() {
    let script = "./script_path_traceback.py";
    let path = std::env::temp_dir().join(format!("pyco-script-path-{}", std::process::id()));
    std::fs::create_dir_all(&path).expect("temp dir");
    std::fs::write(path.join(script), "def f():\n    1 / 0\nf()\n").expect("write script");
    let out = Command::new(env!("CARGO_BIN_EXE_pyco"))
        .current_dir(&path)
        .arg(script)
        .output()
        .expect("run pyco");
    let cwd = std::fs::canonicalize(&path).expect("canonical dir");
    let err = String::from_utf8_lossy(&out.stderr);
    let _ = std::fs::remove_dir_all(&path);
    let want = format!("  File \"{}/{script}\", line 3, in <module>", cwd.display());
    assert!(err.contains(&want), "stderr was:\n{err}\nwanted: {want}");
}
