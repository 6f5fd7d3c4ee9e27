//! Progress on stderr for work that may take more than a couple of seconds (bench, reproduce,
//! flamegraph, a large `run`): a spinner or a bar with the time spent and an estimate of what
//! is left, drawn with indicatif. Nothing is drawn unless stderr is a terminal, so the output
//! that `reproduce` captures and writes under `book/src/measured/`, a pipe or a CI log, stays
//! exactly the tables.

use indicatif::{HumanDuration, ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use std::fmt::Write as _;
use std::io::IsTerminal;
use std::time::Duration;

/// How often a spinner redraws: often enough to show it is alive, rarely enough to cost nothing
/// beside a kernel (one short write to the terminal a tenth of a second, on its own thread).
const TICK: Duration = Duration::from_millis(120);

/// Whether progress is drawn: stderr is a terminal, and `WORKBOOK_NO_PROGRESS` is not set.
pub fn drawn() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("WORKBOOK_NO_PROGRESS").is_none()
}

/// A spinner or bar on stderr, cleared when dropped. Print through [`Progress::println`] while
/// it is shown, so lines and bar do not mix.
pub struct Progress {
    bar: ProgressBar,
}

impl Progress {
    /// One piece of work: "⠙ running laue naive (yours)  12s of about 40s". `expected`, when
    /// known, gives the estimate; without it the spinner shows the time spent.
    pub fn work(message: impl Into<String>, expected: Option<Duration>) -> Progress {
        let style = ProgressStyle::with_template("{spinner} {msg}  {elapsed}{expected}")
            .expect("a valid template")
            .with_key(
                "expected",
                move |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = w.write_str(&expected_text(state.elapsed(), expected));
                },
            );
        Progress::start(ProgressBar::new_spinner(), style, message)
    }

    /// `steps` steps of similar length: "[#####>    ] 3/12 laue tables (reference)  42s, about
    /// 1m left". Before the first step is done, `per_step` (when known) gives the estimate.
    pub fn steps(steps: u64, message: impl Into<String>, per_step: Option<Duration>) -> Progress {
        let style =
            ProgressStyle::with_template("{spinner} [{bar:24}] {pos}/{len} {msg}  {elapsed}{left}")
                .expect("a valid template")
                .progress_chars("=> ")
                .with_key(
                    "left",
                    move |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                        let _ = w.write_str(&left_text(state, per_step));
                    },
                );
        Progress::start(ProgressBar::new(steps), style, message)
    }

    fn start(bar: ProgressBar, style: ProgressStyle, message: impl Into<String>) -> Progress {
        if drawn() {
            bar.set_draw_target(ProgressDrawTarget::stderr());
            bar.set_style(style);
            bar.set_message(message.into());
            bar.enable_steady_tick(TICK);
        } else {
            bar.set_draw_target(ProgressDrawTarget::hidden());
        }
        Progress { bar }
    }

    pub fn set_message(&self, message: impl Into<String>) {
        self.bar.set_message(message.into());
    }

    /// One step done.
    pub fn step(&self) {
        self.bar.inc(1);
    }

    /// `steps` steps done, or skipped.
    pub fn advance(&self, steps: u64) {
        self.bar.inc(steps);
    }

    /// Prints `line` on stdout, above the bar.
    pub fn println(&self, line: impl AsRef<str>) {
        self.bar.suspend(|| println!("{}", line.as_ref()));
    }

    /// Runs `f` (which prints) with the bar out of the way.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        self.bar.suspend(f)
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}

/// " of about 40s", or " (longer than the 40s expected)" once past it; "" without an estimate.
fn expected_text(elapsed: Duration, expected: Option<Duration>) -> String {
    match expected {
        Some(e) if elapsed <= e => format!(" of about {}", HumanDuration(e)),
        Some(e) => format!(" (longer than the {} expected)", HumanDuration(e)),
        None => String::new(),
    }
}

/// ", about 1 minute left" from the pace so far, or from `per_step` before the first step.
fn left_text(state: &ProgressState, per_step: Option<Duration>) -> String {
    let left = match (state.pos(), state.len(), per_step) {
        (0, Some(len), Some(step)) => step.saturating_mul(len.min(u32::MAX as u64) as u32),
        (0, _, _) => return String::new(),
        _ => state.eta(),
    };
    let mut text = String::new();
    let _ = write!(text, ", about {} left", HumanDuration(left));
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn estimates_read_as_words() {
        let s = Duration::from_secs;
        assert_eq!(expected_text(s(3), Some(s(40))), " of about 40 seconds");
        assert_eq!(
            expected_text(s(50), Some(s(40))),
            " (longer than the 40 seconds expected)"
        );
        assert_eq!(expected_text(s(3), None), "");
    }

    #[test]
    fn nothing_is_drawn_off_a_terminal() {
        // Tests run with stderr captured, as `reproduce` runs the commands it measures.
        if !std::io::stderr().is_terminal() {
            assert!(!drawn());
            let p = Progress::steps(3, "x", None);
            assert!(p.bar.is_hidden());
        }
    }
}
