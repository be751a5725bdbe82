//! The embedding API (`pyco::embed`): every feature through its public
//! surface. Where a script's output depends on Python semantics (task
//! order, cancellation, `gather`, error messages), the expected text is
//! what CPython 3.11 prints for the same script with the host functions
//! written as Python coroutines (`asyncio.sleep` standing for the latency).

// The floats compared are exactly representable (2.5, -3.5, 7.0).
#![allow(clippy::float_cmp)]

use pyco::embed::{Error, FromPy, HostModule, Interpreter, IntoPy};
use pyco::limits::Limits;
use pyco::run::BufferSink;
use pyco::value::Value;
use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;
use std::time::{Duration, Instant};

fn captured() -> (Rc<BufferSink>, Rc<BufferSink>) {
    (
        Rc::new(BufferSink::default()),
        Rc::new(BufferSink::default()),
    )
}

fn text(sink: &BufferSink) -> String {
    sink.0.borrow().clone()
}

#[test]
fn builder_options_reach_the_script() {
    let (out, err) = captured();
    let interp = Interpreter::builder()
        .stdout(out.clone())
        .stderr(err.clone())
        .argv(["job.py", "--fast"])
        .virtual_time(true)
        .build();
    let started = Instant::now();
    interp
        .run(
            "import asyncio, sys\n\
             print(sys.argv)\n\
             print('warn', file=sys.stderr)\n\
             async def main():\n\
             \x20   t0 = asyncio.get_running_loop().time()\n\
             \x20   await asyncio.sleep(3600)\n\
             \x20   print(round(asyncio.get_running_loop().time() - t0))\n\
             asyncio.run(main())\n",
        )
        .unwrap();
    assert!(started.elapsed() < Duration::from_secs(30));
    assert_eq!(text(&out), "['job.py', '--fast']\n3600\n");
    assert_eq!(text(&err), "warn\n");
}

#[test]
fn sync_host_functions_typed_and_raw() {
    let (out, _) = captured();
    let interp = Interpreter::builder()
        .stdout(out.clone())
        .function("add", |a: i64, b: i64| Ok(a + b))
        .function("mean", |xs: Vec<f64>| {
            if xs.is_empty() {
                return Err(Error::value_error("mean of nothing"));
            }
            Ok(xs.iter().sum::<f64>() / xs.len() as f64)
        })
        .function_raw("kinds", |args: &[Value]| {
            Ok(args
                .iter()
                .map(pyco::embed::type_name)
                .collect::<Vec<_>>()
                .into_py())
        })
        .build();
    interp
        .run(
            "print(add(2, 3), mean([1, 2, 3, 4]), kinds(1, 'a', None, [1]))\n\
             try:\n    mean([])\nexcept ValueError as e:\n    print('caught', type(e).__name__, e)\n\
             def show(f):\n\
             \x20   try:\n        f()\n    except TypeError as e:\n        print(e)\n\
             show(lambda: add(1))\nshow(lambda: add(1, 'x'))\n\
             show(lambda: add(1, b=2))\nshow(lambda: mean([1, '2']))\n",
        )
        .unwrap();
    assert_eq!(
        text(&out),
        "5 2.5 ['int', 'str', 'NoneType', 'list']\n\
         caught ValueError mean of nothing\n\
         add() takes 2 positional arguments but 1 was given\n\
         add() argument 2: expected int, got str\n\
         add() takes no keyword arguments\n\
         mean() argument 1: expected float, got str (at [1])\n"
    );
}

#[test]
fn host_modules_and_constants() {
    let weather = HostModule::new("weather")
        .function("temperature", |city: String| match city.as_str() {
            "Oslo" => Ok(-3.5),
            _ => Err(Error::new("KeyError", city)),
        })
        .constant("UNIT", "celsius");
    let interp = Interpreter::builder()
        .module(weather)
        .constant("LIMIT", 3i64)
        .constant(
            "CONFIG",
            serde_json::json!({"retries": 2, "hosts": ["a", "b"]}),
        )
        .build();
    interp
        .run(
            "import weather\nfrom weather import temperature, UNIT\n\
             t = temperature('Oslo')\nu = UNIT\nr = repr(weather)\n\
             n = LIMIT * CONFIG['retries']\nhosts = CONFIG['hosts']\n\
             def inner():\n    return LIMIT\nl = inner()\n",
        )
        .unwrap();
    assert_eq!(interp.get::<f64>("t").unwrap(), -3.5);
    assert_eq!(interp.get::<String>("u").unwrap(), "celsius");
    assert_eq!(
        interp.get::<String>("r").unwrap(),
        "<module 'weather' (built-in)>"
    );
    assert_eq!(interp.get::<i64>("n").unwrap(), 6);
    assert_eq!(interp.get::<Vec<String>>("hosts").unwrap(), ["a", "b"]);
    assert_eq!(interp.get::<i64>("l").unwrap(), 3);
    let err = interp.run("temperature('Lima')").unwrap_err();
    assert_eq!(err.type_name(), "KeyError");
    let err = interp.run("import nosuchmodule").unwrap_err();
    assert_eq!(
        err.to_string(),
        "ModuleNotFoundError: No module named 'nosuchmodule'"
    );
}

