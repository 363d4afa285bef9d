//! `planc serve`: the binary on a free port, fetched with a tiny HTTP client; the live
//! reload in a real browser (Debian's chromium driven by playwright-core) when present.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::util::{planc, root};

/// A running `planc serve`, killed when dropped.
struct Served {
    child: Child,
    /// `127.0.0.1:PORT`.
    addr: String,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `planc --lang en serve PATH --port 0` and waits for the address it prints.
fn serve(path: &Path) -> Served {
    serve_with(path, &[])
}

/// [`serve`] with further arguments.
fn serve_with(path: &Path, extra: &[&str]) -> Served {
    serve_limited(path, extra, None)
}

/// [`serve_with`] under a lowered limit on open files (`ulimit -n` in a shell that then
/// runs planc), when `files` is given.
fn serve_limited(path: &Path, extra: &[&str], files: Option<u32>) -> Served {
    let mut args = vec!["--lang", "en", "serve", "--port", "0"];
    args.extend_from_slice(extra);
    let path = path.to_string_lossy();
    args.push(&path);
    serve_args(&args, files)
}

/// `planc ARGS` (a serve command), in an English environment; waits for the address.
fn serve_args(args: &[&str], files: Option<u32>) -> Served {
    let planc = assert_cmd::cargo::cargo_bin("planc");
    let mut cmd = match files {
        Some(n) => {
            let mut c = Command::new("sh");
            c.args(["-c", &format!("ulimit -n {n} && exec \"$0\" \"$@\"")])
                .arg(&planc);
            c
        }
        None => Command::new(&planc),
    };
    let mut child = cmd
        .args(args)
        .current_dir(root())
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("PLANC_LANG")
        .env("LANG", "C.UTF-8")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("planc serve starts");
    let stderr = child.stderr.take().expect("piped stderr");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(rest) = line.split("http://").nth(1) {
                let addr = rest.split('/').next().unwrap_or_default().to_owned();
                let _ = tx.send(addr);
            }
        }
    });
    let addr = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("planc serve prints `serving http://…/` on stderr");
    Served { child, addr }
}

/// A GET: status, headers (lower-cased) and body. HTTP/1.0, so the body comes whole
/// (no chunked encoding) and the connection closes after it.
fn get(addr: &str, path: &str) -> (u16, String, String) {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(30))).ok();
    write!(s, "GET {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n").expect("send request");
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).expect("read response");
    let text = String::from_utf8(raw).expect("UTF-8 response");
    let (head, body) = text.split_once("\r\n\r\n").expect("a header block");
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .expect("a status code");
    (status, head.to_lowercase(), body.to_owned())
}

/// A copy of `examples/org` in a temporary folder.
fn org_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let from = root().join("examples/org");
    for e in walkdir::WalkDir::new(&from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = e.path().strip_prefix(&from).expect("under the folder");
        let to = dir.path().join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&to).expect("mkdir");
        } else {
            std::fs::copy(e.path(), &to).expect("copy");
        }
    }
    dir
}

/// The number in the index cell `class="num NAME…"` of the row of `file`.
fn cell(index: &str, file: &str, name: &str) -> usize {
    let row = index
        .split("<tr data-file=\"")
        .find(|r| r.starts_with(&format!("{file}\"")))
        .unwrap_or_else(|| panic!("the index lists {file}"));
    let at = row
        .find(&format!("class=\"num {name}"))
        .unwrap_or_else(|| panic!("a {name} cell for {file}"));
    let after = &row[at..];
    let start = after.find('>').expect("cell opens") + 1;
    let end = after.find("</td>").expect("cell closes");
    after[start..end].parse().expect("a count")
}

