## rules messages (en). Per-file consistency rules P101–P702. Figures and plan text are
## passed in already formatted (`{ $sum }` is "28亿元", `{ $pct }` is "12.5%").

## Breakdown dimensions, plural, as the subject of a sentence.
dimension-product = products
dimension-region = regions
dimension-province = provinces
dimension-quarter = quarters
dimension-month = months
dimension-channel = channels
dimension-account = accounts
dimension-city = cities
dimension-team = teams
dimension-representative = representatives
dimension-phase = phases
dimension-other = `{ $dimension }` items

## P101 breakdown-sum
p101-message = { $noun } add up to { $sum }, not { $total } ({ $parent })
p101-label = { $parent }: { $total }
p101-help-short = { $noun } add up to { $sum } of { $total }; { $gap } ({ $pct }) is unallocated — { $fix }
p101-help-over = { $noun } exceed { $total } by { $gap } ({ $pct }) — lower an item or raise the total
## What to do about a shortfall: an open dimension (provinces, products …) can take an
## `其他` item; quarters, months and timeline phases are a fixed set.
p101-fix-other = add an `其他` item or mark the breakdown `partial: true`
p101-fix-missing = add the missing { $missing } or mark the breakdown `partial: true`
p101-fix-raise = raise an item or lower the total
p101-fix-raise-share = raise a share
p101-shares = the shares of the { $noun } add up to { $sum }, not 100% ({ $parent })
p101-label-shares = shares add up to { $sum }
p101-help-shares-short = { $gap } of { $parent } is in no item — { $fix }
p101-help-shares-over = the shares exceed 100% by { $gap } — lower a share
p101-empty = the breakdown of { $parent } lists no { $noun }
p101-label-empty = no items
p101-help-empty = list the { $noun } with their values, or remove the empty breakdown
p101-no-values = the { $noun } of { $parent } have no figures, so the split cannot be checked
p101-label-no-values = no figures
p101-help-no-values = write each item's value as a number with its unit

## P102 breakdown-share
p102-message = share of `{ $item }` is stated as { $share } but { $value } of { $whole } is { $actual }
p102-label = actual share { $actual }
p102-label-value = value
p102-label-whole = whole
p102-help = write `share: { $written }` ({ $actual } to the digits written) or change the value

## P103 budget-lines-sum
p103-message = budget lines add up to { $sum }, not the total { $total }
p103-label = budget total
p103-help-short = { $gap } of the total is not in any line — add a line (e.g. `预备费`) or lower the total
p103-help-over = the lines exceed the total by { $gap }

## P104 budget-shares-sum
p104-message = budget shares add up to { $sum }, not 100%
p104-label-first = first share
p104-help-short = { $gap } of the budget is in no line
p104-help-over = the shares exceed 100% by { $gap }

## P105 budget-share-amount
p105-message = `{ $line }`: { $amount } of { $total } is { $actual }, not { $share }
p105-label = actual share { $actual }
p105-label-amount = amount
p105-label-total = budget total
p105-help = either the share is { $actual } or the amount is { $amount }

## P106 budget-sales-ratio
p106-message = budget { $budget } is { $actual } of the sales target { $target }, not { $ratio }
p106-label = actual { $actual }
p106-label-budget = budget total
p106-label-target = { $target } target
p106-help = write `sales_ratio: { $actual }` or adjust the budget

## P107 growth-mismatch
p107-message = { $value } is { $actual } over last year's { $last }, not { $growth }
p107-label = implies { $actual } growth
p107-label-last = last year
p107-label-growth = stated growth
p107-help = { $last } × (1 + { $growth }) = { $implied }; change the value, last year's figure or the growth
p107-zero = growth { $growth } is stated over last year's { $last }: growth from zero is not a percentage
p107-label-zero = no growth rate from zero
p107-help-zero = for something new this year, remove `growth` (say 新增 in the text); otherwise correct last year's figure

## P108 last-year-mismatch
p108-attainment = attainment is { $sales } ÷ { $target } = { $actual }, not { $attainment }
p108-growth = growth from { $previous } to { $sales } is { $actual }, not { $growth }
p108-label = actual { $actual }
p108-label-sales = sales
p108-label-target = target
p108-label-previous = previous sales
p108-zero = { $what ->
        [attainment] attainment { $stated } is stated against a target of { $base }: attainment of a zero target is not a percentage
       *[growth] growth { $stated } is stated over previous sales of { $base }: growth from zero is not a percentage
    }
