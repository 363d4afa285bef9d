//! Requests to responses: the routes of `planc serve` and the event stream.

use std::io::Write;
use std::sync::mpsc;
use std::time::Duration;

use tiny_http::{Header, Request, Response};

use super::{pages, served, Shared};

/// How often an idle event stream gets a comment, so a dead connection is noticed.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// Answers one request (on its own thread).
pub(crate) fn handle(shared: &Shared, request: Request) {
    let url = request.url().to_owned();
    let path = url.split(['?', '#']).next().unwrap_or_default().to_owned();
    if request.method() != &tiny_http::Method::Get && request.method() != &tiny_http::Method::Head {
        let _ = request.respond(Response::from_string("").with_status_code(405));
        return;
    }
    if let Some(hosts) = &shared.hosts {
        let host = request
            .headers()
            .iter()
            .find(|h| h.field.equiv("Host"))
            .map(|h| h.value.as_str().to_ascii_lowercase());
        if !host.is_some_and(|h| hosts.contains(&h)) {
            let _ = request.respond(Response::from_string("").with_status_code(421));
            return;
        }
    }
    if path == "/events" {
        events(shared, request);
        return;
    }
    let lang = shared.lock().lang;
    let reply = crate::i18n::scope(lang, || route(shared, &path));
    let response = match reply {
        Reply::Page(html) => html_response(html.into_bytes(), false),
        Reply::Report(bytes) => html_response(bytes, true),
        Reply::NotFound(html) => html_response(html.into_bytes(), false).with_status_code(404),
    };
    let _ = request.respond(response);
}

enum Reply {
    /// A page of the server's own (may carry the reload snippet).
    Page(String),
    /// A report as `render` writes it: served with a policy that forbids script.
    Report(Vec<u8>),
    NotFound(String),
}

fn route(shared: &Shared, path: &str) -> Reply {
    let state = shared.lock();
    if path == "/" || path == "/index.html" {
        return Reply::Page(pages::index(&state));
    }
    let not_found = || Reply::NotFound(pages::not_found(&state));
    let (kind, rest) = match path.strip_prefix('/').and_then(|p| p.split_once('/')) {
        Some(x) => x,
        None => return not_found(),
    };
    let Some(rel) = decode(rest) else {
        return not_found();
    };
    // Looked up among the served files by their relative path: nothing else can match,
    // but refuse the obvious escapes before looking.
    if rel.is_empty()
        || rel.starts_with('/')
        || rel.contains('\\')
        || rel
            .split('/')
            .any(|s| s.is_empty() || s == "." || s == "..")
    {
        return not_found();
    }
    let Some(id) = served(&state)
        .into_iter()
        .find(|&i| super::rel(&state, i) == rel)
    else {
        return not_found();
    };
    let page = state.pages.get(&state.ws.files[id].path);
    match kind {
        "plan" => Reply::Page(pages::plan(&state, id)),
        "report" => match page.and_then(|p| p.current.clone()) {
            Some(bytes) => Reply::Report(bytes),
            None => not_found(),
        },
        "last-good" => match page.and_then(|p| p.last_good.clone()) {
            Some(bytes) => Reply::Report(bytes),
            None => not_found(),
        },
        _ => not_found(),
    }
}

/// Percent-decodes a URL path; `None` when the result is not UTF-8 or holds a NUL.
fn decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    let s = String::from_utf8(out).ok()?;
    (!s.contains('\0')).then_some(s)
}

fn header(name: &str, value: &str) -> Header {
    // Only constant ASCII names and values reach here.
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a valid constant header")
}

fn html_response(bytes: Vec<u8>, report: bool) -> Response<std::io::Cursor<Vec<u8>>> {
    let mut r = Response::from_data(bytes)
        .with_header(header("Content-Type", "text/html; charset=utf-8"))
        .with_header(header("Cache-Control", "no-store"))
        .with_header(header("X-Content-Type-Options", "nosniff"));
    if report {
        // The report is self-contained: nothing to load, nothing to run. Only the
        // server's own page may frame it.
        r = r.with_header(header(
            "Content-Security-Policy",
            "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:; frame-ancestors 'self'",
        ));
        r = r.with_header(header("X-Frame-Options", "SAMEORIGIN"));
    } else {
        // The server's own pages: their one inline script (the reload), the event
        // stream, the report frame from this server; never framed by anyone.
        r = r.with_header(header(
            "Content-Security-Policy",
            "default-src 'none'; script-src 'unsafe-inline'; connect-src 'self'; frame-src 'self'; img-src 'self' data:; style-src 'unsafe-inline'; font-src data:; frame-ancestors 'none'",
        ));
        r = r.with_header(header("X-Frame-Options", "DENY"));
    }
    r
}

/// `/events`: a server-sent event stream, one `change` event per workspace change.
fn events(shared: &Shared, request: Request) {
    let (tx, rx) = mpsc::channel::<String>();
    let generation = shared.lock().generation;
    shared
        .subscribers
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(tx);
    let mut w = request.into_writer();
    let head = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\n\
         Cache-Control: no-store\r\nConnection: close\r\n\r\n\
         retry: 1000\n: planc generation {generation}\n\n"
    );
    if w.write_all(head.as_bytes())
        .and_then(|()| w.flush())
        .is_err()
    {
        return;
    }
    loop {
        let chunk = match rx.recv_timeout(KEEP_ALIVE) {
            Ok(data) => format!("event: change\ndata: {data}\n\n"),
            Err(mpsc::RecvTimeoutError::Timeout) => ": keep-alive\n\n".to_owned(),
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        };
        if w.write_all(chunk.as_bytes())
            .and_then(|()| w.flush())
            .is_err()
        {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn decodes_percent_escapes_and_refuses_bad_ones() {
        assert_eq!(
            decode("org/%E5%8D%8E.plan.yaml").as_deref(),
            Some("org/华.plan.yaml")
        );
        assert_eq!(decode("%2e%2e%2Fetc").as_deref(), Some("../etc"));
        assert_eq!(decode("a%2"), None);
        assert_eq!(decode("a%zz"), None);
        assert_eq!(decode("a%00b"), None);
        assert_eq!(decode("%ff"), None);
    }
}
