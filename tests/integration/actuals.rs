//! Actuals files: every diagnostic (P801–P812) as a user sees it, and the same figures
//! from YAML, CSV and XLSX.

use std::path::Path;

use crate::util::{planc, root};

/// A minimal XLSX writer for tests and the benchmark: stored (uncompressed) zip entries,
/// shared strings like Excel writes them, numbers as numbers. Deterministic bytes.
pub mod xlsx {
    /// A cell: text, or a number written as the text Excel would store.
    pub enum Cell<'a> {
        Text(&'a str),
        Number(&'a str),
        Empty,
    }

    fn crc32(data: &[u8]) -> u32 {
        let mut table = [0u32; 256];
        for (i, slot) in table.iter_mut().enumerate() {
            let mut c = i as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
            *slot = c;
        }
        let mut crc = 0xFFFF_FFFFu32;
        for &b in data {
            crc = table[((crc ^ b as u32) & 0xFF) as usize] ^ (crc >> 8);
        }
        crc ^ 0xFFFF_FFFF
    }

    fn zip(entries: &[(&str, Vec<u8>)]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut central = Vec::new();
        for (name, data) in entries {
            let offset = out.len() as u32;
            let crc = crc32(data);
            let header = |sig: u32, central: bool| {
                let mut h = Vec::new();
                h.extend_from_slice(&sig.to_le_bytes());
                if central {
                    h.extend_from_slice(&20u16.to_le_bytes()); // made by
                }
                h.extend_from_slice(&20u16.to_le_bytes()); // version needed
                h.extend_from_slice(&0x0800u16.to_le_bytes()); // UTF-8 names
                h.extend_from_slice(&0u16.to_le_bytes()); // stored
                h.extend_from_slice(&0u16.to_le_bytes()); // time
                h.extend_from_slice(&0x21u16.to_le_bytes()); // date 1980-01-01
                h.extend_from_slice(&crc.to_le_bytes());
                h.extend_from_slice(&(data.len() as u32).to_le_bytes());
                h.extend_from_slice(&(data.len() as u32).to_le_bytes());
                h.extend_from_slice(&(name.len() as u16).to_le_bytes());
                h.extend_from_slice(&0u16.to_le_bytes()); // extra
                if central {
                    h.extend_from_slice(&0u16.to_le_bytes()); // comment
                    h.extend_from_slice(&0u16.to_le_bytes()); // disk
                    h.extend_from_slice(&0u16.to_le_bytes()); // internal attrs
                    h.extend_from_slice(&0u32.to_le_bytes()); // external attrs
                    h.extend_from_slice(&offset.to_le_bytes());
                }
                h.extend_from_slice(name.as_bytes());
                h
            };
            out.extend(header(0x0403_4b50, false));
            out.extend_from_slice(data);
            central.extend(header(0x0201_4b50, true));
        }
        let cd_offset = out.len() as u32;
        out.extend_from_slice(&central);
        out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        out.extend_from_slice(&[0, 0, 0, 0]);
        out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
        out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
        out.extend_from_slice(&(central.len() as u32).to_le_bytes());
        out.extend_from_slice(&cd_offset.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out
    }

    fn esc(s: &str) -> String {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    }

    fn col(mut c: usize) -> String {
        let mut s = String::new();
        c += 1;
        while c > 0 {
            s.insert(0, (b'A' + ((c - 1) % 26) as u8) as char);
            c = (c - 1) / 26;
        }
        s
    }

    /// A workbook with one sheet.
    pub fn workbook(sheet: &str, rows: &[Vec<Cell>]) -> Vec<u8> {
        let mut strings: Vec<&str> = Vec::new();
        let mut index = std::collections::HashMap::new();
        let mut data = String::new();
        for (r, row) in rows.iter().enumerate() {
            data.push_str(&format!("<row r=\"{}\">", r + 1));
            for (c, cell) in row.iter().enumerate() {
                let at = format!("{}{}", col(c), r + 1);
                match cell {
                    Cell::Text(t) => {
                        let i = *index.entry(*t).or_insert_with(|| {
                            strings.push(t);
                            strings.len() - 1
                        });
                        data.push_str(&format!("<c r=\"{at}\" t=\"s\"><v>{i}</v></c>"));
                    }
                    Cell::Number(n) => data.push_str(&format!("<c r=\"{at}\"><v>{n}</v></c>")),
                    Cell::Empty => {}
                }
            }
            data.push_str("</row>");
        }
        let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        let sheet_xml = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"{ns}\"><sheetData>{data}</sheetData></worksheet>"
        );
        package(sheet, &sheet_xml, &strings)
    }

    /// A workbook whose one sheet is this XML (and these shared strings).
    pub fn with_sheet_xml(sheet: &str, sheet_xml: &str) -> Vec<u8> {
        package(sheet, sheet_xml, &[])
    }

    fn package(sheet: &str, sheet_xml: &str, strings: &[&str]) -> Vec<u8> {
        let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        let sst: String = strings
            .iter()
            .map(|s| format!("<si><t>{}</t></si>", esc(s)))
            .collect();
        let sst_xml = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\"{ns}\" count=\"{n}\" uniqueCount=\"{n}\">{sst}</sst>",
            n = strings.len()
        );
        let workbook_xml = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook xmlns=\"{ns}\" xmlns:r=\"{rel}\"><sheets><sheet name=\"{}\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
            esc(sheet)
        );
        let types = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/><Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>";
        let root_rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
        let wb_rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>";
        zip(&[
            ("[Content_Types].xml", types.as_bytes().to_vec()),
            ("_rels/.rels", root_rels.as_bytes().to_vec()),
            ("xl/workbook.xml", workbook_xml.into_bytes()),
            ("xl/_rels/workbook.xml.rels", wb_rels.as_bytes().to_vec()),
            ("xl/worksheets/sheet1.xml", sheet_xml.as_bytes().to_vec()),
            ("xl/sharedStrings.xml", sst_xml.into_bytes()),
        ])
    }

    /// A workbook from CSV text: cells that read as plain numbers become number cells.
    pub fn from_csv(sheet: &str, csv: &str) -> Vec<u8> {
        let lines: Vec<Vec<&str>> = csv.lines().map(|l| l.split(',').collect()).collect();
        let rows: Vec<Vec<Cell>> = lines
            .iter()
            .map(|l| {
                l.iter()
                    .map(|c| {
                        if c.is_empty() {
                            Cell::Empty
                        } else if c.parse::<f64>().is_ok() && !c.contains('-') {
                            Cell::Number(c)
                        } else {
                            Cell::Text(c)
                        }
                    })
                    .collect()
            })
            .collect();
        workbook(sheet, &rows)
    }
}

