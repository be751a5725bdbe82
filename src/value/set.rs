//! The table behind `set` and `frozenset`.
//!
//! Python scripts print sets, and the order they print in is the order of
//! CPython's hash table. To print the same thing, this is the same table:
//! open addressing over a power-of-two array, nine linear probes then
//! perturbed jumps, dummies for deleted keys, and CPython's growth rule —
//! with the same hash values (see `crate::hash`), iteration order matches.

use super::Value;

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone)]
enum Slot {
    Unused,
    Dummy,
    Active { hash: i64, key: Value },
}

/// An open-addressing hash set laid out exactly like CPython's.
#[derive(Clone)]
pub struct SetTable {
    table: Vec<Slot>,
    /// Active plus dummy slots.
    fill: usize,
    /// Active slots.
    used: usize,
    /// Where `pop` resumes its scan.
    finger: usize,
}

impl Default for SetTable {
    fn default() -> Self {
        Self::new()
    }
}

enum Probe {
    Found(usize),
    Free(usize),
}

impl SetTable {
    /// An empty set.
    #[must_use]
    pub fn new() -> Self {
        Self {
            table: vec![Slot::Unused; MIN_SIZE],
            fill: 0,
            used: 0,
            finger: 0,
        }
    }

    /// Number of keys.
    #[must_use]
    pub fn len(&self) -> usize {
        self.used
    }