p108-label-zero = no percentage of zero
p108-label-zero-base = { $what ->
        [attainment] target
       *[growth] previous sales
    }
p108-help-zero = { $what ->
        [attainment] correct the target, or remove `attainment`
       *[growth] correct the previous sales, or remove `growth` if there were none
    }

## Lists in messages: `a, b, c`.
list-separator = {", "}

## P201 unresolved-reference. `$kind` is product, region, account, campaign, person,
## target, phase or kpi; `$key` the YAML key the plan declares them under.
p201-message = unknown { $kind ->
        [product] product
        [region] region
        [account] account
        [campaign] campaign or strategy
        [person] person
        [target] target
        [phase] phase
       *[kpi] KPI
    } `{ $id }`
p201-label = not declared in { $kind ->
        [campaign] `campaigns`, `strategies` or `pillars`
       *[other] `{ $key }`
    }
p201-help-suggest = did you mean `{ $suggestion }`?
p201-help-declare = { $kind ->
        [campaign] declare it under `campaigns:`, `strategies:` or `pillars:` with an `id`
        [kpi] give the KPI it means an `id` in its `kpis:` list
       *[other] declare it under `{ $key }:` with an `id`
    }
p201-help-declared = declared { $kind ->
        [product] products
        [region] regions
        [account] accounts
        [campaign] campaigns and strategies
        [person] people
        [target] targets
        [phase] phases
       *[kpi] KPIs
    }: { $ids }

## P202 duplicate-id. `$kind` is what the id names.
p202-message = { p202-message-id }
p202-message-id = duplicate { $kind ->
        [product] product
        [region] region
        [person] person
        [account] account
        [target] target
        [strategy] strategy
        [kpi] KPI
        [risk] risk
        [tier] tier
        [phase] phase
        [duty] duty
       *[item] breakdown item
    } id `{ $id }`
p202-label = used again here
p202-label-first = first used here
p202-help = { $kind ->
        [item] list each item once: merge the two into one
       *[other] { p202-help-own-id }
    }
p202-help-own-id = give each { $kind ->
        [product] product
        [region] region
        [person] person
        [account] account
        [target] target
        [strategy] strategy
        [kpi] KPI
        [risk] risk
        [tier] tier
        [phase] phase
        [duty] duty
       *[item] breakdown item
    } its own id

## P301 date-outside-period
p301-message = { $what ->
        [action-start] action start
        [action-end] action end
        [phase-start] phase start
        [phase-end] phase end
        [kpi-due] KPI due date
       *[launch] launch date
    } { $date } is outside the plan period { $start } – { $end }
p301-label = outside the period
p301-label-start = period starts
p301-label-end = period ends
p301-help = move the date into the period, or widen the period if the plan really covers it

## P302 phase-order
p302-ends-before-start = phase `{ $phase }` ends ({ $end }) before it starts ({ $start })
p302-label-end = end
p302-label-start = start
p302-overlap = phase `{ $phase }` starts on { $start } but `{ $previous }` runs until { $until }
p302-label-overlap = overlaps the previous phase
p302-label-previous-ends = previous phase ends
p302-help-overlap = phases run one after another: start this one after the previous one ends
p302-months-shape = phase `{ $phase }`: `months` needs two numbers, [from, to]
p302-label-months-shape = expected [from, to]
p302-months-backwards = phase `{ $phase }` ends (month { $to }) before it starts (month { $from })
p302-label-empty-range = empty range
p302-months-overlap = phase `{ $phase }` starts at month { $from } but `{ $previous }` runs until month { $until }
p302-label-previous = previous phase
p302-action-backwards = action `{ $action }` ends ({ $end }) before it starts ({ $start })

## P303 week-gap
p303-not-a-range = `{ $raw }` is not a week range
p303-label-not-a-range = expected e.g. 1-4
p303-help-not-a-range = write the first and last week, e.g. `weeks: 5-8`
p303-backwards = week range { $raw } runs backwards or starts at week 0
p303-label-backwards = invalid range
p303-gap = week ranges are not contiguous: { $one ->
        [yes] week { $from } is
       *[no] weeks { $from }–{ $to } are
    } in no phase
