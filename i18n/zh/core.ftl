## 读取：文件、编码、YAML。参数写作 `{ $name }`；数字和引用的计划原文已格式化后传入。

label-here = 此处
label-first-defined = 首次定义于此

io-cannot-read = 无法读取 { $path }：{ $reason }
io-not-found = 文件或目录不存在
io-permission-denied = 没有访问权限
io-not-a-file = 不是普通文件（管道、设备或套接字）：planc 只读取普通文件
io-too-large = 文件大小 { $size } MB，超过上限 { $limit } MB（可用 --max-file-mb 或 planc.toml 中的 [limits] max_file_mb 调高）
io-output-is-input = 它是本次运行读取的输入文件之一；planc 从不覆盖输入文件（请换一个输出路径）

yaml-syntax = YAML 语法错误
yaml-second-document = 一个计划文件只能有一个 YAML 文档；这里出现了第二个 `---` 文档
yaml-alias-limit = 别名展开后超过 { $limit } 个值，已停止展开
yaml-unknown-anchor = 别名引用了不存在的锚点
yaml-depth-limit = 嵌套超过 { $limit } 层
yaml-unclosed-quote = 这个引号没有闭合
yaml-unclosed-quote-help = 在同一行末尾补上相同的引号（或把续行缩进）
yaml-size-limit = 文件大于 { $limit } 字节；planc 只读取 4 GiB 以内的计划文件
yaml-flow-line-limit = 此处的 `[ ]` 或 `{"{"} {"}"}` 在一行（{ $kb } KB）中写了 { $entries } 项，一行之内过多，无法快速读取；请将各项分行书写（`- 项`）
yaml-complex-key = 映射的键必须是普通文本，不能是列表或映射
yaml-duplicate-key = 键 `{ $key }` 重复
yaml-duplicate-key-help = 删除其中一个；不同的 YAML 工具对哪一个生效的处理并不一致
yaml-defined-again = 此处再次定义
yaml-empty-file = 文件是空的；计划文件以 `kind:`、`id:` 和 `title:` 开头
yaml-only-comments = 文件中没有任何值（只有注释或空行）

## 整次运行

cli-error-prefix = 错误：
summary-line = 已检查 { $files } 个文件：{ $errors } 个错误，{ $warnings } 个警告
summary-suppressed = ，{ $suppressed } 个已抑制
rules-severity = { $severity ->
        [error] 错误
       *[warning] 警告
    }
explain-severity = 默认级别：{ $severity ->
        [error] 错误（error）
       *[warning] 警告（warning）
    }
explain-unknown = `{ $code }` 不是 planc 的规则；`planc rules` 列出全部规则
explain-unknown-suggest = `{ $code }` 不是 planc 的规则；你是不是想写 `{ $suggestion }`？

## 终端输出

human-other-side = 关联的另一方，在 { $file }
human-suppressed = 已抑制：{ $reason }

## 抑制注释（`# planc: allow 代码 — 理由`）

did-you-mean = 你是不是想写 `{ $suggestion }`？
suppress-unknown-directive = 无法识别的 planc 指令
suppress-expected = 应写作 `# planc: allow 代码 — 理由`
suppress-unknown-code = `{ $code }` 不是 planc 的规则
suppress-unknown-code-label = 未知代码
suppress-no-rule = 抑制注释没有写明规则
suppress-no-reason = 抑制注释缺少理由
suppress-no-reason-label = 在后面补上 ` — 为什么可以忽略`
suppress-no-reason-help = 在破折号或冒号后写明理由：`# planc: allow P101 — 第四季度拆分待12月确定`

## 结构校验（Schema）

schema-unknown-field = 未知字段 `{ $subject }`
    .at = `{ $at }` 中有未知字段 `{ $subject }`
schema-unknown-field-label = 此处没有这个字段
schema-fields-allowed = 此处可用的字段：{ $fields }
schema-remove-it = 删除它
schema-missing-field = 缺少必填字段 `{ $subject }`
    .at = `{ $at }` 缺少必填字段 `{ $subject }`
schema-missing-section = `{ $kind }` 类计划必须有 `{ $field }` 部分
schema-missing-section-any = 这类计划必须有 `{ $field }` 部分
schema-in-this-plan = 在本计划中
schema-in-this-entry = 在这一项中
schema-add-field = 在此处补上 `{ $field }:`
schema-not-allowed = `{ $subject }` 不是有效取值
    .at = `{ $at }` 的取值 `{ $subject }` 无效