fn figures(plan: &Path, actuals: &Path, as_of: Option<&str>) -> serde_json::Value {
    let mut cmd = planc();
    cmd.arg("review")
        .arg(plan)
        .arg("--actuals")
        .arg(actuals)
        .args(["--format", "json"]);
    if let Some(d) = as_of {
        cmd.args(["--as-of", d]);
    }
    let out = cmd.output().expect("planc runs");
    assert!(
        out.status.success(),
        "planc review failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    v["figures"].clone()
}

#[test]
fn csv_and_xlsx_give_the_same_figures_as_yaml() {
    let dir = root().join("tests/fixtures/actuals");
    let plan = dir.join("tiny.plan.yaml");
    let yaml = figures(&plan, &dir.join("tiny-2026.actuals.yaml"), None);
    let csv = figures(&plan, &dir.join("tiny-2026.actuals.csv"), None);
    assert_eq!(yaml, csv, "CSV and YAML disagree");
    let tmp = tempfile::tempdir().unwrap();
    let book = tmp.path().join("tiny-2026.actuals.xlsx");
    let text = std::fs::read_to_string(dir.join("tiny-2026.actuals.csv")).unwrap();
    std::fs::write(&book, xlsx::from_csv("实际", &text)).unwrap();
    let xlsx = figures(&plan, &book, None);
    assert_eq!(yaml, xlsx, "XLSX and YAML disagree");
    // And for a partial year.
    assert_eq!(
        figures(
            &plan,
            &dir.join("tiny-2026.actuals.yaml"),
            Some("2026-09-30")
        ),
        figures(&plan, &book, Some("2026-09-30"))
    );
}

/// The committed example workbook is what `company_crm_rows` writes.
#[test]
fn example_workbook_is_current() {
    let path = root().join("examples/actuals/company-2026-crm.actuals.xlsx");
    let text = std::fs::read_to_string(root().join("tests/fixtures/actuals/company-2026-crm.csv"))
        .expect("the CRM export's source table");
    let bytes = xlsx::from_csv("CRM导出", &text);
    if std::env::var_os("PLANC_UPDATE_EXAMPLES").is_some() {
        std::fs::write(&path, &bytes).unwrap();
    }
    let committed = std::fs::read(&path).unwrap_or_default();
    assert!(
        committed == bytes,
        "{} is out of date: run `PLANC_UPDATE_EXAMPLES=1 cargo test --test integration example_workbook`",
        path.display()
    );
}

/// Runs `planc check` on files in a fresh folder beside a copy of the tiny plan; returns
/// stderr, with the folder's path removed.
fn check_in_temp(files: &[(&str, &[u8])]) -> (String, i32) {
    check_in_temp_lang(files, "en")
}

/// [`check_in_temp`] with messages in `lang`.
fn check_in_temp_lang(files: &[(&str, &[u8])], lang: &str) -> (String, i32) {
    let tmp = tiny_dir(files);
    check_dir(tmp.path(), lang)
}

/// `planc check .` in `dir`: its messages and exit code.
fn check_dir(dir: &Path, lang: &str) -> (String, i32) {
    let out = planc()
        .current_dir(dir)
        .args(["check", "--lang", lang, "."])
        .output()
        .unwrap();
    (
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

const HEADER: &str = "metric,dimension,item,period,value,unit,last_year\n";

fn csv_case(body: &str) -> (String, i32) {
    let text = format!("{HEADER}{body}");
    check_in_temp(&[("tiny-2026.actuals.csv", text.as_bytes())])
}

/// The actuals findings as a Chinese-speaking user reads them (actuals files have no
/// `lang:`: they speak the language of the run).
#[test]
fn actuals_findings_in_chinese() {
    let text = format!(
        "{HEADER}sale,,,FY,1260,万元,\nsales,provnce,jiangsu,FY,720,万元,\nsales,province,江蘇,FY,720,万元,\n\
sales,,,上旬,250,万元,\nsales,product,a,FY,780,家,\nsales,,,Q1,250,万元,\nsales,,,Q3,290,万元,\n\
sales,quarter,Q1,FY,250,万元,\nk-cover,product,a,FY,93,%,\n"
    );
    let (err, code) = check_in_temp_lang(&[("tiny-2026.actuals.csv", text.as_bytes())], "zh");
    assert_eq!(code, 1);
    insta::assert_snapshot!(err);
}

#[test]
fn p801_unknown_metric() {
    let (err, code) = csv_case("sales,,,FY,1260,万元,\nsale,,,Q1,250,万元,\n");
    assert_eq!(code, 1);
    insta::assert_snapshot!(err);
}

/// A misspelt metric on an item row is offered the metric even when that metric's whole
/// year has its own row; a misspelt whole-year row is not offered a metric whose whole
/// year is already given, and gets the list of metrics instead.
#[test]
fn p801_suggests_only_metrics_whose_cell_is_free() {
    let (err, code) = csv_case("sales,,,FY,1260,万元,\nsale,province,jiangsu,FY,700,万元,\n");
    assert_eq!(code, 1);
    assert!(err.contains("did you mean `sales`?"), "{err}");
    let (err, code) = csv_case("sales,,,FY,1260,万元,\nsale,,,FY,1260,万元,\n");
    assert_eq!(code, 1);
    assert!(!err.contains("did you mean"), "{err}");
    assert!(
        err.contains("metrics are target and KPI ids: sales, new-hospitals, k-cover"),
        "{err}"
    );
}

#[test]
fn p802_unknown_dimension() {
    let (err, code) = csv_case("sales,provnce,jiangsu,FY,720,万元,\nsales,,浙江,FY,540,万元,\nk-cover,product,a,FY,93,%,\n");
    assert_eq!(code, 1);
    insta::assert_snapshot!(err);
}

#[test]
fn p803_unknown_item() {
    let (err, code) = csv_case("sales,province,江蘇,FY,720,万元,\n");
    assert_eq!(code, 1);
    assert!(err.contains("did you mean `江苏`?"), "{err}");
    insta::assert_snapshot!(err);
}

#[test]
fn p804_duplicate_row() {
    let (err, code) = csv_case("sales,,,Q1,250,万元,\nsales,quarter,Q1,FY,250,万元,\n");
    assert_eq!(code, 1);
    insta::assert_snapshot!(err);
}

#[test]
fn p805_unit_mismatch() {
    let (err, code) = csv_case("sales,,,FY,1260,家,\nsales,product,a,FY,780,,\nk-cover,,,FY,93家,,\nsales,product,b,FY,480万元,亿元,\nnew-hospitals,,,FY,many,,\n");
    assert_eq!(code, 1);
    insta::assert_snapshot!(err);
}

/// A value that writes its unit may repeat the unit column's; one that names another unit
/// than the column is refused rather than read in either.
#[test]
fn p805_a_written_unit_must_agree_with_the_unit_column() {
    let (err, code) = csv_case("sales,,,FY,1260万元,万元,\n");
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("P805"), "{err}");
    let (err, code) = csv_case("sales,,,FY,1260万元,元,\n");
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("`1260万元` and the unit `元` disagree"),
        "{err}"
    );
}

#[test]
fn p806_bad_period() {
    let (err, code) =
        csv_case("sales,,,2025-12,80,万元,\nsales,,,上旬,250,万元,\nsales,,,Q5,1,万元,\n");
    assert_eq!(code, 1);
    insta::assert_snapshot!(err);
}

#[test]
fn p807_missing_period() {
    let (err, code) =
        csv_case("sales,,,Q1,250,万元,\nsales,,,Q2,310,万元,\nsales,,,Q4,410,万元,\n");
    assert_eq!(code, 1);
    insta::assert_snapshot!(err);
}

#[test]
fn p809_sums_that_do_not_add_up() {
    let (err, code) = csv_case(
        "sales,,,FY,1260,万元,\nsales,,,Q1,250,万元,\nsales,,,Q2,310,万元,\nsales,,,Q3,290,万元,\nsales,,,Q4,400,万元,\nsales,product,a,FY,780,万元,\nsales,product,b,FY,470,万元,\n",
    );
    // The year against its quarters is a subtotal against its parts: an error. The
    // products against the year stay a warning.
    assert_eq!(
        code, 1,
        "a year that disagrees with its quarters is an error"
    );
    insta::assert_snapshot!(err);
}

/// The money tolerance of planc.toml lets a year's quarters differ from its total by up to
/// that much; counts are never rounded, whatever the money tolerance.
#[test]
fn p809_allows_the_money_tolerance_and_only_for_money() {
    let money = format!(
        "{HEADER}sales,,,FY,1260,万元,\nsales,,,Q1,250,万元,\nsales,,,Q2,310,万元,\n\
sales,,,Q3,290,万元,\nsales,,,Q4,409.5,万元,\n"
    );
    let toml: &[u8] = "[tolerance]\nmoney = \"1万元\"\n".as_bytes();
    let (err, code) = check_in_temp(&[("tiny-2026.actuals.csv", money.as_bytes())]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("P809"),
        "5000 元 short without a tolerance: {err}"
    );
    let (err, code) = check_in_temp(&[
        ("tiny-2026.actuals.csv", money.as_bytes()),
        ("planc.toml", toml),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("P809"), "within a tolerance of 1万元: {err}");

    let counts = format!(
        "{HEADER}new-hospitals,,,FY,18,家,\nnew-hospitals,,,Q1,4,家,\nnew-hospitals,,,Q2,4,家,\n\
new-hospitals,,,Q3,4,家,\nnew-hospitals,,,Q4,5,家,\n"
    );
    let (err, _) = check_in_temp(&[
        ("tiny-2026.actuals.csv", counts.as_bytes()),
        ("planc.toml", toml),
    ]);
    assert!(err.contains("P809"), "one hospital short: {err}");
}

/// Twelve monthly rows of sales, 101万元 … 112万元, each with last year's 80万元.
fn monthly_sales() -> String {
    let mut csv = String::from(HEADER);
    for m in 1..=12 {
        csv.push_str(&format!("sales,,,2026-{m:02},{},万元,80\n", 100 + m));
    }
    csv
}

/// Months fill their quarters and the year — this year's figures and last year's — and
/// a year's own row is checked against them.
#[test]
fn monthly_rows_fill_the_quarters_and_the_year() {
    let csv = monthly_sales();
    let tmp = tiny_dir(&[("tiny-2026.actuals.csv", csv.as_bytes())]);
    let f = figures(
        &tmp.path().join("tiny.plan.yaml"),
        &tmp.path().join("tiny-2026.actuals.csv"),
        None,
    );
    let sales = &f["targets"][0];
    assert_eq!(sales["id"], "sales");
    // 101 + … + 112 = 1278; 12 × 80 = 960.
    assert_eq!(sales["actual"]["value"], "12780000");
    assert_eq!(sales["last_year"]["value"], "9600000");
    let periods = &sales["periods"];
    assert_eq!(periods[0]["period"], "Q1");
    assert_eq!(periods[0]["actual"]["value"], "3060000", "101 + 102 + 103");
    assert_eq!(periods[0]["last_year"]["value"], "2400000");
    assert_eq!(periods[3]["actual"]["value"], "3330000", "110 + 111 + 112");
    assert_eq!(periods[3]["last_year"]["value"], "2400000");

    let (err, _) = check_in_temp(&[(
        "tiny-2026.actuals.csv",
        format!("{csv}sales,,,FY,1278,万元,\n").as_bytes(),
    )]);
    assert!(
        !err.contains("P809"),
        "the months add up to the year: {err}"
    );
    let (err, _) = check_in_temp(&[(
        "tiny-2026.actuals.csv",
        format!("{csv}sales,,,FY,1300,万元,\n").as_bytes(),
    )]);
    assert!(err.contains("P809"), "22万元 more than the months: {err}");
}

/// The tiny plan with two accounts, a target broken down by them, and a KPI whose bare
/// target names its unit, beside `tiny-2026.actuals.csv` holding `csv` (rows after the
/// header).
fn accounts_dir(csv: &str) -> tempfile::TempDir {
    const ACCOUNTS: &str = r#"accounts:
  - { id: h1, name: 浙江医院 }
  - { id: h2, name: 杭州市第一人民医院 }
targets:
  - id: hosp-sales
    name: 医院销售额
    value: 300万元
    breakdowns:
      - dimension: account
        items:
          - { ref: h1, value: 100万元 }
          - { ref: h2, value: 200万元 }
"#;
    const KPI: &str = r#"    kpis:
      - { id: k-visits, metric: 拜访次数, comparator: ">=", target: 100, unit: 次 }
"#;
    let tiny =
        std::fs::read_to_string(root().join("tests/fixtures/actuals/tiny.plan.yaml")).unwrap();
    let plan = tiny
        .replacen("targets:\n", ACCOUNTS, 1)
        .replacen("    kpis:\n", KPI, 1);
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("tiny.plan.yaml"), plan).unwrap();
    std::fs::write(
        tmp.path().join("tiny-2026.actuals.csv"),
        format!("{HEADER}{csv}"),
    )
    .unwrap();
    tmp
}

/// `planc check` of an [`accounts_dir`]: its messages.
fn check_accounts_plan(csv: &str) -> String {
    check_dir(accounts_dir(csv).path(), "en").0
}

/// Rows may name an account by its catalogue name, and each name lands on its own account.
#[test]
fn rows_name_accounts_by_their_catalogue_names() {
    let csv = "hosp-sales,account,杭州市第一人民医院,FY,210,万元,\nhosp-sales,account,浙江医院,FY,90,万元,\n";
    let err = check_accounts_plan(csv);
    assert!(!err.contains("P80"), "{err}");
    let tmp = accounts_dir(csv);
    let f = figures(
        &tmp.path().join("tiny.plan.yaml"),
        &tmp.path().join("tiny-2026.actuals.csv"),
        None,
    );
    let hosp = f["targets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "hosp-sales")
        .unwrap();
    let items = &hosp["breakdowns"][0]["items"];
    assert_eq!(items[0]["ref"], "h1");
    assert_eq!(items[0]["name"], "浙江医院");
    assert_eq!(items[0]["actual"]["value"], "900000");
    assert_eq!(items[1]["name"], "杭州市第一人民医院");
    assert_eq!(items[1]["actual"]["value"], "2100000");
    let err = check_accounts_plan("hosp-sales,account,上海医院,FY,90,万元,\n");
    assert!(
        err.contains("P803"),
        "an account the plan does not list: {err}"
    );
}

/// A KPI with a bare target and `unit: 次` takes its actuals in 次 or bare, not in 家.
#[test]
fn a_bare_kpi_target_with_a_unit_expects_that_unit() {
    let err = check_accounts_plan("k-visits,,,FY,120,次,\nk-cover,,,FY,95,%,\n");
    assert!(!err.contains("P805"), "{err}");
    let err = check_accounts_plan("k-visits,,,FY,120,家,\n");
    assert!(err.contains("P805") && err.contains("次"), "{err}");
}

#[test]
fn p810_bad_layout() {
    let (err, code) = check_in_temp(&[(
        "tiny-2026.actuals.csv",
        "metric,period,amount,unti\nsales,FY,1260,万元\n".as_bytes(),
    )]);
    assert_eq!(code, 1);
    insta::assert_snapshot!(err);
}

#[test]
fn p810_bad_yaml_rows() {
    let (err, code) = check_in_temp(&[(
        "tiny-2026.actuals.yaml",
        "plan: tiny-2026\nrows:\n  - { metric: sales, period: FY, value: 1260 }\n  - { metric: sales, perod: Q1, value: 250 }\n".as_bytes(),
    )]);
    assert_eq!(code, 1);
    insta::assert_snapshot!(err);
}

/// `rows` that is not a list is a format error; `rows:` left empty is a file with no
/// rows yet, which only misses its actuals.
#[test]
fn p810_rows_that_are_not_a_list() {
    let yaml = |rows: &str| {
        check_in_temp(&[(
            "tiny-2026.actuals.yaml",
            format!("plan: tiny-2026\nrows:{rows}\n").as_bytes(),
        )])
    };
    let (err, code) = yaml(" 1260");
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("`rows` must be a list"), "{err}");
    let (err, code) = yaml("");
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("must be a list"), "{err}");
}

#[test]
fn p811_plan_not_found() {
    let (err, code) = check_in_temp(&[(
        "other.actuals.csv",
        format!("{HEADER}sales,,,FY,1,万元,\n").as_bytes(),
    )]);
    assert_eq!(code, 1);
    insta::assert_snapshot!(err);
}

