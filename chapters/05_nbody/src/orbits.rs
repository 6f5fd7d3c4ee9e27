//! The chapter's picture of a run: every body's path seen from above (x to the right, y
//! upwards), one colour per body, a dot where it ends, on axes with their values.

use anyhow::{Result, bail};
use harness::output::Trajectories;
use harness::picture::{Paths, Picture, paths_png};

/// Draws the x-y projection of `t`, and says what it shows.
pub fn trajectories_png(t: &Trajectories) -> Result<Picture> {
    if t.frames == 0 || t.bodies == 0 || t.xyz.len() != t.frames * t.bodies * 3 {
        bail!("cannot draw trajectories with no frames or no bodies");
    }
    let paths: Vec<Vec<(f64, f64)>> = (0..t.bodies)
        .map(|body| {
            (0..t.frames)
                .map(|frame| {
                    let at = (frame * t.bodies + body) * 3;
                    (t.xyz[at], t.xyz[at + 1])
                })
                .collect()
        })
        .collect();
    let finite = || {
        paths
            .iter()
            .flatten()
            .filter(|(x, y)| x.is_finite() && y.is_finite())
    };
    if finite().next().is_none() {
        bail!("cannot draw trajectories: no position is a finite number");
    }
    let range = |pick: fn(&(f64, f64)) -> f64| {
        finite()
            .map(pick)
            .fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)))
    };
    let ((x0, x1), (y0, y1)) = (range(|p| p.0), range(|p| p.1));
    let subtitle = format!(
        "{} bodies over {} frames, one colour each; a dot where each ends",
        t.bodies, t.frames
    );
    let png = paths_png(&Paths {
        title: "N-body: the bodies' paths seen from above",
        subtitle: &subtitle,
        x: "x",
        y: "y",
        paths,
    })?;
    Ok(Picture {
        png,
        shows: vec![
            format!(
                "the paths of {} bodies over {} frames, projected on the x-y plane: x from {x0:.3} to {x1:.3} to the right, y from {y0:.3} to {y1:.3} upwards (one scale for both)",
                t.bodies, t.frames
            ),
            "one colour per body, a dot where each ends".to_string(),
        ],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_a_png_and_refuses_empty_input() {
        let t = Trajectories {
            frames: 3,
            bodies: 2,
            xyz: vec![
                0., 0., 0., 1., 1., 0., 0.1, 0., 0., 1., 0.9, 0., 0.2, 0.1, 0., 0.9, 0.8, 0.,
            ],
        };
        let picture = trajectories_png(&t).unwrap();
        assert_eq!(&picture.png[1..4], b"PNG");
        assert!(
            picture.shows[0].contains("x from 0.000 to 1.000"),
            "{:?}",
            picture.shows
        );
        let empty = Trajectories {
            frames: 0,
            bodies: 2,
            xyz: vec![],
        };
        assert!(trajectories_png(&empty).is_err());
    }
}
