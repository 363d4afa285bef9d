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
