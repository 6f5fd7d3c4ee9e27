//! Chapter 11 reference solution: the right algorithm, fewer operations, not faster ones. The
//! square crystal's sum is a discrete Fourier transform, so an FFT computes the whole grid at
//! once; the strained crystal's is not, but its phase still splits per cell into an h part and
//! a k part, which turns the grid into one complex matrix product.
//!
//! The same API as the exercise crate `algorithm`; the tests in `exercises/11_algorithm/tests`
//! run against both. Every kernel has chapter 1's signature, `f(n, h, k) -> intensities`, and
//! stores its grid row by row: `result[i * k.len() + j]` is the intensity at `(h[i], k[j])`.

use compiler_solution::{LANES, cis_turns_x4};
use num_complex::Complex64;
use rayon::prelude::*;
use rustfft::FftPlanner;
use strained_solution::{displacement, inside};
use wide::f64x4;

pub use laue_solution::axis;
pub use strained_solution::positions;

/// The first point of an axis of `len` points spaced by exactly `1 / len`, as [`crate::axis`]
/// makes them; `None` for any other axis.
pub fn fft_axis_start(axis: &[f64]) -> Option<f64> {
    let first = *axis.first()?;
    let step = 1.0 / axis.len() as f64;
    let regular = axis
        .iter()
        .enumerate()
        .all(|(i, &v)| (v - (first + i as f64 * step)).abs() <= 1e-9 * (1.0 + v.abs()));
    regular.then_some(first)
}

// ANCHOR: fft
/// The square crystal through a 2-D FFT. With h_i = h0 + i / M (M = h.len()),
/// sum_n exp(2 pi i h_i n) = sum_n [exp(2 pi i h0 n)] exp(2 pi i i n / M): an inverse DFT of
/// length M of the crystal, modulated by the start of the window (the course's `fftshift`),
/// zero-padded to M (or folded onto M points when the crystal is larger than M).
///
/// # Panics
/// If `h` or `k` is not an axis of [`crate::axis`]'s kind (evenly spaced by 1 / its length).
pub fn square_fft(n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    let (rows, cols) = (h.len(), k.len());
    if rows == 0 || cols == 0 {
        return Vec::new();
    }
    let (Some(h0), Some(k0)) = (fft_axis_start(h), fft_axis_start(k)) else {
        panic!("square_fft needs axes spaced by 1 / their length, as axis() makes them");
    };
    let mut grid = vec![Complex64::new(0.0, 0.0); rows * cols];
    for cn in 0..n {
        let row_phase = Complex64::cis(std::f64::consts::TAU * h0 * cn as f64);
        for cm in 0..n {
            let phase = Complex64::cis(std::f64::consts::TAU * k0 * cm as f64);
            grid[(cn % rows) * cols + cm % cols] += row_phase * phase;
        }
    }
    let mut planner = FftPlanner::new();
    // Along k: every row at once (the FFT works through consecutive rows of `cols` points).
    planner.plan_fft_inverse(cols).process(&mut grid);
    // Along h: transpose, transform the rows, and read the result back transposed.
    let mut transposed: Vec<Complex64> = (0..cols * rows)
        .map(|t| grid[(t % rows) * cols + t / rows])
        .collect();
    planner.plan_fft_inverse(rows).process(&mut transposed);
    (0..rows * cols)
        .map(|t| transposed[(t % cols) * rows + t / cols].norm_sqr())
        .collect()
}
// ANCHOR_END: fft

/// A matrix of `exp(2 pi i axis[i] coords[c])`, one row per axis point, split into real and
/// imaginary parts and padded with zeros to a multiple of [`LANES`] columns.
struct Phases {
    re: Vec<f64>,
    im: Vec<f64>,
    width: usize,
}

impl Phases {
    fn new(axis: &[f64], coords: &[f64]) -> Self {
        let columns: Vec<usize> = (0..coords.len()).collect();
        Self::grouped(axis, coords, &columns, coords.len())
    }

    /// `width` columns (padded to a multiple of [`LANES`]); coordinate `c` adds its
    /// `exp(2 pi i axis[i] coords[c])` to column `column[c]` of row `i`.
    fn grouped(axis: &[f64], coords: &[f64], column: &[usize], columns: usize) -> Self {
        let width = columns.div_ceil(LANES) * LANES;
        let mut re = vec![0.0; axis.len() * width];
        let mut im = vec![0.0; axis.len() * width];
        let mut padded = coords.to_vec();
        padded.resize(coords.len().div_ceil(LANES) * LANES, 0.0);
        if width > 0 {
            re.par_chunks_mut(width)
                .zip(im.par_chunks_mut(width))
                .zip(axis.par_iter())
                .for_each(|((re, im), &a)| {
                    let (c4, _) = padded.as_chunks::<LANES>();
                    let terms = c4.iter().flat_map(|&c| {
                        let (cr, ci) = cis_turns_x4(f64x4::splat(a) * f64x4::from(c));
                        cr.to_array().into_iter().zip(ci.to_array())
                    });
                    // The padding's terms are dropped here: `column` is as long as `coords`.
                    for ((cr, ci), &col) in terms.zip(column) {
                        re[col] += cr;
                        im[col] += ci;
                    }
                });
        }
        Phases { re, im, width }
    }

    fn row(&self, i: usize) -> (&[f64], &[f64]) {
        let span = i * self.width..(i + 1) * self.width;
        (&self.re[span.clone()], &self.im[span])
    }
}

