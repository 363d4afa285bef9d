//! `planc serve`: a local web server over a live workspace — an index of the plans and
//! reviews with their counts and the org tree, each file's report exactly as `planc
//! render --format html` writes it, and its findings instead when it has errors.
//!
//! ```text
//! notify (debounced) ─▶ Workspace::update(path) ─▶ re-render what changed ─▶ SSE "change"
//! browser ─▶ /            index (wrapper page, with the EventSource snippet)
//!            /plan/REL    wrapper page: findings, the report in an <iframe>
//!            /report/REL  the report as `render` writes it (script-free, CSP forbids script)
//!            /last-good/REL  the last report that rendered, while the file has errors
//!            /events      server-sent events
//! ```
//!
//! Only the workspace's own plan and review files are served, looked up by their path
//! relative to the root; any other path (`..`, absolute, a symlink leading out of the
//! root, anything not a plan) is a 404. Library code: it never prints; the CLI
//! (`cli/serve.rs`) reports the address and handles Ctrl-C through [`Stopper`].

mod conn;
mod http;
mod pages;
mod watch;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex, MutexGuard};

use rayon::prelude::*;

use crate::config::Config;
use crate::diagnostics::{human, Severity};
use crate::i18n::Lang;
use crate::render::{Format, Renderer};
use crate::workspace::{FileId, Options as WsOptions, Role, Workspace};

/// How to serve.
pub struct Options {
    /// The folder (or file) to serve.
    pub path: PathBuf,
    pub host: String,
    pub port: u16,
    pub config: Config,
    /// `--templates`: overrides, as for `render`.
    pub templates: Option<PathBuf>,
    /// The language of the server's messages (a bind error); its pages follow `--lang`,
    /// else the plans' language ([`page_lang`]).
    pub lang: Lang,
    /// How long file events are gathered before the workspace is updated.
    pub debounce: std::time::Duration,
    /// `--allow-host`: further `Host` names (with or without a port) accepted, for a
    /// deliberate bind beyond loopback (`--host 0.0.0.0 --allow-host 192.168.1.20`).
    pub allow_hosts: Vec<String>,
    /// Where the server reports what goes wrong while it runs (an accept error); the
    /// CLI writes it to stderr.
    pub log: Arc<dyn Fn(&str) + Send + Sync>,
}

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("{0}")]
    Render(#[from] crate::render::RenderError),
    #[error("{message}")]
    Bind { message: String },
    #[error("{message}")]
    Watch { message: String },
}

/// One served file as last rendered.
#[derive(Default)]
pub(crate) struct Page {
    /// The report, when the file renders now.
    pub current: Option<Vec<u8>>,
    /// The last report that rendered (kept while the file has errors).
    pub last_good: Option<Vec<u8>>,
    /// Why the report could not be made (unreadable file, a review short of figures).
    pub trouble: Option<String>,
    pub errors: usize,
    pub warnings: usize,
    /// The active findings as the human emitter writes them, without colour.
    pub findings: String,
}

/// The live workspace and its rendered pages.
pub(crate) struct State {
    pub ws: Workspace,
    pub renderer: Renderer,
    /// The root as the user wrote it (workspace paths start with it).
    pub root: PathBuf,
    /// The root, canonical (a served file must resolve inside it).
    pub canon_root: PathBuf,
    /// By file path (stable when the workspace is reopened).
    pub pages: HashMap<PathBuf, Page>,
    /// The language of the pages ([`page_lang`]).
    pub lang: Lang,
    /// Bumped on every change.
    pub generation: u64,
}

pub(crate) struct Shared {
    pub state: Mutex<State>,
    /// One sender per open event stream.
    pub subscribers: Mutex<Vec<mpsc::Sender<String>>>,
    pub stopping: AtomicBool,
    /// On a loopback address, the `Host` headers accepted (`127.0.0.1:PORT`,
    /// `localhost:PORT`, `[::1]:PORT`): a page elsewhere that rebinds its own name to
    /// 127.0.0.1 cannot read the reports. `None` when `--host` opened other interfaces.
    pub hosts: Option<Vec<String>>,
}

