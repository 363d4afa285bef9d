## Loading: files, encodings, YAML. Messages take `{ $name }` arguments; numbers and
## quoted plan text are passed in already formatted.

label-here = here
label-first-defined = first defined here

io-cannot-read = cannot read { $path }: { $reason }
io-not-found = no such file or directory
io-permission-denied = permission denied
io-not-a-file = not a regular file (a FIFO, a device or a socket): planc reads only plain files
io-too-large = the file is { $size } MB, over the limit of { $limit } MB (raise it with --max-file-mb or [limits] max_file_mb in planc.toml)
io-output-is-input = it is one of the files this run reads; planc never overwrites an input (choose another output path)

yaml-syntax = YAML syntax error: { $info }
yaml-second-document = a plan file holds one YAML document; found a second `---` document
yaml-alias-limit = aliases expand to more than { $limit } values; refusing to expand further
yaml-unknown-anchor = alias refers to an unknown anchor
yaml-depth-limit = nesting is deeper than { $limit } levels
yaml-unclosed-quote = this quote is never closed
yaml-unclosed-quote-help = end the text with a matching quote on the same line (or indent the lines that continue it)
yaml-size-limit = the file is larger than { $limit } bytes; planc reads plans up to 4 GiB
yaml-flow-line-limit = this `[ ]` or `{"{"} {"}"}` holds { $entries } entries on one line of { $kb } KB, too many to read quickly on one line; write the entries one per line (`- entry`)
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
rules-severity = { $severity }
explain-severity = Default severity: { $severity }
explain-unknown = `{ $code }` is not a planc rule; `planc rules` lists them
explain-unknown-suggest = `{ $code }` is not a planc rule; did you mean `{ $suggestion }`?

## Human output

human-other-side = the other side, in { $file }
human-suppressed = suppressed: { $reason }

## Suppressions (`# planc: allow CODE — reason`)

did-you-mean = did you mean `{ $suggestion }`?
suppress-unknown-directive = unknown planc directive
suppress-expected = expected `# planc: allow CODE — reason`
suppress-unknown-code = `{ $code }` is not a planc rule
suppress-unknown-code-label = unknown code
suppress-no-rule = suppression names no rule
suppress-no-reason = suppression without a reason
suppress-no-reason-label = add ` — why this is fine`
suppress-no-reason-help = write the reason after a dash: `# planc: allow P101 — Q4 split decided in December`

## Schema

schema-unknown-field = unknown field `{ $subject }`
    .at = unknown field `{ $subject }` in `{ $at }`
schema-unknown-field-label = not a field here
schema-fields-allowed = fields allowed here: { $fields }
schema-remove-it = remove it
schema-missing-field = missing required field `{ $subject }`
    .at = missing required field `{ $subject }` in `{ $at }`
schema-missing-section = a `{ $kind }` plan needs a `{ $field }` section
schema-missing-section-any = this kind of plan needs a `{ $field }` section
schema-in-this-plan = in this plan
schema-in-this-entry = in this entry
schema-add-field = add `{ $field }:` here
schema-not-allowed = `{ $subject }` is not a valid value
    .at = `{ $subject }` is not a valid value in `{ $at }`
schema-not-allowed-label = not one of the allowed values
schema-not-allowed-suggest = did you mean `{ $suggestion }`? The allowed values are { $allowed }
schema-allowed-values = the allowed values are { $allowed }
schema-type = expected { $expected }, found { $found }
    .at = expected { $expected } in `{ $at }`, found { $found }
schema-type-label = expected { $expected }
schema-other-at = { $message } in `{ $at }`
word-or = {" or "}
type-list = list
    .a = a list
type-mapping = mapping
    .a = a mapping
type-text = text
    .a = a text
type-number = number
    .a = a number
type-integer = integer
    .a = an integer
type-boolean = boolean
    .a = a boolean
type-null = null
    .a = a null
found-null = nothing (null)
found-number = the number `{ $value }`
found-text = the text `{ $value }`
found-list = a list
found-mapping = a mapping
list-sep = {", "}
yaml-tab-indent = tabs are not allowed for indentation in YAML; use spaces
yaml-tab-indent-help = replace the tab with spaces (most editors: "Convert Indentation to Spaces")
yaml-indicator-value = `{ $value }` cannot be written bare: a value starting with `>` or `|` begins a YAML block of text
yaml-indicator-value-help = put it in quotes: `{ $key }: "{ $value }"`

## SARIF

sarif-help = {" "}(help: { $help })
sarif-related = related

## Commands

cli-wrote = wrote { $path }
cli-cannot-write = cannot write { $path }: { $reason }
cli-cannot-write-stdout = cannot write to stdout: { $reason }
render-nothing = nothing to render
render-actuals-not-plan = { $path } holds actuals, not a plan; render the review that reads it, or `planc review PLAN --actuals { $path }`
render-refused-allow = { $path } has { $errors } { $errors ->
        [one] error
       *[other] errors
    }; not rendered (use --allow-errors to render anyway)
render-refused = { $path } has { $errors } { $errors ->
        [one] error
       *[other] errors
    }; not rendered
