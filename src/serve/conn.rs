//! Connections: the listener's accept loop, a bounded table of open connections, and
//! the reading of one request head within a size and a time limit.
//!
//! planc serves a few pages to one user's browser, so the server is deliberately small:
//! one request per connection (every response says `Connection: close`), GET and HEAD
//! only, no request body. What it must withstand is another local user, or a page in
//! the browser, opening connections and sending nothing, or sending a header without
//! end. Hence:
//! - at most [`Limits::max_connections`] connections are open, well below the process's
//!   descriptor limit (each one holds two descriptors: the socket and the handle kept to
//!   close it); when the table is full, the oldest connection still sending its request
//!   head (else the oldest event stream) is closed to make room, so a normal request is
//!   always answered;
//! - a request head larger than [`Limits::header_bytes`] is answered 431 and closed;
//! - a request head not complete within [`Limits::header_timeout`] is closed (408), so a
//!   connection that sends nothing, or one byte a second, costs a slot for seconds only;
//! - a response the client does not read is dropped after [`Limits::write_timeout`];
//! - an accept error (out of descriptors, a connection reset before it was accepted) is
//!   logged and the listener goes on; it never ends the server.

use std::collections::BTreeMap;
use std::io::{self, Read};
#[cfg(test)]
use std::net::TcpListener;
use std::net::{Shutdown, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The bounds every connection is held to.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Limits {
    pub max_connections: usize,
    pub header_bytes: usize,
    pub header_timeout: Duration,
    pub write_timeout: Duration,
}

/// Descriptors kept free for everything but connections: standard streams, the
/// listener, the file watcher, the files a re-render reads.
const RESERVED_DESCRIPTORS: u64 = 32;
/// However many descriptors there are, no more connections than this.
const MOST_CONNECTIONS: u64 = 512;
/// However few descriptors there are, at least this many connections.
const FEWEST_CONNECTIONS: u64 = 4;

impl Limits {
    /// The limits for this process: connections from its descriptor limit.
    pub fn for_this_process() -> Limits {
        Limits {
            max_connections: connections_for(open_files_limit()),
            header_bytes: 16 * 1024,
            header_timeout: Duration::from_secs(5),
            write_timeout: Duration::from_secs(10),
        }
    }
}

/// How many connections fit under a descriptor limit of `files`: what is left after the
/// reserve (and an eighth more for slack), two descriptors each, within bounds.
pub(crate) fn connections_for(files: u64) -> usize {
    let free = files.saturating_sub(RESERVED_DESCRIPTORS + files / 8);
    (free / 2).clamp(FEWEST_CONNECTIONS, MOST_CONNECTIONS) as usize
}

/// The soft limit on open files (`ulimit -n`), from `/proc/self/limits` where there is
/// one; elsewhere 256, the smallest default of the systems planc runs on (macOS).
fn open_files_limit() -> u64 {
    std::fs::read_to_string("/proc/self/limits")
        .ok()
        .and_then(|text| parse_open_files(&text))
        .unwrap_or(256)
}

/// The soft limit in the `Max open files` line of `/proc/self/limits`.
fn parse_open_files(text: &str) -> Option<u64> {
    let line = text.lines().find(|l| l.starts_with("Max open files"))?;
    let soft = line["Max open files".len()..].split_whitespace().next()?;
    match soft {
        "unlimited" => Some(u64::MAX),
        n => n.parse().ok(),
    }
}

/// What a connection is doing: only one still sending its request head, or an idle
/// event stream, may be closed to make room for another.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Phase {
    Head,
    Busy,
    Stream,
}

struct Slot {
    phase: Phase,
    /// A second handle on the socket, to shut it down from the accept loop.
    handle: TcpStream,
    closed: Arc<AtomicBool>,
}

/// The open connections, oldest first.
pub(crate) struct Table {
    max: usize,
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    next: u64,
    slots: BTreeMap<u64, Slot>,
}

