//! Code actions: the fixes findings carry ([`Finding::fix`](crate::diagnostics::Finding)),
//! the same list `planc fix` applies — a quick fix per fixable finding under the cursor
//! (unsafe ones say so and are never preferred), and `source.fixAll.planc`, every safe fix
//! of the file at once, as `planc fix` would write it.

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, Diagnostic, NumberOrString,
    TextEdit, Url, WorkspaceEdit,
};

use super::convert::{path_of, LineIndex};
use super::Snapshot;
use crate::diagnostics::{Finding, Safety};

/// The kind of the "fix everything safe" action (`source.fixAll.planc`, like ruff's).
pub fn fix_all_kind() -> CodeActionKind {
    CodeActionKind::new("source.fixAll.planc")
}

/// The code actions for a range of a document.
pub fn code_actions(snap: &Snapshot, p: &CodeActionParams) -> Vec<CodeActionOrCommand> {
    let uri = &p.text_document.uri;
    let Some(path) = path_of(uri) else {
        return Vec::new();
    };
    let Some(text) = snap.text(&path) else {
        return Vec::new();
    };
    let lang = snap.lang(&path, &text);
    let report = snap.report(&path, &text);
    let index = LineIndex::new(&text, snap.encoding);
    let (from, to) = (index.offset(p.range.start), index.offset(p.range.end));
    let only = p.context.only.as_deref();
    let wants = |kind: &CodeActionKind| {
        only.is_none_or(|o| {
            o.iter().any(|k| {
                kind.as_str() == k.as_str()
                    || kind.as_str().starts_with(&format!("{}.", k.as_str()))
            })
        })
    };
    let mut out = Vec::new();
    if wants(&CodeActionKind::QUICKFIX) {
        for f in report.findings.iter().filter(|f| f.suppressed.is_none()) {
            let Some(fix) = &f.fix else { continue };
            let span = f.primary.span;
            // The finding's value touches the requested range (a cursor is an empty range).
            if span.end < from || span.start > to {
                continue;
            }
            // The same verification as `planc fix`: a fix that would not resolve its
            // finding, or would raise another, is not offered.
            if crate::fix::verify(&path, &text, &report, f, snap.config).is_err() {
                continue;
            }
            let edits = fix
                .edits
                .iter()
                .map(|e| TextEdit {
                    range: index.range(e.span),
                    new_text: e.replacement.clone(),
                })
                .collect();
            let safe = fix.safety == Safety::Safe;
            let title = if safe {
                fix.message.clone()
            } else {
                crate::t_in!(lang, "lsp-fix-unsafe", message = fix.message.clone())
            };
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(matching(&p.context.diagnostics, f, &index)),
                edit: Some(edit(uri, edits)),
                is_preferred: Some(safe),
                ..CodeAction::default()
            }));
        }
    }
    let fixable = report
        .findings
        .iter()
        .filter(|f| f.suppressed.is_none())
        .filter(|f| f.fix.as_ref().is_some_and(|x| x.safety == Safety::Safe))
        .count();
    if fixable > 0 && wants(&fix_all_kind()) {
        let fixed = crate::fix::fix_text(&path, &text, snap.config, false);
        if !fixed.untouchable && fixed.fixed != text {
            let whole = TextEdit {
                range: index.range(crate::source::Span {
                    start: 0,
                    end: text.len(),
                }),
                new_text: fixed.fixed,
            };
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: crate::t_in!(lang, "lsp-fix-all", count = fixed.applied.len()),
                kind: Some(fix_all_kind()),
                edit: Some(edit(uri, vec![whole])),
                ..CodeAction::default()
            }));
        }
    }
    out
}

fn edit(uri: &Url, edits: Vec<TextEdit>) -> WorkspaceEdit {
    let mut changes = HashMap::new();
    changes.insert(uri.clone(), edits);
    WorkspaceEdit {
        changes: Some(changes),
        ..WorkspaceEdit::default()
    }
}

/// The client's diagnostics this action resolves: same code, same range.
fn matching(diags: &[Diagnostic], f: &Finding, index: &LineIndex) -> Vec<Diagnostic> {
    let range = index.range(f.primary.span);
    diags
        .iter()
        .filter(|d| d.range == range && d.code == Some(NumberOrString::String(f.code.to_owned())))
        .cloned()
        .collect()
}
