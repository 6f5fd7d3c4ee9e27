//! Thread sweeps: the speed-up of each kernel against the thread count, Amdahl's law fitted to
//! it, printed and drawn.

use crate::files;
use crate::measure::human_duration;
use anyhow::Result;
use std::fmt::Write as _;
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

/// A small SVG line chart: measured speed-ups as dots and lines, the fitted Amdahl curves dashed,
/// and the ideal (linear) speed-up in grey.
/// A kernel's curve: its name, the measured (relative threads, speed-up) points, the fitted f.
type Curve = (String, Vec<(f64, f64)>, f64);

fn scaling_svg(title: &str, curves: &[Curve]) -> String {
    let (w, h, left, bottom, top, right) = (640.0, 420.0, 60.0, 50.0, 40.0, 170.0);
    let max_p = curves
        .iter()
        .flat_map(|c| c.1.iter().map(|p| p.0))
        .fold(1.0_f64, f64::max);
    let max_s = curves
        .iter()
        .flat_map(|c| c.1.iter().map(|p| p.1))
        .fold(max_p, f64::max);
    let x = |p: f64| left + (p - 1.0) / (max_p - 1.0).max(1e-9) * (w - left - right);
    let y = |s: f64| h - bottom - s / max_s * (h - bottom - top);
    let colours = [
        "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b",
    ];
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg xmlns='http://www.w3.org/2000/svg' width='{w}' height='{h}' font-family='sans-serif' font-size='12'>\
         <rect width='100%' height='100%' fill='white'/>\
         <text x='{}' y='24' font-size='15' text-anchor='middle'>{title}: speed-up against threads</text>\
         <line x1='{left}' y1='{}' x2='{}' y2='{}' stroke='black'/>\
         <line x1='{left}' y1='{}' x2='{left}' y2='{top}' stroke='black'/>\
         <line x1='{}' y1='{}' x2='{}' y2='{}' stroke='#bbb'/>",
        (w - right + left) / 2.0,
        h - bottom,
        w - right,
        h - bottom,
        h - bottom,
        x(1.0),
        y(1.0),
        x(max_p),
        y(max_p.min(max_s))
    );
    for i in 0..=4 {
        let p = 1.0 + (max_p - 1.0) * i as f64 / 4.0;
        let s = max_s * i as f64 / 4.0;
        let _ = write!(
            svg,
            "<text x='{:.1}' y='{}' text-anchor='middle'>{p:.1}</text><text x='{}' y='{:.1}' text-anchor='end'>{s:.1}</text>",
            x(p),
            h - bottom + 16.0,
            left - 6.0,
            y(s) + 4.0
        );
    }
    let _ = write!(
        svg,
        "<text x='{}' y='{}' text-anchor='middle'>threads (relative to the first count)</text>",
        (w - right + left) / 2.0,
        h - 12.0
    );
    for (i, (name, points, f)) in curves.iter().enumerate() {
        let c = colours[i % colours.len()];
        let measured: Vec<String> = points
            .iter()
            .map(|&(p, s)| format!("{:.1},{:.1}", x(p), y(s)))
            .collect();
        let fitted: Vec<String> = (0..=50)
            .map(|j| 1.0 + (max_p - 1.0) * j as f64 / 50.0)
            .map(|p| format!("{:.1},{:.1}", x(p), y(amdahl(*f, p))))
            .collect();
        let _ = write!(
            svg,
            "<polyline points='{}' fill='none' stroke='{c}' stroke-width='2'/>\
             <polyline points='{}' fill='none' stroke='{c}' stroke-dasharray='5,4'/>",
            measured.join(" "),
            fitted.join(" ")
        );
        for &(p, s) in points {
            let _ = write!(
                svg,
                "<circle cx='{:.1}' cy='{:.1}' r='3.5' fill='{c}'/>",
                x(p),
                y(s)
            );
        }
        let _ = write!(
            svg,
            "<text x='{}' y='{}' fill='{c}'>{name} (f = {f:.3})</text>",
            w - right + 10.0,
            top + 20.0 + 18.0 * i as f64
        );
    }
    let _ = write!(
        svg,
        "<text x='{}' y='{}' fill='#888'>dashed: Amdahl fit</text></svg>",
        w - right + 10.0,
        top + 20.0 + 18.0 * curves.len() as f64
    );
    svg
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
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("a (f = 0.100)") && svg.contains("b (f = 0.600)"));
    }
}
