# Excel out and back (下发/回收): `planc export` and `planc import`.

xchg-not-an-export = not a workbook `planc export` wrote (its hidden `planc` sheet is missing)
xchg-unreadable = cannot read the workbook: { $reason }
xchg-unknown-sheet = sheet `{ $sheet }` is not one planc exported: edits belong in the exported sheets
xchg-missing-sheet = sheet `{ $sheet }` of the export is missing from the workbook
xchg-plan-unreadable = { $cell }: cannot read the plan { $path }: { $reason }
xchg-not-a-plan = it no longer loads as a plan
xchg-plan-changed = { $cell }: { $path } changed since the export (the hash there is of the exported text); export again and copy the figures into the new workbook
xchg-plan-id = { $cell }: { $path } is no longer the plan `{ $id }` that was exported
xchg-locked-changed = { $cell } is locked and was changed: `{ $old }` → `{ $new }`
xchg-formula-changed = { $cell } is a formula and was changed: `{ $old }` → `{ $new }`
xchg-input-formula = { $cell } takes a figure, not a formula (`{ $new }`)
xchg-input-not-a-number = { $cell } takes a figure in the sheet's unit, not `{ $new }`
xchg-item-gone = { $cell }: its item is no longer in the plan
xchg-outside = { $cell } is outside the plan's cells (`{ $new }`): only the white input cells are read back
xchg-empty = (empty)
xchg-cli-refused = { $path }: nothing imported — { $count } problem(s):
xchg-cli-refusal = { "  " }{ $message }
xchg-cli-plan = { $path }: { $count } cell(s) changed
xchg-cli-change = { "  " }{ $cell } { $label }: { $old } → { $new }
xchg-cli-none = no cell changed: the plans already hold the workbook's figures
xchg-cli-summary = { $count } cell(s) imported into { $files } plan(s)
xchg-cli-summary-diff = { $count } cell(s) would be imported into { $files } plan(s)
xchg-cli-written = wrote { $path } ({ $sheets } sheet(s))
xchg-cli-no-plans = no plan to export under the path(s) given
xchg-cli-unknown-for = no plan with id `{ $id }` under the path(s) given
xchg-cli-format = only `--format xlsx` is supported
