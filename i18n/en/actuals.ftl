## actuals messages (en): reading actuals files (YAML, CSV, XLSX) and joining their rows
## to the plan (P801–P810). Figures, cell references and lists arrive already formatted.

## Shared pieces
actuals-did-you-mean = did you mean `{ $suggestion }`?
actuals-list-sep = {", "}
# The last two items of a list: `Q1, Q2 and Q4`.
actuals-list-and = { $rest } and { $last }
# A workbook cell after a message: ` (Sheet1!C5)`.
actuals-at-cell = {" "}({ $cell })
# A breakdown dimension as written in the plan (`province`, `product` …).
actuals-dimension = { $dim }
# Where a figure sits: `sales` › province `jiangsu` › Q3.
actuals-cell = `{ $metric }` › { $dim } `{ $item }`
actuals-encoding = { $path }: { $message }

## Units a metric expects, and units found
actuals-expect-money = money (元, 万元 or 亿元)
actuals-expect-percent = a percentage
actuals-expect-count = a count in { $unit }
actuals-expect-bare = a plain number
actuals-found-bare = a bare number
actuals-found-money = money ({ $unit })

## Reading CSV and workbooks (P810)
actuals-column-twice = two columns give `{ $field }`{ $at }
actuals-column-twice-label = second column
actuals-column-twice-first = first column
actuals-column-twice-help = keep one of them
actuals-column-unread = column `{ $column }` is not read{ $at }
actuals-column-unread-label = not a column planc knows
actuals-header-missing = the header (row { $row }) has no { $columns } { $count ->
        [one] column
       *[other] columns
    }
actuals-header-found = found: { $columns }
actuals-header-help = the long layout has the columns metric, dimension, item, period, value, unit, last_year (or 指标, 维度, 项目, 期间/月份, 实际/金额/销售额, 单位, 同期); finance's own layout names the items' column by its dimension (省份, 产品, 医院, 代表) beside 月份 and 销售额; the wide layout has one column per month or quarter (1月 … 12月, 一季度 … 四季度)
actuals-row-extra-cells = row { $row } has more cells than the header has columns{ $at }
actuals-row-extra-cells-label = no column for this cell
actuals-row-extra-cells-help = quote cells that contain a comma: "1,200"
actuals-row-incomplete = row { $row } has no { $fields }{ $at }
actuals-row-incomplete-label = incomplete row
actuals-no-rows = the file holds no rows
actuals-no-rows-help = the first line is the header: metric,dimension,item,period,value,unit
actuals-workbook-unreadable = cannot open { $path } as a workbook: { $reason }
actuals-workbook-unreadable-help = save it from Excel or WPS as .xlsx, or export it as CSV (UTF-8)
actuals-workbook-unpacks-too-large = it unpacks to more than { $limit } MB (four times the file-size limit, --max-file-mb)
actuals-workbook-too-many-cells = sheet { $sheet } is too large for planc: more than { $rows } rows or { $cells } cells, or cells spanning too large a rectangle (export the rows for this plan only, or as CSV)
actuals-workbook-no-sheets = { $path } has no sheets
actuals-sheet-no-rows = sheet `{ $sheet }` holds no rows

## The wide layout: one row per item, one column per month or quarter
actuals-wide-no-label = the header (row { $row }) has month or quarter columns but no column naming what each row is
actuals-wide-no-label-label = periods, but no `metric`, `item` or dimension column
actuals-wide-no-label-help = add a first column: `metric` (指标) with target or KPI ids, or a dimension such as `province` (省份) or `product` (产品)
actuals-wide-total-months = row { $row }: the months add up to { $sum }, but `{ $column }` says { $total }{ $at }
actuals-wide-total-quarters = row { $row }: the quarters add up to { $sum }, but `{ $column }` says { $total }{ $at }
actuals-wide-total-label = not the sum of the row
actuals-wide-total-help = a total column is checked, not read: correct it, or the month or quarter that is wrong
actuals-wide-metric-none = no target of `{ $plan }` is broken down by `{ $dim }`{ $at }
actuals-wide-metric-none-label = which target are these figures for?
actuals-wide-metric-none-help = add a `metric` (指标) column with the target's id, or head this column with a dimension of the target
actuals-wide-metric-several = several targets are broken down by `{ $dim }` ({ $targets }){ $at }
actuals-wide-metric-several-label = which target are these figures for?
actuals-wide-metric-several-help = add a `metric` (指标) column with the target's id
actuals-wide-item-as-metric-help = without a `metric` column, the `{ $column }` column names metrics; `{ $item }` is an item of `{ $dim }`: head the column `{ $dim }`, or add a `metric` column
actuals-wide-last-year = the `{ $column }` column is not read in the wide layout{ $at }
actuals-wide-last-year-help = last year's figures need the long layout: one row per period, with a `last_year` column

