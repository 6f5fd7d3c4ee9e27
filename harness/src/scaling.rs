//! Thread sweeps: the speed-up of each kernel against the thread count, Amdahl's law fitted to
//! it, printed and drawn.

use crate::files;
use crate::measure::human_duration;
use anyhow::Result;
use std::path::Path;
use std::time::Duration;

/// One kernel's medians over a sweep: (threads, median).
pub type Sweep = (String, Vec<(usize, Duration)>);

/// Amdahl's law: the speed-up on `p` threads of a program whose serial fraction is `f`.
pub fn amdahl(f: f64, p: f64) -> f64 {
    1.0 / (f + (1.0 - f) / p)
}

/// The serial fraction that fits measured (threads, speed-up) points best, by least squares
/// over a fine grid of fractions (the fit is one-dimensional and cheap).
pub fn fit_serial_fraction(points: &[(f64, f64)]) -> f64 {
    let cost = |f: f64| {
        points
            .iter()
            .map(|&(p, s)| (amdahl(f, p) - s).powi(2))
            .sum::<f64>()
    };
    (0..=10_000)
        .map(|i| i as f64 / 10_000.0)
        .min_by(|a, b| cost(*a).total_cmp(&cost(*b)))
        .unwrap_or(1.0)
}

/// The speed-up of each swept kernel, its Amdahl fit as a table, and the plot.
pub fn print_scaling(chapter: &str, sweep: &[Sweep], plot: &Path) -> Result<()> {
    println!("scaling of the reference kernels (speed-up against the first thread count):");
    let mut curves = Vec::new();
    for (kernel, points) in sweep {
        let Some(&(p0, t0)) = points.first() else {
            continue;
        };
        let speedups: Vec<(f64, f64)> = points
            .iter()
            .map(|&(p, t)| {
                (
                    p as f64 / p0 as f64,
                    t0.as_secs_f64() / t.as_secs_f64().max(1e-12),
                )
            })
            .collect();
        // More threads than cores only take turns on them: Amdahl's law describes the counts
        // the machine can run at once, so the fit uses those (all of them if fewer than two).
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let runnable: Vec<(f64, f64)> = points
            .iter()
            .zip(&speedups)
            .filter(|((p, _), _)| *p <= cores)
            .map(|(_, s)| *s)
            .collect();
        let fitted_on = if runnable.len() >= 2 {
            &runnable
        } else {
            &speedups
        };
        let f = fit_serial_fraction(fitted_on);
        println!(
            "  {kernel}: serial fraction f = {f:.3} fits best (Amdahl: S(p) = 1 / (f + (1 - f) / p)){}",
            if fitted_on.len() < speedups.len() {
                format!(", fitted on up to {cores} threads: this machine has {cores} cores")
            } else {
                String::new()
            }
        );
        println!(
            "    {:>8} {:>10} {:>9} {:>9} {:>11}",
            "threads", "median", "speed-up", "Amdahl", "efficiency"
        );
        for (&(p, t), &(rel, s)) in points.iter().zip(&speedups) {
            println!(
                "    {:>8} {:>10} {:>8.2}x {:>8.2}x {:>10.0}%",
                p,
                human_duration(t),
                s,
                amdahl(f, rel),
                100.0 * s / rel
            );
        }
        curves.push((kernel.to_string(), speedups, f));
    }
    files::write_file(plot, scaling_svg(chapter, &curves).as_bytes())?;
    println!("  plot: {}", files::shown(plot));
    Ok(())
}

/// A kernel's curve: its name, the measured (relative threads, speed-up) points, the fitted f.
type Curve = (String, Vec<(f64, f64)>, f64);

/// The sweep as an SVG chart: measured speed-ups as dots and lines, each kernel's fitted Amdahl
/// curve dashed in its colour, the ideal (linear) speed-up in grey; a title, both axes named
/// with their values, and a legend.
fn scaling_svg(title: &str, curves: &[Curve]) -> String {
    let mut svg = String::new();
    if let Err(e) = draw_scaling(&mut svg, title, curves) {
        // Drawing into a string only fails on a bug; the table above has the numbers.
        return format!(
            "<svg xmlns='http://www.w3.org/2000/svg'><text x='10' y='20'>cannot draw the plot: {e}</text></svg>"
        );
    }
    svg
}

