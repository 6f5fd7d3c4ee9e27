// Chapter 18's tests of a rank's share: plain Rust, no MPI needed. Written once, here; the
// reference solution runs them too (solutions/18_processes/tests includes this file with
// `use processes_solution as processes;`). Each test calls the function its name starts with.

use processes::{block_range, cyclic};

/// Sizes where a split goes wrong: none, fewer items than ranks, uneven, even, large.
const ITEMS: [u64; 9] = [0, 1, 2, 3, 7, 10, 12, 611, 1_000_000_007];

#[test]
fn block_range_gives_every_item_to_exactly_one_rank_in_order() {
    for ranks in 1..=7 {
        for items in ITEMS {
            let mut next = 0;
            for rank in 0..ranks {
                let r = block_range(rank, ranks, items);
                assert_eq!(
                    r.start,
                    next,
                    "block_range({rank}, {ranks}, {items}) should start where rank {} stopped",
                    rank as i64 - 1
                );
                assert!(
                    r.start <= r.end,
                    "block_range({rank}, {ranks}, {items}) = {r:?}"
                );
                next = r.end;
            }
            assert_eq!(
                next, items,
                "the blocks of {ranks} ranks should end at {items}"
            );
        }
    }
}

#[test]
fn block_range_sizes_differ_by_at_most_one() {
    for ranks in 1..=7 {
        for items in ITEMS {
            let sizes: Vec<u64> = (0..ranks)
                .map(|rank| {
                    let r = block_range(rank, ranks, items);
                    r.end - r.start
                })
                .collect();
            let (min, max) = (sizes.iter().min().unwrap(), sizes.iter().max().unwrap());
            assert!(
                max - min <= 1,
                "{items} items over {ranks} ranks: sizes {sizes:?} differ by more than one"
            );
        }
    }
}

#[test]
fn cyclic_deals_the_items_like_cards() {
    for ranks in 1..=7 {
        for items in ITEMS.into_iter().filter(|&i| i < 10_000) {
            let mut seen = vec![0; items as usize];
            for rank in 0..ranks {
                let mine = cyclic(rank, ranks, items);
                assert!(
                    mine.windows(2).all(|w| w[0] < w[1]),
                    "cyclic({rank}, {ranks}, {items}) is not increasing: {mine:?}"
                );
                for &i in &mine {
                    assert!(i < items, "cyclic({rank}, {ranks}, {items}) gives item {i}");
                    assert_eq!(
                        i as usize % ranks,
                        rank,
                        "cyclic({rank}, {ranks}, {items}): item {i} belongs to rank {}",
                        i as usize % ranks
                    );
                    seen[i as usize] += 1;
                }
            }
            assert!(
                seen.iter().all(|&s| s == 1),
                "{items} items over {ranks} ranks: each should be dealt once, got {seen:?}"
            );
        }
    }
}