## YAML actuals
actuals-yaml-not-mapping = an actuals file is a mapping with `plan`, `as_of`, `unit` and `rows`
actuals-yaml-not-mapping-label = not a mapping
actuals-yaml-unknown-field = unknown field `{ $field }` in an actuals file
actuals-yaml-unknown-field-label = not a field here
actuals-yaml-fields = fields allowed here: { $fields }
actuals-yaml-as-of = `as_of: { $value }` is not a date
actuals-yaml-as-of-label = expected YYYY-MM-DD
actuals-yaml-as-of-help = write the last day the figures cover, e.g. `2026-09-30`
actuals-yaml-unit = `unit: { $value }` is not a money unit
actuals-yaml-unit-label = expected 元, 万元 or 亿元
actuals-yaml-unit-help = `unit` sets the money unit of bare amounts; give other units per row
actuals-yaml-no-rows = an actuals file needs `rows`
actuals-yaml-no-rows-help = add `rows:` with one entry per metric, item and period
actuals-yaml-rows-not-list = `rows` must be a list
actuals-yaml-rows-not-list-label = not a list
actuals-yaml-row = row { $row }: { $message }
actuals-yaml-field = `{ $field }`: { $message }

## Periods
actuals-period-quarters = the plan period has quarters Q1–Q{ $last }
actuals-period-months = the plan period has months M01–M{ $last }
actuals-period-outside = { $period } is outside the plan period { $start } – { $end }
actuals-period-ambiguous-month = `{ $period }` is a month of more than one year of the plan period; write it with its year, e.g. `{ $example }`
actuals-period-expected = expected `FY`, a quarter `Q1`–`Q4`, or a month such as `2026-03`

## P801 unknown-metric
p801-message = unknown metric `{ $metric }`{ $at }
p801-label = not a target or KPI of `{ $plan }`
p801-help-ids = metrics are target and KPI ids: { $ids }

## P802 unknown-dimension
p802-no-dimension = item `{ $item }` has no dimension{ $at }
p802-no-dimension-label = which breakdown is this an item of?
p802-no-dimension-help = add `dimension: { $dim }`
p802-no-dimension-help-any = add the dimension, e.g. `product` or `province`
p802-no-item = dimension `{ $dim }` without an item{ $at }
p802-no-item-label = no item
p802-no-item-help = give the item, or leave both empty for the metric's total
p802-kpi = KPI `{ $metric }` has no breakdowns{ $at }
p802-kpi-label = KPIs are reported as a whole
p802-kpi-help = leave dimension and item empty for a KPI
p802-unknown = `{ $metric }` is not broken down by `{ $dim }`{ $at }
p802-unknown-label = no such breakdown in the plan
p802-unknown-help = `{ $metric }` is broken down by: { $dims }

## P803 unknown-item
p803-message = unknown { $dim } `{ $item }` for `{ $metric }`{ $at }
p803-label-segment = not an item of the segment `{ $dim }`
p803-label = not an item of the plan's `{ $dim }` breakdown
p803-help-items = items of `{ $dim }`: { $items }

## P804 duplicate-actual
p804-message = a second actual for { $cell }{ $at }
p804-label = given again here
p804-label-first = first given here
p804-help = row { $row } already gives it; keep one of the two
p804-help-other-file = { $file } row { $row } already gives it; keep one of the two

## P805 actual-unit
p805-not-number = `{ $value }` is not a number{ $at }
p805-not-number-label = expected a number, e.g. 9.35亿元 or 93%
p805-unit-column = `{ $value }` and the unit `{ $unit }` disagree{ $at }
p805-unit-column-label = written in { $written }
p805-unit-column-label-column = unit column
p805-unit-column-help = write the number bare, or drop the unit column's value
p805-mismatch = `{ $metric }` expects { $expected }, found { $found }{ $at }
p805-mismatch-label = not comparable with the target { $target }
p805-mismatch-help-unit = give the unit: a `unit` column (元, 万元 or 亿元), or write it after the number (9.35亿元)
p805-mismatch-help = give the figure as { $expected }

## P806 bad-period
p806-message = cannot read period `{ $period }`{ $at }
p806-help = write `FY`, `Q1`–`Q4`, or a month such as `2026-03`
p806-item = cannot read `{ $item }` as a { $dim }{ $at }
p806-disagree = item `{ $item }` and period `{ $period }` disagree{ $at }
p806-disagree-label = a different period
p806-disagree-label-item = the item is a period too
p806-disagree-help = for a { $dim } figure, write `period: { $period }` and leave dimension and item empty

## P807 missing-period
p807-message = { $cell } has actuals for { $have } but not for { $missing }{ $at }
p807-label-month = reported by month from here
p807-label-quarter = reported by quarter from here
p807-help = add the missing { $count ->
        [one] period
       *[other] periods
    }, up to { $until }