/// A host `fetch` that sleeps for real and records what it saw.
fn fetch_interp(out: Rc<BufferSink>, dropped: Rc<Cell<u32>>) -> Interpreter {
    struct Guard(Rc<Cell<u32>>, bool);
    impl Drop for Guard {
        fn drop(&mut self) {
            if !self.1 {
                self.0.set(self.0.get() + 1);
            }
        }
    }
    let count = dropped.clone();
    let net = HostModule::new("net")
        .function("dropped", move || Ok(count.get()))
        .async_function("fetch", move |url: String, ms: i64| {
            let dropped = dropped.clone();
            async move {
                let mut guard = Guard(dropped, false);
                tokio::time::sleep(Duration::from_millis(ms as u64)).await;
                guard.1 = true;
                if url.is_empty() {
                    return Err(Error::value_error("empty url"));
                }
                Ok::<_, Error>(format!("body of {url}"))
            }
        });
    Interpreter::builder().stdout(out).module(net).build()
}

#[test]
fn async_host_functions_run_concurrently_in_cpython_order() {
    let (out, _) = captured();
    let interp = fetch_interp(out.clone(), Rc::new(Cell::new(0)));
    let started = Instant::now();
    interp
        .run(
            "import asyncio\nfrom net import fetch\n\
             async def main():\n\
             \x20   print(asyncio.iscoroutinefunction(fetch))\n\
             \x20   a = asyncio.create_task(fetch('a', 300))\n\
             \x20   b = asyncio.create_task(fetch('b', 100))\n\
             \x20   print(await b)\n\
             \x20   print(await a)\n\
             \x20   r = await asyncio.gather(fetch('c', 200), fetch('d', 200), fetch('', 10), return_exceptions=True)\n\
             \x20   print(r)\n\
             asyncio.run(main())\n",
        )
        .unwrap();
    let elapsed = started.elapsed();
    assert_eq!(
        text(&out),
        "True\nbody of b\nbody of a\n['body of c', 'body of d', ValueError('empty url')]\n"
    );
    // 300 ms + 200 ms when concurrent; 810 ms if run one after another.
    assert!(elapsed >= Duration::from_millis(500), "{elapsed:?}");
    assert!(elapsed < Duration::from_millis(780), "{elapsed:?}");
}

#[test]
fn cancelling_the_awaiting_task_drops_the_host_future() {
    let (out, _) = captured();
    let dropped = Rc::new(Cell::new(0));
    let interp = fetch_interp(out.clone(), dropped.clone());
    let started = Instant::now();
    interp
        .run(
            "import asyncio, net\nfrom net import fetch\n\
             async def waiter():\n\
             \x20   try:\n        await fetch('slow', 10000)\n\
             \x20   except asyncio.CancelledError:\n        print('waiter saw CancelledError')\n        raise\n\
             async def main():\n\
             \x20   t = asyncio.create_task(waiter())\n\
             \x20   await asyncio.sleep(0.05)\n\
             \x20   t.cancel()\n\
             \x20   try:\n        await t\n    except asyncio.CancelledError:\n        print('cancelled', t.cancelled(), net.dropped())\n\
             \x20   try:\n        await asyncio.wait_for(fetch('slower', 10000), 0.05)\n\
             \x20   except asyncio.TimeoutError:\n        print('timed out', net.dropped())\n\
             asyncio.run(main())\n",
        )
        .unwrap();
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(
        text(&out),
        "waiter saw CancelledError\ncancelled True 1\ntimed out 2\n"
    );
    assert_eq!(dropped.get(), 2, "both pending host futures were dropped");
}

