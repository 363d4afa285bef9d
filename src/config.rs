//! `planc.toml`: rule severities, the rounding tolerance and the review thresholds.
//!
//! Found by walking up from the checked path; the nearest file wins.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rust_decimal::Decimal;
use serde::Deserialize;

use crate::diagnostics::Severity;
use crate::model::{MoneyUnit, Quantity, Unit};

pub const FILE_NAME: &str = "planc.toml";

/// A rule's configured level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Off,
    Warning,
    Error,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    tolerance: RawTolerance,
    #[serde(default)]
    rules: BTreeMap<String, Level>,
    #[serde(default)]
    check: RawCheck,
    #[serde(default)]
    review: RawReview,
    #[serde(default)]
    rollup: RawRollup,
    #[serde(default)]
    render: RawRender,
    #[serde(default)]
    limits: RawLimits,
    /// `[aliases]`: an item id (or name) and the names exports give it.
    #[serde(default)]
    aliases: BTreeMap<String, AliasNames>,
}

/// One name or a list of names.
#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
enum AliasNames {
    One(String),
    Many(Vec<String>),
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRender {
    money_unit: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLimits {
    max_file_mb: Option<u64>,
    typeset_seconds: Option<u64>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRollup {
    complete: Option<bool>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReview {
    green: Option<String>,
    amber: Option<String>,
}

/// Status-light thresholds of `planc review`, as attainment in percent: green at or above
/// `green`, amber at or above `amber`, red below. Lower-is-better KPIs are inverted first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Thresholds {
    pub green: Decimal,
    pub amber: Decimal,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            green: Decimal::ONE_HUNDRED,
            amber: Decimal::from(90),
        }
    }
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTolerance {
    money: Option<String>,
    percent: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCheck {
    deny_warnings: Option<bool>,
}

/// How far apart two figures may be and still agree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tolerance {
    /// Absolute slack, in 元, for sums of money (default 0: sums are exact).
    pub money_yuan: Decimal,
    /// Extra slack, in percentage points, for stated percentages (shares, growth,
    /// ratios, attainment). A stated percentage always agrees when it equals the true
    /// ratio rounded to the digits it was written with; this is added on top (default 0).
    pub percent_points: Decimal,
}

impl Default for Tolerance {
    fn default() -> Self {
        Tolerance {
            money_yuan: Decimal::ZERO,
            percent_points: Decimal::ZERO,
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct Config {
    /// The file the settings came from, if any.
    pub path: Option<PathBuf>,
    pub tolerance: Tolerance,
    /// Severity overrides keyed by rule code (`P101`).
    pub levels: BTreeMap<&'static str, Level>,
    pub deny_warnings: bool,
    /// `[review]`: status-light thresholds.
    pub thresholds: Thresholds,
    /// `[rollup] complete`: every breakdown that has a child plan must have one for each
    /// of its items, as if it said `complete: true`.
    pub rollup_complete: bool,
    /// `[render] money_unit`: the unit reports show every amount in (a plan's
    /// `report_unit` wins); default: chosen from each plan's amounts.
    pub money_unit: Option<crate::model::MoneyUnit>,
    /// `--money-unit` set `money_unit`: it wins over a plan's `report_unit`.
    pub money_unit_forced: bool,
    /// The language of messages (`--lang`, else each plan's `lang:`, else the environment).
    pub lang: crate::i18n::Choice,
    /// `[limits] max_file_mb`: files larger than this are refused unread (the CLI's
    /// `--max-file-mb` wins; default `source::DEFAULT_MAX_FILE_MB`).
    pub max_file_mb: Option<u64>,
    /// `[limits] typeset_seconds`: how long typesetting one PDF may take (default
    /// `render::pdf::DEFAULT_TYPESET_SECONDS`).
    pub typeset_seconds: Option<u64>,
    /// `[aliases]`: the names finance's and the CRM's exports give a plan item, keyed by
    /// the item's id or name (`jiangsu = ["江苏省分公司", "江苏省区"]`).
    pub aliases: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{}", crate::t!("io-cannot-read", path = path.clone(), reason = crate::source::io_reason(source)))]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
}

impl Config {
    /// The money unit this run asks reports for.
    pub fn unit_request(&self) -> crate::num::UnitRequest {
        crate::num::UnitRequest {
            unit: self.money_unit,
            forced: self.money_unit_forced,
        }
    }
}

impl Config {
    /// The nearest `planc.toml` at or above `start` (a file or directory).
    pub fn discover(start: &Path) -> Result<Config, ConfigError> {
        let abs = std::path::absolute(start).unwrap_or_else(|_| start.to_path_buf());
        let mut dir = if abs.is_dir() {
            Some(abs.as_path())
        } else {
            abs.parent()
        };
        while let Some(d) = dir {
            let candidate = d.join(FILE_NAME);
            if candidate.is_file() {
                return Config::load(&candidate);
            }
            dir = d.parent();
        }
        Ok(Config::default())
    }

    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let shown = crate::source::display_path(path);
        // Never opened if it is a FIFO or a device (reading could block).
        if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
            return Err(ConfigError::Invalid {
                path: shown,
                message: crate::t!("io-not-a-file"),
            });
        }
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Io {
            path: shown.clone(),
            source,
        })?;
        // An input like the plans: no output may overwrite it.
        crate::source::note_input(path);
        let mut config = Config::parse(&text).map_err(|message| ConfigError::Invalid {
            path: shown,
            message,
        })?;
        config.path = Some(path.to_path_buf());
        Ok(config)
    }

    pub fn parse(text: &str) -> Result<Config, String> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut config = Config::default();
        if let Some(m) = raw.tolerance.money {
            let q = Quantity::parse(&m);
            config.tolerance.money_yuan = q
                .yuan(MoneyUnit::Yuan)
                .filter(|d| !d.is_sign_negative())
                .ok_or_else(|| crate::t!("config-tolerance-money", value = format!("{m:?}")))?;
        }
        if let Some(p) = raw.tolerance.percent {
            let q = Quantity::parse(&p);
            config.tolerance.percent_points = match (q.amount, &q.unit) {
                (Some(a), Unit::Bare | Unit::Percent) if !a.is_sign_negative() => a,
                _ => {
                    return Err(crate::t!(
                        "config-tolerance-percent",
                        value = format!("{p:?}")
                    ))
                }
            };
        }
        for (key, level) in raw.rules {
            let rule = crate::rules::lookup(&key).ok_or_else(|| {
                let all = crate::rules::REGISTRY.iter().flat_map(|r| [r.code, r.name]);
                match crate::suggest::did_you_mean(&key, all) {
                    Some(s) => crate::t!(
                        "config-unknown-rule-suggest",
                        key = format!("{key:?}"),
                        suggestion = format!("{s:?}")
                    ),
                    None => crate::t!("config-unknown-rule", key = format!("{key:?}")),
                }
            })?;
            config.levels.insert(rule.code, level);
        }
        config.deny_warnings = raw.check.deny_warnings.unwrap_or(false);
        config.rollup_complete = raw.rollup.complete.unwrap_or(false);
        if let Some(u) = raw.render.money_unit {
            config.money_unit = Some(
                crate::model::MoneyUnit::parse(&u)
                    .ok_or_else(|| crate::t!("config-money-unit", value = format!("{u:?}")))?,
            );
        }
        config.max_file_mb = raw.limits.max_file_mb;
        config.typeset_seconds = raw.limits.typeset_seconds;
        for (key, names) in raw.aliases {
            let names = match names {
                AliasNames::One(n) => vec![n],
                AliasNames::Many(n) => n,
            };
            if let Some(blank) = names.iter().find(|n| n.trim().is_empty()) {
                return Err(crate::t!(
                    "config-alias-blank",
                    key = format!("{key:?}"),
                    value = format!("{blank:?}")
                ));
            }
            config.aliases.insert(key, names);
        }
        let percent = |key: &str, v: Option<String>, default: Decimal| match v {
            None => Ok(default),
            Some(v) => match Quantity::parse(&v) {
                Quantity {
                    amount: Some(a),
                    unit: Unit::Percent | Unit::Bare,
                    ..
                } if !a.is_sign_negative() => Ok(a),
                _ => Err(crate::t!(
                    "config-threshold",
                    key = key.to_owned(),
                    value = format!("{v:?}")
                )),
            },
        };
        let defaults = Thresholds::default();
        config.thresholds = Thresholds {
            green: percent("green", raw.review.green, defaults.green)?,
            amber: percent("amber", raw.review.amber, defaults.amber)?,
        };
        if config.thresholds.amber > config.thresholds.green {
            return Err(crate::t!(
                "config-amber-above-green",
                amber = config.thresholds.amber.to_string(),
                green = config.thresholds.green.to_string()
            ));
        }
        Ok(config)
    }

    /// Applies `[rules]` levels: drops findings of rules that are off and sets the
    /// configured severity (the loader's codes, P000–P007, are never changed).
    pub fn apply_levels(&self, findings: &mut Vec<crate::diagnostics::Finding>) {
        findings.retain_mut(|f| {
            if crate::rules::builtin::ALL.iter().any(|b| b.code == f.code) {
                return true;
            }
            match self.levels.get(f.code) {
                Some(Level::Off) => false,
                Some(Level::Warning) => {
                    f.severity = Severity::Warning;
                    true
                }
                Some(Level::Error) => {
                    f.severity = Severity::Error;
                    true
                }
                None => true,
            }
        });
    }

    /// The severity of a rule after configuration, or `None` when it is off.
    pub fn severity(&self, code: &str, default: Severity) -> Option<Severity> {
        match self.levels.get(code) {
            Some(Level::Off) => None,
            Some(Level::Warning) => Some(Severity::Warning),
            Some(Level::Error) => Some(Severity::Error),
            None => Some(default),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_tolerance_and_levels() {
        let c = Config::parse(
            "[tolerance]\nmoney = \"1万元\"\npercent = \"0.5\"\n[rules]\nP701 = \"off\"\nrisk-without-response = \"error\"\n",
        )
        .unwrap();
        assert_eq!(c.tolerance.money_yuan, Decimal::from(10_000));
        assert_eq!(c.tolerance.percent_points, Decimal::new(5, 1));
        assert_eq!(c.severity("P701", Severity::Warning), None);
        assert_eq!(c.severity("P702", Severity::Warning), Some(Severity::Error));
    }

    #[test]
    fn parses_the_render_money_unit() {
        let c = Config::parse("[render]\nmoney_unit = \"亿元\"\n").unwrap();
        assert_eq!(c.money_unit, Some(crate::model::MoneyUnit::Yi));
        assert!(Config::parse("[render]\nmoney_unit = \"美元\"\n").is_err());
        assert_eq!(Config::parse("").unwrap().money_unit, None);
    }

    #[test]
    fn parses_review_thresholds() {
        let c = Config::parse("[review]\ngreen = \"95%\"\namber = \"80%\"\n").unwrap();
        assert_eq!(c.thresholds.green, Decimal::from(95));
        assert_eq!(c.thresholds.amber, Decimal::from(80));
        assert_eq!(Config::parse("").unwrap().thresholds, Thresholds::default());
        assert!(Config::parse("[review]\namber = \"120%\"\n").is_err());
    }

    #[test]
    fn parses_aliases() {
        let c = Config::parse(
            "[aliases]\njiangsu = [\"江苏省分公司\", \"江苏省区\"]\n\"上海\" = \"上海分公司\"\n",
        )
        .unwrap();
        assert_eq!(c.aliases["jiangsu"], ["江苏省分公司", "江苏省区"]);
        assert_eq!(c.aliases["上海"], ["上海分公司"]);
        assert!(Config::parse("[aliases]\njiangsu = [\" \"]\n").is_err());
        assert!(Config::parse("[aliases]\njiangsu = 3\n").is_err());
    }

    #[test]
    fn unknown_rule_suggests() {
        let e = Config::parse("[rules]\nP10l = \"off\"\n").unwrap_err();
        assert!(e.contains("did you mean"), "{e}");
    }
}