#[test]
fn index_lists_every_example_with_the_counts_of_check() {
    let server = serve(Path::new("examples"));
    let (status, head, index) = get(&server.addr, "/");
    assert_eq!(status, 200);
    assert!(head.contains("content-type: text/html; charset=utf-8"));
    // The counts `planc check` reports for each plan.
    let out = planc()
        .args(["check", "examples", "--format", "json"])
        .output()
        .expect("planc check runs");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let files = json["files"].as_array().expect("files");
    let mut listed = 0;
    for plan in crate::util::plans_under(&root().join("examples")) {
        let rel = plan
            .strip_prefix(root().join("examples"))
            .expect("under examples")
            .to_string_lossy()
            .replace('\\', "/");
        let findings = files
            .iter()
            .find(|f| f["path"].as_str() == Some(&format!("examples/{rel}")))
            .map(|f| f["findings"].as_array().cloned().unwrap_or_default())
            .unwrap_or_default();
        let count = |sev: &str| {
            findings
                .iter()
                .filter(|f| f["severity"] == sev && f["suppressed"].is_null())
                .count()
        };
        assert_eq!(cell(&index, &rel, "errors"), count("error"), "{rel}");
        assert_eq!(cell(&index, &rel, "warnings"), count("warning"), "{rel}");
        listed += 1;
    }
    assert!(listed >= 10, "{listed} plans listed");
    assert!(cell(&index, "drafts/region-draft.plan.yaml", "warnings") > 0);
    // The org tree: the company and its regions, with allocations and gaps.
    let tree = index
        .split("<table id=\"org\"")
        .nth(1)
        .expect("an org tree");
    for id in ["company-2026", "east-china-2026", "rep-lina-2026"] {
        assert!(
            tree.contains(&format!("data-plan=\"{id}\"")),
            "{id} in the tree"
        );
    }
    assert!(tree.contains("class=\"num gap\">0<"), "{tree}");
    // Only the served pages carry the reload script.
    assert!(index.contains("new EventSource('/events')"));
    // A plan with warnings only: its report, with the warnings folded above it.
    let (status, _, page) = get(&server.addr, "/plan/drafts/region-draft.plan.yaml");
    assert_eq!(status, 200);
    assert!(
        page.contains("<details class=\"diag\" id=\"findings\">"),
        "{page}"
    );
    assert!(page.contains("region-draft.plan.yaml:"), "{page}");
    assert!(
        page.contains("src=\"/report/drafts/region-draft.plan.yaml\""),
        "{page}"
    );
}

#[test]
fn a_report_is_what_render_writes_and_carries_no_script() {
    let out = tempfile::tempdir().expect("temp dir");
    planc()
        .args(["render", "examples/org", "--format", "html", "-o"])
        .arg(out.path())
        .assert()
        .success();
    let server = serve(Path::new("examples/org"));
    for (url, file) in [
        ("/report/company.plan.yaml", "company.html"),
        ("/report/reps/lina.plan.yaml", "reps/lina.html"),
    ] {
        let (status, head, body) = get(&server.addr, url);
        assert_eq!(status, 200, "{url}");
        let rendered = std::fs::read_to_string(out.path().join(file)).expect("rendered");
        assert!(
            body == rendered,
            "{url} differs from `planc render`'s {file}"
        );
        assert!(!body.to_lowercase().contains("<script"), "{url} has script");
        assert!(head.contains("content-security-policy: default-src 'none'"));
    }
    // The wrapper page frames the report and reloads on change.
    let (status, _, page) = get(&server.addr, "/plan/company.plan.yaml");
    assert_eq!(status, 200);
    assert!(page.contains("<iframe id=\"report\""));
    assert!(page.contains("src=\"/report/company.plan.yaml\""));
    assert!(page.contains("EventSource"));
}

#[test]
fn a_review_is_served_as_render_writes_it() {
    let out = tempfile::tempdir().expect("temp dir");
    let html = out.path().join("review.html");
    planc()
        .args([
            "render",
            "examples/review.plan.yaml",
            "--format",
            "html",
            "-o",
        ])
        .arg(&html)
        .assert()
        .success();
    let server = serve(Path::new("examples"));
    let (status, _, body) = get(&server.addr, "/report/review.plan.yaml");
    assert_eq!(status, 200);
    let rendered = std::fs::read_to_string(&html).expect("rendered");
    assert!(
        body == rendered,
        "the served review differs from `planc render`'s"
    );
}

