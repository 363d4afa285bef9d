## 年终总结：总结文件、被总结的计划及其实际数据（P806、P808、P811、P812），以及
## `planc review` 命令本身。数字和路径均已格式化后传入。

review-plan-not-found = 找不到要总结的计划 `{ $plan }`
review-plan-not-found-label = 没有这个计划文件，也没有这个计划 id
review-plan-not-found-help = 请写相对于本文件的路径，或 { $dir } 中某份计划的 id
review-ref-outside = `{ $path }` 位于工作区之外，不予读取
review-ref-outside-label = 在工作区之外
review-ref-outside-help = 年终总结只读取 { $root } 内的文件（planc.toml 所在文件夹，否则为所检查的文件夹）；请把文件复制进来，或检查同时包含两者的文件夹
review-actuals-not-found = 找不到实际数据文件 `{ $file }`
review-actuals-not-found-label = 文件不存在
review-actuals-not-found-help = 路径相对于总结文件所在的文件夹
review-of-a-review = 年终总结对照的是计划，不能是另一份年终总结
review-of-a-review-label = 这是一份 `kind: review` 文件
review-plan-errors = 要总结的计划 { $path } 有错误，无法加载
review-plan-errors-label = 请先修正这份计划
review-plan-errors-help = 对它运行 `planc check` 可查看具体错误
review-no-actuals = 没有可对照的实际数据
review-no-actuals-help = 在 `review.actuals` 下列出实际数据文件，或用 `--actuals 文件` 指定
review-other-plan = 这些实际数据属于计划 `{ $theirs }`，而要总结的计划是 `{ $ours }`
review-other-plan-label = 另一份计划
review-actuals-no-plan = 找不到这些实际数据对应的计划 `{ $id }`
review-actuals-no-plan-help = 请和计划放在一起检查：对同时包含两者的文件夹运行 `planc check`，或运行 `planc review 计划文件 --actuals 实际数据文件`
review-actuals-which-plan = 无法判断 { $path } 属于哪份计划
review-actuals-which-plan-help = 用计划 id 给文件命名（`<计划id>.actuals.csv`），或在 YAML 实际数据文件中写上 `plan: <id>`

## P808：总结中缺数的指标

review-no-actual-target = 目标 `{ $id }`（{ $name }）没有实际数据
review-no-actual-kpi = 关键指标 `{ $id }`（{ $name }）没有实际数据
review-no-actual-items = `{ $id }` 按 `{ $dimension }` 分解的以下项目没有实际数据：{ $items }
review-no-actual-label = 这几个实际数据文件中都没有
review-no-actual-help = 补上这一行，或列出包含它的实际数据文件
review-later-rows = 有 { $rows } 行全年数据截至 { $date }，晚于总结日期 { $as_of }，未计入：{ $what }没有截至 { $as_of } 的数字
review-later-rows-label = 数据截至 { $date }
review-later-rows-help = 全年（FY）行是截至本文件日期（`as_of`；未写时为文件中最后一个季度或月份的期末，再没有则为总结日期）的累计数，不会按月份折算；要出截至 { $as_of } 的总结，请另给一份 `as_of: { $as_of }` 的实际数据文件，填截至该日的累计数，或按季度、月份给出
review-later-more = { $list } 等 { $total } 项
review-breakdown-of = `{ $id }` 的 `{ $dimension }` 分解

## P806：总结日期

review-as-of-outside = `as_of` { $date } 不在计划期间（{ $start } 至 { $end }）内
review-as-of-outside-label = 超出 { $start } 至 { $end }
review-as-of-outside-help = 请填写计划期间内的日期；期末之前的日期按年初至今的累计数出总结

## P812：图表与引用

