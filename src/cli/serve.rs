//! `planc serve`: the live preview — a local web server over the workspace that reloads
//! the browser when a file changes (the server itself is `crate::serve`).

use std::path::PathBuf;
use std::time::Duration;

use super::{Exit, Io};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The folder of plans to serve (or one plan file).
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// The port to listen on (0: any free port; the address is printed).
    #[arg(long, default_value_t = 7700)]
    pub port: u16,
    /// The interface to listen on. Only this machine can connect by default; give
    /// `0.0.0.0` (with `--allow-host`) to let others on the network see the reports.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// A `Host` name or address others use to reach this machine (`192.168.1.20`,
    /// `planc.lan:7700`); requests naming any other host are refused (421).
    #[arg(long = "allow-host", value_name = "NAME")]
    pub allow_host: Vec<String>,
    /// Open the index in the default browser.
    #[arg(long)]
    pub open: bool,
    /// A directory whose templates (and `labels/*.toml`) replace the built-in ones by name.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// Use this planc.toml instead of the nearest one at or above the folder.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

pub fn run(args: Args, io: &mut Io) -> Exit {
    let lang = io.lang.ui();
    let config = match super::config_for(args.config.as_deref(), &args.path, io) {
        Ok(c) => c,
        Err(e) => return trouble(io, e),
    };
    if !args.path.exists() {
        return trouble(
            io,
            crate::t!(
                "io-cannot-read",
                path = crate::source::display_path(&args.path),
                reason = crate::t!("io-not-found")
            ),
        );
    }
    let opts = crate::serve::Options {
        path: args.path.clone(),
        host: args.host.clone(),
        port: args.port,
        config,
        templates: args.templates.clone(),
        lang,
        debounce: Duration::from_millis(100),
        allow_hosts: args.allow_host.clone(),
        log: std::sync::Arc::new(|message: &str| eprintln!("{message}")),
    };
    let server = match crate::serve::Server::start(opts) {
        Ok(s) => s,
        Err(e) => return trouble(io, e),
    };
    let stopper = server.stopper();
    // Ctrl-C (and SIGTERM) stop the server; the handler can be set once per process.
    let _ = ctrlc::set_handler(move || stopper.stop());
    let url = server.url();
    let _ = writeln!(
        io.stderr,
        "{}",
        crate::t!("serve-listening", url = url.clone())
    );
    if !server.addr().ip().is_loopback() {
        // Beyond this machine: say where it listens, and what others must send.
        let _ = writeln!(
            io.stderr,
            "{}",
            crate::t!(
                "serve-listening-beyond",
                addr = server.addr().to_string(),
                hosts = if args.allow_host.is_empty() {
                    "—".to_owned()
                } else {
                    args.allow_host.join(", ")
                }
            )
        );
    }
    let _ = io.stderr.flush();
    if args.open {
        if let Err(e) = open_browser(&url) {
            let _ = writeln!(
                io.stderr,
                "{}",
                crate::t!(
                    "serve-open-failed",
                    reason = e.to_string(),
                    url = url.clone()
                )
            );
        }
    }
    server.run();
    let _ = writeln!(io.stderr, "{}", crate::t!("serve-stopped"));
    Exit::Ok
}

fn trouble(io: &mut Io, e: impl std::fmt::Display) -> Exit {
    io.error(e);
    Exit::Trouble
}

/// Opens `url` with the platform's opener, without waiting for the browser.
fn open_browser(url: &str) -> std::io::Result<()> {
    let mut cmd = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    cmd.arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(drop)
}