#[test]
fn paths_outside_the_workspace_are_not_found() {
    let dir = org_copy();
    let outside = tempfile::tempdir().expect("temp dir");
    let secret = outside.path().join("secret.plan.yaml");
    let company = std::fs::read_to_string(dir.path().join("company.plan.yaml")).expect("read");
    std::fs::write(
        &secret,
        company.replacen("id: company-2026", "id: secret-2026", 1),
    )
    .expect("write");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&secret, dir.path().join("link.plan.yaml")).expect("symlink");
    let server = serve(dir.path());
    let (status, _, _) = get(&server.addr, "/report/company.plan.yaml");
    assert_eq!(status, 200, "the control request");
    for url in [
        "/report/../company.plan.yaml",
        "/report/reps/../company.plan.yaml",
        "/report/%2e%2e/%2e%2e/etc/passwd",
        "/report/..%2F..%2FCargo.toml",
        "/report//etc/passwd",
        "/plan/%2Fetc%2Fpasswd",
        "/report/link.plan.yaml",
        "/plan/link.plan.yaml",
        "/reps/",
        "/report/reps",
        "/company.plan.yaml",
        "/last-good/company.plan.yaml/..",
    ] {
        let (status, _, body) = get(&server.addr, url);
        assert_eq!(status, 404, "{url}");
        assert!(!body.contains("company-2026"), "{url} leaked a file");
        assert!(!body.contains("secret-2026"), "{url} leaked a file");
    }
}

#[test]
fn a_file_with_errors_shows_its_findings() {
    let dir = org_copy();
    let path = dir.path().join("east-china.plan.yaml");
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, text.replacen("kind: region", "kind: [ region", 1)).expect("write");
    let server = serve(dir.path());
    let (status, _, page) = get(&server.addr, "/plan/east-china.plan.yaml");
    assert_eq!(status, 200);
    assert!(page.contains("id=\"findings\""), "{page}");
    assert!(page.contains("P001"), "{page}");
    assert!(page.contains("east-china.plan.yaml:4:1"), "{page}");
    assert!(page.contains("kind: [ region"), "the snippet: {page}");
    assert!(
        !page.contains("src=\"/report/"),
        "no report while it has errors"
    );
    let (status, _, _) = get(&server.addr, "/report/east-china.plan.yaml");
    assert_eq!(status, 404);
    let (_, _, index) = get(&server.addr, "/");
    assert_eq!(cell(&index, "east-china.plan.yaml", "errors"), 1);
}

/// Reads an event stream until a `change` event arrives (or `wait` passes).
fn next_change(stream: &mut BufReader<TcpStream>, wait: Duration) -> Option<String> {
    let end = Instant::now() + wait;
    let mut line = String::new();
    while Instant::now() < end {
        line.clear();
        match stream.read_line(&mut line) {
            Ok(0) => return None,
            Ok(_) if line.starts_with("event: change") => {
                line.clear();
                stream.read_line(&mut line).ok()?;
                return Some(line.trim().to_owned());
            }
            Ok(_) => {}
            Err(_) => {}
        }
    }
    None
}

fn subscribe(addr: &str) -> BufReader<TcpStream> {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_millis(500))).ok();
    write!(s, "GET /events HTTP/1.1\r\nHost: {addr}\r\n\r\n").expect("send");
    let mut r = BufReader::new(s);
    let mut line = String::new();
    r.read_line(&mut line).expect("status line");
    assert!(line.starts_with("HTTP/1.1 200"), "{line}");
    // Headers and the opening comment: once read, the stream is subscribed.
    let mut seen_comment = false;
    for _ in 0..40 {
        line.clear();
        if r.read_line(&mut line).is_ok() && line.starts_with(": planc") {
            seen_comment = true;
            break;
        }
    }
    assert!(seen_comment, "the event stream opens with a comment");
    r
}

