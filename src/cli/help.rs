//! `--help` and clap's errors in the user's language, from the Fluent catalogue
//! (`i18n/<lang>/cli.ftl`): the command built by clap's derive is mutated before
//! parsing — every about, argument help, value name and heading replaced by the
//! catalogue's text — and clap's errors are rendered from their kind and context.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory};

use crate::i18n::{has, tr_in, Lang};

/// The language `--help` and argument errors speak before the arguments are parsed:
/// `--lang` as written among them, else the environment's.
pub fn early_lang(args: &[std::ffi::OsString]) -> Lang {
    let mut it = args.iter().skip(1).map(|a| a.to_string_lossy());
    // The last `--lang` wins, as clap reads it (`args_override_self`).
    let mut chosen = None;
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        let value = match a.strip_prefix("--lang") {
            Some("") => it.next().map(|v| v.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_owned),
            None => None,
        };
        match value.as_deref() {
            Some("zh") => chosen = Some(Lang::Zh),
            Some("en") => chosen = Some(Lang::En),
            _ => {}
        }
    }
    chosen.unwrap_or_else(crate::i18n::env_lang)
}

/// planc's command with every text in `lang`.
pub fn command(lang: Lang) -> Command {
    let cmd = super::Cli::command();
    let mut cmd = localize(cmd, lang, "cli");
    cmd.build();
    // The usage line clap writes (`[OPTIONS]`, `<COMMAND>`) in the language too.
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    let mut cmd = usage_in(cmd, lang);
    for n in names {
        cmd = cmd.mut_subcommand(&n, |s| {
            let subs: Vec<String> = s
                .get_subcommands()
                .map(|c| c.get_name().to_owned())
                .collect();
            let mut s = usage_in(s, lang);
            for c in subs {
                s = s.mut_subcommand(&c, |c| usage_in(c, lang));
            }
            s
        });
    }
    cmd
}

/// The message `id` in `lang`, if the catalogue has it.
fn msg(lang: Lang, id: &str) -> Option<String> {
    has(lang, id).then(|| tr_in(lang, id, None))
}

/// A catalogue key from a command path and an argument id: `cli-check-max-findings`.
pub(crate) fn key(prefix: &str, id: &str) -> String {
    format!("{prefix}-{}", id.replace('_', "-"))
}

fn localize(mut cmd: Command, lang: Lang, prefix: &str) -> Command {
    if let Some(about) = msg(lang, &key(prefix, "about")) {
        cmd = cmd.about(about).long_about(None);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().as_str().to_owned())
        .filter(|id| id != "help" && id != "version")
        .collect();
    for id in ids {
        let k = key(prefix, &id);
        cmd = cmd.mut_arg(&id, |a| localize_arg(a, lang, &k));
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for s in subs {
        let p = key(prefix, &s);
        cmd = cmd.mut_subcommand(&s, |c| localize(c, lang, &p));
    }
    cmd = cmd
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(tr_in(lang, "cli-help", None))
                .help_heading(tr_in(lang, "cli-heading-options", None)),
        )
        .subcommand_help_heading(tr_in(lang, "cli-heading-commands", None))
        .subcommand_value_name(tr_in(lang, "cli-value-command", None))
        .help_template(format!(
            "{{about-with-newline}}\n{}{{usage}}\n\n{{all-args}}{{after-help}}",
            tr_in(lang, "cli-heading-usage", None)
        ));
    if cmd.get_version().is_some() && prefix == "cli" {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(tr_in(lang, "cli-version", None))
                .help_heading(tr_in(lang, "cli-heading-options", None)),
        );
    }
    cmd
}

fn localize_arg(mut a: Arg, lang: Lang, k: &str) -> Arg {
    let heading = if a.is_positional() {
        "cli-heading-arguments"
    } else {
        "cli-heading-options"
    };
    a = a.help_heading(tr_in(lang, heading, None));
    let mut help =
        msg(lang, k).unwrap_or_else(|| a.get_help().map(|h| h.to_string()).unwrap_or_default());
    if !a.get_action().takes_values() {
        return a.help(help).long_help(None::<&str>);
    }
    // Defaults and choices in the language of the help, not clap's English.
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && !a.is_hide_default_value_set() {
        let shown = defaults.join(", ");
        help.push_str(&tr_in(
            lang,
            "cli-default",
            Some(&fluent_args("value", shown)),
        ));
        a = a.hide_default_value(true);
    }
    let values: Vec<String> = a
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_owned())
        .collect();
    if !values.is_empty() && !a.is_hide_possible_values_set() {
        help.push_str(&tr_in(
            lang,
            "cli-possible",
            Some(&fluent_args("values", values.join(", "))),
        ));
        a = a.hide_possible_values(true);
    }
    if let Some(names) = a.get_value_names().map(|n| n.to_vec()) {
        let names: Vec<String> = names
            .iter()
            .map(|n| {
                msg(lang, &format!("cli-value-{}", n.as_str().to_lowercase()))
                    .unwrap_or_else(|| n.to_string())
            })
            .collect();
        a = a.value_names(names);
    }
    a.help(help).long_help(None::<&str>)
}

