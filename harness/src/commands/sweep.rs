//! `sweep CHAPTER --param NAME=V1,V2,...`: the reference kernels timed at each value of one
//! parameter (the runner's `bench --solution --json`, once a value), a table of medians with
//! each kernel's speed-up over its case's baseline, the value where a kernel first overtakes
//! the baseline (the crossover), and a log-log plot of the times.

use crate::data::ChapterData;
use crate::files;
use crate::launch;
use crate::measure::human_duration;
use anyhow::{Context, Result, bail};
use serde::Deserialize;
use std::path::Path;
use std::time::Duration;

#[derive(Debug, Deserialize)]
struct Row {
    case: String,
    kernel: String,
    median_s: f64,
}

/// A kernel's times: its case, its name, (parameter value, median seconds).
type Series = (String, String, Vec<(f64, f64)>);

/// `NAME=V1,V2,...` as the name and the values.
pub fn parse(param: &str) -> Result<(String, Vec<u64>)> {
    let Some((name, list)) = param.split_once('=') else {
        bail!("--param wants NAME=V1,V2,... (e.g. cells=8,16,32), not `{param}`");
    };
    let values = list
        .split(',')
        .map(|v| crate::chapter::parse_positive(name, v.trim()))
        .collect::<Result<Vec<u64>>>()?;
    if values.len() < 2 {
        bail!("--param {name}: a sweep needs at least two values");
    }
    Ok((name.to_string(), values))
}

pub fn run(
    chapter: &ChapterData,
    param: &str,
    kernels: &[String],
    seconds: f64,
    plot: &Path,
) -> Result<()> {
    let (name, values) = parse(param)?;
    if !chapter.params.iter().any(|p| p.name == name) {
        bail!("chapter {} has no parameter `{name}`", chapter.name);
    }
    let mut series: Vec<Series> = Vec::new();
    for &v in &values {
        let mut args: Vec<String> = ["bench", &chapter.name, "--solution", "--json"]
            .map(String::from)
            .to_vec();
        args.extend([format!("--{name}"), v.to_string()]);
        args.extend(["--seconds".to_string(), seconds.to_string()]);
        if !kernels.is_empty() {
            args.extend(["--kernel".to_string(), kernels.join(",")]);
        }
        let text = launch::output_of(chapter, &args)?;
        for line in text.lines().filter(|l| l.starts_with('{')) {
            let row: Row = serde_json::from_str(line).with_context(|| {
                format!("chapter {} printed a line sweep cannot read", chapter.name)
            })?;
            let point = (v as f64, row.median_s);
            match series
                .iter_mut()
                .find(|s| s.0 == row.case && s.1 == row.kernel)
            {
                Some(s) => s.2.push(point),
                None => series.push((row.case, row.kernel, vec![point])),
            }
        }
    }
    print!("{}", table(&chapter.name, &name, &values, &series));
    files::write_file(plot, svg(&chapter.name, &name, &series).as_bytes())?;
    println!("plot: {}", files::shown(plot));
    Ok(())
}

/// The medians, one row per value, one column per kernel, each with its speed-up over the
/// first kernel of its case; then each kernel's crossover.
fn table(chapter: &str, name: &str, values: &[u64], series: &[Series]) -> String {
    let mut out = format!(
        "{chapter}: reference medians against {name} (speed-up over the case's first kernel)\n"
    );
    out.push_str(&format!("  {name:>8}"));
    for s in series {
        out.push_str(&format!(" {:>20}", s.1));
    }
    out.push('\n');
    let at = |s: &Series, v: u64| s.2.iter().find(|p| p.0 == v as f64).map(|p| p.1);
    let base = |s: &Series| series.iter().find(|b| b.0 == s.0);
    for &v in values {
        out.push_str(&format!("  {v:>8}"));
        for s in series {
            let cell = match (at(s, v), base(s).and_then(|b| at(b, v))) {
                (Some(t), Some(b)) => format!(
                    "{} {:>6.2}x",
                    human_duration(Duration::from_secs_f64(t)),
                    b / t.max(1e-12)
                ),
                _ => "-".to_string(),
            };
            out.push_str(&format!(" {cell:>20}"));
        }
        out.push('\n');
    }
    for s in series {
        let Some(b) = base(s) else { continue };
        if std::ptr::eq(b, s) {
            continue;
        }
        let faster = values
            .iter()
            .find(|&&v| matches!((at(s, v), at(b, v)), (Some(t), Some(bt)) if t < bt));
        out.push_str(&match faster {
            Some(v) => format!("  crossover: {} overtakes {} from {name} = {v}\n", s.1, b.1),
            None => format!(
                "  crossover: {} is slower than {} at every {name} swept\n",
                s.1, b.1
            ),
        });
    }
    out
}

