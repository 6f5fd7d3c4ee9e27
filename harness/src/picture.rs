//! Pictures of results that a person can read without the book: each has a title, axes with
//! their names and values, and a heat map has a colour bar with its scale. Drawn with plotters
//! (bitmap and SVG backends); the text is DejaVu Sans, embedded, so no system font is needed.
//! [`Picture::shows`] says in words what the picture shows, for `run` to print.

use crate::output::Grid;
use anyhow::{Result, anyhow, bail};
use plotters::coord::Shift;
use plotters::prelude::*;
use std::sync::Once;

/// The smallest value a logarithmic heat map shows, relative to the maximum: eight decades.
const DECADES: f64 = 8.0;

/// A PNG and what it shows, line by line.
pub struct Picture {
    pub png: Vec<u8>,
    pub shows: Vec<String>,
}

/// The font every picture's text uses, registered with plotters once.
/// The plots' colours for their series, in order (matplotlib's first eight).
pub(crate) const PALETTE: [plotters::style::RGBColor; 8] = [
    plotters::style::RGBColor(0x1f, 0x77, 0xb4),
    plotters::style::RGBColor(0xd6, 0x27, 0x28),
    plotters::style::RGBColor(0x2c, 0xa0, 0x2c),
    plotters::style::RGBColor(0x94, 0x67, 0xbd),
    plotters::style::RGBColor(0xff, 0x7f, 0x0e),
    plotters::style::RGBColor(0x8c, 0x56, 0x4b),
    plotters::style::RGBColor(0xe3, 0x77, 0xc2),
    plotters::style::RGBColor(0x17, 0xbe, 0xcf),
];

pub(crate) fn fonts() {
    static FONT: Once = Once::new();
    FONT.call_once(|| {
        for style in [FontStyle::Normal, FontStyle::Bold] {
            let bytes = match style {
                FontStyle::Bold => dejavu::sans::bold(),
                _ => dejavu::sans::regular(),
            };
            // The font is part of the binary: it always parses.
            let _ = plotters::style::register_font("sans-serif", style, bytes);
        }
    });
}

/// A plotters error as one line.
fn drawing<E: std::fmt::Debug>(e: E) -> anyhow::Error {
    anyhow!("cannot draw the picture: {e:?}")
}

/// How a heat map maps values to colours.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Scale {
    /// log10 of |value|, from `lo` to `hi` (decades).
    Log {
        lo: f64,
        hi: f64,
    },
    Linear {
        lo: f64,
        hi: f64,
    },
}

impl Scale {
    /// Logarithmic when the values are not negative and span more than three decades (a
    /// Bragg peak and its fringes), linear otherwise (a temperature field).
    fn of(data: &[f64]) -> Scale {
        let finite = || data.iter().copied().filter(|v| v.is_finite());
        let max = finite().fold(f64::MIN, f64::max);
        let min = finite().fold(f64::MAX, f64::min);
        if max == f64::MIN {
            return Scale::Linear { lo: 0.0, hi: 1.0 };
        }
        let smallest_positive = finite().filter(|v| *v > 0.0).fold(f64::MAX, f64::min);
        if min >= 0.0
            && max > 0.0
            && (smallest_positive == f64::MAX || max / smallest_positive > 1e3)
        {
            let hi = max.log10();
            let lo = (smallest_positive.log10()).max(hi - DECADES).min(hi - 1.0);
            Scale::Log { lo, hi }
        } else if max > min {
            Scale::Linear { lo: min, hi: max }
        } else {
            Scale::Linear {
                lo: min - 0.5,
                hi: max + 0.5,
            }
        }
    }

    /// Where `v` falls on the colour bar, 0 to 1 (NaN at the top, where it shows).
    fn position(self, v: f64) -> f64 {
        let t = match self {
            Scale::Log { lo, hi } => (v.abs().max(10f64.powf(lo)).log10() - lo) / (hi - lo),
            Scale::Linear { lo, hi } => (v - lo) / (hi - lo),
        };
        if t.is_nan() { 1.0 } else { t.clamp(0.0, 1.0) }
    }

