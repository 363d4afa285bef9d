//! File watching: notify's events, debounced, applied to the workspace; each change that
//! touches a served file is broadcast to the event streams.

use std::path::{Path, PathBuf};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

use notify::{Event, EventKind, RecursiveMode, Watcher as _};

use super::Shared;

/// Keeps the watch alive; dropping it stops watching (and ends the debouncing thread).
pub(crate) struct Watcher {
    _watcher: notify::RecommendedWatcher,
}

/// Watches `root` recursively; the reason as text when it cannot. Events are gathered
/// for `debounce` after the first one, then applied at once. Access events are ignored:
/// reading a changed file must not count as changing it again.
pub(crate) fn start(
    root: &Path,
    shared: Arc<Shared>,
    debounce: Duration,
) -> Result<Watcher, String> {
    let (tx, rx) = mpsc::channel::<notify::Result<Event>>();
    let mut watcher = notify::recommended_watcher(move |res| {
        let _ = tx.send(res);
    })
    .map_err(|e| e.to_string())?;
    watcher
        .watch(root, RecursiveMode::Recursive)
        .map_err(|e| e.to_string())?;
    std::thread::spawn(move || {
        // Ends when the watcher (and with it the sender) is dropped.
        while let Ok(first) = rx.recv() {
            let mut paths = Vec::new();
            collect(first, &mut paths);
            let deadline = Instant::now() + debounce;
            loop {
                let left = deadline.saturating_duration_since(Instant::now());
                match rx.recv_timeout(left) {
                    Ok(ev) => collect(ev, &mut paths),
                    Err(_) => break,
                }
            }
            if !paths.is_empty() {
                changed(&shared, paths);
            }
        }
    });
    Ok(Watcher { _watcher: watcher })
}

/// Adds the paths of an event that may change a file (watcher errors — a vanished
/// folder, an overflowing queue — leave the workspace as it was until the next event).
fn collect(ev: notify::Result<Event>, paths: &mut Vec<PathBuf>) {
    if let Ok(ev) = ev {
        if !matches!(ev.kind, EventKind::Access(_)) {
            paths.extend(ev.paths);
        }
    }
}

/// Applies the changed paths and tells the event streams what changed.
fn changed(shared: &Shared, mut paths: Vec<PathBuf>) {
    paths.sort();
    paths.dedup();
    let message = {
        let mut state = shared.lock();
        let lang = state.lang;
        let changed = crate::i18n::scope(lang, || super::apply(&mut state, &paths));
        if changed.is_empty() {
            return;
        }
        event_data(state.generation, &changed)
    };
    shared.broadcast(&message);
}

/// The data line of a `change` event: `{"generation":N,"files":[…]}`.
fn event_data(generation: u64, files: &[String]) -> String {
    serde_json::json!({ "generation": generation, "files": files }).to_string()
}
