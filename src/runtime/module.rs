//! The `asyncio` module.

use crate::interp::Vm;
use crate::value::Module;
use std::rc::Rc;

/// Builds the module.
pub fn build(vm: &Vm) -> Rc<Module> {
    vm.new_module("asyncio", None)
}