impl Shared {
    pub fn lock(&self) -> MutexGuard<'_, State> {
        // A panic while holding the lock leaves plain data behind; keep serving it.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Sends `data` to every open event stream, forgetting closed ones.
    pub fn broadcast(&self, data: &str) {
        let mut subs = self.subscribers.lock().unwrap_or_else(|e| e.into_inner());
        subs.retain(|tx| tx.send(data.to_owned()).is_ok());
    }
}

/// A running server.
pub struct Server {
    listener: std::net::TcpListener,
    shared: Arc<Shared>,
    addr: SocketAddr,
    limits: conn::Limits,
    table: Arc<conn::Table>,
    log: Arc<dyn Fn(&str) + Send + Sync>,
    _watcher: watch::Watcher,
}

/// Stops a running [`Server`] from another thread (the Ctrl-C handler).
#[derive(Clone)]
pub struct Stopper {
    shared: Arc<Shared>,
    table: Arc<conn::Table>,
    addr: SocketAddr,
}

impl Stopper {
    pub fn stop(&self) {
        self.shared.stopping.store(true, Ordering::SeqCst);
        // Dropping the senders ends every event stream.
        self.shared
            .subscribers
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
        self.table.close_all();
        // Wake the accept loop with a connection of our own.
        let mut wake = self.addr;
        if wake.ip().is_unspecified() {
            wake.set_ip(match wake.ip() {
                std::net::IpAddr::V4(_) => std::net::Ipv4Addr::LOCALHOST.into(),
                std::net::IpAddr::V6(_) => std::net::Ipv6Addr::LOCALHOST.into(),
            });
        }
        let _ = std::net::TcpStream::connect_timeout(&wake, std::time::Duration::from_secs(1));
    }
}

impl Server {
    /// Opens the workspace, renders every file, binds the address and starts watching.
    pub fn start(opts: Options) -> Result<Server, ServeError> {
        let renderer = Renderer::new(opts.templates.as_deref())?;
        let root = if opts.path.is_file() {
            opts.path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
        } else {
            opts.path.clone()
        };
        let canon_root = std::fs::canonicalize(&root).unwrap_or_else(|_| root.clone());
        let ws = open(&opts.path, opts.config);
        let mut state = State {
            ws,
            renderer,
            root,
            canon_root,
            pages: HashMap::new(),
            lang: opts.lang,
            generation: 0,
        };
        state.lang = page_lang(&state);
        render_all(&mut state);
        let addr = format!("{}:{}", opts.host, opts.port);
        let bind_failed = |reason: String| ServeError::Bind {
            message: crate::t_in!(
                opts.lang,
                "serve-bind-failed",
                addr = addr.clone(),
                reason = reason
            ),
        };
        let listener =
            std::net::TcpListener::bind(&addr).map_err(|e| bind_failed(e.to_string()))?;
        let bound = listener
            .local_addr()
            .map_err(|e| bind_failed(e.to_string()))?;
        let watch_root = state.canon_root.clone();
        let port = bound.port();
        // The Host check holds on every bind: the loopback names, the address bound
        // (`127.0.0.2`), and what `--allow-host` adds; anything else is 421.
        let own = match bound.ip() {
            std::net::IpAddr::V6(ip) => format!("[{ip}]"),
            ip => ip.to_string(),
        };
        let mut names: Vec<String> = ["127.0.0.1", "localhost", "[::1]"]
            .iter()
            .map(|h| (*h).to_owned())
            .collect();
        if !bound.ip().is_unspecified() {
            names.push(own);
        }
        let mut hosts: Vec<String> = names.iter().map(|h| format!("{h}:{port}")).collect();
        for h in &opts.allow_hosts {
            let h = h.trim().to_ascii_lowercase();
            if h.contains(':') && !h.ends_with(']') {
                hosts.push(h);
            } else {
                hosts.push(format!("{h}:{port}"));
            }
        }
        let hosts = Some(hosts);
        let shared = Arc::new(Shared {
            state: Mutex::new(state),
            subscribers: Mutex::new(Vec::new()),
            stopping: AtomicBool::new(false),
            hosts,
        });
        let watcher =
            watch::start(&watch_root, Arc::clone(&shared), opts.debounce).map_err(|reason| {
                ServeError::Watch {
                    message: crate::t_in!(
                        opts.lang,
                        "serve-watch-failed",
                        path = crate::source::display_path(&watch_root),
                        reason = reason
                    ),
                }
            })?;
        let limits = conn::Limits::for_this_process();
        Ok(Server {
            listener,
            shared,
            addr: bound,
            limits,
            table: Arc::new(conn::Table::new(limits.max_connections)),
            log: opts.log,
            _watcher: watcher,
        })
    }

