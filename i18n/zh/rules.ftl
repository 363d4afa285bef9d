## 规则消息（zh）：单个文件的一致性规则 P101–P702。数字和计划原文已格式化后传入
## （`{ $sum }` 形如“28亿元”，`{ $pct }` 形如“12.5%”）。

## 分解维度，作句子主语。
dimension-product = 产品
dimension-region = 区域
dimension-province = 省份
dimension-quarter = 季度
dimension-month = 月份
dimension-channel = 渠道
dimension-account = 客户
dimension-city = 城市
dimension-team = 团队
dimension-representative = 代表
dimension-phase = 阶段
dimension-other = `{ $dimension }` 项

## P101 breakdown-sum
p101-message = { $noun }合计 { $sum }，与{ $parent }（{ $total }）不符
p101-label = { $parent }：{ $total }
p101-help-short = { $noun }合计 { $sum }，应为 { $total }；还有 { $gap }（{ $pct }）未分配：{ $fix }
p101-help-over = { $noun }合计比 { $total } 多出 { $gap }（{ $pct }）：调低某一项，或调高总数
## 差额怎么补：开放的维度（省份、产品……）可以补 `其他` 项；季度、月份和时间线阶段是固定的。
p101-fix-other = 补一个 `其他` 项，或把该分解标为 `partial: true`
p101-fix-missing = 补上缺少的 { $missing }，或把该分解标为 `partial: true`
p101-fix-raise = 调高某一项，或调低总数
p101-fix-raise-share = 调高某一项的占比
p101-shares = 各{ $noun }占比合计 { $sum }，不是 100%（{ $parent }）
p101-label-shares = 占比合计 { $sum }
p101-help-shares-short = { $parent }还有 { $gap } 没有落到任何一项：{ $fix }
p101-help-shares-over = 各项占比合计超出 100%，多了 { $gap }：调低某一项的占比
p101-empty = { $parent }的分解没有列出任何{ $noun }
p101-label-empty = 没有分解项
p101-help-empty = 列出各{ $noun }及其数值，或删掉这个空的分解
p101-no-values = { $parent }的各{ $noun }都没有数值，无法核对分解
p101-label-no-values = 没有数值
p101-help-no-values = 给每一项写上带单位的数字

## P102 breakdown-share
p102-message = `{ $item }` 的占比写为 { $share }，但 { $value } 占 { $whole } 的 { $actual }
p102-label = 实际占比 { $actual }
p102-label-value = 数值
p102-label-whole = 总数
p102-help = 改为 `share: { $written }`（按所写位数；精确为 { $actual }），或修改数值

## P103 budget-lines-sum
p103-message = 预算各项合计 { $sum }，与预算总额 { $total } 不符
p103-label = 预算总额
p103-help-short = 总额中有 { $gap } 没有落到任何一项：增加一项（如 `预备费`），或调低总额
p103-help-over = 各项合计超出总额 { $gap }

## P104 budget-shares-sum
p104-message = 预算各项占比合计 { $sum }，不是 100%
p104-label-first = 第一项占比
p104-help-short = 还有 { $gap } 的预算没有落到任何一项
p104-help-over = 各项占比合计超出 100%，多了 { $gap }

## P105 budget-share-amount
p105-message = `{ $line }`：{ $amount } 占 { $total } 的 { $actual }，不是 { $share }
p105-label = 实际占比 { $actual }
p105-label-amount = 金额
p105-label-total = 预算总额
p105-help = 要么占比应为 { $actual }，要么金额应为 { $amount }

## P106 budget-sales-ratio
p106-message = 预算 { $budget } 占销售目标 { $target } 的 { $actual }，不是 { $ratio }
p106-label = 实际为 { $actual }
p106-label-budget = 预算总额
p106-label-target = 目标：{ $target }
p106-help = 改为 `sales_ratio: { $actual }`，或调整预算

