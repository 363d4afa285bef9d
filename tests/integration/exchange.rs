//! Excel out and back (下发/回收): `planc export --format xlsx` and `planc import`, with
//! the workbook edited by openpyxl — a client nobody here wrote — as a region would.

use std::path::{Path, PathBuf};

use crate::util::{planc, root};

/// A copy of examples/ in a temporary folder (plans are edited by the import).
fn examples_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in walkdir::WalkDir::new(root().join("examples")) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(root()).unwrap();
        let to = dir.path().join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(entry.path(), &to).unwrap();
        }
    }
    dir
}

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let o = planc().current_dir(dir).args(args).output().unwrap();
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn python(pythonpath: &Option<PathBuf>, script: &str, args: &[&Path]) -> String {
    let mut cmd = std::process::Command::new("python3");
    cmd.arg("-c").arg(script).args(args);
    if let Some(p) = pythonpath {
        cmd.env("PYTHONPATH", p);
    }
    let o = cmd.output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

const EAST: &str = "east-china-2026·east-sales";

#[test]
fn an_unchanged_export_imports_as_no_change() {
    let dir = examples_copy();
    let (code, _, err) = run(dir.path(), &["export", "examples/org", "-o", "org.xlsx"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("wrote org.xlsx (7 sheet(s))"), "{err}");
    let (code, out, err) = run(dir.path(), &["import", "org.xlsx", "--diff"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.is_empty(), "{out}");
    assert!(err.contains("no cell changed"), "{err}");
}

#[test]
fn a_region_edits_its_workbook_and_the_figures_come_back() {
    let dir = examples_copy();
    let Some(py) = crate::util::openpyxl(dir.path()) else {
        return;
    };
    let (code, _, err) = run(
        dir.path(),
        &["export", "examples/org", "--for", "east-china-2026"],
    );
    assert_eq!(code, 0, "{err}");
    let book = dir.path().join("east-china-2026.xlsx");
    // A real client reads it: the sheet, the formulas, the locks, the frozen header.
    let seen = python(
        &py,
        r#"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print(wb.sheetnames)
ws = wb["east-china-2026·east-sales"]
print(ws["D5"].value, ws["F5"].value, ws["D12"].value, ws["E7"].value, ws["D13"].value)
print(ws.freeze_panes, ws.protection.sheet, ws["D7"].protection.locked, ws["D5"].protection.locked)
print(ws["D7"].number_format, ws["E7"].number_format, wb["planc"].sheet_state)
print("dimension", ws["A7"].value)
print(sorted({c.value for c in ws["A"][5:] if c.value}))
"#,
        &[&book],
    );
    assert!(
        seen.contains("['east-china-2026·east-sales', 'planc']"),
        "{seen}"
    );
    assert!(
        seen.contains("90720 20000 =SUM(D7:D11) =IF($D$5=0,0,D7/$D$5) =$D$5-D12"),
        "{seen}"
    );
    assert!(seen.contains("D5 True False True"), "{seen}");
    assert!(seen.contains("#,##0.#### 0.0% hidden"), "{seen}");
    // The dimension by its label in the plan's language, never its id.
    assert!(seen.contains("dimension 省市\n"), "{seen}");
    assert!(seen.contains("'西湖组 › 代表'"), "{seen}");
    assert!(!seen.contains("representative"), "{seen}");
    // The region moves 200万元 from 江苏 to 上海 and reshapes Q1/Q2.
    python(
        &py,
        r#"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["east-china-2026·east-sales"]
ws["D7"] = 21200
ws["D8"] = 24300
ws["F5"] = 19500
ws["G5"] = 25000
wb.save(sys.argv[1])
"#,
        &[&book],
    );
    let (code, diff, err) = run(dir.path(), &["import", "east-china-2026.xlsx", "--diff"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("east-china-2026·east-sales!D7 上海市 全年: 2.1亿元 → 2.12亿元"),
        "{err}"
    );
    assert!(
        err.contains("east-china-2026·east-sales!F5 华东大区年度销售指标 Q1: 2亿元 → 1.95亿元"),
        "{err}"
    );
    assert!(
        diff.contains("-            value: 2.1亿元\n+            value: 2.12亿元"),
        "{diff}"
    );
    let plan = dir.path().join("examples/org/east-china.plan.yaml");
    let before = std::fs::read_to_string(&plan).unwrap();
    assert_eq!(
        before,
        std::fs::read_to_string(root().join("examples/org/east-china.plan.yaml")).unwrap(),
        "--diff writes nothing"
    );
    let (code, _, err) = run(dir.path(), &["import", "east-china-2026.xlsx"]);
    // The quarters no longer follow the seasonal index: the drift warning says so.
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("4 cell(s) imported into 1 plan(s)"), "{err}");
    assert!(err.contains("P113"), "{err}");
    let after = std::fs::read_to_string(&plan).unwrap();
    assert!(after.contains("value: 2.12亿元"), "{after}");
    assert!(after.contains("value: 2.43亿元"), "{after}");
    assert!(
        after.contains("value: 1.95亿元\n            focus: 承接上年势头"),
        "{after}"
    );
    // The plan changed since this export: importing the same workbook again is refused.
    let (code, _, err) = run(dir.path(), &["import", "east-china-2026.xlsx"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("planc!E3: examples/org/east-china.plan.yaml changed since the export"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&plan).unwrap(), after);
}

/// Edits `cell` of the east sheet with openpyxl (`value` as Python) and imports.
fn refused_after(edit: &str) -> String {
    let dir = examples_copy();
    let Some(py) = crate::util::openpyxl(dir.path()) else {
        return "SKIPPED".into();
    };
    let (code, _, err) = run(dir.path(), &["export", "examples/org", "-o", "org.xlsx"]);
    assert_eq!(code, 0, "{err}");
    let book = dir.path().join("org.xlsx");
    let script = format!(
        "import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nws = wb[\"{EAST}\"]\n{edit}\nwb.save(sys.argv[1])\n"
    );
    python(&py, &script, &[&book]);
    let plans: Vec<String> = crate::util::plans_under(&dir.path().join("examples/org"))
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let (code, _, err) = run(dir.path(), &["import", "org.xlsx"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("nothing imported"), "{err}");
    let after: Vec<String> = crate::util::plans_under(&dir.path().join("examples/org"))
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    assert_eq!(plans, after, "nothing is written");
    err
}

#[test]
fn a_changed_formula_is_refused_naming_the_cell() {
    let err = refused_after("ws[\"D12\"] = 90720\nws[\"D7\"] = 1");
    if err != "SKIPPED" {
        assert!(
            err.contains(&format!(
                "{EAST}!D12 is a formula and was changed: `=SUM(D7:D11)` → `90720`"
            )),
            "{err}"
        );
    }
}

#[test]
fn a_changed_locked_cell_is_refused_naming_the_cell() {
    let err = refused_after("ws[\"D5\"] = 100000");
    if err != "SKIPPED" {
        assert!(
            err.contains(&format!(
                "{EAST}!D5 is locked and was changed: `90720` → `100000`"
            )),
            "{err}"
        );
    }
}

#[test]
fn an_edit_outside_the_plan_is_refused_naming_the_cell() {
    let err = refused_after("ws[\"K30\"] = 500");
    if err != "SKIPPED" {
        assert!(
            err.contains(&format!("{EAST}!K30 is outside the plan's cells (`500`)")),
            "{err}"
        );
    }
}

#[test]
fn text_in_an_input_cell_is_refused_naming_the_cell() {
    let err = refused_after("ws[\"D7\"] = \"两亿\"");
    if err != "SKIPPED" {
        assert!(
            err.contains(&format!(
                "{EAST}!D7 takes a figure in the sheet's unit, not `两亿`"
            )),
            "{err}"
        );
    }
}

#[test]
fn a_workbook_planc_did_not_write_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = rust_xlsxwriter::Workbook::new();
    wb.add_worksheet().write_string(0, 0, "hello").unwrap();
    wb.save(dir.path().join("other.xlsx")).unwrap();
    let (code, _, err) = run(dir.path(), &["import", "other.xlsx"]);
    assert_eq!(code, 1);
    assert!(err.contains("not a workbook `planc export` wrote"), "{err}");
}

/// LibreOffice opens the export and prints what a reader sees: the figures and the
/// totals and shares the formulas compute (skipped when LibreOffice Calc or pdftotext is
/// missing).
#[test]
fn libreoffice_prints_the_exported_figures() {
    let found = |name: &str| {
        std::env::var_os("PATH").and_then(|paths| {
            std::env::split_paths(&paths)
                .map(|p| p.join(name))
                .find(|p| p.is_file())
        })
    };
    let (Some(soffice), Some(pdftotext)) = (found("soffice"), found("pdftotext")) else {
        eprintln!("SKIPPED: soffice or pdftotext is not installed");
        return;
    };
    let dir = examples_copy();
    let (code, _, err) = run(
        dir.path(),
        &[
            "export",
            "examples/org",
            "--for",
            "east-china-2026",
            "-o",
            "east.xlsx",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let out = std::process::Command::new(soffice)
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir.path())
        .arg(dir.path().join("east.xlsx"))
        .env("HOME", dir.path())
        .output()
        .expect("soffice runs");
    let pdf = dir.path().join("east.pdf");
    if !pdf.is_file() {
        eprintln!(
            "SKIPPED: LibreOffice could not open the workbook (is libreoffice-calc installed?): {}",
            String::from_utf8_lossy(&out.stderr)
        );
        return;
    }
    let text = std::process::Command::new(pdftotext)
        .args(["-layout"])
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    for want in [
        "华东大区年度销售指标",
        "上海市",
        "90,720",
        "23.1%",
        "100.0%",
        "24,220",
    ] {
        assert!(text.contains(want), "{want} missing from:\n{text}");
    }
}

/// A target's name fits its column: the name column grows to the longest name (the
/// example's 华东大区年度销售指标 takes 20 widths), and a name longer than the widest
/// column wraps inside its cell instead of running over the figures.
#[test]
fn a_long_target_name_fits_its_cell() {
    let dir = examples_copy();
    let Some(py) = crate::util::openpyxl(dir.path()) else {
        return;
    };
    let read = r#"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["east-china-2026·east-sales"]
print(ws["C5"].value, ws.column_dimensions["C"].width, ws["C5"].alignment.wrap_text)
"#;
    let (code, _, err) = run(
        dir.path(),
        &[
            "export",
            "examples/org",
            "--for",
            "east-china-2026",
            "-o",
            "a.xlsx",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let seen = python(&py, read, &[&dir.path().join("a.xlsx")]);
    let width: f64 = seen.split_whitespace().nth(1).unwrap().parse().unwrap();
    assert!(seen.starts_with("华东大区年度销售指标 "), "{seen}");
    assert!(width > 20.0 && width < 25.0, "{seen}");
    let long = "华东大区年度销售指标（含江浙沪皖闽赣鲁七省市全部渠道与全部产品线）";
    let plan = dir.path().join("examples/org/east-china.plan.yaml");
    let text = std::fs::read_to_string(&plan).unwrap();
    let old = "    name: 华东大区年度销售指标\n";
    assert!(text.contains(old));
    std::fs::write(&plan, text.replace(old, &format!("    name: {long}\n"))).unwrap();
    let (code, _, err) = run(
        dir.path(),
        &[
            "export",
            "examples/org",
            "--for",
            "east-china-2026",
            "-o",
            "b.xlsx",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let seen = python(&py, read, &[&dir.path().join("b.xlsx")]);
    assert!(seen.starts_with(&format!("{long} ")), "{seen}");
    let width: f64 = seen.split_whitespace().nth(1).unwrap().parse().unwrap();
    assert!((40.0..45.0).contains(&width), "{seen}");
    assert!(seen.trim_end().ends_with("True"), "{seen}");
}

/// An English plan's workbook names its dimensions in English (not by their ids), and
/// reads back as no change.
#[test]
fn an_english_plan_labels_its_dimensions_in_english() {
    let dir = examples_copy();
    let Some(py) = crate::util::openpyxl(dir.path()) else {
        return;
    };
    let plan = dir.path().join("examples/org/company.plan.yaml");
    let text = std::fs::read_to_string(&plan).unwrap();
    assert!(text.contains("\nlang: zh\n"));
    std::fs::write(&plan, text.replace("\nlang: zh\n", "\nlang: en\n")).unwrap();
    let (code, _, err) = run(
        dir.path(),
        &["export", "examples/org/company.plan.yaml", "-o", "c.xlsx"],
    );
    assert_eq!(code, 0, "{err}");
    let book = dir.path().join("c.xlsx");
    let seen = python(
        &py,
        r#"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["company-2026·sales"]
print(sorted({str(c.value) for c in ws["A"][5:] if c.value}))
"#,
        &[&book],
    );
    assert!(seen.contains("'region group'"), "{seen}");
    assert!(seen.contains("'成熟区域 › region'"), "{seen}");
    assert!(!seen.contains("region_group"), "{seen}");
    let before = std::fs::read(&plan).unwrap();
    let (code, _, err) = run(dir.path(), &["import", "c.xlsx"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(std::fs::read(&plan).unwrap(), before);
}

/// The company sheet carries every level the company splits: the regions under each
/// region group, their shares of the group's cell and the gap to it as live formulas
/// (openpyxl reads them); a region's edited figure comes back into the nested item.
#[test]
fn nested_levels_go_out_and_come_back() {
    let dir = examples_copy();
    let Some(py) = crate::util::openpyxl(dir.path()) else {
        return;
    };
    let (code, _, err) = run(
        dir.path(),
        &["export", "examples/org/company.plan.yaml", "-o", "c.xlsx"],
    );
    assert_eq!(code, 0, "{err}");
    let book = dir.path().join("c.xlsx");
    let seen = python(
        &py,
        r#"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["company-2026·sales"]
for row in ws.iter_rows(min_row=13, max_row=22):
    print("|".join("" if c.value is None else str(c.value) for c in row[:5]))
print(ws["D19"].protection.locked, ws["E19"].protection.locked)
"#,
        &[&book],
    );
    assert!(
        seen.contains("区域类别|成熟区域|成熟区域|178200|"),
        "{seen}"
    );
    assert!(
        seen.contains("成熟区域 › 区域|east|华东大区|90720|=IF($D$13=0,0,D19/$D$13)"),
        "{seen}"
    );
    assert!(seen.contains("||与成熟区域差额|=$D$13-D21|"), "{seen}");
    assert!(seen.contains("False True"), "{seen}");
    python(
        &py,
        r#"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["company-2026·sales"]
ws["D19"] = 90820
ws["D20"] = 87380
wb.save(sys.argv[1])
"#,
        &[&book],
    );
    let (code, _, err) = run(dir.path(), &["import", "c.xlsx"]);
    assert!(
        err.contains("company-2026·sales!D19 华东大区 全年: 9.072亿元 → 9.082亿元"),
        "{err}"
    );
    assert!(err.contains("2 cell(s) imported into 1 plan(s)"), "{err}");
    // The regions no longer follow their declared allocation: the drift warning says so.
    assert!(err.contains("P113"), "{err}");
    assert_eq!(code, 0, "{err}");
    let plan = std::fs::read_to_string(dir.path().join("examples/org/company.plan.yaml")).unwrap();
    assert!(
        plan.contains("- ref: east\n                    value: 9.082亿元"),
        "{plan}"
    );
}