#[test]
fn xlsx_findings_name_the_cell() {
    let book = xlsx::from_csv(
        "实际",
        "指标,维度,项目,期间,实际,单位\nsales,province,江蘇,FY,720,万元\nsales,,,FY,1260,家\n",
    );
    let (err, code) = check_in_temp(&[("tiny-2026.actuals.xlsx", &book)]);
    assert_eq!(code, 1);
    assert!(err.contains("(实际!C2)"), "{err}");
    assert!(err.contains("(实际!E3)"), "{err}");
    insta::assert_snapshot!(err);
}

/// A table that starts in column C (the sheet's first two columns empty) is read, and
/// its findings name the cells where they are.
#[test]
fn xlsx_findings_name_the_cell_of_a_table_not_at_a1() {
    let book = xlsx::from_csv(
        "实际",
        ",,指标,维度,项目,期间,实际,单位\n,,sales,province,江蘇,FY,720,万元\n,,sales,,,FY,1260,家\n,,sales,product,a,FY,780,万元\n",
    );
    let (err, code) = check_in_temp(&[("tiny-2026.actuals.xlsx", &book)]);
    assert_eq!(code, 1);
    assert!(err.contains("(实际!E2)"), "{err}");
    assert!(err.contains("(实际!G3)"), "{err}");
    assert_eq!(err.matches("P80").count(), 2, "{err}");
}

#[test]
fn actuals_yaml_lines_and_columns() {
    let (err, code) = check_in_temp(&[(
        "tiny-2026.actuals.yaml",
        "plan: tiny-2026\nrows:\n  - { metric: sales, dimension: province, item: 江蘇, period: FY, value: 720 }\n"
            .as_bytes(),
    )]);
    assert_eq!(code, 1);
    assert!(err.contains("tiny-2026.actuals.yaml:3:"), "{err}");
}

#[test]
fn unreadable_workbook() {
    let (err, code) = check_in_temp(&[("tiny-2026.actuals.xlsx", b"not a zip")]);
    assert_eq!(code, 1);
    assert!(
        err.contains("cannot open tiny-2026.actuals.xlsx as a workbook"),
        "{err}"
    );
}

#[test]
fn every_actuals_code_is_documented() {
    let out = planc().arg("rules").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    for code in [
        "P801", "P802", "P803", "P804", "P805", "P806", "P807", "P808", "P809", "P810", "P811",
        "P812",
    ] {
        assert!(text.contains(code), "{code} missing from `planc rules`");
        let explain = planc().args(["explain", code]).output().unwrap();
        let doc = String::from_utf8_lossy(&explain.stdout);
        for heading in [
            "## What it does",
            "## Why is this bad?",
            "## Example",
            "## Use instead",
        ] {
            assert!(doc.contains(heading), "{code} lacks {heading}");
        }
    }
}

#[test]
fn committed_actuals_schema_matches_the_generated_one() {
    let committed = std::fs::read_to_string(root().join("schemas/actuals.schema.json")).unwrap();
    assert!(
        committed == planc::actuals::schema_pretty(),
        "schemas/actuals.schema.json is out of date: run `cargo run -- schema --actuals -o schemas/actuals.schema.json`"
    );
}

/// A review of the tiny plan with these actuals and this section; returns `planc check`'s stderr.
fn review_case(actuals: &str, section: &str) -> (String, i32) {
    let review = format!(
        "kind: review\nid: tiny-review\ntitle: 年度总结\nstatus: final\nperiod: {{ start: 2026-01-01, end: 2026-12-31 }}\n\
review:\n  plan: tiny.plan.yaml\n  actuals: [tiny-2026.actuals.csv]\nsections:\n{section}"
    );
    check_in_temp(&[
        (
            "tiny-2026.actuals.csv",
            format!("{HEADER}{actuals}").as_bytes(),
        ),
        ("tiny.review.plan.yaml", review.as_bytes()),
    ])
}

const ALL_KPIS: &str =
    "k-cover,,,FY,93,%,\nk-expense,,,FY,5.5,%,\nk-range,,,FY,15,%,\nk-zero,,,FY,0,起,\n";

#[test]
fn p808_missing_actual() {
    // `new-hospitals` has no row, and only one of the two provinces has one.
    let (err, code) = review_case(
        &format!("sales,,,FY,1260,万元,\nsales,province,jiangsu,FY,720,万元,\n{ALL_KPIS}"),
        "  - title: 目标回顾\n    figures: [targets]\n",
    );
    assert_eq!(code, 0, "missing actuals are warnings");
    assert!(
        err.contains("no actual for target `new-hospitals`"),
        "{err}"
    );
    insta::assert_snapshot!(err);
}

#[test]
fn p812_unknown_figure() {
    let (err, code) = review_case(
        &format!("sales,,,FY,1260,万元,\nnew-hospitals,,,FY,18,家,\n{ALL_KPIS}"),
        "  - title: 目标回顾\n    text: 完成率{{sales.attainmnet}}。\n    figures: [kpis/战役二]\n",
    );
    assert_eq!(code, 1);
    insta::assert_snapshot!(err);
}

