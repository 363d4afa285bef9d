## The year-end review: the review file, the plan under review and its actuals (P806,
## P808, P811, P812), and `planc review` itself. Figures and paths are passed in as text.

review-plan-not-found = cannot find the plan under review, `{ $plan }`
review-plan-not-found-label = no such plan file or plan id
review-plan-not-found-help = give a path relative to this file, or the id of a plan in { $dir }
review-ref-outside = `{ $path }` lies outside the workspace, so it is not read
review-ref-outside-label = outside the workspace
review-ref-outside-help = a review reads only files inside { $root } (the folder of planc.toml, else the folder checked); copy the file in, or check a folder that holds both
review-actuals-not-found = cannot find the actuals file `{ $file }`
review-actuals-not-found-label = no such file
review-actuals-not-found-help = paths are relative to the review file
review-of-a-review = a review reviews a plan, not another review
review-of-a-review-label = this is a `kind: review` file
review-plan-errors = the plan under review, { $path }, has errors that keep it from loading
review-plan-errors-label = fix that plan first
review-plan-errors-help = `planc check` on it lists the errors
review-no-actuals = no actuals to review the plan against
review-no-actuals-help = list them under `review.actuals`, or give `--actuals FILE`
review-other-plan = these actuals are for plan `{ $theirs }`, but the plan under review is `{ $ours }`
review-other-plan-label = another plan
review-actuals-no-plan = cannot find plan `{ $id }` for these actuals
review-actuals-no-plan-help = check it with the plan: `planc check` on the folder that holds both, or `planc review PLAN --actuals FILE`
review-actuals-which-plan = cannot tell which plan { $path } belongs to
review-actuals-which-plan-help = name the file after its plan (`<plan-id>.actuals.csv`), or add `plan: <id>` to a YAML actuals file

## P808: what the review shows without a figure

review-no-actual-target = no actual for target `{ $id }` ({ $name })
review-no-actual-kpi = no actual for KPI `{ $id }` ({ $name })
review-no-actual-items = no actual for { $n ->
        [one] an item
       *[other] items
    } of `{ $id }` by { $dimension }: { $items }
review-no-actual-label = in none of these actuals files
review-no-actual-help = add a row for it, or list the file that has it
review-later-rows = { $rows } full-year { $rows ->
        [one] row is
       *[other] rows are
    } as of { $date }, after the review's date { $as_of }, and left out: { $what } { $count ->
        [one] has
       *[other] have
    } no figure to date
review-later-rows-label = figures as of { $date }
review-later-rows-help = a full-year row is the figure for the year up to its file's date (`as_of`, else the end of the latest quarter or month in the file, else the review's date), never spread over the months; for a review as of { $as_of }, give the figures up to that date in a file with `as_of: { $as_of }`, or give them by quarter or month
review-later-more = { $list } and { $more } more
review-breakdown-of = `{ $id }` by { $dimension }

## P806: the review's date

review-as-of-outside = `as_of` { $date } lies outside the plan period, { $start } to { $end }
review-as-of-outside-label = outside { $start } – { $end }
review-as-of-outside-help = give a date within the plan period; before its end, the review shows the year to date

## P812: figures and references

review-unknown-figure = no computed figures called `{ $name }`
review-unknown-figure-label = not a table the review can compute
review-unknown-reference = `{ $reference }` names no computed figure
review-unknown-reference-label = cannot be filled in
review-did-you-mean = did you mean `{ $name }`?
review-choices = { $what }: { $list }
review-choices-groups = KPI groups and strategies
review-choices-kpis = KPI ids
review-choices-figures = `targets`, `kpis`, `kpis/<group>`, `kpi/<id>`, `forecast`, `<target>/<dimension>` with targets
review-choices-dimensions = dimensions of `{ $target }`
review-choices-fields = fields
review-choices-metrics = targets and KPIs
review-choices-items = items of `{ $dimension }`
review-reference-form = write `{"{{"}<metric>.<field>{"}}"}`, e.g. `{"{{"}sales.attainment{"}}"}`
review-reference-form-item = write `{"{{"}<target>/<dimension>/<item>.<field>{"}}"}`, e.g. `{"{{"}sales/product/xinmaian.growth{"}}"}`

