//! A cProfile-like table of where a run spent its time, phase by phase. A phase is a tracing
//! span (`info_span!("evolve").in_scope(...)`); while [`collect`] runs, a small
//! tracing-subscriber layer times every span it sees: how often it was entered, the time inside
//! it (total) and the time inside it but not inside a span opened within it (own).
//!
//! Spans cost next to nothing when nobody listens, so kernels keep them in every build.
//!
//! The timer listens on the threads of the rayon pool the kernel runs in too. A span declared
//! with a field `per_thread` (`info_span!("rows", per_thread = true)`) gets one row per pool
//! thread, "rows on thread 1": each thread's busy time in that phase, the way to see whether
//! a parallel split gave the threads equal work.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tracing::Subscriber;
use tracing::dispatcher::{self, DefaultGuard, Dispatch};
use tracing::span::{Attributes, Id};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};
use tracing_subscriber::registry::{LookupSpan, Registry};

/// One line of the table: a phase and its times, summed over its calls.
#[derive(Debug, Clone, PartialEq)]
pub struct PhaseRow {
    pub name: &'static str,
    /// The rayon pool thread it ran on, for a span declared `per_thread`; `None` for the others.
    pub thread: Option<usize>,
    pub calls: u64,
    pub total: Duration,
    pub own: Duration,
}

/// The clock of one open span: when it was entered, and the time its children took so far.
struct Open {
    entered: Instant,
    children: Duration,
}

