//! Counting the bytes a thread holds on the heap, for the memory limit.
//!
//! [`CountingAllocator`] wraps mimalloc (the allocator pyco uses, see
//! Cargo.toml) and keeps, per thread,
//! the bytes allocated minus the bytes freed. An interpreter runs on one
//! thread (its values are `Rc`, never shared), so the growth of that count
//! while a script runs is what the script's values hold — strings, lists,
//! dicts, big ints, instances, frames — counted exactly at each allocation
//! and each free, including every time a container grows. The memory limit
//! compares that growth against its maximum (see [`crate::limits`]).
//!
//! The `pyco` binary installs it. A host that embeds pyco and sets a memory
//! limit installs it too, as its global allocator:
//!
//! ```
//! #[global_allocator]
//! static ALLOCATOR: pyco::memory::CountingAllocator = pyco::memory::CountingAllocator;
//!
//! fn main() {
//!     assert!(pyco::memory::is_counting());
//!     let before = pyco::memory::thread_bytes();
//!     let big = vec![0u8; 1 << 20];
//!     assert!(pyco::memory::thread_bytes() - before >= 1 << 20);
//!     drop(big);
//! }
//! ```

use std::alloc::{GlobalAlloc, Layout};
use std::cell::Cell;

thread_local! {
    /// Bytes allocated minus bytes freed on this thread (negative when the
    /// thread frees memory another thread allocated).
    static HELD: Cell<i64> = const { Cell::new(0) };
    /// Past this many held bytes, each allocation makes the running
    /// interpreter check its limits at its next step.
    static CEILING: Cell<i64> = const { Cell::new(i64::MAX) };
}

/// mimalloc, counting each thread's live bytes.
pub struct CountingAllocator;

/// What an allocation of `size` bytes costs in the system allocator:
/// glibc's malloc adds an 8-byte header, rounds to 16 and never hands out
/// less than 32 bytes; 16 more stand for the free space that many small
/// objects leave between them (measured with lists of lists). Counting
/// this rather than `size` keeps the count close to the process's real
/// footprint.
fn footprint(size: usize) -> i64 {
    (((size + 8 + 15) & !15).max(32) + 16) as i64
}

fn add(delta: i64) {
    // `try_with`: no counting while the thread's storage is torn down.
    let _ = HELD.try_with(|h| {
        let held = h.get() + delta;
        h.set(held);
        if delta > 0 && CEILING.try_with(Cell::get).is_ok_and(|c| held > c) {
            crate::limits::force_check();
        }
    });
}

/// Sets the held-bytes count past which allocations make the interpreter
/// check its limits (`None`: never).
pub fn set_ceiling(ceiling: Option<i64>) {
    CEILING.with(|c| c.set(ceiling.unwrap_or(i64::MAX)));
}

// SAFETY: every method forwards to `MiMalloc` with the caller's arguments
// unchanged; counting touches only a thread-local integer.
#[expect(unsafe_code, reason = "a global allocator is an unsafe trait")]
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded with the caller's guarantees.
        let p = unsafe { mimalloc::MiMalloc.alloc(layout) };
        if !p.is_null() {
            add(footprint(layout.size()));
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded with the caller's guarantees.
        let p = unsafe { mimalloc::MiMalloc.alloc_zeroed(layout) };
        if !p.is_null() {
            add(footprint(layout.size()));
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { mimalloc::MiMalloc.dealloc(ptr, layout) };
        add(-footprint(layout.size()));
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded with the caller's guarantees.
        let p = unsafe { mimalloc::MiMalloc.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            add(footprint(new_size) - footprint(layout.size()));
        }
        p
    }
}

/// Bytes this thread holds, as counted by [`CountingAllocator`] (zero when
/// it is not the global allocator).
#[must_use]
pub fn thread_bytes() -> i64 {
    HELD.try_with(Cell::get).unwrap_or(0)
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