schema-not-allowed-label = 不在允许的取值范围内
schema-not-allowed-suggest = 你是不是想写 `{ $suggestion }`？可选值：{ $allowed }
schema-allowed-values = 可选值：{ $allowed }
schema-type = 此处应为{ $expected }，实际是{ $found }
    .at = `{ $at }` 应为{ $expected }，实际是{ $found }
schema-type-label = 应为{ $expected }
schema-other-at = `{ $at }`：{ $message }
word-or = 或
type-list = 列表
    .a = 列表
type-mapping = 映射
    .a = 映射
type-text = 文本
    .a = 文本
type-number = 数字
    .a = 数字
type-integer = 整数
    .a = 整数
type-boolean = 布尔值
    .a = 布尔值
type-null = 空值
    .a = 空值
found-null = 空值（null）
found-number = 数字 `{ $value }`
found-text = 文本 `{ $value }`
found-list = 列表
found-mapping = 映射
list-sep = 、
yaml-tab-indent = YAML 不允许用 Tab 缩进，请改用空格
yaml-tab-indent-help = 把 Tab 换成空格（多数编辑器有“将缩进转换为空格”的功能）
yaml-indicator-value = `{ $value }` 不能直接写：以 `>` 或 `|` 开头的值在 YAML 中表示多行文本块
yaml-indicator-value-help = 给它加上引号：`{ $key }: "{ $value }"`

## SARIF

sarif-help = （提示：{ $help }）
sarif-related = 相关位置

## 命令

cli-wrote = 已写入 { $path }
cli-cannot-write = 无法写入 { $path }：{ $reason }
cli-cannot-write-stdout = 无法写到标准输出：{ $reason }
render-nothing = 没有可生成报告的计划
render-actuals-not-plan = { $path } 是实际数据文件，不是计划；请生成读取它的年终总结，或运行 `planc review 计划文件 --actuals { $path }`
render-refused-allow = { $path } 有 { $errors } 个错误，未生成报告（如仍要生成，请加 --allow-errors）
render-refused = { $path } 有 { $errors } 个错误，未生成报告
render-dir-to-stdout = 目录只能生成到目录；请用 -o 指定输出目录
render-dir-into-file = { $path } 是一个文件；目录只能生成到文件夹中：请用 -o 指定文件夹（不存在时会自动创建）
render-template-outside = 它指向 --templates 文件夹之外；模板只能引用该文件夹内的文件
render-docx-to-stdout = DOCX 文件不能写到标准输出；请用 -o 指定文件名，如 -o 报告.docx
render-pdf-to-stdout = PDF 文件不能写到标准输出；请用 -o 指定文件名，如 -o 报告.pdf
render-pdf-no-cjk-font = 未找到中文（CJK）字体，未生成 PDF。请先安装，例如 `apt-get install fonts-noto-cjk`（Debian/Ubuntu）、`dnf install google-noto-sans-cjk-fonts google-noto-serif-cjk-fonts`（Fedora），或从 https://github.com/notofonts/noto-cjk 安装思源黑体 / 思源宋体（Noto Sans CJK SC / Noto Serif CJK SC）；也可用环境变量 PLANC_FONT_PATH 指定字体目录
render-pdf-too-long = 用模板 `{ $template }` 排版 PDF 超过 { $seconds } 秒，已停止，未写入 PDF（是否有不会结束的循环？报告确实很长时，可在 planc.toml 的 [limits] typeset_seconds 中调高）
template-output-too-large = 模板输出超过 { $mb } MB（一份报告的上限），已在此停止（是否有不会结束的循环？），未写入任何文件
render-review-errors = { $path }：年终总结所依据的计划或实际数据有错误；运行 `planc review { $path }` 查看
rollup-no-children = { $path } 下没有任何计划带有下级计划（`parent: <计划id>#<项目>`），无法汇总
rollup-no-plan = 没有 id 为 `{ $id }` 的计划
rollup-no-plan-suggest = 没有 id 为 `{ $id }` 的计划；你是不是想写 `{ $suggestion }`？
rollup-duplicate-root = 有不止一个计划的 id 是 `{ $id }`
rollup-refused = 组织内的计划共有 { $errors } 个错误，未生成报告（如仍要生成，请加 --allow-errors）
rollup-root-not-loaded = 根计划未能加载