/// The rows by phase name, and by thread for the spans declared `per_thread`.
type Rows = BTreeMap<(&'static str, Option<usize>), PhaseRow>;

#[derive(Default)]
struct PhaseLayer {
    rows: Arc<Mutex<Rows>>,
}

/// Marks a span declared with a `per_thread` field: its rows are kept thread by thread.
struct PerThread;

impl<S: Subscriber + for<'a> LookupSpan<'a>> Layer<S> for PhaseLayer {
    fn on_new_span(&self, attrs: &Attributes<'_>, id: &Id, ctx: Context<'_, S>) {
        if attrs.metadata().fields().field("per_thread").is_some()
            && let Some(span) = ctx.span(id)
        {
            span.extensions_mut().insert(PerThread);
        }
    }

    fn on_enter(&self, id: &Id, ctx: Context<'_, S>) {
        if let Some(span) = ctx.span(id) {
            span.extensions_mut().replace(Open {
                entered: Instant::now(),
                children: Duration::ZERO,
            });
        }
    }

    fn on_exit(&self, id: &Id, ctx: Context<'_, S>) {
        let now = Instant::now();
        let Some(span) = ctx.span(id) else { return };
        let Some(open) = span.extensions_mut().remove::<Open>() else {
            return;
        };
        let total = now - open.entered;
        // The parent's own time excludes this span's whole time.
        if let Some(parent) = span.parent()
            && let Some(p) = parent.extensions_mut().get_mut::<Open>()
        {
            p.children += total;
        }
        let name = span.name();
        let thread = if span.extensions().get::<PerThread>().is_some() {
            // Outside any pool (a kernel that spawns its own threads), the row is thread 0's.
            Some(rayon::current_thread_index().unwrap_or(0))
        } else {
            None
        };
        if let Ok(mut rows) = self.rows.lock() {
            let row = rows.entry((name, thread)).or_insert(PhaseRow {
                name,
                thread,
                calls: 0,
                total: Duration::ZERO,
                own: Duration::ZERO,
            });
            row.calls += 1;
            row.total += total;
            row.own += total.saturating_sub(open.children);
        }
    }
}

thread_local! {
    /// The timer's hold on a pool thread while [`collect`] runs.
    static LISTENING: RefCell<Option<DefaultGuard>> = const { RefCell::new(None) };
}

/// Runs `f` with the phase timer listening on this thread and on every thread of the current
/// rayon pool; returns its result, the wall time, and one row per phase (per thread, for a
/// `per_thread` span), largest own time first (cProfile's `sort tottime`).
pub fn collect<T>(f: impl FnOnce() -> T) -> (T, Duration, Vec<PhaseRow>) {
    let layer = PhaseLayer::default();
    let rows = Arc::clone(&layer.rows);
    let dispatch = Dispatch::new(Registry::default().with(layer));
    // A subscriber is set per thread: each pool thread is given this one for the run (rayon's
    // broadcast reaches every thread of the pool once), and its own again afterwards.
    rayon::broadcast(|_| {
        LISTENING.with(|g| *g.borrow_mut() = Some(dispatcher::set_default(&dispatch)));
    });
    let start = Instant::now();
    let result = dispatcher::with_default(&dispatch, f);
    let wall = start.elapsed();
    rayon::broadcast(|_| LISTENING.with(|g| drop(g.borrow_mut().take())));
    let mut table: Vec<PhaseRow> = rows
        .lock()
        .map(|r| r.values().cloned().collect())
        .unwrap_or_default();
    table.sort_by(|a, b| {
        b.own
            .cmp(&a.own)
            .then(a.name.cmp(b.name))
            .then(a.thread.cmp(&b.thread))
    });
    (result, wall, table)
}

impl PhaseRow {
    /// The phase's name as the table shows it: "rows on thread 1" for a per-thread row.
    pub fn label(&self) -> String {
        match self.thread {
            Some(t) => format!("{} on thread {t}", self.name),
            None => self.name.to_string(),
        }
    }
}

/// The table as text, in the columns cProfile prints: calls, own time (tottime) and per call,
/// total time (cumtime) and per call, and own time as a share of the wall time.
pub fn format_table(wall: Duration, rows: &[PhaseRow]) -> String {
    use crate::measure::human_duration as t;
    let mut out = format!(
        "  {:>7} {:>10} {:>10} {:>10} {:>10} {:>6}  phase\n",
        "calls", "own", "per call", "total", "per call", "own %"
    );
    for r in rows {
        let per = |d: Duration| t(d / u32::try_from(r.calls.max(1)).unwrap_or(u32::MAX));
        out.push_str(&format!(
            "  {:>7} {:>10} {:>10} {:>10} {:>10} {:>5.1}%  {}\n",
            r.calls,
            t(r.own),
            per(r.own),
            t(r.total),
            per(r.total),
            100.0 * r.own.as_secs_f64() / wall.as_secs_f64().max(1e-12),
            r.label()
        ));
    }
    out.push_str(&format!(
        "  wall time {}; own: inside the phase but not in a phase opened inside it\n",
        t(wall)
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use tracing::info_span;

    #[test]
    fn nested_phases_split_own_and_total_time() {
        let ((), wall, rows) = collect(|| {
            info_span!("outer").in_scope(|| {
                for _ in 0..3 {
                    info_span!("inner").in_scope(|| std::thread::sleep(Duration::from_millis(10)));
                }
            })
        });
        let get = |n: &str| rows.iter().find(|r| r.name == n).cloned().unwrap();
        let (outer, inner) = (get("outer"), get("inner"));
        assert_eq!((outer.calls, inner.calls), (1, 3));
        assert!(inner.total >= Duration::from_millis(30));
        assert_eq!(inner.own, inner.total, "inner has no child phases");
        assert!(outer.total >= inner.total);
        assert!(outer.own < Duration::from_millis(10), "{:?}", outer.own);
        assert!(wall >= outer.total);
        assert_eq!(rows[0].name, "inner", "largest own time first");
        let text = format_table(wall, &rows);
        assert!(text.contains("inner") && text.contains("calls"), "{text}");
    }

    #[test]
    fn per_thread_spans_get_a_row_per_pool_thread() {
        use rayon::prelude::*;
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .unwrap();
        let ((), _, rows) = pool.install(|| {
            collect(|| {
                rayon::broadcast(|_| {
                    info_span!("work", per_thread = true)
                        .in_scope(|| std::thread::sleep(Duration::from_millis(5)))
                });
                (0..4)
                    .into_par_iter()
                    .for_each(|_| info_span!("shared").in_scope(|| ()));
            })
        });
        let mut labels: Vec<String> = rows.iter().map(PhaseRow::label).collect();
        labels.sort();
        assert_eq!(labels, ["shared", "work on thread 0", "work on thread 1"]);
        let shared = rows.iter().find(|r| r.name == "shared").unwrap();
        assert_eq!(shared.calls, 4, "spans on every pool thread are seen");
        // After the run, the pool's threads no longer report to the timer.
        let ((), _, none) = collect(|| ());
        assert!(none.is_empty());
    }

    #[test]
    fn no_phases_no_rows() {
        let (v, _, rows) = collect(|| 42);
        assert_eq!(v, 42);
        assert!(rows.is_empty());
    }
}