/// The medians against the parameter, log-log, one line per kernel.
fn svg(chapter: &str, name: &str, series: &[Series]) -> String {
    let mut svg = String::new();
    if let Err(e) = draw(&mut svg, chapter, name, series) {
        // Drawing into a string only fails on a bug; the table has the numbers.
        return format!(
            "<svg xmlns='http://www.w3.org/2000/svg'><text x='10' y='20'>cannot draw the plot: {e}</text></svg>"
        );
    }
    svg
}

fn draw(svg: &mut String, chapter: &str, name: &str, series: &[Series]) -> Result<()> {
    use plotters::prelude::*;
    let failed = |e: &dyn std::fmt::Debug| anyhow::anyhow!("{e:?}");
    crate::picture::fonts();
    let points = || series.iter().flat_map(|s| s.2.iter().copied());
    let (x0, x1) = points().fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.0), b.max(p.0)));
    let (y0, y1) = points().fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.1), b.max(p.1)));
    if x0 > x1 || y0 > y1 {
        bail!("nothing was timed");
    }
    let root = SVGBackend::with_string(svg, (720, 480)).into_drawing_area();
    root.fill(&WHITE).map_err(|e| failed(&e))?;
    let mut chart = ChartBuilder::on(&root)
        .caption(
            format!("{chapter}: time against {name}"),
            ("sans-serif", 20),
        )
        .margin(14)
        .x_label_area_size(46)
        .y_label_area_size(70)
        .build_cartesian_2d(
            (x0 / 1.2..x1 * 1.2).log_scale(),
            (y0 / 2.0..y1 * 2.0).log_scale(),
        )
        .map_err(|e| failed(&e))?;
    chart
        .configure_mesh()
        .light_line_style(RGBColor(240, 240, 240))
        .x_desc(format!("{name} (log scale)"))
        .y_desc("median time, seconds (log scale)")
        .axis_desc_style(("sans-serif", 15))
        .label_style(("sans-serif", 13))
        .draw()
        .map_err(|e| failed(&e))?;
    let colours = crate::picture::PALETTE;
    for (i, (case, kernel, pts)) in series.iter().enumerate() {
        let c = colours[i % colours.len()];
        chart
            .draw_series(LineSeries::new(pts.iter().copied(), c.stroke_width(2)))
            .map_err(|e| failed(&e))?
            .label(format!("{kernel} ({case})"))
            .legend(move |(x, y)| PathElement::new([(x, y), (x + 20, y)], c.stroke_width(2)));
        chart
            .draw_series(pts.iter().map(|&p| Circle::new(p, 4, c.filled())))
            .map_err(|e| failed(&e))?;
    }
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

    fn series() -> Vec<Series> {
        vec![
            ("c".into(), "cpu".into(), vec![(8.0, 0.001), (16.0, 0.016)]),
            ("c".into(), "gpu".into(), vec![(8.0, 0.010), (16.0, 0.012)]),
        ]
    }

    #[test]
    fn parse_reads_a_name_and_its_values() {
        assert_eq!(parse("cells=8,16").unwrap(), ("cells".into(), vec![8, 16]));
        assert!(parse("cells").is_err());
        assert!(parse("cells=8").is_err());
    }

    #[test]
    fn the_table_finds_the_crossover() {
        let t = table("x", "cells", &[8, 16], &series());
        assert!(t.contains("gpu overtakes cpu from cells = 16"), "{t}");
    }

    #[test]
    fn the_plot_is_one_svg_with_its_axes_and_every_kernel() {
        let s = svg("x", "cells", &series());
        assert!(
            s.starts_with("<svg") && s.trim_end().ends_with("</svg>"),
            "{s}"
        );
        for text in [
            "x: time against cells",
            "cells (log scale)",
            "cpu (c)",
            "gpu (c)",
        ] {
            assert!(s.contains(text), "{text} missing");
        }
    }
}