#[test]
fn a_change_sends_an_event_and_errors_keep_the_last_good_report() {
    let dir = org_copy();
    let server = serve(dir.path());
    let mut events = subscribe(&server.addr);
    let path: PathBuf = dir.path().join("company.plan.yaml");
    let text = std::fs::read_to_string(&path).expect("read");
    let retitled = text.replacen("title: ", "title: 改过的", 1);
    std::fs::write(&path, &retitled).expect("write");
    let data = next_change(&mut events, Duration::from_secs(20)).expect("a change event");
    assert!(data.contains("company.plan.yaml"), "{data}");
    let (_, _, page) = get(&server.addr, "/plan/company.plan.yaml");
    assert!(page.contains("<title>改过的"), "{page}");
    // Break it: the findings, and the last good report marked as such.
    std::fs::write(
        &path,
        retitled.replacen("kind: company", "kind: [ company", 1),
    )
    .expect("write");
    next_change(&mut events, Duration::from_secs(20)).expect("a second change event");
    let (_, _, page) = get(&server.addr, "/plan/company.plan.yaml");
    assert!(page.contains("id=\"findings\""), "{page}");
    assert!(
        page.contains("src=\"/last-good/company.plan.yaml\""),
        "{page}"
    );
    let (status, _, last) = get(&server.addr, "/last-good/company.plan.yaml");
    assert_eq!(status, 200);
    assert!(last.contains("改过的"));
}

/// The live reload in a real browser: `tests/browser/reload.cjs` with Debian's chromium
/// and playwright-core (installed into `target/tools/playwright` on first use). Skips
/// when node, npm or chromium is missing.
#[test]
fn the_browser_reloads_when_a_plan_changes() {
    let chromium = PathBuf::from("/usr/bin/chromium");
    let node_ok = Command::new("node").arg("--version").output().is_ok();
    if !node_ok || !chromium.exists() {
        eprintln!(
            "skipped: the browser test needs node and /usr/bin/chromium (apt-get install chromium)"
        );
        return;
    }
    let tools = root().join("target/tools/playwright");
    if !tools.join("node_modules/playwright-core").is_dir() {
        std::fs::create_dir_all(&tools).expect("tools dir");
        let installed = Command::new("npm")
            .args([
                "install",
                "--no-save",
                "--no-audit",
                "--no-fund",
                "--prefix",
            ])
            .arg(&tools)
            .arg("playwright-core")
            .status()
            .is_ok_and(|s| s.success());
        if !installed {
            eprintln!("skipped: `npm install playwright-core` failed or npm is missing");
            return;
        }
    }
    let dir = org_copy();
    let server = serve(dir.path());
    let shots = root().join("target/tools/screenshots");
    std::fs::create_dir_all(&shots).expect("screenshot dir");
    let out = Command::new("node")
        .arg(root().join("tests/browser/reload.cjs"))
        .env("PLANC_URL", format!("http://{}/", server.addr))
        .env("PLANC_PLAN", dir.path().join("east-china.plan.yaml"))
        .env("PLANC_SHOTS", &shots)
        .env("PLANC_CHROMIUM", &chromium)
        .env(
            "PLANC_PLAYWRIGHT",
            tools.join("node_modules/playwright-core"),
        )
        .current_dir(&tools)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    eprintln!("{stdout}{stderr}");
    assert!(
        out.status.success(),
        "the browser test failed:\n{stdout}\n{stderr}"
    );
    assert!(stdout.contains("reloaded in"), "{stdout}");
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_the_server_cleanly() {
    let mut server = serve(Path::new("examples/org"));
    // An open event stream must not keep the server alive.
    let _events = subscribe(&server.addr);
    let pid = server.child.id().to_string();
    let sent = Command::new("kill").args(["-INT", &pid]).status();
    assert!(sent.is_ok_and(|s| s.success()), "kill -INT runs");
    let end = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = server.child.try_wait().expect("try_wait") {
            break status;
        }
        assert!(Instant::now() < end, "planc serve did not stop on SIGINT");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status:?}");
}

