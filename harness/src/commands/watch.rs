//! `cargo workbook watch [CHAPTER]`: the chapter's tests run again each time a file of its
//! exercise is saved, and the screen shows the first failing test, with its message and values,
//! and the next step. When every test of the chapter passes, the next chapter takes its place.
//! With no chapter named it starts at the first one that is not done, the one `status` calls
//! next. `q` or Ctrl-C quits.
//!
//! In a terminal the screen is redrawn after each run and keys are read in raw mode, which a
//! guard puts back on every way out (return, error, panic). Outside one (output piped to a file,
//! an editor's pane, a test) it works line by line rather than refusing: each report is printed
//! below the last, and a line `q` on standard input, or Ctrl-C, quits. Nothing there needs a
//! terminal, and the launcher's tests drive it that way.
//!
//! The decisions (which failure first, what next, when to move on) are [`Progress`] and
//! [`verdict`], apart from the terminal, so that unit tests can follow them run by run.

use crate::catalog;
use crate::check::{self, TestOutcome, TestRun};
use crate::data::ChapterData;
use anyhow::{Context, Result, anyhow, bail};
use crossterm::event::{self as key, KeyCode, KeyEventKind, KeyModifiers};
use crossterm::{cursor, execute, terminal};
use notify::{EventKind, RecursiveMode, Watcher};
use std::io::{BufRead, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// How long the files must stay quiet after a change before the tests run: an editor's save is
/// often several writes (a temporary file, a rename), and one save runs the tests once.
const DEBOUNCE: Duration = Duration::from_millis(200);

/// How many lines of the compiler's errors a screen shows.
const ERROR_LINES: usize = 20;

// ---- What a run of the tests says, and where the watch goes next.

/// What one run of a chapter's tests says.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// Every test passes.
    Done { total: usize },
    /// Some fail: the one to look at first, the names of the others, and what to do.
    Failing {
        passed: usize,
        total: usize,
        first: TestOutcome,
        others: Vec<String>,
        next: String,
    },
    /// The exercise does not compile: the first error ("FILE:LINE: message"), and cargo's text.
    Broken { first: String, errors: String },
    /// No test ran, for another reason: cargo's last words.
    NoTests { said: String },
}

/// Reads a run of `chapter`'s tests.
pub fn verdict(chapter: &ChapterData, run: &TestRun) -> Verdict {
    if let Some((first, errors)) = &run.compile_error {
        return Verdict::Broken {
            first: first.clone(),
            errors: errors.clone(),
        };
    }
    if run.outcomes.is_empty() {
        let said: Vec<&str> = run.stderr.trim_end().lines().rev().take(5).collect();
        let said: Vec<&str> = said.into_iter().rev().collect();
        return Verdict::NoTests {
            said: said.join("\n"),
        };
    }
    let total = run.outcomes.len();
    let failed = run.failed();
    let Some(first) = first_failure(&failed, &chapter.stubs()) else {
        // A Python binding's tests run under pytest (`check`), not here: while its function
        // still holds todo!(), the chapter is not done.
        let binding = (!chapter.pytest.is_empty())
            .then(|| crate::commands::hint::stubs_with_todo(chapter))
            .and_then(|todo| todo.into_iter().next());
        if let Some(stub) = binding {
            return Verdict::Failing {
                passed: total,
                total,
                first: TestOutcome {
                    name: format!("fn {stub}"),
                    passed: false,
                    why: Some(format!(
                        "still holds its todo!(); its pytest tests run with `cargo workbook check {}`",
                        chapter.name
                    )),
                    place: None,
                },
                others: Vec::new(),
                next: format!(
                    "fill in fn {stub} in {}/src/, then `cargo workbook check {}`",
                    chapter.exercise_dir(),
                    chapter.name
                ),
            };
        }
        return Verdict::Done { total };
    };
    Verdict::Failing {
        passed: total - failed.len(),
        total,
        next: next_step(chapter, first),
        others: failed
            .iter()
            .filter(|o| o.name != first.name)
            .map(|o| o.name.clone())
            .collect(),
        first: first.clone(),
    }
}