## P107 growth-mismatch
p107-message = { $value } 比上年 { $last } 增长 { $actual }，不是 { $growth }
p107-label = 对应增长 { $actual }
p107-label-last = 上年
p107-label-growth = 写明的增长率
p107-help = { $last } × (1 + { $growth }) = { $implied }；请修改目标值、上年数或增长率
p107-zero = 上年为 { $last }，基数为零，算不出增长率，写的增长 { $growth } 无从谈起
p107-label-zero = 基数为零，没有增长率
p107-help-zero = 今年新增的产品或区域，删掉 `growth`（可在说明里写“新增”）；否则请更正上年数

## P108 last-year-mismatch
p108-attainment = 达成率应为 { $sales } ÷ { $target } = { $actual }，不是 { $attainment }
p108-growth = 从 { $previous } 到 { $sales }，增长为 { $actual }，不是 { $growth }
p108-label = 实际为 { $actual }
p108-label-sales = 销售额
p108-label-target = 目标
p108-label-previous = 前年销售额
p108-zero = { $what ->
        [attainment] 目标为 { $base }，基数为零，算不出达成率，写的达成率 { $stated } 无从谈起
       *[growth] 前年销售额为 { $base }，基数为零，算不出增长率，写的增长 { $stated } 无从谈起
    }
p108-label-zero = 基数为零，算不出百分比
p108-label-zero-base = { $what ->
        [attainment] 目标
       *[growth] 前年销售额
    }
p108-help-zero = { $what ->
        [attainment] 更正目标，或删掉 `attainment`
       *[growth] 更正前年销售额；如果前年确实没有销售，就删掉 `growth`
    }

## 消息中的列举：a、b、c。
list-separator = 、

## P201 unresolved-reference。`$kind`：product、region、account、campaign、person、
## target、phase 或 kpi；`$key` 是计划中声明它们的 YAML 键。
p201-message = 未声明的{ $kind ->
        [product] 产品
        [region] 区域
        [account] 客户
        [campaign] 策略或战役
        [person] 人员
        [target] 目标
        [phase] 阶段
       *[kpi] KPI
    } `{ $id }`
p201-label = 未在 { $kind ->
        [campaign] `campaigns`、`strategies` 或 `pillars`
       *[other] `{ $key }`
    } 中声明
p201-help-suggest = 是不是想写 `{ $suggestion }`？
p201-help-declare = { $kind ->
        [campaign] 请在 `campaigns:`、`strategies:` 或 `pillars:` 下声明，并给出 `id`
        [kpi] 在该 KPI 所在的 `kpis:` 列表里给它加上 `id`
       *[other] 请在 `{ $key }:` 下声明，并给出 `id`
    }
p201-help-declared = 已声明的{ $kind ->
        [product] 产品
        [region] 区域
        [account] 客户
        [campaign] 策略或战役
        [person] 人员
        [target] 目标
        [phase] 阶段
       *[kpi] KPI
    }：{ $ids }

## P202 duplicate-id。`$kind` 是 id 所指的对象。
p202-message = { $kind ->
        [item] 分解中 `{ $id }` 出现了两次
       *[other] { p202-message-id }
    }
p202-message-id = { $kind ->
        [product] 产品
        [region] 区域
        [person] 人员
        [account] 客户
        [target] 目标
        [strategy] 策略
        [kpi] KPI
        [risk] 风险
        [tier] 客户分级
        [phase] 阶段
        [duty] 职责
       *[item] 分解项
    } id `{ $id }` 重复
p202-label = 此处再次使用
p202-label-first = 首次使用于此
p202-help = { $kind ->
        [item] 每一项只列一次：把这两项合并成一项
       *[other] { p202-help-own-id }
    }
p202-help-own-id = 每个{ $kind ->
        [product] 产品
        [region] 区域
        [person] 人员
        [account] 客户
        [target] 目标
        [strategy] 策略
        [kpi] KPI
        [risk] 风险
        [tier] 客户分级
        [phase] 阶段
        [duty] 职责
       *[item] 分解项
    }要用各自的 id

