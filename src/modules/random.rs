//! The `random` module, on [`crate::rng::MersenneTwister`]: the same
//! sequences as CPython after `seed(n)`.

use super::set_fn;
use crate::builtins::args::{allowed_kwargs, arity, kwarg};
use crate::builtins::{add_methods, builtin_fn};
use crate::interp::Vm;
use crate::interp::errors::{exc_msg, type_error, value_error};
use crate::rng::{MersenneTwister, PyExceptionKind, RngError, Subscripted};
use crate::types::new_builtin_class;
use crate::value::object::InstanceLayout;
use crate::value::{Exc, Module, NativeObject, PyResult, Symbol, Value, sym};
use num_bigint::BigInt;
use std::cell::RefCell;
use std::rc::Rc;

/// A `random.Random` instance's generator.
pub struct RandomState(pub RefCell<MersenneTwister>);

type Method = fn(&Vm, &RandomState, &[Value], &[(Symbol, Value)]) -> PyResult;

const METHODS: &[(&str, Method)] = &[
    ("seed", seed),
    ("random", random),
    ("randint", randint),
    ("randrange", randrange),
    ("choice", choice),
    ("choices", choices),
    ("sample", sample),
    ("shuffle", shuffle),
    ("uniform", uniform),
    ("gauss", gauss),
    ("normalvariate", normalvariate),
    ("triangular", triangular),
    ("expovariate", expovariate),
    ("betavariate", betavariate),
    ("gammavariate", gammavariate),
    ("lognormvariate", lognormvariate),
    ("paretovariate", paretovariate),
    ("weibullvariate", weibullvariate),
    ("vonmisesvariate", vonmisesvariate),
    ("getrandbits", getrandbits),
    ("getstate", getstate),
    ("setstate", setstate),
];

macro_rules! dispatch_table {
    ($($name:literal),*) => {
        /// Module-level functions: each calls the method on the hidden
        /// module-wide generator.
        fn module_function(index: usize) -> crate::value::NativeFn {
            const FNS: &[crate::value::NativeFn] = &[$(
                |vm, args, kwargs| {
                    let st = default_state(vm);
                    let (_, f) = METHODS.iter().find(|(n, _)| *n == $name).expect("listed");
                    f(vm, &st, args, kwargs)
                }
            ),*];
            FNS[index]
        }
        /// Methods of `random.Random`: the receiver's generator.
        fn method_function(index: usize) -> crate::value::NativeFn {
            const FNS: &[crate::value::NativeFn] = &[$(
                |vm, args, kwargs| {
                    let Some((this, rest)) = args.split_first() else {
                        return Err(type_error("descriptor needs a Random instance"));
                    };
                    let Some(st) = this.downcast::<Rc<RandomState>>().cloned() else {
                        return Err(type_error("descriptor needs a Random instance"));
                    };
                    let (_, f) = METHODS.iter().find(|(n, _)| *n == $name).expect("listed");
                    f(vm, &st, rest, kwargs)
                }
            ),*];
            FNS[index]
        }
    };
}

dispatch_table!(
    "seed",
    "random",
    "randint",
    "randrange",
    "choice",
    "choices",
    "sample",
    "shuffle",
    "uniform",
    "gauss",
    "normalvariate",
    "triangular",
    "expovariate",
    "betavariate",
    "gammavariate",
    "lognormvariate",
    "paretovariate",
    "weibullvariate",
    "vonmisesvariate",
    "getrandbits",
    "getstate",
    "setstate"
);

/// The module-wide generator, seeded from entropy on first use.
fn default_state(vm: &Vm) -> Rc<RandomState> {
    if let Some(s) = vm.module_state.borrow().get("random")
        && let Ok(s) = s.clone().downcast::<RandomState>()
    {
        return s;
    }
    let s = Rc::new(RandomState(RefCell::new(MersenneTwister::from_entropy())));
    vm.module_state.borrow_mut().insert("random", s.clone());
    s
}

