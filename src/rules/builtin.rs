//! Codes reported while reading a file, before the semantic rules run. They are
//! always errors (except suppression problems) and cannot be turned off.

use super::RuleInfo;
use crate::diagnostics::Severity;

pub static ALL: &[&RuleInfo] = &[
    &IO,
    &YAML_SYNTAX,
    &ENCODING,
    &DUPLICATE_KEY,
    &SCHEMA,
    &UNKNOWN_FIELD,
    &EMPTY_FILE,
    &SUPPRESSION,
];

pub static YAML_SYNTAX: RuleInfo = RuleInfo {
    code: "P001",
    name: "yaml-syntax",
    severity: Severity::Error,
    summary: "The file is not well-formed YAML, or exceeds a safety limit (nesting, aliases).",
    doc: r#"## What it does
Reports YAML that cannot be parsed: bad indentation, an unclosed quote or bracket, a tab
used for indentation, a second `---` document, nesting deeper than 64 levels, or aliases
that expand to more than 20 000 values.

## Why is this bad?
Nothing in the file can be checked until it parses. The limits keep a malicious or
broken file from hanging CI.

## Example
```yaml
targets:
  - id: sales
     value: 32亿元   # indented too far
```

## Use instead
```yaml
targets:
  - id: sales
    value: 32亿元
```
"#,
};

pub static ENCODING: RuleInfo = RuleInfo {
    code: "P002",
    name: "encoding",
    severity: Severity::Error,
    summary: "The file is not UTF-8 (e.g. saved as GBK or UTF-16 by a Windows tool).",
    doc: r#"## What it does
Refuses files that are not UTF-8 and names the encoding they look like (UTF-16LE/BE,
GBK/GB18030, Big5). A UTF-8 byte-order mark is accepted.

## Why is this bad?
Guessing an encoding silently can turn 华东 into mojibake in a report that goes to the
board. Re-saving once as UTF-8 fixes it for good.

## Example
A plan saved from Excel or Notepad as "ANSI" (GBK on Chinese Windows).

## Use instead
Re-save as UTF-8: in VS Code, "Reopen with Encoding" → GB18030, then "Save with
Encoding" → UTF-8; or `iconv -f GB18030 -t UTF-8 in.plan.yaml > out.plan.yaml`.
"#,
};

pub static DUPLICATE_KEY: RuleInfo = RuleInfo {
    code: "P003",
    name: "duplicate-key",
    severity: Severity::Error,
    summary: "The same key appears twice in one mapping.",
    doc: r#"## What it does
Reports a key written twice in the same mapping, pointing at both.

## Why is this bad?
YAML tools disagree on which value wins; most keep the last silently, so an edit to
the first has no effect.

## Example
```yaml
budget:
  total: 6000万元
  total: 6500万元
```

## Use instead
```yaml
budget:
  total: 6500万元
```
"#,
};

pub static SCHEMA: RuleInfo = RuleInfo {
    code: "P004",
    name: "schema",
    severity: Severity::Error,
    summary: "A value has the wrong type, a required field or section is missing, or a value is not allowed.",
    doc: r#"## What it does
Validates the file against the plan JSON Schema (`planc schema`,
`schemas/plan.schema.json`) and reports every violation at once: wrong types, missing
required fields, values outside an enumeration, and sections a kind of plan requires
(a `region` plan needs `overview`, `last_year`, `targets`, `campaigns`, `cadence` and
`risks`).

## Why is this bad?
A plan with a misspelt status or a missing section cannot be checked or rendered
faithfully.

## Example
```yaml
status: finished
```

## Use instead
```yaml
status: final
```
"#,
};

pub static UNKNOWN_FIELD: RuleInfo = RuleInfo {
    code: "P005",
    name: "unknown-field",
    severity: Severity::Error,
    summary: "A key that the plan model does not know, usually a typo.",
    doc: r#"## What it does
Reports keys that are not part of the plan model, with a "did you mean …" suggestion.

## Why is this bad?
A misspelt key is silently ignored by most tools: `breakdwons:` would leave a target
without its provincial split and nobody would notice.

## Example
```yaml
targets:
  - id: sales
    name: 年度销售额
    value: 32亿元
    breakdwons: []
```

## Use instead
```yaml
    breakdowns: []
```
"#,
};

pub static EMPTY_FILE: RuleInfo = RuleInfo {
    code: "P006",
    name: "empty-file",
    severity: Severity::Error,
    summary: "The file holds no plan.",
    doc: r#"## What it does
Reports a `*.plan.yaml` file that is empty or holds only comments.

## Why is this bad?
An empty plan file is almost always an accident (a failed export, a bad merge).

## Example
An empty `east-china.plan.yaml`.

## Use instead
Start from one of the bundled examples: `kind`, `id`, `title`, `status`, `period` and
the sections the kind requires.
"#,
};

pub static SUPPRESSION: RuleInfo = RuleInfo {
    code: "P007",
    name: "bad-suppression",
    severity: Severity::Warning,
    summary: "A `# planc: allow` comment without a reason, or naming an unknown code.",
    doc: r#"## What it does
Checks `# planc: allow CODE — reason` comments: the code must exist and the reason is
required. A comment that does not qualify silences nothing.

## Why is this bad?
A suppression is a decision someone made; without the reason, the next reader cannot
tell a deliberate exception from a hidden mistake.

## Example
```yaml
  - ref: Q4
    value: 2亿元  # planc: allow P101
```

## Use instead
```yaml
  - ref: Q4
    value: 2亿元  # planc: allow P101 — Q4 split pending the December price decision
```
"#,
};

pub static IO: RuleInfo = RuleInfo {
    code: "P000",
    name: "io",
    severity: Severity::Error,
    summary: "A file or directory could not be read (missing, unreadable, or holding no plans).",
    doc: r#"## What it does
Reports paths given on the command line that do not exist or cannot be read, and
directories that hold no `*.plan.yaml` file. `planc` exits with code 2.

## Why is this bad?
A CI gate that silently checks nothing passes every pull request.

## Example
`planc check plans/` where `plans/` holds only `.yml` files.

## Use instead
Name plan files `*.plan.yaml`, or pass the file paths explicitly.
"#,
};