/// The failure to look at first: a test that ran the learner's code and got a wrong answer (or
/// a panic) comes before one that met a `todo!()`; among those, the stub the book asks for
/// first (`order`); else the first by name.
fn first_failure<'a>(failed: &[&'a TestOutcome], order: &[&str]) -> Option<&'a TestOutcome> {
    failed
        .iter()
        .min_by_key(|o| match check::todo_stub(o) {
            None => (0, 0),
            Some((_, function)) => (
                1,
                order
                    .iter()
                    .position(|s| *s == function)
                    .unwrap_or(usize::MAX),
            ),
        })
        .copied()
}

/// What to do about the failure shown.
fn next_step(chapter: &ChapterData, failure: &TestOutcome) -> String {
    if let Some((file, function)) = check::todo_stub(failure) {
        return format!("fill in fn {function} in {file}, and save it.");
    }
    // "FILE:LINE:COLUMN" → "FILE:LINE".
    let place = failure.place.as_deref().map(|p| match p.rsplit_once(':') {
        Some((rest, column)) if column.chars().all(|c| c.is_ascii_digit()) => rest,
        _ => p,
    });
    match place {
        Some(p) if p.starts_with(&format!("{}/src/", chapter.exercise_dir())) => {
            format!("your code panicked at {p}: fix it, and save.")
        }
        Some(p) => format!("see the test at {p}, fix the fn it names, and save."),
        None => format!("fix the fn that {} tests, and save.", failure.name),
    }
}

/// What the watch does after a run.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Show this, and wait for a save.
    Show(Verdict),
    /// The chapter is done: run the next chapter's tests now.
    Next,
    /// The last chapter is done.
    AllDone,
}

/// Which chapter the watch is on, and the chapters it found done on the way.
pub struct Progress {
    chapters: Vec<ChapterData>,
    current: usize,
    /// Chapters found done (name, number of tests) since a screen last said so.
    done: Vec<(String, usize)>,
}

impl Progress {
    /// Starts at `chapters[start]`.
    pub fn new(chapters: Vec<ChapterData>, start: usize) -> Progress {
        assert!(start < chapters.len(), "no chapter {start}");
        Progress {
            chapters,
            current: start,
            done: Vec::new(),
        }
    }

    pub fn current(&self) -> &ChapterData {
        &self.chapters[self.current]
    }

    /// Takes in a run of the current chapter's tests.
    pub fn record(&mut self, run: &TestRun) -> Action {
        match verdict(self.current(), run) {
            Verdict::Done { total } => {
                let name = self.current().name.clone();
                self.done.push((name, total));
                if self.current + 1 < self.chapters.len() {
                    self.current += 1;
                    Action::Next
                } else {
                    Action::AllDone
                }
            }
            other => Action::Show(other),
        }
    }

