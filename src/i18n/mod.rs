//! Messages in the user's language: a Fluent catalogue per language under `i18n/<lang>/`
//! (`*.ftl` for messages, `rules.md` for the rule docs), embedded at build time.
//!
//! Which language a message is in:
//! 1. `--lang` (the [`Choice::forced`] language), else
//! 2. the plan's `lang:` for findings in that file, else
//! 3. `PLANC_LANG`, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG` starting with `zh`), else English.
//!
//! Architecture invariant: the stage that owns a file (loading, the workspace's link step,
//! actuals, the review) sets the file's language with [`scope`]; code below it renders
//! messages with [`t!`](crate::t) and never decides a language itself. Codes and rule
//! names stay ASCII in every language.

mod docs;
pub mod schema;

use std::cell::Cell;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

pub use crate::model::Lang;
pub use docs::{rule_doc, rule_summary, translated as docs_translated};

/// The catalogue files, per language (the same names in each).
const FILES: &[&str] = &[
    "core.ftl",
    "rules.ftl",
    "workspace.ftl",
    "actuals.ftl",
    "review.ftl",
    "diff.ftl",
    "fix.ftl",
    "lsp.ftl",
    "serve.ftl",
    "cli.ftl",
    "allocate.ftl",
    "exchange.ftl",
];

macro_rules! catalogue {
    ($lang:literal) => {
        [
            include_str!(concat!("../../i18n/", $lang, "/core.ftl")),
            include_str!(concat!("../../i18n/", $lang, "/rules.ftl")),
            include_str!(concat!("../../i18n/", $lang, "/workspace.ftl")),
            include_str!(concat!("../../i18n/", $lang, "/actuals.ftl")),
            include_str!(concat!("../../i18n/", $lang, "/review.ftl")),
            include_str!(concat!("../../i18n/", $lang, "/diff.ftl")),
            include_str!(concat!("../../i18n/", $lang, "/fix.ftl")),
            include_str!(concat!("../../i18n/", $lang, "/lsp.ftl")),
            include_str!(concat!("../../i18n/", $lang, "/serve.ftl")),
            include_str!(concat!("../../i18n/", $lang, "/cli.ftl")),
            include_str!(concat!("../../i18n/", $lang, "/allocate.ftl")),
            include_str!(concat!("../../i18n/", $lang, "/exchange.ftl")),
        ]
    };
}

const EN: [&str; FILES.len()] = catalogue!("en");
const ZH: [&str; FILES.len()] = catalogue!("zh");

/// The raw catalogue text of a language, file by file (for tests and translators' tools).
pub fn sources(lang: Lang) -> impl Iterator<Item = (&'static str, &'static str)> {
    let texts = match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    };
    FILES.iter().copied().zip(texts.iter().copied())
}

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let tag = match lang {
        Lang::En => "en",
        Lang::Zh => "zh",
    };
    let id: unic_langid::LanguageIdentifier = tag.parse().expect("static language tag");
    let mut b = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around placeables: terminals and JSON show them as noise.
    b.set_use_isolating(false);
    for (name, text) in sources(lang) {
        // A catalogue that does not parse is a build defect caught by the i18n tests;
        // the entries that did parse are still used.
        let res = match FluentResource::try_new(text.to_owned()) {
            Ok(r) => r,
            Err((r, _)) => r,
        };
        if b.add_resource(res).is_err() {
            debug_assert!(false, "duplicate message ids in i18n/{tag}/{name}");
        }
    }
    b
}

static BUNDLE_EN: LazyLock<FluentBundle<FluentResource>> = LazyLock::new(|| bundle(Lang::En));
static BUNDLE_ZH: LazyLock<FluentBundle<FluentResource>> = LazyLock::new(|| bundle(Lang::Zh));

fn bundle_of(lang: Lang) -> &'static FluentBundle<FluentResource> {
    match lang {
        Lang::En => &BUNDLE_EN,
        Lang::Zh => &BUNDLE_ZH,
    }
}

/// Whether a message id exists in a language.
pub fn has(lang: Lang, id: &str) -> bool {
    bundle_of(lang).has_message(id)
}

/// Renders message `id` (or `id.attr`) in `lang`, falling back to English, then to the id.
pub fn tr_in(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    let (id, attr) = match id.split_once('.') {
        Some((m, a)) => (m, Some(a)),
        None => (id, None),
    };
    for l in [lang, Lang::En] {
        let b = bundle_of(l);
        let Some(msg) = b.get_message(id) else {
            continue;
        };
        let pattern = match attr {
            Some(a) => msg.get_attribute(a).map(|a| a.value()),
            None => msg.value(),
        };
        if let Some(p) = pattern {
            let mut errors = Vec::new();
            let s = b.format_pattern(p, args, &mut errors);
            debug_assert!(errors.is_empty(), "message `{id}` in {l:?}: {errors:?}");
            return s.into_owned();
        }
    }
    debug_assert!(false, "no message `{id}` in the catalogue");
    id.to_owned()
}

