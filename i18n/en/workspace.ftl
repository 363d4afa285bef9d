## workspace messages (en): finding the files of a run, links between plans (P901–P904)
## and roll-ups of child plans into their parents (P911–P914). Amounts, percentages and
## lists arrive already formatted.

## Shared pieces
workspace-did-you-mean = did you mean `{ $suggestion }`?
workspace-list-sep = {", "}
# A breakdown item with its name: `south (华南)`.
workspace-item-named = { $key } ({ $name })
# A breakdown dimension as written in the plan (`province`, `product` …).
workspace-dimension = { $dim }
workspace-unit-money = money
workspace-unit-percent = %
workspace-unit-other = `{ $unit }`
workspace-label-parent-plan = the parent plan
workspace-label-parent-breakdown = the parent's breakdown
workspace-help-use-parent-items = use the parent's items, or add this one to the parent's breakdown

## Discovering files
workspace-no-files = no *.plan.yaml or *.actuals.* files under { $path }

## P901 unknown-parent
p901-ambiguous = parent `{ $plan }` is the id of more than one plan
p901-ambiguous-label = ambiguous
p901-ambiguous-help = give the parent's path instead (`parent: ../company.plan.yaml#east`), or make the ids unique
p901-outside = parent `{ $plan }` lies outside the workspace, so it is not read
p901-outside-label = outside the workspace
p901-outside-help = a parent path must stay inside { $root } (the folder of planc.toml, else the folder checked); name the parent by its id, or check a folder that holds both plans
p901-no-file = parent `{ $plan }` is no file in the workspace
p901-parent-failed = the parent plan `{ $plan }` is in { $file }, which could not be read (see its errors)
p901-parent-failed-label = its file did not load
p901-parent-failed-help = fix { $file } first; this link is checked once it loads
p901-no-plan = parent `{ $plan }` is no plan id in the workspace
p901-no-plan-label = no such plan
p901-help-check-together = check the plan together with its parent: `planc check` on the folder that holds both
p901-help-no-plans = no plan with an id is in the workspace
p901-help-plans = plans in the workspace: { $ids }
p901-item-ambiguous = `{ $item }` is an item of more than one breakdown of `{ $target }` ({ $dims })
p901-item-ambiguous-label = ambiguous item
p901-item-ambiguous-help = name the dimension: `{ $plan }#{ $dim }:{ $item }`
p901-no-item = { $parent } allocates nothing to `{ $item }`
p901-no-item-by = { $parent } allocates nothing to `{ $item }` by `{ $dim }`
p901-no-item-label = no breakdown item of the parent has this ref
p901-no-item-help = the part after `#` is the `ref` of a breakdown item in one of the parent's targets
p901-no-target = { $parent } has no target `{ $target }`
p901-no-target-label = no such target in the parent
p901-help-targets = the parent's targets: { $ids }
p901-nothing-compared = no target of this plan rolls up into { $parent }'s allocation to `{ $item }` ({ $targets })
p901-nothing-compared-label = nothing is compared
p901-nothing-compared-help = give the target that fills it `rolls_up: { $target }`

## P902 duplicate-plan-id
p902-message = plan id `{ $id }` is used by { $count } files: { $files }
p902-label = this id
p902-label-other = the same id
p902-help = give each plan its own id; links (`parent`, `review.plan`, actuals `plan:`) name one file

## P903 parent-cycle
p903-own-parent = a plan cannot be its own parent
p903-own-parent-label = this plan's own id
p903-message = `parent` leads back to this plan: { $path }
p903-label = part of a circle
p903-label-parent = the parent
p903-help = an organisation is a tree: remove `parent` from the root plan

## P904 parent-mismatch
p904-review-parent = a review cannot be a parent
p904-review-parent-label = this is a `kind: review` file
p904-currency = this plan is in { $child }, its parent in { $parent }
p904-currency-label = rolls up across currencies
p904-currency-help = write both plans in one currency
p904-unit = { $target } is in { $unit }, but the parent allocates { $allocated } in { $parent_unit }
p904-unit-label = not comparable
p904-unit-label-allocation = the allocation
p904-period-outside = the period { $start } – { $end } is not within the parent's, { $parent_start } – { $parent_end }
p904-period-outside-label = this plan's period
p904-period-outside-help = a plan rolls up into a plan for the same year; use the parent's period
p904-period-shorter = the period { $start } – { $end } is shorter than the parent's, { $parent_start } – { $parent_end }: its amounts are not compared with the allocation
p904-period-shorter-label = a part of the parent's period
p904-period-shorter-help = write the plan for the parent's whole period to have it rolled up
p904-period-label-parent = the parent's period

## P911 rollup-total
p911-message = { $target } is { $value }, but { $parent } allocates { $allocated } to `{ $item }` ({ $parent_target })
p911-label-over = over by { $gap }
p911-label-short = short by { $gap }
p911-label-allocation = { $parent_target }: allocated to { $item }
p911-help-over = the plan is { $gap } ({ $pct }) above its allocation; change this target or the parent's item `{ $item }` so that both say the same
p911-help-short = the plan is { $gap } ({ $pct }) below its allocation; change this target or the parent's item `{ $item }` so that both say the same

