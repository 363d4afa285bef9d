//! What planc ships for other tools, checked by those tools: the pre-commit hook manifest
//! by pre-commit, the GitHub Action's metadata by check-jsonschema's copy of SchemaStore's
//! schema, and the plan schema against every example by check-jsonschema. The tools are
//! installed from PyPI into `target/tools/py` on first use; without them the tests skip,
//! saying why.

use std::path::PathBuf;
use std::process::Command;

use crate::util::{plans_under, root};

/// A virtual environment with pre-commit and check-jsonschema.
fn python_tools() -> Option<PathBuf> {
    let venv = root().join("target/tools/py");
    let bin = venv.join("bin");
    if !(bin.join("pre-commit").exists() && bin.join("check-jsonschema").exists()) {
        let made = Command::new("python3")
            .args(["-m", "venv"])
            .arg(&venv)
            .status()
            .is_ok_and(|s| s.success());
        let installed = made
            && Command::new(bin.join("pip"))
                .args(["install", "--quiet", "--disable-pip-version-check"])
                .args(["pre-commit>=3,<5", "check-jsonschema>=0.28,<1"])
                .status()
                .is_ok_and(|s| s.success());
        if !installed {
            eprintln!("SKIPPED: pre-commit and check-jsonschema could not be installed from PyPI");
            return None;
        }
    }
    Some(bin)
}

fn run(cmd: &mut Command) -> (bool, String) {
    let out = cmd.current_dir(root()).output().expect("runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

#[test]
fn pre_commit_accepts_the_hook_manifest() {
    let Some(bin) = python_tools() else { return };
    let (ok, text) =
        run(Command::new(bin.join("pre-commit"))
            .args(["validate-manifest", ".pre-commit-hooks.yaml"]));
    assert!(ok, "{text}");
    let manifest = std::fs::read_to_string(root().join(".pre-commit-hooks.yaml")).unwrap();
    for id in ["planc-check", "planc-check-strict"] {
        assert!(manifest.contains(&format!("- id: {id}")), "hook {id}");
    }
}

#[test]
fn the_action_metadata_follows_githubs_schema() {
    let Some(bin) = python_tools() else { return };
    let (ok, text) = run(Command::new(bin.join("check-jsonschema")).args([
        "--builtin-schema",
        "vendor.github-actions",
        "action.yml",
    ]));
    assert!(ok, "{text}");
}

#[test]
fn check_jsonschema_accepts_every_example_against_the_plan_schema() {
    let Some(bin) = python_tools() else { return };
    let plans = plans_under(&root().join("examples"));
    assert!(plans.len() >= 10, "{plans:?}");
    let (ok, text) = run(Command::new(bin.join("check-jsonschema"))
        .args(["--schemafile", "schemas/plan.schema.json"])
        .args(&plans));
    assert!(ok, "{text}");
    // And it rejects what the schema forbids, so the pass above means something.
    let tmp = tempfile::tempdir().unwrap();
    let bad = tmp.path().join("bad.plan.yaml");
    std::fs::write(&bad, "kind: regional\nid: x\ntitle: x\n").unwrap();
    let (ok, text) = run(Command::new(bin.join("check-jsonschema"))
        .args(["--schemafile", "schemas/plan.schema.json"])
        .arg(&bad));
    assert!(!ok, "{text}");
}

/// Slow (a release build): `cargo test -- --ignored wheel`. Builds the wheel with
/// maturin, installs it into a fresh virtual environment (no Rust on PATH there is
/// needed) and checks the bundled examples with the installed `planc`.
#[test]
#[ignore = "builds a release wheel; run with --ignored"]
fn the_wheel_installs_planc_into_a_fresh_venv() {
    let out = Command::new("bash")
        .arg(root().join("scripts/build-wheel.sh"))
        .arg("--test")
        .current_dir(root())
        .output()
        .expect("runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{text}");
    assert!(text.contains("installed: planc 0.1.0"), "{text}");
    assert!(text.contains("0 errors"), "{text}");
}

#[test]
fn the_workflow_planc_init_writes_follows_githubs_schema() {
    let Some(bin) = python_tools() else { return };
    let tmp = tempfile::tempdir().unwrap();
    crate::util::planc()
        .current_dir(tmp.path())
        .args(["init", "--kind", "company"])
        .assert()
        .success();
    let workflow = tmp.path().join(".github/workflows/planc.yml");
    assert!(workflow.exists());
    let (ok, text) = run(Command::new(bin.join("check-jsonschema"))
        .args(["--builtin-schema", "vendor.github-workflows"])
        .arg(&workflow));
    assert!(ok, "{text}");
}

/// The release workflow (wheels for every platform on a version tag) is a valid GitHub
/// workflow.
#[test]
fn the_release_workflow_follows_githubs_schema() {
    let Some(bin) = python_tools() else { return };
    let workflow = root().join(".github/workflows/release.yml");
    let (ok, text) = run(Command::new(bin.join("check-jsonschema"))
        .args(["--builtin-schema", "vendor.github-workflows"])
        .arg(&workflow));
    assert!(ok, "{text}");
    let yaml = std::fs::read_to_string(&workflow).unwrap();
    for needed in [
        "aarch64",
        "musllinux",
        "macos",
        "windows",
        "SHA256SUMS",
        "tags",
    ] {
        assert!(yaml.contains(needed), "{needed}");
    }
}
