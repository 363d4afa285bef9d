## 工作区消息（zh）：查找本次运行的文件、计划之间的链接（P901–P904）、下级计划向上级汇总
## （P911–P914）。金额、百分比和列表都已格式化后传入。

## 公用片段
workspace-did-you-mean = 是不是想写 `{ $suggestion }`？
workspace-list-sep = 、
# 带名称的分解项目：`south（华南）`。
workspace-item-named = { $key }（{ $name }）
# 计划里写的分解维度（`province`、`product` …）。
workspace-dimension = { $dim ->
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
        [county] 县域
        [region_group] 区域组
        [phase] 阶段
       *[other] { $dim }
    }
workspace-unit-money = 金额
workspace-unit-percent = 百分比
workspace-unit-other = 以 `{ $unit }` 计的数量
workspace-label-parent-plan = 上级计划
workspace-label-parent-breakdown = 上级计划的分解
workspace-help-use-parent-items = 使用上级计划里的项目，或在上级计划的分解中加上这一项

## 查找文件
workspace-no-files = { $path } 下没有 *.plan.yaml 或 *.actuals.* 文件

## P901 unknown-parent
p901-ambiguous = 上级 `{ $plan }` 同时是多个计划的 id
p901-ambiguous-label = 指向不明
p901-ambiguous-help = 改写成上级计划的路径（`parent: ../company.plan.yaml#east`），或让各计划的 id 互不相同
p901-outside = 上级计划 `{ $plan }` 位于工作区之外，不予读取
p901-outside-label = 在工作区之外
p901-outside-help = 上级计划的路径必须在 { $root } 之内（planc.toml 所在文件夹，否则为所检查的文件夹）；请用 id 指明上级计划，或检查同时包含两份计划的文件夹
p901-no-file = 工作区中没有上级文件 `{ $plan }`
p901-parent-failed = 上级计划 `{ $plan }` 在 { $file } 中，该文件未能读取（见其错误）
p901-parent-failed-label = 上级计划文件未能加载
p901-parent-failed-help = 先改正 { $file } 的错误；它能读取后再检查这个链接
p901-no-plan = 工作区中没有 id 为 `{ $plan }` 的计划
p901-no-plan-label = 找不到这个计划
p901-help-check-together = 把本计划和上级计划放在一起检查：对同时包含两者的文件夹运行 `planc check`
p901-help-no-plans = 工作区中没有任何带 id 的计划
p901-help-plans = 工作区中的计划：{ $ids }
p901-item-ambiguous = `{ $item }` 在 `{ $target }` 的多个分解中都是项目（{ $dims }）
p901-item-ambiguous-label = 项目指向不明
p901-item-ambiguous-help = 写明维度：`{ $plan }#{ $dim }:{ $item }`
p901-no-item = { $parent } 没有给 `{ $item }` 分配任何指标
p901-no-item-by = { $parent } 没有按 `{ $dim }` 给 `{ $item }` 分配任何指标
p901-no-item-label = 上级计划的分解项目中没有这个 ref
p901-no-item-help = `#` 后面写上级计划某个目标下分解项目的 `ref`
p901-no-target = { $parent } 中没有目标 `{ $target }`
p901-no-target-label = 上级计划中没有这个目标
p901-help-targets = 上级计划的目标：{ $ids }
p901-nothing-compared = 本计划没有任何目标汇总到 { $parent } 分配给 `{ $item }` 的指标（{ $targets }）
p901-nothing-compared-label = 没有可核对的数字
p901-nothing-compared-help = 给承接这笔分配的目标写上 `rolls_up: { $target }`

## P902 duplicate-plan-id
p902-message = 计划 id `{ $id }` 被 { $count } 个文件同时使用：{ $files }
p902-label = 这个 id
p902-label-other = 同一个 id
p902-help = 每个计划用自己的 id；链接（`parent`、`review.plan`、实际数据的 `plan:`）只能指向一个文件

## P903 parent-cycle
p903-own-parent = 计划不能把自己作为上级
p903-own-parent-label = 这是本计划自己的 id
p903-message = 沿 `parent` 往上又回到了本计划：{ $path }
p903-label = 形成了循环
p903-label-parent = 上级计划
p903-help = 组织架构是一棵树：去掉最顶层计划的 `parent`

