//! `planc lsp` driven as an editor drives it: over an in-memory connection for the
//! protocol, over stdio for the binary, and by Neovim's own client (`tests/nvim/`).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use lsp_server::{Connection, Message, Notification, Request, RequestId};
use serde_json::{json, Value};

use crate::util::root;

/// A client on the other end of an in-memory connection to a server thread.
struct Client {
    conn: Connection,
    server: Option<std::thread::JoinHandle<Result<(), String>>>,
    next: i32,
    /// Notifications received while waiting for something else.
    inbox: Vec<Notification>,
    /// The diagnostics last published, by URI.
    latest: std::collections::HashMap<String, Vec<Value>>,
}

impl Client {
    /// Starts a server and initializes it with `root` as the workspace folder (none when
    /// `root` is empty).
    fn start(root: &Path, encodings: &[&str]) -> Client {
        let mut general = json!({});
        if !encodings.is_empty() {
            general = json!({ "positionEncodings": encodings });
        }
        Client::start_with(root, json!({ "general": general }))
    }

    /// Starts a server with these client capabilities.
    fn start_with(root: &Path, capabilities: Value) -> Client {
        let (server, client) = Connection::memory();
        let handle = std::thread::spawn(move || {
            let setup = planc::lsp::Setup { write_docs: false };
            planc::lsp::serve(&server, &setup).map_err(|e| e.to_string())
        });
        let mut c = Client {
            conn: client,
            server: Some(handle),
            next: 0,
            inbox: Vec::new(),
            latest: std::collections::HashMap::new(),
        };
        let init = if root.as_os_str().is_empty() {
            json!({ "processId": null, "rootUri": null, "capabilities": capabilities })
        } else {
            json!({
                "processId": null,
                "rootUri": uri(root),
                "capabilities": capabilities,
                "workspaceFolders": [{ "uri": uri(root), "name": "plans" }],
            })
        };
        let init = c.request("initialize", init);
        assert!(init["capabilities"]["hoverProvider"]
            .as_bool()
            .unwrap_or(false));
        c.notify("initialized", json!({}));
        c
    }

    fn notify(&self, method: &str, params: Value) {
        let n = Notification::new(method.to_owned(), params);
        self.conn
            .sender
            .send(Message::Notification(n))
            .expect("server is listening");
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next += 1;
        let id = RequestId::from(self.next);
        let r = Request::new(id.clone(), method.to_owned(), params);
        self.conn
            .sender
            .send(Message::Request(r))
            .expect("server is listening");
        loop {
            match self.conn.receiver.recv_timeout(Duration::from_secs(60)) {
                Ok(Message::Response(resp)) if resp.id == id => {
                    return match resp.response_result {
                        Ok(v) => v,
                        Err(e) => panic!("{method}: {} {}", e.code, e.message),
                    };
                }
                Ok(Message::Notification(n)) => self.inbox.push(n),
                Ok(_) => {}
                Err(e) => panic!("no answer to {method}: {e}"),
            }
        }
    }