#[test]
fn call_async_runs_on_the_callers_runtime() {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let record = seen.clone();
    let interp = Interpreter::builder()
        .async_function("where_am_i", move || {
            let record = record.clone();
            async move {
                record
                    .borrow_mut()
                    .push(tokio::runtime::Handle::current().id());
                tokio::time::sleep(Duration::from_millis(5)).await;
                Ok::<_, Error>(())
            }
        })
        .build();
    interp
        .run(
            "import asyncio\n\
             async def main(n):\n\
             \x20   await asyncio.gather(*[where_am_i() for _ in range(n)])\n\
             \x20   return {'calls': n, 'ok': True}\n",
        )
        .unwrap();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .unwrap();
    let result = rt.block_on(interp.call_async("main", (3,))).unwrap();
    let json = serde_json::Value::from_py(&result).unwrap();
    assert_eq!(json, serde_json::json!({"calls": 3, "ok": true}));
    assert_eq!(*seen.borrow(), vec![rt.handle().id(); 3]);
    // A plain function's value comes back as it is.
    interp.run("def plain():\n    return 7").unwrap();
    let v = rt.block_on(interp.call_async("plain", ())).unwrap();
    assert_eq!(v.extract::<i64>().unwrap(), 7);
    // asyncio.run on a thread that drives a runtime is an error, not a panic.
    let err = rt
        .block_on(async { interp.run("import asyncio\nasyncio.run(main(1))") })
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "RuntimeError: asyncio.run() cannot be called from a running event loop"
    );
    // A script exception from the coroutine is a structured error.
    interp
        .run("async def boom():\n    raise KeyError('k')")
        .unwrap();
    let err = rt.block_on(interp.call_async("boom", ())).unwrap_err();
    assert_eq!((err.type_name(), err.message()), ("KeyError", "'k'"));
    assert_eq!(err.traceback().last().unwrap().function, "boom");
}

#[test]
fn calling_script_functions_and_globals() {
    let interp = Interpreter::new();
    interp
        .run("def f(a, b=10):\n    return [a, b, scale * a]\nscale = 2\n")
        .unwrap();
    let v = interp.call("f", (4,)).unwrap();
    assert_eq!(v.extract::<Vec<i64>>().unwrap(), [4, 10, 8]);
    interp.set_global("scale", 5i64);
    let v = interp.call("f", (1, 2)).unwrap();
    assert_eq!(v.extract::<Vec<i64>>().unwrap(), [1, 2, 5]);
    assert!(interp.global("nothing").is_none());
    let err = interp.get::<i64>("nothing").unwrap_err();
    assert_eq!(err.to_string(), "NameError: name 'nothing' is not defined");
    let err = interp.call("f", ()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "TypeError: f() missing 1 required positional argument: 'a'"
    );
    let mut config = HashMap::new();
    config.insert("name".to_string(), "pyco".to_string());
    interp.set_global("config", config);
    interp.run("greeting = 'hi ' + config['name']").unwrap();
    assert_eq!(interp.get::<String>("greeting").unwrap(), "hi pyco");
}

#[test]
fn conversions_round_trip_and_name_mismatches() {
    let interp = Interpreter::new();
    interp
        .run(
            "i = 7\nf = 2.5\ns = 'text'\nb = True\nn = None\nxs = [1, 2]\nt = (1.5, 2)\n\
             d = {'a': [1], 'b': []}\nbig = 2 ** 70\nbad_keys = {1: 2}\n\
             j = {'x': [1, 2.5, 'three', None, True], 'y': {'z': -1}}\n",
        )
        .unwrap();
    assert_eq!(interp.get::<i64>("i").unwrap(), 7);
    assert_eq!(interp.get::<f64>("i").unwrap(), 7.0);
    assert_eq!(interp.get::<f64>("f").unwrap(), 2.5);
    assert_eq!(interp.get::<String>("s").unwrap(), "text");
    assert!(interp.get::<bool>("b").unwrap());
    assert_eq!(interp.get::<Option<i64>>("n").unwrap(), None);
    assert_eq!(interp.get::<Option<i64>>("i").unwrap(), Some(7));
    assert_eq!(interp.get::<Vec<f64>>("t").unwrap(), [1.5, 2.0]);
    let d: BTreeMap<String, Vec<i64>> = interp.get("d").unwrap();
    assert_eq!(d["a"], [1]);
    let j: serde_json::Value = interp.get("j").unwrap();
    assert_eq!(
        j,
        serde_json::json!({"x": [1, 2.5, "three", null, true], "y": {"z": -1}})
    );
    let mismatch = |name: &str, msg: &str| {
        let what = match name {
            "s as int" => interp.get::<i64>("s").map(|_| ()),
            "i as str" => interp.get::<String>("i").map(|_| ()),
            "i as bool" => interp.get::<bool>("i").map(|_| ()),
            "big" => interp.get::<i64>("big").map(|_| ()),
            "xs as map" => interp.get::<HashMap<String, i64>>("xs").map(|_| ()),
            "bad keys" => interp.get::<HashMap<String, i64>>("bad_keys").map(|_| ()),
            "d nested" => interp.get::<HashMap<String, Vec<String>>>("d").map(|_| ()),
            _ => unreachable!(),
        };
        assert_eq!(what.unwrap_err().message(), msg, "{name}");
    };
    mismatch("s as int", "global 's': expected int, got str");
    mismatch("i as str", "global 'i': expected str, got int");
    mismatch("i as bool", "global 'i': expected bool, got int");
    mismatch(
        "big",
        "global 'big': expected int that fits in 64 bits, got int",
    );
    mismatch("xs as map", "global 'xs': expected dict, got list");
    mismatch("bad keys", "global 'bad_keys': expected str key, got int");
    mismatch(
        "d nested",
        "global 'd': expected str, got int (at [\"a\"][0])",
    );
    // Into Python and back.
    let json = serde_json::json!({"k": [1, {"n": null}], "big": u64::MAX, "f": 0.5});
    assert_eq!(
        serde_json::Value::from_py(&json.clone().into_py()).unwrap(),
        json
    );
    interp.set_global("data", serde_json::json!({"b": 1, "a": [true, 2.0]}));
    interp.run("shown = repr(data)").unwrap();
    assert_eq!(
        interp.get::<String>("shown").unwrap(),
        "{'a': [True, 2.0], 'b': 1}"
    );
    interp.set_global("maybe", Some(vec![Some(1i64), None]));
    interp.run("shown = repr(maybe)").unwrap();
    assert_eq!(interp.get::<String>("shown").unwrap(), "[1, None]");
}

