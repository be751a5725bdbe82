//! Classes, instances and modules.

use super::exception::ExceptionData;
use super::{Symbol, Value};
use hashbrown::HashMap;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Attribute storage for instances, classes and functions.
///
/// Most Python objects carry a handful of attributes; a vector of
/// (symbol, value) pairs scanned linearly beats hashing at that size and
/// keeps insertion order for `vars()` and `__dict__`.
#[derive(Clone, Default)]
pub struct AttrMap {
    entries: Vec<(Symbol, Value)>,
}

impl AttrMap {
    /// An empty map.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The value of `name`.
    #[must_use]
    pub fn get(&self, name: Symbol) -> Option<&Value> {
        self.entries
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v)
    }

    /// Sets `name`, keeping its position if it exists.
    pub fn set(&mut self, name: Symbol, value: Value) {
        if let Some(slot) = self.entries.iter_mut().find(|(k, _)| *k == name) {
            slot.1 = value;
        } else {
            self.entries.push((name, value));
        }
    }

    /// Removes `name`, returning its value.
    pub fn remove(&mut self, name: Symbol) -> Option<Value> {
        let i = self.entries.iter().position(|(k, _)| *k == name)?;
        Some(self.entries.remove(i).1)
    }

    /// Whether `name` is present.
    #[must_use]
    pub fn contains(&self, name: Symbol) -> bool {
        self.entries.iter().any(|(k, _)| *k == name)
    }

    /// Entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &(Symbol, Value)> {
        self.entries.iter()
    }

    /// Number of entries.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Which built-in representation a class's instances use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InstanceLayout {
    /// Plain objects: an attribute map.
    Plain,
    /// Exceptions: an attribute map plus [`ExceptionData`].
    Exception,
    /// Objects of a class whose `__slots__` leave out `__dict__`: an
    /// attribute map that takes only the names the slots declare.
    Slotted,
    /// A built-in type whose values are not `Instance`s (int, str, list...);
    /// such classes cannot be subclassed by pyco scripts yet.
    Builtin,
}

thread_local! {
    /// Bumped on every change to any class namespace; lookup caches built
    /// under an older version are discarded (a subclass's cache depends on
    /// its bases' namespaces).
    static CLASS_VERSION: Cell<u64> = const { Cell::new(0) };
}

/// A class namespace: reads are free, every write invalidates lookup caches.
#[derive(Default)]
pub struct ClassDict(RefCell<AttrMap>);

impl ClassDict {
    /// A namespace holding `map`.
    #[must_use]
    pub fn new(map: AttrMap) -> Self {
        Self(RefCell::new(map))
    }

    /// Reads the namespace.
    pub fn borrow(&self) -> std::cell::Ref<'_, AttrMap> {
        self.0.borrow()
    }

    /// Changes the namespace (and invalidates every class's lookup cache).
    pub fn borrow_mut(&self) -> std::cell::RefMut<'_, AttrMap> {
        CLASS_VERSION.with(|v| v.set(v.get() + 1));
        self.0.borrow_mut()
    }
}

/// Hashes a symbol (already a small unique integer) with one multiply.
#[derive(Default, Clone, Copy)]
pub struct SymbolHasher(u64);

