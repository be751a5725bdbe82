//! Host functions, a host module and constants; calling script functions
//! from Rust and reading their results; errors both ways.
//!
//! ```text
//! cargo run --release --example host_functions
//! ```

use pyco::embed::{Error, HostModule, Interpreter};
use pyco::value::Value;
use std::collections::HashMap;

const SCRIPT: &str = r#"
import inventory

def restock(threshold):
    low = {name: n for name, n in inventory.stock().items() if n < threshold}
    for name in sorted(low):
        inventory.order(name, threshold - low[name])
    return sorted(low)

print(f"{APP} sees {len(inventory.stock())} items, unit: {inventory.UNIT}")
try:
    inventory.order("unicorn", 1)
except KeyError as e:
    print("order refused:", e)
"#;

fn main() -> Result<(), Error> {
    let stock: HashMap<String, i64> = [("apples", 3), ("pears", 12), ("plums", 1)]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    let inventory = HostModule::new("inventory")
        .function("stock", move || Ok(stock.clone()))
        .function("order", |name: String, count: i64| {
            if name == "unicorn" {
                return Err(Error::new("KeyError", format!("no supplier for {name}")));
            }
            println!("  (host) ordering {count} x {name}");
            Ok(())
        })
        .constant("UNIT", "crates");
    let interp = Interpreter::builder()
        .module(inventory)
        .constant("APP", "warehouse")
        .function_raw("describe", |args: &[Value]| {
            Ok(Value::str(format!("{} argument(s)", args.len())))
        })
        .build();
    interp.run(SCRIPT)?;

    // Call a script function with Rust arguments; convert the result.
    let low: Vec<String> = interp.call("restock", (5,))?.extract()?;
    println!("restocked: {low:?}");

    // Globals both ways.
    interp.set_global("threshold", 2i64);
    interp.run("answer = describe(1, 2, threshold)")?;
    println!("describe said: {}", interp.get::<String>("answer")?);

    // A script error comes back structured.
    let err = interp.call("restock", ("five",)).unwrap_err();
    let at = err.location().expect("a traceback");
    println!(
        "{} at line {} in {}(): {}",
        err.type_name(),
        at.line,
        at.function,
        err.message()
    );
    Ok(())
}