/// Builds the module.
pub fn build(vm: &Vm) -> Rc<Module> {
    let m = vm.new_module("random", None);
    let class = new_builtin_class(
        "Random",
        "random",
        &[vm.types.object.clone()],
        InstanceLayout::Builtin,
    );
    class
        .dict
        .borrow_mut()
        .set(sym::__new__, builtin_fn("__new__", random_new));
    for (i, (name, _)) in METHODS.iter().enumerate() {
        set_fn(&m, name, module_function(i));
        add_methods(&class, &[(name, method_function(i))]);
    }
    m.globals.set(Symbol::intern("Random"), Value::Class(class));
    m
}

fn random_new(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let st = Rc::new(RandomState(RefCell::new(MersenneTwister::from_entropy())));
    let rest = &args[1.min(args.len())..];
    seed(vm, &st, rest, kwargs)?;
    let class = match args.first() {
        Some(Value::Class(c)) => c.clone(),
        _ => return Err(type_error("Random.__new__ needs a class")),
    };
    Ok(NativeObject::new_value(class, st))
}

fn rng_error(e: RngError, population: &str) -> Exc {
    let t = crate::types::types();
    let class = match e.kind() {
        PyExceptionKind::ValueError => &t.value_error,
        PyExceptionKind::TypeError => &t.type_error,
        PyExceptionKind::IndexError => &t.index_error,
        PyExceptionKind::ZeroDivisionError => &t.zero_division_error,
        PyExceptionKind::OverflowError => &t.overflow_error,
        PyExceptionKind::MemoryError => &t.memory_error,
    };
    let message = match &e {
        RngError::Raise { message, .. } => message.clone(),
        RngError::IndexOutOfRange(Subscripted::Population) => {
            format!("{population} index out of range")
        }
        RngError::IndexOutOfRange(Subscripted::CumWeights) => "list index out of range".into(),
    };
    exc_msg(class, message)
}

fn int_arg(vm: &Vm, v: &Value, what: &str) -> PyResult<BigInt> {
    match v {
        Value::Float(f) if f.fract() == 0.0 && f.is_finite() => {
            crate::format::float_to_bigint(*f).map_err(crate::interp::errors::value_error)
        }
        Value::Float(_) => Err(crate::interp::errors::value_error(format!(
            "non-integer {what} for randrange()"
        ))),
        other => other.to_bigint().ok_or_else(|| {
            type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(other)
            ))
        }),
    }
}

fn float_arg(vm: &Vm, v: &Value) -> PyResult<f64> {
    crate::builtins::constructors::to_float(vm, v)
}

fn seed(vm: &Vm, st: &RandomState, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    allowed_kwargs("seed", kwargs, &["a", "version"])?;
    arity("seed", args, 0, 2)?;
    let a = args
        .first()
        .or_else(|| kwarg(kwargs, "a"))
        .cloned()
        .unwrap_or(Value::None);
    let mut g = st.0.borrow_mut();
    match &a {
        Value::None => g.seed_from_entropy(),
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            g.seed_int(&a.to_bigint().unwrap_or_default());
        }
        Value::Str(s) => g.seed_bytes(s.as_str().as_bytes()),
        Value::Float(_) => {
            let h = vm.hash(&a)?;
            g.seed_hash(h);
        }
        other => {
            return Err(type_error(format!(
                "The only supported seed types are: None,\nint, float, str, bytes, and bytearray. Got {}",
                vm.type_name(other)
            )));
        }
    }
    Ok(Value::None)
}

fn random(_vm: &Vm, st: &RandomState, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("random", args, 0, 0)?;
    Ok(Value::Float(st.0.borrow_mut().random()))
}

fn randint(vm: &Vm, st: &RandomState, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    if args.len() != 2 {
        return Err(type_error(format!(
            "Random.randint() missing {} required positional argument{}",
            2 - args.len().min(2),
            if args.len() == 1 {
                ": 'b'"
            } else {
                "s: 'a' and 'b'"
            }
        )));
    }
    let a = int_arg(vm, &args[0], "start")?;
    let b = int_arg(vm, &args[1], "stop")?;
    st.0.borrow_mut()
        .randint(&a, &b)
        .map(Value::from_bigint)
        .map_err(|e| rng_error(e, "list"))
}