    /// Whether the set is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    /// Finds the key, or the slot where it would go (the last dummy seen on
    /// the way is reused, as CPython's `set_add_entry` does).
    fn probe(&self, hash: i64, eq: &mut dyn FnMut(&Value) -> bool) -> Probe {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut free: Option<usize> = None;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                match &self.table[j] {
                    Slot::Unused => return Probe::Free(free.unwrap_or(j)),
                    Slot::Active { hash: h, key } => {
                        if *h == hash && eq(key) {
                            return Probe::Found(j);
                        }
                    }
                    // CPython 3.11 keeps the last dummy seen, not the first.
                    Slot::Dummy => free = Some(j),
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// Whether a key with `hash` satisfying `eq` is present.
    pub fn contains(&self, hash: i64, mut eq: impl FnMut(&Value) -> bool) -> bool {
        matches!(self.probe(hash, &mut eq), Probe::Found(_))
    }

    /// Adds `key`; returns false if an equal key was already present.
    pub fn insert(&mut self, hash: i64, key: Value, mut eq: impl FnMut(&Value) -> bool) -> bool {
        match self.probe(hash, &mut eq) {
            Probe::Found(_) => false,
            Probe::Free(j) => {
                let was_unused = matches!(self.table[j], Slot::Unused);
                self.table[j] = Slot::Active { hash, key };
                self.used += 1;
                if was_unused {
                    self.fill += 1;
                    if self.fill * 5 >= self.mask() * 3 {
                        let target = if self.used > 50_000 {
                            self.used * 2
                        } else {
                            self.used * 4
                        };
                        self.resize(target);
                    }
                }
                true
            }
        }
    }

    /// Removes the key; returns whether it was present.
    pub fn remove(&mut self, hash: i64, mut eq: impl FnMut(&Value) -> bool) -> bool {
        match self.probe(hash, &mut eq) {
            Probe::Found(j) => {
                self.table[j] = Slot::Dummy;
                self.used -= 1;
                true
            }
            Probe::Free(_) => false,
        }
    }

    /// Removes and returns an arbitrary key, scanning like CPython's `pop`.
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        while !matches!(self.table[i], Slot::Active { .. }) {
            i = (i + 1) & mask;
        }
        let Slot::Active { key, .. } = std::mem::replace(&mut self.table[i], Slot::Dummy) else {
            unreachable!("scan stops at an active slot")
        };
        self.used -= 1;
        self.finger = i + 1;
        Some(key)
    }

    /// Removes every key. Like CPython, `pop` keeps resuming where it was.
    pub fn clear(&mut self) {
        let finger = self.finger;
        *self = Self::new();
        self.finger = finger;
    }

    /// Replaces the keys with those of `other`, layout included, keeping
    /// where `pop` resumes (CPython's `intersection_update` swaps the
    /// tables of two sets but not their search fingers).
    pub fn replace_keys(&mut self, other: SetTable) {
        let finger = self.finger;
        *self = other;
        self.finger = finger;
    }

    /// Makes room for `incoming` new keys in one resize, as CPython does
    /// before bulk insertions from a set or a dict.
    pub fn presize(&mut self, incoming: usize) {
        if (self.fill + incoming) * 5 >= self.mask() * 3 {
            self.resize((self.used + incoming) * 2);
        }
    }

    /// The first half of CPython's `set_merge` (`update` from a set): one
    /// resize for `other`'s keys then, when this table holds nothing (not
    /// even dummies), `other`'s keys copied in without comparisons —
    /// verbatim when both tables have the same size and `other` has no
    /// dummies, else re-inserted in `other`'s order. Returns whether the
    /// keys were copied; if not, the caller inserts them one by one.
    pub fn begin_merge(&mut self, other: &SetTable) -> bool {
        if other.used == 0 {
            return true;
        }
        self.presize(other.used);
        if self.fill != 0 {
            return false;
        }
        if self.mask() == other.mask() && other.fill == other.used {
            self.table.clone_from(&other.table);
        } else {
            let mask = self.mask();
            for slot in &other.table {
                if let Slot::Active { hash, key } = slot {
                    let j = Self::clean_slot(&self.table, mask, *hash);
                    self.table[j] = Slot::Active {
                        hash: *hash,
                        key: key.clone(),
                    };
                }
            }
        }
        self.fill = other.used;
        self.used = other.used;
        true
    }

    /// After bulk removals (`difference_update`): rebuilds the table when
    /// more than a quarter of its slots hold dummies, as CPython does.
    pub fn purge_dummies_if_many(&mut self) {
        if self.fill - self.used > self.mask() / 4 {
            let target = if self.used > 50_000 {
                self.used * 2
            } else {
                self.used * 4
            };
            self.resize(target);
        }
    }

    fn resize(&mut self, min_used: usize) {
        let mut size = MIN_SIZE;
        while size <= min_used {
            size <<= 1;
        }
        if size == MIN_SIZE && self.table.len() == MIN_SIZE && self.fill == self.used {
            // CPython keeps a small table without dummies as it is.
            return;
        }
        let old = std::mem::replace(&mut self.table, vec![Slot::Unused; size]);
        self.fill = self.used;
        let mask = size - 1;
        for slot in old {
            if let Slot::Active { hash, key } = slot {
                let j = Self::clean_slot(&self.table, mask, hash);
                self.table[j] = Slot::Active { hash, key };
            }
        }
    }

    /// Where a key known to be absent goes in a table without dummies.
    fn clean_slot(table: &[Slot], mask: usize, hash: i64) -> usize {
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if matches!(table[i], Slot::Unused) {
                return i;
            }
            if i + LINEAR_PROBES <= mask
                && let Some(k) = table[i + 1..=i + LINEAR_PROBES]
                    .iter()
                    .position(|s| matches!(s, Slot::Unused))
            {
                return i + 1 + k;
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// Keys with their hashes, in table order (Python's iteration order).
    pub fn iter(&self) -> impl Iterator<Item = (i64, &Value)> {
        self.table.iter().filter_map(|s| match s {
            Slot::Active { hash, key } => Some((*hash, key)),
            _ => None,
        })
    }

    /// The key at table position `i` or later: (next position, hash, key).
    #[must_use]
    pub fn next_from(&self, mut i: usize) -> Option<(usize, i64, Value)> {
        while i < self.table.len() {
            if let Slot::Active { hash, key } = &self.table[i] {
                return Some((i + 1, *hash, key.clone()));
            }
            i += 1;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn add(t: &mut SetTable, n: i64) {
        t.insert(n, Value::Int(n), |k| matches!(k, Value::Int(m) if *m == n));
    }

    fn order(t: &SetTable) -> Vec<i64> {
        t.iter().map(|(h, _)| h).collect()
    }

    #[test]
    fn small_ints_iterate_like_cpython() {
        // CPython 3.11: {3, 1, 2} | {2, 5} prints {1, 2, 3, 5};
        // set([100, 5, 37, 8, 64]) prints {64, 100, 37, 5, 8};
        // adding 1000, 7, 15, 31, 2**40, -3 one by one prints
        // {1099511627776, 7, 1000, 15, -3, 31}, while the display
        // {1000, 7, 15, 31, 2**40, -3} (a frozenset constant merged into a
        // new set) prints {1099511627776, 7, 1000, 31, -3, 15}.
        let mut t = SetTable::new();
        for n in [3, 1, 2, 5] {
            add(&mut t, n);
        }
        assert_eq!(order(&t), vec![1, 2, 3, 5]);
        let mut t = SetTable::new();
        for n in [100, 5, 37, 8, 64] {
            add(&mut t, n);
        }
        assert_eq!(order(&t), vec![64, 100, 37, 5, 8]);
        let mut t = SetTable::new();
        for n in [1000, 7, 15, 31, 1 << 40, -3] {
            add(&mut t, n);
        }
        // hash(-3) is -3; the table stores hashes, so compare those.
        assert_eq!(order(&t), vec![1 << 40, 7, 1000, 15, -3, 31]);
        let mut merged = SetTable::new();
        assert!(merged.begin_merge(&t));
        assert_eq!(order(&merged), vec![1 << 40, 7, 1000, 31, -3, 15]);
    }
}