/// Writes the benchmark's plan and workbook (`bench/actuals_10k.sh`): `PLANC_BENCH_DIR`,
/// `PLANC_BENCH_ROWS` (default 10 000). Accounts × months, with quarter totals, all adding up.
#[test]
#[ignore = "generates benchmark input; run by bench/actuals_10k.sh"]
fn write_bench_workbook() {
    let Some(dir) = std::env::var_os("PLANC_BENCH_DIR") else {
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    std::fs::create_dir_all(&dir).unwrap();
    let rows: usize = std::env::var("PLANC_BENCH_ROWS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(10_000);
    let accounts = (rows.saturating_sub(4) / 12).max(1);
    // Monthly actuals in 万元, integers so every sum is exact.
    let actual = |a: usize, m: usize| 40 + (a * 7 + m * 13) % 60;
    let target = |a: usize| 12 * (45 + (a * 11) % 50);
    let mut plan = String::from(
        "kind: region\nid: bench-2026\ntitle: 基准测试大区2026年度计划\nstatus: final\n\
period: { start: 2026-01-01, end: 2026-12-31 }\nunit: 万元\noverview: { text: 基准测试。 }\n\
last_year: { sales: 1万元 }\ncampaigns: [{ id: c1, name: 战役, kpis: [{ id: k1, metric: 覆盖率, comparator: \">=\", target: 90% }] }]\n\
cadence: [{ name: 周会, frequency: weekly }]\nrisks: [{ id: r1, name: 风险, description: 描述。, response: 应对。 }]\naccounts:\n",
    );
    for a in 0..accounts {
        plan.push_str(&format!("  - {{ id: h{a:04}, name: 医院{a:04} }}\n"));
    }
    let total: usize = (0..accounts).map(target).sum();
    plan.push_str(&format!(
        "targets:\n  - id: sales\n    name: 年度销售额\n    value: {total}万元\n    breakdowns:\n      - dimension: account\n        items:\n"
    ));
    for a in 0..accounts {
        plan.push_str(&format!(
            "          - {{ ref: h{a:04}, value: {}万元 }}\n",
            target(a)
        ));
    }
    let q = total / 4;
    plan.push_str(&format!(
        "      - dimension: quarter\n        items:\n          - {{ ref: Q1, value: {q}万元 }}\n          - {{ ref: Q2, value: {q}万元 }}\n          - {{ ref: Q3, value: {q}万元 }}\n          - {{ ref: Q4, value: {}万元 }}\n",
        total - 3 * q
    ));
    std::fs::write(dir.join("bench.plan.yaml"), plan).unwrap();
    let mut csv = String::from("指标,维度,项目,期间,实际,单位\n");
    for a in 0..accounts {
        for m in 0..12 {
            csv.push_str(&format!(
                "sales,account,医院{a:04},2026-{:02},{},万元\n",
                m + 1,
                actual(a, m)
            ));
        }
    }
    for q in 0..4 {
        let sum: usize = (0..accounts)
            .flat_map(|a| (q * 3..q * 3 + 3).map(move |m| actual(a, m)))
            .sum();
        csv.push_str(&format!("sales,,,Q{},{sum},万元\n", q + 1));
    }
    std::fs::write(
        dir.join("bench-2026.actuals.xlsx"),
        xlsx::from_csv("ERP导出", &csv),
    )
    .unwrap();
}

/// Writes `files` beside a copy of the tiny plan; returns the folder.
fn tiny_dir(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let plan = std::fs::read(root().join("tests/fixtures/actuals/tiny.plan.yaml")).unwrap();
    std::fs::write(tmp.path().join("tiny.plan.yaml"), plan).unwrap();
    for (name, bytes) in files {
        std::fs::write(tmp.path().join(name), bytes).unwrap();
    }
    tmp
}

const WIDE_METRICS: &str = "项目,单位,一季度,二季度,三季度,四季度,合计
年度销售额,万元,250,310,290,410,1260
新开发医院,家,4,5,4,5,18
k-cover,%,91,92,93,93,
";

const LONG_METRICS: &str = "metric,period,value,unit
年度销售额,Q1,250,万元
年度销售额,Q2,310,万元
年度销售额,Q3,290,万元
年度销售额,Q4,410,万元
新开发医院,Q1,4,家
新开发医院,Q2,5,家
新开发医院,Q3,4,家
新开发医院,Q4,5,家
k-cover,Q1,91,%
k-cover,Q2,92,%
k-cover,Q3,93,%
k-cover,Q4,93,%
";

/// Provinces by month under a title that gives the unit, a total column and a total row.
fn wide_provinces() -> String {
    let js = [60, 58, 62, 55, 60, 61, 59, 63, 60, 62, 58, 62];
    let zj = [45, 44, 46, 45, 45, 44, 46, 45, 45, 44, 46, 45];
    let months: Vec<String> = (1..=12).map(|m| format!("{m}月")).collect();
    let row = |name: &str, v: &[i32]| {
        let cells: Vec<String> = v.iter().map(|x| x.to_string()).collect();
        format!("{name},{},{}\n", cells.join(","), v.iter().sum::<i32>())
    };
    let total: Vec<i32> = js.iter().zip(&zj).map(|(a, b)| a + b).collect();
    format!(
        "2026年各省销售额（单位：万元）\n省份,{},合计\n{}{}{}",
        months.join(","),
        row("江苏", &js),
        row("浙江", &zj),
        row("合计", &total)
    )
}

fn long_provinces() -> String {
    let text = wide_provinces();
    let mut out = String::from("metric,dimension,item,period,value,unit\n");
    for line in text.lines().skip(2) {
        let cells: Vec<&str> = line.split(',').collect();
        for (m, v) in cells[1..13].iter().enumerate() {
            let (dim, item) = if cells[0] == "合计" {
                ("", "")
            } else {
                ("province", cells[0])
            };
            out.push_str(&format!("sales,{dim},{item},2026-{:02},{v},万元\n", m + 1));
        }
    }
    out
}

#[test]
fn the_wide_layout_gives_the_same_figures_as_the_long_one() {
    let plan = root().join("tests/fixtures/actuals/tiny.plan.yaml");
    let cases = [
        (WIDE_METRICS.to_owned(), LONG_METRICS.to_owned()),
        (wide_provinces(), long_provinces()),
    ];
    for (wide, long) in cases {
        let dir = tiny_dir(&[
            ("wide.actuals.csv", wide.as_bytes()),
            ("long.actuals.csv", long.as_bytes()),
            ("wide.actuals.xlsx", &xlsx::from_csv("实际", &wide)),
        ]);
        let long_figures = figures(&plan, &dir.path().join("long.actuals.csv"), None);
        assert!(long_figures.to_string().contains("1260"), "{long_figures}");
        let csv = figures(&plan, &dir.path().join("wide.actuals.csv"), None);
        assert_eq!(csv, long_figures, "wide CSV and long CSV disagree:\n{wide}");
        let book = figures(&plan, &dir.path().join("wide.actuals.xlsx"), None);
        assert_eq!(
            book, long_figures,
            "wide XLSX and long CSV disagree:\n{wide}"
        );
        // And part-way through the year.
        assert_eq!(
            figures(
                &plan,
                &dir.path().join("wide.actuals.csv"),
                Some("2026-06-30")
            ),
            figures(
                &plan,
                &dir.path().join("long.actuals.csv"),
                Some("2026-06-30")
            )
        );
    }
}

#[test]
fn a_clean_wide_file_checks_clean() {
    let text = wide_provinces();
    let (err, code) = check_in_temp(&[
        ("tiny-2026.actuals.csv", text.as_bytes()),
        ("tiny-2026-b.actuals.xlsx", &xlsx::from_csv("实际", &text)),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("0 errors, 0 warnings"), "{err}");
}

const WIDE_PROBLEMS: &str = "单位：万元
省份,1月,2月,3月,13月,合计
江苏,60,58,abc,5,200
广西,10,10,10,,30
浙江,40,40,40,,125
";

/// Unknown items, bad numbers and periods, and totals that do not add up: each reported
/// once, at its cell.
#[test]
fn wide_csv_findings_point_at_their_cells() {
    let (err, code) = check_in_temp(&[("tiny-2026.actuals.csv", WIDE_PROBLEMS.as_bytes())]);
    assert_eq!(code, 1);
    assert_eq!(
        err.matches("P803(").count(),
        1,
        "one finding per row: {err}"
    );
    assert_eq!(
        err.matches("P806(").count(),
        1,
        "one finding per column: {err}"
    );
    insta::assert_snapshot!(err);
}

/// The wide layout's own format findings, each where it is: a header with periods but
/// nothing naming the rows, a row that does not say what it is, a cell past the header.
#[test]
fn wide_format_findings_point_at_the_header_the_row_and_the_cell() {
    let csv = |text: &str| check_in_temp(&[("tiny-2026.actuals.csv", text.as_bytes())]);
    let (err, code) = csv("2026年销售额（单位：万元）\n1月,2月,3月\n100,110,120\n");
    assert_eq!(code, 1);
    assert!(
        err.contains("has month or quarter columns but no column naming what each row is"),
        "{err}"
    );
    assert!(err.contains("tiny-2026.actuals.csv:2:1]"), "{err}");

    let (err, code) = csv("2026年各省销售额（单位：万元）\n省份,1月,2月\n江苏,60,58\n,45,44\n");
    assert_eq!(code, 1);
    assert!(err.contains("row 4 has no `省份`"), "{err}");
    assert!(
        err.contains("tiny-2026.actuals.csv:4:2]"),
        "at the first filled cell: {err}"
    );

    let (err, code) =
        csv("2026年各省销售额（单位：万元）\n省份,1月,2月\n江苏,60,58,99\n浙江,45,44\n");
    assert_eq!(code, 1);
    assert!(
        err.contains("row 3 has more cells than the header has columns"),
        "{err}"
    );
    assert!(err.contains("tiny-2026.actuals.csv:3:10]"), "{err}");
}

#[test]
fn wide_xlsx_findings_name_the_cell() {
    let book = xlsx::from_csv("实际", WIDE_PROBLEMS);
    let (err, code) = check_in_temp(&[("tiny-2026.actuals.xlsx", &book)]);
    assert_eq!(code, 1);
    assert!(err.contains("(实际!A4)"), "the unknown item: {err}");
    assert!(err.contains("(实际!D3)"), "the bad number: {err}");
    assert!(err.contains("(实际!E2)"), "the bad period: {err}");
    assert!(err.contains("(实际!F5)"), "the total: {err}");
    insta::assert_snapshot!(err);
}

#[test]
fn wide_layout_messages_in_chinese() {
    let (err, _) = check_in_temp_lang(&[("tiny-2026.actuals.csv", WIDE_PROBLEMS.as_bytes())], "zh");
    insta::assert_snapshot!(err);
}

#[test]
fn a_wide_file_says_which_metric_it_is_about() {
    // `项目` names metrics: provinces in it get a hint.
    let (err, code) = check_in_temp(&[(
        "tiny-2026.actuals.csv",
        "项目,1月,2月\n江苏,60,58\n".as_bytes(),
    )]);
    assert_eq!(code, 1);
    assert!(err.contains("unknown metric `江苏`"), "{err}");
    assert!(err.contains("head the column `province`"), "{err}");
    // No target is broken down by channel.
    let (err, code) = check_in_temp(&[(
        "tiny-2026.actuals.csv",
        "渠道,1月\n零售,60万元\n".as_bytes(),
    )]);
    assert_eq!(code, 1);
    assert!(
        err.contains("no target of `tiny-2026` is broken down by `channel`"),
        "{err}"
    );
    assert_eq!(err.matches("P801(").count(), 1, "{err}");
    // Nothing names the rows.
    let (err, code) = check_in_temp(&[("tiny-2026.actuals.csv", "单位,1月\n万元,60\n".as_bytes())]);
    assert_eq!(code, 1);
    assert!(err.contains("no column naming what each row is"), "{err}");
    // A metric column with a dimension column works like the long layout.
    let (err, code) = check_in_temp(&[(
        "tiny-2026.actuals.csv",
        "指标,维度,项目,单位,Q1,Q2\nsales,product,a,万元,150,200\nsales,product,b,万元,100,110\nsales,,,万元,250,310\n"
            .as_bytes(),
    )]);
    assert_eq!(code, 0, "{err}");
}

/// A suggestion never names an item another row already gives for the same period: that
/// one is real, and the row is about something else (`江西` is not `江苏`).
#[test]
fn suggestions_do_not_point_at_items_that_have_their_own_row() {
    let (err, _) = csv_case("sales,province,江苏,FY,720,万元,\nsales,province,江西,FY,100,万元,\n");
    assert!(err.contains("unknown province `江西`"), "{err}");
    assert!(!err.contains("did you mean"), "{err}");
    assert!(
        err.contains("items of `province`: jiangsu, zhejiang"),
        "{err}"
    );
    // A typo where the real item has no figure for that period is still caught.
    let (err, _) = csv_case("sales,province,江苏,Q1,180,万元,\nsales,province,江西,Q2,170,万元,\n");
    assert!(err.contains("did you mean `江苏`?"), "{err}");
    // The same for metrics.
    let (err, _) = csv_case("sales,,,FY,1260,万元,\nsale,,,FY,100,万元,\n");
    assert!(err.contains("unknown metric `sale`"), "{err}");
    assert!(!err.contains("did you mean `sales`"), "{err}");
    let (err, _) = csv_case("sales,,,Q1,250,万元,\nsale,,,Q2,310,万元,\n");
    assert!(err.contains("did you mean `sales`?"), "{err}");
    // In the wide layout.
    let (err, _) = check_in_temp(&[(
        "tiny-2026.actuals.csv",
        "省份,1月,2月\n江苏,60万元,58万元\n江西,10万元,10万元\n浙江,45万元,44万元\n".as_bytes(),
    )]);
    assert!(err.contains("unknown province `江西`"), "{err}");
    assert!(!err.contains("did you mean"), "{err}");
}

/// The issue's case: a plan with 广东 and no 广西; actuals with both. 广西 is another
/// province, not a typo of 广东.
#[test]
fn guangxi_is_not_offered_guangdong() {
    let plan = std::fs::read_to_string(root().join("tests/fixtures/actuals/tiny.plan.yaml"))
        .unwrap()
        .replace("江苏", "广东");
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("tiny.plan.yaml"), plan).unwrap();
    std::fs::write(
        tmp.path().join("tiny-2026.actuals.csv"),
        format!("{HEADER}sales,province,广东,FY,720,万元,\nsales,province,广西,FY,100,万元,\n"),
    )
    .unwrap();
    let out = planc()
        .current_dir(tmp.path())
        .args(["check", "."])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown province `广西`"), "{err}");
    assert!(!err.contains("广东`?"), "{err}");
}

/// The bundled wide-layout example: 广西 joins 广西壮族自治区, and the provinces add up.
#[test]
fn the_wide_example_reads_every_province() {
    let v = figures(
        &root().join("examples/org/south-china.plan.yaml"),
        &root().join("examples/actuals/south-china-2026.actuals.csv"),
        None,
    );
    let sales = &v["targets"][0];
    assert_eq!(sales["actual"]["value"], "852000000");
    let provinces = &sales["breakdowns"][0];
    assert_eq!(provinces["dimension"], "province");
    let actual = |r: &str| {
        provinces["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["ref"] == r)
            .map(|i| i["actual"]["value"].clone())
    };
    assert_eq!(actual("guangdong"), Some("528000000".into()));
    assert_eq!(actual("guangxi"), Some("221000000".into()));
    assert_eq!(actual("hainan"), Some("103000000".into()));
}

/// A target written as a bare number in a plan with `unit: 万元` is money in 万元, so an
/// actual in 万元 (or in 亿元) is read, never refused as "a plain number expected". A
/// bare actual in a CSV without a unit stays refused: its unit cannot be known.
#[test]
fn p805_a_bare_target_is_money_in_the_plans_unit() {
    let tmp = tempfile::tempdir().unwrap();
    let plan =
        std::fs::read_to_string(root().join("tests/fixtures/actuals/tiny.plan.yaml")).unwrap();
    let bare = plan.replacen("value: 1200万元", "value: 1200", 1);
    assert_ne!(bare, plan, "the tiny plan's sales target is 1200万元");
    std::fs::write(tmp.path().join("tiny.plan.yaml"), bare).unwrap();
    let csv = format!("{HEADER}sales,,,FY,1260,万元,\n");
    std::fs::write(tmp.path().join("tiny-2026.actuals.csv"), &csv).unwrap();
    let (err, code) = check_dir(tmp.path(), "en");
    assert!(!err.contains("P805"), "{err}");
    assert_eq!(code, 0, "{err}");
    let csv = format!("{HEADER}sales,,,FY,0.126,亿元,\n");
    std::fs::write(tmp.path().join("tiny-2026.actuals.csv"), &csv).unwrap();
    let (err, code) = check_dir(tmp.path(), "en");
    assert_eq!(code, 0, "{err}");
    let csv = format!("{HEADER}sales,,,FY,1260,,\n");
    std::fs::write(tmp.path().join("tiny-2026.actuals.csv"), &csv).unwrap();
    let (err, code) = check_dir(tmp.path(), "en");
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("expects money"), "{err}");
}

/// An `as_of` outside the plan period is an error for `check`; a row that begins after
/// the file's own `as_of` is reported (and not counted), never dropped without a word.
#[test]
fn p813_as_of_outside_the_period_and_rows_after_it() {
    let yaml = |as_of: &str, periods: &[&str]| {
        let rows: String = periods
            .iter()
            .map(|p| format!("  - {{ metric: sales, period: {p}, value: 300万元 }}\n"))
            .collect();
        format!("plan: tiny-2026\nas_of: {as_of}\nrows:\n{rows}")
    };
    let (err, code) = check_in_temp(&[(
        "tiny-2026.actuals.yaml",
        yaml("2027-03-31", &["Q1", "Q2", "Q3"]).as_bytes(),
    )]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("P813"), "{err}");
    assert!(
        err.contains("`as_of: 2027-03-31` lies outside the plan period 2026-01-01 – 2026-12-31"),
        "{err}"
    );
    let (err, _) = check_in_temp(&[(
        "tiny-2026.actuals.yaml",
        yaml("2026-06-30", &["Q1", "Q2", "Q3"]).as_bytes(),
    )]);
    assert!(
        err.contains("the row for Q3 begins after this file's `as_of: 2026-06-30`"),
        "{err}"
    );
    assert!(!err.contains("the row for Q2"), "{err}");
    // A month inside the date: counted, nothing said.
    let (err, code) = check_in_temp(&[(
        "tiny-2026.actuals.yaml",
        yaml("2026-06-30", &["Q1", "Q2"]).as_bytes(),
    )]);
    assert!(!err.contains("P813"), "{err}");
    assert_eq!(code, 0, "{err}");
    // The first day of a quarter is inside it.
    let (err, _) = check_in_temp(&[(
        "tiny-2026.actuals.yaml",
        yaml("2026-07-01", &["Q1", "Q2", "Q3"]).as_bytes(),
    )]);
    assert!(!err.contains("P813"), "{err}");
    // The day before the period is outside it; its first and last days are inside.
    let (err, code) = check_in_temp(&[(
        "tiny-2026.actuals.yaml",
        yaml("2025-12-31", &["Q1"]).as_bytes(),
    )]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("`as_of: 2025-12-31` lies outside"), "{err}");
    // Two files of one review, each within its own date: the second's later quarters are
    // not held against the first's date.
    let tmp = tiny_dir(&[
        (
            "h1.actuals.yaml",
            yaml("2026-06-30", &["Q1", "Q2"]).as_bytes(),
        ),
        (
            "h2.actuals.yaml",
            yaml("2026-12-31", &["Q3", "Q4"]).as_bytes(),
        ),
    ]);
    let out = planc()
        .current_dir(tmp.path())
        .args([
            "review",
            "tiny.plan.yaml",
            "--lang",
            "en",
            "--actuals",
            "h1.actuals.yaml",
            "h2.actuals.yaml",
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("P813"), "{err}");
    for inside in ["2026-01-01", "2026-12-31"] {
        let (err, _) =
            check_in_temp(&[("tiny-2026.actuals.yaml", yaml(inside, &["Q1"]).as_bytes())]);
        assert!(!err.contains("lies outside"), "{inside}: {err}");
    }
}

/// A percentage typed into a review's narrative that contradicts what the review
/// computes is reported at the number; one that agrees (to the digits written), one
/// planc fills in, and one whose sentence names nothing planc computes are not.
#[test]
fn p814_a_typed_figure_that_contradicts_the_review() {
    let tmp = tempfile::tempdir().unwrap();
    for rel in [
        "review.plan.yaml",
        "org/company.plan.yaml",
        "actuals/company-2026.actuals.csv",
        "actuals/company-2026-crm.actuals.xlsx",
    ] {
        let to = tmp.path().join(rel);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(root().join("examples").join(rel), &to).unwrap();
    }
    let path = tmp.path().join("review.plan.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let check = |text: &str| {
        std::fs::write(&path, text).unwrap();
        let out = planc()
            .current_dir(tmp.path())
            .args(["check", "--lang", "en", "review.plan.yaml"])
            .output()
            .unwrap();
        (
            String::from_utf8_lossy(&out.stderr).into_owned(),
            out.status.code(),
        )
    };
    let typed = "华南大区完成率仅{{sales/region/south.attainment}}";
    assert!(text.contains(typed));
    // 华南: 85200 of 87480 = 97.39…%.
    let (err, code) = check(&text.replacen(typed, "华南大区完成率仅101.2%", 1));
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains(
            "the text says 101.2% for the attainment of 华南大区, but the review computes 97.4%"
        ),
        "{err}"
    );
    for fine in [
        "华南大区完成率仅97.4%",
        "华南大区完成率仅97%",
        "华南大区完成率仅97.39%",
        "市场份额达到101.2%",
    ] {
        let (err, code) = check(&text.replacen(typed, fine, 1));
        assert!(!err.contains("P814"), "{fine}: {err}");
        assert_eq!(code, Some(0), "{fine}: {err}");
    }
    // "华南" alone names the region too; 完成 alone is a cue.
    let (err, _) = check(&text.replacen(typed, "华南完成率仅90%", 1));
    assert!(err.contains("P814"), "{err}");
    let (err, _) = check(&text.replacen(typed, "华南大区完成90%", 1));
    assert!(err.contains("P814"), "{err}");
    // A KPI's attainment, by the KPI's own metric: 93.1% of ≥ 95% is 98.0%.
    let kpi = "CRM系统使用率（每日提交工作报告）完成率";
    let (err, code) = check(&text.replacen(typed, &format!("{kpi}98%"), 1));
    assert!(!err.contains("P814"), "{err}");
    assert_eq!(code, Some(0), "{err}");
    let (err, _) = check(&text.replacen(typed, &format!("{kpi}90%"), 1));
    assert!(err.contains("P814"), "{err}");
}

/// Workbooks as finance exports them, written with rust_xlsxwriter (a maintained writer,
/// not the hand-made package above): percent-formatted cells hold fractions.
mod excel {
    use rust_xlsxwriter::{Format, Workbook};

    /// The tiny plan's actuals as a long-layout sheet, with `k-cover` as a percent cell
    /// (0.962 shown as 96.2%) or as a bare fraction (`percent` false).
    pub fn with_rate(percent: bool) -> Vec<u8> {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        ws.set_name("实际").unwrap();
        for (c, h) in ["指标", "期间", "实际", "单位"].iter().enumerate() {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        ws.write_string(1, 0, "sales").unwrap();
        ws.write_string(1, 1, "FY").unwrap();
        ws.write_number(1, 2, 1260).unwrap();
        ws.write_string(1, 3, "万元").unwrap();
        ws.write_string(2, 0, "k-cover").unwrap();
        ws.write_string(2, 1, "FY").unwrap();
        if percent {
            let pct = Format::new().set_num_format("0.0%");
            ws.write_number_with_format(2, 2, 0.962, &pct).unwrap();
        } else {
            ws.write_number(2, 2, 0.962).unwrap();
        }
        wb.save_to_buffer().unwrap()
    }
}

/// A KPI rate stored as an Excel percent cell is read as the percentage it shows (96.2 %,
/// attainment 106.89 % of the 90 % target), never as 0.962 %; the same fraction without
/// the format is a finding at the cell, never a silent 0.962 %.
#[test]
fn p805_percent_cells_and_bare_fractions() {
    let tmp = tiny_dir(&[("tiny-2026.actuals.xlsx", &excel::with_rate(true))]);
    let v = figures(
        &tmp.path().join("tiny.plan.yaml"),
        &tmp.path().join("tiny-2026.actuals.xlsx"),
        None,
    );
    let kpi = v["kpis"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["id"] == "k-cover")
        .unwrap()
        .clone();
    assert_eq!(kpi["actual"]["value"], "96.2", "{kpi}");
    let tmp = tiny_dir(&[("tiny-2026.actuals.xlsx", &excel::with_rate(false))]);
    let (err, code) = check_dir(tmp.path(), "en");
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("`k-cover` is measured in %, but `0.962` has no percent sign (实际!C3)"),
        "{err}"
    );
}

/// A quarter column among its months is a subtotal: the months are read, and a quarter
/// that disagrees with them is an error at its cell (today's main took the quarter).
#[test]
fn p809_a_quarter_subtotal_beside_its_months() {
    let header = "年度销售额（单位：万元）\n项目,1月,2月,3月,一季度,4月,5月,6月,二季度,7月,8月,9月,三季度,10月,11月,12月,四季度,合计\n";
    let good = format!(
        "{header}年度销售额,80,80,80,240,100,100,100,300,100,100,100,300,120,120,120,360,1200\n"
    );
    let tmp = tiny_dir(&[("tiny-2026.actuals.csv", good.as_bytes())]);
    let v = figures(
        &tmp.path().join("tiny.plan.yaml"),
        &tmp.path().join("tiny-2026.actuals.csv"),
        None,
    );
    assert_eq!(
        v["targets"][0]["actual"]["value"], "12000000",
        "{}",
        v["targets"][0]
    );
    let bad = good.replacen(",80,240,", ",80,250,", 1);
    let tmp = tiny_dir(&[("tiny-2026.actuals.csv", bad.as_bytes())]);
    let (err, code) = check_dir(tmp.path(), "en");
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("`sales` is 250万元 for Q1, but its months add up to 240万元"),
        "{err}"
    );
}

/// A negative month where the target is positive is a warning at the cell; the figure is
/// used as written (returns), never dropped.
#[test]
fn p805_a_negative_month_is_a_warning_and_counted() {
    let csv = "单位：万元\n项目,1月,2月,3月,4月,5月,6月,7月,8月,9月,10月,11月,12月\n年度销售额,80,80,80,100,-100,100,100,100,100,120,120,120\n";
    let tmp = tiny_dir(&[("tiny-2026.actuals.csv", csv.as_bytes())]);
    let (err, code) = check_dir(tmp.path(), "en");
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("`sales` › 2026-05 is negative (-100), where the plan's target is positive"),
        "{err}"
    );
    let v = figures(
        &tmp.path().join("tiny.plan.yaml"),
        &tmp.path().join("tiny-2026.actuals.csv"),
        None,
    );
    assert_eq!(
        v["targets"][0]["actual"]["value"], "10000000",
        "{}",
        v["targets"][0]
    );
}