## P809 actuals-sum-mismatch
p809-year = { $cell } is { $full } for the year, but its quarters add up to { $sum }{ $at }
p809-year-label = quarters: { $sum }
p809-year-help = correct the total or the quarter that is wrong
p809-parts = the { $noun } of { $cell } add up to { $sum }, but its actual is { $total }{ $at }
p809-parts-label = { $sum } by { $dim }
p809-parts-help = the `{ $dim }` breakdown covers the whole; correct the total or the item that is wrong (or mark the breakdown `partial: true`)

## P813 actuals-as-of
p813-outside = `as_of: { $as_of }` lies outside the plan period { $start } – { $end }
p813-outside-label = outside the plan period
p813-outside-help = give the date the figures run to, within the plan's period (or name the plan this file belongs to)
p813-after = the row for { $period } begins after this file's `as_of: { $as_of }`: it is not counted
p813-after-label = after the file's date
p813-after-label-as-of = the file's date
p813-after-help = move `as_of` to the date the figures really run to, or remove the row (a forecast is not an actual)
p805-fraction = `{ $metric }` is measured in %, but `{ $value }` has no percent sign{ $at }: a fraction (the cell lost its percent format) or a rate below 1 %?
p805-fraction-label = { $percent }% if it is a fraction
p805-fraction-help = write `{ $percent }%` if the cell showed { $percent }% in Excel (or keep the cell's percent format), or `{ $value }%` if the rate really is below 1 %
p809-quarter = { $cell } is { $value } for { $quarter }, but its months add up to { $sum }{ $at }
p809-quarter-label = months: { $sum }
p809-quarter-help = the months are used, not the subtotal: correct the subtotal or the month that is wrong
p809-half = { $cell } is { $value } for { $half }, but its quarters add up to { $sum }{ $at }
p809-half-label = quarters: { $sum }
p809-half-help = the quarters are used, not the half-year subtotal: correct the subtotal or the quarter that is wrong
p805-negative = { $cell } is negative ({ $value }){ $at }, where the plan's target is positive
p805-negative-label = below zero
p805-negative-help = a month of returns can be negative; if this one is, keep it (the figure is used as written); otherwise correct the sign
actuals-formula-no-value = { $count ->
    [one] 1 formula cell holds
   *[other] { $count } formula cells hold
} no stored value ({ $cells }): the workbook was written by a program and never calculated, so these figures cannot be read
actuals-formula-no-value-help = open the workbook in Excel (or LibreOffice) and save it, so each formula stores its value; or export values instead of formulas
actuals-read-as-gb18030 = { $path } is not UTF-8; it was read as GB18030 (GBK), the encoding Excel's "CSV (逗号分隔)" uses on Chinese Windows
actuals-read-as-gb18030-help = to be sure of every character, save it from Excel as "CSV UTF-8 (逗号分隔)" (File › Save As › file type)
actuals-zero-cells = { $count ->
    [one] 1 blank or `-` cell
   *[other] { $count } blank or `-` cells
} among a row's figures { $count ->
    [one] was
   *[other] were
} read as 0
actuals-zero-cells-help = finance writes nothing or `-` for a period with no sales; blanks after a row's last figure are months not reported yet and are not read
actuals-detail-summed = { $rows } rows finer than the plan (by { $finer }) were summed into { $figures } figures by { $by } and period
actuals-detail-summed-help = the plan breaks its target down by { $by }: each figure is the exact sum of its rows; to see a single row, filter the export
actuals-template-no-plan = no template: { $path } does not load as a plan (its errors are above)
actuals-template-exists = { $path } exists: choose another `-o`, or replace it with `--force`
actuals-template-wrote = wrote { $path } ({ $rows } rows to fill)
actuals-xls-is-text = { $path } is delimited text saved under a workbook's name (as some ERP systems do): read as CSV
actuals-xls-is-html = { $path } is an HTML page saved under a workbook's name (as some ERP systems do), not a workbook: planc does not read HTML tables
actuals-xls-is-html-help = open it in Excel and save it as "Excel Workbook (*.xlsx)" or "CSV UTF-8", or export it from the ERP as XLSX or CSV
actuals-sheets-unread = { $count ->
    [one] sheet { $sheets } holds rows but no header planc knows: it is not read
   *[other] sheets { $sheets } hold rows but no header planc knows: they are not read
}
actuals-sheets-unread-help = a sheet of actuals needs a header row (指标 / 期间 / 实际, or 省份 / 1月 … 12月); a sheet of notes or a pivot can stay as it is
p815-message = the export states a target of { $given } for { $cell }, but the plan's is { $plan }{ $at }
p815-label = the plan: { $plan }
p815-help = the actual is read; the export's target is not. It was made against another version of the plan: ask finance to export against the current one
p815-not-compared = { $count ->
    [one] one target the export states was not compared: the plan gives no figure for its period
   *[other] { $count } targets the export states were not compared: the plan gives no figure for their periods
}
p815-not-compared-help = the plan states a quarter or a month only where it has a quarter or month split; the actuals are read either way
