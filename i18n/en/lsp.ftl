# planc lsp: the language server's own messages (hover texts, diagnostic additions).

# A finding's help, appended to the diagnostic message.
lsp-help = help: { $help }
# Under a rule's summary in a hover.
lsp-hover-explain = Run `planc explain { $code }` for the full doc, or follow the code's link.
# What an id reference points to.
lsp-hover-ref = `{ $id }` { $name } — declared in `{ $section }`, { $file } line { $line }
# A breakdown item that a child plan fills.
lsp-hover-filled-by = Filled by the plan { $name } ({ $file } line { $line })
# A completion item's detail: an id declared in a section.
lsp-complete-id = { $name } ({ $section })
# In the editor's log of the server.
lsp-log-workspace = planc: workspace open, { $files } files checked
lsp-log-bad-notification = planc: ignored a malformed { $method }: { $error }
# Code actions: an unsafe fix (it changes what the plan says), and every safe fix at once.
lsp-fix-unsafe = { $message } (unsafe: changes what the plan says)
lsp-fix-all = planc: apply { $count } safe { $count ->
        [one] fix
       *[other] fixes
    }
# Hover on a figure: a breakdown's total against the figure it splits, an item's share.
lsp-hover-sum-ok = { $breakdown }: the { $count } items add up to { $sum } = { $whole }
lsp-hover-sum-short = { $breakdown }: the items add up to { $sum }, { $gap } short of { $whole }
lsp-hover-sum-over = { $breakdown }: the items add up to { $sum }, { $gap } over { $whole }
lsp-hover-sum-partial = { $breakdown } (partial): the items cover { $sum } of { $whole } ({ $share })
lsp-hover-sum-blank = { " " }({ $blank } without a figure yet)
lsp-hover-share = { $value } is { $share } of { $owner } ({ $whole })
