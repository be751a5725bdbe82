//! Classes, instances and modules.

use super::exception::ExceptionData;
use super::{DictMap, Symbol, Value};
use hashbrown::HashMap;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Attribute storage for instances, classes and functions.
///
/// Most Python objects carry a handful of attributes; a vector of
/// (symbol, value) pairs scanned linearly beats hashing at that size and
/// keeps insertion order for `vars()` and `__dict__`.
///
/// Once a script asks for an object's `__dict__`, the attributes move into
/// a real dict shared with the script (see [`AttrMap::expose`]), so writes
/// through either side are seen by the other; the vector then keeps only
/// the names the dict does not show (slot values, a function's `__doc__`).
#[derive(Default)]
pub struct AttrMap {
    entries: Vec<(Symbol, Value)>,
    dict: Option<Rc<RefCell<DictMap>>>,
}

impl Clone for AttrMap {
    /// A detached copy (an exposed dict is copied, not shared).
    fn clone(&self) -> Self {
        let mut entries = self.entries.clone();
        entries.extend(self.dict_items());
        Self {
            entries,
            dict: None,
        }
    }
}

fn str_key_eq(name: &str) -> impl Fn(&Value) -> bool + '_ {
    move |k| matches!(k, Value::Str(s) if s.as_str() == name)
}

impl AttrMap {
    /// An empty map.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    #[cold]
    fn dict_get(dict: &RefCell<DictMap>, name: Symbol) -> Option<Value> {
        let d = dict.try_borrow().ok()?;
        name.with_name(|n| d.get(crate::hash::hash_str(n), str_key_eq(n)).cloned())
    }

    fn dict_items(&self) -> Vec<(Symbol, Value)> {
        let Some(dict) = &self.dict else {
            return Vec::new();
        };
        dict.borrow()
            .iter()
            .filter_map(|e| match &e.key {
                Value::Str(s) => Some((Symbol::intern(s.as_str()), e.value.clone())),
                _ => None,
            })
            .collect()
    }

    /// The value of `name`.
    #[inline]
    #[must_use]
    pub fn get(&self, name: Symbol) -> Option<Value> {
        if let Some((_, v)) = self.entries.iter().find(|(k, _)| *k == name) {
            return Some(v.clone());
        }
        match &self.dict {
            None => None,
            Some(d) => Self::dict_get(d, name),
        }
    }

    /// Sets `name`, keeping its position if it exists.
    pub fn set(&mut self, name: Symbol, value: Value) {
        if let Some(slot) = self.entries.iter_mut().find(|(k, _)| *k == name) {
            slot.1 = value;
        } else if let Some(dict) = &self.dict {
            name.with_name(|n| {
                dict.borrow_mut().insert(
                    crate::hash::hash_str(n),
                    Value::str(n),
                    value,
                    str_key_eq(n),
                );
            });
        } else {
            self.entries.push((name, value));
        }
    }

    /// Sets `name` outside the exposed dict (for values a `__dict__` does
    /// not show, such as slots).
    pub fn set_hidden(&mut self, name: Symbol, value: Value) {
        if self.dict.is_some() && !self.entries.iter().any(|(k, _)| *k == name) {
            self.remove(name);
            self.entries.push((name, value));
        } else {
            self.set(name, value);
        }
    }

    /// Removes `name`, returning its value.
    pub fn remove(&mut self, name: Symbol) -> Option<Value> {
        if let Some(i) = self.entries.iter().position(|(k, _)| *k == name) {
            return Some(self.entries.remove(i).1);
        }
        let dict = self.dict.as_ref()?;
        name.with_name(|n| {
            dict.borrow_mut()
                .remove(crate::hash::hash_str(n), str_key_eq(n))
                .map(|e| e.value)
        })
    }

    /// Whether `name` is present.
    #[must_use]
    pub fn contains(&self, name: Symbol) -> bool {
        self.entries.iter().any(|(k, _)| *k == name)
            || self
                .dict
                .as_ref()
                .is_some_and(|d| Self::dict_get(d, name).is_some())
    }

    /// Entries in insertion order (an exposed dict's after the hidden ones;
    /// keys that are not strings are left out).
    #[must_use]
    pub fn items(&self) -> std::vec::IntoIter<(Symbol, Value)> {
        let mut all = self.entries.clone();
        all.extend(self.dict_items());
        all.into_iter()
    }

