//! `planc lsp`: a Language Server Protocol server on the `lsp-server` crate's channels.
//!
//! The main loop only translates protocol messages into workspace changes and queries
//! (rust-analyzer's split): the [`Workspace`] is the host, an edit is
//! `Workspace::update(path, Some(text))`, which re-checks that file and the plans linked
//! to it and says whose reports may have changed; the server publishes those.
//!
//! - The workspace of the client's root folders is opened on a background thread after
//!   `initialized`; until it is there, an opened file is checked on its own, so its first
//!   diagnostics never wait for a big tree.
//! - Changes are debounced: each `didChange` pushes the re-check [`DEBOUNCE`] later, so a
//!   burst of keystrokes is drained from the queue and checked once.
//! - Requests (hover, definition, symbols, completion) read the open text and the
//!   workspace as they are between two messages: a request never sees half an edit.
//! - Code actions belong in a module of their own beside `hover.rs` (`actions.rs`),
//!   reading the edits findings carry; the capability is announced there.

pub mod actions;
pub mod complete;
pub mod convert;
pub mod diag;
pub mod figures;
pub mod hover;
pub mod nav;
pub mod refs;
pub mod tree;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crossbeam_channel::{after, never, select, Receiver};
use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;
use lsp_types::{notification, request, InitializeParams, Url};
use serde_json::Value as Json;

use crate::config::Config;
use crate::diagnostics::FileReport;
use crate::i18n::Lang;
use crate::source::yaml::Node;
use crate::workspace::{FileId, Options, Workspace};
use convert::{path_of, uri_of, Encoding, LineIndex};

/// How long the server waits after a change for the next one before re-checking.
pub const DEBOUNCE: Duration = Duration::from_millis(150);

pub type Error = Box<dyn std::error::Error + Send + Sync>;

/// How the server is run.
pub struct Setup {
    /// Write the rule docs that diagnostics link to (off in unit tests).
    pub write_docs: bool,
}

/// Serves one client on `conn` until it asks to shut down and exits.
pub fn serve(conn: &Connection, setup: &Setup) -> Result<(), Error> {
    let (id, params) = conn.initialize_start()?;
    let params: InitializeParams = serde_json::from_value(params)?;
    let encoding = Encoding::negotiate(
        params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_deref()),
    );
    let result = serde_json::json!({
        "capabilities": capabilities(encoding),
        "serverInfo": { "name": "planc", "version": env!("CARGO_PKG_VERSION") },
    });
    // `initialize_finish` also waits for the client's `initialized`: the workspace can open.
    conn.initialize_finish(id, result)?;
    let mut server = Server::new(conn, encoding, roots(&params), setup);
    server.open_workspace();
    if watches(&params) {
        server.watch_files()?;
    }
    server.run()
}

fn capabilities(encoding: Encoding) -> lsp_types::ServerCapabilities {
    use lsp_types::*;
    ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![":".into(), " ".into(), "#".into()]),
            ..CompletionOptions::default()
        }),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, actions::fix_all_kind()]),
            ..CodeActionOptions::default()
        })),
        ..ServerCapabilities::default()
    }
}

/// Can the client watch files for us (`workspace/didChangeWatchedFiles`, registered
/// dynamically)?
fn watches(params: &InitializeParams) -> bool {
    params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|d| d.dynamic_registration)
        .unwrap_or(false)
}

/// The client's root folders (workspace folders, else the root URI).
#[allow(deprecated)] // `root_uri`: older clients send only that.
fn roots(params: &InitializeParams) -> Vec<PathBuf> {
    let folders: Vec<PathBuf> = params
        .workspace_folders
        .iter()
        .flatten()
        .filter_map(|f| path_of(&f.uri))
        .collect();
    if !folders.is_empty() {
        return folders;
    }
    params.root_uri.iter().filter_map(path_of).collect()
}

/// A file the client has open.
pub struct Doc {
    pub uri: Url,
    pub text: String,
    /// The client's version of the text (sent back with its diagnostics).
    pub version: i32,
}

