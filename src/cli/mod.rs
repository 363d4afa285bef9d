//! Command-line interface: argument parsing (clap derive) and one module per subcommand.
//! Library code never prints; subcommands write through the `Io` handles they get.

mod actuals;
mod allocate;
mod check;
mod diff;
mod exchange;
mod fix;
mod help;
mod init;
mod lsp;
mod render;
mod review;
mod rules;
mod schema;
mod serve;

use std::ffi::OsString;
use std::io::Write;

use clap::{Parser, Subcommand, ValueEnum};

/// Process exit codes, in one place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// No errors (warnings allowed unless `--deny-warnings`).
    Ok = 0,
    /// The plans have errors.
    Findings = 1,
    /// Usage or I/O trouble: bad arguments, missing files, nothing to check.
    Trouble = 2,
}

#[derive(Parser, Debug)]
#[command(
    name = "planc",
    version,
    about = "Plan-as-code compiler for annual sales plans: validate, check, render, review",
    long_about = None,
    propagate_version = true,
    args_override_self = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Language of messages and reports [default: each plan's `lang`, else `PLANC_LANG`,
    /// else the locale, else en].
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<LangArg>,
    /// Refuse to read plan and actuals files larger than N MB [default: `[limits]
    /// max_file_mb` in planc.toml, else 64].
    #[arg(long, global = true, value_name = "N")]
    pub max_file_mb: Option<u64>,
}

/// `--lang`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Zh,
    En,
}

impl From<LangArg> for crate::i18n::Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::Zh => crate::i18n::Lang::Zh,
            LangArg::En => crate::i18n::Lang::En,
        }
    }
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check plan files (or directories of `*.plan.yaml`) for schema and consistency errors.
    Check(check::Args),
    /// List every rule with its code, default severity and summary.
    Rules(rules::ListArgs),
    /// Show the documentation of a rule.
    Explain(rules::ExplainArgs),
    /// Print the JSON Schema of a plan file.
    Schema(schema::Args),
    /// Render a plan (or a directory of plans) as a Markdown, HTML or DOCX report.
    Render(render::Args),
    /// Year-end review: the plan against its actuals (YAML, CSV, XLSX), as a report or JSON.
    Review(review::Args),
    /// Semantic diff of two versions of a plan (files, directories or git revisions),
    /// matched by ids: targets, breakdown cells, budget, campaigns, KPIs, risks …
    Diff(diff::Args),
    /// Start a new plan of a kind, with guidance and `XX` placeholders (and, in an empty
    /// folder, planc.toml, .gitattributes, a CI workflow and the schema).
    Init(init::Args),
    /// Apply the fixes planc is sure of (typos in references and units, shares, a
    /// missing quarter), keeping comments and layout.
    Fix(fix::Args),
    /// Run the language server (LSP over stdio) for editors: diagnostics, hover, definition.
    Lsp(lsp::Args),
    /// Live preview: a local web server showing the workspace's index, org tree and
    /// reports, reloading the browser when a file changes.
    Serve(serve::Args),
    /// Top-down allocation (指标分解): compute every allocation declared on a breakdown
    /// and write the items (and a seasonal index from actuals) into the plans, keeping
    /// comments and layout.
    Allocate(allocate::Args),
    /// Excel out (下发): the plans' targets as a workbook, quarters and months across,
    /// items down, totals and shares as formulas, only input cells unlocked.
    Export(exchange::ExportArgs),
    /// Excel back (回收): the edited cells of an exported workbook written into the
    /// plans as text edits, then checked; refuses (naming the cell) a plan changed since
    /// the export, a locked or formula cell changed, an edit outside the plan.
    Import(exchange::ImportArgs),
    /// Actuals for finance: `planc actuals template PLAN` writes the workbook planc reads
    /// best for a plan.
    Actuals(actuals::Args),
}

/// Output format of `planc check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Human,
    Json,
    Sarif,
    Github,
}

/// Where a subcommand writes.
pub struct Io<'a> {
    pub stdout: &'a mut dyn Write,
    pub stderr: &'a mut dyn Write,
    /// Whether stderr is a terminal that takes colour.
    pub color: bool,
    /// The language the user asked for (`--lang`), if any.
    pub lang: crate::i18n::Choice,
    /// `--max-file-mb`, if given (it wins over planc.toml).
    pub max_file_mb: Option<u64>,
}