p303-overlap = week ranges are not contiguous: { $one ->
        [yes] week { $from } is
       *[no] weeks { $from }–{ $to } are
    } in two phases
p303-label-expected = expected to start at week { $week }
p303-label-previous = previous range

## P304 quarter-coverage
p304-repeated = { $quarter } appears more than once
p304-label-repeated = repeated quarter
p304-not-a-quarter = `{ $key }` is not a quarter
p304-label-not-a-quarter = expected Q1, Q2, Q3 or Q4
p304-missing = quarter breakdown lacks { $missing }
p304-label-missing = this breakdown
p304-help-missing = add the missing quarters, or mark the breakdown `partial: true`

## P305 invalid-date
p305-not-a-date = `{ $raw }` is not a date
p305-label-not-a-date = expected YYYY-MM-DD or YYYY-MM
p305-help-not-a-date = write dates as 2026-03-01, or a whole month as 2026-03
p305-period-backwards = the period ends ({ $end }) before it starts ({ $start })
p305-label-end = end
p305-label-start = start

## P401 kpi-malformed
p401-no-target = KPI `{ $metric }` has no target
p401-label-no-target = no target
p401-help-no-target = add `comparator` and `target`, e.g. `comparator: ">="` and `target: 90%`
p401-help-no-target-value = add `target:` with the figure to reach, e.g. `target: 90%`
p401-no-comparator = KPI `{ $metric }` does not say how its target is compared
p401-label-no-comparator = a floor or a ceiling?
p401-help-no-comparator = add `comparator: ">="` (at least), `"<="` (at most), `"="` or `range`
p401-range-without-max = KPI `{ $metric }` is a range without `max`
p401-label-lower-end = lower end
p401-help-range-without-max = add `max:` with the upper end of the range
p401-range-backwards = range of `{ $metric }` ends ({ $max }) below its start ({ $target })
p401-label-upper-end = upper end
p401-max-without-range = `max` of KPI `{ $metric }` only applies to `comparator: range`
p401-label-ignored = ignored
p401-help-max-without-range = set `comparator: range`, or remove `max`
p401-no-unit = KPI `{ $metric }` target `{ $target }` has no unit
p401-label-no-unit = no unit
p401-help-no-unit = write the unit with the number (`12场`, `95%`) or add `unit:`

## P402 percent-range
p402-kpi = KPI `{ $metric }` { $raw } is outside 0–100%
p402-share = share { $raw } is outside 0–100%
p402-budget-share = budget share { $raw } is outside 0–100%
p402-label = out of range
p402-help = if this is a growth rate, mark the KPI `growth: true`
p402-help-share = a share lies between 0% and 100%: check for a misplaced digit or sign

## P501 placeholder
p501-message = placeholder `{ $raw }` left in the plan
p501-label = placeholder
p501-help-final = a final plan must not contain placeholders: fill it in, or set `status: draft`
p501-help-draft = fill this in before setting `status: final`
p501-empty = `{ $key }` is empty
p501-label-empty = no text
p501-help-empty = write the text, or remove the key

## P601 bad-quantity
p601-plan-unit = `{ $unit }` is not a money unit
p601-label-money = expected 元, 万元 or 亿元
p601-help-plan-unit = the plan's `unit` is the money unit for bare numbers: 元, 万元 or 亿元
p601-help-report-unit = the plan's `report_unit` is the money unit the report shows every amount in: 元, 万元 or 亿元
p601-fullwidth = `{ $raw }` is written with full-width digits
p601-label-fullwidth = read as { $new }
p601-help-fullwidth = type numbers with the input method in half-width (English) mode; `planc fix` rewrites them
p601-not-a-number = `{ $raw }` is not a number
p601-label-not-a-number = expected a number with an optional unit
p601-help-not-a-number = write e.g. `3.2亿元`, `15%` or `50家`
p601-percent-for-money = expected an amount of money, found the percentage `{ $raw }`
p601-unknown-money-unit = `{ $unit }` is not a money unit planc knows
p601-label-unknown-money-unit = unknown money unit
p601-help-money = write money in 元, 万元 or 亿元, e.g. `4500万元` or `3.2亿元`
p601-not-a-percent = expected a percentage, found `{ $raw }`
p601-label-percent = expected e.g. 25%
p601-help-percent-bare = write percentages with a % sign: `{ $as_is }%` (or `{ $scaled }%` if you meant a fraction)
p601-help-percent = write percentages with a % sign, e.g. `25%`

