//! Seeded reordering of what asyncio leaves unordered (`--explore`).
//!
//! By default the loop runs CPython's order exactly and this module is not
//! involved. An explored run gives the loop a [`Shuffle`]; the loop then
//! picks, from a seed, one of the orders a correct asyncio program must be
//! ready for:
//!
//! - **Ready entries of one iteration.** One loop iteration runs the entries
//!   that were ready when it began. Entries put on the queue by *different*
//!   steps or callbacks (different tasks, different timer callbacks) run in
//!   a shuffled order. Entries put there by the same step or callback keep
//!   their order (`call_soon` is first in, first out, and one task's actions
//!   happen in program order: `fut.set_result(x); await asyncio.sleep(0)`
//!   still lets the waiter run first), and the steps of one task never
//!   overtake each other. The iteration boundary is kept: nothing scheduled
//!   during an iteration runs in it.
//! - **Timer ties.** asyncio documents the order of callbacks scheduled for
//!   exactly the same time as undefined, so due timers whose deadlines lie
//!   within [`TIE_WINDOW_NS`] of each other fire in a shuffled order (the
//!   window stands for a coarse clock: under virtual time each clock reading
//!   advances one nanosecond, so two `sleep(1)` calls made in the same
//!   instant have deadlines a few nanoseconds apart). Under virtual time
//!   such near-ties also fire in the same iteration, as they would on a
//!   real loop that woke up a moment late. Timers further apart still fire
//!   in deadline order.
//!
//! Every choice comes from one Mersenne Twister seeded with the schedule
//! seed, so a seed names one schedule and replays it exactly.

use crate::rng::MersenneTwister;
use std::cell::{Cell, RefCell};
use std::collections::{HashMap, VecDeque};
use std::rc::Rc;

/// Deadlines closer than this (in nanoseconds) count as equal when an
/// explored run shuffles timer ties.
pub const TIE_WINDOW_NS: i64 = 1_000;

/// The schedule of one explored run, shared by every loop of an
/// interpreter: the seeded random source and a record of the choices made.
pub struct Shuffle {
    seed: u64,
    rng: RefCell<MersenneTwister>,
    fingerprint: Cell<u64>,
}

impl Shuffle {
    /// The schedule named by `seed`.
    #[must_use]
    pub fn new(seed: u64) -> Rc<Self> {
        Rc::new(Self {
            seed,
            rng: RefCell::new(MersenneTwister::from_seed(&seed.into())),
            fingerprint: Cell::new(FNV_OFFSET),
        })
    }

    /// The seed this schedule was made from.
    #[must_use]
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// A hash of every choice made so far: two runs of one program with the
    /// same fingerprint ran the same schedule.
    #[must_use]
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint.get()
    }

    /// Picks one of `n > 1` options and records the choice.
    fn pick(&self, n: usize) -> usize {
        let i = self.rng.borrow_mut().randbelow_u64(n as u64) as usize;
        let mut h = self.fingerprint.get();
        for word in [n as u64, i as u64] {
            h = (h ^ word).wrapping_mul(FNV_PRIME);
        }
        self.fingerprint.set(h);
        i
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// Who put a ready entry on the queue, and which task it steps (if any).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntryKey {
    /// The step or callback that scheduled the entry.
    pub origin: u64,
    /// The task the entry runs a step of.
    pub task: Option<u64>,
}

/// One loop's view of an explored schedule: the key of every entry on its
/// ready queue, in queue order, and the origin new entries are charged to.
pub struct LoopShuffle {
    shuffle: Rc<Shuffle>,
    keys: RefCell<VecDeque<EntryKey>>,
    origin: Cell<u64>,
}

impl LoopShuffle {
    /// A loop's state for `shuffle`.
    #[must_use]
    pub fn new(shuffle: Rc<Shuffle>) -> Self {
        Self {
            shuffle,
            keys: RefCell::new(VecDeque::new()),
            origin: Cell::new(0),
        }
    }

    /// Records that an entry stepping `task` (if any) was appended to the
    /// ready queue by the current origin.
    pub fn note(&self, task: Option<u64>) {
        self.keys.borrow_mut().push_back(EntryKey {
            origin: self.origin.get(),
            task,
        });
    }

    /// Starts a new origin: entries scheduled from now on come from a
    /// different step or callback than those before.
    pub fn new_origin(&self) {
        self.origin.set(self.origin.get() + 1);
    }

    /// Reorders the first `n` entries of `ready` (those of the iteration
    /// that begins) into a random legal order.
    pub fn permute<T>(&self, ready: &mut VecDeque<T>, n: usize) {
        let keys: Vec<EntryKey> = self.keys.borrow_mut().drain(..n).collect();
        if n < 2 {
            return;
        }
        let order = legal_order(&keys, |k| self.shuffle.pick(k));
        let mut batch: Vec<Option<T>> = ready.drain(..n).map(Some).collect();
        for &i in order.iter().rev() {
            ready.push_front(batch[i].take().expect("each entry once"));
        }
    }

    /// Shuffles runs of near-equal deadlines in `due` (timers in deadline
    /// order); `when` reads an item's deadline.
    pub fn shuffle_ties<T>(&self, due: &mut [T], when: impl Fn(&T) -> i64) {
        let mut start = 0;
        while start < due.len() {
            let first = when(&due[start]);
            let mut end = start + 1;
            while end < due.len() && when(&due[end]) - first <= TIE_WINDOW_NS {
                end += 1;
            }
            let group = &mut due[start..end];
            for i in (1..group.len()).rev() {
                let j = self.shuffle.pick(i + 1);
                group.swap(i, j);
            }
            start = end;
        }
    }
}