    /// The address the server listens on (the port the system chose for `--port 0`).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The URL of the index page.
    pub fn url(&self) -> String {
        let host = match self.addr.ip() {
            ip if ip.is_unspecified() => "127.0.0.1".to_owned(),
            std::net::IpAddr::V6(ip) => format!("[{ip}]"),
            ip => ip.to_string(),
        };
        format!("http://{host}:{}/", self.addr.port())
    }

    pub fn stopper(&self) -> Stopper {
        Stopper {
            shared: Arc::clone(&self.shared),
            table: Arc::clone(&self.table),
            addr: self.addr,
        }
    }

    /// Serves connections, each on its own thread and within [`conn::Limits`], until
    /// [`Stopper::stop`].
    pub fn run(&self) {
        let shared = Arc::clone(&self.shared);
        let limits = self.limits;
        let lang = self.shared.lock().lang;
        let log = Arc::clone(&self.log);
        crate::i18n::scope(lang, || {
            conn::accept_loop(
                || self.listener.accept().map(|(s, _)| s),
                &self.table,
                &self.shared.stopping,
                &*log,
                move |stream, guard| http::connection(&shared, stream, guard, limits),
            );
        });
    }
}

/// Opens the workspace as `planc render` does (every plan kept, hashed for the record).
fn open(path: &Path, config: Config) -> Workspace {
    let opts = WsOptions {
        cache: None,
        hash: true,
        keep: true,
        focus: None,
    };
    Workspace::open(std::slice::from_ref(&path.to_path_buf()), config, &opts)
}

/// The monthly report as `planc review ROOT --as-of` writes it in HTML, as of the latest
/// month the workspace's monthly exports report; `Err` with the reason it cannot be made.
pub(crate) fn monthly_report(state: &State) -> Result<Vec<u8>, String> {
    let as_of = crate::review::monthly::latest_month(&state.ws)
        .ok_or_else(|| crate::t_in!(state.lang, "serve-monthly-none"))?;
    let (m, bytes) = crate::i18n::scope(state.lang, || {
        crate::report::monthly(&state.ws, as_of, Some(crate::render::Format::Html))
    })?;
    if bytes.is_empty() {
        return Err(crate::t_in!(
            state.lang,
            "serve-monthly-errors",
            errors = m.errors()
        ));
    }
    Ok(bytes)
}

/// The files served: plans and reviews the user's path covers, inside the root.
pub(crate) fn served(state: &State) -> Vec<FileId> {
    (0..state.ws.files.len())
        .filter(|&i| {
            let f = &state.ws.files[i];
            f.requested && f.role == Role::Plan && inside(state, &f.path)
        })
        .collect()
}

/// The language of the server's pages: `--lang`, else the language the served plans'
/// reports are in (a plan's `lang:`, else Chinese — as `render` decides), by majority;
/// Chinese on a tie or with no plans.
pub(crate) fn page_lang(state: &State) -> Lang {
    if let Some(forced) = state.ws.config.lang.forced {
        return forced;
    }
    let (mut en, mut zh) = (0usize, 0usize);
    for i in served(state) {
        match state.ws.files[i].plan.as_deref().and_then(|p| p.lang) {
            Some(Lang::En) => en += 1,
            _ => zh += 1,
        }
    }
    if en > zh {
        Lang::En
    } else {
        Lang::Zh
    }
}

/// Whether `path` resolves inside the root (a symlink out of it does not).
fn inside(state: &State, path: &Path) -> bool {
    std::fs::canonicalize(path).is_ok_and(|p| p.starts_with(&state.canon_root))
}

/// A file's path relative to the root, `/`-separated (its address under `/plan/`).
pub(crate) fn rel(state: &State, id: FileId) -> String {
    let path = &state.ws.files[id].path;
    let rel = path.strip_prefix(&state.root).unwrap_or(path);
    crate::source::display_path(rel)
}