## P904 parent-mismatch
p904-review-parent = 总结（review）文件不能作为上级计划
p904-review-parent-label = 这是一个 `kind: review` 文件
p904-currency = 本计划的币种是 { $child }，上级计划是 { $parent }
p904-currency-label = 跨币种汇总
p904-currency-help = 两个计划使用同一币种
p904-unit = { $target } 是{ $unit }，上级计划分配的 { $allocated } 却是{ $parent_unit }，两者无法比较
p904-unit-label = 无法比较
p904-unit-label-allocation = 上级计划的分配
p904-period-outside = 计划期间 { $start } – { $end } 不在上级计划的期间 { $parent_start } – { $parent_end } 之内
p904-period-outside-label = 本计划的期间
p904-period-outside-help = 下级计划与上级计划应是同一年度；请使用上级计划的期间
p904-period-shorter = 计划期间 { $start } – { $end } 比上级计划的期间 { $parent_start } – { $parent_end } 短：其金额不与分配额核对
p904-period-shorter-label = 只覆盖上级计划期间的一部分
p904-period-shorter-help = 按上级计划的完整期间编写本计划，才能参与汇总核对
p904-period-label-parent = 上级计划的期间

## P911 rollup-total
p911-message = { $target }为 { $value }，但 { $parent } 分配给 `{ $item }`（{ $parent_target }）的是 { $allocated }
p911-label-over = 多了 { $gap }
p911-label-short = 少了 { $gap }
p911-label-allocation = { $parent_target }：分配给 { $item }
p911-help-over = 本计划比分配额高 { $gap }（{ $pct }）；请修改这个目标或上级计划中的 `{ $item }` 项，使两边一致
p911-help-short = 本计划比分配额低 { $gap }（{ $pct }）；请修改这个目标或上级计划中的 `{ $item }` 项，使两边一致

## P912 rollup-breakdown
p912-differs = { $dim } `{ $item }` 为 { $value }，但上级计划给它分配的是 { $allocated }
p912-differs-label = 与上级计划不一致
p912-differs-label-parent = 上级计划的分配
p912-differs-help = 按上级计划的拆分来做，或在上级计划中修改拆分
p912-missing = 上级计划给{ $dim } `{ $item }` 分配了 { $allocated }，本分解中却没有这一项
p912-missing-label = 缺少一项
p912-missing-label-parent = 在此分配
p912-missing-help = 加上 `{"{"} ref: { $item }, value: { $allocated } {"}"}`
p912-extra = { $dim } `{ $item }` 不在上级计划对这笔分配按{ $dim }的分解中
p912-extra-label = 上级计划没有分配这一项
p912-sum = 下级计划中{ $dim } `{ $item }` 合计 { $sum }，与上级计划的 { $value } 不符
p912-sum-label-over = 多了 { $gap }
p912-sum-label-short = 少了 { $gap }
p912-sum-label-part = 一个下级计划的部分
p912-sum-help = 各下级计划按{ $dim }的拆分合计必须等于上级计划的；在下级计划之间调剂差额，或修改上级计划
p912-sum-extra = { $dim } `{ $item }` 不在上级计划按{ $dim }的分解中
p912-sum-extra-label = 上级计划没有计划这一项

## P913 rollup-coverage
p913-twice = { $other } 也认领了 `{ $item }`：两个计划承接同一笔分配
p913-twice-label = 被认领了两次
p913-twice-label-other = 另一个承接它的计划
p913-twice-help = 每个项目只能由一个计划承接：修改其中一个计划的 `parent`
p913-unplanned = 按{ $dim }分配的 { $total }（{ $target }）中，下级计划只承接了 { $planned }；还有 { $unplanned }（{ $pct }）没有任何计划承接：{ $items }
p913-label-complete = 标记了 `complete: true`
p913-label-complete-config = 由 `[rollup] complete` 视为完整
p913-label-expected = 标记了 `child_plan: true` 的项目
p913-label-item = 没有计划承接这一项
p913-help = 为每一项添加一个写有 `parent: { $plan }#{ $item }` 的计划，或在这些计划写好之前先去掉 `complete: true`