impl Table {
    pub fn new(max: usize) -> Table {
        Table {
            max,
            inner: Mutex::new(Inner::default()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// How many connections are open.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.lock().slots.len()
    }

    /// Registers a new connection, closing the oldest one sending its head (else the
    /// oldest event stream) when the table is full; `None` when nothing can make room.
    pub fn admit(self: &Arc<Self>, stream: &TcpStream) -> io::Result<Option<Guard>> {
        let mut inner = self.lock();
        if inner.slots.len() >= self.max {
            let victim = [Phase::Head, Phase::Stream].iter().find_map(|want| {
                inner
                    .slots
                    .iter()
                    .find(|(_, s)| s.phase == *want)
                    .map(|(k, _)| *k)
            });
            let Some(key) = victim else {
                return Ok(None);
            };
            if let Some(slot) = inner.slots.remove(&key) {
                slot.closed.store(true, Ordering::SeqCst);
                let _ = slot.handle.shutdown(Shutdown::Both);
            }
        }
        let handle = stream.try_clone()?;
        let key = inner.next;
        inner.next += 1;
        let closed = Arc::new(AtomicBool::new(false));
        inner.slots.insert(
            key,
            Slot {
                phase: Phase::Head,
                handle,
                closed: Arc::clone(&closed),
            },
        );
        Ok(Some(Guard {
            table: Arc::clone(self),
            key,
            closed,
        }))
    }

    /// Closes every connection (the server stops).
    pub fn close_all(&self) {
        let mut inner = self.lock();
        for (_, slot) in std::mem::take(&mut inner.slots) {
            slot.closed.store(true, Ordering::SeqCst);
            let _ = slot.handle.shutdown(Shutdown::Both);
        }
    }
}

/// A connection's place in the [`Table`]; dropping it frees the place.
pub(crate) struct Guard {
    table: Arc<Table>,
    key: u64,
    closed: Arc<AtomicBool>,
}

impl Guard {
    pub fn set_phase(&self, phase: Phase) {
        if let Some(slot) = self.table.lock().slots.get_mut(&self.key) {
            slot.phase = phase;
        }
    }

    /// Whether the connection was closed to make room (or the server is stopping).
    pub fn closed(&self) -> bool {
        self.closed.load(Ordering::SeqCst)
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        self.table.lock().slots.remove(&self.key);
    }
}

/// One request head, as far as planc needs it.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Head {
    pub method: String,
    pub target: String,
    /// The `Host` header, lower-cased.
    pub host: Option<String>,
}

/// Why no request head was read.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum HeadError {
    /// Larger than the limit: 431.
    TooLarge,
    /// Not complete in time: 408.
    Timeout,
    /// Not HTTP, or two `Host` headers: 400.
    Malformed,
    /// The client went away (or the connection was closed to make room).
    Closed,
}

/// Reads a request head from `stream` within `limits`: each read waits only for what
/// is left of the header time.
pub(crate) fn read_head(
    stream: &mut TcpStream,
    limits: &Limits,
    guard: &Guard,
) -> Result<Head, HeadError> {
    let deadline = Instant::now() + limits.header_timeout;
    let mut timed = Timed { stream, deadline };
    let head = read_head_from(&mut timed, limits.header_bytes);
    if guard.closed() {
        return Err(HeadError::Closed);
    }
    head
}

/// A socket whose every read waits at most until one deadline.
struct Timed<'a> {
    stream: &'a mut TcpStream,
    deadline: Instant,
}

impl Read for Timed<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let left = self.deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(io::ErrorKind::TimedOut.into());
        }
        self.stream.set_read_timeout(Some(left))?;
        self.stream.read(buf)
    }
}

/// Reads bytes until the blank line that ends a request head, at most `max` of them.
pub(crate) fn read_head_from(r: &mut impl Read, max: usize) -> Result<Head, HeadError> {
    let mut buf: Vec<u8> = Vec::with_capacity(1024);
    let mut chunk = [0u8; 2048];
    loop {
        let n = match r.read(&mut chunk) {
            Ok(0) => return Err(HeadError::Closed),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock
                ) =>
            {
                return Err(HeadError::Timeout)
            }
            Err(_) => return Err(HeadError::Closed),
        };
        let from = buf.len().saturating_sub(3);
        buf.extend_from_slice(&chunk[..n]);
        if let Some(end) = head_end(&buf[from..]) {
            let end = from + end;
            if end > max {
                return Err(HeadError::TooLarge);
            }
            return parse_head(&buf[..end]);
        }
        if buf.len() > max {
            return Err(HeadError::TooLarge);
        }
    }
}

/// Where the head ends (after its blank line) in `bytes`, if it does.
fn head_end(bytes: &[u8]) -> Option<usize> {
    let crlf = memchr::memmem::find(bytes, b"\r\n\r\n").map(|i| i + 4);
    let lf = memchr::memmem::find(bytes, b"\n\n").map(|i| i + 2);
    match (crlf, lf) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn parse_head(bytes: &[u8]) -> Result<Head, HeadError> {
    let text = std::str::from_utf8(bytes).map_err(|_| HeadError::Malformed)?;
    let mut lines = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
    let first = lines.next().ok_or(HeadError::Malformed)?;
    let mut parts = first.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(HeadError::Malformed);
    };
    if !version.starts_with("HTTP/1.") || method.is_empty() || !target.starts_with('/') {
        return Err(HeadError::Malformed);
    }
    let mut host = None;
    for line in lines.take_while(|l| !l.is_empty()) {
        let (name, value) = line.split_once(':').ok_or(HeadError::Malformed)?;
        if name.trim().eq_ignore_ascii_case("host") {
            if host.is_some() {
                return Err(HeadError::Malformed);
            }
            host = Some(value.trim().to_ascii_lowercase());
        }
    }
    Ok(Head {
        method: method.to_owned(),
        target: target.to_owned(),
        host,
    })
}

