//! Counting the bytes a thread holds on the heap, for the memory limit.
//!
//! [`CountingAllocator`] wraps the system allocator and keeps, per thread,
//! the bytes allocated minus the bytes freed. An interpreter runs on one
//! thread (its values are `Rc`, never shared), so the growth of that count
//! while a script runs is what the script's values hold — strings, lists,
//! dicts, big ints, instances, frames — counted exactly at each allocation
//! and each free, including every time a container grows. The memory limit
//! compares that growth against its maximum (see [`crate::limits`]).
//!
//! The `pyco` binary installs it around mimalloc. A host that embeds pyco
//! and sets a memory limit installs it too, as its global allocator, around
//! the allocator it would use anyway:
//!
//! ```
//! #[global_allocator]
//! static ALLOCATOR: pyco::memory::CountingAllocator =
//!     pyco::memory::CountingAllocator(std::alloc::System);
//!
//! fn main() {
//!     assert!(pyco::memory::is_counting());
//!     let before = pyco::memory::thread_bytes();
//!     let big = vec![0u8; 1 << 20];
//!     assert!(pyco::memory::thread_bytes() - before >= 1 << 20);
//!     drop(big);
//! }
//! ```

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// One thread's count, in one thread-local so that an allocation looks up
/// a single address. The allocator updates only `room`: bytes left before
/// the ceiling (`ceiling - held`), so that the hot path is one subtraction
/// and a sign test.
struct Counter {
    /// The ceiling minus the bytes held; below zero past the ceiling.
    room: Cell<i64>,
    /// Past this many held bytes, each allocation makes the running
    /// interpreter check its limits at its next step.
    ceiling: Cell<i64>,
}

/// The ceiling when there is none: far from overflow either way, since the
/// bytes held can be negative (a thread freeing another's memory).
const NO_CEILING: i64 = i64::MAX / 4;

thread_local! {
    static COUNTER: Counter = const {
        Counter {
            room: Cell::new(NO_CEILING),
            ceiling: Cell::new(NO_CEILING),
        }
    };
}

/// An allocator (the system's by default) counting each thread's live
/// bytes.
pub struct CountingAllocator<A = System>(pub A);

/// What an allocation of `size` bytes costs in the allocator: glibc's
/// malloc adds an 8-byte header, rounds to 16 and never hands out less than
/// 32 bytes (mimalloc has no header but rounds to size classes); 16 more
/// stand for the free space that many small objects leave between them
/// (measured with lists of lists). Counting this rather than `size` keeps
/// the count close to the process's real footprint.
#[inline]
fn footprint(size: usize) -> i64 {
    (((size + 8 + 15) & !15).max(32) + 16) as i64
}

/// Counts `bytes` more held; past the ceiling, the interpreter checks its
/// limits at its next step.
#[inline]
fn grow(bytes: i64) {
    // `try_with`: no counting while the thread's storage is torn down.
    let _ = COUNTER.try_with(|c| {
        let room = c.room.get() - bytes;
        c.room.set(room);
        if room < 0 {
            past_ceiling();
        }
    });
}

/// Counts `bytes` fewer held.
#[inline]
fn shrink(bytes: i64) {
    let _ = COUNTER.try_with(|c| c.room.set(c.room.get() + bytes));
}

#[cold]
#[inline(never)]
fn past_ceiling() {
    crate::limits::force_check();
}

/// Sets the held-bytes count past which allocations make the interpreter
/// check its limits (`None`: never).
pub fn set_ceiling(ceiling: Option<i64>) {
    let ceiling = ceiling.map_or(NO_CEILING, |c| c.min(NO_CEILING));
    COUNTER.with(|c| {
        let held = c.ceiling.get() - c.room.get();
        c.ceiling.set(ceiling);
        c.room.set(ceiling - held);
    });
}

// SAFETY: every method forwards to the inner allocator with the caller's arguments
// unchanged; counting touches only a thread-local integer.
#[expect(unsafe_code, reason = "a global allocator is an unsafe trait")]
unsafe impl<A: GlobalAlloc> GlobalAlloc for CountingAllocator<A> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded with the caller's guarantees.
        let p = unsafe { self.0.alloc(layout) };
        if !p.is_null() {
            grow(footprint(layout.size()));
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded with the caller's guarantees.
        let p = unsafe { self.0.alloc_zeroed(layout) };
        if !p.is_null() {
            grow(footprint(layout.size()));
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { self.0.dealloc(ptr, layout) };
        shrink(footprint(layout.size()));
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded with the caller's guarantees.
        let p = unsafe { self.0.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            let delta = footprint(new_size) - footprint(layout.size());
            if delta > 0 {
                grow(delta);
            } else {
                shrink(-delta);
            }
        }
        p
    }
}

/// Bytes this thread holds, as counted by [`CountingAllocator`] (zero when
/// it is not the global allocator).
#[must_use]
pub fn thread_bytes() -> i64 {
    COUNTER
        .try_with(|c| c.ceiling.get() - c.room.get())
        .unwrap_or(0)
}

/// Whether [`CountingAllocator`] is the global allocator: whether the
/// memory limit can be kept.
#[must_use]
pub fn is_counting() -> bool {
    let before = thread_bytes();
    let probe = std::hint::black_box(Box::new([0u8; 64]));
    let after = thread_bytes();
    drop(probe);
    after != before
}