impl std::hash::Hasher for SymbolHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(*b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// Builds [`SymbolHasher`]s.
pub type SymbolHash = std::hash::BuildHasherDefault<SymbolHasher>;

/// A class's memo of MRO lookups, valid for one class version.
#[derive(Default)]
pub struct LookupCache {
    version: u64,
    entries: HashMap<Symbol, Option<Value>, SymbolHash>,
}

/// A class object.
pub struct Class {
    /// `__name__`.
    pub name: Rc<str>,
    /// `__qualname__`.
    pub qualname: Rc<str>,
    /// `__module__`.
    pub module: Rc<str>,
    /// `__bases__`.
    pub bases: Vec<Rc<Class>>,
    /// The method resolution order after the class itself (C3).
    pub mro: Vec<Rc<Class>>,
    /// The class namespace.
    pub dict: ClassDict,
    /// How instances are stored.
    pub layout: InstanceLayout,
    /// Memo of `lookup`, like CPython's type attribute cache.
    pub cache: RefCell<LookupCache>,
}

impl Class {
    /// Looks `name` up in the class and its bases, in MRO order.
    #[must_use]
    pub fn lookup(&self, name: Symbol) -> Option<Value> {
        let version = CLASS_VERSION.with(Cell::get);
        {
            let mut cache = self.cache.borrow_mut();
            if cache.version != version {
                cache.entries.clear();
                cache.version = version;
            } else if let Some(hit) = cache.entries.get(&name) {
                return hit.clone();
            }
        }
        let found = self.lookup_uncached(name);
        self.cache.borrow_mut().entries.insert(name, found.clone());
        found
    }

    fn lookup_uncached(&self, name: Symbol) -> Option<Value> {
        if let Some(v) = self.dict.borrow().get(name) {
            return Some(v.clone());
        }
        self.mro
            .iter()
            .find_map(|c| c.dict.borrow().get(name).cloned())
    }

    /// Whether `self` is `other` or derives from it.
    #[must_use]
    pub fn is_subclass(&self, other: &Class) -> bool {
        std::ptr::eq(self, other) || self.mro.iter().any(|c| std::ptr::eq(&raw const **c, other))
    }

    /// The class followed by its MRO.
    pub fn mro_with_self(self: &Rc<Self>) -> impl Iterator<Item = &Rc<Class>> {
        std::iter::once(self).chain(self.mro.iter())
    }
}

/// Extra state some instances carry.
pub enum Payload {
    /// A plain object.
    None,
    /// An exception's arguments, chaining and traceback.
    Exception(Box<ExceptionData>),
}

/// An instance of a user-defined class (or of an exception class).
pub struct Instance {
    /// Its class.
    pub class: Rc<Class>,
    /// Its `__dict__`.
    pub attrs: RefCell<AttrMap>,
    /// Layout-specific state.
    pub payload: Payload,
}

impl Instance {
    /// The exception state, if this instance is an exception.
    #[must_use]
    pub fn exception(&self) -> Option<&ExceptionData> {
        match &self.payload {
            Payload::Exception(e) => Some(e),
            Payload::None => None,
        }
    }
}

/// Global variables of one module, in numbered slots.
///
/// The resolver gives every global name of a module a slot, so a global
/// read is an index, not a hash lookup; the name table serves dynamic
/// access (`getattr(module, ...)`, `from m import x`, `globals()`).
#[derive(Default)]
pub struct Globals {
    slots: RefCell<HashMap<Symbol, usize>>,
    names: RefCell<Vec<Symbol>>,
    values: RefCell<Vec<Option<Value>>>,
}

impl Globals {
    /// The slot of `name`, creating an empty one on first use.
    pub fn slot(&self, name: Symbol) -> usize {
        if let Some(&s) = self.slots.borrow().get(&name) {
            return s;
        }
        let s = self.names.borrow().len();
        self.slots.borrow_mut().insert(name, s);
        self.names.borrow_mut().push(name);
        self.values.borrow_mut().push(None);
        s
    }

    /// The value in `slot`, if bound.
    #[must_use]
    pub fn get_slot(&self, slot: usize) -> Option<Value> {
        self.values.borrow().get(slot).cloned().flatten()
    }

    /// Binds `slot`.
    pub fn set_slot(&self, slot: usize, value: Value) {
        self.values.borrow_mut()[slot] = Some(value);
    }

    /// Unbinds `slot`, returning whether it was bound.
    pub fn clear_slot(&self, slot: usize) -> bool {
        self.values.borrow_mut()[slot].take().is_some()
    }

    /// The value of `name`, if bound.
    #[must_use]
    pub fn get(&self, name: Symbol) -> Option<Value> {
        let slot = *self.slots.borrow().get(&name)?;
        self.get_slot(slot)
    }

    /// Binds `name`.
    pub fn set(&self, name: Symbol, value: Value) {
        let slot = self.slot(name);
        self.set_slot(slot, value);
    }

    /// Bound names and values, in first-binding order.
    #[must_use]
    pub fn items(&self) -> Vec<(Symbol, Value)> {
        let names = self.names.borrow();
        let values = self.values.borrow();
        names
            .iter()
            .zip(values.iter())
            .filter_map(|(n, v)| v.clone().map(|v| (*n, v)))
            .collect()
    }

    /// Names that are bound, for "Did you mean" suggestions.
    #[must_use]
    pub fn bound_names(&self) -> Vec<Symbol> {
        self.items().into_iter().map(|(n, _)| n).collect()
    }
}

/// A module: a name and its globals.
pub struct Module {
    /// `__name__`.
    pub name: Rc<str>,
    /// Its global variables.
    pub globals: Globals,
    /// Definitions run on first use (pyco's own modules written in Python).
    pub lazy: std::cell::OnceCell<crate::interp::lazy::LazyGlobals>,
}