fn fluent_args(name: &'static str, value: String) -> fluent_bundle::FluentArgs<'static> {
    let mut args = fluent_bundle::FluentArgs::new();
    args.set(name, value);
    args
}

/// Replaces clap's own words in the usage line (`[OPTIONS]`, `<COMMAND>`).
fn usage_in(mut cmd: Command, lang: Lang) -> Command {
    if lang == Lang::En {
        return cmd;
    }
    let usage = cmd.render_usage().to_string();
    let usage = usage
        .split_once(": ")
        .map_or(usage.as_str(), |(_, u)| u)
        .replace(
            "[OPTIONS]",
            &format!("[{}]", tr_in(lang, "cli-heading-options", None)),
        )
        .replace(
            "<COMMAND>",
            &format!("<{}>", tr_in(lang, "cli-value-command", None)),
        );
    cmd = cmd.override_usage(usage);
    cmd
}

/// A clap error as planc says it, in `lang`: what is wrong, then the usage and where to
/// find help. Help and version requests are clap's own text (already localised).
pub fn render_error(e: &clap::Error, lang: Lang) -> String {
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        return e.render().to_string();
    }
    let ctx = |k: ContextKind| -> Option<String> {
        match e.get(k)? {
            ContextValue::String(s) => Some(s.clone()),
            ContextValue::Strings(v) => Some(v.join(", ")),
            ContextValue::StyledStr(s) => Some(s.to_string()),
            ContextValue::StyledStrs(v) => Some(
                v.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            ContextValue::Number(n) => Some(n.to_string()),
            ContextValue::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    };
    let mut args = fluent_bundle::FluentArgs::new();
    for (name, kind) in [
        ("arg", ContextKind::InvalidArg),
        ("value", ContextKind::InvalidValue),
        ("valid", ContextKind::ValidValue),
        ("subcommand", ContextKind::InvalidSubcommand),
        ("prior", ContextKind::PriorArg),
        ("expected", ContextKind::ExpectedNumValues),
        ("actual", ContextKind::ActualNumValues),
        ("min", ContextKind::MinValues),
    ] {
        args.set(name, ctx(kind).unwrap_or_default());
    }
    // Why a value was refused: planc's own parsers say it in the language already (the
    // parse runs in its scope); a number's parse error is said here.
    let reason = match std::error::Error::source(e) {
        Some(s) if s.downcast_ref::<std::num::ParseIntError>().is_some() => {
            tr_in(lang, "cli-error-not-a-number", None)
        }
        Some(s) => s.to_string(),
        None => String::new(),
    };
    args.set("reason", reason);
    let id = match e.kind() {
        ErrorKind::InvalidValue => "cli-error-invalid-value",
        ErrorKind::UnknownArgument => "cli-error-unknown-argument",
        ErrorKind::InvalidSubcommand => "cli-error-invalid-subcommand",
        ErrorKind::NoEquals => "cli-error-no-equals",
        ErrorKind::ValueValidation => "cli-error-value-validation",
        ErrorKind::TooManyValues => "cli-error-too-many-values",
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => "cli-error-number-of-values",
        ErrorKind::ArgumentConflict => "cli-error-conflict",
        ErrorKind::MissingRequiredArgument => "cli-error-missing-argument",
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "cli-error-missing-subcommand"
        }
        ErrorKind::InvalidUtf8 => "cli-error-invalid-utf8",
        _ => "cli-error-other",
    };
    let mut out = format!(
        "{}{}",
        tr_in(lang, "cli-error-prefix", None),
        tr_in(lang, id, Some(&args))
    );
    let suggestion = ctx(ContextKind::SuggestedArg)
        .or_else(|| ctx(ContextKind::SuggestedSubcommand))
        .or_else(|| ctx(ContextKind::SuggestedValue));
    if let Some(s) = suggestion {
        out.push_str(&format!(
            "\n\n  {}",
            tr_in(
                lang,
                "cli-error-did-you-mean",
                Some(&fluent_args("suggestion", s))
            )
        ));
    }
    if let Some(usage) = ctx(ContextKind::Usage) {
        let usage = usage
            .split_once(": ")
            .map_or(usage.as_str(), |(_, u)| u)
            .to_owned();
        out.push_str(&format!(
            "\n\n{}{usage}",
            tr_in(lang, "cli-heading-usage", None)
        ));
    }
    out.push_str(&format!("\n\n{}\n", tr_in(lang, "cli-error-more", None)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every catalogue key the command line needs: each command's about and each
    /// argument's help.
    fn keys(cmd: &Command, prefix: &str, out: &mut Vec<String>) {
        out.push(key(prefix, "about"));
        for a in cmd.get_arguments() {
            let id = a.get_id().as_str();
            if id != "help" && id != "version" {
                out.push(key(prefix, id));
            }
        }
        for s in cmd.get_subcommands() {
            keys(s, &key(prefix, s.get_name()), out);
        }
    }

    /// No help text falls back to the derive's English: both catalogues have every key.
    #[test]
    fn every_command_and_argument_has_help_in_both_languages() {
        let mut all = Vec::new();
        keys(&super::super::Cli::command(), "cli", &mut all);
        assert!(all.len() > 60, "{}", all.len());
        for lang in [Lang::En, Lang::Zh] {
            let missing: Vec<&String> = all.iter().filter(|k| !has(lang, k)).collect();
            assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
        }
    }

    #[test]
    fn lang_is_read_before_parsing() {
        let args = |v: &[&str]| v.iter().map(std::ffi::OsString::from).collect::<Vec<_>>();
        assert_eq!(
            early_lang(&args(&["planc", "--lang", "zh", "check"])),
            Lang::Zh
        );
        assert_eq!(
            early_lang(&args(&["planc", "check", "--lang=en"])),
            Lang::En
        );
        assert_eq!(
            early_lang(&args(&["planc", "--lang", "en", "check", "--lang", "zh"])),
            Lang::Zh,
            "the last wins, as clap reads it"
        );
        assert_eq!(
            early_lang(&args(&["planc", "init", "--", "--lang", "zh"])),
            crate::i18n::env_lang()
        );
    }
}