    /// Waits until the diagnostics last published for `path` satisfy `ok`.
    fn diagnostics(&mut self, path: &Path, ok: impl Fn(&[Value]) -> bool) -> Vec<Value> {
        let want = uri(path);
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let mut others = Vec::new();
            for n in std::mem::take(&mut self.inbox) {
                if n.method != "textDocument/publishDiagnostics" {
                    others.push(n);
                } else {
                    let d = n.params["diagnostics"]
                        .as_array()
                        .cloned()
                        .unwrap_or_default();
                    let at = n.params["uri"].as_str().unwrap_or_default().to_owned();
                    self.latest.insert(at, d);
                }
            }
            self.inbox = others;
            if let Some(d) = self.latest.get(&want).filter(|d| ok(d)) {
                return d.clone();
            }
            let left = deadline.saturating_duration_since(Instant::now());
            match self.conn.receiver.recv_timeout(left) {
                Ok(Message::Notification(n)) => self.inbox.push(n),
                Ok(_) => {}
                Err(_) => panic!(
                    "no matching diagnostics for {want}: {:#?}",
                    self.latest.get(&want)
                ),
            }
        }
    }

    fn open(&self, path: &Path, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": {
                "uri": uri(path), "languageId": "yaml", "version": 1, "text": text } }),
        );
    }

    fn change(&self, path: &Path, version: i32, range: Value, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": uri(path), "version": version },
                "contentChanges": [{ "range": range, "text": text }],
            }),
        );
    }

    fn at(&mut self, method: &str, path: &Path, line: usize, character: usize) -> Value {
        self.request(
            method,
            json!({ "textDocument": { "uri": uri(path) },
                    "position": { "line": line, "character": character } }),
        )
    }

    /// Waits for the server's log line saying the workspace of the root folder is open.
    fn wait_for_workspace(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let opened = |n: &Notification| {
                n.method == "window/logMessage"
                    && n.params["message"]
                        .as_str()
                        .is_some_and(|m| m.contains("workspace open") || m.contains("工作区已打开"))
            };
            if self.inbox.iter().any(opened) {
                return;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            match self.conn.receiver.recv_timeout(left) {
                Ok(Message::Notification(n)) => self.inbox.push(n),
                Ok(_) => {}
                Err(_) => panic!("the workspace never opened"),
            }
        }
    }

    fn shutdown(mut self) {
        let r = self.request("shutdown", Value::Null);
        assert!(r.is_null());
        self.notify("exit", Value::Null);
        let served = self.server.take().map(|h| h.join().expect("server thread"));
        assert_eq!(served, Some(Ok(())));
    }
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

fn org() -> PathBuf {
    root().join("examples/org")
}

/// The 0-based line of the first line containing `needle` (after line `from`).
fn line_of(text: &str, needle: &str, from: usize) -> usize {
    text.lines()
        .enumerate()
        .skip(from)
        .find(|(_, l)| l.contains(needle))
        .map(|(i, _)| i)
        .unwrap_or_else(|| panic!("{needle} not in text"))
}

fn range(line: usize, start: usize, end: usize) -> Value {
    json!({ "start": { "line": line, "character": start },
            "end": { "line": line, "character": end } })
}

#[test]
fn a_broken_sum_is_reported_in_utf16_and_across_files() {
    let region = org().join("east-china.plan.yaml");
    let text = std::fs::read_to_string(&region).expect("example");
    let mut c = Client::start(&org(), &[]);
    c.open(&region, &text);
    let clean = c.diagnostics(&region, |_| true);
    assert!(clean.is_empty(), "{clean:#?}");

    // Jiangsu's share of the province breakdown: 2.45亿元 → 2.55亿元.
    let jiangsu = line_of(&text, "ref: jiangsu", line_of(&text, "targets:", 0));
    let value = jiangsu + 1;
    assert_eq!(
        text.lines().nth(value).map(str::trim),
        Some("value: 2.45亿元")
    );
    let t0 = Instant::now();
    c.change(&region, 2, range(value, 21, 22), "5");
    let d = c.diagnostics(&region, |d| !d.is_empty());
    let latency = t0.elapsed();
    eprintln!("didChange → diagnostics: {latency:?}");
    let sum = d
        .iter()
        .find(|d| d["code"] == "P101")
        .unwrap_or_else(|| panic!("{d:#?}"));
    assert_eq!(sum["source"], "planc");
    assert_eq!(sum["severity"], 1);
    // The total `value: 9.072亿元`: its end is after 亿元, which is 2 UTF-16 units (6 bytes).
    let total = line_of(&text, "value: 9.072亿元", 0);
    assert_eq!(sum["range"], range(total, 11, 18), "{sum:#?}");
    let related = sum["relatedInformation"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(
        related
            .iter()
            .any(|r| r["location"]["range"] == range(value, 19, 25)),
        "{related:#?}"
    );
    // The plan says `lang: zh`: the message is Chinese.
    let message = sum["message"].as_str().unwrap_or_default();
    assert!(
        message
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "{message}"
    );

    // A whole-text change (full sync): a placeholder after Chinese text and an astral
    // character (𠀀: two UTF-16 units, four bytes) on the same line.
    let note = "    note: 根据公司下达的总体目标承接（成熟区域稳定增长8%）。";
    assert!(text.contains(note));
    let placeholder = text.replacen(note, "    note: 根据𠀀公司下达的总体目标XX承接。", 1);
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri(&region), "version": 3 },
                "contentChanges": [{ "text": placeholder }] }),
    );
    let d = c.diagnostics(&region, |d| d.iter().any(|d| d["code"] == "P501"));
    let xx = d
        .iter()
        .find(|d| d["code"] == "P501")
        .cloned()
        .unwrap_or_default();
    let line = line_of(&placeholder, "XX承接", 0);
    assert_eq!(xx["range"], range(line, 23, 25), "{xx:#}");
    c.shutdown();
}

