//! Replays CPython 3.11's `random` results against pyco's `MersenneTwister`.
//!
//! `tests/rng/cpython-3.11.txt` was printed by CPython (`tests/rng/oracle.py`
//! regenerates it); every line is one call on a single generator, in order,
//! so a single extra or missing draw anywhere shows up as a mismatch.

use std::fmt::Write;
use std::str::FromStr;

use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};
use pyco::rng::{MersenneTwister, RngError, Subscripted};

const GOLDEN: &str = include_str!("rng/cpython-3.11.txt");

/// What one replayed call produced.
enum Got {
    Unit,
    Int(BigInt),
    Float(f64),
    Indices(Vec<usize>),
    Text(String),
    State(String, Option<f64>),
    Error(String),
}

fn int(text: &str) -> BigInt {
    BigInt::from_str(text).unwrap_or_else(|_| panic!("bad int {text:?}"))
}

/// An int argument CPython would accept as a C integer, saturated to `i64`
/// (the saturated value still produces CPython's error).
fn saturated(text: &str) -> i64 {
    let value = int(text);
    value.to_i64().unwrap_or(if value < BigInt::zero() {
        i64::MIN
    } else {
        i64::MAX
    })
}

fn usize_arg(text: &str) -> usize {
    text.parse()
        .unwrap_or_else(|_| panic!("bad length {text:?}"))
}

fn float(text: &str) -> f64 {
    text.parse()
        .unwrap_or_else(|_| panic!("bad float {text:?}"))
}

fn list<T>(text: Option<&&str>, parse: impl Fn(&str) -> T) -> Vec<T> {
    match text {
        Some(text) if !text.is_empty() => text.split(',').map(parse).collect(),
        _ => Vec::new(),
    }
}

/// Renders an error the way the interpreter would raise it, for a
/// population that is a `range` and `cum_weights` that is a list, as in the
/// oracle script.
fn error(err: &RngError) -> String {
    let message = match err {
        RngError::Raise { message, .. } => message.as_str(),
        RngError::IndexOutOfRange(Subscripted::Population) => "range object index out of range",
        RngError::IndexOutOfRange(Subscripted::CumWeights) => "list index out of range",
    };
    format!("!{}: {message}", err.kind().name())
}

fn from<T>(result: Result<T, RngError>, wrap: impl FnOnce(T) -> Got) -> Got {
    match result {
        Ok(value) => wrap(value),
        Err(err) => Got::Error(error(&err)),
    }
}

fn run(rng: &mut MersenneTwister, call: &str) -> Got {
    if let Some(text) = call.strip_prefix("seed_str ") {
        rng.seed_bytes(text.as_bytes());
        return Got::Unit;
    }
    let mut words = call.split(' ');
    let op = words.next().unwrap_or_default();
    let args: Vec<&str> = words.collect();
    let f = |i: usize| float(args[i]);
    match op {
        "seed" => {
            rng.seed_int(&int(args[0]));
            Got::Unit
        }
        "seed_hash" => {
            rng.seed_hash(args[0].parse().expect("hash is an i64"));
            Got::Unit
        }
        "state" => {
            let state = rng.getstate();
            let sum: u64 = state.words.iter().map(|&w| u64::from(w)).sum();
            let words = &state.words;
            Got::State(
                format!(
                    "{} {} {} {} {sum}",
                    state.index, words[0], words[1], words[623]
                ),
                state.gauss_next,
            )
        }
        "random" => Got::Float(rng.random()),
        "getrandbits" => from(rng.getrandbits(saturated(args[0])), Got::Int),
        "randbelow" => Got::Int(rng.randbelow(&int(args[0]))),
        "randbytes" => from(rng.randbytes(saturated(args[0])), |bytes| {
            Got::Text(bytes.iter().fold(String::new(), |mut hex, b| {
                let _ = write!(hex, "{b:02x}");
                hex
            }))
        }),
        "randrange" => {
            let ints: Vec<Option<BigInt>> =
                args.iter().map(|a| (*a != "_").then(|| int(a))).collect();
            let start = ints[0].as_ref().expect("start is given");
            let end = ints.get(1).and_then(Option::as_ref);
            let stride = ints.get(2).and_then(Option::as_ref);
            from(rng.randrange(start, end, stride), Got::Int)
        }
        "randint" => from(rng.randint(&int(args[0]), &int(args[1])), Got::Int),
        "choice" => from(rng.choice_index(usize_arg(args[0])), |i| {
            Got::Indices(vec![i])
        }),
        "shuffle" => {
            let mut items: Vec<usize> = (0..usize_arg(args[0])).collect();
            rng.shuffle(&mut items);
            Got::Indices(items)
        }
        "sample" => from(
            rng.sample_indices(usize_arg(args[0]), saturated(args[1])),
            Got::Indices,
        ),
        "sample_counts" => {
            let counts = list(args.get(2), int);
            from(
                rng.sample_counts_indices(usize_arg(args[0]), &counts, saturated(args[1])),
                Got::Indices,
            )
        }
        "choices" | "choices_w" | "choices_cw" | "choices_both" => {
            let n = usize_arg(args[0]);
            let k = saturated(args[1]);
            let given = list(args.get(2), float);
            let one = [1.0];
            let (weights, cum) = match op {
                "choices" => (None, None),
                "choices_w" => (Some(given.as_slice()), None),
                "choices_cw" => (None, Some(given.as_slice())),
                _ => (Some(&one[..]), Some(&one[..])),
            };
            from(rng.choices_indices(n, weights, cum, k), Got::Indices)
        }
        "uniform" => Got::Float(rng.uniform(f(0), f(1))),
        "triangular" => {
            let mode = args.get(2).map(|m| float(m));
            // `None` means CPython returns the `low` argument itself.
            Got::Float(rng.triangular(f(0), f(1), mode).unwrap_or(f(0)))
        }
        "gauss" => Got::Float(rng.gauss(f(0), f(1))),
        "normalvariate" => Got::Float(rng.normalvariate(f(0), f(1))),
        "lognormvariate" => from(rng.lognormvariate(f(0), f(1)), Got::Float),
        "expovariate" => from(rng.expovariate(f(0)), Got::Float),
        "vonmisesvariate" => from(rng.vonmisesvariate(f(0), f(1)), Got::Float),
        "gammavariate" => from(rng.gammavariate(f(0), f(1)), Got::Float),
        "betavariate" => from(rng.betavariate(f(0), f(1)), Got::Float),
        "paretovariate" => from(rng.paretovariate(f(0)), Got::Float),
        "weibullvariate" => from(rng.weibullvariate(f(0), f(1)), Got::Float),
        other => panic!("unknown operation {other:?}"),
    }
}

