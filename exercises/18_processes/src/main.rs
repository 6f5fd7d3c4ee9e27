//! The chapter's MPI kernels as one program, for the tests: under `mpirun -n P`, every rank
//! runs `KERNEL SIZE...` and rank 0 prints the answer, one number per line ("{:?}", every bit).
//! A rank that panics prints one line and stops the whole job, so that no rank waits forever
//! for a message from it.

#[cfg(feature = "mpi")]
fn main() {
    use mpi::traits::*;
    processes::ranks::abort_on_panic();
    let universe = mpi::initialize().expect("MPI is initialised once");
    let world = universe.world();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let size = |i: usize| -> u64 {
        args.get(i)
            .and_then(|a| a.parse().ok())
            .unwrap_or_else(|| panic!("argument {i} should be a size: {args:?}"))
    };
    let answer: Vec<f64> = match args.first().map(String::as_str) {
        // Every rank's view of the total of (rank + 1), gathered: each should be the same.
        Some("total") => {
            let sum = processes::ranks::total(&world, f64::from(world.rank() + 1));
            processes::ranks::gather_varying(&world, &[sum]).unwrap_or_default()
        }
        Some("series-blocks") => processes::ranks::series_blocks(&world, size(1)).result,
        Some("series-cyclic") => processes::ranks::series_cyclic(&world, size(1)).result,
        Some("series-dynamic") => processes::ranks::series_dynamic(&world, size(1)).result,
        Some("strained") => {
            let cells = size(1) as usize;
            let (h, k) = processes::strained_axes(cells, size(2) as usize, size(3) as usize);
            processes::ranks::strained_blocks(&world, cells, &h, &k).result
        }
        other => panic!(
            "no kernel {other:?}: total, series-blocks, series-cyclic, series-dynamic, strained"
        ),
    };
    if world.rank() == 0 {
        for x in answer {
            println!("{x:?}");
        }
    }
}

#[cfg(not(feature = "mpi"))]
fn main() {
    eprintln!("error: this program was built without MPI: build it with --features mpi");
    std::process::exit(1);
}