render-dir-to-stdout = a directory renders to a directory; give -o OUTDIR
render-dir-into-file = { $path } is a file; a directory renders into a folder: give -o a folder (it is made when it does not exist yet)
render-template-outside = it resolves outside the --templates folder; templates may only include files inside it
render-docx-to-stdout = a DOCX file cannot go to stdout; give -o FILE.docx
render-pdf-to-stdout = a PDF file cannot go to stdout; give -o FILE.pdf
render-pdf-no-cjk-font = no Chinese (CJK) font found, so no PDF was written. Install one, e.g. `apt-get install fonts-noto-cjk` (Debian/Ubuntu), `dnf install google-noto-sans-cjk-fonts google-noto-serif-cjk-fonts` (Fedora) or Noto Sans CJK SC / Noto Serif CJK SC from https://github.com/notofonts/noto-cjk; PLANC_FONT_PATH can name font directories to search instead of the system's
render-pdf-too-long = typesetting the PDF from the template `{ $template }` took longer than { $seconds } s and was stopped, so no PDF was written (a loop that never ends? raise [limits] typeset_seconds in planc.toml for a very long report)
template-output-too-large = the template wrote more than { $mb } MB, the most a report may hold; it stopped there (a loop that never ends?) and nothing was written
render-review-errors = { $path }: the review has errors in its plan or actuals; run `planc review { $path }` to see them
rollup-no-children = no plan under { $path } has child plans (`parent: <plan-id>#<item>`) to roll up
rollup-no-plan = no plan with id `{ $id }`
rollup-no-plan-suggest = no plan with id `{ $id }`; did you mean `{ $suggestion }`?
rollup-duplicate-root = more than one plan has the id `{ $id }`
rollup-refused = the plans of the organisation have { $errors } { $errors ->
        [one] error
       *[other] errors
    }; not rendered (use --allow-errors to render anyway)
rollup-root-not-loaded = the root plan did not load

## planc.toml

config-tolerance-money = tolerance.money = { $value }: expected an amount such as "0元" or "1万元"
config-tolerance-percent = tolerance.percent = { $value }: expected percentage points such as "0.1"
config-money-unit = render.money_unit = { $value }: expected 元, 万元 or 亿元
cli-money-unit = --money-unit { $value }: expected 元, 万元 or 亿元
config-alias-blank = aliases.{ $key } = { $value }: an alias is a name, not blank
config-unknown-rule = [rules] { $key } is not a rule; `planc rules` lists them
config-unknown-rule-suggest = [rules] { $key } is not a rule; did you mean { $suggestion }?
config-threshold = review.{ $key } = { $value }: expected an attainment such as "100%"
config-amber-above-green = review.amber ({ $amber }%) is above review.green ({ $green }%)

## Encodings

decode-not-utf8 = this file is not UTF-8; it looks like { $encoding } (first bad byte at offset { $offset })
decode-unknown-encoding = an unknown non-UTF-8 encoding
decode-help = re-save the file as UTF-8: in VS Code use "Reopen with Encoding" → { $encoding } and then "Save with Encoding" → UTF-8; on the command line: iconv -f { $iconv } -t UTF-8 in.plan.yaml > out.plan.yaml
human-omitted = { $path }: { $count } more { $count ->
        [one] finding
       *[other] findings
    } of { $code }({ $name }) not shown (the first { $shown } are above; `--max-findings 0` shows all, `--format json` lists all)

## git (`planc check --changed-since`)

git-not-found = `git` was not found on PATH; planc needs the git command line for this
git-failed = `{ $command }` failed: { $reason }
git-unknown-revision = `{ $rev }` is not a revision of this repository
check-nothing-changed-since = no plan, review or actuals file changed since { $rev }; nothing to check
check-nothing-listed = no plan, review or actuals file among the listed paths; nothing to check
output-not-a-file = the output is not a regular file (a device, a FIFO, a socket, a directory, or a link to none of those): planc writes only over a regular file or where nothing exists
io-link-outside = { $path } links to { $target }, outside the folder checked: not read (copy the file in, or name it on the command line)
human-help-label = {"help: "}
human-related-heading = see also:
slip-colon = a full-width colon `：` after `{ $key }`: YAML needs an ASCII colon and a space
slip-colon-label = full-width colon
slip-comma = a full-width comma `，` before `{ $key }` inside `{"{"} … {"}"}`: YAML separates entries with an ASCII comma
slip-comma-label = full-width comma
slip-space = a full-width space in the indentation: YAML indents with ASCII spaces only
slip-space-label = full-width space
slip-space-help = delete it and indent with ASCII spaces, like the lines around it
slip-ascii-help = switch the input method to half-width (English) punctuation for YAML's `:` and `,`; `planc fix` rewrites this one
slip-thousands = inside `{"{"} … {"}"}` a comma ends the value: `{ $key }: { $written }` reads as two entries
slip-thousands-label = the comma splits this number
slip-thousands-help = write it without the separator, `{ $new }` (or quote it); `planc fix` rewrites it
yaml-flow = a `{"{"}` or `[` here is not closed, or its entries are not separated by `, ` (parser: { $info })
yaml-indentation = the indentation here does not line up with the lines above (parser: { $info })
yaml-mapping = this line does not read as `key: value` (parser: { $info })
yaml-syntax-help = common causes: a tab in the indentation, full-width `：` `，` or spaces, an unquoted value starting with `>=` or `|`, a quote or bracket left open
findings-omitted = { $count } more findings of this kind were left out (at most { $max } of one kind are kept per file)
findings-omitted-help = fix the ones shown first: the same mistake repeated is usually one cause
