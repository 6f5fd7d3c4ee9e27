//! The chapter's picture of a run: every body's path seen from above (x to the right, y
//! upwards), one colour per body, a dot where it ends.

use anyhow::{Result, bail};
use harness::output::Trajectories;

const SIZE: usize = 640;
const MARGIN: f64 = 0.05;

/// Encodes the x-y projection of `t` as a PNG.
pub fn trajectories_png(t: &Trajectories) -> Result<Vec<u8>> {
    if t.frames == 0 || t.bodies == 0 || t.xyz.len() != t.frames * t.bodies * 3 {
        bail!("cannot draw trajectories with no frames or no bodies");
    }
    let point = |frame: usize, body: usize| {
        let at = (frame * t.bodies + body) * 3;
        (t.xyz[at], t.xyz[at + 1])
    };
    let finite: Vec<(f64, f64)> = (0..t.frames)
        .flat_map(|f| (0..t.bodies).map(move |b| (f, b)))
        .map(|(f, b)| point(f, b))
        .filter(|(x, y)| x.is_finite() && y.is_finite())
        .collect();
    if finite.is_empty() {
        bail!("cannot draw trajectories: no position is a finite number");
    }
    let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for &(x, y) in &finite {
        (x0, x1, y0, y1) = (x0.min(x), x1.max(x), y0.min(y), y1.max(y));
    }
    // One scale for both axes, so that circles stay round.
    let span = (x1 - x0).max(y1 - y0).max(1e-12) * (1.0 + 2.0 * MARGIN);
    let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    let to_pixel = |(x, y): (f64, f64)| {
        let px = ((x - cx) / span + 0.5) * (SIZE - 1) as f64;
        let py = (0.5 - (y - cy) / span) * (SIZE - 1) as f64;
        (px, py)
    };
    let mut pixels = vec![255u8; SIZE * SIZE * 3];
    let mut plot = |px: f64, py: f64, c: colorous::Color| {
        if px >= 0.0 && py >= 0.0 && (px as usize) < SIZE && (py as usize) < SIZE {
            let at = ((py as usize) * SIZE + px as usize) * 3;
            pixels[at..at + 3].copy_from_slice(&[c.r, c.g, c.b]);
        }
    };
    for body in 0..t.bodies {
        let colour = colorous::TABLEAU10[body % colorous::TABLEAU10.len()];
        for frame in 1..t.frames {
            let (a, b) = (point(frame - 1, body), point(frame, body));
            if !(a.0.is_finite() && a.1.is_finite() && b.0.is_finite() && b.1.is_finite()) {
                continue;
            }
            let ((ax, ay), (bx, by)) = (to_pixel(a), to_pixel(b));
            let steps = (bx - ax).abs().max((by - ay).abs()).ceil().max(1.0) as usize;
            for s in 0..=steps {
                let f = s as f64 / steps as f64;
                plot(ax + f * (bx - ax), ay + f * (by - ay), colour);
            }
        }
        let end = point(t.frames - 1, body);
        if end.0.is_finite() && end.1.is_finite() {
            let (ex, ey) = to_pixel(end);
            for dy in -3..=3 {
                for dx in -3..=3 {
                    if dx * dx + dy * dy <= 9 {
                        plot(ex + dx as f64, ey + dy as f64, colour);
                    }
                }
            }
        }
    }
    harness::picture::rgb_png(&pixels, SIZE, SIZE)
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
        let png = trajectories_png(&t).unwrap();
        assert_eq!(&png[1..4], b"PNG");
        let empty = Trajectories {
            frames: 0,
            bodies: 2,
            xyz: vec![],
        };
        assert!(trajectories_png(&empty).is_err());
    }
}
