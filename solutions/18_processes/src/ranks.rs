//! The slow series and the strained crystal spread over MPI ranks. Every rank runs each of
//! these functions at the same time; each one returns what its rank did, and the answer on the
//! ranks that have it.

use crate::{block_range, chunk_count, chunk_sum, combine_chunks, cyclic, strained_rows};
use mpi::collective::SystemOperation;
use mpi::datatype::PartitionMut;
use mpi::traits::*;
use std::time::Instant;

/// What one rank did in one kernel.
#[derive(Clone, Debug, Default)]
pub struct Share {
    /// The answer, on the ranks that hold it (all of them after an all_reduce, rank 0 after a
    /// gather); empty on the others.
    pub result: Vec<f64>,
    /// Seconds this rank computed.
    pub busy: f64,
    /// Seconds this rank spent sending, receiving and waiting for messages.
    pub comm: f64,
    /// Items of work this rank did (chunks of the series, rows of the grid).
    pub items: u64,
}

// ANCHOR: total
/// The sum of every rank's `partial`, on every rank: one all_reduce.
pub fn total<C: Communicator>(world: &C, partial: f64) -> f64 {
    let mut sum = 0.0;
    world.all_reduce_into(&partial, &mut sum, SystemOperation::sum());
    sum
}
// ANCHOR_END: total

/// A panic on any rank becomes one line, "rank R of P failed at FILE:LINE:COL: message", then
/// MPI_Abort, which stops every rank of the job: a rank that only exited would leave the others
/// waiting for its messages for ever.
pub fn abort_on_panic() {
    std::panic::set_hook(Box::new(|info| {
        let world = mpi::topology::SimpleCommunicator::world();
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let place = info
            .location()
            .map(|l| format!(" at {l}"))
            .unwrap_or_default();
        // One write for the whole line: the ranks' lines then never interleave.
        let line = format!(
            "rank {} of {} failed{place}: {}\n",
            world.rank(),
            world.size(),
            message.replace('\n', " ")
        );
        let _ = std::io::Write::write_all(&mut std::io::stderr(), line.as_bytes());
        world.abort(101)
    }));
}

/// Seconds since `start`.
fn since(start: Instant) -> f64 {
    start.elapsed().as_secs_f64()
}

// ANCHOR: series_blocks
/// The series with one contiguous block of chunks per rank, its partial sums added by one
/// all_reduce: every rank ends with the sum. The additions' order depends on the number of
/// ranks (and on MPI's algorithm), so the last bits do too.
pub fn series_blocks<C: Communicator>(world: &C, n: u64) -> Share {
    let start = Instant::now();
    let mine = block_range(world.rank() as usize, world.size() as usize, chunk_count(n));
    let partial: f64 = mine.clone().map(|c| chunk_sum(n, c)).sum();
    let busy = since(start);
    let start = Instant::now();
    let sum = total(world, partial);
    Share {
        result: vec![combine_chunks(n, &[sum])],
        busy,
        comm: since(start),
        items: mine.end - mine.start,
    }
}
// ANCHOR_END: series_blocks

// ANCHOR: series_cyclic
/// The series with the chunks dealt out cyclically. Rank 0 gathers every chunk's sum and adds
/// them in chunk order: the same bits as `slow_blocks_parallel`, on any number of ranks.
pub fn series_cyclic<C: Communicator>(world: &C, n: u64) -> Share {
    let start = Instant::now();
    let mine = cyclic(world.rank() as usize, world.size() as usize, chunk_count(n));
    let sums: Vec<(u64, f64)> = mine.iter().map(|&c| (c, chunk_sum(n, c))).collect();
    let busy = since(start);
    let start = Instant::now();
    let result = gather_chunks(world, n, &sums);
    Share {
        result,
        busy,
        comm: since(start),
        items: sums.len() as u64,
    }
}
// ANCHOR_END: series_cyclic

/// Rank 0's answers to a request for work: a chunk's number, or this.
const NO_MORE: u64 = u64::MAX;
const REQUEST: i32 = 1;
const WORK: i32 = 2;
/// Requests each rank keeps out: its next chunks are on their way while it computes.
const AHEAD: i32 = 4;

/// Rank 0's side of the hand-out: the next chunk, and the requests still to answer NO_MORE.
struct HandOut {
    next: u64,
    chunks: u64,
    working: i32,
}

impl HandOut {
    /// The answer to one request: the next chunk, or NO_MORE (once there are no more chunks).
    fn answer(&mut self) -> u64 {
        self.own().unwrap_or_else(|| {
            self.working -= 1;
            NO_MORE
        })
    }

    /// The next chunk, for rank 0 itself.
    fn own(&mut self) -> Option<u64> {
        (self.next < self.chunks).then(|| {
            self.next += 1;
            self.next - 1
        })
    }
}

