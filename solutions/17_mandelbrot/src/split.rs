//! Three ways to share the rows among the threads of the current rayon pool. Every row is
//! computed by one thread, in the serial order, so the counts never depend on the split or the
//! thread count; what changes is how long each thread is busy. Each thread's work sits in a
//! tracing span declared `per_thread`: `cargo workbook run mandelbrot blocks --phases` prints
//! each thread's busy time.

use crate::{Plane, fill_row};
use rayon::prelude::*;
use std::ops::Range;
use tracing::info_span;

/// The rows of thread `t` of `threads` in the contiguous split: `height` rows in `threads`
/// blocks whose sizes differ by one at most, in order.
pub fn block_rows(t: usize, threads: usize, height: usize) -> Range<usize> {
    (t * height / threads)..((t + 1) * height / threads)
}

// ANCHOR: blocks
/// One contiguous block of rows per thread: the split a first parallel loop makes. Rows near
/// the set cost up to `max_iter` steps a point and rows far from it a few, so the thread with
/// the middle rows works longest and the others wait for it.
pub fn mandelbrot_blocks(plane: &Plane) -> Vec<u32> {
    // `broadcast` runs the closure once on every thread of the pool: thread `t` computes its
    // block into a vector of its own, and the blocks, in order, are the grid.
    let blocks = rayon::broadcast(|ctx| {
        let rows = block_rows(ctx.index(), ctx.num_threads(), plane.height);
        info_span!("block", per_thread = true).in_scope(|| {
            let mut counts = vec![0; rows.len() * plane.width];
            for (i, row) in rows.zip(counts.chunks_exact_mut(plane.width.max(1))) {
                fill_row(plane, i, row);
            }
            counts
        })
    });
    blocks.concat()
}
// ANCHOR_END: blocks

// ANCHOR: interleaved
/// Rows dealt out like cards: thread `t` of `T` takes rows `t`, `t + T`, `t + 2T`, ... Rows
/// next to each other cost about the same, so every thread gets a fair share of the costly
/// middle, without any coordination while they run.
pub fn mandelbrot_interleaved(plane: &Plane) -> Vec<u32> {
    let width = plane.width;
    let dealt = rayon::broadcast(|ctx| {
        let (t, threads) = (ctx.index(), ctx.num_threads());
        info_span!("dealt", per_thread = true).in_scope(|| {
            let rows: Vec<usize> = (t..plane.height).step_by(threads).collect();
            let mut counts = vec![0; rows.len() * width];
            for (&i, row) in rows.iter().zip(counts.chunks_exact_mut(width.max(1))) {
                fill_row(plane, i, row);
            }
            (rows, counts)
        })
    });
    // Each thread's rows back in their places.
    let mut counts = vec![0; plane.points()];
    for (rows, part) in &dealt {
        for (&i, row) in rows.iter().zip(part.chunks_exact(width.max(1))) {
            counts[i * width..(i + 1) * width].copy_from_slice(row);
        }
    }
    counts
}
// ANCHOR_END: interleaved

// ANCHOR: par_rows
/// One task per row as a first parallel loop writes it: rayon decides how finely to cut the
/// rows into pieces.
pub fn mandelbrot_par_rows(plane: &Plane) -> Vec<u32> {
    let mut counts = vec![0; plane.points()];
    if plane.width == 0 {
        return counts;
    }
    counts
        .par_chunks_mut(plane.width)
        .enumerate()
        .for_each(|(i, row)| {
            info_span!("row", per_thread = true).in_scope(|| fill_row(plane, i, row));
        });
    counts
}
// ANCHOR_END: par_rows

// ANCHOR: balanced
/// One task per row, and rayon's work stealing: a thread that runs out of rows takes some of
/// what another has left, so all of them stay busy until the last rows.
pub fn mandelbrot_balanced(plane: &Plane) -> Vec<u32> {
    let mut counts = vec![0; plane.points()];
    if plane.width == 0 {
        return counts;
    }
    counts
        .par_chunks_mut(plane.width)
        .enumerate()
        // rayon cuts a range into a few pieces per thread, then cuts a piece again only when
        // another thread steals from it; it cannot know that the rows near the real axis cost
        // a hundred times more than the top ones, and a piece of 50 costly rows it never cut
        // leaves the other threads waiting. Pieces of one row each can always be stolen; a row
        // is tens of microseconds, enough to make a task's microsecond of overhead negligible.
        .with_max_len(1)
        .for_each(|(i, row)| {
            info_span!("row", per_thread = true).in_scope(|| fill_row(plane, i, row));
        });
    counts
}
// ANCHOR_END: balanced