/// Renders message `id` in the current language (see [`scope`]).
pub fn tr(id: &str, args: Option<&FluentArgs>) -> String {
    tr_in(current(), id, args)
}

/// `error: ` in the current language, for messages about the run (not about a file).
pub fn error_prefix() -> String {
    tr("cli-error-prefix", None)
}

/// A value for a message argument: text as it is; counts as numbers (for plural forms).
pub fn arg<'a>(v: impl Into<FluentValue<'a>>) -> FluentValue<'a> {
    v.into()
}

/// A message in the current language: `t!("yaml-duplicate-key", key = k)`.
/// Arguments are anything that converts into a Fluent value (text, integers).
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        $crate::i18n::tr($id, None)
    };
    ($id:literal, $($k:ident = $v:expr),+ $(,)?) => {{
        let mut args = ::fluent_bundle::FluentArgs::new();
        $( args.set(stringify!($k), $crate::i18n::arg($v)); )+
        $crate::i18n::tr($id, Some(&args))
    }};
}

/// Like [`t!`](crate::t) in a given language.
#[macro_export]
macro_rules! t_in {
    ($lang:expr, $id:literal) => {
        $crate::i18n::tr_in($lang, $id, None)
    };
    ($lang:expr, $id:literal, $($k:ident = $v:expr),+ $(,)?) => {{
        let mut args = ::fluent_bundle::FluentArgs::new();
        $( args.set(stringify!($k), $crate::i18n::arg($v)); )+
        $crate::i18n::tr_in($lang, $id, Some(&args))
    }};
}

thread_local! {
    static CURRENT: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// The language messages are rendered in on this thread: the innermost [`scope`], else
/// the environment's.
pub fn current() -> Lang {
    CURRENT.with(|c| c.get()).unwrap_or_else(env_lang)
}

/// Runs `f` with messages in `lang` (restoring the previous language afterwards, also on
/// unwinding).
pub fn scope<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<Lang>);
    impl Drop for Restore {
        fn drop(&mut self) {
            CURRENT.with(|c| c.set(self.0));
        }
    }
    let _restore = Restore(CURRENT.with(|c| c.replace(Some(lang))));
    f()
}

/// The language the environment asks for: `PLANC_LANG`, else the locale, else English.
pub fn env_lang() -> Lang {
    static ENV: LazyLock<Lang> = LazyLock::new(|| {
        let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        from_env(
            var("PLANC_LANG").as_deref(),
            var("LC_ALL")
                .or_else(|| var("LC_MESSAGES"))
                .or_else(|| var("LANG"))
                .as_deref(),
        )
    });
    *ENV
}

/// `PLANC_LANG` wins (`zh`, `en`, or a locale name); a locale starting with `zh` is Chinese.
pub fn from_env(planc_lang: Option<&str>, locale: Option<&str>) -> Lang {
    let parse = |v: &str| {
        let v = v.trim().to_ascii_lowercase();
        if v.starts_with("zh") {
            Some(Lang::Zh)
        } else if v.starts_with("en") || v == "c" || v == "posix" || v.starts_with("c.") {
            Some(Lang::En)
        } else {
            None
        }
    };
    planc_lang
        .and_then(parse)
        .or_else(|| locale.and_then(parse))
        .unwrap_or(Lang::En)
}

/// The language choice of a run: `--lang` when given, else each file's own, else the
/// environment's.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Choice {
    /// `--lang`: wins over every plan's `lang:`.
    pub forced: Option<Lang>,
}

impl Choice {
    /// The language of messages about a file whose plan says `lang: <plan>`.
    pub fn for_file(self, plan: Option<Lang>) -> Lang {
        self.forced.or(plan).unwrap_or_else(env_lang)
    }
    /// The language of messages about the run as a whole (summary line, CLI errors).
    pub fn ui(self) -> Lang {
        self.forced.unwrap_or_else(env_lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn environment_picks_the_language() {
        assert_eq!(from_env(None, None), Lang::En);
        assert_eq!(from_env(None, Some("zh_CN.UTF-8")), Lang::Zh);
        assert_eq!(from_env(Some("en"), Some("zh_CN.UTF-8")), Lang::En);
        assert_eq!(from_env(Some("zh"), Some("C.UTF-8")), Lang::Zh);
        assert_eq!(from_env(Some("klingon"), Some("zh_TW")), Lang::Zh);
        assert_eq!(from_env(None, Some("fr_FR.UTF-8")), Lang::En);
    }

    #[test]
    fn scope_nests_and_restores() {
        scope(Lang::Zh, || {
            assert_eq!(current(), Lang::Zh);
            scope(Lang::En, || assert_eq!(current(), Lang::En));
            assert_eq!(current(), Lang::Zh);
        });
    }

    #[test]
    fn forced_language_wins_over_the_plan() {
        let forced = Choice {
            forced: Some(Lang::En),
        };
        assert_eq!(forced.for_file(Some(Lang::Zh)), Lang::En);
        assert_eq!(Choice::default().for_file(Some(Lang::Zh)), Lang::Zh);
    }
}