#[test]
fn another_host_name_is_refused_on_loopback() {
    let server = serve(Path::new("examples/org"));
    let mut s = TcpStream::connect(&server.addr).expect("connect");
    write!(s, "GET / HTTP/1.0\r\nHost: attacker.example:80\r\n\r\n").expect("send");
    let mut text = String::new();
    s.read_to_string(&mut text).expect("read");
    assert!(
        text.starts_with("HTTP/1.0 421") || text.starts_with("HTTP/1.1 421"),
        "{text}"
    );
    let port = server.addr.rsplit(':').next().expect("a port");
    let (status, _, _) = get(&format!("127.0.0.1:{port}"), "/");
    assert_eq!(status, 200);
}

/// A raw GET with a given Host header: the status code.
fn status_for_host(addr: &str, host: &str) -> u16 {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(30))).ok();
    write!(s, "GET / HTTP/1.0\r\nHost: {host}\r\n\r\n").expect("send");
    let mut text = String::new();
    s.read_to_string(&mut text).expect("read");
    text.split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .expect("a status")
}

/// Bound beyond loopback, the Host check still holds: only this machine's loopback
/// names and what `--allow-host` adds are answered; the start-up says where it listens.
#[test]
fn the_host_check_holds_on_every_bind() {
    let server = serve_with(
        Path::new("examples/org"),
        &["--host", "0.0.0.0", "--allow-host", "planc.lan"],
    );
    let port = server.addr.rsplit(':').next().expect("a port").to_owned();
    let local = format!("127.0.0.1:{port}");
    assert_eq!(status_for_host(&local, "attacker.example:80"), 421);
    assert_eq!(
        status_for_host(&local, &format!("attacker.example:{port}")),
        421
    );
    assert_eq!(status_for_host(&local, &local), 200);
    assert_eq!(status_for_host(&local, &format!("planc.lan:{port}")), 200);
}

/// Every page carries a Content-Security-Policy and refuses to be framed by others; the
/// report frame is sandboxed and the report may be framed only by the server's page.
#[test]
fn pages_carry_a_policy_and_the_report_frame_is_sandboxed() {
    let server = serve(Path::new("examples/org"));
    let (status, head, body) = get(&server.addr, "/");
    assert_eq!(status, 200);
    assert!(head.contains("content-security-policy:"), "{head}");
    assert!(head.contains("frame-ancestors 'none'"), "{head}");
    assert!(head.contains("x-frame-options: deny"), "{head}");
    let link = body
        .split("href=\"/plan/")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .expect("a link to a file page")
        .to_owned();
    let (status, head, body) = get(&server.addr, &format!("/plan/{link}"));
    assert_eq!(status, 200, "{body}");
    assert!(head.contains("frame-ancestors 'none'"), "{head}");
    assert!(body.contains("sandbox=\"allow-same-origin\""), "{body}");
    let (status, head, _) = get(&server.addr, &format!("/report/{link}"));
    assert_eq!(status, 200);
    assert!(head.contains("frame-ancestors 'self'"), "{head}");
    assert!(head.contains("default-src 'none'"), "{head}");
}

/// Sends `bytes` (ignoring a refusal half-way) and reads what comes back until the
/// server closes the connection or `wait` passes: the status, if any, and how long
/// the server took.
fn exchange(addr: &str, bytes: &[u8], wait: Duration) -> (Option<u16>, Duration) {
    let started = Instant::now();
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(wait)).ok();
    let _ = s.write_all(bytes);
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw);
    let status = text
        .strip_prefix("HTTP/1.1 ")
        .and_then(|r| r.get(..3))
        .and_then(|c| c.parse().ok());
    (status, started.elapsed())
}