    /// The lines of the screen for `verdict`, about the current chapter; the chapters found
    /// done since the last screen come first.
    pub fn screen(&mut self, verdict: &Verdict) -> Vec<String> {
        let mut lines = self.done_lines();
        let c = &self.chapters[self.current];
        lines.push(format!(
            "cargo workbook watch {}: chapter {}, \"{}\" ({})",
            c.name,
            c.number,
            c.title,
            c.exercise_dir()
        ));
        match verdict {
            Verdict::Done { total } => lines.push(all_pass(*total)),
            Verdict::Failing {
                passed,
                total,
                first,
                others,
                next,
            } => {
                lines.push(format!("{passed} of {total} tests pass"));
                lines.push(String::new());
                lines.push(match &first.why {
                    Some(why) => format!("FAIL  {}: {why}", first.name),
                    None => format!("FAIL  {}", first.name),
                });
                if !others.is_empty() {
                    let shown: Vec<&str> = others.iter().take(4).map(String::as_str).collect();
                    let more = match others.len() - shown.len() {
                        0 => String::new(),
                        n => format!(" and {n} more"),
                    };
                    lines.push(format!("      also failing: {}{more}", shown.join(", ")));
                }
                lines.push(String::new());
                lines.push(format!("next: {next}"));
            }
            Verdict::Broken { first, errors } => {
                lines.push(format!("does not compile: {first}"));
                lines.push(String::new());
                lines.extend(errors.lines().take(ERROR_LINES).map(str::to_string));
                lines.push(String::new());
                // "FILE:LINE: message" → "FILE:LINE".
                let place = first.split_once(": ").map(|(place, _)| place).filter(|p| {
                    p.rsplit(':')
                        .next()
                        .is_some_and(|l| l.parse::<u32>().is_ok())
                });
                lines.push(match place {
                    Some(place) => format!("next: fix the error at {place}, and save."),
                    None => "next: fix the error above, and save.".to_string(),
                });
            }
            Verdict::NoTests { said } => {
                lines.push("no test ran; cargo said:".to_string());
                lines.extend(said.lines().map(|l| format!("  {l}")));
                lines.push(String::new());
                lines.push("next: fix what cargo says, and save.".to_string());
            }
        }
        lines
    }

    /// The last screen, once the last chapter is done.
    pub fn finished(&mut self) -> Vec<String> {
        let mut lines = self.done_lines();
        lines.push(format!(
            "That was the last chapter, {}.",
            self.current().name
        ));
        lines.push(
            "See where you stand with `cargo workbook`, and measure with `cargo workbook bench CHAPTER`."
                .to_string(),
        );
        lines
    }

    fn done_lines(&mut self) -> Vec<String> {
        let mut lines: Vec<String> = self
            .done
            .drain(..)
            .map(|(name, total)| {
                format!(
                    "done: chapter {name}, {} (measure it: `cargo workbook bench {name}`)",
                    all_pass(total)
                )
            })
            .collect();
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines
    }
}

/// "all 3 tests pass", "its one test passes".
fn all_pass(total: usize) -> String {
    match total {
        1 => "its one test passes".to_string(),
        n => format!("all {n} tests pass"),
    }
}

// ---- The watch itself: files, keys, the terminal.

/// What the watch waits for.
enum Event {
    /// A file of the exercise changed.
    Saved,
    /// The learner asked for a run (`r`, or Enter).
    Again,
    Quit,
    /// The file watcher failed.
    Broken(String),
}

/// `watch [CHAPTER]`.
pub fn run(chapter: Option<&str>) -> Result<()> {
    let chapters = catalog::all()?;
    if chapters.is_empty() {
        bail!("this workbook has no chapter (chapters/*/chapter.toml)");
    }
    let start = match chapter {
        Some(typed) => {
            let wanted = catalog::resolve(&chapters, typed)?.number;
            chapters
                .iter()
                .position(|c| c.number == wanted)
                .unwrap_or(0)
        }
        None => 0,
    };
    let (events, rx) = mpsc::channel();
    let mut ui = Ui::start(events.clone());
    let quit = events.clone();
    // In raw mode Ctrl-C is a key; this is for the signal (line by line, or sent by `kill`).
    let _ = ctrlc::set_handler(move || {
        let _ = quit.send(Event::Quit);
    });
    let saved = events;
    let root = crate::files::root();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let _ = match event {
            Ok(e) if is_save(&e.kind) && e.paths.iter().any(|p| is_source(p, root)) => {
                saved.send(Event::Saved)
            }
            Ok(_) => Ok(()),
            Err(e) => saved.send(Event::Broken(format!(
                "cannot watch the exercise's files: {e}"
            ))),
        };
    })
    .context("cannot watch files on this system")?;
    let outcome = watch(
        &mut Progress::new(chapters, start),
        &mut ui,
        &mut watcher,
        &rx,
    );
    ui.stop();
    outcome
}

