//! The allocator of every workbook binary: the system's, until `heap` turns dhat on.
//!
//! dhat must be the global allocator of the process it measures, and its allocator takes a lock
//! on every allocation even while no profile runs: a timing run must not pay that. A second
//! binary per chapter would double the chapters' link time; instead, one flag chooses, once per
//! process, before the kernel runs.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, Ordering};

static DHAT_ON: AtomicBool = AtomicBool::new(false);

/// System's allocator, or dhat's once [`use_dhat`] was called.
pub struct Switch;

/// From now on every allocation goes through dhat (never switched back).
pub fn use_dhat() {
    DHAT_ON.store(true, Ordering::SeqCst);
}

// SAFETY: both allocators satisfy `GlobalAlloc`'s contract, and a block may be freed by the
// other one than allocated it: dhat's `Alloc` allocates and frees with `System` itself and only
// counts on the side (a block it never saw being allocated is freed without being counted, the
// same as for blocks allocated before its profiler started). So whichever path a call takes,
// the memory comes from and goes back to `System` with the caller's layout.
unsafe impl GlobalAlloc for Switch {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded unchanged; the caller upholds `alloc`'s contract.
        unsafe {
            if DHAT_ON.load(Ordering::Relaxed) {
                dhat::Alloc.alloc(layout)
            } else {
                System.alloc(layout)
            }
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above; `ptr` came from `System` on either path.
        unsafe {
            if DHAT_ON.load(Ordering::Relaxed) {
                dhat::Alloc.dealloc(ptr, layout)
            } else {
                System.dealloc(ptr, layout)
            }
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as above.
        unsafe {
            if DHAT_ON.load(Ordering::Relaxed) {
                dhat::Alloc.alloc_zeroed(layout)
            } else {
                System.alloc_zeroed(layout)
            }
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as above; `ptr` came from `System` on either path.
        unsafe {
            if DHAT_ON.load(Ordering::Relaxed) {
                dhat::Alloc.realloc(ptr, layout, new_size)
            } else {
                System.realloc(ptr, layout, new_size)
            }
        }
    }
}
