// The fused square crystal allocates its result and nothing else: dhat, installed as this test
// binary's allocator, measures the peak heap. (One profiled test per file: dhat's testing mode
// allows one profiler per process.)

use temporaries::{axis, square_fused};

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

#[test]
fn square_fused_peak_heap_is_the_output_plus_a_little() {
    let n = 8;
    let (h, k) = (axis(0.0, n, 3), axis(4.0, n, 3));
    let _profiler = dhat::Profiler::builder().testing().build();
    let result = square_fused(n, &h, &k);
    let output_bytes = result.len() * std::mem::size_of::<f64>();
    let stats = dhat::HeapStats::get();
    // dhat counts the whole process, so the test harness's own threads can add a few hundred
    // bytes now and then; materialising the terms would add about 900 KB here.
    dhat::assert!(
        stats.max_bytes <= output_bytes + 8192,
        "peak heap {} bytes for a {output_bytes}-byte result: the fused loop should allocate \
         only its result (reserve its exact size, e.g. Vec::with_capacity, and no array of terms)",
        stats.max_bytes
    );
}
