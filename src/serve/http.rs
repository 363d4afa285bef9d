//! Requests to responses: the routes of `planc serve` and the event stream.

use std::io::Write;
use std::net::TcpStream;
use std::sync::mpsc;
use std::time::Duration;

use super::conn::{self, Guard, HeadError, Limits, Phase};
use super::{pages, served, Shared};

/// How often an idle event stream gets a comment, so a dead connection is noticed.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// How often an event stream looks whether it was closed to make room.
const STREAM_POLL: Duration = Duration::from_millis(500);

/// The policy of the server's own pages (and its error replies): their one inline
/// script (the reload), the event stream, the report frame from this server; never
/// framed by anyone.
const PAGE_POLICY: &str = "default-src 'none'; script-src 'unsafe-inline'; connect-src 'self'; frame-src 'self'; img-src 'self' data:; style-src 'unsafe-inline'; font-src data:; frame-ancestors 'none'";

/// The policy of a report: self-contained, nothing to load, nothing to run; only the
/// server's own page may frame it.
const REPORT_POLICY: &str = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:; frame-ancestors 'self'";

/// Serves one connection (on its own thread): reads one request head within the
/// limits, answers it, and closes.
pub(crate) fn connection(shared: &Shared, mut stream: TcpStream, guard: Guard, limits: Limits) {
    let _ = stream.set_write_timeout(Some(limits.write_timeout));
    let head = conn::read_head(&mut stream, &limits, &guard);
    guard.set_phase(Phase::Busy);
    let head = match head {
        Ok(h) => h,
        Err(HeadError::Closed) => return,
        Err(e) => {
            let status = match e {
                HeadError::TooLarge => 431,
                HeadError::Timeout => 408,
                _ => 400,
            };
            let _ = write_response(&mut stream, &Response::empty(status), false);
            return;
        }
    };
    let head_only = head.method == "HEAD";
    if head.method != "GET" && !head_only {
        let _ = write_response(&mut stream, &Response::empty(405), false);
        return;
    }
    if let Some(hosts) = &shared.hosts {
        if !head.host.as_ref().is_some_and(|h| hosts.contains(h)) {
            let _ = write_response(&mut stream, &Response::empty(421), head_only);
            return;
        }
    }
    let path = head
        .target
        .split(['?', '#'])
        .next()
        .unwrap_or_default()
        .to_owned();
    if path == "/events" {
        guard.set_phase(Phase::Stream);
        events(shared, stream, &guard);
        return;
    }
    let lang = shared.lock().lang;
    let reply = crate::i18n::scope(lang, || route(shared, &path));
    let response = match reply {
        Reply::Page(html) => Response::html(200, html.into_bytes(), false),
        Reply::Report(bytes) => Response::html(200, bytes, true),
        Reply::NotFound(html) => Response::html(404, html.into_bytes(), false),
    };
    let _ = write_response(&mut stream, &response, head_only);
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
    // The monthly report of the tree (`planc review DIR --as-of`), as of the latest
    // month its exports report: the wrapper page, and the report it frames.
    if path == "/monthly" {
        return Reply::Page(pages::monthly(&state));
    }
    if path == "/monthly/report" {
        return match super::monthly_report(&state) {
            Ok(bytes) => Reply::Report(bytes),
            Err(_) => not_found(),
        };
    }
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

/// A response: status, content type, policy and body.
pub(crate) struct Response {
    status: u16,
    body: Vec<u8>,
    content_type: &'static str,
    report: bool,
}

impl Response {
    fn html(status: u16, body: Vec<u8>, report: bool) -> Response {
        Response {
            status,
            body,
            content_type: "text/html; charset=utf-8",
            report,
        }
    }

    fn empty(status: u16) -> Response {
        Response {
            status,
            body: Vec::new(),
            content_type: "text/plain; charset=utf-8",
            report: false,
        }
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        421 => "Misdirected Request",
        431 => "Request Header Fields Too Large",
        _ => "Error",
    }
}

/// The head every response carries: a policy (a report's forbids script), no framing
/// by other sites, no caching, no sniffing, and the connection closes after it.
fn response_head(r: &Response, length: Option<usize>) -> String {
    let (policy, frames) = if r.report {
        (REPORT_POLICY, "SAMEORIGIN")
    } else {
        (PAGE_POLICY, "DENY")
    };
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nCache-Control: no-store\r\n\
         X-Content-Type-Options: nosniff\r\nContent-Security-Policy: {policy}\r\n\
         X-Frame-Options: {frames}\r\nConnection: close\r\n",
        r.status,
        reason(r.status),
        r.content_type
    );
    if let Some(n) = length {
        head.push_str(&format!("Content-Length: {n}\r\n"));
    }
    head.push_str("\r\n");
    head
}

fn write_response(stream: &mut TcpStream, r: &Response, head_only: bool) -> std::io::Result<()> {
    stream.write_all(response_head(r, Some(r.body.len())).as_bytes())?;
    if !head_only {
        stream.write_all(&r.body)?;
    }
    stream.flush()
}

/// `/events`: a server-sent event stream, one `change` event per workspace change,
/// until the client goes, the server stops, or the connection is closed to make room.
fn events(shared: &Shared, mut stream: TcpStream, guard: &Guard) {
    let (tx, rx) = mpsc::channel::<String>();
    let generation = shared.lock().generation;
    shared
        .subscribers
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(tx);
    let mut head = response_head(
        &Response {
            status: 200,
            body: Vec::new(),
            content_type: "text/event-stream; charset=utf-8",
            report: false,
        },
        None,
    );
    head.push_str(&format!("retry: 1000\n: planc generation {generation}\n\n"));
    if stream
        .write_all(head.as_bytes())
        .and_then(|()| stream.flush())
        .is_err()
    {
        return;
    }
    let mut quiet = Duration::ZERO;
    while !guard.closed() {
        let chunk = match rx.recv_timeout(STREAM_POLL) {
            Ok(data) => format!("event: change\ndata: {data}\n\n"),
            Err(mpsc::RecvTimeoutError::Timeout) => {
                quiet += STREAM_POLL;
                if quiet < KEEP_ALIVE {
                    continue;
                }
                ": keep-alive\n\n".to_owned()
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        };
        quiet = Duration::ZERO;
        if stream
            .write_all(chunk.as_bytes())
            .and_then(|()| stream.flush())
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