fn watch(
    progress: &mut Progress,
    ui: &mut Ui,
    watcher: &mut dyn Watcher,
    events: &Receiver<Event>,
) -> Result<()> {
    let mut watched: Option<PathBuf> = None;
    loop {
        let chapter = progress.current().clone();
        let folder = crate::files::root().join(chapter.exercise_dir());
        if watched.as_deref() != Some(folder.as_path()) {
            if let Some(old) = watched.take() {
                let _ = watcher.unwatch(&old);
            }
            watcher
                .watch(&folder, RecursiveMode::Recursive)
                .with_context(|| format!("cannot watch {}", chapter.exercise_dir()))?;
            watched = Some(folder);
        }
        ui.running(&chapter);
        let Some((run, saved_meanwhile)) =
            run_tests(&chapter.name, &check::test_features(&chapter), events)?
        else {
            ui.quit(&chapter);
            return Ok(());
        };
        let verdict = match progress.record(&run) {
            Action::Next => continue,
            Action::AllDone => {
                ui.report(&progress.finished(), None);
                return Ok(());
            }
            Action::Show(verdict) => verdict,
        };
        ui.report(&progress.screen(&verdict), Some(&chapter));
        if !saved_meanwhile && !wait_for_save(events)? {
            ui.quit(&chapter);
            return Ok(());
        }
    }
}

/// Waits for a save (true), then for the files to settle; false when the learner quits.
fn wait_for_save(events: &Receiver<Event>) -> Result<bool> {
    match events.recv() {
        Ok(Event::Saved | Event::Again) => {}
        Ok(Event::Quit) | Err(_) => return Ok(false),
        Ok(Event::Broken(e)) => bail!(e),
    }
    let started = Instant::now();
    loop {
        match events.recv_timeout(DEBOUNCE) {
            Ok(Event::Saved | Event::Again) if started.elapsed() < Duration::from_secs(2) => {}
            Ok(Event::Saved | Event::Again) | Err(RecvTimeoutError::Timeout) => return Ok(true),
            Ok(Event::Quit) | Err(RecvTimeoutError::Disconnected) => return Ok(false),
            Ok(Event::Broken(e)) => bail!(e),
        }
    }
}

/// Runs a package's tests while listening: the run, and whether a file was saved meanwhile
/// (then the tests run again at once); `None` when the learner quit, and cargo was stopped.
fn run_tests(
    package: &str,
    features: &[&str],
    events: &Receiver<Event>,
) -> Result<Option<(TestRun, bool)>> {
    let mut child = check::test_command(package, features)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .context("cannot run cargo: is Rust installed (https://rustup.rs)?")?;
    let stdout = read_all(child.stdout.take());
    let stderr = read_all(child.stderr.take());
    let mut again = false;
    while child.try_wait()?.is_none() {
        match events.recv_timeout(Duration::from_millis(50)) {
            Ok(Event::Saved | Event::Again) => again = true,
            Ok(Event::Quit) => {
                stop(&mut child);
                return Ok(None);
            }
            Ok(Event::Broken(e)) => {
                stop(&mut child);
                bail!(e);
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => {
                stop(&mut child);
                return Ok(None);
            }
        }
    }
    let joined =
        |h: JoinHandle<Vec<u8>>| h.join().map_err(|_| anyhow!("cannot read cargo's output"));
    let (out, err) = (joined(stdout)?, joined(stderr)?);
    Ok(Some((check::read_test_output(&out, &err), again)))
}

fn read_all(pipe: Option<impl Read + Send + 'static>) -> JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut p) = pipe {
            let _ = p.read_to_end(&mut bytes);
        }
        bytes
    })
}

fn stop(child: &mut Child) {
    let _ = child.kill();
    let _ = child.wait();
}

/// A change that may be a save: what was written, created, renamed or removed; not a file
/// opened or read (the compiler reads the exercise's files during every run).
fn is_save(kind: &EventKind) -> bool {
    use notify::event::ModifyKind;
    matches!(
        kind,
        EventKind::Create(_)
            | EventKind::Remove(_)
            | EventKind::Modify(
                ModifyKind::Data(_) | ModifyKind::Name(_) | ModifyKind::Any | ModifyKind::Other
            )
    )
}

