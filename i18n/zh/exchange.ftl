# Excel 下发/回收：`planc export` 与 `planc import`。

xchg-not-an-export = 这不是 `planc export` 生成的工作簿（缺少隐藏的 `planc` 工作表）
xchg-unreadable = 无法读取工作簿：{ $reason }
xchg-unknown-sheet = 工作表 `{ $sheet }` 不是 planc 导出的：请在导出的工作表中修改
xchg-missing-sheet = 工作簿中缺少导出时的工作表 `{ $sheet }`
xchg-plan-unreadable = { $cell }：无法读取计划 { $path }：{ $reason }
xchg-not-a-plan = 它已无法作为计划加载
xchg-plan-changed = { $cell }：{ $path } 在导出后已被修改（该单元格记录的是导出时文本的哈希）；请重新导出，并把数字填入新的工作簿
xchg-plan-id = { $cell }：{ $path } 已不是导出时的计划 `{ $id }`
xchg-locked-changed = { $cell } 是锁定单元格，却被修改了：`{ $old }` → `{ $new }`
xchg-formula-changed = { $cell } 是公式单元格，却被修改了：`{ $old }` → `{ $new }`
xchg-input-formula = { $cell } 应填数字，不能填公式（`{ $new }`）
xchg-input-not-a-number = { $cell } 应按表头单位填数字，而不是 `{ $new }`
xchg-item-gone = { $cell }：对应的分解项已不在计划中
xchg-outside = { $cell } 不在计划的单元格范围内（`{ $new }`）：只会读回白色的填写单元格
xchg-empty = （空）
xchg-cli-refused = { $path }：未导入任何内容——有 { $count } 个问题：
xchg-cli-refusal = { "  " }{ $message }
xchg-cli-plan = { $path }：{ $count } 个单元格有改动
xchg-cli-change = { "  " }{ $cell } { $label }：{ $old } → { $new }
xchg-cli-none = 没有单元格改动：计划中已是工作簿里的数字
xchg-cli-summary = 已把 { $count } 个单元格导入 { $files } 个计划
xchg-cli-summary-diff = 将把 { $count } 个单元格导入 { $files } 个计划
xchg-cli-written = 已写入 { $path }（{ $sheets } 个工作表）
xchg-cli-no-plans = 所给路径下没有可导出的计划
xchg-cli-unknown-for = 所给路径下没有 id 为 `{ $id }` 的计划
xchg-cli-format = 目前只支持 `--format xlsx`