/// sum_c a[c] b[c] for complex rows split in parts, [`LANES`] columns at a time.
fn dot(a: (&[f64], &[f64]), b: (&[f64], &[f64])) -> Complex64 {
    let (ar, _) = a.0.as_chunks::<LANES>();
    let (ai, _) = a.1.as_chunks::<LANES>();
    let (br, _) = b.0.as_chunks::<LANES>();
    let (bi, _) = b.1.as_chunks::<LANES>();
    let mut re = f64x4::splat(0.0);
    let mut im = f64x4::splat(0.0);
    for (((&ar, &ai), &br), &bi) in ar.iter().zip(ai).zip(br).zip(bi) {
        let (ar, ai, br, bi) = (
            f64x4::from(ar),
            f64x4::from(ai),
            f64x4::from(br),
            f64x4::from(bi),
        );
        re += ar * br - ai * bi;
        im += ar * bi + ai * br;
    }
    Complex64::new(re.reduce_add(), im.reduce_add())
}

/// [`dot`] of one row against four, loading each piece of the first row once.
fn dot4(a: (&[f64], &[f64]), b: [(&[f64], &[f64]); 4]) -> [Complex64; 4] {
    let (ar, ai) = (a.0.as_chunks::<LANES>().0, a.1.as_chunks::<LANES>().0);
    let br = b.map(|b| b.0.as_chunks::<LANES>().0);
    let bi = b.map(|b| b.1.as_chunks::<LANES>().0);
    let len = ar.len();
    // Equal lengths, stated once, let the compiler drop the bounds checks in the loop.
    assert!(ai.len() == len && br.iter().chain(&bi).all(|v| v.len() == len));
    let mut re = [f64x4::splat(0.0); 4];
    let mut im = [f64x4::splat(0.0); 4];
    for c in 0..len {
        let (xr, xi) = (f64x4::from(ar[c]), f64x4::from(ai[c]));
        for q in 0..4 {
            let (yr, yi) = (f64x4::from(br[q][c]), f64x4::from(bi[q][c]));
            re[q] += xr * yr - xi * yi;
            im[q] += xr * yi + xi * yr;
        }
    }
    [0, 1, 2, 3].map(|q| Complex64::new(re[q].reduce_add(), im[q].reduce_add()))
}

/// |A B^T|^2, one row of the result per rayon task.
fn product(a: &Phases, b: &Phases, rows: usize, cols: usize) -> Vec<f64> {
    let mut result = vec![0.0; rows * cols];
    if cols == 0 {
        return result;
    }
    result
        .par_chunks_mut(cols)
        .enumerate()
        .for_each(|(i, row)| {
            let ai = a.row(i);
            // Four rows of B per pass reuse each loaded piece of A four times.
            let (blocks, rest) = row.as_chunks_mut::<4>();
            for (jb, out) in blocks.iter_mut().enumerate() {
                let j = 4 * jb;
                *out = dot4(ai, [b.row(j), b.row(j + 1), b.row(j + 2), b.row(j + 3)])
                    .map(|z| z.norm_sqr());
            }
            let done = 4 * blocks.len();
            for (j, out) in rest.iter_mut().enumerate() {
                *out = dot(ai, b.row(done + j)).norm_sqr();
            }
        });
    result
}

// ANCHOR: matmul
/// The strained crystal as a matrix product. The phase of cell c at (h_i, k_j) is
/// h_i x_c + k_j y_c, so exp(2 pi i (h_i x_c + k_j y_c)) = A[i, c] B[j, c] with
/// A[i, c] = exp(2 pi i h_i x_c) and B[j, c] = exp(2 pi i k_j y_c), and I = |A B^T|^2:
/// (h + k) C exponentials instead of h k C, and h k C complex multiply-adds.
pub fn strained_matmul(n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    let (x, y) = positions(n);
    let a = Phases::new(h, &x);
    let b = Phases::new(k, &y);
    product(&a, &b, h.len(), k.len())
}
// ANCHOR_END: matmul

// ANCHOR: symmetric
/// [`strained_matmul`] with the mirror symmetries of the disk: cell (n, m) and its mirror
/// (N - n, m) have the same y and opposite displacements, so their x differ and their y are
/// equal (bit for bit: the displacement depends on n - N/2 through its square and its sign),
/// and likewise for (n, N - m). The four cells {n, N - n} x {m, N - m} thus contribute
/// (A(x1) + A(x2)) (B(y1) + B(y2)): one column of a product about four times narrower.
pub fn strained_symmetric(n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    let mirror = |c: usize| (c >= 1).then_some(n - c);
    // The representatives: c <= its mirror, or no mirror at all.
    let first = |c: usize| mirror(c).is_none_or(|m| c <= m);
    let (mut xs, mut x_col, mut ys, mut y_col) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut columns = 0;
    for cn in (0..n).filter(|&c| first(c)) {
        for cm in (0..n).filter(|&c| first(c)) {
            if !inside(n, cn, cm) {
                continue;
            }
            let all = |c: usize| std::iter::once(c).chain(mirror(c).filter(|&m| m != c));
            for a in all(cn) {
                xs.push(a as f64 + displacement(n, a, cm).0);
                x_col.push(columns);
            }
            for b in all(cm) {
                ys.push(b as f64 + displacement(n, cn, b).1);
                y_col.push(columns);
            }
            columns += 1;
        }
    }
    let a = Phases::grouped(h, &xs, &x_col, columns);
    let b = Phases::grouped(k, &ys, &y_col, columns);
    product(&a, &b, h.len(), k.len())
}
// ANCHOR_END: symmetric