#[test]
fn a_change_in_the_region_reaches_the_rep_plan_and_navigation_follows_parent() {
    let region = org().join("east-china.plan.yaml");
    let lina = org().join("reps/lina.plan.yaml");
    let text = std::fs::read_to_string(&region).expect("example");
    let mut c = Client::start(&org(), &[]);
    c.open(&region, &text);
    let _ = c.diagnostics(&region, |_| true);

    // The region now allocates 850万元 to 李娜, whose own plan still says 800万元: the
    // roll-up finding is reported in her plan (not open), with a label in the region.
    let item = line_of(&text, "ref: lina", 0) + 2;
    let col = text
        .lines()
        .nth(item)
        .and_then(|l| l.find("800"))
        .unwrap_or(0);
    c.change(&region, 2, range(item, col, col + 3), "850");
    let d = c.diagnostics(&lina, |d| d.iter().any(|d| d["code"] == "P911"));
    let p911 = d
        .iter()
        .find(|d| d["code"] == "P911")
        .cloned()
        .unwrap_or_default();
    let related = p911["relatedInformation"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(
        related.iter().any(|r| r["location"]["uri"] == uri(&region)
            && r["location"]["range"]["start"]["line"] == item),
        "{p911:#}"
    );
    // And back: the region's own sum of the team is flagged too.
    let _ = c.diagnostics(&region, |d| d.iter().any(|d| d["code"] == "P101"));

    // Go to definition on `parent: east-china-2026#lina` in her plan: the item `lina` of
    // the region's breakdown.
    let lina_text = std::fs::read_to_string(&lina).expect("example");
    c.open(&lina, &lina_text);
    let parent = line_of(&lina_text, "parent: east-china-2026#lina", 0);
    let def = c.at("textDocument/definition", &lina, parent, 12);
    let loc = &def[0];
    assert_eq!(loc["uri"], uri(&region), "{def:#}");
    assert_eq!(loc["range"]["start"]["line"], item - 2, "{def:#}");

    // `rolls_up: sales` in the region: the company's target `sales`.
    let rolls_up = line_of(&text, "rolls_up: sales", 0);
    let def = c.at("textDocument/definition", &region, rolls_up, 15);
    let company = org().join("company.plan.yaml");
    let company_text = std::fs::read_to_string(&company).expect("example");
    assert_eq!(def[0]["uri"], uri(&company), "{def:#}");
    assert_eq!(
        def[0]["range"]["start"]["line"],
        line_of(&company_text, "id: sales", 0),
        "{def:#}"
    );

    // The region's item `lina` is filled by her plan: hover says so, definition goes there.
    let lina_item = item - 2;
    let col = text
        .lines()
        .nth(lina_item)
        .and_then(|l| l.find("lina"))
        .unwrap_or(0);
    let h = c.at("textDocument/hover", &region, lina_item, col + 1);
    let doc = h["contents"]["value"].as_str().unwrap_or_default();
    assert!(
        doc.contains("李娜") && doc.contains("lina.plan.yaml"),
        "{doc}"
    );

    // Completion after `parent: east-china-2026#`: the region's breakdown items.
    let items = c.at("textDocument/completion", &lina, parent, 24);
    assert!(
        items
            .as_array()
            .is_some_and(|a| a.iter().any(|i| i["label"] == "east-china-2026#lina")),
        "{items:#}"
    );
    c.shutdown();
}

#[test]
fn without_a_root_folder_the_opened_file_brings_its_neighbours() {
    let lina = org().join("reps/lina.plan.yaml");
    let text = std::fs::read_to_string(&lina).expect("example");
    let mut c = Client::start(Path::new(""), &[]);
    c.open(&lina, &text);
    let parent = line_of(&text, "parent: east-china-2026#lina", 0);
    let deadline = Instant::now() + Duration::from_secs(60);
    let def = loop {
        let def = c.at("textDocument/definition", &lina, parent, 12);
        if !def.is_null() || Instant::now() > deadline {
            break def;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(
        def[0]["uri"],
        uri(&org().join("east-china.plan.yaml")),
        "{def:#}"
    );
    c.shutdown();
}

#[test]
fn a_file_changed_on_disk_is_re_read_when_the_client_watches() {
    let dir = tempfile::tempdir().expect("temp dir");
    for rel in ["east-china.plan.yaml", "reps/lina.plan.yaml"] {
        let to = dir.path().join(rel);
        std::fs::create_dir_all(to.parent().expect("parent")).expect("dirs");
        std::fs::copy(org().join(rel), &to).expect("copy");
    }
    let root = dir.path().canonicalize().expect("canonical");
    let region = root.join("east-china.plan.yaml");
    let lina = root.join("reps/lina.plan.yaml");
    let caps = json!({ "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } } });
    let mut c = Client::start_with(&root, caps);
    let text = std::fs::read_to_string(&region).expect("copy");
    c.open(&region, &text);
    let _ = c.diagnostics(&region, |_| true);
    // The workspace is there once the (unopened) rep plan can be hovered.
    let mine = std::fs::read_to_string(&lina).expect("copy");
    let kind = line_of(&mine, "kind:", 0);
    let deadline = Instant::now() + Duration::from_secs(60);
    while c.at("textDocument/hover", &lina, kind, 1).is_null() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    let changed = mine.replacen("value: 800万元", "value: 850万元", 1);
    assert_ne!(changed, mine);
    std::fs::write(&lina, changed).expect("write");
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": uri(&lina), "type": 2 }] }),
    );
    let d = c.diagnostics(&lina, |d| d.iter().any(|d| d["code"] == "P911"));
    assert!(d.iter().any(|d| d["code"] == "P101"), "{d:#?}");
    c.shutdown();
}

#[test]
fn hover_definition_symbols_and_completion() {
    let region = org().join("east-china.plan.yaml");
    let text = std::fs::read_to_string(&region).expect("example");
    let mut c = Client::start(&org(), &["utf-16"]);
    c.open(&region, &text);
    let _ = c.diagnostics(&region, |_| true);

    // A key: the field's doc from the schema, in the plan's language (Chinese).
    let rolls_up = line_of(&text, "rolls_up: sales", 0);
    let h = c.at("textDocument/hover", &region, rolls_up, 6);
    let doc = h["contents"]["value"].as_str().unwrap_or_default();
    assert!(
        doc.contains("rolls_up") && doc.contains("上级计划目标"),
        "{doc}"
    );

    // A reference: what it points to.
    let product = line_of(&text, "product: xinmaian", line_of(&text, "campaigns:", 0));
    let h = c.at("textDocument/hover", &region, product, 14);
    let doc = h["contents"]["value"].as_str().unwrap_or_default();
    assert!(doc.contains("心脉安") && doc.contains("products"), "{doc}");

    // Definition: the product's declaration.
    let def = c.at("textDocument/definition", &region, product, 14);
    let declared = line_of(&text, "- id: xinmaian", 0);
    assert_eq!(def[0]["range"]["start"]["line"], declared, "{def:#}");
    assert_eq!(def[0]["range"]["start"]["character"], 8, "{def:#}");

    // Inside a diagnostic: the rule's summary.
    let total = line_of(&text, "value: 9.072亿元", 0);
    c.change(&region, 2, range(total, 11, 16), "9.172");
    let _ = c.diagnostics(&region, |d| d.iter().any(|d| d["code"] == "P101"));
    let h = c.at("textDocument/hover", &region, total, 17);
    let doc = h["contents"]["value"].as_str().unwrap_or_default();
    assert!(
        doc.contains("P101") && doc.contains("planc explain P101"),
        "{doc}"
    );

    // A malformed notification is logged; the server goes on.
    c.notify("textDocument/didOpen", json!({ "bogus": 1 }));

    // A YAML file planc does not understand gets nothing.
    let other = root().join("action.yml");
    c.open(&other, "name: x\n");
    let h = c.at("textDocument/hover", &other, 0, 1);
    assert!(h.is_null(), "{h:#}");

    // Symbols: sections with their items.
    let s = c.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": uri(&region) } }),
    );
    let targets = s
        .as_array()
        .and_then(|a| a.iter().find(|s| s["name"] == "targets"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(targets["children"][0]["name"], "east-sales", "{targets:#}");

    // Completion: the keys of a target, the kinds.
    let keys = c.at("textDocument/completion", &region, rolls_up, 4);
    let labels: Vec<&str> = keys
        .as_array()
        .map(|a| a.iter().filter_map(|i| i["label"].as_str()).collect())
        .unwrap_or_default();
    assert!(
        labels.contains(&"breakdowns") && labels.contains(&"last_year"),
        "{labels:?}"
    );
    let kind = line_of(&text, "kind: region", 0);
    let kinds = c.at("textDocument/completion", &region, kind, 6);
    assert!(kinds
        .as_array()
        .is_some_and(|a| a.iter().any(|i| i["label"] == "company")));
    c.shutdown();
}

/// The binary over stdio, framed as an editor frames it: initialize, a request, shutdown,
/// exit — and the process ends with 0.
#[test]
fn the_binary_speaks_lsp_on_stdio_and_exits_cleanly() {
    use std::io::{BufReader, Write};
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_planc"))
        .arg("lsp")
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("planc lsp starts");
    let mut stdin = child.stdin.take().expect("stdin");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let send = |w: &mut std::process::ChildStdin, m: Message| {
        m.write(w).expect("write");
        w.flush().expect("flush");
    };
    let init = json!({ "processId": null, "rootUri": uri(&org()), "capabilities": {
        "general": { "positionEncodings": ["utf-8", "utf-16"] } } });
    send(
        &mut stdin,
        Message::Request(Request::new(1.into(), "initialize".into(), init)),
    );
    let Ok(Some(Message::Response(r))) = Message::read(&mut stdout) else {
        panic!("no initialize response");
    };
    let caps = r.response_result.expect("initialized");
    assert_eq!(caps["capabilities"]["positionEncoding"], "utf-8");
    assert_eq!(caps["serverInfo"]["name"], "planc");
    send(
        &mut stdin,
        Message::Notification(Notification::new("initialized".into(), json!({}))),
    );
    send(
        &mut stdin,
        Message::Request(Request::new(2.into(), "shutdown".into(), Value::Null)),
    );
    loop {
        match Message::read(&mut stdout) {
            Ok(Some(Message::Response(r))) if r.id == 2.into() => break,
            Ok(Some(_)) => {}
            other => panic!("no shutdown response: {other:?}"),
        }
    }
    send(
        &mut stdin,
        Message::Notification(Notification::new("exit".into(), Value::Null)),
    );
    drop(stdin);
    let status = child.wait().expect("planc lsp ends");
    assert!(status.success(), "{status}");
}

/// Neovim (≥ 0.9) drives `planc lsp` with its built-in client: `tests/nvim/lsp_test.lua`.
/// `PLANC_NVIM` names the binary (default: `nvim` on PATH); skipped when there is none.
#[test]
fn neovim_shows_the_diagnostics_hover_and_definition() {
    let nvim = std::env::var_os("PLANC_NVIM").unwrap_or_else(|| "nvim".into());
    let version = std::process::Command::new(&nvim).arg("--version").output();
    let Some(v) = version.ok().filter(|o| o.status.success()).map(|o| {
        String::from_utf8_lossy(&o.stdout)
            .lines()
            .next()
            .unwrap_or("")
            .to_owned()
    }) else {
        eprintln!("SKIPPED: no nvim (install neovim ≥ 0.9, or set PLANC_NVIM)");
        return;
    };
    let (major, minor) = v
        .trim_start_matches("NVIM v")
        .split(['.', '-'])
        .map(|n| n.parse::<u32>().unwrap_or(0))
        .fold((None, None), |acc, n| match acc {
            (None, _) => (Some(n), None),
            (Some(m), None) => (Some(m), Some(n)),
            done => done,
        });
    if (major.unwrap_or(0), minor.unwrap_or(0)) < (0, 9) {
        eprintln!("SKIPPED: {v} is older than Neovim 0.9 (set PLANC_NVIM to a newer one)");
        return;
    }
    let out = std::process::Command::new(&nvim)
        .args(["--headless", "-u", "NONE", "-i", "NONE", "-n", "-l"])
        .arg(root().join("tests/nvim/lsp_test.lua"))
        .env("PLANC_BIN", env!("CARGO_BIN_EXE_planc"))
        .env("PLANC_ROOT", org())
        .current_dir(root())
        .output()
        .expect("nvim runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && stdout.contains("planc-nvim: ok"),
        "{v}: {}\n{stdout}\n{stderr}",
        out.status
    );
}

/// Latency from a `didChange` to the diagnostics it causes (debounce included):
/// `cargo test --test integration lsp_latency -- --ignored --nocapture`, on the region
/// example by default, or on `PLANC_LSP_BENCH_ROOT` editing `PLANC_LSP_BENCH_FILE` (the
/// first target value of that file is broken and mended, ten times each).
#[test]
#[ignore = "a measurement; run on demand"]
fn lsp_latency() {
    let dir = std::env::var_os("PLANC_LSP_BENCH_ROOT").map_or_else(org, PathBuf::from);
    let file = dir.join(
        std::env::var("PLANC_LSP_BENCH_FILE").unwrap_or_else(|_| "east-china.plan.yaml".into()),
    );
    let text = std::fs::read_to_string(&file).expect("plan");
    let t0 = Instant::now();
    let mut c = Client::start(&dir, &[]);
    c.open(&file, &text);
    let _ = c.diagnostics(&file, |_| true);
    eprintln!("open → first diagnostics: {:?}", t0.elapsed());
    // Wait for the workspace: once it is installed, `parent:` resolves.
    if let Some(parent) = text.lines().position(|l| l.starts_with("parent:")) {
        while c.at("textDocument/definition", &file, parent, 9).is_null() {
            std::thread::sleep(Duration::from_millis(100));
        }
        eprintln!("open → workspace ready: {:?}", t0.elapsed());
    }
    let value = line_of(&text, "value: ", line_of(&text, "targets:", 0));
    let line = text.lines().nth(value).unwrap_or("");
    let col = line.rfind(|c: char| c.is_ascii_digit()).unwrap_or(0);
    let digit = line[col..=col].parse::<u32>().unwrap_or(0);
    let broken = ((digit + 1) % 10).to_string();
    let mut times = Vec::new();
    for i in 0..20 {
        let (new, want_clean) = if i % 2 == 0 {
            (broken.as_str(), false)
        } else {
            (&line[col..=col], true)
        };
        let t = Instant::now();
        c.change(&file, i + 2, range(value, col, col + 1), new);
        let _ = c.diagnostics(&file, |d| d.is_empty() == want_clean);
        times.push(t.elapsed());
        c.latest.clear();
    }
    let first = times[0];
    times.sort();
    eprintln!(
        "didChange → diagnostics over {} changes: first {first:?}, min {:?}, median {:?}, max {:?} (debounce {:?})",
        times.len(),
        times[0],
        times[times.len() / 2],
        times[times.len() - 1],
        planc::lsp::DEBOUNCE
    );
    c.shutdown();
}

/// Applies LSP text edits (UTF-16 positions, single-line ranges or whole documents) to a text.
fn apply_edits(text: &str, edits: &[Value]) -> String {
    let offset = |pos: &Value| {
        let line = pos["line"].as_u64().unwrap() as usize;
        let ch = pos["character"].as_u64().unwrap() as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let rest = &text[start..];
        let mut units = 0;
        for (i, c) in rest.char_indices() {
            if units >= ch {
                return start + i;
            }
            units += c.len_utf16();
        }
        text.len()
    };
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_owned();
    for (s, e, t) in spans {
        out.replace_range(s..e, &t);
    }
    out
}

#[test]
fn code_actions_offer_the_fixes_planc_fix_applies() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("fixable.plan.yaml");
    let text = std::fs::read_to_string(root().join("tests/fixtures/fix/reference.plan.yaml"))
        .expect("fixture");
    assert!(text.contains("jaingsu"));
    std::fs::write(&path, &text).unwrap();
    let mut c = Client::start(tmp.path(), &["utf-16"]);
    c.open(&path, &text);
    let diags = c.diagnostics(&path, |d| d.iter().any(|x| x["code"] == "P201"));
    let p201 = diags.iter().find(|x| x["code"] == "P201").unwrap().clone();

    // A quick fix at the finding: the did-you-mean replacement, resolving that diagnostic.
    let actions = c.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri(&path) }, "range": p201["range"],
                "context": { "diagnostics": [p201.clone()] } }),
    );
    let list = actions.as_array().expect("a list of actions");
    let quick = list
        .iter()
        .find(|a| a["kind"] == "quickfix")
        .unwrap_or_else(|| panic!("a quick fix: {actions:#}"));
    assert!(
        quick["title"].as_str().unwrap().contains("jiangsu"),
        "{quick:#}"
    );
    assert_eq!(quick["isPreferred"], true);
    assert_eq!(quick["diagnostics"][0]["code"], "P201");
    let edits = quick["edit"]["changes"][uri(&path)].as_array().unwrap();
    let fixed = apply_edits(&text, edits);
    assert!(
        !fixed.contains("ref: jaingsu") && fixed.contains("ref: jiangsu"),
        "{fixed}"
    );
    // The rest of the file is untouched: the edit is the value only.
    assert_eq!(fixed.len(), text.len());

    // Away from any fixable finding: no quick fix, but the file-wide action still applies
    // every safe fix, as `planc fix` writes it.
    let actions = c.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri(&path) }, "range": range(0, 0, 0),
                "context": { "diagnostics": [] } }),
    );
    let list = actions.as_array().unwrap();
    assert!(list.iter().all(|a| a["kind"] != "quickfix"), "{actions:#}");
    let all = list
        .iter()
        .find(|a| a["kind"] == "source.fixAll.planc")
        .unwrap_or_else(|| panic!("a fix-all action: {actions:#}"));
    let edits = all["edit"]["changes"][uri(&path)].as_array().unwrap();
    let fixed_all = apply_edits(&text, edits);
    let out = crate::util::planc()
        .args(["fix"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(fixed_all, std::fs::read_to_string(&path).unwrap());

    // `only` filters by kind.
    let actions = c.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri(&path) }, "range": p201["range"],
                "context": { "diagnostics": [], "only": ["quickfix"] } }),
    );
    assert!(actions
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a["kind"] == "quickfix"));
    c.shutdown();
}