#[test]
fn errors_are_structured_and_render_like_the_cli() {
    let source =
        "def outer():\n    return inner(0)\n\ndef inner(x):\n    return 10 // x\n\nouter()\n";
    let interp = Interpreter::new();
    let err = interp.run_named("calc.py", source).unwrap_err();
    assert_eq!(err.type_name(), "ZeroDivisionError");
    assert_eq!(err.message(), "integer division or modulo by zero");
    assert!(err.is_instance("ArithmeticError"));
    let frames: Vec<_> = err
        .traceback()
        .iter()
        .map(|f| (f.file.as_str(), f.line, f.function.as_str()))
        .collect();
    assert_eq!(
        frames,
        [
            ("calc.py", 7, "<module>"),
            ("calc.py", 2, "outer"),
            ("calc.py", 5, "inner")
        ]
    );
    assert_eq!(err.traceback()[2].column, 4);
    assert_eq!(err.location().unwrap().line, 5);
    // The rendered form is byte for byte what the command prints.
    let dir = std::env::temp_dir().join(format!("pyco-embed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("calc.py");
    std::fs::write(&path, source).unwrap();
    let cli = std::process::Command::new(env!("CARGO_BIN_EXE_pyco"))
        .arg(&path)
        .output()
        .unwrap();
    let from_file = interp.run_file(&path).unwrap_err();
    assert_eq!(from_file.rendered(), String::from_utf8_lossy(&cli.stderr));
    assert!(
        from_file
            .rendered()
            .starts_with("Traceback (most recent call last):\n")
    );
    // Syntax errors too.
    let bad = dir.join("bad.py");
    std::fs::write(&bad, "x = 1\nif x\n    pass\n").unwrap();
    let cli = std::process::Command::new(env!("CARGO_BIN_EXE_pyco"))
        .arg(&bad)
        .output()
        .unwrap();
    let err = interp.run_file(&bad).unwrap_err();
    assert_eq!(err.rendered(), String::from_utf8_lossy(&cli.stderr));
    assert_eq!(err.type_name(), "SyntaxError");
    assert_eq!(err.message(), "expected ':'");
    assert_eq!(err.location().unwrap().line, 2);
    assert!(err.traceback().is_empty());
    // SystemExit carries its status.
    assert_eq!(
        interp
            .run("import sys\nsys.exit(4)")
            .unwrap_err()
            .exit_code(),
        Some(4)
    );
    let err = interp.run("raise SystemExit('bye')").unwrap_err();
    assert_eq!((err.exit_code(), err.rendered()), (Some(1), "bye\n"));
    // A host error raised in the script and escaping keeps its type.
    let interp = Interpreter::builder()
        .function("fail", || {
            Err::<(), _>(Error::new("PermissionError", "denied"))
        })
        .build();
    let err = interp.run("fail()").unwrap_err();
    assert_eq!(err.to_string(), "PermissionError: denied");
    assert!(err.is_instance("OSError"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn limits_apply_to_each_run() {
    let (out, _) = captured();
    let interp = Interpreter::builder()
        .stdout(out.clone())
        .limits(Limits {
            max_steps: Some(50_000),
            max_tasks: Some(10),
            ..Limits::default()
        })
        .build();
    let err = interp.run("n = 0\nwhile True:\n    n += 1").unwrap_err();
    assert_eq!(err.type_name(), "ResourceError");
    let n = interp.get::<i64>("n").unwrap();
    assert!((40_000..=50_000).contains(&n), "{n}");
    // The next run starts with a fresh budget.
    interp.run("m = sum(range(10000))").unwrap();
    let err = interp
        .run(
            "import asyncio\nasync def main():\n    for _ in range(100):\n        asyncio.create_task(asyncio.sleep(1))\nasyncio.run(main())",
        )
        .unwrap_err();
    assert_eq!(err.type_name(), "ResourceError");
    assert!(err.message().contains("task limit"), "{}", err.message());
}