/// A workbook whose actuals span two sheets (上半年 and 下半年) behind a cover sheet: both
/// are read, and the review's year is their sum (today's main read the first only).
#[test]
fn every_data_sheet_of_a_workbook_is_read() {
    use rust_xlsxwriter::Workbook;
    let mut wb = Workbook::new();
    let cover = wb.add_worksheet();
    cover.set_name("封面").unwrap();
    cover.write_string(0, 0, "2026年销售实际 · 财务部").unwrap();
    for (name, quarters) in [
        ("上半年", [("Q1", 250), ("Q2", 310)]),
        ("下半年", [("Q3", 290), ("Q4", 410)]),
    ] {
        let ws = wb.add_worksheet();
        ws.set_name(name).unwrap();
        for (c, h) in ["指标", "期间", "实际", "单位"].iter().enumerate() {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        for (r, (q, v)) in quarters.iter().enumerate() {
            let r = r as u32 + 1;
            ws.write_string(r, 0, "sales").unwrap();
            ws.write_string(r, 1, *q).unwrap();
            ws.write_number(r, 2, f64::from(*v)).unwrap();
            ws.write_string(r, 3, "万元").unwrap();
        }
    }
    // A sheet of notes with rows but no header of actuals: said, not read.
    let notes = wb.add_worksheet();
    notes.set_name("说明").unwrap();
    notes.write_string(0, 0, "数据来源").unwrap();
    notes.write_string(0, 1, "CRM").unwrap();
    notes.write_string(1, 0, "口径").unwrap();
    notes.write_string(1, 1, "含税").unwrap();
    let book = wb.save_to_buffer().unwrap();
    let tmp = tiny_dir(&[("tiny-2026.actuals.xlsx", &book)]);
    let (err, code) = check_dir(tmp.path(), "en");
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("sheet 说明 holds rows but no header planc knows: it is not read"),
        "{err}"
    );
    assert!(!err.contains("封面"), "a cover sheet is fine: {err}");
    let v = figures(
        &tmp.path().join("tiny.plan.yaml"),
        &tmp.path().join("tiny-2026.actuals.xlsx"),
        None,
    );
    assert_eq!(
        v["targets"][0]["actual"]["value"], "12600000",
        "{}",
        v["targets"][0]
    );
}

