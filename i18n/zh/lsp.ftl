# planc lsp：语言服务器自身的消息（悬停说明、诊断补充）。

lsp-help = 提示：{ $help }
lsp-hover-explain = 运行 `planc explain { $code }` 查看完整说明，或打开代码上的链接。
lsp-hover-ref = `{ $id }` { $name } —— 定义于 `{ $section }`，{ $file } 第 { $line } 行
lsp-hover-filled-by = 由计划 { $name } 承接（{ $file } 第 { $line } 行）
lsp-complete-id = { $name }（{ $section }）
lsp-log-workspace = planc：工作区已打开，已检查 { $files } 个文件
lsp-log-bad-notification = planc：已忽略格式错误的 { $method }：{ $error }
lsp-fix-unsafe = { $message }（非安全修复：会改变计划内容）
lsp-fix-all = planc：应用全部 { $count } 处安全修复
lsp-hover-sum-ok = { $breakdown }：{ $count } 项合计 { $sum } = { $whole }
lsp-hover-sum-short = { $breakdown }：各项合计 { $sum }，比 { $whole } 少 { $gap }
lsp-hover-sum-over = { $breakdown }：各项合计 { $sum }，比 { $whole } 多 { $gap }
lsp-hover-sum-partial = { $breakdown }（部分分解）：各项合计 { $sum }，占 { $whole } 的 { $share }
lsp-hover-sum-blank = （其中 { $blank } 项尚未填写）
lsp-hover-share = { $value } 占 { $owner }（{ $whole }）的 { $share }