/// A file the tests depend on: Rust code or a manifest, not an editor's swap or backup file,
/// nor anything under a `target` folder of the workbook (the workbook itself may well be under
/// a folder of that name).
fn is_source(path: &Path, root: &Path) -> bool {
    let named = |ext: &str| path.extension().is_some_and(|e| e == ext);
    let hidden = path
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'));
    let inside = path.strip_prefix(root).unwrap_or(path);
    (named("rs") || named("toml"))
        && !hidden
        && !inside.components().any(|c| c.as_os_str() == "target")
}

/// The terminal: a screen redrawn in raw mode, or lines.
struct Ui {
    /// In raw mode (keys read one by one) while this is held.
    raw: Option<RawMode>,
    /// The last report, kept to redraw it with "running" at the bottom.
    last: Vec<String>,
}

/// Raw mode, put back when dropped.
struct RawMode;

impl Drop for RawMode {
    fn drop(&mut self) {
        let _ = terminal::disable_raw_mode();
        let _ = execute!(std::io::stdout(), cursor::Show);
    }
}

impl Ui {
    /// Raw mode and a key reader when both ends are a terminal; else lines, and a reader of
    /// standard input's lines.
    fn start(events: Sender<Event>) -> Ui {
        let terminal = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
        // Not `then_some(RawMode)`: that makes a guard, and drops it, when raw mode is off.
        let raw = if terminal && terminal::enable_raw_mode().is_ok() {
            Some(RawMode)
        } else {
            None
        };
        if raw.is_some() {
            thread::spawn(move || read_keys(&events));
        } else {
            thread::spawn(move || read_lines(&events));
        }
        Ui {
            raw,
            last: Vec::new(),
        }
    }

    fn running(&mut self, chapter: &ChapterData) {
        let line = format!(
            "running the tests of {} (cargo test -p {})...",
            chapter.exercise_dir(),
            chapter.name
        );
        if self.raw.is_some() {
            let mut lines = self.last.clone();
            if !lines.is_empty() {
                lines.push(String::new());
            }
            lines.push(line);
            self.draw(&lines);
        } else {
            println!("{line}");
        }
    }

    /// Shows a report; with a chapter, the watch goes on and the footer says so.
    fn report(&mut self, body: &[String], watching: Option<&ChapterData>) {
        self.last = body.to_vec();
        let mut lines = body.to_vec();
        if let Some(c) = watching {
            let keys = if self.raw.is_some() {
                "r runs them now, q quits"
            } else {
                "a line `q` quits, an empty one runs them now"
            };
            lines.push(String::new());
            lines.push(format!(
                "watching {}: save a file and the tests run again; {keys}.",
                c.exercise_dir()
            ));
        }
        if self.raw.is_some() {
            self.draw(&lines);
        } else {
            println!();
            for l in &lines {
                println!("{l}");
            }
            let _ = std::io::stdout().flush();
        }
    }

    /// Clears the screen and draws `lines` (raw mode needs "\r\n").
    fn draw(&self, lines: &[String]) {
        let mut out = std::io::stdout().lock();
        let _ = execute!(
            out,
            terminal::Clear(terminal::ClearType::All),
            cursor::MoveTo(0, 0)
        );
        for l in lines {
            let _ = write!(out, "{l}\r\n");
        }
        let _ = out.flush();
    }

    fn quit(&mut self, chapter: &ChapterData) {
        self.stop();
        println!(
            "stopped watching {}; `cargo workbook watch {}` goes on from there.",
            chapter.exercise_dir(),
            chapter.name
        );
    }

    /// Leaves raw mode (also done on drop, whatever the way out).
    fn stop(&mut self) {
        if self.raw.take().is_some() {
            // Below the screen, so the shell's prompt comes after it.
            println!();
        }
    }
}