fn draw_scaling(svg: &mut String, title: &str, curves: &[Curve]) -> Result<()> {
    use plotters::prelude::*;
    let failed = |e: &dyn std::fmt::Debug| anyhow::anyhow!("{e:?}");
    crate::picture::fonts();
    let max_p = curves
        .iter()
        .flat_map(|c| c.1.iter().map(|p| p.0))
        .fold(2.0_f64, f64::max);
    let max_s = curves
        .iter()
        .flat_map(|c| c.1.iter().map(|p| p.1))
        .fold(max_p, f64::max)
        * 1.08;
    let colours = crate::picture::PALETTE;
    let root = SVGBackend::with_string(svg, (720, 480)).into_drawing_area();
    root.fill(&WHITE).map_err(|e| failed(&e))?;
    let mut chart = ChartBuilder::on(&root)
        .caption(
            format!("{title}: speed-up against threads"),
            ("sans-serif", 20),
        )
        .margin(14)
        .x_label_area_size(46)
        .y_label_area_size(56)
        .build_cartesian_2d(1.0..max_p, 0.0..max_s)
        .map_err(|e| failed(&e))?;
    chart
        .configure_mesh()
        .light_line_style(RGBColor(240, 240, 240))
        .x_desc("threads (relative to the first count)")
        .y_desc("speed-up over the first count")
        .axis_desc_style(("sans-serif", 15))
        .label_style(("sans-serif", 13))
        .draw()
        .map_err(|e| failed(&e))?;
    let grey = RGBColor(170, 170, 170);
    chart
        .draw_series(LineSeries::new([(1.0, 1.0), (max_p, max_p)], grey))
        .map_err(|e| failed(&e))?
        .label("ideal: speed-up = threads")
        .legend(move |(x, y)| PathElement::new([(x, y), (x + 20, y)], grey));
    for (i, (name, points, f)) in curves.iter().enumerate() {
        let c = colours[i % colours.len()];
        chart
            .draw_series(LineSeries::new(points.iter().copied(), c.stroke_width(2)))
            .map_err(|e| failed(&e))?
            .label(format!("{name} (f = {f:.3})"))
            .legend(move |(x, y)| PathElement::new([(x, y), (x + 20, y)], c.stroke_width(2)));
        chart
            .draw_series(points.iter().map(|&p| Circle::new(p, 4, c.filled())))
            .map_err(|e| failed(&e))?;
        let fitted = (0..=50).map(|j| {
            let p = 1.0 + (max_p - 1.0) * j as f64 / 50.0;
            (p, amdahl(*f, p))
        });
        chart
            .draw_series(DashedLineSeries::new(fitted, 6, 4, c.into()))
            .map_err(|e| failed(&e))?;
    }
    // The legend's last line says what the dashes are.
    chart
        .draw_series(std::iter::empty::<Circle<(f64, f64), i32>>())
        .map_err(|e| failed(&e))?
        .label("dashed: Amdahl's law fitted, S(p) = 1 / (f + (1 - f) / p)")
        .legend(move |(x, y)| PathElement::new([(x, y), (x + 8, y)], grey));
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .background_style(WHITE.mix(0.9))
        .border_style(RGBColor(200, 200, 200))
        .label_font(("sans-serif", 13))
        .draw()
        .map_err(|e| failed(&e))?;
    root.present().map_err(|e| failed(&e))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amdahl_limits() {
        assert_eq!(amdahl(0.0, 8.0), 8.0);
        assert_eq!(amdahl(1.0, 8.0), 1.0);
        assert!(
            (amdahl(0.1, 1e12) - 10.0).abs() < 1e-6,
            "speed-up is capped at 1 / f"
        );
    }

    #[test]
    fn fit_recovers_a_known_serial_fraction() {
        let points: Vec<(f64, f64)> = [1.0, 2.0, 4.0, 8.0, 16.0]
            .iter()
            .map(|&p| (p, amdahl(0.07, p)))
            .collect();
        assert!((fit_serial_fraction(&points) - 0.07).abs() < 1e-4);
    }

    #[test]
    fn plot_is_one_svg_with_every_kernel() {
        let svg = scaling_svg(
            "t",
            &[
                ("a".into(), vec![(1.0, 1.0), (2.0, 1.8)], 0.1),
                ("b".into(), vec![(1.0, 1.0), (2.0, 1.2)], 0.6),
            ],
        );
        assert!(
            svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"),
            "{svg}"
        );
        assert!(svg.contains("a (f = 0.100)") && svg.contains("b (f = 0.600)"));
        // A title, both axes named, and the ideal line in the legend.
        for text in [
            "t: speed-up against threads",
            "threads (relative to the first count)",
            "speed-up over the first count",
            "ideal: speed-up = threads",
        ] {
            assert!(svg.contains(text), "{text}");
        }
    }
}