/// Hundreds of idle connections, under a lowered descriptor limit, neither end the
/// server nor keep a normal request from being answered: the oldest idle ones are
/// closed to make room.
#[test]
fn idle_connections_do_not_exhaust_the_server() {
    let server = serve_limited(Path::new("examples/org"), &[], Some(128));
    let mut idle = Vec::new();
    for _ in 0..300 {
        match TcpStream::connect(&server.addr) {
            Ok(s) => idle.push(s),
            Err(e) => panic!("connection {} refused: {e}", idle.len()),
        }
    }
    // One byte each, so every connection is accepted and sits in its request head.
    for s in &mut idle {
        let _ = s.write_all(b"G");
    }
    let (status, _, body) = get(&server.addr, "/");
    assert_eq!(status, 200, "{body}");
    let (status, _, _) = get(&server.addr, "/report/company.plan.yaml");
    assert_eq!(status, 200);
    // The oldest idle connection was closed by the server.
    let first = &mut idle[0];
    first.set_read_timeout(Some(Duration::from_secs(10))).ok();
    let mut b = [0u8; 64];
    assert_eq!(
        first.read(&mut b).unwrap_or(0),
        0,
        "the oldest idle connection is closed"
    );
    drop(idle);
    let (status, _, _) = get(&server.addr, "/");
    assert_eq!(status, 200);
}

/// A request head of a megabyte is refused (431, or the connection closed), never read
/// whole or answered.
#[test]
fn a_huge_header_is_refused() {
    let server = serve(Path::new("examples/org"));
    let mut req = format!("GET / HTTP/1.1\r\nHost: {}\r\nX-Big: ", server.addr).into_bytes();
    req.extend(std::iter::repeat_n(b'a', 1 << 20));
    req.extend_from_slice(b"\r\n\r\n");
    let (status, took) = exchange(&server.addr, &req, Duration::from_secs(20));
    assert!(
        status.is_none() || status == Some(431),
        "{status:?} for a 1 MB header"
    );
    assert!(took < Duration::from_secs(15), "{took:?}");
    // Just under the limit is answered.
    let mut req = format!("GET / HTTP/1.1\r\nHost: {}\r\nX-Big: ", server.addr).into_bytes();
    req.extend(std::iter::repeat_n(b'a', 15 * 1024));
    req.extend_from_slice(b"\r\n\r\n");
    let (status, _) = exchange(&server.addr, &req, Duration::from_secs(20));
    assert_eq!(status, Some(200));
}

/// A request head sent a few bytes at a time (slowloris) is cut off after the header
/// time (5 s), whatever keeps arriving.
#[test]
fn slow_headers_time_out() {
    let server = serve(Path::new("examples/org"));
    let started = Instant::now();
    let mut s = TcpStream::connect(&server.addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_millis(300))).ok();
    s.write_all(b"GET / HTTP/1.1\r\n").expect("send");
    let mut raw = Vec::new();
    let closed = loop {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "still open after 20 s"
        );
        if s.write_all(b"X-Slow: 1\r\n").is_err() {
            break started.elapsed();
        }
        let mut b = [0u8; 256];
        match s.read(&mut b) {
            Ok(0) => break started.elapsed(),
            Ok(n) => raw.extend_from_slice(&b[..n]),
            Err(e)
                if e.kind() == std::io::ErrorKind::WouldBlock
                    || e.kind() == std::io::ErrorKind::TimedOut => {}
            Err(_) => break started.elapsed(),
        }
    };
    assert!(closed >= Duration::from_secs(4), "{closed:?}");
    let text = String::from_utf8_lossy(&raw);
    assert!(
        text.is_empty() || text.starts_with("HTTP/1.1 408"),
        "{text}"
    );
    // A connection that sends nothing at all goes the same way.
    let (status, took) = exchange(&server.addr, b"", Duration::from_secs(20));
    assert_eq!(status, Some(408));
    assert!(took < Duration::from_secs(10), "{took:?}");
}

