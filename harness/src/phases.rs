//! A cProfile-like table of where a run spent its time, phase by phase. A phase is a tracing
//! span (`info_span!("evolve").in_scope(...)`); while [`collect`] runs, a small
//! tracing-subscriber layer times every span it sees: how often it was entered, the time inside
//! it (total) and the time inside it but not inside a span opened within it (own).
//!
//! Spans cost next to nothing when nobody listens, so kernels keep them in every build.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tracing::span::{Attributes, Id};
use tracing::{Subscriber, subscriber};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};
use tracing_subscriber::registry::{LookupSpan, Registry};

/// One line of the table: a phase and its times, summed over its calls.
#[derive(Debug, Clone, PartialEq)]
pub struct PhaseRow {
    pub name: &'static str,
    pub calls: u64,
    pub total: Duration,
    pub own: Duration,
}

/// The clock of one open span: when it was entered, and the time its children took so far.
struct Open {
    entered: Instant,
    children: Duration,
}

#[derive(Default)]
struct PhaseLayer {
    rows: Arc<Mutex<BTreeMap<&'static str, PhaseRow>>>,
}

impl<S: Subscriber + for<'a> LookupSpan<'a>> Layer<S> for PhaseLayer {
    fn on_new_span(&self, _: &Attributes<'_>, _: &Id, _: Context<'_, S>) {}

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
        if let Ok(mut rows) = self.rows.lock() {
            let row = rows.entry(name).or_insert(PhaseRow {
                name,
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

/// Runs `f` with the phase timer listening on this thread; returns its result, the wall time,
/// and one row per phase, largest own time first (cProfile's `sort tottime`).
pub fn collect<T>(f: impl FnOnce() -> T) -> (T, Duration, Vec<PhaseRow>) {
    let layer = PhaseLayer::default();
    let rows = Arc::clone(&layer.rows);
    let start = Instant::now();
    let result = subscriber::with_default(Registry::default().with(layer), f);
    let wall = start.elapsed();
    let mut table: Vec<PhaseRow> = rows
        .lock()
        .map(|r| r.values().cloned().collect())
        .unwrap_or_default();
    table.sort_by(|a, b| b.own.cmp(&a.own).then(a.name.cmp(b.name)));
    (result, wall, table)
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
            r.name
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
    fn no_phases_no_rows() {
        let (v, _, rows) = collect(|| 42);
        assert_eq!(v, 42);
        assert!(rows.is_empty());
    }
}