## P602 incomparable-units
p602-message = { $what ->
        [item] breakdown item
        [last-year] last year's figure
       *[kpi] KPI figure
    } `{ $raw }` is in { $unit }, which cannot be compared with { $other } ({ $other_unit })
p602-label = in { $unit }
p602-help = use the same kind of unit on both sides

## P701 strategy-without-kpi
p701-message = `{ $name }` has no KPI
p701-label = no way to assess it
p701-help = add `kpis:` with a metric, comparator and target

## P702 risk-without-response
p702-message = risk `{ $name }` has no response
p702-label = no response
p702-help = add `response:` with what the team will do if it happens
p601-unit-typo = `{ $unit }` is not a unit; read as `{ $meant }`
p601-label-unit-typo = read as { $meant }
p601-too-precise = `{ $raw }` has { $digits } significant digits; planc holds at most { $max } exactly
p601-too-large = `{ $raw }` is too large to be a plan's figure (10^20 元 or more)
p601-label-not-exact = cannot be held exactly
p601-help-too-precise = round the figure yourself to the precision you mean; planc never rounds a number silently
p601-help-too-large = check the unit: a figure this large is almost always a typo

## P109 last-year-sum
p109-message = last year's { $noun } add up to { $sum }, not to last year's { $total } of { $parent }
p109-label = { $parent } last year: { $total }
p109-help = correct the items' `last_year` or the total's, from one source (finance's closing figures); mark a deliberately incomplete split `partial: true`
p109-block = `last_year.sales` is { $sales }, but { $target } states last year as { $last_year }
p109-block-label = last year's sales here
p109-block-label-target = the target's last year
p109-block-help = last year is one figure: write the same in both places

## P110 budget-allocations
p110-twice = `{ $unit }` is allocated budget twice
p110-twice-label = allocated again
p110-twice-label-first = first allocation
p110-twice-help = give each unit one allocation: add the amounts together
p110-unknown = the budget allocation `{ $unit }` names no unit of this plan (no breakdown item, region, person or account)
p110-unknown-label = names nothing here
p110-unknown-help = use the `ref` of the breakdown item the child plan fills (its `parent: <plan>#<item>`)
p110-sum = the budget allocations add up to { $sum }, but the budget total is { $total }
p110-sum-label-over = over by { $gap }
p110-sum-label-short = short by { $gap }
p110-sum-help-over = lower the allocations, or raise the total
p110-sum-help-short = `allocations_complete: true` says the allocations share out the whole total: allocate the remaining { $gap }, or remove `allocations_complete`
p110-campaigns = the strategies' and campaigns' budgets add up to { $sum }, more than the budget total of { $total }
p110-campaigns-help = lower the campaign budgets, or raise the budget total

## P111 kpi-restates
p111-no-target = `restates: { $target }` names no target of this plan
p111-unresolved-label = names nothing
p111-help-targets = the targets are: { $ids }
p111-no-item = target `{ $target }` has no breakdown item `{ $item }`
p111-help-items = write `<target>#<item>` with the `ref` of an item of that target
p111-differs = { $metric } is { $kpi }, but `{ $link }`, the figure it restates, is { $value }
p111-differs-label = the KPI's figure
p111-differs-label-figure = the figure it restates
p111-differs-help = a figure stated twice must agree: change one, or remove `restates` if the KPI means something else

## P306 month-in-quarter
p306-message = month `{ $month }` is filed under `{ $quarter }`, but it belongs to { $belongs }
p306-label = belongs to { $belongs }
p306-label-quarter = this quarter
p306-help = `{ $quarter }` holds the months { $first } to { $last }: move the month under its quarter
p113-pending = the seasonal index of the { $dimension } allocation is to be computed from actuals and has not been written yet
p113-label-pending = not allocated yet
p113-help-pending = run `planc allocate` on this plan: it reads the actuals, writes the index it used and the items
p113-drift = { $item } is { $value }, but its allocation ({ $method }) computes { $computed }{ $count ->
    [1] {""}
   *[other] {" "}({ $count } items differ)
}
p113-label = allocation computes { $computed }
p113-help = run `planc allocate` to write the computed figures, or keep a hand-set figure with `hold: true` (the rest is spread over the other items)
p113-fix = write the allocated figures