## planc.toml

config-tolerance-money = tolerance.money = { $value }：应为金额，如 "0元" 或 "1万元"
config-tolerance-percent = tolerance.percent = { $value }：应为百分点数，如 "0.1"
config-money-unit = render.money_unit = { $value }：应为 元、万元 或 亿元
cli-money-unit = --money-unit { $value }：应为 元、万元 或 亿元
config-alias-blank = aliases.{ $key } = { $value }：别名不能为空
config-unknown-rule = [rules] 中的 { $key } 不是规则；`planc rules` 列出全部规则
config-unknown-rule-suggest = [rules] 中的 { $key } 不是规则；你是不是想写 { $suggestion }？
config-threshold = review.{ $key } = { $value }：应为达成率，如 "100%"
config-amber-above-green = review.amber（{ $amber }%）高于 review.green（{ $green }%）

## 编码

decode-not-utf8 = 文件不是 UTF-8 编码，看起来是 { $encoding }（第一个无效字节在偏移 { $offset } 处）
decode-unknown-encoding = 一种未知的非 UTF-8 编码
decode-help = 请把文件另存为 UTF-8：VS Code 中先“通过编码重新打开” → { $encoding }，再“通过编码保存” → UTF-8；命令行：iconv -f { $iconv } -t UTF-8 原文件.plan.yaml > 新文件.plan.yaml
human-omitted = { $path }：另有 { $count } 条 { $code }({ $name }) 未显示（上面只列出前 { $shown } 条；`--max-findings 0` 显示全部，`--format json` 列出全部）

## git（`planc check --changed-since`）

git-not-found = 在 PATH 中找不到 `git`；这项操作需要 git 命令行
git-failed = `{ $command }` 执行失败：{ $reason }
git-unknown-revision = `{ $rev }` 不是本仓库中的版本
check-nothing-changed-since = 自 { $rev } 以来没有计划、总结或实际数据文件变动，无需检查
check-nothing-listed = 所列路径中没有计划、总结或实际数据文件，无需检查
output-not-a-file = 输出位置不是普通文件（是设备、FIFO、套接字、目录，或指向其他东西的链接）：planc 只会覆盖普通文件，或写到不存在的位置
io-link-outside = { $path } 链接到所检查目录之外的 { $target }：不读取（把文件复制进来，或在命令行中直接指定）
human-help-label = 提示：
human-related-heading = 另见：
slip-colon = `{ $key }` 后面是全角冒号 `：`：YAML 要求半角冒号加空格
slip-colon-label = 全角冒号
slip-comma = `{"{"} … {"}"}` 里 `{ $key }` 前面是全角逗号 `，`：YAML 用半角逗号分隔各项
slip-comma-label = 全角逗号
slip-space = 缩进里有全角空格：YAML 只能用半角空格缩进
slip-space-label = 全角空格
slip-space-help = 删掉它，按上下行的样子用半角空格缩进
slip-ascii-help = 写 YAML 的 `:` 和 `,` 时请把输入法切换到半角（英文）标点；`planc fix` 可自动改写这一处
slip-thousands = 在 `{"{"} … {"}"}` 里逗号会结束一个值：`{ $key }: { $written }` 被读成了两项
slip-thousands-label = 逗号把这个数拆开了
slip-thousands-help = 去掉千位分隔符写成 `{ $new }`（或加引号）；`planc fix` 可自动改写
yaml-flow = 这里的 `{"{"}` 或 `[` 没有闭合，或者其中各项没有用 `, ` 分隔
yaml-indentation = 这里的缩进和上面几行对不齐
yaml-mapping = 这一行不是 `键: 值` 的形式
yaml-syntax-help = 常见原因：用 Tab 缩进；用了全角的 `：`、`，` 或空格；以 `>=` 或 `|` 开头的值没加引号；引号或括号没有闭合
findings-omitted = 另有 { $count } 个同类问题未列出（每个文件每类最多保留 { $max } 个）
findings-omitted-help = 先改正列出的这些：同一个错误大量重复，通常只有一个原因