/// Accepts connections until `stopping`, handing each admitted one to `serve` on a
/// thread of its own. An accept error is passed to `log` (once per kind of error until
/// a connection is accepted again) and the loop goes on after a short pause.
pub(crate) fn accept_loop(
    mut accept: impl FnMut() -> io::Result<TcpStream>,
    table: &Arc<Table>,
    stopping: &AtomicBool,
    log: &(dyn Fn(&str) + Sync),
    serve: impl Fn(TcpStream, Guard) + Send + Sync + Clone + 'static,
) {
    let mut last_error: Option<io::ErrorKind> = None;
    while !stopping.load(Ordering::SeqCst) {
        let stream = match accept() {
            Ok(s) => s,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => {
                if last_error != Some(e.kind()) {
                    log(&crate::t!("serve-accept-failed", reason = e.to_string()));
                    last_error = Some(e.kind());
                }
                // Out of descriptors: give running connections a moment to finish.
                std::thread::sleep(Duration::from_millis(50));
                continue;
            }
        };
        last_error = None;
        if stopping.load(Ordering::SeqCst) {
            break;
        }
        let guard = match table.admit(&stream) {
            Ok(Some(g)) => g,
            Ok(None) => {
                refuse_busy(stream);
                continue;
            }
            Err(e) => {
                log(&crate::t!("serve-accept-failed", reason = e.to_string()));
                continue;
            }
        };
        let serve = serve.clone();
        let spawned = std::thread::Builder::new()
            .name("planc-serve-conn".to_owned())
            .stack_size(1024 * 1024)
            .spawn(move || serve(stream, guard));
        if let Err(e) = spawned {
            log(&crate::t!("serve-accept-failed", reason = e.to_string()));
        }
    }
}