struct Server<'a> {
    conn: &'a Connection,
    encoding: Encoding,
    docs: diag::Docs,
    roots: Vec<PathBuf>,
    config: Config,
    ws: Option<Workspace>,
    ws_rx: Receiver<Workspace>,
    open: HashMap<PathBuf, Doc>,
    dirty: Vec<PathBuf>,
    deadline: Option<Instant>,
    /// The workspace is being opened (or is open).
    opening: bool,
}

/// What request handlers read: the open texts and the workspace, between two messages.
pub struct Snapshot<'a> {
    pub encoding: Encoding,
    pub config: &'a Config,
    pub ws: Option<&'a Workspace>,
    pub open: &'a HashMap<PathBuf, Doc>,
}

impl Snapshot<'_> {
    /// The text of a file: as the client has it, else as the workspace loaded it.
    pub fn text(&self, path: &Path) -> Option<String> {
        if let Some(d) = self.open.get(path) {
            return Some(d.text.clone());
        }
        let ws = self.ws?;
        let id = ws.find_path(path)?;
        ws.files[id].source.as_ref().map(|s| s.text.clone())
    }

    /// The YAML tree of a text (parsed on demand: the workspace keeps plans, not trees).
    pub fn tree(text: &str) -> Option<Node> {
        crate::source::yaml::parse(text).root
    }

    /// The language of messages about a file.
    pub fn lang(&self, path: &Path, text: &str) -> Lang {
        match self
            .ws
            .and_then(|ws| ws.find_path(path).map(|id| ws.lang_of(id)))
        {
            Some(l) => l,
            None => self.config.lang.for_file(crate::load::text_lang(text)),
        }
    }

    /// The findings about a file as they stand.
    pub fn report(&self, path: &Path, text: &str) -> FileReport {
        match self.ws.and_then(|ws| ws.find_path(path)) {
            Some(id) => self.ws.map_or_else(|| empty(path), |ws| ws.report_of(id)),
            None => crate::load::check_bytes(path, text.as_bytes(), self.config),
        }
    }

    /// The byte offset of a position in a text.
    pub fn offset(&self, text: &str, pos: lsp_types::Position) -> usize {
        LineIndex::new(text, self.encoding).offset(pos)
    }
}

fn empty(path: &Path) -> FileReport {
    FileReport {
        path: path.to_path_buf(),
        source: None,
        findings: Vec::new(),
    }
}

impl<'a> Server<'a> {
    fn new(conn: &'a Connection, encoding: Encoding, roots: Vec<PathBuf>, setup: &Setup) -> Self {
        let config = roots
            .first()
            .and_then(|r| Config::discover(r).ok())
            .unwrap_or_default();
        Server {
            conn,
            encoding,
            docs: if setup.write_docs {
                diag::Docs::write()
            } else {
                diag::Docs::none()
            },
            roots,
            config,
            ws: None,
            ws_rx: never(),
            open: HashMap::new(),
            dirty: Vec::new(),
            deadline: None,
            opening: false,
        }
    }

    fn run(&mut self) -> Result<(), Error> {
        loop {
            let tick = match self.deadline {
                Some(d) => after(d.saturating_duration_since(Instant::now())),
                None => never(),
            };
            select! {
                recv(self.conn.receiver) -> msg => match msg {
                    Ok(Message::Request(req)) => {
                        if self.conn.handle_shutdown(&req)? {
                            return Ok(());
                        }
                        self.request(req)?;
                    }
                    Ok(Message::Notification(n)) => {
                        if n.method == notification::Exit::METHOD {
                            return Ok(());
                        }
                        let method = n.method.clone();
                        if let Err(e) = self.notification(n) {
                            // A malformed notification is logged, not fatal.
                            self.log(
                                lsp_types::MessageType::ERROR,
                                crate::t_in!(
                                    self.config.lang.ui(),
                                    "lsp-log-bad-notification",
                                    method = method,
                                    error = e.to_string()
                                ),
                            )?;
                        }
                    }
                    Ok(Message::Response(_)) => {}
                    Err(_) => return Ok(()),
                },
                recv(self.ws_rx) -> ws => {
                    self.ws_rx = never();
                    if let Ok(ws) = ws {
                        self.install(ws)?;
                    }
                }
                recv(tick) -> _ => self.flush()?,
            }
        }
    }

