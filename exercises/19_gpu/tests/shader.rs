// Chapter 19's tests: the shader against chapter 10's CPU sum on every core, on whatever device
// wgpu finds (on a machine without a GPU, Mesa's software one). Written once, here; the
// reference solution runs them too (solutions/19_gpu/tests includes this file with
// `use gpu_solution as gpu;`). Each test calls the stub its name starts with; `intensity` is
// the shader's function in src/sum.wgsl, which `dispatch` runs.

use gpu::{Crystal, Gpu, NO_DEVICE, Precision, Sum, dispatch};

/// f64 on the device against f64 on the CPU: the same polynomials, summed in the same order,
/// differ by rounding only (about 1e-15 here); 1e-12 is the book's bar for "the same".
const F64_TOLERANCE: f64 = 1e-12;

/// f32 keeps 24 bits: a phase h x + k y of about 100 turns is rounded to about 4e-6 turns,
/// and the cells' errors add up in the sum. Measured on llvmpipe: 2e-6 to 1e-5 for N = 8 to
/// 64; 1e-3 leaves room for another device's rounding, while a wrong sum is off by order 1.
const F32_TOLERANCE: f64 = 1e-3;

fn open() -> Gpu {
    Gpu::open().unwrap_or_else(|e| panic!("{e}"))
}

/// The grid on the device and on the CPU, and the error between them.
fn error(gpu: &Gpu, crystal: Crystal, cells: usize, precision: Precision, workgroup: u32) -> f64 {
    let (h, k) = gpu::axes(cells, 3);
    let (x, y) = gpu::positions(crystal, cells);
    let sum =
        Sum::new(gpu, precision, workgroup, (&x, &y), &h, &k).unwrap_or_else(|e| panic!("{e}"));
    let ours = dispatch(gpu, &sum);
    let reference = gpu::cpu(crystal, cells, &h, &k);
    assert_eq!(
        ours.len(),
        reference.len(),
        "one intensity per point (h, k)"
    );
    gpu::relative_error(&reference, &ours)
}

#[test]
fn dispatch_and_intensity_match_the_cpu_in_f64_on_the_strained_crystal() {
    let gpu = open();
    if !gpu.f64 {
        eprintln!("{gpu} has no f64: only the f32 tests apply");
        return;
    }
    let e = error(&gpu, Crystal::Strained, 16, Precision::F64, 64);
    assert!(e <= F64_TOLERANCE, "error {e:e} above {F64_TOLERANCE:e}");
}

#[test]
fn dispatch_and_intensity_match_the_cpu_on_the_square_crystal() {
    let gpu = open();
    let precision = Precision::best(&gpu);
    let tolerance = match precision {
        Precision::F64 => F64_TOLERANCE,
        Precision::F32 => F32_TOLERANCE,
    };
    let e = error(&gpu, Crystal::Square, 12, precision, 64);
    assert!(
        e <= tolerance,
        "{precision:?}: error {e:e} above {tolerance:e}"
    );
}

#[test]
fn dispatch_and_intensity_in_f32_stay_within_the_f32_tolerance() {
    let gpu = open();
    let e = error(&gpu, Crystal::Strained, 16, Precision::F32, 64);
    assert!(
        e <= F32_TOLERANCE,
        "f32: error {e:e} above {F32_TOLERANCE:e}"
    );
}

#[test]
fn dispatch_covers_every_point_whatever_the_work_group_size() {
    // 10 cells x 3 = 30 values of h and of k: 900 points, a multiple of none of these sizes
    // but 1, so the last work-group runs past the grid's end.
    let gpu = open();
    let precision = Precision::best(&gpu);
    for workgroup in [1, 7, 64, 256] {
        let e = error(&gpu, Crystal::Strained, 10, precision, workgroup);
        assert!(
            e <= F32_TOLERANCE,
            "work-groups of {workgroup}: error {e:e}"
        );
    }
}

#[test]
fn gpu_open_without_a_device_says_what_to_install() {
    let Err(message) = Gpu::open_if(false) else {
        panic!("Gpu::open_if(false) found a device");
    };
    assert!(message.starts_with(NO_DEVICE), "{message}");
    assert!(!message.contains('\n'), "one line: {message}");
}
