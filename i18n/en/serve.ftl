## planc serve: the live preview

serve-listening = planc: serving { $url } — press Ctrl-C to stop
serve-stopped = planc: stopped
serve-bind-failed = cannot listen on { $addr }: { $reason }
serve-accept-failed = planc: cannot accept a connection ({ $reason }); still listening
serve-watch-failed = cannot watch { $path } for changes: { $reason }
serve-open-failed = could not open a browser ({ $reason }); open { $url } yourself
serve-index-title = planc — { $root }
serve-live = live: reloads when a file changes
serve-files = Plans and reviews
serve-none = No plans or reviews under { $root }.
serve-col-file = File
serve-col-title = Title
serve-col-kind = Kind
serve-col-status = Status
serve-col-errors = Errors
serve-col-warnings = Warnings
serve-org-tree = Organisation tree
serve-no-tree = No plan here names a parent.
serve-col-unit = Unit
serve-col-target = Target
serve-col-allocated = Allocated by the parent
serve-col-gap = Gap
serve-back = ← All plans
serve-clean = checks clean
serve-counts = { $errors } { $errors ->
        [one] error
       *[other] errors
    }, { $warnings } { $warnings ->
        [one] warning
       *[other] warnings
    }
serve-findings = Findings
serve-errors-no-report = This file has errors: its report is made again once they are fixed.
serve-stale = Last good report — out of date, shown until the errors above are fixed
serve-no-last-good = No report of this file has rendered yet.
serve-trouble = The report could not be made: { $reason }
serve-not-found = Not found: planc serves only the plans and reviews of this workspace.
serve-listening-beyond = planc: listening on { $addr }, beyond this machine: anyone who can reach it can read the reports; requests must name this machine or an `--allow-host` ({ $hosts })
serve-monthly = Monthly report
serve-monthly-link = Monthly report as of { $date } (the latest month reported)
serve-monthly-none = no monthly actuals here (one file per plan and month, every row of one month)
serve-monthly-errors = { $errors } { $errors ->
        [one] error
       *[other] errors
    } in the monthly actuals: `planc review` on this folder with `--as-of` shows them
