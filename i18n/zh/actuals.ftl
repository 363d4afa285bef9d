## 实际数据消息（zh）：读取实际数据文件（YAML、CSV、XLSX），并把每一行与计划对应起来
## （P801–P810）。数字、单元格位置和列表都已格式化后传入。

## 公用片段
actuals-did-you-mean = 是不是想写 `{ $suggestion }`？
actuals-list-sep = 、
# 列表的最后两项：`Q1、Q2 和 Q4`。
actuals-list-and = { $rest } 和 { $last }
# 消息后面的工作表单元格：`（Sheet1!C5）`。
actuals-at-cell = （{ $cell }）
# 计划里写的分解维度（`province`、`product` …）。
actuals-dimension = { $dim ->
        [product] 产品
        [province] 省份
        [region] 大区
        [quarter] 季度
        [month] 月份
        [city] 城市
        [channel] 渠道
        [team] 团队
        [representative] 代表
        [account] 客户
        [customer_type] 客户类型
       *[other] { $dim }
    }
# 一个数字所在的位置：`sales` › 省份 `jiangsu` › Q3。
actuals-cell = `{ $metric }` › { $dim } `{ $item }`
actuals-encoding = { $path }：{ $message }

## 指标要求的单位，以及实际看到的单位
actuals-expect-money = 金额（元、万元或亿元）
actuals-expect-percent = 百分比
actuals-expect-count = 以“{ $unit }”计的数量
actuals-expect-bare = 不带单位的数字
actuals-found-bare = 不带单位的数字
actuals-found-money = 金额（{ $unit }）

## 读取 CSV 和工作簿（P810）
actuals-column-twice = 有两列都是 `{ $field }`{ $at }
actuals-column-twice-label = 第二列
actuals-column-twice-first = 第一列
actuals-column-twice-help = 只保留其中一列
actuals-column-unread = 列 `{ $column }` 不会被读取{ $at }
actuals-column-unread-label = planc 不认识这一列
actuals-header-missing = 表头（第 { $row } 行）缺少 { $columns } 列
actuals-header-found = 现有的列：{ $columns }
actuals-header-help = 长表格式的列为 指标、维度、项目、期间/月份、实际/金额/销售额、单位、同期（或 metric、dimension、item、period、value、unit、last_year）；财务自己的格式用维度命名项目列（省份、产品、医院、代表），旁边是月份和销售额；宽表格式每个月或季度一列（1月 … 12月、一季度 … 四季度）
actuals-row-extra-cells = 第 { $row } 行的单元格比表头的列多{ $at }
actuals-row-extra-cells-label = 这个单元格没有对应的列
actuals-row-extra-cells-help = 含逗号的单元格要加引号："1,200"
actuals-row-incomplete = 第 { $row } 行缺少 { $fields }{ $at }
actuals-row-incomplete-label = 这一行不完整
actuals-no-rows = 文件中没有任何数据行
actuals-no-rows-help = 第一行是表头：metric,dimension,item,period,value,unit
actuals-workbook-unreadable = 无法把 { $path } 作为工作簿打开：{ $reason }
actuals-workbook-unreadable-help = 用 Excel 或 WPS 另存为 .xlsx，或导出为 CSV（UTF-8）
actuals-workbook-unpacks-too-large = 解压后超过 { $limit } MB（文件大小上限 --max-file-mb 的四倍）
actuals-workbook-too-many-cells = 工作表 { $sheet } 过大：超过 { $rows } 行或 { $cells } 个单元格，或单元格分布的矩形范围过大（请只导出本计划的数据，或导出为 CSV）
actuals-workbook-no-sheets = { $path } 中没有工作表
actuals-sheet-no-rows = 工作表 `{ $sheet }` 中没有任何数据行

