//! The roofline: a kernel that moves B bytes and does F floating-point operations in time t
//! attains F / t flop/s, and no code can beat min(peak, I x bandwidth), where I = F / B is its
//! arithmetic intensity. Below the ridge point (peak / bandwidth) the roof is memory; above it,
//! arithmetic. The roofs are this machine's own, from [`crate::machine`].
//!
//! Counting conventions for what is not one instruction (a chapter's [`crate::chapter::Cost`]
//! uses them, so that every chapter counts alike):
//! - a complex exponential `exp(i x)` counts [`EXP_FLOPS`]: what chapter 9's polynomial
//!   `cis_turns` executes (reduction, two polynomials, the quadrant's signs);
//! - a real sine, cosine, tangent or hyperbolic tangent counts [`EXP_FLOPS`] / 2;
//! - a square root and a division count 1 each, as one instruction, however slow it is.

use crate::chapter::Cost;
use crate::machine::Figures;
use std::fmt::Write as _;

/// Floating-point operations of one complex exponential.
pub const EXP_FLOPS: f64 = 50.0;

/// One kernel's place under the roofs.
#[derive(Debug, Clone)]
pub struct Point {
    pub kernel: String,
    pub side: &'static str,
    pub threads: usize,
    pub seconds: f64,
    pub cost: Cost,
}

impl Point {
    pub fn intensity(&self) -> f64 {
        self.cost.flops / self.cost.bytes.max(1.0)
    }
    pub fn flop_rate(&self) -> f64 {
        self.cost.flops / self.seconds.max(1e-12)
    }
    pub fn byte_rate(&self) -> f64 {
        self.cost.bytes / self.seconds.max(1e-12)
    }
}

/// The roof over a kernel of intensity `i` on `threads`, and whether memory sets it.
pub fn roof(figures: &Figures, threads: usize, i: f64) -> (f64, bool) {
    let peak = figures.build_peak(threads);
    let memory = i * figures.triad(threads);
    if memory < peak {
        (memory, true)
    } else {
        (peak, false)
    }
}

/// The fraction of its roof a kernel attains: its flop rate over the roof, or for a kernel
/// that does no arithmetic, its byte rate over the bandwidth.
pub fn fraction(figures: &Figures, p: &Point) -> f64 {
    if p.cost.flops <= 0.0 {
        return p.byte_rate() / figures.triad(p.threads);
    }
    p.flop_rate() / roof(figures, p.threads, p.intensity()).0
}