/// Whether a float equals CPython's `repr` of one, bit for bit.
fn same_float(got: Option<f64>, expected: &str) -> bool {
    match (got, expected) {
        (None, "None") => true,
        (Some(got), repr) => repr
            .parse::<f64>()
            .is_ok_and(|want| got.to_bits() == want.to_bits() || (got.is_nan() && want.is_nan())),
        (None, _) => false,
    }
}

fn matches(got: &Got, expected: Option<&str>) -> bool {
    match (got, expected) {
        (Got::Unit, None) => true,
        (Got::Int(value), Some(want)) => value.to_string() == want,
        (Got::Float(value), Some(want)) => same_float(Some(*value), want),
        (Got::Indices(items), Some(want)) if items.len() == 1 && !want.starts_with('[') => {
            items[0].to_string() == want
        }
        (Got::Indices(items), Some(want)) => format!("{items:?}") == want,
        (Got::Text(text), Some(want)) => text == want,
        (Got::State(prefix, gauss_next), Some(want)) => want
            .rsplit_once(' ')
            .is_some_and(|(head, last)| head == prefix && same_float(*gauss_next, last)),
        (Got::Error(message), Some(want)) => message == want,
        _ => false,
    }
}

fn describe(got: &Got) -> String {
    match got {
        Got::Unit => "nothing".to_owned(),
        Got::Int(value) => value.to_string(),
        Got::Float(value) => format!("{value:?}"),
        Got::Indices(items) => format!("{items:?}"),
        Got::Text(text) | Got::Error(text) => text.clone(),
        Got::State(prefix, gauss_next) => format!("{prefix} {gauss_next:?}"),
    }
}

#[test]
fn replays_cpython_3_11_goldens() {
    let mut rng = MersenneTwister::from_seed(&BigInt::zero());
    let mut failures = Vec::new();
    let mut checked = 0;
    for (number, line) in GOLDEN.lines().enumerate() {
        let (call, expected) = match line.split_once(" => ") {
            Some((call, expected)) => (call, Some(expected)),
            None => (line, None),
        };
        let got = run(&mut rng, call);
        checked += usize::from(expected.is_some());
        if !matches(&got, expected) {
            failures.push(format!(
                "line {}: {call}\n    CPython: {}\n    pyco:    {}",
                number + 1,
                expected.unwrap_or("nothing"),
                describe(&got)
            ));
        }
    }
    assert!(checked > 3000, "only {checked} results were compared");
    assert!(
        failures.is_empty(),
        "{} of {checked} results differ from CPython; first ones:\n{}",
        failures.len(),
        failures[..failures.len().min(15)].join("\n")
    );
}

#[test]
fn getstate_setstate_round_trip() {
    let mut rng = MersenneTwister::from_seed(&BigInt::from(42));
    rng.gauss(0.0, 1.0);
    let saved = rng.getstate();
    let ahead: Vec<f64> = (0..700).map(|_| rng.random()).collect();
    let next_gauss = rng.gauss(0.0, 1.0);

    let mut other = MersenneTwister::from_seed(&BigInt::from(7));
    other
        .setstate(&saved.words, saved.index as i64, saved.gauss_next)
        .expect("a saved state is valid");
    let replay: Vec<f64> = (0..700).map(|_| other.random()).collect();
    assert_eq!(ahead, replay);
    assert_eq!(next_gauss.to_bits(), other.gauss(0.0, 1.0).to_bits());

    // CPython: random.setstate((3, (0,) * 624 + (625,), None))
    let err = other.setstate(&saved.words, 625, None).unwrap_err();
    assert_eq!(error(&err), "!ValueError: invalid state");
    assert!(other.setstate(&saved.words, -1, None).is_err());
}

#[test]
fn entropy_seeding_differs_between_generators() {
    let mut a = MersenneTwister::from_entropy();
    let mut b = MersenneTwister::from_entropy();
    let a_bits: Vec<u32> = (0..8).map(|_| a.next_u32()).collect();
    let b_bits: Vec<u32> = (0..8).map(|_| b.next_u32()).collect();
    assert_ne!(a_bits, b_bits);
}