## planc review

review-cli-no-such-file = cannot read { $path }: no such file
review-cli-docx-needs-file = --format docx and --format pdf need -o FILE
review-cli-bad-date = `{ $text }` is not a date; write YYYY-MM-DD, e.g. 2026-09-30
review-cli-as-of-outside = --as-of { $date } lies outside the plan period of `{ $plan }`, { $start } to { $end }; give a date within it
review-cli-not-written = review not written: { $errors } { $errors ->
        [one] error
       *[other] errors
    } in the plan or the actuals
review-cli-wrote = wrote { $path } ({ $targets } { $targets ->
        [one] target
       *[other] targets
    }, { $kpis } { $kpis ->
        [one] KPI
       *[other] KPIs
    }; { $warnings } { $warnings ->
        [one] warning
       *[other] warnings
    })
review-nothing-computed = nothing was computed
review-plan-not-loaded = the plan under review did not load
review-outline-failed = cannot build the default review outline
review-period = the review covers { $start } – { $end }, but its plan's period is { $plan_start } – { $plan_end }
review-period-label = the review's period
review-period-label-plan = the plan's period
review-period-help = a review covers its plan's period: write the plan's dates, or review the plan of this period

## P814 narrative-figure
p814-attainment = attainment
p814-growth = growth
p814-kpi-target = target
p814-message = the text says { $written } for the { $what } of { $name }, but the review computes { $computed }
p814-label = computed: { $computed }
p814-help = let planc write the figure (`{"{{"}<metric>.attainment{"}}"}` and the like), or correct the number

## The monthly report (planc review DIR)
monthly-no-plans = { $path } holds no plan with actuals or child plans to report on; `planc review DIR --as-of DATE` reports the organisation a folder holds (a plan with `parent:` children, and their actuals files)
monthly-after-as-of = the row for { $period } begins after the report date { $date }: it is not counted
monthly-after-as-of-label = after the report date
monthly-after-as-of-help = report a later date (`--as-of`), or move the file out of the folder until its month is reported
monthly-title = Monthly report, { $name } { $year }
monthly-kind = Monthly report
monthly-period = { $fromname }–{ $toname } { $year }
monthly-period-one = { $name } { $year }
monthly-period-span = { $fromname } { $fromyear } – { $toname } { $year }
monthly-cover-kind = Report
monthly-cover-org = Organisation
monthly-cover-period = Period
monthly-cover-as-of = Data as of
monthly-cover-plan = Measured against
monthly-cover-unit = Currency and unit
monthly-cover-rounding = Amounts
monthly-legend-green = green
monthly-legend-amber = amber
monthly-legend-red = red
monthly-legend-unlit = attainment (no light)
monthly-s-summary = Summary
monthly-s-ranking = Ranking against the phased target
monthly-s-progress = Cumulative progress, month by month
monthly-s-units = Units within each region
monthly-s-method = Definitions
monthly-headline = As of { $date }, { $unit } has sold { $actual }: { $attainment } of the annual target, against a time pace of { $time } and a phased pace of { $phased } — { $ahead ->
        [ahead] ahead of
       *[behind] behind
    } the phased pace by { $points } points. Year on year { $yoy }, month on month { $mom }. Forecast for the year: { $fphased } by the phased method, { $flinear } by the linear run rate.
