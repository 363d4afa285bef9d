## 读取：文件、编码、YAML。参数写作 `{ $name }`；数字和引用的计划原文已格式化后传入。

label-here = 此处
label-first-defined = 首次定义于此

io-cannot-read = 无法读取 { $path }：{ $reason }
io-not-found = 文件或目录不存在
io-permission-denied = 没有访问权限

yaml-syntax = YAML 语法错误：{ $info }
yaml-second-document = 一个计划文件只能有一个 YAML 文档；这里出现了第二个 `---` 文档
yaml-alias-limit = 别名展开后超过 { $limit } 个值，已停止展开
yaml-unknown-anchor = 别名引用了不存在的锚点
yaml-depth-limit = 嵌套超过 { $limit } 层
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
explain-severity = 默认级别：{ $severity ->
        [error] 错误（error）
       *[warning] 警告（warning）
    }
explain-unknown = `{ $code }` 不是 planc 的规则；`planc rules` 列出全部规则
explain-unknown-suggest = `{ $code }` 不是 planc 的规则；你是不是想写 `{ $suggestion }`？