/// Formulas without a stored value (a workbook a script wrote and nobody calculated) are
/// an error naming the cells and saying how to fix it, never "no data".
#[test]
fn p810_formulas_without_a_stored_value() {
    let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    let t = |r: &str, s: &str| format!(r#"<c r="{r}" t="inlineStr"><is><t>{s}</t></is></c>"#);
    let sheet = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="{ns}"><sheetData><row r="1">{}{}{}{}</row><row r="2">{}{}<c r="C2"><f>SUM(E2:F2)</f></c>{}</row><row r="3">{}{}<c r="C3"><v>300</v></c>{}<c r="E3"><f>C3*2</f></c></row></sheetData></worksheet>"#,
        t("A1", "指标"),
        t("B1", "期间"),
        t("C1", "实际"),
        t("D1", "单位"),
        t("A2", "sales"),
        t("B2", "Q1"),
        t("D2", "万元"),
        t("A3", "sales"),
        t("B3", "Q2"),
        t("D3", "万元"),
    );
    let book = xlsx::with_sheet_xml("实际", &sheet);
    let (err, code) = check_in_temp(&[("tiny-2026.actuals.xlsx", &book)]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("2 formula cells hold no stored value (实际!C2, 实际!E3)"),
        "{err}"
    );
    assert!(err.contains("open the workbook in Excel"), "{err}");
}

/// `planc review` prints at most `--max-findings` findings of one code per file (50 by
/// default) and counts the rest, as `check` does: a huge export's errors stay readable.
#[test]
fn review_limits_findings_per_code() {
    let mut csv = String::from(HEADER);
    for _ in 0..300 {
        csv.push_str("sales,,,FY,1260,万元,\n");
    }
    let tmp = tiny_dir(&[("tiny-2026.actuals.csv", csv.as_bytes())]);
    let run = |extra: &[&str]| {
        let out = planc()
            .current_dir(tmp.path())
            .args([
                "review",
                "tiny.plan.yaml",
                "--actuals",
                "tiny-2026.actuals.csv",
                "--lang",
                "en",
            ])
            .args(extra)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let err = run(&[]);
    assert_eq!(
        err.matches("P804").count(),
        51,
        "50 shown and one count line:\n{err}"
    );
    assert!(err.contains("249 more"), "{err}");
    let err = run(&["--max-findings", "3"]);
    assert_eq!(err.matches("P804").count(), 4, "{err}");
    let err = run(&["--max-findings", "0"]);
    assert_eq!(err.matches("P804").count(), 299, "{err}");
}

/// A CSV saved by Excel on Chinese Windows ("CSV (逗号分隔)") is GB18030: read as such,
/// with one warning saying so, and the figures are the file's. Bytes that are neither
/// UTF-8 nor GB18030 are still refused, with help naming the file.
#[test]
fn a_gb18030_csv_is_read_and_said_so() {
    let text = "单位：万元\n项目,1月,2月,3月,4月,5月,6月,7月,8月,9月,10月,11月,12月\n年度销售额,80,80,80,100,100,100,100,100,100,120,120,120\n";
    let (gbk, _, unmappable) = encoding_rs::GB18030.encode(text);
    assert!(!unmappable);
    assert!(
        std::str::from_utf8(&gbk).is_err(),
        "the bytes are not UTF-8"
    );
    let tmp = tiny_dir(&[("tiny-2026.actuals.csv", &gbk)]);
    let (err, code) = check_dir(tmp.path(), "en");
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("it was read as GB18030 (GBK)"), "{err}");
    let v = figures(
        &tmp.path().join("tiny.plan.yaml"),
        &tmp.path().join("tiny-2026.actuals.csv"),
        None,
    );
    assert_eq!(
        v["targets"][0]["actual"]["value"], "12000000",
        "{}",
        v["targets"][0]
    );
    // A lone 0xFF is neither.
    let mut bad = gbk.to_vec();
    bad.extend_from_slice(b"\xff\n");
    let tmp = tiny_dir(&[("tiny-2026.actuals.csv", &bad)]);
    let (err, code) = check_dir(tmp.path(), "en");
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("tiny-2026.actuals.csv"), "{err}");
    assert!(err.contains("CSV UTF-8"), "{err}");
}

/// Blank, `-` and `—` among a row's figures are zero for that period, with one warning
/// counting them; blanks after the row's last figure are months not reported yet.
#[test]
fn blanks_and_dashes_among_figures_are_zero() {
    let head = "单位：万元\n项目,1月,2月,3月,4月,5月,6月,7月,8月,9月,10月,11月,12月\n";
    let csv = format!("{head}年度销售额,80,-,80,100,—,100,100,,100,120,120,120\n");
    let tmp = tiny_dir(&[("tiny-2026.actuals.csv", csv.as_bytes())]);
    let (err, code) = check_dir(tmp.path(), "en");
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("3 blank or `-` cells among a row's figures were read as 0"),
        "{err}"
    );
    let v = figures(
        &tmp.path().join("tiny.plan.yaml"),
        &tmp.path().join("tiny-2026.actuals.csv"),
        None,
    );
    assert_eq!(
        v["targets"][0]["actual"]["value"], "9200000",
        "{}",
        v["targets"][0]
    );
    // A year to date: October to December not reported yet, nothing read as zero.
    let csv = format!("{head}年度销售额,80,80,80,100,100,100,100,100,100,,,\n");
    let tmp = tiny_dir(&[("tiny-2026.actuals.csv", csv.as_bytes())]);
    let (err, _) = check_dir(tmp.path(), "en");
    assert!(!err.contains("read as 0"), "{err}");
    let v = figures(
        &tmp.path().join("tiny.plan.yaml"),
        &tmp.path().join("tiny-2026.actuals.csv"),
        None,
    );
    assert_eq!(
        v["targets"][0]["actual"]["value"], "8400000",
        "{}",
        v["targets"][0]
    );
}

/// Finance's hospital × month export: titles above the header (several filled cells),
/// columns named 省份 / 医院 / 月份 / 销售额, a footer; the rows finer than the plan are
/// summed exactly into the plan's provinces and months (one warning says how many),
/// never a duplicate-row error per row.
#[test]
fn a_hospital_by_month_export_is_summed_to_the_plan() {
    use rust_xlsxwriter::Workbook;
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("明细").unwrap();
    ws.write_string(0, 0, "2026年分医院销售明细").unwrap();
    ws.write_string(1, 0, "制表日期：2027-01-05").unwrap();
    ws.write_string(1, 5, "单位：万元").unwrap();
    for (c, h) in ["省份", "医院", "月份", "销售额"].iter().enumerate() {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    let hospitals = [
        ("江苏", "南京一院", 20.5),
        ("江苏", "南京二院", 30.0),
        ("江苏", "苏州一院", 7.25),
        ("浙江", "杭州一院", 25.0),
        ("浙江", "宁波一院", 16.75),
    ];
    let mut r = 3u32;
    for m in 1..=12 {
        for (p, h, v) in hospitals {
            ws.write_string(r, 0, p).unwrap();
            ws.write_string(r, 1, h).unwrap();
            ws.write_string(r, 2, format!("2026-{m:02}")).unwrap();
            ws.write_number(r, 3, v).unwrap();
            r += 1;
        }
    }
    ws.write_string(r + 1, 0, "注：数据来源CRM").unwrap();
    ws.write_string(r + 2, 0, "制表：销售运营部").unwrap();
    ws.write_string(r + 2, 2, "审核：财务部").unwrap();
    let book = wb.save_to_buffer().unwrap();
    let tmp = tiny_dir(&[("tiny-2026.actuals.xlsx", &book)]);
    let (err, code) = check_dir(tmp.path(), "en");
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("P804"), "{err}");
    assert!(
        err.contains("60 rows finer than the plan (by 医院) were summed into 24 figures"),
        "{err}"
    );
    let v = figures(
        &tmp.path().join("tiny.plan.yaml"),
        &tmp.path().join("tiny-2026.actuals.xlsx"),
        None,
    );
    let t = &v["targets"][0];
    // 江苏 (20.5 + 30 + 7.25) × 12 = 693万元; 浙江 (25 + 16.75) × 12 = 501万元.
    assert_eq!(t["actual"]["value"], "11940000", "{t}");
    let provinces = t["breakdowns"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["dimension"] == "province")
        .unwrap();
    let actual = |r: &str| {
        provinces["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["ref"] == r)
            .map(|i| i["actual"]["value"].clone())
    };
    assert_eq!(actual("jiangsu"), Some("6930000".into()));
    assert_eq!(actual("zhejiang"), Some("5010000".into()));
}

/// Units as the CRM names them (江苏省分公司, 浙江省区) join the plan's provinces.
#[test]
fn crm_names_of_provinces_join_the_plan() {
    let csv = "单位：万元\n省份,月份,销售额\n江苏省分公司,2026-01,60\n浙江省区,2026-01,40\n";
    let tmp = tiny_dir(&[("tiny-2026.actuals.csv", csv.as_bytes())]);
    let (err, _) = check_dir(tmp.path(), "en");
    assert!(!err.contains("P803"), "{err}");
    let v = figures(
        &tmp.path().join("tiny.plan.yaml"),
        &tmp.path().join("tiny-2026.actuals.csv"),
        None,
    );
    assert_eq!(
        v["targets"][0]["actual"]["value"], "1000000",
        "{}",
        v["targets"][0]
    );
}

/// Units in header cells (`一季度（万元）`), currency signs (`￥1,200.00`), accounting
/// negatives (`(20)`) and full-width digits are read as finance writes them.
#[test]
fn units_in_headers_and_finance_number_forms() {
    let csv = "省份,一季度（万元）,二季度（万元）,三季度（万元）,四季度（万元）\n\
江苏,\"￥100.00\",\"(20)\",２００,\"￥1,200.50\"\n浙江,50,50,50,50\n";
    let tmp = tiny_dir(&[("tiny-2026.actuals.csv", csv.as_bytes())]);
    let (err, code) = check_dir(tmp.path(), "en");
    assert_eq!(code, 0, "{err}");
    let v = figures(
        &tmp.path().join("tiny.plan.yaml"),
        &tmp.path().join("tiny-2026.actuals.csv"),
        None,
    );
    // 江苏 100 − 20 + 200 + 1200.5 = 1480.5万元; 浙江 200万元.
    assert_eq!(
        v["targets"][0]["actual"]["value"], "16805000",
        "{}",
        v["targets"][0]
    );
    assert!(
        err.contains("negative"),
        "the negative quarter is said: {err}"
    );
}

/// `planc actuals template`: the CSV template of a plan, filled in, is read back with no
/// finding at all, and the review's figures are the filled ones.
#[test]
fn the_csv_template_filled_in_reads_back_clean() {
    let tmp = tiny_dir(&[]);
    let out = planc()
        .current_dir(tmp.path())
        .args([
            "actuals",
            "template",
            "tiny.plan.yaml",
            "--format",
            "csv",
            "--lang",
            "en",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let path = tmp.path().join("tiny-2026.actuals.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    // Every row as wide as the header: 4 columns and 12 months.
    for line in text.lines().skip(1) {
        assert_eq!(line.split(',').count(), 16, "{line}");
    }
    let monthly = |metric: &str, item: &str| -> &'static str {
        match (metric, item) {
            ("年度销售额", "产品A") => "50",
            ("年度销售额", "产品B") => "30",
            ("年度销售额", "江苏") => "45",
            ("年度销售额", "浙江") => "35",
            ("新开发医院", _) => "2",
            ("目标医院覆盖率", _) => "91",
            ("费用率", _) => "4",
            ("库存周转天数占比", _) => "15",
            ("违规事件", _) => "0",
            other => panic!("a row the test does not expect: {other:?}"),
        }
    };
    let mut filled = String::new();
    for (i, line) in text.lines().enumerate() {
        if i < 2 {
            filled.push_str(line);
        } else {
            let cells: Vec<&str> = line.split(',').collect();
            let v = monthly(cells[0], cells[2]);
            filled.push_str(&cells[..4].join(","));
            for _ in 0..12 {
                filled.push(',');
                filled.push_str(v);
            }
        }
        filled.push('\n');
    }
    std::fs::write(&path, &filled).unwrap();
    let (err, code) = check_dir(tmp.path(), "en");
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("0 errors, 0 warnings"), "{err}\n{filled}");
    let v = figures(&tmp.path().join("tiny.plan.yaml"), &path, None);
    assert_eq!(
        v["targets"][0]["actual"]["value"], "9600000",
        "{}",
        v["targets"][0]
    );
    // Run again: an existing file is not replaced without --force.
    let again = planc()
        .current_dir(tmp.path())
        .args([
            "actuals",
            "template",
            "tiny.plan.yaml",
            "--format",
            "csv",
            "--lang",
            "en",
        ])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), filled);
}