#[test]
fn find_references_in_the_file_and_across_the_org() {
    let region = org().join("east-china.plan.yaml");
    let text = std::fs::read_to_string(&region).expect("example");
    let mut c = Client::start(&org(), &["utf-16"]);
    c.open(&region, &text);
    let _ = c.diagnostics(&region, |_| true);
    let refs = |c: &mut Client, path: &Path, line: usize, character: usize, decl: bool| {
        let r = c.request(
            "textDocument/references",
            json!({ "textDocument": { "uri": uri(path) },
                    "position": { "line": line, "character": character },
                    "context": { "includeDeclaration": decl } }),
        );
        let mut out: Vec<(String, u64)> = r
            .as_array()
            .unwrap_or_else(|| panic!("a list: {r:#}"))
            .iter()
            .map(|l| {
                let file = l["uri"]
                    .as_str()
                    .unwrap()
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .to_owned();
                (file, l["range"]["start"]["line"].as_u64().unwrap())
            })
            .collect();
        out.sort();
        out
    };
    let line = |needle: &str| line_of(&text, needle, 0) as u64;

    // A province's id: the breakdown cell and the campaign's region list name it; the
    // declaration only when asked for. Free text that mentions 江苏 is not a reference.
    let decl = line_of(&text, "- id: jiangsu", 0);
    let found = refs(&mut c, &region, decl, 9, false);
    let here = |l: u64| ("east-china.plan.yaml".to_owned(), l);
    // Every other line naming `jiangsu` is a reference (the overview's and two
    // campaigns' region lists, the province breakdown); `name: 江苏省` is not.
    let expected: Vec<(String, u64)> = text
        .lines()
        .enumerate()
        .filter(|(i, l)| l.contains("jiangsu") && *i != decl)
        .map(|(i, _)| here(i as u64))
        .collect();
    assert_eq!(expected.len(), 4);
    assert_eq!(found, expected);
    assert!(found.contains(&here(line("- ref: jiangsu"))));
    let with_decl = refs(&mut c, &region, decl, 9, true);
    assert_eq!(with_decl.len(), 5, "{with_decl:?}");
    // From a reference, the same set (the declaration only when asked for).
    assert_eq!(
        refs(
            &mut c,
            &region,
            line_of(&text, "- ref: jiangsu", 0),
            18,
            false
        ),
        found
    );

    // The plan's own id: every representative whose `parent:` names it (across files:
    // once the workspace of the root folder is open).
    c.wait_for_workspace();
    let found = refs(
        &mut c,
        &region,
        line_of(&text, "id: east-china-2026", 0),
        6,
        false,
    );
    let parents: Vec<&str> = found.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(
        parents,
        ["lina.plan.yaml", "wanglei.plan.yaml", "zhangwei.plan.yaml"],
        "{found:?}"
    );

    // From a child's `parent: east-china-2026#lina`: the item in the region, and the
    // child's own link.
    let lina = org().join("reps/lina.plan.yaml");
    let lina_text = std::fs::read_to_string(&lina).unwrap();
    let parent_line = line_of(&lina_text, "parent: east-china-2026#lina", 0);
    let found = refs(&mut c, &lina, parent_line, 28, false);
    assert!(
        found.contains(&("lina.plan.yaml".to_owned(), parent_line as u64)),
        "{found:?}"
    );
    c.shutdown();
}