review-unknown-figure = 没有名为 `{ $name }` 的计算图表
review-unknown-figure-label = 年终总结算不出这张表
review-unknown-reference = `{ $reference }` 不对应任何计算出的数字
review-unknown-reference-label = 无法填入数字
review-did-you-mean = 你是不是想写 `{ $name }`？
review-choices = { $what }：{ $list }
review-choices-groups = 可用的指标分组和策略
review-choices-kpis = 可用的关键指标 id
review-choices-figures = 可用的写法有 `targets`、`kpis`、`kpis/<分组>`、`kpi/<id>`、`forecast`、`<目标>/<维度>`，目标有
review-choices-dimensions = `{ $target }` 的分解维度
review-choices-fields = 可用的字段
review-choices-metrics = 目标和关键指标
review-choices-items = `{ $dimension }` 的项目
review-reference-form = 请写成 `{"{{"}<指标>.<字段>{"}}"}`，例如 `{"{{"}sales.attainment{"}}"}`
review-reference-form-item = 请写成 `{"{{"}<目标>/<维度>/<项目>.<字段>{"}}"}`，例如 `{"{{"}sales/product/xinmaian.growth{"}}"}`

## planc review

review-cli-no-such-file = 无法读取 { $path }：文件不存在
review-cli-docx-needs-file = --format docx 和 --format pdf 需要用 -o 指定输出文件
review-cli-bad-date = `{ $text }` 不是日期；请写成 YYYY-MM-DD，例如 2026-09-30
review-cli-as-of-outside = --as-of { $date } 不在计划 `{ $plan }` 的期间（{ $start } 至 { $end }）内；请给出这段时间内的日期
review-cli-not-written = 未生成年终总结：计划或实际数据中有 { $errors } 个错误
review-cli-wrote = 已写入 { $path }（目标 { $targets } 项、关键指标 { $kpis } 项；{ $warnings } 个警告）
review-nothing-computed = 没有算出任何数字
review-plan-not-loaded = 要总结的计划未能加载
review-outline-failed = 无法生成默认的年终总结大纲
review-period = 复盘的期间为 { $start } 至 { $end }，但所复盘计划的期间为 { $plan_start } 至 { $plan_end }
review-period-label = 复盘的期间
review-period-label-plan = 计划的期间
review-period-help = 复盘覆盖的就是计划的期间：写上计划的日期，或者复盘这个期间的计划

## P814 narrative-figure
p814-attainment = 完成率
p814-growth = 增长率
p814-kpi-target = 目标
p814-message = 文中写{ $name }的{ $what }为 { $written }，但复盘计算出的是 { $computed }
p814-label = 计算值：{ $computed }
p814-help = 让 planc 填写这个数（如 `{"{{"}<指标>.attainment{"}}"}`），或更正文中的数字

## 月报（planc review 目录）
monthly-no-plans = { $path } 中没有可出月报的计划（既无实际数据也无下级计划）；`planc review 目录 --as-of 日期` 针对文件夹中的组织出月报（带 `parent:` 下级的计划及其实际数据文件）
monthly-after-as-of = { $period } 这一行晚于报告日期 { $date }：不计入
monthly-after-as-of-label = 晚于报告日期
monthly-after-as-of-help = 改用更晚的报告日期（`--as-of`），或在该月出报告前把文件移出文件夹
monthly-title = { $year }年{ $month }月经营月报
monthly-kind = 经营月报
monthly-period = { $year }年{ $from }–{ $to }月
monthly-period-one = { $year }年{ $month }月
monthly-period-span = { $fromyear }年{ $from }月–{ $year }年{ $to }月
monthly-cover-kind = 报告类型
monthly-cover-org = 组织单元
monthly-cover-period = 报告期间
monthly-cover-as-of = 数据截至
monthly-cover-plan = 对照计划
monthly-cover-unit = 货币与金额单位
monthly-cover-rounding = 金额说明
monthly-legend-green = 绿灯
monthly-legend-amber = 黄灯
monthly-legend-red = 红灯
monthly-legend-unlit = 年度完成率（无状态灯）
monthly-s-summary = 本月要点
monthly-s-ranking = 序时进度排名
monthly-s-progress = 逐月累计进度
monthly-s-units = 各区域下属单位
monthly-s-method = 口径说明
monthly-headline = 截至{ $date }，{ $unit }累计实现销售{ $actual }，完成年度目标的{ $attainment }；时间进度{ $time }，序时进度{ $phased }，{ $ahead ->
        [ahead] 领先
       *[behind] 落后
    }序时进度{ $points }个百分点。同比{ $yoy }，环比{ $mom }。全年预测：序时法{ $fphased }，线性法{ $flinear }。