## 宽表格式：每个项目一行，每个月或季度一列
actuals-wide-no-label = 表头（第 { $row } 行）有月份或季度列，但没有说明每一行是什么的列
actuals-wide-no-label-label = 有期间列，但没有 `metric`、`item` 或维度列
actuals-wide-no-label-help = 在最前面加一列：写目标或 KPI id 的 `指标`（metric）列，或 `省份`（province）、`产品`（product）这样的维度列
actuals-wide-total-months = 第 { $row } 行：各月合计 { $sum }，但 `{ $column }` 写的是 { $total }{ $at }
actuals-wide-total-quarters = 第 { $row } 行：各季度合计 { $sum }，但 `{ $column }` 写的是 { $total }{ $at }
actuals-wide-total-label = 不等于这一行的合计
actuals-wide-total-help = 合计列只用于核对，不作为数据读取：请改正合计，或改正出错的月份或季度
actuals-wide-metric-none = `{ $plan }` 中没有按 `{ $dim }` 分解的目标{ $at }
actuals-wide-metric-none-label = 这些数字是哪个目标的？
actuals-wide-metric-none-help = 加一列 `指标`（metric）写上目标的 id，或用目标的某个分解维度作为这一列的表头
actuals-wide-metric-several = 有多个目标按 `{ $dim }` 分解（{ $targets }）{ $at }
actuals-wide-metric-several-label = 这些数字是哪个目标的？
actuals-wide-metric-several-help = 加一列 `指标`（metric）写上目标的 id
actuals-wide-item-as-metric-help = 没有 `指标` 列时，`{ $column }` 列写的是指标；`{ $item }` 是 `{ $dim }` 的一个项目：把这一列的表头改为 `{ $dim }`，或加一列 `指标`
actuals-wide-last-year = 宽表格式不读取 `{ $column }` 列{ $at }
actuals-wide-last-year-help = 上年同期数请用长表格式：每个期间一行，并加 `同期`（last_year）列

## YAML 实际数据
actuals-yaml-not-mapping = 实际数据文件应是一个映射，包含 `plan`、`as_of`、`unit` 和 `rows`
actuals-yaml-not-mapping-label = 不是映射
actuals-yaml-unknown-field = 实际数据文件中没有字段 `{ $field }`
actuals-yaml-unknown-field-label = 这里不能写这个字段
actuals-yaml-fields = 这里可以写的字段：{ $fields }
actuals-yaml-as-of = `as_of: { $value }` 不是日期
actuals-yaml-as-of-label = 应写成 YYYY-MM-DD
actuals-yaml-as-of-help = 写数据截止的最后一天，例如 `2026-09-30`
actuals-yaml-unit = `unit: { $value }` 不是金额单位
actuals-yaml-unit-label = 应为 元、万元 或 亿元
actuals-yaml-unit-help = `unit` 规定不带单位的金额按什么单位读；其他单位请在每一行里写
actuals-yaml-no-rows = 实际数据文件需要 `rows`
actuals-yaml-no-rows-help = 加上 `rows:`，每个指标、项目和期间写一条
actuals-yaml-rows-not-list = `rows` 必须是列表
actuals-yaml-rows-not-list-label = 不是列表
actuals-yaml-row = 第 { $row } 行：{ $message }
actuals-yaml-field = `{ $field }`：{ $message }

## 期间
actuals-period-quarters = 计划期间只有 Q1–Q{ $last } 这几个季度
actuals-period-months = 计划期间只有 M01–M{ $last } 这几个月
actuals-period-outside = { $period } 不在计划期间 { $start } – { $end } 之内
actuals-period-ambiguous-month = 计划期间里有不止一个 `{ $period }`；请写上年份，例如 `{ $example }`
actuals-period-expected = 应为 `FY`、季度 `Q1`–`Q4`（或 `一季度`），或 `2026-03` 这样的月份

## P801 unknown-metric
p801-message = 未知指标 `{ $metric }`{ $at }
p801-label = 不是 `{ $plan }` 的目标或 KPI
p801-help-ids = 指标应写目标或 KPI 的 id：{ $ids }