## P301 date-outside-period
p301-message = { $what ->
        [action-start] 行动开始日期
        [action-end] 行动结束日期
        [phase-start] 阶段开始日期
        [phase-end] 阶段结束日期
        [kpi-due] KPI 截止日期
       *[launch] 上市日期
    } { $date } 不在计划周期 { $start } – { $end } 之内
p301-label = 超出计划周期
p301-label-start = 周期开始
p301-label-end = 周期结束
p301-help = 把日期移到计划周期之内；如果计划确实覆盖这段时间，就放宽周期

## P302 phase-order
p302-ends-before-start = 阶段 `{ $phase }` 的结束日期（{ $end }）早于开始日期（{ $start }）
p302-label-end = 结束
p302-label-start = 开始
p302-overlap = 阶段 `{ $phase }` 从 { $start } 开始，但 `{ $previous }` 要到 { $until } 才结束
p302-label-overlap = 与上一阶段重叠
p302-label-previous-ends = 上一阶段在此结束
p302-help-overlap = 各阶段应前后衔接：本阶段要在上一阶段结束之后再开始
p302-months-shape = 阶段 `{ $phase }`：`months` 需要两个数字，[起, 止]
p302-label-months-shape = 应为 [起, 止]
p302-months-backwards = 阶段 `{ $phase }` 的结束（第 { $to } 月）不晚于开始（第 { $from } 月）
p302-label-empty-range = 区间为空
p302-months-overlap = 阶段 `{ $phase }` 从第 { $from } 月开始，但 `{ $previous }` 要到第 { $until } 月才结束
p302-label-previous = 上一阶段
p302-action-backwards = 行动 `{ $action }` 的结束日期（{ $end }）早于开始日期（{ $start }）

## P303 week-gap
p303-not-a-range = `{ $raw }` 不是周区间
p303-label-not-a-range = 应写成 1-4 这样
p303-help-not-a-range = 写出起止周，例如 `weeks: 5-8`
p303-backwards = 周区间 { $raw } 起止颠倒，或从第 0 周开始
p303-label-backwards = 区间无效
p303-gap = 周区间不连续：{ $one ->
        [yes] 第 { $from } 周
       *[no] 第 { $from }–{ $to } 周
    }不属于任何阶段
p303-overlap = 周区间不连续：{ $one ->
        [yes] 第 { $from } 周
       *[no] 第 { $from }–{ $to } 周
    }同时属于两个阶段
p303-label-expected = 应从第 { $week } 周开始
p303-label-previous = 上一区间

## P304 quarter-coverage
p304-repeated = { $quarter } 出现了不止一次
p304-label-repeated = 季度重复
p304-not-a-quarter = `{ $key }` 不是季度
p304-label-not-a-quarter = 应为 Q1、Q2、Q3 或 Q4
p304-missing = 季度分解缺少 { $missing }
p304-label-missing = 此分解
p304-help-missing = 补上缺少的季度，或把该分解标为 `partial: true`

## P305 invalid-date
p305-not-a-date = `{ $raw }` 不是有效日期
p305-label-not-a-date = 应为 YYYY-MM-DD 或 YYYY-MM
p305-help-not-a-date = 日期写成 2026-03-01，整月写成 2026-03
p305-period-backwards = 计划周期的结束日期（{ $end }）早于开始日期（{ $start }）
p305-label-end = 结束
p305-label-start = 开始

