//! Runs learner code so that a panic becomes a one-line message instead of a backtrace.
//!
//! A panic hook records where the panic happened (the hook runs on the panicking thread, also
//! inside rayon workers) and stays silent; [`run_kernel`] catches the unwind and turns the
//! record into a [`KernelError`]. A `todo!()` stub reads "not implemented yet: FILE: fn NAME".

use crate::output::Output;
use std::fmt;
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Mutex, Once};

static LAST_PANIC: Mutex<Option<PanicRecord>> = Mutex::new(None);
static INSTALL: Once = Once::new();

#[derive(Debug, Clone)]
struct PanicRecord {
    message: String,
    file: String,
    line: u32,
}

/// Installs the silent, recording panic hook (once per process).
pub fn install_quiet_hook() {
    INSTALL.call_once(|| {
        panic::set_hook(Box::new(|info| {
            let message = if let Some(s) = info.payload().downcast_ref::<&str>() {
                (*s).to_string()
            } else if let Some(s) = info.payload().downcast_ref::<String>() {
                s.clone()
            } else {
                "panic with a non-text payload".to_string()
            };
            // `cargo workbook bench ... | head`: the reader has gone, so there is no one left to
            // tell; end as a command ended by a closed pipe does, without a word.
            if message.starts_with("failed printing to stdout") {
                std::process::exit(141);
            }
            let (file, line) = info
                .location()
                .map(|l| (l.file().to_string(), l.line()))
                .unwrap_or_default();
            if let Ok(mut slot) = LAST_PANIC.lock() {
                // Keep the first panic: with rayon, one worker's panic can make others panic too.
                slot.get_or_insert(PanicRecord {
                    message,
                    file,
                    line,
                });
            }
        }));
    });
}

/// Why a kernel gave no result.
#[derive(Debug, Clone, PartialEq)]
pub enum KernelError {
    /// The learner's stub still holds `todo!()`.
    NotImplemented { file: String, function: String },
    /// Any other panic, with its message and place.
    Panicked { message: String, place: String },
}

impl fmt::Display for KernelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KernelError::NotImplemented { file, function } => {
                write!(f, "not implemented yet: {file}: fn {function}")
            }
            KernelError::Panicked { message, place } => {
                let first_line = message.lines().next().unwrap_or("");
                write!(f, "panicked at {place}: {first_line}")
            }
        }
    }
}

impl std::error::Error for KernelError {}

/// Runs `job` and catches a panic. `stub` names the exercise function the job calls, for the
/// "not implemented yet" message.
pub fn run_kernel(
    job: &(dyn Fn() -> Output + Send + Sync),
    stub: Option<&str>,
) -> Result<Output, KernelError> {
    install_quiet_hook();
    if let Ok(mut slot) = LAST_PANIC.lock() {
        *slot = None;
    }
    match panic::catch_unwind(AssertUnwindSafe(job)) {
        Ok(output) => Ok(output),
        Err(_) => {
            let record = LAST_PANIC.lock().ok().and_then(|mut slot| slot.take());
            let record = record.unwrap_or(PanicRecord {
                message: "unknown panic".into(),
                file: "?".into(),
                line: 0,
            });
            Err(classify(record, stub))
        }
    }
}

fn classify(record: PanicRecord, stub: Option<&str>) -> KernelError {
    let file = short_path(&record.file);
    if record.message.starts_with("not yet implemented")
        || record.message.starts_with("not implemented")
    {
        KernelError::NotImplemented {
            file,
            function: stub.unwrap_or("?").to_string(),
        }
    } else {
        KernelError::Panicked {
            message: record.message,
            place: format!("{file}:{}", record.line),
        }
    }
}

/// Paths relative to the workspace, as the learner sees them in their editor.
fn short_path(file: &str) -> String {
    let root = crate::files::root().to_string_lossy();
    file.strip_prefix(root.as_ref())
        .map(|p| p.trim_start_matches('/').to_string())
        .unwrap_or_else(|| file.to_string())
}