fn randrange(vm: &Vm, st: &RandomState, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("randrange", args, 1, 3)?;
    let start = int_arg(vm, &args[0], "arg 1")?;
    let stop = args
        .get(1)
        .filter(|v| !matches!(v, Value::None))
        .map(|v| int_arg(vm, v, "stop"))
        .transpose()?;
    let step = args.get(2).map(|v| int_arg(vm, v, "step")).transpose()?;
    st.0.borrow_mut()
        .randrange(&start, stop.as_ref(), step.as_ref())
        .map(Value::from_bigint)
        .map_err(|e| rng_error(e, "list"))
}

fn choice(vm: &Vm, st: &RandomState, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("choice", args, 1, 1)?;
    let seq = &args[0];
    let n = crate::builtins::functions::length(vm, seq)?;
    let i =
        st.0.borrow_mut()
            .choice_index(n)
            .map_err(|e| rng_error(e, "list"))?;
    vm.get_item(seq, &Value::Int(i as i64))
}

fn population(vm: &Vm, v: &Value) -> PyResult<Vec<Value>> {
    match v {
        Value::Set(_) | Value::FrozenSet(_) | Value::Dict(_) => Err(type_error(
            "Population must be a sequence.  For dicts or sets, use sorted(d).",
        )),
        _ => vm.collect_iterable(v),
    }
}

fn choices(vm: &Vm, st: &RandomState, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    allowed_kwargs(
        "choices",
        kwargs,
        &["population", "weights", "cum_weights", "k"],
    )?;
    arity("choices", args, 1, 2)?;
    let pop = population(vm, &args[0])?;
    let floats = |v: Option<&Value>| -> PyResult<Option<Vec<f64>>> {
        match v {
            None | Some(Value::None) => Ok(None),
            Some(v) => vm
                .collect_iterable(v)?
                .iter()
                .map(|x| float_arg(vm, x))
                .collect::<PyResult<Vec<_>>>()
                .map(Some),
        }
    };
    let weights = floats(args.get(1).or_else(|| kwarg(kwargs, "weights")))?;
    let cum = floats(kwarg(kwargs, "cum_weights"))?;
    let k = match kwarg(kwargs, "k") {
        Some(v) => vm.to_index(v)?,
        None => 1,
    };
    let idx =
        st.0.borrow_mut()
            .choices_indices(pop.len(), weights.as_deref(), cum.as_deref(), k)
            .map_err(|e| rng_error(e, &vm.type_name(&args[0])))?;
    Ok(Value::list(
        idx.into_iter().map(|i| pop[i].clone()).collect(),
    ))
}

fn sample(vm: &Vm, st: &RandomState, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    allowed_kwargs("sample", kwargs, &["population", "k", "counts"])?;
    let pop_v = args
        .first()
        .or_else(|| kwarg(kwargs, "population"))
        .ok_or_else(|| type_error("sample() missing required argument 'population'"))?;
    let pop = population(vm, pop_v)?;
    let k = match args.get(1).or_else(|| kwarg(kwargs, "k")) {
        Some(v) => vm.to_index(v)?,
        None => {
            return Err(type_error(
                "Random.sample() missing 1 required positional argument: 'k'",
            ));
        }
    };
    let idx = match kwarg(kwargs, "counts") {
        Some(c) if !matches!(c, Value::None) => {
            let counts: Vec<BigInt> = vm
                .collect_iterable(c)?
                .iter()
                .map(|x| {
                    x.to_bigint()
                        .ok_or_else(|| type_error("counts must be integers"))
                })
                .collect::<PyResult<_>>()?;
            st.0.borrow_mut()
                .sample_counts_indices(pop.len(), &counts, k)
        }
        _ => st.0.borrow_mut().sample_indices(pop.len(), k),
    }
    .map_err(|e| rng_error(e, &vm.type_name(pop_v)))?;
    Ok(Value::list(
        idx.into_iter().map(|i| pop[i].clone()).collect(),
    ))
}

