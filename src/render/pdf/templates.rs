//! The typst templates (`templates/typ/`): embedded defaults, each replaceable by name
//! from `--templates DIR`, rendered with an escaping formatter so that plan text can
//! never become typst code.
//!
//! In `*.typ.j2` files `{{ x }}` writes `x` escaped as typst markup; filters:
//! `md` / `md_inline` (narrative Markdown → typst markup), `cell` (a table cell),
//! `str` (a typst string literal) and `fill(k=code, …)` (a label whose `{k}`
//! placeholders become typst code given by the template).

use std::path::Path;

use minijinja::value::Kwargs;
use minijinja::{context, AutoEscape, Environment, Value};

use super::fonts::Fonts;
use super::markup;
use crate::render::labels::Labels;
use crate::render::view::Report;
use crate::render::RenderError;

macro_rules! embed {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../../templates/", $name)))),*]
    };
}

/// The default typst templates, by name.
pub static DEFAULTS: &[(&str, &str)] = embed![
    "typ/base.typ.j2",
    "typ/macros.typ.j2",
    "typ/kinds/company.typ.j2",
    "typ/kinds/region.typ.j2",
    "typ/kinds/representative.typ.j2",
    "typ/kinds/launch.typ.j2",
    "typ/kinds/initiative.typ.j2",
    "typ/kinds/onboarding.typ.j2",
    "typ/kinds/role.typ.j2",
    "typ/kinds/review.typ.j2",
    "typ/sections/text.typ.j2",
    "typ/sections/part.typ.j2",
    "typ/sections/swot.typ.j2",
    "typ/sections/overview.typ.j2",
    "typ/sections/last_year.typ.j2",
    "typ/sections/launch.typ.j2",
    "typ/sections/targets.typ.j2",
    "typ/sections/smart.typ.j2",
    "typ/sections/kpis.typ.j2",
    "typ/sections/strategies.typ.j2",
    "typ/sections/strategy.typ.j2",
    "typ/sections/tiers.typ.j2",
    "typ/sections/accounts.typ.j2",
    "typ/sections/account.typ.j2",
    "typ/sections/timeline.typ.j2",
    "typ/sections/phase.typ.j2",
    "typ/sections/resources.typ.j2",
    "typ/sections/budget.typ.j2",
    "typ/sections/requests.typ.j2",
    "typ/sections/risks.typ.j2",
    "typ/sections/cadence.typ.j2",
    "typ/sections/topics.typ.j2",
    "typ/sections/topic.typ.j2",
    "typ/sections/duties.typ.j2",
    "typ/sections/duty.typ.j2",
    "typ/sections/cases.typ.j2",
    "typ/sections/case.typ.j2",
    "typ/sections/glossary.typ.j2",
    "typ/sections/reference.typ.j2",
    "typ/sections/checks.typ.j2",
    "typ/sections/review.typ.j2",
];

pub struct Templates {
    env: Environment<'static>,
}

impl Templates {
    pub fn new(overrides: Option<&Path>) -> Templates {
        // The md/html loader: only regular files inside the folder, no `..`, absolute
        // names or links out of it.
        let mut env = crate::render::templates::environment(overrides, DEFAULTS);
        env.set_auto_escape_callback(|_| AutoEscape::Custom("typ"));
        env.set_formatter(|out, _state, value| {
            if value.is_undefined() || value.is_none() {
                return Ok(());
            }
            let text = match value.as_str() {
                Some(s) if !value.is_safe() => markup::escape(s),
                _ if value.is_safe() => value.to_string(),
                _ => markup::escape(&value.to_string()),
            };
            out.write_str(&text).map_err(minijinja::Error::from)
        });
        env.add_filter("md", |t: Option<String>| {
            Value::from_safe_string(markup::markdown(&t.unwrap_or_default()))
        });
        env.add_filter("md_inline", |t: Option<String>| {
            Value::from_safe_string(markup::markdown_inline(&t.unwrap_or_default()))
        });
        env.add_filter("cell", cell);
        env.add_filter("title_lines", |t: String| {
            crate::render::view::title_lines(&t)
        });
        env.add_filter("head", head);
        env.add_filter("str", |v: Value| {
            let s = v.as_str().map(str::to_owned).unwrap_or_else(|| {
                if v.is_undefined() || v.is_none() {
                    String::new()
                } else {
                    v.to_string()
                }
            });
            Value::from_safe_string(markup::string(&s))
        });
        env.add_filter("fill", fill);
        Templates { env }
    }

    /// The name of the template a report is typeset from (`typ/kinds/region.typ.j2`).
    pub fn report_name(report: &Report) -> String {
        format!("typ/kinds/{}.typ.j2", report.kind)
    }

    pub fn render_report(
        &self,
        report: &Report,
        l: &Labels,
        fonts: &Fonts,
    ) -> Result<String, RenderError> {
        let t = self.env.get_template(&Self::report_name(report))?;
        let fonts = context! {
            serif => fonts.serif.clone(),
            sans => fonts.sans.clone(),
            mono => fonts.mono.clone(),
        };
        crate::render::templates::render_bounded(
            &t,
            context! {
                r => Value::from_serialize(report),
                L => l.map(),
                fonts => fonts,
            },
        )
    }
}

/// A table cell (a view `Cell`, or plain text) as typst markup.
fn cell(value: Value) -> Value {
    let (text, md) = match value.get_attr("text") {
        Ok(t) if !t.is_undefined() => (
            t.as_str().unwrap_or_default().to_owned(),
            value.get_attr("md").map(|m| m.is_true()).unwrap_or(false),
        ),
        _ => (
            value
                .as_str()
                .map(str::to_owned)
                .unwrap_or_else(|| value.to_string()),
            false,
        ),
    };
    Value::from_safe_string(if md {
        markup::markdown_inline(&text)
    } else {
        markup::escape(&text)
    })
}

/// A column header of figures as typst markup that may break before its bracket and
/// after a comma inside it (`完成率贡献` / `（合计，` / `百分点）`), so a long header
/// does not widen a column of short numbers.
fn head(label: String) -> Value {
    let escaped = markup::escape(&label);
    Value::from_safe_string(escaped.replace('（', "\\ （").replace('，', "，\\ "))
}

/// A label with `{name}` placeholders: the text escaped, each placeholder replaced by
/// the typst code the template passes (`L["doc.page_of"]|fill(n="#here().page()")`).
fn fill(label: String, kwargs: Kwargs) -> Result<Value, minijinja::Error> {
    let mut out = markup::escape(&label);
    for key in kwargs.args() {
        let code: String = kwargs.get(key)?;
        out = out.replace(&format!("{{{key}}}"), &code);
    }
    kwargs.assert_all_used()?;
    Ok(Value::from_safe_string(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_template_parses() {
        let t = Templates::new(None);
        for (name, _) in DEFAULTS {
            if let Err(e) = t.env.get_template(name) {
                panic!("{name}: {e:#}");
            }
        }
    }
}