## P914 rollup-budget
p914-message = 预算 { $budget } 超过了 { $parent } 分配给 `{ $item }` 的 { $allocated }
p914-label = 超出 { $gap }
p914-label-allocation = 分配给它的预算
p914-help = 把预算控制在分配额之内，或在上级计划中调高分配

## P915 rollup-last-year
p915-message = { $what }的上年数为 { $value }，但 { $parent } 中对应的上年数为 { $theirs }
p915-what-item = 按{ $dim }分解的 `{ $item }`
p915-label = 这里的上年数
p915-label-parent = 上级计划中的上年数
p915-help = 上年只有一个数：以同一来源（财务决算数）在两个文件中写成一样

## P916 territory-overlap
p916-message = { $dim } `{ $item }` 也被 { $other } 认领：同级计划不能分管同一块辖区
p916-label = 在这里认领
p916-label-other = 另一个计划也认领了它
p916-help = 每个{ $dim }只归一个同级计划：从其中一个计划中去掉，并把指标一并移过去

## P917 rollup-kpi
p917-unknown = `rolls_up: { $kpi }`：上级计划 { $parent } 没有这个 id 的 KPI
p917-unknown-label = 找不到
p917-unknown-help-none = 上级计划的 KPI 都没有 `id`：先在上级计划中给 KPI 加上 `id`
p917-unknown-help = 上级计划的 KPI 有：{ $ids }
p917-unit = KPI 为 { $kpi }，与上级计划的 { $parent_kpi } 单位不同，无法比较
p917-unit-label = 单位不同
p917-label-parent = 上级计划的 KPI
p917-unit-help = 用与上级 KPI 相同的单位（家对家、% 对 %）
p917-partial = 只有 { $linked } 个（共 { $children } 个）下级计划关联了「{ $parent_kpi }」，合计尚不足以与上级比较
p917-partial-label = 已关联的部分
p917-partial-help = 其余下级计划也用 `rolls_up` 关联这个 KPI 后，planc 会检查合计
p917-sum = 下级计划的「{ $metric }」合计 { $sum }，与上级的 { $parent_kpi } 不符
p917-sum-label = 上级：{ $value }
p917-sum-label-part = 下级计划的部分
p917-sum-help-over = 下级合计多了 { $gap }：调低下级的数，或调高上级的目标
p917-sum-help-short = 还有 { $gap } 没有分到任何下级：分配给下级计划，或调低上级的目标
p917-rate-comparator = 「{ $metric }」的比较方向与上级 KPI 不同
p917-rate = 「{ $metric }」为 { $kpi }，比上级的 { $parent_kpi } 更宽松
p917-rate-label = 比上级宽松
p917-rate-help = 下级的比率不能比上级宽松：「{ $metric }」至少达到上级的 { $parent_kpi }

## P918 status-order
p918-message = 本计划已定稿（`final`），但上级计划 { $parent } 仍是草稿（`draft`）
p918-label = 已定稿
p918-label-parent = 上级仍是草稿
p918-help = 先让上级计划定稿；在此之前本计划保持 `status: draft`

## P919 actuals-agree
p919-message = { $what } 在这里为 { $value }，但 { $other } 中为 { $theirs }
p919-label = 本文件中的数
p919-label-other = 另一个文件中的数
p919-help = 两个文件说的是同一个数：从同一份决算数据导出，或更正错误的那一个
p919-months = { $what } 在这里为 { $value }，但月度文件中各月合计为 { $sum }
p919-months-label = 本文件中的数
p919-months-label-month = 其中一个月的数
p919-months-help = 月度文件 { $files } 给出 { $parts } = { $sum }，本文件为 { $value }：从同一份决算数据导出，或更正错误的那一个
p919-months-partial = { $what } 未与月度文件比较：月度文件给出 { $have }，缺少 { $missing }
p919-months-partial-label = 未比较
p919-months-partial-help = 月度文件给出某季度全部三个月时才与该季度比较：补上缺少月份的导出（最近月份之前缺少的月份另报 P807）

## P920 actuals-last-year
p920-message = { $what } 的上年同期在本文件中为 { $value }，但 { $plan } 中为 { $stated }
p920-label = 本文件中的上年数
p920-label-plan = 计划中的上年数
p920-help = 上年只有一个数：按编制计划时的同一份决算数据导出，或更正计划