fn si(x: f64, unit: &str) -> String {
    let (v, prefix) = [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")]
        .iter()
        .find(|(s, _)| x >= *s)
        .map_or((x, ""), |(s, p)| (x / s, *p));
    if v >= 100.0 {
        format!("{v:.0} {prefix}{unit}")
    } else if v >= 10.0 {
        format!("{v:.1} {prefix}{unit}")
    } else {
        format!("{v:.2} {prefix}{unit}")
    }
}

/// "0.458", "12.5", "5664", "3.4e8": flop per byte, to three figures or so.
fn intensity_text(i: f64) -> String {
    if i >= 1e5 {
        format!("{i:.1e}")
    } else if i >= 100.0 {
        format!("{i:.0}")
    } else if i >= 1.0 {
        format!("{i:.2}")
    } else {
        format!("{i:.3}")
    }
}

/// The roofline table of one bench table's rows (those with a cost).
pub fn table(figures: &Figures, threads: usize, points: &[Point]) -> String {
    let mut out = String::new();
    if points.is_empty() {
        return out;
    }
    let width = points
        .iter()
        .map(|p| p.kernel.len())
        .max()
        .unwrap_or(6)
        .max(12);
    let _ = writeln!(
        out,
        "  roofline on {threads} thread{}: the roofs are the triad's {:.1} GB/s and the {} peak of {:.1} GFLOP/s (`cargo workbook machine`)",
        if threads == 1 { "" } else { "s" },
        figures.triad(threads) / 1e9,
        figures.build,
        figures.build_peak(threads) / 1e9
    );
    let _ = writeln!(
        out,
        "  {:<width$} {:<9} {:>10} {:>11} {:>10} {:>9} {:>9}  {:<8} {:>8}",
        "kernel", "code", "moves", "flop", "flop/byte", "GB/s", "GFLOP/s", "bound", "of roof"
    );
    for p in points {
        let (_, memory) = roof(figures, threads, p.intensity());
        let _ = writeln!(
            out,
            "  {:<width$} {:<9} {:>10} {:>11} {:>10} {:>9.2} {:>9.2}  {:<8} {:>7.0}%",
            p.kernel,
            p.side,
            si(p.cost.bytes, "B"),
            si(p.cost.flops, "flop"),
            intensity_text(p.intensity()),
            p.byte_rate() / 1e9,
            p.flop_rate() / 1e9,
            if memory || p.cost.flops <= 0.0 {
                "memory"
            } else {
                "compute"
            },
            100.0 * fraction(figures, p)
        );
    }
    if points.iter().any(|p| fraction(figures, p) > 1.05) {
        let _ = writeln!(
            out,
            "  above 100%: a kernel beat its roof, so its count is too high or the roofs were measured while the machine was busier (run `cargo workbook machine` again)"
        );
    }
    let _ = writeln!(
        out,
        "  moves and flop: what the algorithm must (inputs read once, the result written once), counted as harness/src/roofline.rs says; of roof: attained over min(peak, flop/byte x bandwidth)"
    );
    out
}

/// A tick of a logarithmic axis: "0.01", "1", "100", "1e4".
fn axis_number(x: f64) -> String {
    if x >= 1e4 || (x > 0.0 && x < 1e-3) {
        format!("{x:.0e}")
    } else if x >= 1.0 {
        format!("{x:.0}")
    } else {
        format!("{x}")
    }
}

/// The roofline plot: the roofs on one thread and on all, and every point, log-log.
pub fn svg(title: &str, figures: &Figures, points: &[Point]) -> String {
    let mut svg = String::new();
    if let Err(e) = draw(&mut svg, title, figures, points) {
        return format!(
            "<svg xmlns='http://www.w3.org/2000/svg'><text x='10' y='20'>cannot draw the plot: {e}</text></svg>"
        );
    }
    svg
}

fn draw(svg: &mut String, title: &str, figures: &Figures, points: &[Point]) -> anyhow::Result<()> {
    use plotters::prelude::*;
    let failed = |e: &dyn std::fmt::Debug| anyhow::anyhow!("{e:?}");
    crate::picture::fonts();
    let widest = figures
        .rates
        .last()
        .map_or(figures.build_peak(figures.threads), |r| r.all_threads);
    let (mut x0, mut x1) = (0.01_f64, 100.0_f64);
    let mut y0 = figures.triad(1) * x0 / 1e9;
    for p in points {
        x0 = x0.min(p.intensity() / 3.0);
        // Room on the right for the label beside the rightmost point.
        x1 = x1.max(p.intensity() * 20.0);
        y0 = y0.min(p.flop_rate() / 1e9 / 3.0);
    }
    let y1 = widest / 1e9 * 2.0;
    let y0 = y0.max(1e-6);
    let root = SVGBackend::with_string(svg, (760, 520)).into_drawing_area();
    root.fill(&WHITE).map_err(|e| failed(&e))?;
    let mut chart = ChartBuilder::on(&root)
        .caption(format!("{title}: roofline"), ("sans-serif", 20))
        .margin(14)
        .x_label_area_size(46)
        .y_label_area_size(64)
        .build_cartesian_2d((x0..x1).log_scale(), (y0..y1).log_scale())
        .map_err(|e| failed(&e))?;
    chart
        .configure_mesh()
        .light_line_style(RGBColor(240, 240, 240))
        .x_desc("arithmetic intensity (flop per byte moved)")
        .y_desc("GFLOP/s attained")
        .x_label_formatter(&|x| axis_number(*x))
        .y_label_formatter(&|y| axis_number(*y))
        .axis_desc_style(("sans-serif", 15))
        .label_style(("sans-serif", 13))
        .draw()
        .map_err(|e| failed(&e))?;
    let roofs = [
        (1, RGBColor(120, 120, 120), "1 thread"),
        (figures.threads, RGBColor(30, 30, 30), "all threads"),
    ];
    for (threads, colour, name) in roofs {
        let bw = figures.triad(threads) / 1e9;
        let peak = figures.build_peak(threads) / 1e9;
        // The two ends and the ridge, where the slope meets the flat roof.
        let ridge = (peak / bw).clamp(x0, x1);
        let line = [x0, ridge, x1].map(|x| (x, (x * bw).min(peak)));
        chart
            .draw_series(LineSeries::new(line, colour.stroke_width(2)))
            .map_err(|e| failed(&e))?
            .label(format!(
                "roof, {name}: triad {bw:.1} GB/s, {} {peak:.1} GFLOP/s",
                figures.build
            ))
            .legend(move |(x, y)| PathElement::new([(x, y), (x + 20, y)], colour.stroke_width(2)));
    }
    if let Some(w) = figures.rates.last().filter(|w| w.name != figures.build) {
        let peak = w.all_threads / 1e9;
        let grey = RGBColor(150, 150, 150);
        chart
            .draw_series(DashedLineSeries::new(
                [(x0, peak), (x1, peak)],
                6,
                4,
                grey.into(),
            ))
            .map_err(|e| failed(&e))?
            .label(format!(
                "{} peak, all threads: {peak:.0} GFLOP/s (not used by these kernels)",
                w.name
            ))
            .legend(move |(x, y)| PathElement::new([(x, y), (x + 20, y)], grey));
    }
    let colours = crate::picture::PALETTE;
    // Each point carries its own label, beside it: a legend of a dozen points would hide
    // them. Labels alternate above and below, so that neighbours do not overlap.
    for (i, p) in points.iter().enumerate() {
        let c = colours[i % colours.len()];
        let at = (p.intensity(), (p.flop_rate() / 1e9).max(y0));
        let label = format!(
            "{}{} ({}t)",
            p.kernel,
            if p.side == "yours" { ", yours" } else { "" },
            p.threads
        );
        let dy = if i % 2 == 0 { -16 } else { 6 };
        chart
            .draw_series([EmptyElement::at(at)
                + Circle::new((0, 0), 5, c.filled())
                + Text::new(label, (7, dy), ("sans-serif", 11).into_font().color(&c))])
            .map_err(|e| failed(&e))?;
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .background_style(WHITE.mix(0.9))
        .border_style(RGBColor(200, 200, 200))
        .label_font(("sans-serif", 12))
        .draw()
        .map_err(|e| failed(&e))?;
    root.present().map_err(|e| failed(&e))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::machine::{Bandwidth, Rate};

    fn figures() -> Figures {
        Figures {
            cpu: "test".into(),
            threads: 2,
            caches: String::new(),
            array_bytes: 1 << 26,
            array_note: None,
            one_thread: Bandwidth {
                copy: 10e9,
                triad: 10e9,
            },
            all_threads: Bandwidth {
                copy: 20e9,
                triad: 20e9,
            },
            rates: vec![
                Rate {
                    name: "SSE2".into(),
                    lanes: 2,
                    fused: false,
                    one_thread: 16e9,
                    all_threads: 32e9,
                },
                Rate {
                    name: "AVX-512".into(),
                    lanes: 8,
                    fused: true,
                    one_thread: 100e9,
                    all_threads: 200e9,
                },
            ],
            build: "SSE2".into(),
        }
    }

    fn point(bytes: f64, flops: f64, seconds: f64) -> Point {
        Point {
            kernel: "k".into(),
            side: "reference",
            threads: 2,
            seconds,
            cost: Cost { bytes, flops },
        }
    }

    #[test]
    fn the_roof_is_memory_below_the_ridge_and_the_peak_above() {
        let f = figures();
        // Ridge on 2 threads: 32e9 / 20e9 = 1.6 flop per byte.
        assert_eq!(roof(&f, 2, 0.5), (10e9, true));
        assert_eq!(roof(&f, 2, 10.0), (32e9, false));
        // A triad-like kernel at the bandwidth: 100% of its roof.
        let p = point(24e9, 2e9, 1.2);
        assert!(
            (fraction(&f, &p) - 1.0).abs() < 1e-12,
            "{}",
            fraction(&f, &p)
        );
        // A compute-bound one at half the peak.
        let p = point(1e6, 16e9, 1.0);
        assert!((fraction(&f, &p) - 0.5).abs() < 1e-12);
        // A copy (no arithmetic) by its bandwidth.
        let p = point(10e9, 0.0, 1.0);
        assert!((fraction(&f, &p) - 0.5).abs() < 1e-12);
    }

    #[test]
    fn the_table_says_bound_and_fraction_and_the_plot_has_axes() {
        let f = figures();
        let t = table(&f, 2, &[point(24e9, 2e9, 1.2)]);
        assert!(t.contains("memory") && t.contains("100%"), "{t}");
        assert!(t.contains("24.0 GB") && t.contains("2.00 Gflop"), "{t}");
        let svg = svg("velocity", &f, &[point(24e9, 2e9, 1.2)]);
        assert!(svg.starts_with("<svg"), "{svg}");
        for text in [
            "arithmetic intensity",
            "GFLOP/s attained",
            "roof, all threads",
            "AVX-512 peak",
        ] {
            assert!(svg.contains(text), "{text}");
        }
    }
}