/// The workbook template: its header locked (a protected sheet), its figure cells numbers
/// only (data validation), the plan id on a hidden sheet that the reader uses; filled in
/// with openpyxl (installed for the test when it can be), it is read back clean.
#[test]
fn the_workbook_template_is_protected_and_reads_back_clean() {
    let tmp = tiny_dir(&[]);
    let out = planc()
        .current_dir(tmp.path())
        .args([
            "actuals",
            "template",
            "tiny.plan.yaml",
            "-o",
            "finance.actuals.xlsx",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let path = tmp.path().join("finance.actuals.xlsx");
    let book = std::fs::read(&path).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&book[..])).unwrap();
    let mut sheet = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut sheet,
    )
    .unwrap();
    assert!(sheet.contains("<sheetProtection"), "the header is locked");
    assert!(
        sheet.contains("<dataValidation"),
        "figures are numbers only"
    );
    // Numbers only exactly on the figure cells: 9 rows (3–11) × 12 months (E–P).
    assert!(sheet.contains("sqref=\"E3:P11\""), "{sheet}");
    let mut wb = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/workbook.xml").unwrap(), &mut wb).unwrap();
    assert!(
        wb.contains("name=\"planc\"") && wb.contains("state=\"hidden\""),
        "{wb}"
    );
    // Named nothing like the plan, the file still finds it through the hidden sheet.
    let (err, code) = check_dir(tmp.path(), "en");
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("P811"), "{err}");
    // Fill it with openpyxl, a client nobody here wrote.
    let Some(python) = crate::util::openpyxl(tmp.path()) else {
        return;
    };
    let script = r#"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["实际"]
values = {"产品A": 50, "产品B": 30, "江苏": 45, "浙江": 35}
per_metric = {"新开发医院": 2, "目标医院覆盖率": 91, "费用率": 4, "库存周转天数占比": 15, "违规事件": 0}
for row in ws.iter_rows(min_row=3):
    metric, item = row[0].value, row[2].value
    v = values.get(item) if item else per_metric[metric]
    for cell in row[4:16]:
        cell.value = v
wb.save(sys.argv[1])
"#;
    let mut cmd = std::process::Command::new("python3");
    cmd.args(["-c", script]).arg(&path);
    if let Some(t) = &python {
        cmd.env("PYTHONPATH", t);
    }
    let status = cmd.status().unwrap();
    assert!(status.success());
    let (err, code) = check_dir(tmp.path(), "en");
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("0 errors, 0 warnings"), "{err}");
    let v = figures(&tmp.path().join("tiny.plan.yaml"), &path, None);
    assert_eq!(
        v["targets"][0]["actual"]["value"], "9600000",
        "{}",
        v["targets"][0]
    );
}

/// An `.xls` that is really tab-separated text (as some ERP systems save it) is read as
/// such; one that is an HTML page is refused, saying exactly what it is and what to do.
#[test]
fn an_xls_that_is_text_or_html() {
    let tsv = "指标\t期间\t实际\t单位\nsales\tFY\t1260\t万元\n";
    let tmp = tiny_dir(&[("tiny-2026.actuals.xls", tsv.as_bytes())]);
    let (err, code) = check_dir(tmp.path(), "en");
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("delimited text saved under a workbook's name"),
        "{err}"
    );
    let v = figures(
        &tmp.path().join("tiny.plan.yaml"),
        &tmp.path().join("tiny-2026.actuals.xls"),
        None,
    );
    assert_eq!(
        v["targets"][0]["actual"]["value"], "12600000",
        "{}",
        v["targets"][0]
    );
    let html = "<html><body><table><tr><td>指标</td><td>期间</td></tr></table></body></html>";
    let tmp = tiny_dir(&[("tiny-2026.actuals.xls", html.as_bytes())]);
    let (err, code) = check_dir(tmp.path(), "en");
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("is an HTML page saved under a workbook's name"),
        "{err}"
    );
    assert!(err.contains("Excel Workbook (*.xlsx)"), "{err}");
}

/// Round trip: random consistent monthly actuals for the tiny plan's provinces, written in
/// every layout planc reads — the long layout (CSV), the wide layout (CSV and a workbook),
/// finance's own layout with hospitals finer than the plan (CSV) — read back to the same
/// figures: each province's year, and the total.
mod round_trip {
    use proptest::prelude::*;

    use super::{figures, tiny_dir};

    /// 12 monthly values per province, in 万元 with up to two decimals (as cents).
    fn months() -> impl Strategy<Value = Vec<u32>> {
        prop::collection::vec(0u32..500_000, 12)
    }

    fn wan(cents: u32) -> String {
        rust_decimal::Decimal::new(i64::from(cents), 2)
            .normalize()
            .to_string()
    }

    fn long(js: &[u32], zj: &[u32]) -> String {
        let mut s = String::from("metric,dimension,item,period,value,unit\n");
        for (item, vals) in [("jiangsu", js), ("zhejiang", zj)] {
            for (m, v) in vals.iter().enumerate() {
                s.push_str(&format!(
                    "sales,province,{item},2026-{:02},{},万元\n",
                    m + 1,
                    wan(*v)
                ));
            }
        }
        s
    }

    fn wide(js: &[u32], zj: &[u32]) -> String {
        let mut s = String::from("单位：万元\n省份");
        for m in 1..=12 {
            s.push_str(&format!(",{m}月"));
        }
        s.push('\n');
        for (item, vals) in [("江苏", js), ("浙江", zj)] {
            s.push_str(item);
            for v in vals {
                s.push_str(&format!(",{}", wan(*v)));
            }
            s.push('\n');
        }
        s
    }

    /// Each month's value split over two hospitals (finer than the plan).
    fn detail(js: &[u32], zj: &[u32]) -> String {
        let mut s = String::from("2026年分医院销售明细\n单位：万元\n省份,医院,月份,销售额\n");
        for (item, vals) in [("江苏", js), ("浙江", zj)] {
            for (m, v) in vals.iter().enumerate() {
                let a = v / 3;
                s.push_str(&format!("{item},{item}一院,2026-{:02},{}\n", m + 1, wan(a)));
                s.push_str(&format!(
                    "{item},{item}二院,2026-{:02},{}\n",
                    m + 1,
                    wan(v - a)
                ));
            }
        }
        s
    }

    fn workbook(js: &[u32], zj: &[u32]) -> Vec<u8> {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        ws.write_string(0, 0, "单位：万元").unwrap();
        ws.write_string(1, 0, "省份").unwrap();
        for m in 1..=12u16 {
            ws.write_string(1, m, format!("{m}月")).unwrap();
        }
        for (r, (item, vals)) in [("江苏", js), ("浙江", zj)].into_iter().enumerate() {
            let r = r as u32 + 2;
            ws.write_string(r, 0, item).unwrap();
            for (m, v) in vals.iter().enumerate() {
                let d: f64 = wan(*v).parse().unwrap();
                ws.write_number(r, m as u16 + 1, d).unwrap();
            }
        }
        wb.save_to_buffer().unwrap()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4, ..ProptestConfig::default() })]

        #[test]
        fn every_layout_reads_back_the_same_figures(js in months(), zj in months()) {
            let yuan = |v: &[u32]| (v.iter().map(|c| u64::from(*c)).sum::<u64>() * 100).to_string();
            let total = (js.iter().chain(&zj).map(|c| u64::from(*c)).sum::<u64>() * 100).to_string();
            let files: Vec<(&str, Vec<u8>)> = vec![
                ("tiny-2026.actuals.csv", long(&js, &zj).into_bytes()),
                ("tiny-2026.actuals.csv", wide(&js, &zj).into_bytes()),
                ("tiny-2026.actuals.csv", detail(&js, &zj).into_bytes()),
                ("tiny-2026.actuals.xlsx", workbook(&js, &zj)),
            ];
            for (name, bytes) in files {
                let tmp = tiny_dir(&[(name, &bytes)]);
                let v = figures(&tmp.path().join("tiny.plan.yaml"), &tmp.path().join(name), None);
                let t = &v["targets"][0];
                prop_assert_eq!(&t["actual"]["value"], &serde_json::Value::from(total.clone()), "{}", name);
                let provinces = t["breakdowns"].as_array().unwrap().iter()
                    .find(|b| b["dimension"] == "province").unwrap();
                for (item, vals) in [("jiangsu", &js), ("zhejiang", &zj)] {
                    let got = provinces["items"].as_array().unwrap().iter()
                        .find(|i| i["ref"] == item).map(|i| i["actual"]["value"].clone());
                    prop_assert_eq!(got, Some(serde_json::Value::from(yuan(vals))), "{} {}", name, item);
                }
            }
        }
    }
}

/// A header with only a period and an amount, and no item column named by a dimension,
/// is refused with the columns it lacks (never read as finance's layout); a note row that
/// mentions 期间 above the real header is not taken for it.
#[test]
fn p810_headers_that_are_not_finances_layout() {
    let (err, code) =
        check_in_temp(&[("tiny-2026.actuals.csv", "期间,实际\nFY,1260\n".as_bytes())]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("has no `metric`"), "{err}");
    let csv = "期间,2026年全年\n指标,期间,实际,单位\nsales,FY,1260,万元\n";
    let (err, code) = check_in_temp(&[("tiny-2026.actuals.csv", csv.as_bytes())]);
    assert_eq!(code, 0, "{err}");
    let tmp = tiny_dir(&[("tiny-2026.actuals.csv", csv.as_bytes())]);
    let v = figures(
        &tmp.path().join("tiny.plan.yaml"),
        &tmp.path().join("tiny-2026.actuals.csv"),
        None,
    );
    assert_eq!(
        v["targets"][0]["actual"]["value"], "12600000",
        "{}",
        v["targets"][0]
    );
}

/// Names the CRM uses that are no suffix of the plan's (`苏州办事处` for 江苏) join through
/// `aliases` declared once on the plan's region.
#[test]
fn aliases_declared_on_the_plan_join_crm_names() {
    let tmp = tiny_dir(&[(
        "tiny-2026.actuals.csv",
        "单位：万元\n省份,月份,销售额\n苏州办事处,2026-01,60\n浙江,2026-01,40\n".as_bytes(),
    )]);
    let plan = tmp.path().join("tiny.plan.yaml");
    let text = std::fs::read_to_string(&plan).unwrap();
    let (err, code) = check_dir(tmp.path(), "en");
    assert_eq!(code, 1, "without the alias the row names nothing: {err}");
    assert!(err.contains("苏州办事处"), "{err}");
    let with = text.replacen(
        "- { id: jiangsu, name: 江苏 }",
        "- { id: jiangsu, name: 江苏, aliases: [苏州办事处] }",
        1,
    );
    assert_ne!(with, text);
    std::fs::write(&plan, with).unwrap();
    let (err, code) = check_dir(tmp.path(), "en");
    assert_eq!(code, 0, "{err}");
    let v = figures(&plan, &tmp.path().join("tiny-2026.actuals.csv"), None);
    assert_eq!(
        v["targets"][0]["actual"]["value"], "1000000",
        "{}",
        v["targets"][0]
    );
}