/// Every reply — pages, reports, refusals, errors — carries a policy and refuses to
/// be framed by another site.
#[test]
fn every_reply_carries_a_policy_and_refuses_framing() {
    let server = serve(Path::new("examples/org"));
    let host = &server.addr;
    for (request, status) in [
        (format!("GET / HTTP/1.1\r\nHost: {host}\r\n\r\n"), 200),
        (format!("HEAD / HTTP/1.1\r\nHost: {host}\r\n\r\n"), 200),
        (
            format!("GET /plan/company.plan.yaml HTTP/1.1\r\nHost: {host}\r\n\r\n"),
            200,
        ),
        (
            format!("GET /report/company.plan.yaml HTTP/1.1\r\nHost: {host}\r\n\r\n"),
            200,
        ),
        (
            format!("GET /report/../x HTTP/1.1\r\nHost: {host}\r\n\r\n"),
            404,
        ),
        (
            format!("GET /nothing HTTP/1.1\r\nHost: {host}\r\n\r\n"),
            404,
        ),
        (format!("POST / HTTP/1.1\r\nHost: {host}\r\n\r\n"), 405),
        (
            "GET / HTTP/1.1\r\nHost: evil.example\r\n\r\n".to_owned(),
            421,
        ),
        (
            "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n".to_owned(),
            400,
        ),
        ("NONSENSE\r\n\r\n".to_owned(), 400),
    ] {
        let mut s = TcpStream::connect(host).expect("connect");
        s.set_read_timeout(Some(Duration::from_secs(30))).ok();
        s.write_all(request.as_bytes()).expect("send");
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).expect("read");
        let text = String::from_utf8_lossy(&raw).to_lowercase();
        let first = request.lines().next().unwrap_or_default();
        assert!(
            text.starts_with(&format!("http/1.1 {status}")),
            "{first}: {text:.200}"
        );
        let head = text.split("\r\n\r\n").next().unwrap_or_default();
        assert!(
            head.contains("content-security-policy: default-src 'none'"),
            "{first}: {head}"
        );
        assert!(head.contains("frame-ancestors"), "{first}: {head}");
        assert!(head.contains("x-frame-options:"), "{first}: {head}");
        if first.starts_with("HEAD") {
            assert!(text.ends_with("\r\n\r\n"), "HEAD has no body");
        }
    }
    // The event stream too.
    let mut s = TcpStream::connect(host).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(30))).ok();
    write!(s, "GET /events HTTP/1.1\r\nHost: {host}\r\n\r\n").expect("send");
    let mut head = String::new();
    let mut r = BufReader::new(s);
    while r.read_line(&mut head).is_ok_and(|n| n > 2) && !head.ends_with("\r\n\r\n") {}
    assert!(
        head.to_lowercase().contains("content-security-policy:"),
        "{head}"
    );
    assert!(head.contains("text/event-stream"), "{head}");
}

/// After an edit, the served report is still byte for byte what `render` writes for the
/// edited file — the validation record's SHA-256 of the new text included.
#[test]
fn an_edited_report_is_what_render_writes_hash_included() {
    let dir = org_copy();
    let server = serve(dir.path());
    let mut events = subscribe(&server.addr);
    let path: PathBuf = dir.path().join("reps/lina.plan.yaml");
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, text.replacen("title: ", "title: 改过的", 1)).expect("write");
    let data = next_change(&mut events, Duration::from_secs(20)).expect("a change event");
    assert!(data.contains("lina.plan.yaml"), "{data}");
    let (status, _, served) = get(&server.addr, "/report/reps/lina.plan.yaml");
    assert_eq!(status, 200);
    let out = tempfile::tempdir().expect("temp dir");
    planc()
        .args(["render", "--format", "html", "-o"])
        .arg(out.path())
        .arg(dir.path())
        .assert()
        .success();
    let rendered = std::fs::read_to_string(out.path().join("reps/lina.html")).expect("rendered");
    let sha = planc::source::sha256_hex(&std::fs::read(&path).expect("read"));
    assert!(rendered.contains(&sha), "render names the file's hash");
    assert!(
        served.contains(&sha),
        "the served report names the new hash"
    );
    assert!(
        served == rendered,
        "the served report differs from render's"
    );
}