    /// The colour bar's range in its own units (decades for a log scale).
    fn range(self) -> (f64, f64) {
        match self {
            Scale::Log { lo, hi } | Scale::Linear { lo, hi } => (lo, hi),
        }
    }

    /// A value on the colour bar, as its tick label.
    fn label(self, at: f64) -> String {
        match self {
            Scale::Log { .. } => format!("1e{at:.0}"),
            Scale::Linear { lo, hi } => tick(at, hi - lo),
        }
    }

    fn words(self, value: &str) -> String {
        match self {
            Scale::Log { lo, hi } => format!(
                "colour: {value} on a log scale, {} decades, from {:.1e} (dark purple) or less to {:.1e} (yellow)",
                ((hi - lo) * 10.0).round() / 10.0,
                10f64.powf(lo),
                10f64.powf(hi)
            ),
            Scale::Linear { lo, hi } => format!(
                "colour: {value} on a linear scale from {} (dark purple) to {} (yellow)",
                short(lo),
                short(hi)
            ),
        }
    }
}

/// A number in at most four significant figures: "0.25", "256", "2.6e-6".
fn short(v: f64) -> String {
    let a = v.abs();
    if a == 0.0 || !a.is_finite() {
        return if a == 0.0 { "0".into() } else { format!("{v}") };
    }
    if (1e-3..1e5).contains(&a) {
        let decimals = (3 - a.log10().floor() as i32).max(0) as usize;
        let text = format!("{v:.decimals$}");
        let text = if text.contains('.') {
            text.trim_end_matches('0').trim_end_matches('.')
        } else {
            &text
        };
        if text == "-0" {
            "0".into()
        } else {
            text.to_string()
        }
    } else {
        format!("{v:.1e}")
    }
}

/// A tick label on an axis `span` long: a rounding error off zero reads as 0.
fn tick(v: f64, span: f64) -> String {
    if v.abs() < span.abs() * 1e-9 {
        "0".into()
    } else {
        short(v)
    }
}