// ANCHOR: series_dynamic
/// The series with the chunks handed out on demand: rank 0 gives the next chunk to whoever
/// asks, and computes chunks itself between requests. A rank keeps [`AHEAD`] requests out, so
/// that its next chunk is on its way while it computes: rank 0 answers only between two of its
/// own chunks.
pub fn series_dynamic<C: Communicator>(world: &C, n: u64) -> Share {
    let chunks = chunk_count(n);
    let (mut busy, mut comm) = (0.0, 0.0);
    let mut sums: Vec<(u64, f64)> = Vec::new();
    let root = world.process_at_rank(0);
    if world.rank() == 0 {
        let mut hand_out = HandOut {
            next: 0,
            chunks,
            working: (world.size() - 1) * AHEAD,
        };
        loop {
            let start = Instant::now();
            while let Some(status) = world.any_process().immediate_probe_with_tag(REQUEST) {
                let rank = world.process_at_rank(status.source_rank());
                rank.receive_with_tag::<u64>(REQUEST);
                rank.send_with_tag(&hand_out.answer(), WORK);
            }
            comm += since(start);
            if let Some(chunk) = hand_out.own() {
                let start = Instant::now();
                sums.push((chunk, chunk_sum(n, chunk)));
                busy += since(start);
            } else if hand_out.working > 0 {
                let start = Instant::now();
                let (_, status) = world.any_process().receive_with_tag::<u64>(REQUEST);
                let rank = world.process_at_rank(status.source_rank());
                rank.send_with_tag(&hand_out.answer(), WORK);
                comm += since(start);
            } else {
                break;
            }
        }
    } else {
        let start = Instant::now();
        for _ in 0..AHEAD {
            root.send_with_tag(&0_u64, REQUEST);
        }
        comm += since(start);
        loop {
            let start = Instant::now();
            let chunk = root.receive_with_tag::<u64>(WORK).0;
            if chunk == NO_MORE {
                // Answers come in the order asked: the requests still out get NO_MORE too.
                for _ in 1..AHEAD {
                    root.receive_with_tag::<u64>(WORK);
                }
                comm += since(start);
                break;
            }
            root.send_with_tag(&0_u64, REQUEST);
            comm += since(start);
            let start = Instant::now();
            sums.push((chunk, chunk_sum(n, chunk)));
            busy += since(start);
        }
    }
    let start = Instant::now();
    let result = gather_chunks(world, n, &sums);
    Share {
        result,
        busy,
        comm: comm + since(start),
        items: sums.len() as u64,
    }
}
// ANCHOR_END: series_dynamic

/// Gathers every rank's (chunk, sum) pairs on rank 0, puts each sum in its chunk's place, and
/// adds them in order there. Panics if a chunk was computed twice, or by no rank.
fn gather_chunks<C: Communicator>(world: &C, n: u64, sums: &[(u64, f64)]) -> Vec<f64> {
    // A chunk's number travels as an f64: exact, far below 2^53.
    let flat: Vec<f64> = sums.iter().flat_map(|&(c, s)| [c as f64, s]).collect();
    let Some(all) = gather_varying(world, &flat) else {
        return Vec::new();
    };
    let mut partials = vec![None; chunk_count(n) as usize];
    for pair in all.chunks_exact(2) {
        let c = pair[0] as usize;
        match partials.get_mut(c) {
            Some(slot @ None) => *slot = Some(pair[1]),
            Some(Some(_)) => panic!("chunk {c} was computed by two ranks"),
            None => panic!("chunk {c} does not exist: there are {}", partials.len()),
        }
    }
    let partials: Vec<f64> = partials
        .iter()
        .enumerate()
        .map(|(c, s)| s.unwrap_or_else(|| panic!("chunk {c} was computed by no rank")))
        .collect();
    vec![combine_chunks(n, &partials)]
}

// ANCHOR: gather
/// Every rank's `mine`, one after the other in rank order, on rank 0 (`None` elsewhere). The
/// ranks' lengths may differ: rank 0 first gathers them, then the values.
pub fn gather_varying<C: Communicator>(world: &C, mine: &[f64]) -> Option<Vec<f64>> {
    let root = world.process_at_rank(0);
    let count = mine.len() as i32;
    if world.rank() != 0 {
        root.gather_into(&count);
        root.gather_varcount_into(mine);
        return None;
    }
    let mut counts = vec![0_i32; world.size() as usize];
    root.gather_into_root(&count, &mut counts[..]);
    let displs: Vec<i32> = counts
        .iter()
        .scan(0, |next, &c| {
            let at = *next;
            *next += c;
            Some(at)
        })
        .collect();
    let mut all = vec![0.0; counts.iter().map(|&c| c as usize).sum()];
    let mut partition = PartitionMut::new(&mut all[..], counts, displs);
    root.gather_varcount_into_root(mine, &mut partition);
    Some(all)
}
// ANCHOR_END: gather

// ANCHOR: strained
/// The strained crystal with one contiguous block of rows per rank, the rows gathered on
/// rank 0 in rank order: the whole grid, identical to one rank's.
pub fn strained_blocks<C: Communicator>(world: &C, cells: usize, h: &[f64], k: &[f64]) -> Share {
    let start = Instant::now();
    let rows = block_range(world.rank() as usize, world.size() as usize, h.len() as u64);
    let mine = strained_rows(cells, &h[rows.start as usize..rows.end as usize], k);
    let busy = since(start);
    let start = Instant::now();
    let result = gather_varying(world, &mine).unwrap_or_default();
    Share {
        result,
        busy,
        comm: since(start),
        items: rows.end - rows.start,
    }
}
// ANCHOR_END: strained