    /// Number of entries.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len() + self.dict.as_ref().map_or(0, |d| d.borrow().len())
    }

    /// Whether there are no entries.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The dict that holds the attributes from now on, shared with the
    /// script: made on first use from the attributes `hidden` does not
    /// select (those stay outside it).
    pub fn expose(&mut self, hidden: impl Fn(Symbol) -> bool) -> Rc<RefCell<DictMap>> {
        if let Some(d) = &self.dict {
            return d.clone();
        }
        let mut map = DictMap::with_capacity(self.entries.len());
        let mut kept = Vec::new();
        for (k, v) in std::mem::take(&mut self.entries) {
            if hidden(k) {
                kept.push((k, v));
            } else {
                k.with_name(|n| {
                    map.insert(crate::hash::hash_str(n), Value::str(n), v, str_key_eq(n));
                });
            }
        }
        self.entries = kept;
        let d = Rc::new(RefCell::new(map));
        self.dict = Some(d.clone());
        d
    }

    /// Makes `dict` hold the attributes (`obj.__dict__ = dict`), keeping
    /// only the entries `hidden` selects outside it.
    pub fn replace_dict(&mut self, dict: Rc<RefCell<DictMap>>, hidden: impl Fn(Symbol) -> bool) {
        self.entries.retain(|(k, _)| hidden(*k));
        self.dict = Some(dict);
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
    /// Whether the class or a base defines `__del__`: only instances of
    /// such classes do any work when freed.
    pub finalized: Cell<bool>,
    /// Classes made with this one as a direct base, in creation order
    /// (`__subclasses__()`; weak, as in CPython).
    pub subclasses: RefCell<Vec<std::rc::Weak<Class>>>,
}

impl Class {
    /// Records `class` as a direct subclass of each of its bases.
    pub fn register_subclass(class: &Rc<Class>) {
        for base in &class.bases {
            let mut list = base.subclasses.borrow_mut();
            list.retain(|w| w.strong_count() > 0);
            list.push(Rc::downgrade(class));
        }
    }

    /// The live direct subclasses, in creation order.
    #[must_use]
    pub fn live_subclasses(&self) -> Vec<Rc<Class>> {
        self.subclasses
            .borrow()
            .iter()
            .filter_map(std::rc::Weak::upgrade)
            .collect()
    }

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
        self.mro.iter().find_map(|c| c.dict.borrow().get(name))
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
    /// Its class (`__class__` can be assigned).
    class: RefCell<Rc<Class>>,
    /// Its `__dict__`.
    pub attrs: RefCell<AttrMap>,
    /// Layout-specific state.
    pub payload: Payload,
}

/// What the interpreter does with a freed instance whose class defines
/// `__del__`.
pub type FreeHook = fn(Rc<Instance>);

thread_local! {
    /// What runs `__del__`: given the freed instance's contents, moved
    /// into a fresh object (installed by the interpreter).
    static ON_FREE: Cell<Option<FreeHook>> = const { Cell::new(None) };
    /// Addresses of live instances whose `__del__` has run: it runs once
    /// per object, even if the object was resurrected (PEP 442).
    static FINALIZED: RefCell<hashbrown::HashSet<usize>> = RefCell::default();
    /// Whether any class with `__del__` was created.
    static FINALIZERS_USED: Cell<bool> = const { Cell::new(false) };
}

/// Sets what runs `__del__` when an instance of a class that defines it is
/// freed.
pub fn set_free_hook(hook: FreeHook) {
    ON_FREE.with(|h| h.set(Some(hook)));
}

/// Marks `class` as defining `__del__`.
pub fn mark_finalized(class: &Class) {
    class.finalized.set(true);
    FINALIZERS_USED.with(|u| u.set(true));
}

/// Whether any class with `__del__` exists (the end of a program then
/// frees the main module's globals one by one, as CPython's shutdown does).
#[must_use]
pub fn finalizers_used() -> bool {
    FINALIZERS_USED.with(Cell::get)
}