## P802 unknown-dimension
p802-no-dimension = 项目 `{ $item }` 没有写维度{ $at }
p802-no-dimension-label = 这是哪个分解的项目？
p802-no-dimension-help = 加上 `dimension: { $dim }`
p802-no-dimension-help-any = 写上维度，例如 `product` 或 `province`
p802-no-item = 维度 `{ $dim }` 没有写项目{ $at }
p802-no-item-label = 缺少项目
p802-no-item-help = 写上项目；如果是这个指标的总数，维度和项目都留空
p802-kpi = KPI `{ $metric }` 没有分解{ $at }
p802-kpi-label = KPI 只按整体填报
p802-kpi-help = KPI 的维度和项目留空
p802-unknown = `{ $metric }` 没有按 `{ $dim }` 分解{ $at }
p802-unknown-label = 计划中没有这个分解
p802-unknown-help = `{ $metric }` 的分解维度有：{ $dims }

## P803 unknown-item
p803-message = `{ $metric }` 没有{ $dim } `{ $item }`{ $at }
p803-label-segment = 不是细分 `{ $dim }` 的项目
p803-label = 不在计划的 `{ $dim }` 分解中
p803-help-items = `{ $dim }` 的项目有：{ $items }

## P804 duplicate-actual
p804-message = { $cell } 重复填报{ $at }
p804-label = 此处重复填报
p804-label-first = 首次填报于此
p804-help = 第 { $row } 行已经填报了这个数；两行只保留一行
p804-help-other-file = { $file } 第 { $row } 行已经填报了这个数；两行只保留一行

## P805 actual-unit
p805-not-number = `{ $value }` 不是数字{ $at }
p805-not-number-label = 应为数字，例如 9.35亿元 或 93%
p805-unit-column = `{ $value }` 与单位列的 `{ $unit }` 不一致{ $at }
p805-unit-column-label = 这里写的单位是 { $written }
p805-unit-column-label-column = 单位列
p805-unit-column-help = 数字不带单位，或清空单位列的值
p805-mismatch = `{ $metric }` 要求{ $expected }，这里却是{ $found }{ $at }
p805-mismatch-label = 无法与目标 { $target } 比较
p805-mismatch-help-unit = 写明单位：加一列 `单位`（元、万元或亿元），或直接写在数字后面（9.35亿元）
p805-mismatch-help = 请按{ $expected }填写

## P806 bad-period
p806-message = 无法识别期间 `{ $period }`{ $at }
p806-help = 写 `FY`、`Q1`–`Q4`，或 `2026-03` 这样的月份
p806-item = 无法把 `{ $item }` 识别为{ $dim }{ $at }
p806-disagree = 项目 `{ $item }` 与期间 `{ $period }` 不一致{ $at }
p806-disagree-label = 另一个期间
p806-disagree-label-item = 这个项目本身也是期间
p806-disagree-help = 按{ $dim }填报时，写 `period: { $period }`，维度和项目留空

## P807 missing-period
p807-message = { $cell } 有 { $have } 的实际数据，但缺少 { $missing }{ $at }
p807-label-month = 从这里开始按月填报
p807-label-quarter = 从这里开始按季度填报
p807-help = 补上缺少的期间，一直到 { $until }

## P809 actuals-sum-mismatch
p809-year = { $cell } 全年为 { $full }，但各季度合计 { $sum }{ $at }
p809-year-label = 各季度合计：{ $sum }
p809-year-help = 改正全年数或出错的那个季度
p809-parts = { $cell } 按{ $dim }合计 { $sum }，与实际值 { $total } 不符{ $at }
p809-parts-label = 按{ $dim }合计 { $sum }
p809-parts-help = `{ $dim }` 分解应覆盖全部；请改正总数或出错的项目（或把这个分解标记为 `partial: true`）