impl Io<'_> {
    /// Writes `error: MESSAGE` (in the user's language) to stderr.
    pub fn error(&mut self, message: impl std::fmt::Display) {
        let _ = writeln!(self.stderr, "{}{message}", crate::i18n::error_prefix());
    }
}

/// Runs planc with the given arguments and returns the exit code.
pub fn run(args: impl IntoIterator<Item = impl Into<OsString> + Clone>) -> i32 {
    // Unlocked handles: each write takes the lock briefly, so a message from a worker
    // thread (a panic report, say) can never wait forever on a lock held by this one.
    let mut out = std::io::stdout();
    let mut err = std::io::stderr();
    let color = std::io::IsTerminal::is_terminal(&err) && std::env::var_os("NO_COLOR").is_none();
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    let early = help::early_lang(&args);
    let parsed = crate::i18n::scope(early, || {
        help::command(early)
            .try_get_matches_from(&args)
            .and_then(|m| <Cli as clap::FromArgMatches>::from_arg_matches(&m))
    });
    let cli = match parsed {
        Ok(c) => c,
        Err(e) => {
            let text = help::render_error(&e, early);
            if e.use_stderr() {
                let _ = write!(err, "{text}");
                return Exit::Trouble as i32;
            }
            let _ = write!(out, "{text}");
            return Exit::Ok as i32;
        }
    };
    let lang = crate::i18n::Choice {
        forced: cli.lang.map(Into::into),
    };
    if let Some(mb) = cli.max_file_mb {
        crate::source::set_max_file_mb(mb);
    }
    let mut io = Io {
        stdout: &mut out,
        stderr: &mut err,
        color,
        lang,
        max_file_mb: cli.max_file_mb,
    };
    let code = crate::i18n::scope(lang.ui(), || match cli.command {
        Command::Check(a) => check::run(a, &mut io),
        Command::Rules(a) => rules::list(a, &mut io),
        Command::Explain(a) => rules::explain(a, &mut io),
        Command::Schema(a) => schema::run(a, &mut io),
        Command::Render(a) => render::run(a, &mut io),
        Command::Review(a) => review::run(a, &mut io),
        Command::Diff(a) => diff::run(a, &mut io),
        Command::Init(a) => init::run(a, &mut io),
        Command::Fix(a) => fix::run(a, &mut io),
        Command::Lsp(a) => lsp::run(a, &mut io),
        Command::Serve(a) => serve::run(a, &mut io),
        Command::Actuals(a) => actuals::run(a, &mut io),
        Command::Allocate(a) => allocate::run(a, &mut io),
        Command::Export(a) => exchange::export(a, &mut io),
        Command::Import(a) => exchange::import(a, &mut io),
    });
    let _ = io.stdout.flush();
    if std::env::var_os("PLANC_DEBUG_READS").is_some() {
        let _ = writeln!(io.stderr, "planc: read {} files", crate::source::reads());
    }
    code as i32
}

/// `--money-unit UNIT`: every amount of the report in it, over the plan's own choice.
pub(crate) fn force_money_unit(
    config: &mut crate::config::Config,
    unit: Option<&str>,
) -> Result<(), String> {
    let Some(u) = unit else {
        return Ok(());
    };
    let parsed = crate::model::MoneyUnit::parse(u)
        .ok_or_else(|| crate::t!("cli-money-unit", value = u.to_owned()))?;
    config.money_unit = Some(parsed);
    config.money_unit_forced = true;
    Ok(())
}

/// The run's configuration: `--config FILE`, else the nearest `planc.toml` at or above
/// `start`; messages follow the language the user asked for.
pub(crate) fn config_for(
    explicit: Option<&std::path::Path>,
    start: &std::path::Path,
    io: &Io,
) -> Result<crate::config::Config, crate::config::ConfigError> {
    let mut config = match explicit {
        Some(p) => crate::config::Config::load(p),
        None => crate::config::Config::discover(start),
    }?;
    config.lang = io.lang;
    crate::render::pdf::set_typeset_seconds(
        config
            .typeset_seconds
            .unwrap_or(crate::render::pdf::DEFAULT_TYPESET_SECONDS),
    );
    if io.max_file_mb.is_none() {
        crate::source::set_max_file_mb(
            config
                .max_file_mb
                .unwrap_or(crate::source::DEFAULT_MAX_FILE_MB),
        );
    }
    Ok(config)
}

pub use crate::source::write::{replace_atomic, write_atomic};
