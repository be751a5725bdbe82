//! A host that gives scripts an async `fetch_data(url)` written in Rust.
//!
//! `examples/fetch_host.py` is the asyncio article's program
//! (`scripts/fetch_data.py`) with its `fetch_data` coroutine taken from the
//! host: `from web import fetch_data` replaces the Python definition, and
//! `main()` is unchanged. The Rust `fetch_data` prints the same lines and
//! simulates the request's latency with `tokio::time::sleep`, so the
//! program prints exactly what the article shows, in two seconds, not four.
//!
//! ```text
//! cargo run --release --example fetch_host                   # the script's asyncio.run
//! cargo run --release --example fetch_host -- --host-runtime # main() on the host's runtime
//! ```

use pyco::embed::{Error, HostModule, Interpreter, OutputSink};
use pyco::run::StdoutSink;
use std::rc::Rc;
use std::time::{Duration, Instant};

const SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/fetch_host.py");

fn main() {
    let host_runtime = std::env::args().any(|a| a == "--host-runtime");
    // One sink for the script's prints and the host's, so they interleave
    // in program order.
    let out = Rc::new(StdoutSink::new());
    let sink = out.clone();
    let web = HostModule::new("web").async_function("fetch_data", move |url: String| {
        let out = sink.clone();
        async move {
            out.write(&format!("Starting request: {url}\n"));
            tokio::time::sleep(Duration::from_secs(2)).await; // simulate I/O delay
            out.write(&format!("Finished request: {url}\n"));
            Ok::<_, Error>(format!("Data from {url}"))
        }
    });
    let interp = Interpreter::builder()
        .stdout(out.clone())
        .argv([SCRIPT])
        .module(web)
        .build();
    let started = Instant::now();
    let result = if host_runtime {
        // Load the definitions without the `__main__` guard's asyncio.run,
        // then await main() on this program's own tokio runtime.
        interp.set_global("__name__", "fetch_host");
        interp.run_file(SCRIPT).and_then(|()| {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_time()
                .build()
                .expect("a tokio runtime");
            rt.block_on(interp.call_async("main", ())).map(|_| ())
        })
    } else {
        interp.run_file(SCRIPT)
    };
    out.flush();
    if let Err(e) = result {
        eprint!("{}", e.rendered());
        std::process::exit(1);
    }
    eprintln!("(took {:.2} s)", started.elapsed().as_secs_f64());
}