/// Renders one file into its page (keeping its last good report).
fn render_page(state: &mut State, id: FileId) {
    let page = make_page(state, id);
    store(state, id, page);
}

fn make_page(state: &State, id: FileId) -> Page {
    let outcome = crate::report::render(&state.ws, id, &state.renderer, Format::Html, false);
    let mut page = Page::default();
    let report = match outcome {
        crate::report::Outcome::Rendered { bytes, report, .. } => {
            page.current = Some(bytes);
            report
        }
        crate::report::Outcome::Refused(report) => report,
        crate::report::Outcome::Trouble(message) => {
            page.trouble = Some(message);
            state.ws.report_of(id)
        }
    };
    page.errors = report.count(Severity::Error);
    page.warnings = report.count(Severity::Warning);
    let style = human::Style::default();
    page.findings = report
        .active()
        .map(|f| human::render_finding(&report, f, &style))
        .collect::<Vec<_>>()
        .join("\n");
    page
}

fn store(state: &mut State, id: FileId, mut page: Page) {
    let path = state.ws.files[id].path.clone();
    let previous = state.pages.remove(&path).and_then(|p| p.last_good);
    page.last_good = page.current.clone().or(previous);
    state.pages.insert(path, page);
}

/// Renders every served file (in parallel).
fn render_all(state: &mut State) {
    let ids = served(state);
    let pages: Vec<(FileId, Page)> = {
        let st = &*state;
        let lang = st.lang;
        ids.par_iter()
            .map(|&i| (i, crate::i18n::scope(lang, || make_page(st, i))))
            .collect()
    };
    for (i, page) in pages {
        store(state, i, page);
    }
}

/// Applies changed paths (absolute, as the watcher reports them) to the workspace and
/// re-renders what they touch; returns the served paths that changed, relative to the
/// root. A deleted file or a changed `planc.toml` reopens the workspace.
pub(crate) fn apply(state: &mut State, changed: &[PathBuf]) -> Vec<String> {
    let mut reopen = false;
    let mut touched: Vec<FileId> = Vec::new();
    for abs in changed {
        let path = match abs.strip_prefix(&state.canon_root) {
            Ok(r) => state.root.join(r),
            Err(_) => abs.clone(),
        };
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        if name.as_deref() == Some("planc.toml") {
            reopen = true;
            continue;
        }
        if path.is_dir() {
            // A folder moved in (a month's exports): its files are found by opening again.
            reopen = true;
            continue;
        }
        let known = state.ws.find_path(&path).is_some();
        if !known && crate::workspace::discover::role_of(&path).is_none() {
            continue;
        }
        if !path.is_file() {
            if known {
                reopen = true;
            }
            continue;
        }
        for id in state.ws.update(&path, None) {
            if !touched.contains(&id) {
                touched.push(id);
            }
        }
    }
    if reopen {
        let config = match Config::discover(&state.root) {
            Ok(mut c) => {
                c.lang = state.ws.config.lang;
                c
            }
            Err(_) => state.ws.config.clone(),
        };
        state.ws = open(&state.root, config);
        let keep: Vec<PathBuf> = state.ws.files.iter().map(|f| f.path.clone()).collect();
        state.pages.retain(|p, _| keep.contains(p));
        state.lang = page_lang(state);
        render_all(state);
        state.generation += 1;
        let mut out: Vec<String> = served(state).into_iter().map(|i| rel(state, i)).collect();
        out.push("monthly".into());
        return out;
    }
    if touched.is_empty() {
        return Vec::new();
    }
    // A month's export landed or changed: the monthly report changes with it.
    let actuals_changed = touched.iter().any(|&i| {
        state
            .ws
            .files
            .get(i)
            .is_some_and(|f| f.role == Role::Actuals)
    });
    // A review reads its plan and actuals: re-render every review with what changed.
    let served_ids = served(state);
    let redo: Vec<FileId> = served_ids
        .iter()
        .copied()
        .filter(|i| touched.contains(i) || state.ws.files[*i].review)
        .collect();
    for &i in &redo {
        render_page(state, i);
    }
    state.lang = page_lang(state);
    state.generation += 1;
    let mut out: Vec<String> = redo.into_iter().map(|i| rel(state, i)).collect();
    if actuals_changed {
        out.push("monthly".into());
    }
    out
}
