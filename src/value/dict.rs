//! The table behind `dict`: insertion-ordered, keyed by Python hash.
//!
//! Hashing and key equality follow Python's rules, which for user classes
//! means calling `__hash__`/`__eq__`; this table therefore takes the hash
//! and an equality closure from the caller instead of implementing `Hash`.

use super::Value;
use hashbrown::HashTable;

/// One live entry.
#[derive(Clone)]
pub struct Entry {
    /// The key's Python hash.
    pub hash: i64,
    /// The key.
    pub key: Value,
    /// The value.
    pub value: Value,
}

/// An insertion-ordered hash map with tombstones (deletion keeps order).
#[derive(Clone, Default)]
pub struct DictMap {
    entries: Vec<Option<Entry>>,
    index: HashTable<usize>,
    len: usize,
}

impl DictMap {
    /// An empty map.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty map with room for `n` entries.
    #[must_use]
    pub fn with_capacity(n: usize) -> Self {
        Self {
            entries: Vec::with_capacity(n),
            index: HashTable::with_capacity(n),
            len: 0,
        }
    }

    /// Number of live entries.
    #[must_use]
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the map is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn find(&self, hash: i64, eq: &mut dyn FnMut(&Value) -> bool) -> Option<usize> {
        let entries = &self.entries;
        self.index
            .find(hash as u64, |&i| {
                entries[i]
                    .as_ref()
                    .is_some_and(|e| e.hash == hash && eq(&e.key))
            })
            .copied()
    }

    /// The value stored under the key with `hash` for which `eq` holds.
    pub fn get(&self, hash: i64, mut eq: impl FnMut(&Value) -> bool) -> Option<&Value> {
        let i = self.find(hash, &mut eq)?;
        self.entries[i].as_ref().map(|e| &e.value)
    }

    /// The position of the key among the live entries' storage slots.
    pub fn slot_of(&self, hash: i64, mut eq: impl FnMut(&Value) -> bool) -> Option<usize> {
        self.find(hash, &mut eq)
    }

    /// Stores `value` under `key`; an existing equal key keeps its place
    /// (and its original key object) and gets the new value. Returns the
    /// previous value.
    pub fn insert(
        &mut self,
        hash: i64,
        key: Value,
        value: Value,
        mut eq: impl FnMut(&Value) -> bool,
    ) -> Option<Value> {
        if let Some(i) = self.find(hash, &mut eq) {
            let entry = self.entries[i].as_mut().expect("indexed entry is live");
            return Some(std::mem::replace(&mut entry.value, value));
        }
        let i = self.entries.len();
        self.entries.push(Some(Entry { hash, key, value }));
        let entries = &self.entries;
        self.index.insert_unique(hash as u64, i, |&j| {
            entries[j].as_ref().map_or(0, |e| e.hash as u64)
        });
        self.len += 1;
        None
    }

    /// Removes the key, returning its entry.
    pub fn remove(&mut self, hash: i64, mut eq: impl FnMut(&Value) -> bool) -> Option<Entry> {
        let entries = &self.entries;
        let found = self.index.find_entry(hash as u64, |&i| {
            entries[i]
                .as_ref()
                .is_some_and(|e| e.hash == hash && eq(&e.key))
        });
        let Ok(occupied) = found else { return None };
        let (i, _) = occupied.remove();
        let entry = self.entries[i].take();
        self.len -= 1;
        self.compact_if_sparse();
        entry
    }

    /// Removes and returns the most recently inserted entry.
    pub fn pop_last(&mut self) -> Option<Entry> {
        while let Some(slot) = self.entries.pop() {
            if let Some(entry) = slot {
                let i = self.entries.len();
                if let Ok(occupied) = self.index.find_entry(entry.hash as u64, |&j| j == i) {
                    occupied.remove();
                }
                self.len -= 1;
                return Some(entry);
            }
        }
        None
    }

    /// Removes every entry.
    pub fn clear(&mut self) {
        self.entries.clear();
        self.index.clear();
        self.len = 0;
    }

    fn compact_if_sparse(&mut self) {
        if self.entries.len() > 16 && self.len * 2 < self.entries.len() {
            let live: Vec<Option<Entry>> = self.entries.drain(..).flatten().map(Some).collect();
            self.entries = live;
            self.index.clear();
            for (i, e) in self.entries.iter().enumerate() {
                let h = e.as_ref().map_or(0, |e| e.hash as u64);
                let entries = &self.entries;
                self.index
                    .insert_unique(h, i, |&j| entries[j].as_ref().map_or(0, |e| e.hash as u64));
            }
        }
    }

    /// Live entries in insertion order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &Entry> {
        self.entries.iter().filter_map(Option::as_ref)
    }

    /// Live entries in insertion order, values mutable.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut Entry> {
        self.entries.iter_mut().filter_map(Option::as_mut)
    }

    /// The entry at storage slot `i`, if live (for iterators that survive
    /// mutation checks by position).
    #[must_use]
    pub fn entry_at(&self, i: usize) -> Option<&Entry> {
        self.entries.get(i).and_then(Option::as_ref)
    }

    /// Number of storage slots (live and dead); iteration positions run
    /// below this.
    #[must_use]
    pub fn slot_count(&self) -> usize {
        self.entries.len()
    }
}