## P912 rollup-breakdown
p912-differs = { $dim } `{ $item }` is { $value }, but the parent allocates { $allocated } to it
p912-differs-label = differs from the parent
p912-differs-label-parent = the parent's allocation
p912-differs-help = plan the parent's split, or change it in the parent plan
p912-missing = the parent allocates { $allocated } to { $dim } `{ $item }`, which this breakdown does not have
p912-missing-label = missing an item
p912-missing-label-parent = allocated here
p912-missing-help = add `{"{"} ref: { $item }, value: { $allocated } {"}"}`
p912-extra = { $dim } `{ $item }` is not in the parent's breakdown of the allocation by { $dim }
p912-extra-label = not allocated by the parent
p912-sum = the child plans together plan { $sum } for { $dim } `{ $item }`, not { $value }
p912-sum-label-over = over by { $gap }
p912-sum-label-short = short by { $gap }
p912-sum-label-part = a child's part
p912-sum-help = the { $noun } of the child plans must add up to the parent's; move the difference between them or change the parent
p912-sum-extra = { $dim } `{ $item }` is not in the parent's breakdown by { $dim }
p912-sum-extra-label = the parent does not plan it

## P913 rollup-coverage
p913-twice = { $other } also claims `{ $item }`: two plans fill one allocation
p913-twice-label = claimed twice
p913-twice-label-other = the other plan for it
p913-twice-help = each item is planned by one plan: change one of the `parent` refs
p913-unplanned = child plans plan { $planned } of the { $total } allocated by { $dim } ({ $target }): { $unplanned } ({ $pct }) is not planned by any plan — { $items }
p913-label-complete = marked `complete: true`
p913-label-complete-config = complete by `[rollup] complete`
p913-label-expected = items marked `child_plan: true`
p913-label-item = no plan fills this
p913-help = add a plan with `parent: { $plan }#{ $item }` for each, or remove `complete: true` while they are written

## P914 rollup-budget
p914-message = the budget of { $budget } is more than the { $allocated } { $parent } allocates to `{ $item }`
p914-label = over by { $gap }
p914-label-allocation = the budget allocated to it
p914-help = keep the budget within the allocation, or raise the allocation in the parent plan

## P915 rollup-last-year
p915-message = { $what } was { $value } last year here, but { $parent } states { $theirs }
p915-what-item = { $dim } `{ $item }`
p915-label = last year here
p915-label-parent = last year in the parent plan
p915-help = last year is one figure: take it from one source (finance's closing figures) in both files

## P916 territory-overlap
p916-message = { $dim } `{ $item }` is also claimed by { $other }: sibling plans cannot share a territory
p916-label = claimed here
p916-label-other = also claimed here
p916-help = each { $dim } belongs to one sibling plan: remove it from one of them, with its target

## P917 rollup-kpi
p917-unknown = `rolls_up: { $kpi }`: the parent plan { $parent } has no KPI with this id
p917-unknown-label = names nothing
p917-unknown-help-none = none of the parent's KPIs has an `id`: give the parent's KPI an `id` first
p917-unknown-help = the parent's KPIs are: { $ids }
p917-unit = the KPI is { $kpi }, which cannot be compared with the parent's { $parent_kpi }
p917-unit-label = another unit
p917-label-parent = the parent's KPI
p917-unit-help = state the KPI in the parent's unit (家 with 家, % with %)
p917-partial = only { $linked } of { $children } child plans link "{ $parent_kpi }": their sum cannot be compared with the parent's yet
p917-partial-label = linked so far
p917-partial-help = link the KPI with `rolls_up` in the other child plans too, and planc checks the sum
p917-sum = the child plans' "{ $metric }" add up to { $sum }, not to the parent's { $parent_kpi }
p917-sum-label = parent: { $value }
p917-sum-label-part = a child's part
p917-sum-help-over = the children plan { $gap } more: lower theirs, or raise the parent's target
p917-sum-help-short = { $gap } is allocated to no child: allocate it, or lower the parent's target
p917-rate-comparator = "{ $metric }" is compared the other way round from the parent's KPI
p917-rate = "{ $metric }" is { $kpi }, looser than the parent's { $parent_kpi }
p917-rate-label = looser than the parent
p917-rate-help = a child's rate may not be looser than its parent's: "{ $metric }" at least as strict as { $parent_kpi }

## P918 status-order
p918-message = this plan is `final`, but its parent { $parent } is still a `draft`
p918-label = final
p918-label-parent = still a draft
p918-help = finalise the parent first; keep this plan `status: draft` until then

## P919 actuals-agree
p919-message = { $what } is { $value } here, but { $other } states { $theirs }
p919-label = this file's figure
p919-label-other = the other file's figure
p919-help = both files state one figure: export them from the same closing figures, or correct the one that is wrong
p919-months = { $what } is { $value } here, but its months in the monthly files add up to { $sum }
p919-months-label = this file's figure
p919-months-label-month = one of its months
p919-months-help = the monthly files { $files } give { $parts } = { $sum }, and this file { $value }: export both from the same closing figures, or correct the one that is wrong
p919-months-partial = { $what } is not compared with the monthly files: they give { $have }, not { $missing }
p919-months-partial-label = not compared
p919-months-partial-help = a quarter is compared with the monthly files when they give all three of its months: add the missing month's export (a month missing before the latest one is also P807)

## P920 actuals-last-year
p920-message = last year's { $what } is { $value } in this file, but { $plan } states { $stated }
p920-label = last year here
p920-label-plan = last year in the plan
p920-help = last year is one figure: export it from the same closing the plan was written from, or correct the plan
