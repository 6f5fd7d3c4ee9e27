//! Pictures of results: a grid as a PNG heat map on a logarithmic colour scale, the way the
//! course shows a Bragg peak (h along x, k upwards).

use crate::output::Grid;
use anyhow::{Result, bail};

/// The smallest value shown, relative to the maximum: eight decades of dynamic range.
const DECADES: f64 = 8.0;

/// Encodes `grid` as a PNG. Rows of the grid (the first axis) run left to right, columns
/// bottom to top; each cell becomes a square of pixels so that small grids stay visible.
pub fn heatmap_png(grid: &Grid) -> Result<Vec<u8>> {
    if grid.rows == 0 || grid.cols == 0 {
        bail!("cannot draw an empty grid");
    }
    let scale = (512 / grid.rows.max(grid.cols)).clamp(1, 16);
    let (width, height) = (grid.rows * scale, grid.cols * scale);
    if width > 16384 || height > 16384 {
        bail!(
            "the grid is {} x {}: too large for a picture (at most 16384 per side)",
            grid.rows,
            grid.cols
        );
    }
    let max = grid
        .data
        .iter()
        .copied()
        .filter(|v| v.is_finite())
        .fold(0.0_f64, f64::max);
    let floor = if max > 0.0 {
        max * 10f64.powf(-DECADES)
    } else {
        1.0
    };
    let (lo, hi) = (floor.log10(), max.max(floor).log10());
    let span = if hi > lo { hi - lo } else { 1.0 };
    let mut pixels = vec![0u8; width * height * 3];
    for y in 0..height {
        let col = grid.cols - 1 - y / scale;
        for x in 0..width {
            let row = x / scale;
            let v = grid.data[row * grid.cols + col].abs().max(floor);
            let t = if v.is_finite() {
                (v.log10() - lo) / span
            } else {
                1.0
            };
            let c = colorous::VIRIDIS.eval_continuous(t.clamp(0.0, 1.0));
            let at = (y * width + x) * 3;
            pixels[at..at + 3].copy_from_slice(&[c.r, c.g, c.b]);
        }
    }
    rgb_png(&pixels, width, height)
}

/// Encodes 8-bit RGB pixels, row by row from the top, as a PNG file.
pub fn rgb_png(pixels: &[u8], width: usize, height: usize) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width as u32, height as u32);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(pixels)?;
    writer.finish()?;
    Ok(out)
}