monthly-headline-none = As of { $date }, { $unit } has no actuals for every month closed: the figures to date cannot be computed.
monthly-red = Red units (attainment to date below { $amber }): { $list }
monthly-gaps = Largest gaps to the phased target: { $list }
monthly-none = none
monthly-points = { $points } pts vs phased pace
monthly-no-actuals = no actuals
monthly-col-rank = Rank
monthly-col-unit = Unit
monthly-col-annual = Annual target
monthly-col-phased = Phased target to date
monthly-col-actual = Actual to date
monthly-col-attainment = Attainment (year)
monthly-col-time-pace = Time pace
monthly-col-phased-pace = Phased pace
monthly-col-points = vs phased pace (pts)
monthly-col-to-date = Attainment to date
monthly-col-gap = Gap to phased target
monthly-col-yoy = YoY
monthly-col-mom = MoM
monthly-col-forecast-phased = Forecast (phased)
monthly-col-forecast-linear = Forecast (linear run rate)
monthly-col-figure = Figure
monthly-col-value = Value
monthly-col-month = Month
monthly-col-month-actual = Actual
monthly-col-last-year = Last year
monthly-col-cum-actual = Cumulative actual
monthly-col-cum-target = Cumulative phased target
monthly-ranking-caption = { $unit }: units ranked by attainment to date
monthly-ranking-note = Amounts in { $unit }. Ranked by attainment to date (actual ÷ phased target to date); the light is of that figure. Time pace { $time }; vs pace = attainment − phased pace, in points; gap to pace = actual − phased target to date.
monthly-months-note = Amounts in { $unit }. Phased target: { $phasing }.
monthly-phasing-quarter = the plan's quarter split, each quarter evenly over its months
monthly-phasing-month = the plan's month split
monthly-phasing-parent = the parent's quarter split, in this unit's share of the parent's target
monthly-phasing-linear = no split declared, evenly over the months
monthly-summary-note = Attainment to date = actual ÷ phased target to date. Forecast (phased) = actual to date ÷ phased target to date × annual target; forecast (linear) = actual to date × 12 ÷ months elapsed.
monthly-chart-ranking = { $unit }: attainment of the annual target
monthly-chart-cumulative = { $unit }: cumulative actual against the phased target
monthly-caption = Figure { $n }. { $title }
monthly-caption-unit = Figure { $n }. { $title } ({ $unit })
monthly-legend-time-pace = time pace { $pace }
monthly-legend-phased-pace = phased pace
monthly-legend-target = phased target (cumulative)
monthly-legend-actual = actual (cumulative)
monthly-month = M{ $n }
monthly-method = - **Time pace (时间进度)**: days elapsed ÷ days in the year.
    - **Phased pace (序时进度)**: the target to date by the plan's own quarter or month split (a quarter evenly over its months, the running month by its days) ÷ the annual target; a unit without a plan takes its parent's split in its share of the parent's target; a plan without a split is paced evenly.
    - **Attainment to date**: actual to date ÷ phased target to date; green at or above { $green }, amber at or above { $amber }, red below { $amber }.
    - **vs phased pace**: attainment of the year − phased pace, in points ({ $dp } decimals).
    - **YoY**: actual to date ÷ last year's actual of the same months − 1. **MoM**: the last month ÷ the month before − 1.
    - **Forecast (phased)**: actual to date ÷ phased target to date × annual target. **Forecast (linear)**: actual to date × 12 ÷ months elapsed.
    - A figure that cannot be computed is shown as —, never as zero.
review-cli-monthly-as-of = { $path } holds no monthly actuals to date the report by: give its date with `--as-of YYYY-MM-DD` (the last day of the month reported, e.g. `--as-of 2026-09-30`)
review-cli-monthly-as-of-latest = no `--as-of` given: the monthly report is as of { $date }, the last day of the latest month the actuals report
review-cli-monthly-wrote = wrote { $path } (the monthly report as of { $date }, { $units } units)
monthly-col-points-short = vs pace (pts)
monthly-col-gap-short = Gap to pace
monthly-total = Total
monthly-parent-row = { $unit } (as a whole)
monthly-list-sep = {"; "}
