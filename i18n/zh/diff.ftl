## planc diff：两个版本计划之间的语义变更清单。
## 数字已按格式传入（`+0.2亿元`、`+2.2%`）。

diff-summary-sep = {"，"}
diff-summary-none = 无实质变化
diff-summary-target = 目标 { $delta }（{ $percent }）
diff-summary-target-values = 目标 { $old } → { $new }
diff-summary-more-targets = 另有 { $count } 项目标调整
diff-summary-cells = { $count } 处分解调整
diff-summary-strategies = { $count } 项策略调整
diff-summary-campaigns = { $count } 项战役调整
diff-summary-pillars = { $count } 个支柱调整
diff-summary-kpis = { $count } 项KPI调整
diff-summary-risks = { $count } 项风险调整
diff-summary-timeline = { $count } 个阶段调整
diff-summary-budget = 预算 { $old } → { $new }
diff-summary-budget-lines = 预算 { $count } 个科目调整
diff-summary-budget-moved = 预算 { $amount } 在 { $count } 个科目间调整
diff-summary-status = 状态 { $old } → { $new }
diff-summary-period = 计划周期调整
diff-summary-other = 其他 { $count } 处修改
diff-summary-plans-changed = { $count } 份计划有调整
diff-summary-plans-added = 新增 { $count } 份计划
diff-summary-plans-removed = 删除 { $count } 份计划

diff-plan-added = 新增计划
diff-plan-removed = 计划已删除
diff-points = { $value } 个百分点
diff-added = 新增
diff-removed = 删除
diff-changed = 修改
diff-field-added = 新增{ $field }
diff-field-removed = 删除{ $field }
diff-status-draft = 草稿
diff-status-final = 定稿

diff-col-item = 项目
diff-col-change = 变动
diff-col-old = 原值
diff-col-new = 新值
diff-col-delta = 增减
diff-col-delta-percent = 增减幅度

diff-section-plan = 基本信息
diff-section-targets = 目标
diff-section-kpis = KPI
diff-section-strategies = 策略
diff-section-campaigns = 战役
diff-section-pillars = 支柱
diff-section-budget = 预算
diff-section-risks = 风险
diff-section-timeline = 阶段与行动
diff-section-products = 产品
diff-section-regions = 区域
diff-section-people = 人员
diff-section-accounts = 客户
diff-section-last-year = 上年回顾
diff-section-resources = 资源配置
diff-section-cadence = 会议与复盘
diff-section-overview = 概况
diff-section-other = 其他（{ $key }）

diff-field-value = 指标值
diff-field-share = 占比
diff-field-growth = 增长率
diff-field-last-year = 上年实际
diff-field-target = 目标值
diff-field-amount = 金额
diff-field-total = 总额
diff-field-budget = 预算
diff-field-sales-ratio = 费销比
diff-field-name = 名称
diff-field-title = 标题
diff-field-owner = 负责人
diff-field-status = 状态
diff-field-period = 计划周期
diff-field-start = 开始
diff-field-end = 结束
diff-field-response = 应对预案
diff-field-description = 描述
diff-field-note = 备注
diff-field-text = 正文

## planc diff：命令行

diff-cli-two-paths = 请给出要比较的两个计划文件或两个目录（旧 新），或用 `--git REV`
diff-cli-mixed = { $old } 和 { $new } 必须同为文件或同为目录
diff-cli-no-such-path = { $path }：文件或目录不存在
diff-cli-no-plans = { $path } 下没有 `*.plan.yaml` 文件
diff-cli-not-loaded = { $path } 无法读取为计划，不能比较（{ $count } 个问题，运行 `planc check { $path }` 查看全部）：
diff-cli-git-failed = `git { $args }` 执行失败：{ $reason }
diff-cli-no-git = 无法运行 `git`：{ $reason }
diff-cli-textconv-one = `--textconv` 只接受一个文件
diff-cli-bad-range = `{ $rev }` 不是版本号，也不是 `REV..REV2` 形式的范围
