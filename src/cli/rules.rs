use super::{Exit, Io};
use crate::i18n::{self, rule_doc, rule_summary};
use crate::rules::REGISTRY;

#[derive(clap::Args, Debug)]
pub struct ListArgs {
    /// Print as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(clap::Args, Debug)]
pub struct ExplainArgs {
    /// A rule code (`P101`) or name (`breakdown-sum`).
    pub code: String,
}

pub fn list(args: ListArgs, io: &mut Io) -> Exit {
    let lang = io.lang.ui();
    if args.json {
        let rules: Vec<_> = REGISTRY
            .iter()
            .map(|r| {
                serde_json::json!({
                    "code": r.code, "name": r.name,
                    "severity": r.severity.as_str(), "summary": rule_summary(lang, r),
                })
            })
            .collect();
        let _ = writeln!(
            io.stdout,
            "{}",
            serde_json::to_string_pretty(&rules).unwrap_or_default()
        );
        return Exit::Ok;
    }
    for r in REGISTRY.iter() {
        let severity = crate::t_in!(lang, "rules-severity", severity = r.severity.as_str());
        // Padded by display width: a Chinese character takes two columns.
        let width: usize = severity
            .chars()
            .map(|c| if c.is_ascii() { 1 } else { 2 })
            .sum();
        let pad = " ".repeat(8usize.saturating_sub(width));
        let _ = writeln!(
            io.stdout,
            "{}  {:<24} {severity}{pad} {}",
            r.code,
            r.name,
            rule_summary(lang, r)
        );
    }
    Exit::Ok
}

pub fn explain(args: ExplainArgs, io: &mut Io) -> Exit {
    match crate::rules::lookup(&args.code) {
        Some(r) => {
            let lang = io.lang.ui();
            let severity = crate::t_in!(lang, "explain-severity", severity = r.severity.as_str());
            let _ = writeln!(
                io.stdout,
                "# {} ({})\n\n{severity}\n\n{}\n\n{}",
                r.code,
                r.name,
                rule_summary(lang, r),
                rule_doc(lang, r).trim_end()
            );
            Exit::Ok
        }
        None => {
            let all = REGISTRY.iter().flat_map(|r| [r.code, r.name]);
            let message = match crate::suggest::did_you_mean(&args.code, all) {
                Some(s) => crate::t!(
                    "explain-unknown-suggest",
                    code = args.code.clone(),
                    suggestion = s.to_owned()
                ),
                None => crate::t!("explain-unknown", code = args.code.clone()),
            };
            let _ = writeln!(io.stderr, "{}{message}", i18n::error_prefix());
            Exit::Trouble
        }
    }
}
