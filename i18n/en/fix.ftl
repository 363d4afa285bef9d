## planc fix: fixes attached to findings, and the fix command

fix-summary-fixable = , { $fixable } fixable with `planc fix`
fix-human-safe = fixable with `planc fix`: { $message }
fix-human-unsafe = fixable with `planc fix --unsafe-fixes` (changes what the plan says): { $message }
fix-replace = replace `{ $old }` with `{ $new }`
fix-share-uncorroborated = { $fix } (unsafe: the amounts do not add up to the whole, so an amount may be the wrong figure and the share right)
fix-add-quarter = add { $quarter } with the rest of the total, { $value }
fix-add-other = add an item `{ $item }` holding the unallocated { $value }

fix-applied = { $path }: fixed { $count } { $count ->
        [one] finding
       *[other] findings
    }
fix-applied-item = {"  "}{ $code } { $line }:{ $column } { $message }
fix-would-apply = { $path }: { $count } { $count ->
        [one] fix
       *[other] fixes
    } would be applied
fix-parse-error = { $path }: not fixed — the file does not parse as YAML; fix the syntax error first (`planc check { $path }`)
fix-unreadable = { $path }: not fixed — { $reason }
fix-not-stable = { $path }: fixes kept producing new fixes; stopped after { $rounds } rounds
fix-summary = fixed { $fixed } { $fixed ->
        [one] finding
       *[other] findings
    } in { $files } { $files ->
        [one] file
       *[other] files
    }; { $remaining } { $remaining ->
        [one] finding remains
       *[other] findings remain
    }
fix-summary-none = nothing to fix; { $remaining } { $remaining ->
        [one] finding remains
       *[other] findings remain
    }
fix-summary-diff = { $fixes } { $fixes ->
        [one] fix
       *[other] fixes
    } would be applied in { $files } { $files ->
        [one] file
       *[other] files
    }; nothing was written
fix-hidden-unsafe = { $count } more { $count ->
        [one] fix is
       *[other] fixes are
    } available with `--unsafe-fixes`
fix-remaining-header = still to do by hand:

## planc init

init-written = wrote { $path }
init-kept = kept { $path } (it exists already)
init-exists = { $path } exists already; use `--force` to overwrite it, or name another file
init-next = next: replace the placeholders (`XX`, `【…】`, `待补充`) with the real figures and words, then run `planc check { $path }`
init-unknown-kind = `{ $kind }` is not a plan kind; the kinds are { $kinds }
fix-rejected-new = not applied: the fix would raise { $code }: { $message }
fix-rejected-remains = not applied: the fix would not resolve its finding
fix-rejected = { $path }: { $code } { $reason }