#[test]
fn hover_on_a_figure_shows_what_it_adds_up_to() {
    let region = org().join("east-china.plan.yaml");
    let text = std::fs::read_to_string(&region).expect("example");
    let mut c = Client::start(&org(), &["utf-16"]);
    c.open(&region, &text);
    let _ = c.diagnostics(&region, |_| true);
    let hover_text = |c: &mut Client, line: usize, ch: usize| {
        let h = c.at("textDocument/hover", &region, line, ch);
        h["contents"]["value"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    // The target: its province split adds up exactly (the plan is in Chinese).
    let target = line_of(&text, "value: 9.072亿元", 0);
    let h = hover_text(&mut c, target, 12);
    assert!(
        h.contains("按省市分解：5 项合计 9.072亿元 = 9.072亿元"),
        "{h}"
    );
    // An item: its share of the target, and the split's total.
    let jiangsu = line_of(&text, "value: 2.45亿元", target);
    let h = hover_text(&mut c, jiangsu, 20);
    assert!(
        h.contains("2.45亿元 占 华东大区年度销售指标（9.072亿元）的 27.0%"),
        "{h}"
    );
    // Typed over: the hover follows the buffer and says by how much it is off.
    c.change(&region, 2, range(jiangsu, 19, 23), "2.55");
    let _ = c.diagnostics(&region, |d| d.iter().any(|x| x["code"] == "P101"));
    let h = hover_text(&mut c, target, 12);
    assert!(
        h.contains("各项合计 9.172亿元，比 9.072亿元 多 0.1亿元"),
        "{h}"
    );
    c.shutdown();
}