/// Every connection busy with a response: a short 503, without waiting on the client.
fn refuse_busy(stream: TcpStream) {
    use std::io::Write;
    let _ = stream.set_nonblocking(true);
    let mut s = stream;
    let _ = s.write_all(
        b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\
          Retry-After: 1\r\nContent-Security-Policy: default-src 'none'; frame-ancestors 'none'\r\n\r\n",
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connections_stay_well_below_the_descriptor_limit() {
        assert_eq!(connections_for(1024), (1024 - 32 - 128) / 2);
        assert_eq!(connections_for(128), (128 - 32 - 16) / 2);
        assert!(connections_for(128) * 2 + 32 < 128);
        assert_eq!(connections_for(20), FEWEST_CONNECTIONS as usize);
        assert_eq!(connections_for(u64::MAX), MOST_CONNECTIONS as usize);
        let limits = "Limit                     Soft Limit           Hard Limit           Units     \n\
                      Max processes             95457                95457                processes \n\
                      Max open files            1024                 524288               files     \n";
        assert_eq!(parse_open_files(limits), Some(1024));
        assert_eq!(
            parse_open_files("Max open files unlimited unlimited files"),
            Some(u64::MAX)
        );
        assert_eq!(parse_open_files("nothing"), None);
    }

    #[test]
    fn a_head_is_read_to_its_blank_line_within_its_size() {
        let req =
            b"GET /plan/a.plan.yaml?x HTTP/1.1\r\nHOST: LocalHost:7700\r\nAccept: */*\r\n\r\nbody";
        let head = read_head_from(&mut &req[..], 1024).unwrap();
        assert_eq!(
            head,
            Head {
                method: "GET".into(),
                target: "/plan/a.plan.yaml?x".into(),
                host: Some("localhost:7700".into())
            }
        );
        // Bare newlines are read too; no Host is no host.
        let head = read_head_from(&mut &b"HEAD / HTTP/1.0\n\n"[..], 1024).unwrap();
        assert_eq!(head.method, "HEAD");
        assert_eq!(head.host, None);
        // One byte over the limit is too large, whether or not the head ends.
        let exact = b"GET / HTTP/1.1\r\nHost: a\r\n\r\n";
        assert!(read_head_from(&mut &exact[..], exact.len()).is_ok());
        assert_eq!(
            read_head_from(&mut &exact[..], exact.len() - 1),
            Err(HeadError::TooLarge)
        );
        let endless = vec![b'a'; 100_000];
        assert_eq!(
            read_head_from(&mut &endless[..], 16 * 1024),
            Err(HeadError::TooLarge)
        );
        for bad in [
            &b"GET /\r\n\r\n"[..],
            b"GET http://evil/ HTTP/1.1\r\n\r\n",
            b"GET / SPDY/3\r\n\r\n",
            b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
            b"GET / HTTP/1.1\r\nno colon\r\n\r\n",
            b"GET / HTTP/1.1\r\nHost: \xff\r\n\r\n",
        ] {
            assert_eq!(
                read_head_from(&mut &bad[..], 1024),
                Err(HeadError::Malformed),
                "{:?}",
                String::from_utf8_lossy(bad)
            );
        }
        assert_eq!(
            read_head_from(&mut &b"GET / HTTP/1.1\r\n"[..], 1024),
            Err(HeadError::Closed)
        );
    }

    /// A head split across many small reads (a slow client) is still found.
    #[test]
    fn a_head_in_pieces_is_found() {
        struct Drip<'a>(&'a [u8]);
        impl Read for Drip<'_> {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                let Some((&b, rest)) = self.0.split_first() else {
                    return Ok(0);
                };
                buf[0] = b;
                self.0 = rest;
                Ok(1)
            }
        }
        let head = read_head_from(&mut Drip(b"GET /x HTTP/1.1\r\nHost: h\r\n\r\n"), 1024).unwrap();
        assert_eq!(head.target, "/x");
    }

    fn pair() -> (TcpListener, TcpStream, TcpStream) {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        let c = TcpStream::connect(l.local_addr().unwrap()).unwrap();
        let (s, _) = l.accept().unwrap();
        (l, c, s)
    }

    /// A full table closes its oldest connection still sending a head, then its oldest
    /// event stream, never one busy with a response.
    #[test]
    fn a_full_table_makes_room_by_closing_the_oldest_idle() {
        let table = Arc::new(Table::new(2));
        let (_l1, mut c1, s1) = pair();
        let (_l2, _c2, s2) = pair();
        let g1 = table.admit(&s1).unwrap().unwrap();
        let g2 = table.admit(&s2).unwrap().unwrap();
        g2.set_phase(Phase::Busy);
        let (_l3, _c3, s3) = pair();
        let g3 = table.admit(&s3).unwrap().unwrap();
        assert!(g1.closed(), "the oldest connection in its head was closed");
        assert!(!g2.closed());
        assert_eq!(table.len(), 2);
        // Its client sees the end of the stream.
        c1.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        let mut b = [0u8; 1];
        assert_eq!(c1.read(&mut b).unwrap_or(0), 0);
        g3.set_phase(Phase::Stream);
        let (_l4, _c4, s4) = pair();
        let g4 = table.admit(&s4).unwrap().unwrap();
        assert!(g3.closed(), "then the oldest event stream");
        g4.set_phase(Phase::Busy);
        let (_l5, _c5, s5) = pair();
        assert!(
            table.admit(&s5).unwrap().is_none(),
            "busy ones are never closed"
        );
        drop(g2);
        assert_eq!(table.len(), 1);
        drop(g1);
        assert_eq!(table.len(), 1, "a closed guard's slot was already freed");
    }

    /// An accept error is logged once per kind and the loop goes on to the next
    /// connection; it never panics or stops.
    #[test]
    fn accept_errors_are_logged_and_the_loop_goes_on() {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = l.local_addr().unwrap();
        let client = std::thread::spawn(move || TcpStream::connect(addr).unwrap());
        let stopping = AtomicBool::new(false);
        let mut calls = 0;
        let accept = || {
            calls += 1;
            match calls {
                1..=3 => Err(io::Error::from_raw_os_error(24)), // EMFILE
                4 => Err(io::ErrorKind::ConnectionAborted.into()),
                5 => l.accept().map(|(s, _)| s),
                _ => {
                    stopping.store(true, Ordering::SeqCst);
                    Err(io::ErrorKind::Interrupted.into())
                }
            }
        };
        let logged = Mutex::new(Vec::<String>::new());
        let served = Arc::new(Mutex::new(0));
        let table = Arc::new(Table::new(4));
        let count = Arc::clone(&served);
        crate::i18n::scope(crate::i18n::Lang::En, || {
            accept_loop(
                accept,
                &table,
                &stopping,
                &|m| logged.lock().unwrap().push(m.to_owned()),
                move |_s, _g| *count.lock().unwrap() += 1,
            )
        });
        let _c = client.join().unwrap();
        let logged = logged.into_inner().unwrap();
        assert_eq!(logged.len(), 2, "{logged:?}");
        assert!(
            logged[0].contains("cannot accept a connection"),
            "{logged:?}"
        );
        // The thread that served it may still be finishing.
        let end = Instant::now() + Duration::from_secs(5);
        while *served.lock().unwrap() == 0 && Instant::now() < end {
            std::thread::sleep(Duration::from_millis(10));
        }
        assert_eq!(*served.lock().unwrap(), 1);
    }
}