    /// Opens the workspace of the root folders on a background thread. A client without
    /// a root folder gets the workspace of the first file it opens (that file pulls in
    /// the plans of its folder and the folder above to resolve its links).
    fn open_workspace(&mut self) {
        if self.roots.is_empty() || self.opening {
            return;
        }
        self.opening = true;
        let (tx, rx) = crossbeam_channel::bounded(1);
        let roots = self.roots.clone();
        let config = self.config.clone();
        std::thread::spawn(move || {
            let opts = Options {
                keep: true,
                ..Options::default()
            };
            let _ = tx.send(Workspace::open(&roots, config, &opts));
        });
        self.ws_rx = rx;
    }

    /// Asks the client to tell us when plan and actuals files change on disk (a `git
    /// checkout`, another program): files not open are then re-read.
    fn watch_files(&self) -> Result<(), Error> {
        use lsp_types::{
            DidChangeWatchedFilesRegistrationOptions, FileSystemWatcher, GlobPattern, Registration,
            RegistrationParams,
        };
        let watchers = ["**/*.plan.yaml", "**/*.plan.yml", "**/*.actuals.*"]
            .into_iter()
            .map(|g| FileSystemWatcher {
                glob_pattern: GlobPattern::String(g.to_owned()),
                kind: None,
            })
            .collect();
        let params = RegistrationParams {
            registrations: vec![Registration {
                id: "planc-watch".into(),
                method: notification::DidChangeWatchedFiles::METHOD.into(),
                register_options: Some(serde_json::to_value(
                    DidChangeWatchedFilesRegistrationOptions { watchers },
                )?),
            }],
        };
        let r = Request::new(
            RequestId::from("planc-watch".to_owned()),
            request::RegisterCapability::METHOD.into(),
            params,
        );
        self.conn.sender.send(Message::Request(r))?;
        Ok(())
    }

    /// Files changed on disk: re-read those the client does not have open.
    fn files_changed(&mut self, p: lsp_types::DidChangeWatchedFilesParams) -> Result<(), Error> {
        if self.ws.is_none() {
            return Ok(());
        }
        let mut changed: Vec<FileId> = Vec::new();
        for ev in p.changes {
            let Some(path) = path_of(&ev.uri) else {
                continue;
            };
            if self.open.contains_key(&path) || crate::workspace::discover::role_of(&path).is_none()
            {
                continue;
            }
            if ev.typ == lsp_types::FileChangeType::DELETED {
                // The workspace has no removal; its last findings are withdrawn.
                self.send_diagnostics(ev.uri, Vec::new(), None)?;
                continue;
            }
            let ids = self.ws.as_mut().map(|ws| ws.update(&path, None));
            for id in ids.into_iter().flatten() {
                if !changed.contains(&id) {
                    changed.push(id);
                }
            }
        }
        self.publish_ids(&changed)
    }

    /// The workspace is open: bring in the open buffers and publish what they change.
    fn install(&mut self, mut ws: Workspace) -> Result<(), Error> {
        let files = i64::try_from(ws.files.len()).unwrap_or(i64::MAX);
        self.log(
            lsp_types::MessageType::INFO,
            crate::t_in!(self.config.lang.ui(), "lsp-log-workspace", files = files),
        )?;
        let mut changed: Vec<FileId> = Vec::new();
        for (path, doc) in &self.open {
            for id in ws.update(path, Some(doc.text.clone())) {
                if !changed.contains(&id) {
                    changed.push(id);
                }
            }
        }
        self.ws = Some(ws);
        self.dirty.clear();
        self.deadline = None;
        self.publish_ids(&changed)
    }

