## planc fix：问题自带的修复，以及 fix 命令

fix-summary-fixable = ；{ $fixable } 个可用 `planc fix` 自动修复
fix-human-safe = 可用 `planc fix` 自动修复：{ $message }
fix-human-unsafe = 可用 `planc fix --unsafe-fixes` 修复（会改变计划含义）：{ $message }
fix-replace = 把 `{ $old }` 改成 `{ $new }`
fix-share-uncorroborated = { $fix }（不安全：各项金额之和不等于总数，错的可能是某个金额而不是占比）
fix-add-quarter = 补上 { $quarter }（总数减去其余季度，剩 { $value }）
fix-add-other = 新增 `{ $item }` 项，放入未分配的 { $value }

fix-applied = { $path }：已修复 { $count } 个问题
fix-applied-item = {"  "}{ $code } 第 { $line } 行第 { $column } 列：{ $message }
fix-would-apply = { $path }：将修复 { $count } 处
fix-parse-error = { $path }：未修改——文件的 YAML 格式有误，请先修正语法错误（`planc check { $path }`）
fix-unreadable = { $path }：未修改——{ $reason }
fix-not-stable = { $path }：修复后又不断出现新的可修复问题，已在第 { $rounds } 轮后停止
fix-summary = 共在 { $files } 个文件中修复 { $fixed } 个问题；还剩 { $remaining } 个问题
fix-summary-none = 没有可自动修复的问题；还剩 { $remaining } 个问题
fix-summary-diff = 共 { $files } 个文件、{ $fixes } 处可修复；本次未写入任何文件
fix-hidden-unsafe = 另有 { $count } 处修复会改变计划含义，加 `--unsafe-fixes` 才会应用
fix-remaining-header = 以下问题需要手工处理：

## planc init

init-written = 已生成 { $path }
init-kept = 已保留 { $path }（文件已存在，未覆盖）
init-exists = { $path } 已存在；如需覆盖请加 `--force`，或换一个文件名
init-next = 下一步：把 `XX`、`【…】`、`待补充` 这些占位符换成实际的数字和内容，然后运行 `planc check { $path }`
init-unknown-kind = `{ $kind }` 不是计划类型；可选类型：{ $kinds }
fix-rejected-new = 未应用：这个修复会引出 { $code }：{ $message }
fix-rejected-remains = 未应用：这个修复解决不了它的问题
fix-rejected = { $path }：{ $code } { $reason }