fn shuffle(vm: &Vm, st: &RandomState, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("shuffle", args, 1, 1)?;
    match &args[0] {
        Value::List(l) => {
            let mut items = l.borrow().clone();
            st.0.borrow_mut().shuffle(&mut items);
            *l.borrow_mut() = items;
            Ok(Value::None)
        }
        other => Err(type_error(format!(
            "'{}' object does not support item assignment",
            vm.type_name(other)
        ))),
    }
}

fn two_floats(
    vm: &Vm,
    args: &[Value],
    name: &str,
    defaults: Option<(f64, f64)>,
) -> PyResult<(f64, f64)> {
    match (args, defaults) {
        ([a, b], _) => Ok((float_arg(vm, a)?, float_arg(vm, b)?)),
        ([a], Some((_, d))) => Ok((float_arg(vm, a)?, d)),
        ([], Some(d)) => Ok(d),
        _ => Err(type_error(format!(
            "{name}() takes exactly 2 arguments ({} given)",
            args.len()
        ))),
    }
}

fn uniform(vm: &Vm, st: &RandomState, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let (a, b) = two_floats(vm, args, "uniform", None)?;
    Ok(Value::Float(st.0.borrow_mut().uniform(a, b)))
}

fn gauss(vm: &Vm, st: &RandomState, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let mut all: Vec<Value> = args.to_vec();
    if let Some(m) = kwarg(kwargs, "mu") {
        all.insert(0, m.clone());
    }
    if let Some(s) = kwarg(kwargs, "sigma") {
        if all.is_empty() {
            all.push(Value::Float(0.0));
        }
        all.push(s.clone());
    }
    let (mu, sigma) = two_floats(vm, &all, "gauss", Some((0.0, 1.0)))?;
    Ok(Value::Float(st.0.borrow_mut().gauss(mu, sigma)))
}

fn normalvariate(vm: &Vm, st: &RandomState, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let (mu, sigma) = two_floats(vm, args, "normalvariate", Some((0.0, 1.0)))?;
    Ok(Value::Float(st.0.borrow_mut().normalvariate(mu, sigma)))
}

fn triangular(vm: &Vm, st: &RandomState, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("triangular", args, 0, 3)?;
    let low = args
        .first()
        .map(|v| float_arg(vm, v))
        .transpose()?
        .unwrap_or(0.0);
    let high = args
        .get(1)
        .map(|v| float_arg(vm, v))
        .transpose()?
        .unwrap_or(1.0);
    let mode = args
        .get(2)
        .filter(|v| !matches!(v, Value::None))
        .map(|v| float_arg(vm, v))
        .transpose()?;
    match st.0.borrow_mut().triangular(low, high, mode) {
        Some(x) => Ok(Value::Float(x)),
        None => Ok(args.first().cloned().unwrap_or(Value::Float(low))),
    }
}

fn one_float_result(
    vm: &Vm,
    args: &[Value],
    f: impl FnOnce(f64) -> Result<f64, RngError>,
) -> PyResult {
    arity("variate", args, 1, 1)?;
    f(float_arg(vm, &args[0])?)
        .map(Value::Float)
        .map_err(|e| rng_error(e, "list"))
}

fn two_float_result(
    vm: &Vm,
    args: &[Value],
    name: &str,
    f: impl FnOnce(f64, f64) -> Result<f64, RngError>,
) -> PyResult {
    let (a, b) = two_floats(vm, args, name, None)?;
    f(a, b).map(Value::Float).map_err(|e| rng_error(e, "list"))
}

fn expovariate(vm: &Vm, st: &RandomState, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let args: Vec<Value> = if args.is_empty() {
        vec![Value::Float(1.0)]
    } else {
        args.to_vec()
    };
    one_float_result(vm, &args, |l| st.0.borrow_mut().expovariate(l))
}

fn paretovariate(vm: &Vm, st: &RandomState, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    one_float_result(vm, args, |a| st.0.borrow_mut().paretovariate(a))
}

fn betavariate(vm: &Vm, st: &RandomState, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    two_float_result(vm, args, "betavariate", |a, b| {
        st.0.borrow_mut().betavariate(a, b)
    })
}

fn gammavariate(vm: &Vm, st: &RandomState, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    two_float_result(vm, args, "gammavariate", |a, b| {
        st.0.borrow_mut().gammavariate(a, b)
    })
}

