use super::{Exit, Io};
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
    if args.json {
        let rules: Vec<_> = REGISTRY
            .iter()
            .map(|r| {
                serde_json::json!({
                    "code": r.code, "name": r.name,
                    "severity": r.severity.as_str(), "summary": r.summary,
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
        let _ = writeln!(
            io.stdout,
            "{}  {:<24} {:<8} {}",
            r.code,
            r.name,
            r.severity.as_str(),
            r.summary
        );
    }
    Exit::Ok
}

pub fn explain(args: ExplainArgs, io: &mut Io) -> Exit {
    match crate::rules::lookup(&args.code) {
        Some(r) => {
            let _ = writeln!(
                io.stdout,
                "# {} ({})\n\nDefault severity: {}\n\n{}\n\n{}",
                r.code,
                r.name,
                r.severity.as_str(),
                r.summary,
                r.doc.trim_end()
            );
            Exit::Ok
        }
        None => {
            let all = REGISTRY.iter().flat_map(|r| [r.code, r.name]);
            let hint = crate::suggest::did_you_mean(&args.code, all)
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_else(|| "; `planc rules` lists them".into());
            let _ = writeln!(
                io.stderr,
                "error: `{}` is not a planc rule{hint}",
                args.code
            );
            Exit::Trouble
        }
    }
}
