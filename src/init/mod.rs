//! `planc init` as a library: a new plan of each kind (every required section, Chinese
//! guidance comments, `XX` placeholders, `status: draft`), and the files a new plan
//! repository starts with.
//!
//! The templates are data: `templates/init/<kind>.yaml` after a shared header
//! (`_header.yaml`), embedded at build time. They are filled by replacing `{{name}}`
//! tokens — no template engine, so a comment may mention `{{指标.字段}}` as it is.
//! A test checks that every kind's new file checks with placeholder warnings only and
//! renders.
//!
//! Architecture invariant: nothing here touches the file system; the CLI writes.

use crate::model::Kind;

const HEADER: &str = include_str!("../../templates/init/_header.yaml");

fn body(kind: Kind) -> &'static str {
    match kind {
        Kind::Company => include_str!("../../templates/init/company.yaml"),
        Kind::Region => include_str!("../../templates/init/region.yaml"),
        Kind::Representative => include_str!("../../templates/init/representative.yaml"),
        Kind::Launch => include_str!("../../templates/init/launch.yaml"),
        Kind::Initiative => include_str!("../../templates/init/initiative.yaml"),
        Kind::Onboarding => include_str!("../../templates/init/onboarding.yaml"),
        Kind::Role => include_str!("../../templates/init/role.yaml"),
        Kind::Review => include_str!("../../templates/init/review.yaml"),
    }
}

/// What a new plan is filled with.
#[derive(Clone, Debug)]
pub struct Options {
    pub kind: Kind,
    pub id: String,
    pub title: String,
    pub year: i32,
    /// The `$schema` path of the editor header, relative to the new file.
    pub schema: String,
    /// The new file's name, for the guidance comment.
    pub file: String,
    /// `kind: review`: the plan under review (a path relative to the new file, or an id).
    pub plan: String,
}

impl Options {
    /// Defaults for a kind and year: id `company-2026`, a Chinese title, the Chinese
    /// schema in `schemas/` beside the file.
    pub fn new(kind: Kind, year: i32) -> Options {
        Options {
            kind,
            id: format!("{}-{year}", kind.as_str()),
            title: default_title(kind, year),
            year,
            schema: SCHEMA_PATH_ZH.into(),
            file: default_file(kind),
            plan: "XX.plan.yaml".into(),
        }
    }
}

/// `company.plan.yaml`.
pub fn default_file(kind: Kind) -> String {
    format!("{}.plan.yaml", kind.as_str())
}

pub fn default_title(kind: Kind, year: i32) -> String {
    let what = match kind {
        Kind::Company => "医药销售工作计划",
        Kind::Region => "大区销售工作执行计划",
        Kind::Representative => "医药代表个人工作计划",
        Kind::Launch => "新产品上市计划",
        Kind::Initiative => "专项工作计划",
        Kind::Onboarding => "新员工入职工作报告",
        Kind::Role => "岗位说明",
        Kind::Review => "销售工作总结",
    };
    format!("{year}年度{what}")
}

/// The text of a new plan.
pub fn plan(o: &Options) -> String {
    let text = format!("{HEADER}{}", body(o.kind));
    [
        ("{{schema}}", o.schema.as_str()),
        ("{{kind}}", o.kind.as_str()),
        ("{{id}}", &crate::rules::yaml_scalar(&o.id)),
        ("{{title}}", &crate::rules::yaml_scalar(&o.title)),
        ("{{file}}", o.file.as_str()),
        ("{{plan}}", &crate::rules::yaml_scalar(&o.plan)),
        ("{{year}}", &o.year.to_string()),
    ]
    .iter()
    .fold(text, |t, (token, value)| t.replace(token, value))
}

/// The files a plan repository starts with, relative to its root: `planc.toml` with every
/// default commented, `.gitattributes` for `planc diff`, a CI workflow, and the schema
/// the editor header points at.
pub fn scaffold() -> Vec<(&'static str, String)> {
    vec![
        (
            crate::config::FILE_NAME,
            include_str!("../../templates/init/planc.toml").to_owned(),
        ),
        (
            ".gitattributes",
            include_str!("../../templates/init/gitattributes").to_owned(),
        ),
        (
            ".github/workflows/planc.yml",
            include_str!("../../templates/init/planc.yml").to_owned(),
        ),
        (SCHEMA_PATH, crate::schema::generate_pretty()),
        (
            SCHEMA_PATH_ZH,
            crate::schema::generate_pretty_in(crate::i18n::Lang::Zh),
        ),
    ]
}

/// Where the scaffold puts the schema, relative to the root (English descriptions; the
/// one tools and CI use).
pub const SCHEMA_PATH: &str = "schemas/plan.schema.json";

/// The schema with Chinese field descriptions, which the editor header of a new plan
/// points at: `init`'s plans are written in Chinese, so the editor's hovers are too.
pub const SCHEMA_PATH_ZH: &str = "schemas/plan.schema.zh.json";

/// The current year (UTC), for the default period.
pub fn this_year() -> i32 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = (secs / 86_400) as i64;
    chrono::DateTime::from_timestamp(days * 86_400, 0)
        .map_or(2026, |d| chrono::Datelike::year(&d.date_naive()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_sections_and_no_token_left() {
        for kind in Kind::ALL {
            let text = plan(&Options::new(kind, 2026));
            assert!(
                !text.contains("{{schema}}") && !text.contains("{{id}}"),
                "{kind}"
            );
            assert!(text.contains("status: draft"), "{kind}");
            for s in kind.required_sections() {
                assert!(text.contains(&format!("\n{s}:")), "{kind} lacks {s}");
            }
        }
    }
}
