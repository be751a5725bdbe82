//! The timer heap.
//!
//! CPython keeps delayed calls in a binary heap ordered by their deadline
//! alone (`TimerHandle.__lt__` compares `when`), so timers with exactly the
//! same deadline come out in whatever order the heap's sifting leaves them
//! — not first-in first-out. This module reproduces `heapq`'s push, pop
//! and heapify exactly, and the event loop's purge of cancelled timers,
//! so ties come out in CPython's order.

use std::cell::Cell;
use std::rc::Rc;

/// A scheduled timer.
pub struct Timer<T> {
    /// Deadline in integer nanoseconds on the loop clock.
    pub when: i64,
    /// Set by `TimerHandle.cancel()`.
    pub cancelled: Rc<Cell<bool>>,
    /// What to do when it fires.
    pub payload: T,
}

/// Below this many timers the loop never rebuilds the heap.
const MIN_SCHEDULED_TO_PURGE: usize = 100;

/// A min-heap of timers keyed by deadline only, with `heapq`'s algorithms.
pub struct TimerHeap<T> {
    heap: Vec<Timer<T>>,
    cancelled: usize,
}

impl<T> Default for TimerHeap<T> {
    fn default() -> Self {
        Self {
            heap: Vec::new(),
            cancelled: 0,
        }
    }
}

impl<T> TimerHeap<T> {
    /// Number of timers, cancelled ones included.
    #[must_use]
    pub fn len(&self) -> usize {
        self.heap.len()
    }

    /// Whether no timer is scheduled.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.heap.is_empty()
    }

    /// Adds a timer (`heapq.heappush`).
    pub fn push(&mut self, timer: Timer<T>) {
        self.heap.push(timer);
        let last = self.heap.len() - 1;
        self.sift_down(0, last);
    }

    /// Records that a scheduled timer was cancelled.
    pub fn note_cancelled(&mut self) {
        self.cancelled += 1;
    }

    /// The earliest deadline, skipping nothing (cancelled timers count).
    #[must_use]
    pub fn next_deadline(&self) -> Option<i64> {
        self.heap.first().map(|t| t.when)
    }

    /// The event loop's housekeeping before collecting due timers: rebuild
    /// without cancelled timers when they dominate a big heap, else pop the
    /// cancelled ones from the top.
    pub fn purge_cancelled(&mut self) {
        let n = self.heap.len();
        if n > MIN_SCHEDULED_TO_PURGE && self.cancelled * 2 > n {
            self.heap.retain(|t| !t.cancelled.get());
            self.heapify();
            self.cancelled = 0;
        } else {
            while self.heap.first().is_some_and(|t| t.cancelled.get()) {
                self.cancelled = self.cancelled.saturating_sub(1);
                self.pop();
            }
        }
    }

    /// Removes and returns the earliest timer (`heapq.heappop`).
    pub fn pop(&mut self) -> Option<Timer<T>> {
        let last = self.heap.pop()?;
        if self.heap.is_empty() {
            return Some(last);
        }
        let top = std::mem::replace(&mut self.heap[0], last);
        self.sift_up(0);
        Some(top)
    }

    /// Pops the earliest timer if it is due at `now` and not cancelled;
    /// cancelled timers met on the way are dropped.
    pub fn pop_due(&mut self, now: i64) -> Option<Timer<T>> {
        while let Some(first) = self.heap.first() {
            if first.when > now {
                return None;
            }
            let t = self.pop()?;
            if t.cancelled.get() {
                self.cancelled = self.cancelled.saturating_sub(1);
                continue;
            }
            return Some(t);
        }
        None
    }

    fn heapify(&mut self) {
        let n = self.heap.len();
        for i in (0..n / 2).rev() {
            self.sift_up(i);
        }
    }

    /// `heapq._siftdown`: moves the item at `pos` up towards `start`.
    fn sift_down(&mut self, start: usize, mut pos: usize) {
        while pos > start {
            let parent = (pos - 1) >> 1;
            if self.heap[pos].when < self.heap[parent].when {
                self.heap.swap(pos, parent);
                pos = parent;
            } else {
                break;
            }
        }
    }

    /// `heapq._siftup`: sends the item at `pos` to a leaf along the smaller
    /// children, then sifts it back up.
    fn sift_up(&mut self, mut pos: usize) {
        let end = self.heap.len();
        let start = pos;
        let mut child = 2 * pos + 1;
        while child < end {
            let right = child + 1;
            // `not heap[child] < heap[right]`: ties go to the right child.
            if right < end && self.heap[child].when >= self.heap[right].when {
                child = right;
            }
            self.heap.swap(pos, child);
            pos = child;
            child = 2 * pos + 1;
        }
        self.sift_down(start, pos);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn timer(when: i64, id: u32) -> Timer<u32> {
        Timer {
            when,
            cancelled: Rc::new(Cell::new(false)),
            payload: id,
        }
    }

    fn drain(h: &mut TimerHeap<u32>) -> Vec<u32> {
        std::iter::from_fn(|| h.pop().map(|t| t.payload)).collect()
    }

    #[test]
    fn equal_deadlines_follow_heapq_order() {
        // CPython 3.11: heapq with 6 items of equal key pushed 0..6 pops
        // [0, 2, 5, 4, 1, 3] when compared by key only.
        let mut h = TimerHeap::default();
        for id in 0..6 {
            h.push(timer(50, id));
        }
        assert_eq!(drain(&mut h), vec![0, 2, 5, 4, 1, 3]);
    }

    #[test]
    fn distinct_deadlines_pop_in_order() {
        let mut h = TimerHeap::default();
        for (i, w) in [30, 10, 20, 10, 40].into_iter().enumerate() {
            h.push(timer(w, i as u32));
        }
        let order: Vec<i64> = std::iter::from_fn(|| h.pop().map(|t| t.when)).collect();
        assert_eq!(order, vec![10, 10, 20, 30, 40]);
    }
}
