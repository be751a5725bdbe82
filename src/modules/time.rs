//! The `time` module.
//!
//! Under virtual time, `time()`, `monotonic()` and `perf_counter()` follow
//! the event loop's virtual clock and `sleep()` advances it, so elapsed-time
//! prints agree with a real-time run.

use super::set_fn;
use crate::builtins::args::arity;
use crate::interp::Vm;
use crate::interp::errors::value_error;
use crate::limits::Limit;
use crate::runtime::clock::SleepCut;
use crate::value::{Module, PyResult, Symbol, Value};
use std::rc::Rc;

/// Builds the module.
pub fn build(vm: &Vm) -> Rc<Module> {
    let m = vm.new_module("time", None);
    set_fn(&m, "time", time);
    set_fn(&m, "time_ns", time_ns);
    set_fn(&m, "monotonic", monotonic);
    set_fn(&m, "monotonic_ns", monotonic_ns);
    set_fn(&m, "perf_counter", monotonic);
    set_fn(&m, "perf_counter_ns", monotonic_ns);
    set_fn(&m, "process_time", monotonic);
    set_fn(&m, "sleep", sleep);
    set_fn(&m, "_tm", super::calendar_time::tm_fields);
    set_fn(&m, "_strftime", super::calendar_time::strftime);
    set_fn(&m, "_mktime", super::calendar_time::mktime);
    m
}

fn time(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("time", args, 0, 0)?;
    Ok(Value::Float(vm.clock().wall_seconds()))
}

fn time_ns(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("time_ns", args, 0, 0)?;
    Ok(Value::Int((vm.clock().wall_seconds() * 1e9) as i64))
}

fn monotonic(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("monotonic", args, 0, 0)?;
    Ok(Value::Float(vm.clock().now() as f64 / 1e9))
}

fn monotonic_ns(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("monotonic_ns", args, 0, 0)?;
    Ok(Value::Int(vm.clock().now()))
}

fn sleep(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("sleep", args, 1, 1)?;
    let secs = match &args[0] {
        v @ (Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::BigInt(_)) => {
            crate::interp::ops::int_to_f64(v)?
        }
        other => {
            return Err(crate::interp::errors::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(other)
            )));
        }
    };
    if secs < 0.0 {
        return Err(value_error("sleep length must be non-negative"));
    }
    let Ok(secs) = std::time::Duration::try_from_secs_f64(secs) else {
        return Err(crate::interp::errors::overflow_error(
            "timestamp too large to convert to C _PyTime_t",
        ));
    };
    match vm.clock().sleep_blocking(secs, vm.budget.deadline()) {
        Ok(()) => Ok(Value::None),
        Err(SleepCut::Deadline) => Err(vm.budget.trip(Limit::Time)),
        Err(SleepCut::Horizon) => Err(vm.budget.trip(Limit::VirtualTime)),
    }
}
