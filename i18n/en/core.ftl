## Loading: files, encodings, YAML. Messages take `{ $name }` arguments; numbers and
## quoted plan text are passed in already formatted.

label-here = here
label-first-defined = first defined here

io-cannot-read = cannot read { $path }: { $reason }
io-not-found = no such file or directory
io-permission-denied = permission denied

yaml-syntax = YAML syntax error: { $info }
yaml-second-document = a plan file holds one YAML document; found a second `---` document
yaml-alias-limit = aliases expand to more than { $limit } values; refusing to expand further
yaml-unknown-anchor = alias refers to an unknown anchor
yaml-depth-limit = nesting is deeper than { $limit } levels
yaml-complex-key = mapping keys must be plain text, not lists or mappings
yaml-duplicate-key = duplicate key `{ $key }`
yaml-duplicate-key-help = remove one of the two; YAML tools disagree on which one wins
yaml-defined-again = defined again here
yaml-empty-file = the file is empty; a plan starts with `kind:`, `id:` and `title:`
yaml-only-comments = the file holds no values (only comments or blank lines)

## The run as a whole

cli-error-prefix = {"error: "}
summary-line = checked { $files } { $files ->
        [one] file
       *[other] files
    }: { $errors } { $errors ->
        [one] error
       *[other] errors
    }, { $warnings } { $warnings ->
        [one] warning
       *[other] warnings
    }
summary-suppressed = , { $suppressed } suppressed
explain-severity = Default severity: { $severity }
explain-unknown = `{ $code }` is not a planc rule; `planc rules` lists them
explain-unknown-suggest = `{ $code }` is not a planc rule; did you mean `{ $suggestion }`?