fn lognormvariate(vm: &Vm, st: &RandomState, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    two_float_result(vm, args, "lognormvariate", |a, b| {
        st.0.borrow_mut().lognormvariate(a, b)
    })
}

fn weibullvariate(vm: &Vm, st: &RandomState, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    two_float_result(vm, args, "weibullvariate", |a, b| {
        st.0.borrow_mut().weibullvariate(a, b)
    })
}

fn vonmisesvariate(vm: &Vm, st: &RandomState, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    two_float_result(vm, args, "vonmisesvariate", |a, b| {
        st.0.borrow_mut().vonmisesvariate(a, b)
    })
}

fn getrandbits(vm: &Vm, st: &RandomState, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("getrandbits", args, 1, 1)?;
    let k = match &args[0] {
        Value::BigInt(b) => {
            if b.sign() == num_bigint::Sign::Minus {
                i64::MIN
            } else {
                i64::MAX
            }
        }
        other => vm.to_index(other)?,
    };
    st.0.borrow_mut()
        .getrandbits(k)
        .map(Value::from_bigint)
        .map_err(|e| rng_error(e, "list"))
}

/// `getstate()`: `(3, (*words, index), gauss_next)`, as CPython's.
fn getstate(_vm: &Vm, st: &RandomState, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("getstate", args, 0, 0)?;
    let state = st.0.borrow().getstate();
    let mut internal: Vec<Value> = state
        .words
        .iter()
        .map(|&w| Value::Int(i64::from(w)))
        .collect();
    internal.push(Value::Int(state.index as i64));
    Ok(Value::tuple(vec![
        Value::Int(crate::rng::STATE_VERSION),
        Value::tuple(internal),
        state.gauss_next.map_or(Value::None, Value::Float),
    ]))
}

/// `setstate(state)`: restores what `getstate()` returned, with CPython's
/// errors for a wrong version, shape or word.
fn setstate(vm: &Vm, st: &RandomState, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("setstate", args, 1, 1)?;
    let state = &args[0];
    let version = vm.get_item(state, &Value::Int(0))?;
    // Version 2 (Python 2's) states differ only in taking words modulo 2**32.
    let old_words = matches!(version, Value::Int(2));
    if !old_words && !matches!(version, Value::Int(v) if v == crate::rng::STATE_VERSION) {
        return Err(value_error(format!(
            "state with version {} passed to Random.setstate() of version {}",
            vm.str_of(&version)?,
            crate::rng::STATE_VERSION
        )));
    }
    let parts = vm.collect_iterable(state)?;
    let [_, internal, gauss_next] = parts.as_slice() else {
        return Err(value_error(format!(
            "too many values to unpack (expected 3, got {})",
            parts.len()
        )));
    };
    let Value::Tuple(items) = internal else {
        return Err(type_error("state vector must be a tuple"));
    };
    if items.len() != crate::rng::N + 1 {
        return Err(value_error("state vector is the wrong size"));
    }
    let mut words = [0u32; crate::rng::N];
    for (w, v) in words.iter_mut().zip(items.iter()) {
        let n = match v {
            Value::Int(n) if *n >= 0 || old_words => n.rem_euclid(1 << 32),
            Value::Int(_) => {
                return Err(crate::interp::errors::overflow_error(
                    "can't convert negative value to unsigned int",
                ));
            }
            other => {
                return Err(type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(other)
                )));
            }
        };
        *w = n as u32;
    }
    let index = match &items[crate::rng::N] {
        Value::Int(n) => *n,
        _ => return Err(value_error("invalid state")),
    };
    let gauss = match gauss_next {
        Value::None => None,
        Value::Float(f) => Some(*f),
        Value::Int(n) => Some(*n as f64),
        other => {
            return Err(type_error(format!(
                "must be real number, not {}",
                vm.type_name(other)
            )));
        }
    };
    st.0.borrow_mut()
        .setstate(&words, index, gauss)
        .map_err(|e| value_error(e.to_string().trim_start_matches("ValueError: ").to_owned()))?;
    Ok(Value::None)
}