/// `grid` as a heat map: rows of the grid (the first axis) run left to right, columns bottom
/// to top, the values' colour on a viridis scale, with `title` and `subtitle` above it.
pub fn heatmap(grid: &Grid, title: &str, subtitle: &str) -> Result<Picture> {
    if grid.rows == 0 || grid.cols == 0 || grid.data.len() != grid.rows * grid.cols {
        bail!("cannot draw an empty grid");
    }
    fonts();
    let scale = Scale::of(&grid.data);
    let (width, height) = (760u32, 640u32);
    let mut pixels = vec![255u8; (width * height * 3) as usize];
    let span = |(_, first, last): (&str, f64, f64), n: usize| {
        let step = if n > 1 {
            (last - first) / (n - 1) as f64
        } else {
            1.0
        };
        let half = if step == 0.0 { 0.5 } else { step.abs() / 2.0 };
        (first.min(last) - half, first.max(last) + half)
    };
    let (x0, x1) = span(grid.row_axis, grid.rows);
    let (y0, y1) = span(grid.col_axis, grid.cols);
    {
        let root = BitMapBackend::with_buffer(&mut pixels, (width, height)).into_drawing_area();
        root.fill(&WHITE).map_err(drawing)?;
        let root = titled(&root, title, subtitle)?;
        let (main, bar) = root.split_horizontally(width - 130);
        let mut chart = ChartBuilder::on(&main)
            .margin(12)
            .x_label_area_size(48)
            .y_label_area_size(64)
            .build_cartesian_2d(x0..x1, y0..y1)
            .map_err(drawing)?;
        chart
            .configure_mesh()
            .disable_mesh()
            .x_desc(grid.row_axis.0)
            .y_desc(grid.col_axis.0)
            .axis_desc_style(("sans-serif", 18))
            .label_style(("sans-serif", 14))
            .x_label_formatter(&|v| tick(*v, x1 - x0))
            .y_label_formatter(&|v| tick(*v, y1 - y0))
            .draw()
            .map_err(drawing)?;
        // Every pixel of the plotting area takes the colour of the cell under it.
        let area = chart.plotting_area().strip_coord_spec();
        let (w, h) = area.dim_in_pixel();
        let flip_x = grid.row_axis.1 > grid.row_axis.2;
        let flip_y = grid.col_axis.1 > grid.col_axis.2;
        for py in 0..h {
            let mut col = ((h - 1 - py) as usize * grid.cols) / h as usize;
            if flip_y {
                col = grid.cols - 1 - col;
            }
            for px in 0..w {
                let mut row = (px as usize * grid.rows) / w as usize;
                if flip_x {
                    row = grid.rows - 1 - row;
                }
                let t = scale.position(grid.data[row * grid.cols + col]);
                let c = colorous::VIRIDIS.eval_continuous(t);
                area.draw_pixel((px as i32, py as i32), &RGBColor(c.r, c.g, c.b))
                    .map_err(drawing)?;
            }
        }
        colour_bar(&bar, scale, grid.value)?;
        root.present().map_err(drawing)?;
    }
    let png = rgb_png(&pixels, width as usize, height as usize)?;
    let ((rn, r0, r1), (cn, c0, c1)) = (grid.row_axis, grid.col_axis);
    Ok(Picture {
        png,
        shows: vec![
            format!(
                "a {} x {} heat map: {rn} from {} to {} to the right, {cn} from {} to {} upwards",
                grid.rows,
                grid.cols,
                short(r0),
                short(r1),
                short(c0),
                short(c1)
            ),
            scale.words(grid.value),
        ],
    })
}

/// Draws the title and subtitle at the top of `root` and returns the area below them.
fn titled<'a>(
    root: &DrawingArea<BitMapBackend<'a>, Shift>,
    title: &str,
    subtitle: &str,
) -> Result<DrawingArea<BitMapBackend<'a>, Shift>> {
    use plotters::style::text_anchor::{HPos, Pos, VPos};
    let style = |size: f64, style: FontStyle| {
        TextStyle::from(FontDesc::new(FontFamily::SansSerif, size, style))
            .pos(Pos::new(HPos::Center, VPos::Top))
    };
    let x = (root.dim_in_pixel().0 / 2) as i32;
    root.draw(&Text::new(title, (x, 10), style(22.0, FontStyle::Bold)))
        .map_err(drawing)?;
    if subtitle.is_empty() {
        return Ok(root.split_vertically(42).1);
    }
    root.draw(&Text::new(
        subtitle,
        (x, 38),
        style(15.0, FontStyle::Normal),
    ))
    .map_err(drawing)?;
    Ok(root.split_vertically(62).1)
}

/// A vertical colour bar with its scale and the quantity's name.
fn colour_bar<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    scale: Scale,
    value: &str,
) -> Result<()> {
    let (lo, hi) = scale.range();
    let mut chart = ChartBuilder::on(area)
        .margin_top(12)
        .margin_bottom(12 + 48)
        .margin_right(8)
        .y_label_area_size(64)
        .build_cartesian_2d(0.0..1.0, lo..hi)
        .map_err(drawing)?;
    let desc = match scale {
        Scale::Log { .. } => format!("{value} (log scale)"),
        Scale::Linear { .. } => value.to_string(),
    };
    chart
        .configure_mesh()
        .disable_mesh()
        .disable_x_axis()
        .y_desc(desc)
        .y_labels(if matches!(scale, Scale::Log { .. }) {
            ((hi - lo).round() as usize + 1).clamp(2, 10)
        } else {
            6
        })
        .axis_desc_style(("sans-serif", 16))
        .label_style(("sans-serif", 14))
        .y_label_formatter(&|v| scale.label(*v))
        .draw()
        .map_err(drawing)?;
    let steps = 256;
    chart
        .draw_series((0..steps).map(|i| {
            let a = lo + (hi - lo) * i as f64 / steps as f64;
            let b = lo + (hi - lo) * (i + 1) as f64 / steps as f64;
            let c = colorous::VIRIDIS.eval_continuous((i as f64 + 0.5) / steps as f64);
            Rectangle::new([(0.0, a), (1.0, b)], RGBColor(c.r, c.g, c.b).filled())
        }))
        .map_err(drawing)?;
    Ok(())
}