/// A random order of `keys` in which entries with the same origin, and
/// entries stepping the same task, keep their relative order. `pick(n)`
/// chooses one of `n > 1` entries that may run next.
#[must_use]
pub fn legal_order(keys: &[EntryKey], mut pick: impl FnMut(usize) -> usize) -> Vec<usize> {
    let n = keys.len();
    // Each entry waits for at most two others (the previous entry of its
    // origin and of its task) and unblocks at most two.
    let mut waits = vec![0u8; n];
    let mut unblocks: Vec<[Option<usize>; 2]> = vec![[None, None]; n];
    let mut last_of_origin: HashMap<u64, usize> = HashMap::new();
    let mut last_of_task: HashMap<u64, usize> = HashMap::new();
    for (i, key) in keys.iter().enumerate() {
        let by_origin = last_of_origin.insert(key.origin, i);
        let by_task = key.task.and_then(|t| last_of_task.insert(t, i));
        if let Some(p) = by_origin {
            waits[i] += 1;
            unblocks[p][0] = Some(i);
        }
        if let Some(p) = by_task.filter(|&p| Some(p) != by_origin) {
            waits[i] += 1;
            unblocks[p][1] = Some(i);
        }
    }
    let mut free: Vec<usize> = (0..n).filter(|&i| waits[i] == 0).collect();
    let mut order = Vec::with_capacity(n);
    while !free.is_empty() {
        let k = if free.len() > 1 { pick(free.len()) } else { 0 };
        let i = free.remove(k);
        order.push(i);
        for next in unblocks[i].into_iter().flatten() {
            waits[next] -= 1;
            if waits[next] == 0 {
                free.push(next);
            }
        }
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(origin: u64, task: Option<u64>) -> EntryKey {
        EntryKey { origin, task }
    }

    fn position(order: &[usize], i: usize) -> usize {
        order.iter().position(|&x| x == i).expect("present")
    }

    #[test]
    fn entries_of_one_origin_or_task_keep_their_order() {
        // Origins 1 and 2 interleaved; entries 1 and 4 step the same task.
        let keys = [
            key(1, None),
            key(2, Some(7)),
            key(1, None),
            key(3, None),
            key(1, Some(7)),
            key(2, None),
        ];
        let shuffle = Shuffle::new(5);
        let mut seen = std::collections::HashSet::new();
        for _ in 0..200 {
            let order = legal_order(&keys, |n| shuffle.pick(n));
            let mut sorted = order.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, (0..keys.len()).collect::<Vec<_>>());
            assert!(position(&order, 0) < position(&order, 2));
            assert!(position(&order, 2) < position(&order, 4));
            assert!(position(&order, 1) < position(&order, 5));
            assert!(position(&order, 1) < position(&order, 4));
            seen.insert(order);
        }
        // Different origins do get reordered.
        assert!(seen.len() > 10, "only {} orders", seen.len());
    }

    #[test]
    fn one_origin_is_never_reordered() {
        let keys: Vec<EntryKey> = (0..5).map(|_| key(9, None)).collect();
        let order = legal_order(&keys, |_| unreachable!("no choice to make"));
        assert_eq!(order, vec![0, 1, 2, 3, 4]);
    }

    #[test]
    fn permute_moves_only_the_batch() {
        let lp = LoopShuffle::new(Shuffle::new(1));
        let mut ready = VecDeque::new();
        for i in 0..4 {
            lp.new_origin();
            lp.note(None);
            ready.push_back(i);
        }
        let mut seen = std::collections::HashSet::new();
        for _ in 0..50 {
            let mut q = ready.clone();
            q.push_back(99);
            lp.keys.borrow_mut().clear();
            for o in 0..5 {
                lp.keys.borrow_mut().push_back(key(o, None));
            }
            lp.permute(&mut q, 4);
            assert_eq!(q.back(), Some(&99));
            assert_eq!(lp.keys.borrow().len(), 1);
            seen.insert(q);
        }
        assert!(seen.len() > 5);
    }

    #[test]
    fn ties_shuffle_within_the_window_only() {
        let lp = LoopShuffle::new(Shuffle::new(3));
        let base = 1_000_000;
        let mut seen = std::collections::HashSet::new();
        for _ in 0..100 {
            // Three near-ties, then one timer a millisecond later.
            let mut due = vec![base, base + 1, base + 2, base + 1_000_000];
            lp.shuffle_ties(&mut due, |w| *w);
            assert_eq!(due[3], base + 1_000_000);
            seen.insert(due);
        }
        assert_eq!(seen.len(), 6, "all orders of three ties appear");
    }

    #[test]
    fn a_seed_names_one_schedule() {
        let keys: Vec<EntryKey> = (0..6).map(|o| key(o, None)).collect();
        let run = |seed| {
            let s = Shuffle::new(seed);
            let order = legal_order(&keys, |n| s.pick(n));
            (order, s.fingerprint())
        };
        assert_eq!(run(11), run(11));
        assert_ne!(run(11).1, run(12).1);
    }
}