/// Without `--lang`, the pages speak the plans' language (Chinese here, in an English
/// environment), and money is in 万元/亿元 as the reports show it; `--lang en` wins.
#[test]
fn pages_follow_the_plans_language() {
    let server = serve_args(&["serve", "--port", "0", "examples/org"], None);
    let (status, _, index) = get(&server.addr, "/");
    assert_eq!(status, 200);
    assert!(index.contains("<html lang=\"zh-CN\">"), "{index:.300}");
    assert!(index.contains("计划与复盘"), "{index:.600}");
    assert!(index.contains("亿元") || index.contains("万元"), "{index}");
    assert!(!index.contains("CNY"), "{index}");
    let (_, _, page) = get(&server.addr, "/plan/company.plan.yaml");
    assert!(page.contains("<html lang=\"zh-CN\">"), "{page:.300}");
    drop(server);
    let server = serve(Path::new("examples/org"));
    let (_, _, index) = get(&server.addr, "/");
    assert!(index.contains("<html lang=\"en\">"), "{index:.300}");
    assert!(index.contains("Plans and reviews"), "{index:.600}");
}

/// The monthly report of the tree (`/monthly`) is what `planc review DIR --as-of` writes
/// for the latest month reported, and follows a new month's exports as they land.
#[test]
fn the_monthly_report_is_served_and_follows_a_new_month() {
    let dir = org_copy();
    let server = serve(dir.path());
    let (_, _, index) = get(&server.addr, "/");
    assert!(
        index.contains("<a href=\"/monthly\">Monthly report as of 2026-09-30"),
        "{index}"
    );
    let (status, _, page) = get(&server.addr, "/monthly");
    assert_eq!(status, 200);
    assert!(page.contains("src=\"/monthly/report\""), "{page}");
    let (status, head, report) = get(&server.addr, "/monthly/report");
    assert_eq!(status, 200);
    assert!(head.contains("content-security-policy"), "{head}");
    assert!(!report.contains("<script"), "no script in a served report");
    let written = crate::util::planc()
        .arg("review")
        .arg(dir.path())
        .args(["--as-of", "2026-09-30", "--format", "html"])
        .output()
        .unwrap();
    assert_eq!(
        report.as_bytes(),
        &written.stdout[..],
        "as review writes it"
    );
    // October lands (its folder moved in whole): an event, and the report is October's.
    let mut events = subscribe(&server.addr);
    let staging = tempfile::tempdir().unwrap();
    let oct = staging.path().join("2026-10");
    std::fs::create_dir_all(&oct).unwrap();
    for e in std::fs::read_dir(dir.path().join("actuals/2026-09")).unwrap() {
        let e = e.unwrap();
        let text = std::fs::read_to_string(e.path()).unwrap();
        std::fs::write(oct.join(e.file_name()), text.replace("2026-09", "2026-10")).unwrap();
    }
    std::fs::rename(&oct, dir.path().join("actuals/2026-10")).unwrap();
    let data = next_change(&mut events, Duration::from_secs(20)).expect("a change event");
    assert!(data.contains("monthly"), "{data}");
    let (_, _, report) = get(&server.addr, "/monthly/report");
    assert!(report.contains("Monthly report, October 2026"), "{report}");
}