    fn notification(&mut self, n: Notification) -> Result<(), Error> {
        match n.method.as_str() {
            notification::DidOpenTextDocument::METHOD => {
                let p: lsp_types::DidOpenTextDocumentParams = serde_json::from_value(n.params)?;
                // Only the files planc understands (`*.plan.yaml`, actuals): a client
                // that starts the server for every YAML file gets nothing for the others.
                let Some(path) = path_of(&p.text_document.uri)
                    .filter(|p| crate::workspace::discover::role_of(p).is_some())
                else {
                    return Ok(());
                };
                self.open.insert(
                    path.clone(),
                    Doc {
                        uri: p.text_document.uri,
                        text: p.text_document.text,
                        version: p.text_document.version,
                    },
                );
                if self.roots.is_empty() {
                    self.roots.push(path.clone());
                    self.open_workspace();
                }
                self.recheck(&[path])?;
            }
            notification::DidChangeTextDocument::METHOD => {
                let p: lsp_types::DidChangeTextDocumentParams = serde_json::from_value(n.params)?;
                let Some(path) = path_of(&p.text_document.uri) else {
                    return Ok(());
                };
                if let Some(doc) = self.open.get_mut(&path) {
                    doc.version = p.text_document.version;
                    for change in p.content_changes {
                        apply(&mut doc.text, change, self.encoding);
                    }
                    if !self.dirty.contains(&path) {
                        self.dirty.push(path);
                    }
                    self.deadline = Some(Instant::now() + DEBOUNCE);
                }
            }
            notification::DidChangeWatchedFiles::METHOD => {
                self.files_changed(serde_json::from_value(n.params)?)?;
            }
            notification::DidCloseTextDocument::METHOD => {
                let p: lsp_types::DidCloseTextDocumentParams = serde_json::from_value(n.params)?;
                if let Some(path) = path_of(&p.text_document.uri) {
                    self.open.remove(&path);
                    self.dirty.retain(|d| d != &path);
                    // Back to the file as saved; its findings stay listed, as for any
                    // other file of the workspace.
                    match self.ws.as_mut() {
                        Some(ws) if path.exists() => {
                            let ids = ws.update(&path, None);
                            self.publish_ids(&ids)?;
                        }
                        _ => self.send_diagnostics(p.text_document.uri, Vec::new(), None)?,
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// The debounce has run out: check the files changed meanwhile.
    fn flush(&mut self) -> Result<(), Error> {
        self.deadline = None;
        let dirty = std::mem::take(&mut self.dirty);
        self.recheck(&dirty)
    }

    fn recheck(&mut self, paths: &[PathBuf]) -> Result<(), Error> {
        let Some(ws) = self.ws.as_mut() else {
            // No workspace yet: the file on its own, now.
            for path in paths {
                if let Some(doc) = self.open.get(path) {
                    let report = crate::load::check_bytes(path, doc.text.as_bytes(), &self.config);
                    let lang = self.config.lang.for_file(crate::load::text_lang(&doc.text));
                    let diags = diag::diagnostics(
                        &report,
                        Some(&doc.text),
                        self.encoding,
                        lang,
                        &self.docs,
                    );
                    self.send_diagnostics(doc.uri.clone(), diags, Some(doc.version))?;
                }
            }
            return Ok(());
        };
        let mut changed: Vec<FileId> = Vec::new();
        for path in paths {
            if let Some(doc) = self.open.get(path) {
                for id in ws.update(path, Some(doc.text.clone())) {
                    if !changed.contains(&id) {
                        changed.push(id);
                    }
                }
            }
        }
        self.publish_ids(&changed)
    }

    /// Publishes the diagnostics of these workspace files.
    fn publish_ids(&self, ids: &[FileId]) -> Result<(), Error> {
        let Some(ws) = self.ws.as_ref() else {
            return Ok(());
        };
        for &id in ids {
            let Some(file) = ws.files.get(id) else {
                continue;
            };
            let report = ws.report_of(id);
            let doc = self.open.get(&file.path);
            let Some(uri) = doc.map(|d| d.uri.clone()).or_else(|| uri_of(&file.path)) else {
                continue;
            };
            let text = doc.map(|d| d.text.as_str());
            let diags = diag::diagnostics(&report, text, self.encoding, ws.lang_of(id), &self.docs);
            self.send_diagnostics(uri, diags, doc.map(|d| d.version))?;
        }
        Ok(())
    }

    fn send_diagnostics(
        &self,
        uri: Url,
        diagnostics: Vec<lsp_types::Diagnostic>,
        version: Option<i32>,
    ) -> Result<(), Error> {
        let params = lsp_types::PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        };
        let n = Notification::new(notification::PublishDiagnostics::METHOD.to_owned(), params);
        self.conn.sender.send(Message::Notification(n))?;
        Ok(())
    }

    fn request(&mut self, req: Request) -> Result<(), Error> {
        if !self.dirty.is_empty() {
            // A request reads the latest text: check what is pending first.
            self.flush()?;
        }
        let snap = Snapshot {
            encoding: self.encoding,
            config: &self.config,
            ws: self.ws.as_ref(),
            open: &self.open,
        };
        let id = req.id.clone();
        let method = req.method.clone();
        // A bug behind one request must not end the session: it becomes an error answer.
        let answered =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| answer(&snap, req)));
        let response = match answered {
            Ok(Some(Ok(v))) => Response::new_ok(id, v),
            Ok(Some(Err(e))) => invalid_params(id, &e),
            Ok(None) => Response::new_err(
                id,
                lsp_server::ErrorCode::MethodNotFound as i32,
                format!("unhandled method {method}"),
            ),
            Err(_) => Response::new_err(
                id,
                lsp_server::ErrorCode::InternalError as i32,
                format!("planc lsp failed on {method}"),
            ),
        };
        self.respond(response)
    }

    fn respond(&self, r: Response) -> Result<(), Error> {
        self.conn.sender.send(Message::Response(r))?;
        Ok(())
    }

    /// `window/logMessage`: shown in the editor's log of this server.
    fn log(&self, typ: lsp_types::MessageType, message: String) -> Result<(), Error> {
        let n = Notification::new(
            notification::LogMessage::METHOD.to_owned(),
            lsp_types::LogMessageParams { typ, message },
        );
        self.conn.sender.send(Message::Notification(n))?;
        Ok(())
    }
}

/// The answer to a request; `None` for a method the server does not handle.
fn answer(snap: &Snapshot, req: Request) -> Option<Result<Json, Error>> {
    Some(match req.method.as_str() {
        request::HoverRequest::METHOD => parse(req.params).map(|p| to_json(hover::hover(snap, &p))),
        request::GotoDefinition::METHOD => {
            parse(req.params).map(|p| to_json(nav::definition(snap, &p)))
        }
        request::DocumentSymbolRequest::METHOD => {
            parse(req.params).map(|p| to_json(nav::symbols(snap, &p)))
        }
        request::Completion::METHOD => {
            parse(req.params).map(|p| to_json(complete::complete(snap, &p)))
        }
        request::References::METHOD => {
            parse(req.params).map(|p| to_json(refs::references(snap, &p)))
        }
        request::CodeActionRequest::METHOD => {
            parse(req.params).map(|p| to_json(actions::code_actions(snap, &p)))
        }
        _ => return None,
    })
}

fn parse<P: serde::de::DeserializeOwned>(params: Json) -> Result<P, Error> {
    Ok(serde_json::from_value(params)?)
}

fn to_json<T: serde::Serialize>(v: T) -> Json {
    serde_json::to_value(v).unwrap_or(Json::Null)
}

fn invalid_params(id: RequestId, e: &Error) -> Response {
    Response::new_err(
        id,
        lsp_server::ErrorCode::InvalidParams as i32,
        e.to_string(),
    )
}

/// Applies one change of a `didChange` (a range and its new text, or the whole text).
pub fn apply(text: &mut String, change: lsp_types::TextDocumentContentChangeEvent, enc: Encoding) {
    match change.range {
        Some(range) => {
            let index = LineIndex::new(text, enc);
            let start = index.offset(range.start);
            let end = index.offset(range.end).max(start);
            text.replace_range(start..end, &change.text);
        }
        None => *text = change.text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn incremental_changes_apply_in_utf16() {
        let mut text = "name: 华东𠀀大区\n".to_owned();
        let change = lsp_types::TextDocumentContentChangeEvent {
            range: Some(lsp_types::Range::new(
                lsp_types::Position::new(0, 8),
                lsp_types::Position::new(0, 10),
            )),
            range_length: None,
            text: "x".into(),
        };
        apply(&mut text, change, Encoding::Utf16);
        assert_eq!(text, "name: 华东x大区\n");
    }
}