## P813 actuals-as-of
p813-outside = `as_of: { $as_of }` 不在计划期间 { $start } 至 { $end } 之内
p813-outside-label = 超出计划期间
p813-outside-help = 填写数据截至的日期，且在计划期间之内（或者检查这个文件是否属于这个计划）
p813-after = { $period } 这一行开始于本文件的 `as_of: { $as_of }` 之后：不计入
p813-after-label = 晚于文件日期
p813-after-label-as-of = 文件日期
p813-after-help = 把 `as_of` 改为数据实际截至的日期，或删除这一行（预测数不是实际数）
p805-fraction = `{ $metric }` 以 % 计，但 `{ $value }` 没有百分号{ $at }：是小数（单元格丢了百分比格式），还是不到 1% 的比率？
p805-fraction-label = 如果是小数，即 { $percent }%
p805-fraction-help = 如果在 Excel 中显示为 { $percent }%，写成 `{ $percent }%`（或保留单元格的百分比格式）；如果比率确实不到 1%，写成 `{ $value }%`
p809-quarter = { $cell } 的 { $quarter } 为 { $value }，但其各月合计为 { $sum }{ $at }
p809-quarter-label = 各月合计：{ $sum }
p809-quarter-help = 计算用的是各月数据而不是小计：更正小计或出错的月份
p809-half = { $cell } 的 { $half } 为 { $value }，但其两个季度合计为 { $sum }{ $at }
p809-half-label = 两个季度合计：{ $sum }
p809-half-help = 计算用的是季度数据而不是半年小计：更正小计或出错的季度
p805-negative = { $cell } 为负数（{ $value }）{ $at }，而计划目标是正数
p805-negative-label = 小于零
p805-negative-help = 退货多的月份可能为负；如确实如此可以保留（按所写的数计算），否则请更正正负号
actuals-formula-no-value = { $count } 个公式单元格没有保存计算结果（{ $cells }）：工作簿由程序生成、从未计算过，这些数无法读取
actuals-formula-no-value-help = 用 Excel（或 LibreOffice）打开工作簿并保存，让每个公式保存其结果；或者导出数值而不是公式
actuals-read-as-gb18030 = { $path } 不是 UTF-8 编码，已按 GB18030（GBK）读取——中文 Windows 上 Excel 的“CSV（逗号分隔）”就是这种编码
actuals-read-as-gb18030-help = 为确保每个字符都正确，请在 Excel 中另存为“CSV UTF-8（逗号分隔）”（文件 › 另存为 › 文件类型）
actuals-zero-cells = 有 { $count } 个空白或 `-` 单元格位于一行数据之间，按 0 读取
actuals-zero-cells-help = 财务对没有销售的期间常常留空或写 `-`；一行最后一个数之后的空白是尚未报告的月份，不读取
actuals-detail-summed = 有 { $rows } 行明细比计划更细（按{ $finer }），已按{ $by }和期间精确汇总为 { $figures } 个数
actuals-detail-summed-help = 计划按{ $by }分解目标：每个数都是其各行的精确合计；如需查看单行，请筛选导出文件
actuals-template-no-plan = 无法生成模板：{ $path } 不能作为计划加载（错误见上）
actuals-template-exists = { $path } 已存在：请换一个 `-o`，或用 `--force` 覆盖
actuals-template-wrote = 已写入 { $path }（{ $rows } 行待填写）
actuals-xls-is-text = { $path } 是以工作簿名称保存的分隔文本（某些 ERP 系统就是这样导出的）：按 CSV 读取
actuals-xls-is-html = { $path } 是以工作簿名称保存的 HTML 网页（某些 ERP 系统就是这样导出的），不是工作簿：planc 不读取 HTML 表格
actuals-xls-is-html-help = 用 Excel 打开后另存为“Excel 工作簿 (*.xlsx)”或“CSV UTF-8”，或者从 ERP 导出为 XLSX 或 CSV
actuals-sheets-unread = 工作表 { $sheets } 有数据行，但没有 planc 认识的表头：未读取
actuals-sheets-unread-help = 实际数工作表需要一行表头（指标 / 期间 / 实际，或 省份 / 1月 … 12月）；说明或透视表之类的工作表可以保持原样
p815-message = 导出文件中 { $cell } 的目标为 { $given }，但计划中为 { $plan }{ $at }
p815-label = 计划：{ $plan }
p815-help = 实际值照常读取，导出文件中的目标不读取。该文件是按另一版计划制作的：请财务按当前计划重新导出
p815-not-compared = 导出文件中有 { $count } 个目标未能核对：计划没有给出对应期间的数字
p815-not-compared-help = 计划只有在做了季度或月度分解时才给出季度、月度数字；实际值照常读取