fn read_keys(events: &Sender<Event>) {
    while let Ok(event) = key::read() {
        let key::Event::Key(k) = event else {
            continue;
        };
        if k.kind != KeyEventKind::Press {
            continue;
        }
        let control = k.modifiers.contains(KeyModifiers::CONTROL);
        let event = match k.code {
            KeyCode::Char('c' | 'd') if control => Event::Quit,
            KeyCode::Char('q' | 'Q') | KeyCode::Esc => Event::Quit,
            KeyCode::Char('r') | KeyCode::Enter => Event::Again,
            _ => continue,
        };
        if events.send(event).is_err() {
            return;
        }
    }
}

fn read_lines(events: &Sender<Event>) {
    for line in std::io::stdin().lock().lines() {
        let Ok(line) = line else {
            return;
        };
        let event = match line.trim() {
            "q" | "quit" => Event::Quit,
            "" | "r" => Event::Again,
            _ => continue,
        };
        if events.send(event).is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chapter(number: u32, name: &str, stubs: &[&str]) -> ChapterData {
        let kernels: String = stubs
            .iter()
            .map(|s| format!("[[kernels]]\nname = \"{s}\"\nabout = \"x\"\nstub = \"{s}\"\n"))
            .collect();
        let text = format!(
            "name = \"{name}\"\nnumber = {number}\ntitle = \"{name} title\"\npage = \"{number:02}_{name}.md\"\n{kernels}"
        );
        ChapterData::parse(&text, "test").unwrap()
    }

    fn outcome(name: &str, why: Option<&str>, place: Option<&str>) -> TestOutcome {
        TestOutcome {
            name: name.to_string(),
            passed: why.is_none(),
            why: why.map(str::to_string),
            place: place.map(str::to_string),
        }
    }

    fn ran(outcomes: Vec<TestOutcome>) -> TestRun {
        TestRun {
            outcomes,
            compile_error: None,
            stderr: String::new(),
        }
    }

    fn todo(name: &str, function: &str) -> TestOutcome {
        let why = format!("not implemented yet: exercises/01_alpha/src/lib.rs: fn {function}");
        outcome(name, Some(&why), Some("exercises/01_alpha/src/lib.rs:3:5"))
    }

    fn shown(action: Action) -> Verdict {
        match action {
            Action::Show(v) => v,
            other => panic!("expected a screen, got {other:?}"),
        }
    }

    #[test]
    fn the_watch_follows_the_chapters_run_by_run() {
        let chapters = vec![
            chapter(1, "alpha", &["double", "triple"]),
            chapter(2, "beta", &["negate"]),
        ];
        let mut progress = Progress::new(chapters, 0);

        // Untouched: the stub the book asks for first, although its test sorts last.
        let v = shown(progress.record(&ran(vec![
            todo("a_triple_test", "triple"),
            todo("z_double_test", "double"),
        ])));
        let Verdict::Failing {
            passed: 0,
            total: 2,
            first,
            others,
            next,
        } = &v
        else {
            panic!("{v:?}")
        };
        assert_eq!(first.name, "z_double_test");
        assert_eq!(others, &["a_triple_test"]);
        assert_eq!(
            next,
            "fill in fn double in exercises/01_alpha/src/lib.rs, and save it."
        );
        let screen = progress.screen(&v).join("\n");
        assert!(
            screen.starts_with(
                "cargo workbook watch alpha: chapter 1, \"alpha title\" (exercises/01_alpha)\n0 of 2 tests pass"
            ),
            "{screen}"
        );
        assert!(screen.contains("also failing: a_triple_test"), "{screen}");

        // A wrong answer comes before a stub not yet written, and points at its test.
        let v = shown(progress.record(&ran(vec![
            todo("a_triple_test", "triple"),
            outcome(
                "z_double_test",
                Some("double(21): left: 41  right: 42"),
                Some("exercises/01_alpha/tests/alpha.rs:3:5"),
            ),
        ])));
        let screen = progress.screen(&v).join("\n");
        assert!(
            screen.contains("FAIL  z_double_test: double(21): left: 41  right: 42"),
            "{screen}"
        );
        assert!(
            screen.contains(
                "next: see the test at exercises/01_alpha/tests/alpha.rs:3, fix the fn it names"
            ),
            "{screen}"
        );

        // A panic in the learner's own code says where.
        let v = shown(progress.record(&ran(vec![outcome(
            "z_double_test",
            Some("index out of bounds"),
            Some("exercises/01_alpha/src/lib.rs:7:9"),
        )])));
        let screen = progress.screen(&v).join("\n");
        assert!(
            screen.contains("next: your code panicked at exercises/01_alpha/src/lib.rs:7:"),
            "{screen}"
        );

        // Done: on to the next chapter, whose screen says so first.
        let all_pass = ran(vec![outcome("a_triple_test", None, None)]);
        assert_eq!(progress.record(&all_pass), Action::Next);
        assert_eq!(progress.current().name, "beta");
        let broken = TestRun {
            outcomes: Vec::new(),
            compile_error: Some((
                "exercises/02_beta/src/lib.rs:3: expected expression".to_string(),
                "error: expected expression\n --> exercises/02_beta/src/lib.rs:3:1".to_string(),
            )),
            stderr: String::new(),
        };
        let v = shown(progress.record(&broken));
        let screen = progress.screen(&v);
        assert_eq!(
            screen[0],
            "done: chapter alpha, its one test passes (measure it: `cargo workbook bench alpha`)"
        );
        assert!(
            screen.contains(
                &"next: fix the error at exercises/02_beta/src/lib.rs:3, and save.".to_string()
            ),
            "{screen:?}"
        );
        // The news is told once.
        let screen = progress.screen(&v);
        assert!(
            screen[0].starts_with("cargo workbook watch beta"),
            "{screen:?}"
        );

        // The last chapter done: the watch ends.
        assert_eq!(progress.record(&all_pass), Action::AllDone);
        let last = progress.finished().join("\n");
        assert!(
            last.starts_with("done: chapter beta, its one test passes")
                && last.contains("That was the last chapter, beta."),
            "{last}"
        );
    }

    #[test]
    fn no_test_ran_shows_what_cargo_said() {
        let mut progress = Progress::new(vec![chapter(1, "alpha", &["double"])], 0);
        let run = TestRun {
            outcomes: Vec::new(),
            compile_error: None,
            stderr: "   Compiling alpha\nerror: could not find `Cargo.toml`\n".to_string(),
        };
        let v = shown(progress.record(&run));
        let screen = progress.screen(&v).join("\n");
        assert!(
            screen.contains(
                "no test ran; cargo said:\n     Compiling alpha\n  error: could not find"
            ),
            "{screen}"
        );
    }

    #[test]
    fn only_saved_sources_count() {
        use notify::event::{AccessKind, AccessMode, DataChange, ModifyKind};
        assert!(is_save(&EventKind::Modify(ModifyKind::Data(
            DataChange::Any
        ))));
        assert!(is_save(&EventKind::Create(notify::event::CreateKind::File)));
        // The compiler opening and reading the files is no save.
        assert!(!is_save(&EventKind::Access(AccessKind::Open(
            AccessMode::Any
        ))));
        assert!(!is_save(&EventKind::Access(AccessKind::Close(
            AccessMode::Read
        ))));
        // A workbook kept under a folder named `target` is watched all the same.
        let root = Path::new("/home/me/target/workbook");
        let exercise = root.join("exercises/01_laue");
        assert!(is_source(&exercise.join("src/lib.rs"), root));
        assert!(is_source(&exercise.join("Cargo.toml"), root));
        assert!(!is_source(&exercise.join("src/.lib.rs.swp"), root));
        assert!(!is_source(&exercise.join("src/4913"), root));
        assert!(!is_source(&exercise.join("target/debug/x.rs"), root));
    }
}