## P401 kpi-malformed
p401-no-target = KPI `{ $metric }` 没有目标值
p401-label-no-target = 无目标值
p401-help-no-target = 补上 `comparator` 和 `target`，例如 `comparator: ">="`、`target: 90%`
p401-help-no-target-value = 补上 `target:`，写明要达到的数值，例如 `target: 90%`
p401-no-comparator = KPI `{ $metric }` 没有说明目标值怎么比较
p401-label-no-comparator = 是下限还是上限？
p401-help-no-comparator = 加上 `comparator: ">="`（不低于）、`"<="`（不高于）、`"="` 或 `range`
p401-range-without-max = KPI `{ $metric }` 是区间指标，但没有 `max`
p401-label-lower-end = 下限
p401-help-range-without-max = 加上 `max:`，写明区间上限
p401-range-backwards = `{ $metric }` 的区间上限（{ $max }）低于下限（{ $target }）
p401-label-upper-end = 上限
p401-max-without-range = KPI `{ $metric }` 的 `max` 只在 `comparator: range` 时才有意义
p401-label-ignored = 不起作用
p401-help-max-without-range = 设为 `comparator: range`，或删掉 `max`
p401-no-unit = KPI `{ $metric }` 的目标值 `{ $target }` 没有单位
p401-label-no-unit = 无单位
p401-help-no-unit = 在数字后写上单位（`12场`、`95%`），或加上 `unit:`

## P402 percent-range
p402-kpi = KPI `{ $metric }` 的 { $raw } 超出 0–100% 范围
p402-share = 占比 { $raw } 超出 0–100% 范围
p402-budget-share = 预算占比 { $raw } 超出 0–100% 范围
p402-label = 超出范围
p402-help = 如果这是增长率，请给该 KPI 加上 `growth: true`
p402-help-share = 占比只能在 0% 到 100% 之间：检查是不是多写或少写了一位数，或写错了正负号

## P501 placeholder
p501-message = 计划中还留有占位符 `{ $raw }`
p501-label = 占位符
p501-help-final = 定稿计划中不能有占位符：请填写，或改为 `status: draft`
p501-help-draft = 改为 `status: final` 之前请填写
p501-empty = `{ $key }` 是空的
p501-label-empty = 没有内容
p501-help-empty = 补上内容，或删掉这个键

## P601 bad-quantity
p601-plan-unit = `{ $unit }` 不是金额单位
p601-label-money = 应为 元、万元 或 亿元
p601-help-plan-unit = 计划的 `unit` 是不带单位的数字所用的金额单位：元、万元 或 亿元
p601-help-report-unit = 计划的 `report_unit` 是报告中所有金额的显示单位：元、万元 或 亿元
p601-fullwidth = `{ $raw }` 用了全角数字
p601-label-fullwidth = 按 { $new } 读取
p601-help-fullwidth = 输入数字时请把输入法切换到半角（英文）；`planc fix` 可自动改写
p601-not-a-number = `{ $raw }` 不是数字
p601-label-not-a-number = 应为数字，可带单位
p601-help-not-a-number = 例如写成 `3.2亿元`、`15%` 或 `50家`
p601-percent-for-money = 这里应填金额，却写了百分比 `{ $raw }`
p601-unknown-money-unit = planc 不认识金额单位 `{ $unit }`
p601-label-unknown-money-unit = 未知金额单位
p601-help-money = 金额请用 元、万元 或 亿元，例如 `4500万元` 或 `3.2亿元`
p601-not-a-percent = 这里应填百分比，却写了 `{ $raw }`
p601-label-percent = 应写成 25% 这样
p601-help-percent-bare = 百分比要带 % 号：`{ $as_is }%`（如果写的是小数，则为 `{ $scaled }%`）
p601-help-percent = 百分比要带 % 号，例如 `25%`

## P602 incomparable-units
p602-message = { $what ->
        [item] 分解项
        [last-year] 上年数
       *[kpi] KPI 数值
    } `{ $raw }` 的单位是 { $unit }，无法与 { $other }（{ $other_unit }）比较
p602-label = 单位：{ $unit }
p602-help = 两边要用同一类单位

## P701 strategy-without-kpi
p701-message = `{ $name }` 没有 KPI
p701-label = 无法评估
p701-help = 加上 `kpis:`，写明指标、比较方式和目标值