/// Freeing an instance whose class defines `__del__` hands its contents,
/// moved into a fresh object, to the interpreter, which calls `__del__` on
/// it at the next safe point; that object is remembered so that freeing it
/// in turn does not call `__del__` again.
impl Drop for Instance {
    fn drop(&mut self) {
        if self.class.get_mut().finalized.get() {
            self.finalize();
        }
    }
}

impl Instance {
    /// A new instance of `class`.
    #[must_use]
    pub fn new(class: Rc<Class>, attrs: AttrMap, payload: Payload) -> Self {
        Self {
            class: RefCell::new(class),
            attrs: RefCell::new(attrs),
            payload,
        }
    }

    /// Its class.
    #[inline]
    #[must_use]
    pub fn class(&self) -> Rc<Class> {
        self.class.borrow().clone()
    }

    /// `self.class_lookup(name)` without touching the class's reference
    /// count (the hot path of attribute reads and writes).
    #[inline]
    #[must_use]
    pub fn class_lookup(&self, name: Symbol) -> Option<Value> {
        self.class.borrow().lookup(name)
    }

    /// Whether its class is `class` or derives from it, without touching
    /// the class's reference count.
    #[inline]
    #[must_use]
    pub fn class_is_subclass(&self, class: &Class) -> bool {
        self.class.borrow().is_subclass(class)
    }

    /// Makes `class` its class (`obj.__class__ = class`).
    pub fn set_class(&self, class: Rc<Class>) {
        let old = self.class.replace(class);
        drop(old);
    }

    #[cold]
    fn finalize(&mut self) {
        let address = std::ptr::from_ref::<Instance>(self) as usize;
        let seen = FINALIZED
            .try_with(|f| f.borrow_mut().remove(&address))
            .unwrap_or(true);
        let Some(hook) = ON_FREE.try_with(Cell::get).ok().flatten() else {
            return;
        };
        if seen {
            return;
        }
        let revived = Rc::new(Instance::new(
            self.class.get_mut().clone(),
            std::mem::take(self.attrs.get_mut()),
            std::mem::replace(&mut self.payload, Payload::None),
        ));
        let address = Rc::as_ptr(&revived) as usize;
        if FINALIZED
            .try_with(|f| f.borrow_mut().insert(address))
            .is_ok()
        {
            hook(revived);
        }
    }

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
/// Slots are numbered as the resolver meets names, so the order in which
/// they were bound (a module dict's order in CPython) is kept apart.
#[derive(Default)]
pub struct Globals {
    slots: RefCell<HashMap<Symbol, usize>>,
    names: RefCell<Vec<Symbol>>,
    values: RefCell<Vec<Option<Value>>>,
    /// The bound slots, in the order they were bound (unbinding removes a
    /// slot; binding it again puts it last, as in a dict).
    bound: RefCell<Vec<u32>>,
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
        let old = self.values.borrow_mut()[slot].replace(value);
        if old.is_none() {
            self.bound.borrow_mut().push(slot as u32);
        }
    }

    /// Unbinds `slot`, returning whether it was bound.
    pub fn clear_slot(&self, slot: usize) -> bool {
        let old = self.values.borrow_mut()[slot].take();
        if old.is_none() {
            return false;
        }
        self.bound.borrow_mut().retain(|&s| s as usize != slot);
        true
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

    /// Bound names and values, in binding order.
    #[must_use]
    pub fn items(&self) -> Vec<(Symbol, Value)> {
        let names = self.names.borrow();
        let values = self.values.borrow();
        self.bound
            .borrow()
            .iter()
            .filter_map(|&s| {
                let s = s as usize;
                values[s].clone().map(|v| (names[s], v))
            })
            .collect()
    }

    /// Unbinds every name, one at a time in binding order (names not yet
    /// unbound stay readable meanwhile): first those whose value `early`
    /// selects, then the rest; `after` runs once each value is released.
    pub fn release_all(&self, early: impl Fn(&Value) -> bool, mut after: impl FnMut()) {
        let order = std::mem::take(&mut *self.bound.borrow_mut());
        let (first, rest): (Vec<u32>, Vec<u32>) = order.into_iter().partition(|&s| {
            self.values.borrow()[s as usize]
                .as_ref()
                .is_some_and(&early)
        });
        for slot in first.into_iter().chain(rest) {
            let value = self.values.borrow_mut()[slot as usize].take();
            drop(value);
            after();
        }
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
