## planc diff: the semantic change list of two versions of a plan.
## Figures are passed in already formatted (`+0.2亿元`, `CNY 20m`, `+2.2%`).

diff-summary-sep = {", "}
diff-summary-none = no changes
diff-summary-target = target { $delta } ({ $percent })
diff-summary-target-values = target { $old } → { $new }
diff-summary-more-targets = { $count } more { $count ->
        [one] target
       *[other] targets
    } changed
diff-summary-cells = { $count } breakdown { $count ->
        [one] cell
       *[other] cells
    } changed
diff-summary-strategies = { $count } { $count ->
        [one] strategy
       *[other] strategies
    } changed
diff-summary-campaigns = { $count } { $count ->
        [one] campaign
       *[other] campaigns
    } changed
diff-summary-pillars = { $count } { $count ->
        [one] pillar
       *[other] pillars
    } changed
diff-summary-kpis = { $count } { $count ->
        [one] KPI
       *[other] KPIs
    } changed
diff-summary-risks = { $count } { $count ->
        [one] risk
       *[other] risks
    } changed
diff-summary-timeline = { $count } { $count ->
        [one] phase
       *[other] phases
    } changed
diff-summary-budget = budget { $old } → { $new }
diff-summary-budget-lines = { $count } budget { $count ->
        [one] line
       *[other] lines
    } changed
diff-summary-budget-moved = { $amount } of budget moved between { $count } lines
diff-summary-status = status { $old } → { $new }
diff-summary-period = period changed
diff-summary-other = { $count } other { $count ->
        [one] change
       *[other] changes
    }
diff-summary-plans-changed = { $count } { $count ->
        [one] plan
       *[other] plans
    } changed
diff-summary-plans-added = { $count } { $count ->
        [one] plan
       *[other] plans
    } added
diff-summary-plans-removed = { $count } { $count ->
        [one] plan
       *[other] plans
    } removed

diff-plan-added = plan added
diff-plan-removed = plan removed
diff-points = { $value } pp
diff-added = added
diff-removed = removed
diff-changed = changed
diff-field-added = { $field } added
diff-field-removed = { $field } removed
diff-status-draft = draft
diff-status-final = final

diff-col-item = Item
diff-col-change = Change
diff-col-old = Old
diff-col-new = New
diff-col-delta = Δ
diff-col-delta-percent = Δ %

diff-section-plan = Plan
diff-section-targets = Targets
diff-section-kpis = KPIs
diff-section-strategies = Strategies
diff-section-campaigns = Campaigns
diff-section-pillars = Pillars
diff-section-budget = Budget
diff-section-risks = Risks
diff-section-timeline = Phases and actions
diff-section-products = Products
diff-section-regions = Regions
diff-section-people = People
diff-section-accounts = Accounts
diff-section-last-year = Last year
diff-section-resources = Resources
diff-section-cadence = Meetings and reviews
diff-section-overview = Overview
diff-section-other = Other: { $key }

diff-field-value = value
diff-field-share = share
diff-field-growth = growth
diff-field-last-year = last year
diff-field-target = target
diff-field-amount = amount
diff-field-total = total
diff-field-budget = budget
diff-field-sales-ratio = budget-to-sales ratio
diff-field-name = name
diff-field-title = title
diff-field-owner = owner
diff-field-status = status
diff-field-period = period
diff-field-start = start
diff-field-end = end
diff-field-response = response
diff-field-description = description
diff-field-note = note
diff-field-text = text
diff-field-objective = objective
diff-field-attainment = attainment
diff-field-sales = sales
diff-field-previous-sales = previous year's sales
diff-field-rolls-up = rolls up into
diff-field-theme = theme
diff-field-focus = focus
diff-field-metric = metric
diff-field-comparator = comparator
diff-field-frequency = frequency
diff-field-baseline = baseline
diff-field-due = due
diff-field-likelihood = likelihood
diff-field-impact = impact
diff-field-campaign = campaign
diff-field-goal = goal
diff-field-when = when
diff-field-parent = parent plan
diff-field-memo = memo
diff-field-from = from
diff-field-to = to
diff-field-subject = subject
diff-field-org-unit = organisational unit
diff-field-unit = default unit
diff-field-product = product
diff-field-regions = regions
diff-field-products = products
diff-field-resources = resources
diff-field-label = label

## planc diff: the command line

diff-cli-two-paths = give two plan files or two directories to compare (OLD NEW), or `--git REV`
diff-cli-mixed = { $old } and { $new } must both be files or both be directories
diff-cli-no-such-path = { $path }: no such file or directory
diff-cli-no-plans = { $path } holds no `*.plan.yaml` files
diff-cli-not-loaded = { $path } does not load as a plan, so it cannot be compared ({ $count } { $count ->
        [one] problem
       *[other] problems
    }; `planc check { $path }` shows them all):
diff-cli-textconv-one = `--textconv` takes exactly one file
diff-cli-bad-range = `{ $rev }` is not a revision or a range `REV..REV2`