monthly-headline-none = 截至{ $date }，{ $unit }已结账月份的实际数据不全，累计数无法计算。
monthly-red = 红灯单位（序时完成率低于 { $amber }）：{ $list }
monthly-gaps = 落后序时目标最多：{ $list }
monthly-none = 无
monthly-points = 较序时进度{ $points }个百分点
monthly-no-actuals = 无实际数据
monthly-col-rank = 排名
monthly-col-unit = 单位
monthly-col-annual = 年度目标
monthly-col-phased = 序时目标
monthly-col-actual = 累计实际
monthly-col-attainment = 年度完成率
monthly-col-time-pace = 时间进度
monthly-col-phased-pace = 序时进度
monthly-col-points = 较序时进度（个百分点）
monthly-col-to-date = 序时完成率
monthly-col-gap = 与序时目标差额
monthly-col-yoy = 同比
monthly-col-mom = 环比
monthly-col-forecast-phased = 全年预测（序时法）
monthly-col-forecast-linear = 全年预测（线性法）
monthly-col-figure = 指标
monthly-col-value = 数值
monthly-col-month = 月份
monthly-col-month-actual = 当月实际
monthly-col-last-year = 上年同月
monthly-col-cum-actual = 累计实际
monthly-col-cum-target = 累计序时目标
monthly-ranking-caption = { $unit }：按序时完成率排名
monthly-ranking-note = 金额单位：{ $unit }。按序时完成率（累计实际 ÷ 序时目标）排名，状态灯亦按此；时间进度{ $time }；较序时 = 年度完成率 − 序时进度（个百分点）；序时差额 = 累计实际 − 序时目标。
monthly-months-note = 金额单位：{ $unit }。序时目标：{ $phasing }。
monthly-phasing-quarter = 按计划的季度分解，季度内按月平均
monthly-phasing-month = 按计划的月度分解
monthly-phasing-parent = 按上级的季度分解，乘以本单位占上级目标的比例
monthly-phasing-linear = 计划未分解季度或月度，按月平均
monthly-summary-note = 序时完成率 = 累计实际 ÷ 序时目标。全年预测（序时法）= 累计实际 ÷ 序时目标 × 年度目标；全年预测（线性法）= 累计实际 × 12 ÷ 已过月数。
monthly-chart-ranking = { $unit }：年度目标完成率
monthly-chart-cumulative = { $unit }：累计实际与序时目标
monthly-caption = 图{ $n }　{ $title }
monthly-caption-unit = 图{ $n }　{ $title }（{ $unit }）
monthly-legend-time-pace = 时间进度 { $pace }
monthly-legend-phased-pace = 序时进度
monthly-legend-target = 序时目标（累计）
monthly-legend-actual = 实际（累计）
monthly-month = { $n }月
monthly-method = - **时间进度**：已过天数 ÷ 全年天数。
    - **序时进度**：按计划自身的季度或月度分解算出的截至报告日目标（季度内按月平均，当月按天数）÷ 年度目标；没有计划的单位按上级的分解乘以其占上级目标的比例；计划未分解的按月平均。
    - **序时完成率**：累计实际 ÷ 序时目标；不低于 { $green } 为绿灯，不低于 { $amber } 为黄灯，低于 { $amber } 为红灯。
    - **较序时进度**：年度完成率 − 序时进度，单位为个百分点（{ $dp } 位小数）。
    - **同比**：累计实际 ÷ 上年同期（相同月份）实际 − 1。**环比**：最近一个月 ÷ 上一个月 − 1。
    - **全年预测（序时法）**：累计实际 ÷ 序时目标 × 年度目标。**全年预测（线性法）**：累计实际 × 12 ÷ 已过月数。
    - 无法计算的数字显示为 —，从不显示为零。
review-cli-monthly-as-of = { $path } 中没有月度实际数据，无法确定月报日期：请用 `--as-of YYYY-MM-DD` 指定（所报月份的最后一天，例如 `--as-of 2026-09-30`）
review-cli-monthly-as-of-latest = 未指定 `--as-of`：月报截至 { $date }，即实际数据所报最近一个月的最后一天
review-cli-monthly-wrote = 已写入 { $path }（截至 { $date } 的月报，{ $units } 个单位）
monthly-col-points-short = 较序时（点）
monthly-col-gap-short = 序时差额
monthly-total = 合计
monthly-parent-row = { $unit }（整体）
monthly-list-sep = ；