/// Paths in a plane, one colour each and a dot where each ends, on one scale for both axes
/// (circles stay round): the N-body chapter's orbits.
pub struct Paths<'a> {
    pub title: &'a str,
    pub subtitle: &'a str,
    pub x: &'a str,
    pub y: &'a str,
    /// Each path's points in order; non-finite points are skipped.
    pub paths: Vec<Vec<(f64, f64)>>,
}

pub fn paths_png(p: &Paths) -> Result<Vec<u8>> {
    let finite: Vec<(f64, f64)> = p
        .paths
        .iter()
        .flatten()
        .copied()
        .filter(|(x, y)| x.is_finite() && y.is_finite())
        .collect();
    if finite.is_empty() {
        bail!("cannot draw the paths: no point is a finite number");
    }
    fonts();
    let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for &(x, y) in &finite {
        (x0, x1, y0, y1) = (x0.min(x), x1.max(x), y0.min(y), y1.max(y));
    }
    let half = (x1 - x0).max(y1 - y0).max(1e-12) * 0.55;
    let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    let (width, height) = (700u32, 760u32);
    let mut pixels = vec![255u8; (width * height * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut pixels, (width, height)).into_drawing_area();
        root.fill(&WHITE).map_err(drawing)?;
        let root = titled(&root, p.title, p.subtitle)?;
        let mut chart = ChartBuilder::on(&root)
            .margin(16)
            .x_label_area_size(48)
            .y_label_area_size(64)
            .build_cartesian_2d(cx - half..cx + half, cy - half..cy + half)
            .map_err(drawing)?;
        chart
            .configure_mesh()
            .light_line_style(RGBColor(235, 235, 235))
            .bold_line_style(RGBColor(215, 215, 215))
            .x_desc(p.x)
            .y_desc(p.y)
            .axis_desc_style(("sans-serif", 18))
            .label_style(("sans-serif", 14))
            .x_label_formatter(&|v| tick(*v, 2.0 * half))
            .y_label_formatter(&|v| tick(*v, 2.0 * half))
            .draw()
            .map_err(drawing)?;
        for (i, path) in p.paths.iter().enumerate() {
            let c = colorous::TABLEAU10[i % colorous::TABLEAU10.len()];
            let colour = RGBColor(c.r, c.g, c.b);
            // A non-finite point breaks the path; each finite run is drawn.
            for run in path.split(|(x, y)| !(x.is_finite() && y.is_finite())) {
                chart
                    .draw_series(LineSeries::new(run.iter().copied(), colour.stroke_width(2)))
                    .map_err(drawing)?;
            }
            if let Some(&end) = path
                .iter()
                .rev()
                .find(|(x, y)| x.is_finite() && y.is_finite())
            {
                chart
                    .draw_series(std::iter::once(Circle::new(end, 5, colour.filled())))
                    .map_err(drawing)?;
            }
        }
        root.present().map_err(drawing)?;
    }
    rgb_png(&pixels, width as usize, height as usize)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_numbers_read_well() {
        assert_eq!(short(0.0), "0");
        assert_eq!(short(256.0), "256");
        assert_eq!(short(0.25), "0.25");
        assert_eq!(short(-0.5), "-0.5");
        assert_eq!(short(3.9999999), "4");
        assert_eq!(short(2.6e-6), "2.6e-6");
    }

    /// (width, height, RGB pixels) of a PNG.
    fn decode(png: &[u8]) -> (usize, usize, Vec<u8>) {
        let mut reader = png::Decoder::new(std::io::Cursor::new(png))
            .read_info()
            .unwrap();
        let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut pixels).unwrap();
        (info.width as usize, info.height as usize, pixels)
    }

    #[test]
    fn a_heat_map_has_its_colour_bar_axes_and_words() {
        let n = 16;
        let data: Vec<f64> = (0..n * n)
            .map(|i| 10f64.powf(-((i % n) as f64) / 2.0))
            .collect();
        let grid = Grid {
            rows: n,
            cols: n,
            data,
            row_axis: ("h", -0.5, 0.5),
            col_axis: ("k", 3.5, 4.5),
            value: "intensity",
        };
        let picture = heatmap(&grid, "laue naive (reference)", "N = 4").unwrap();
        let (w, h, pixels) = decode(&picture.png);
        let at = |x: usize, y: usize| {
            let i = (y * w + x) * 3;
            (pixels[i], pixels[i + 1], pixels[i + 2])
        };
        // The colour bar, right of the map, runs from viridis' yellow at the top to its dark
        // purple at the bottom.
        let bar: Vec<(u8, u8, u8)> = (0..h).map(|y| at(w - 40, y)).collect();
        let near = |c: (u8, u8, u8), r: (u8, u8, u8)| {
            c.0.abs_diff(r.0) < 12 && c.1.abs_diff(r.1) < 12 && c.2.abs_diff(r.2) < 12
        };
        let top = bar
            .iter()
            .position(|&c| near(c, (253, 231, 37)))
            .expect("yellow");
        let bottom = bar
            .iter()
            .rposition(|&c| near(c, (68, 1, 84)))
            .expect("purple");
        assert!(top < bottom && bottom - top > h / 2, "{top} {bottom}");
        // Text (title, tick labels, axis names) is drawn in black.
        let black = pixels
            .chunks(3)
            .filter(|c| c.iter().all(|&v| v < 60))
            .count();
        assert!(black > 2000, "{black} black pixels");
        assert_eq!(
            picture.shows,
            [
                "a 16 x 16 heat map: h from -0.5 to 0.5 to the right, k from 3.5 to 4.5 upwards",
                "colour: intensity on a log scale, 7.5 decades, from 3.2e-8 (dark purple) or less to 1.0e0 (yellow)"
            ]
        );
    }

    #[test]
    fn paths_are_drawn_and_empty_ones_refused() {
        let paths = Paths {
            title: "t",
            subtitle: "",
            x: "x",
            y: "y",
            paths: vec![vec![(0.0, 0.0), (1.0, 1.0)], vec![(f64::NAN, 0.0)]],
        };
        let (w, h, _) = decode(&paths_png(&paths).unwrap());
        assert_eq!((w, h), (700, 760));
        let none = Paths {
            paths: vec![vec![(f64::NAN, 1.0)]],
            ..paths
        };
        assert!(paths_png(&none).is_err());
    }

    #[test]
    fn the_scale_suits_the_values() {
        assert!(matches!(Scale::of(&[0.0, 1e-6, 256.0]), Scale::Log { .. }));
        assert_eq!(
            Scale::of(&[20.0, 35.0, 100.0]),
            Scale::Linear {
                lo: 20.0,
                hi: 100.0
            }
        );
        assert!(matches!(Scale::of(&[-1.0, 1e6]), Scale::Linear { .. }));
        let Scale::Log { lo, hi } = Scale::of(&[0.0, 1e-20, 1.0]) else {
            panic!("log")
        };
        assert_eq!((lo, hi), (-DECADES, 0.0), "eight decades at most");
    }
}
