// The direct sum, one invocation per point (h, k) of the grid. The host puts two lines before
// this text: `alias real = f64;` (or f32) and `const WORKGROUP: u32 = 64u;` (or another size),
// so that one file serves both precisions and every work-group size.

struct Sizes {
    cells: u32,
    rows: u32,
    cols: u32,
    // Points per row of work-groups: the dispatch is two-dimensional when the grid has more
    // work-groups than one dimension allows.
    stride: u32,
}

@group(0) @binding(0) var<uniform> sizes: Sizes;
// The cells' positions, computed once on the CPU: (x, y) pairs.
@group(0) @binding(1) var<storage, read> cells: array<vec2<real>>;
@group(0) @binding(2) var<storage, read> h: array<real>;
@group(0) @binding(3) var<storage, read> k: array<real>;
@group(0) @binding(4) var<storage, read_write> intensities: array<real>;

// (cos 2 pi u, sin 2 pi u), chapter 9's polynomials: Vulkan has no f64 sin or cos, so the
// shader brings its own. Whole turns are dropped, then quarter turns, and what is left is
// within 1/8 turn, where the Taylor series to t^14 (sin) and t^13 (cos) are good to 3e-14.
fn cis_turns(u: real) -> vec2<real> {
    let r = u - round(u);
    let q = round(real(4.0) * r);
    let t = real(6.283185307179586) * (r - real(0.25) * q);
    let t2 = t * t;
    var s = real(1.0 / 6227020800.0);
    s = s * t2 + real(-1.0 / 39916800.0);
    s = s * t2 + real(1.0 / 362880.0);
    s = s * t2 + real(-1.0 / 5040.0);
    s = s * t2 + real(1.0 / 120.0);
    s = s * t2 + real(-1.0 / 6.0);
    s = (s * t2 + real(1.0)) * t;
    var c = real(-1.0 / 87178291200.0);
    c = c * t2 + real(1.0 / 479001600.0);
    c = c * t2 + real(-1.0 / 3628800.0);
    c = c * t2 + real(1.0 / 40320.0);
    c = c * t2 + real(-1.0 / 720.0);
    c = c * t2 + real(1.0 / 24.0);
    c = c * t2 + real(-1.0 / 2.0);
    c = c * t2 + real(1.0);
    // Times i^q, q in {-2, -1, 0, 1, 2}.
    switch i32(q) {
        case 1: { return vec2<real>(-s, c); }
        case -1: { return vec2<real>(s, -c); }
        case 2, -2: { return vec2<real>(-c, -s); }
        default: { return vec2<real>(c, s); }
    }
}

// |sum over the cells of exp(2 pi i (h x + k y))|^2 at one point: the loop over every cell
// of `cells` (sizes.cells of them), each term through cis_turns above. To write: this stub
// returns 0, which the tests reject. An edit here needs no Rust rebuild: the host reads this
// file each time it runs.
fn intensity(hi: real, kj: real) -> real {
    return real(0.0);
}

// ANCHOR: main
@compute @workgroup_size(WORKGROUP)
fn main(@builtin(global_invocation_id) id: vec3<u32>) {
    let point = id.y * sizes.stride + id.x;
    // The last work-group runs past the grid's end: those invocations do nothing.
    if point >= sizes.rows * sizes.cols {
        return;
    }
    intensities[point] = intensity(h[point / sizes.cols], k[point % sizes.cols]);
}
// ANCHOR_END: main