/// The template speaks the plan's language: an English plan gets English column names
/// (and still reads back), a Chinese one Chinese.
#[test]
fn the_template_speaks_the_plans_language() {
    let tmp = tiny_dir(&[]);
    let plan = tmp.path().join("tiny.plan.yaml");
    let text = std::fs::read_to_string(&plan).unwrap();
    let header = |dir: &std::path::Path| {
        let out = planc()
            .current_dir(dir)
            .args([
                "actuals",
                "template",
                "tiny.plan.yaml",
                "--format",
                "csv",
                "--force",
            ])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let csv = std::fs::read_to_string(dir.join("tiny-2026.actuals.csv")).unwrap();
        csv.lines().nth(1).unwrap().to_owned()
    };
    assert!(
        header(tmp.path()).starts_with("指标,维度,项目,单位,1月"),
        "{}",
        header(tmp.path())
    );
    std::fs::write(
        &plan,
        text.replacen("unit: 万元\n", "unit: 万元\nlang: en\n", 1),
    )
    .unwrap();
    let h = header(tmp.path());
    assert!(h.starts_with("metric,dimension,item,unit,1月"), "{h}");
}

/// Two-row headers as finance's reports merge them: `2026年` over Q1–Q4 with `省份` above
/// the blank label cell, and each quarter over 目标 / 实际 / 达成率 — the 实际 columns are
/// read, the others are not.
#[test]
fn two_row_headers_are_read() {
    let year_over_quarters =
        "单位：万元\n省份,2026年,,,\n,Q1,Q2,Q3,Q4\n江苏,160,180,170,190\n浙江,100,120,110,130\n";
    let split_quarters = "单位：万元\n省份,一季度,,,二季度,,,三季度,,,四季度,,\n\
,目标,实际,达成率,目标,实际,达成率,目标,实际,达成率,目标,实际,达成率\n\
江苏,150,160,106.7%,180,180,100%,170,170,100%,200,190,95%\n\
浙江,100,100,100%,120,120,100%,110,110,100%,130,130,100%\n";
    for csv in [year_over_quarters, split_quarters] {
        let tmp = tiny_dir(&[("tiny-2026.actuals.csv", csv.as_bytes())]);
        let (err, code) = check_dir(tmp.path(), "en");
        assert_eq!(code, 0, "{err}\n{csv}");
        let v = figures(
            &tmp.path().join("tiny.plan.yaml"),
            &tmp.path().join("tiny-2026.actuals.csv"),
            None,
        );
        let t = &v["targets"][0];
        assert_eq!(t["actual"]["value"], "11600000", "{t}\n{csv}");
    }
}

/// The template has a row for a target without a split (新开发医院) and, for a fiscal
/// year (April to March), one column per month named by its year and month.
#[test]
fn the_template_rows_and_fiscal_months() {
    let tmp = tiny_dir(&[]);
    let run = |dir: &std::path::Path| {
        let out = planc()
            .current_dir(dir)
            .args([
                "actuals",
                "template",
                "tiny.plan.yaml",
                "--format",
                "csv",
                "--force",
            ])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        std::fs::read_to_string(dir.join("tiny-2026.actuals.csv")).unwrap()
    };
    let csv = run(tmp.path());
    assert!(csv.contains("\n新开发医院,,,家,"), "{csv}");
    let plan = tmp.path().join("tiny.plan.yaml");
    let text = std::fs::read_to_string(&plan).unwrap();
    let fiscal = text
        .replacen("start: 2026-01-01", "start: 2026-04-01", 1)
        .replacen("end: 2026-12-31", "end: 2027-03-31", 1);
    assert_ne!(fiscal, text);
    std::fs::write(&plan, fiscal).unwrap();
    let csv = run(tmp.path());
    let header = csv.lines().nth(1).unwrap();
    assert!(
        header.starts_with("指标,维度,项目,单位,2026-04,2026-05"),
        "{header}"
    );
    assert!(header.ends_with(",2027-03"), "{header}");
}

/// Half years as ERP systems write them (`上半年`, `H2`): a half beside its quarters is a
/// subtotal (the quarters are read, a half that disagrees is an error); halves alone are
/// the figures.
#[test]
fn p809_half_years_beside_and_instead_of_quarters() {
    let header = "单位：万元\n项目,一季度,二季度,上半年,三季度,四季度,下半年,合计\n";
    let good = format!("{header}年度销售额,240,300,540,300,360,660,1200\n");
    let tmp = tiny_dir(&[("tiny-2026.actuals.csv", good.as_bytes())]);
    let (err, code) = check_dir(tmp.path(), "en");
    assert_eq!(code, 0, "{err}");
    let v = figures(
        &tmp.path().join("tiny.plan.yaml"),
        &tmp.path().join("tiny-2026.actuals.csv"),
        None,
    );
    assert_eq!(
        v["targets"][0]["actual"]["value"], "12000000",
        "{}",
        v["targets"][0]
    );
    let bad = good.replacen(",540,", ",560,", 1);
    let tmp = tiny_dir(&[("tiny-2026.actuals.csv", bad.as_bytes())]);
    let (err, code) = check_dir(tmp.path(), "zh");
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("的 H1 为 560万元，但其两个季度合计为 540万元"),
        "{err}"
    );
    let halves = "单位：万元\n项目,2026H1,2026H2\n年度销售额,540,660\n";
    let tmp = tiny_dir(&[("tiny-2026.actuals.csv", halves.as_bytes())]);
    let (err, code) = check_dir(tmp.path(), "en");
    assert_eq!(code, 0, "{err}");
    let v = figures(
        &tmp.path().join("tiny.plan.yaml"),
        &tmp.path().join("tiny-2026.actuals.csv"),
        None,
    );
    assert_eq!(
        v["targets"][0]["actual"]["value"], "12000000",
        "{}",
        v["targets"][0]
    );
}

/// Names declared once in `planc.toml` under `[aliases]`, by item id or by name, join
/// the plan's items; without them the export's codes are unknown items.
#[test]
fn aliases_in_planc_toml_join_the_plan() {
    let csv = "单位：万元\n省份,月份,销售额\nJS01,2026-01,60\nZJ01,2026-01,40\n";
    let tmp = tiny_dir(&[("tiny-2026.actuals.csv", csv.as_bytes())]);
    let (err, code) = check_dir(tmp.path(), "en");
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("P803"), "{err}");
    std::fs::write(
        tmp.path().join("planc.toml"),
        "[aliases]\njiangsu = [\"JS01\", \"江苏省公司\"]\n\"浙江\" = \"ZJ01\"\n",
    )
    .unwrap();
    let (err, code) = check_dir(tmp.path(), "en");
    assert_eq!(code, 0, "{err}");
    let v = figures(
        &tmp.path().join("tiny.plan.yaml"),
        &tmp.path().join("tiny-2026.actuals.csv"),
        None,
    );
    assert_eq!(
        v["targets"][0]["actual"]["value"], "1000000",
        "{}",
        v["targets"][0]
    );
}

/// P815: the 目标 an export states beside its 实际 is checked against the plan's figure for
/// the same cell and period (the quarter split of the target, the item's value for the
/// year); a target with no plan figure to compare is counted, never passed over.
#[test]
fn p815_export_targets_are_checked_against_the_plan() {
    let quarters = "单位：万元\n项目,一季度,,,二季度,,,三季度,,,四季度,,\n\
,目标,实际,达成率,目标,实际,达成率,目标,实际,达成率,目标,实际,达成率\n\
年度销售额,240,250,104%,300,310,103%,300,290,97%,360,350,97%\n";
    let tmp = tiny_dir(&[("tiny-2026.actuals.csv", quarters.as_bytes())]);
    let (err, code) = check_dir(tmp.path(), "en");
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("P815"), "{err}");
    let v = figures(
        &tmp.path().join("tiny.plan.yaml"),
        &tmp.path().join("tiny-2026.actuals.csv"),
        None,
    );
    assert_eq!(v["targets"][0]["actual"]["value"], "12000000");

    let other_plan = quarters.replacen(",300,310,", ",320,310,", 1);
    let tmp = tiny_dir(&[("tiny-2026.actuals.csv", other_plan.as_bytes())]);
    let (err, _) = check_dir(tmp.path(), "en");
    assert!(
        err.contains(
            "the export states a target of 320万元 for `sales` › Q2, but the plan's is 300万元"
        ),
        "{err}"
    );
    assert_eq!(err.matches("P815").count(), 1, "{err}");
    // Still read: the actual, never the target.
    let v = figures(
        &tmp.path().join("tiny.plan.yaml"),
        &tmp.path().join("tiny-2026.actuals.csv"),
        None,
    );
    assert_eq!(v["targets"][0]["actual"]["value"], "12000000");

    // The long layout's 目标 column, for the year; provinces have no quarter split, so a
    // quarter's target is counted as not compared.
    let long = "单位：万元\n省份,期间,目标,实际\n江苏,全年,700,710\n浙江,全年,520,490\n";
    let tmp = tiny_dir(&[("tiny-2026.actuals.csv", long.as_bytes())]);
    let (err, _) = check_dir(tmp.path(), "zh");
    assert!(
        err.contains(
            "导出文件中 `sales` › 省份 `zhejiang` › FY 的目标为 520万元，但计划中为 500万元"
        ),
        "{err}"
    );
    assert!(!err.contains("`jiangsu` › FY 的目标"), "{err}");
    let quarter = "单位：万元\n省份,期间,目标,实际\n江苏,Q1,150,160\n浙江,Q1,100,100\n";
    let tmp = tiny_dir(&[("tiny-2026.actuals.csv", quarter.as_bytes())]);
    let (err, _) = check_dir(tmp.path(), "en");
    assert!(
        err.contains("2 targets the export states were not compared"),
        "{err}"
    );
}

/// A half given beside only one of its quarters: the quarter is the figure and the other
/// quarter is missing (P807), never silently left out of the year.
#[test]
fn p807_a_half_beside_one_of_its_quarters() {
    let csv = "单位：万元\n项目,一季度,上半年,三季度,四季度\n年度销售额,240,540,300,360\n";
    let tmp = tiny_dir(&[("tiny-2026.actuals.csv", csv.as_bytes())]);
    let (err, code) = check_dir(tmp.path(), "en");
    assert!(err.contains("P807"), "{err}");
    assert!(err.contains("but not for Q2"), "{err}");
    assert_ne!(code, 0, "{err}");
}

/// P815 allows `[tolerance] money` for money targets, as the sums do.
#[test]
fn p815_allows_the_money_tolerance() {
    let csv = "单位：万元\n项目,一季度,,,二季度,,,三季度,,,四季度,,\n\
,目标,实际,达成率,目标,实际,达成率,目标,实际,达成率,目标,实际,达成率\n\
年度销售额,240,250,104%,310,310,100%,300,290,97%,360,350,97%\n";
    let tmp = tiny_dir(&[("tiny-2026.actuals.csv", csv.as_bytes())]);
    let (err, _) = check_dir(tmp.path(), "en");
    assert_eq!(err.matches("P815").count(), 1, "{err}");
    std::fs::write(
        tmp.path().join("planc.toml"),
        "[tolerance]\nmoney = \"10万元\"\n",
    )
    .unwrap();
    let (err, _) = check_dir(tmp.path(), "en");
    assert!(!err.contains("P815"), "{err}");
}