## P702 risk-without-response
p702-message = 风险 `{ $name }` 没有应对预案
p702-label = 无应对预案
p702-help = 加上 `response:`，写明风险发生时团队怎么应对
p601-unit-typo = `{ $unit }` 不是单位，已按 `{ $meant }` 读取
p601-label-unit-typo = 按 { $meant } 读取
p601-too-precise = `{ $raw }` 有 { $digits } 位有效数字，planc 最多只能精确保存 { $max } 位
p601-too-large = `{ $raw }` 太大，不可能是计划里的数字（达到或超过 10^20 元）
p601-label-not-exact = 无法精确保存
p601-help-too-precise = 请自行把数字取舍到需要的精度；planc 不会悄悄四舍五入
p601-help-too-large = 请检查单位：这么大的数字几乎都是笔误

## P109 last-year-sum
p109-message = 各{ $noun }的上年数合计 { $sum }，与{ $parent }的上年数 { $total } 不符
p109-label = { $parent }上年：{ $total }
p109-help = 以同一来源（财务决算数）更正各项目或合计的 `last_year`；有意只分解一部分时写 `partial: true`
p109-block = `last_year.sales` 为 { $sales }，但{ $target }的上年数为 { $last_year }
p109-block-label = 这里的上年销售额
p109-block-label-target = 指标的上年数
p109-block-help = 上年只有一个数：两处写成一样
p110-twice = `{ $unit }` 分配了两次预算
p110-twice-label = 再次分配
p110-twice-label-first = 第一次分配
p110-twice-help = 每个单位只分配一次：把金额合在一起
p110-unknown = 预算分配 `{ $unit }` 在本计划中找不到对应的单位（分解项目、大区、人员或客户）
p110-unknown-label = 找不到
p110-unknown-help = 使用下级计划所承接的分解项目的 `ref`（即它的 `parent: <计划>#<项目>`）
p110-sum = 预算分配合计 { $sum }，但预算总额为 { $total }
p110-sum-label-over = 多了 { $gap }
p110-sum-label-short = 少了 { $gap }
p110-sum-help-over = 调低分配，或调高预算总额
p110-sum-help-short = `allocations_complete: true` 表示分配覆盖全部预算：把剩余的 { $gap } 分配出去，或去掉 `allocations_complete`
p110-campaigns = 各策略和战役的预算合计 { $sum }，超过了预算总额 { $total }
p110-campaigns-help = 调低战役预算，或调高预算总额

## P111 kpi-restates
p111-no-target = `restates: { $target }` 在本计划中找不到对应的指标
p111-unresolved-label = 找不到
p111-help-targets = 本计划的指标有：{ $ids }
p111-no-item = 指标 `{ $target }` 没有分解项目 `{ $item }`
p111-help-items = 写成 `<指标>#<项目>`，项目用该指标下某个分解项目的 `ref`
p111-differs = { $metric }为 { $kpi }，但它所重述的 `{ $link }` 为 { $value }
p111-differs-label = KPI 中的数
p111-differs-label-figure = 被重述的数
p111-differs-help = 同一个数写了两次就必须一致：改其中一处；如果 KPI 指的是别的东西，去掉 `restates`

## P306 month-in-quarter
p306-message = 月份 `{ $month }` 放在了 `{ $quarter }` 下，但它属于 { $belongs }
p306-label = 属于 { $belongs }
p306-label-quarter = 这个季度
p306-help = `{ $quarter }` 包括 { $first } 至 { $last }：把该月移到它所属的季度下
p113-pending = 按{ $dimension }的分解要由实际数计算季节指数，但尚未写入
p113-label-pending = 尚未分解
p113-help-pending = 对此计划运行 `planc allocate`：读取实际数，写入所用的指数和各项数值
p113-drift = { $item } 为 { $value }，按其分解方法（{ $method }）应为 { $computed }{ $count ->
    [1] {""}
   *[other] （共 { $count } 项不符）
}
p113-label = 分解结果为 { $computed }
p113-help = 运行 `planc allocate` 写入计算结果；如需保留手工数值，请加 `hold: true`（其余各项分摊剩余部分）
p113-fix = 写入分解结果
