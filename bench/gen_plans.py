#!/usr/bin/env python3
"""Write N realistic, internally consistent plan files (~20 KB each) for benchmarks.

Usage: bench/gen_plans.py OUT_DIR [N]
       bench/gen_plans.py OUT_DIR --tree REGIONS REPS   # 1 company → regions → reps, linked

Two shapes alternate: a regional execution plan built from scratch (provinces ×
products × quarters, campaigns with tiers and KPIs, accounts, budget, risks) and the
bundled company example with every money amount scaled by a per-file factor (scaling
all amounts keeps sums, shares, ratios and growth consistent). Every generated file
checks clean, so the benchmark measures the normal, all-rules path.
"""
import random
import re
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROVINCES = [("shanghai", "上海市"), ("jiangsu", "江苏省"), ("zhejiang", "浙江省"), ("anhui", "安徽省"),
             ("fujian", "福建省"), ("shandong", "山东省"), ("jiangxi", "江西省"), ("henan", "河南省")]
PRODUCTS = [("xinmaian", "心脉安", "成熟期"), ("qingfeining", "清肺宁", "导入期"), ("boshuping", "博舒平", "衰退期")]
HOSPITAL_WORDS = ["第一人民医院", "中心医院", "中西医结合医院", "人民医院", "中医院", "妇幼保健院"]


def region_plan(i: int, rng: random.Random, parent: str = "", reps: int = 0) -> str:
    provs = PROVINCES[: rng.randint(5, 8)]
    if parent:
        # Sibling regions of one tree hold territories of their own (planc reports a
        # province two regions claim): each region's provinces are its own.
        provs = [(f"{pid}-{i:05d}", name) for pid, name in provs]
    # Leaf values in 万元: province × product; everything else is summed from them.
    cells = {(p, q): rng.randint(800, 4000) * 10 for p, _ in provs for q, _, _ in PRODUCTS}
    prov_tot = {p: sum(cells[(p, q)] for q, _, _ in PRODUCTS) for p, _ in provs}
    prod_tot = {q: sum(cells[(p, q)] for p, _ in provs) for q, _, _ in PRODUCTS}
    total = sum(prov_tot.values())
    q1, q2, q3 = (total * 22 // 100, total * 26 // 100, total * 24 // 100)
    quarters = [q1, q2, q3, total - q1 - q2 - q3]
    k = total // 30
    out = [
        "# yaml-language-server: $schema=../schemas/plan.schema.json",
        "kind: region",
        f"id: region-{i:05d}",
        f"title: 第{i}大区2026年度销售工作执行计划",
        "status: final",
        "period: {start: 2026-01-01, end: 2026-12-31, label: 2026年度}",
        f"owner: 大区经理{i}",
        f"org_unit: 第{i}大区",
        "currency: CNY",
        "unit: 万元",
        "lang: zh",
        *([f"parent: {parent}"] if parent else []),
        "memo:",
        "  to: 公司销售总监",
        f"  from: 第{i}大区经理",
        "  subject: 大区年度销售工作执行计划",
        "products:",
    ]
    out += [f"  - {{id: {q}, name: {n}, stage: {s}}}" for q, n, s in PRODUCTS]
    out.append("regions:")
    out += [f"  - {{id: {p}, name: {n}, level: 省}}" for p, n in provs]
    prefix = f"r{i:05d}-" if parent else ""
    accounts = [(f"{prefix}h{k:02d}", f"{provs[k % len(provs)][1][:2]}市{HOSPITAL_WORDS[k % len(HOSPITAL_WORDS)]}") for k in range(20)]
    out.append("accounts:")
    for aid, name in accounts:
        out += [
            f"  - id: {aid}",
            f"    name: {name}",
            "    level: 三甲",
            "    role: 核心阵地",
            "    departments:",
            f"      - {{name: 心内科, beds: {rng.randint(40, 120)}张, head: 主任{aid.upper()}}}",
            f"      - {{name: 呼吸科, beds: {rng.randint(30, 90)}张, head: 主任{aid.upper()}B}}",
            "    status: 心脉安销售稳定，主要由副主任及其下级医生处方；清肺宁尚未入院。",
            "    opportunity: 说服科室主任，一旦突破将带来显著增量。",
            "    challenge: 竞品与科室合作紧密，对学术推广要求极为专业。",
            "    listed: [xinmaian]",
        ]
    out += [
        "overview:",
        "  text: |",
        "    本大区是公司的传统优势市场和主要的利润贡献区，市场成熟度高，医疗资源集中，",
        "    客户专业水平领先，但同时也是国内外竞争对手的必争之地，市场竞争异常激烈。",
        "  regions: [" + ", ".join(p for p, _ in provs) + "]",
        "  facts:",
        f"    - {{label: 销售代表, value: {rng.randint(60, 120)}名}}",
        f"    - {{label: 区域主管, value: {rng.randint(6, 12)}名}}",
        f"    - {{label: 核心目标医院, value: {rng.randint(150, 400)}家}}",
        "last_year:",
        f"  sales: {24 * k}万元",
        f"  target: {25 * k}万元",
        "  attainment: 96%",
        f"  previous_sales: {20 * k}万元",
        "  growth: 20%",
        "  text: 心脉安表现稳定但增长乏力，博舒平受集采政策冲击下滑明显。",
        "  highlights:",
        "    - 新客户开发和部分地级市市场实现较快增长",
        "    - 清肺宁在标杆医院完成首批准入",
        "  challenges:",
        "    - 核心城市三甲医院的存量挖掘已近天花板",
        "    - 团队在面对激烈价格战时的应对能力不足",
        "targets:",
        "  - id: sales",
        "    name: 年度销售指标",
        f"    value: {total}万元",
        "    focus: 深挖潜力，确保目标达成",
        "    breakdowns:",
        "      - dimension: province",
        "        title: 按省市分解",
        "        items:",
    ]
    for p, _ in provs:
        out += [
            f"          - ref: {p}",
            f"            value: {prov_tot[p]}万元",
            "            breakdowns:",
            "              - dimension: product",
            "                items:",
        ]
        out += [f"                  - {{ref: {q}, value: {cells[(p, q)]}万元}}" for q, _, _ in PRODUCTS]
    out += ["      - dimension: product", "        title: 按产品分解", "        items:"]
    out += [f"          - {{ref: {q}, value: {prod_tot[q]}万元, focus: 稳定存量，快速准入}}" for q, _, _ in PRODUCTS]
    out += ["      - dimension: quarter", "        title: 按季度分解", "        items:"]
    out += [f"          - {{ref: Q{k + 1}, value: {v}万元, focus: 按计划推进}}" for k, v in enumerate(quarters)]
    if reps:
        out += ["      - dimension: representative", "        title: 按代表分解", "        complete: true", "        items:"]
        # Representatives are people of one region: their refs are the region's own.
        out += [f"          - {{ref: r{i:05d}-rep-{k:03d}, value: {sum(qs)}万元}}" for k, qs in enumerate(rep_quarters(quarters, reps))]
    out.append("campaigns:")
    for cid, cname, theme in [("panshi", "磐石计划", "核心市场深耕战"), ("liaoyuan", "燎原计划", "新兴市场突破战"), ("zhujian", "铸剑计划", "团队能力升级战")]:
        out += [
            f"  - id: {cid}",
            f"    name: {cname}",
            f"    theme: {theme}",
            "    objective: 巩固并提升核心城市TOP20医院的市场份额，确保心脉安的领导地位。",
            "    kpis:",
            f"      - {{metric: 单院产出提升, comparator: \">=\", target: {rng.randint(8, 20)}%, growth: true}}",
            "      - {metric: 科室会覆盖率, comparator: \">=\", target: 100%}",
            "    tactics:",
            "      - name: 客户分级与精准维护",
            "        text: 按A-B-C管理法分级维护客户。",
            "        tiers:",
            "          - {id: " + cid + "-a, name: A类客户, who: 顶级KOL/高潜力科室主任, owner: 大区经理, visits: 每月至少1次高层拜访}",
            "          - {id: " + cid + "-b, name: B类客户, who: 中青年骨干/高处方医生, owner: 资深医药代表, visits: 每周1-2次有效拜访}",
            "          - {id: " + cid + "-c, name: C类客户, who: 普通处方医生/住院医, owner: 医药代表, visits: 常规拜访频率}",
            "      - name: 科室一体化推广模式",
            "        text: 通过标准化的科室会、午餐会，将产品信息传递给科室内的每一位医生、护士和药剂师。",
            "      - name: 院内学术品牌建设",
            "        text: 与重点科室合作设立系列学术讲座，打造院内品牌学术活动。",
        ]
    budget = total * 8 // 100
    lines = [budget * 50 // 100, budget * 30 // 100, budget * 10 // 100]
    lines.append(budget - sum(lines))
    out += [
        "budget:",
        f"  total: {budget}万元",
        "  lines:",
    ]
    for name, amount in zip(["市场活动费用", "人员薪酬与激励", "培训与发展费用", "行政及其他费用"], lines):
        out.append(f"    - {{name: {name}, amount: {amount}万元}}")
    out += [
        "requests:",
        f"  - {{kind: budget, name: 区域学术联动会议预算, amount: {rng.randint(100, 300)}万元, campaign: liaoyuan}}",
        f"  - {{kind: headcount, name: 新增销售代表编制, amount: {rng.randint(3, 10)}名, campaign: liaoyuan}}",
        "cadence:",
        "  - {name: 周会制, frequency: weekly, when: 每周一上午, text: 区域主管视频会议，明确本周工作重点。}",
        "  - {name: 月度复盘会, frequency: monthly, when: 每月最后一个工作日, text: 复盘业绩，表彰先进，调整战术。}",
        "  - name: 协访制度",
        "    frequency: monthly",
        "    kpis:",
        "      - {metric: 区域主管月协访天数, comparator: \">=\", target: 12天}",
        "risks:",
        "  - id: vbp",
        "    name: 集采压力超预期",
        "    description: 核心医院集采压力超预期，导致心脉安价格或销量下滑。",
        "    response: 立即启动磐石计划中的客户关系深度绑定策略，同时加速清肺宁推广。",
        "    campaign: panshi",
        "  - id: access",
        "    name: 新兴市场入院受阻",
        "    description: 新兴市场开拓进度不及预期，入院受阻。",
        "    response: 调动轻骑兵团队集中攻坚最关键的桥头堡医院。",
        "    campaign: liaoyuan",
        "closing: 我坚信，在公司的正确领导和资源支持下，全体同仁必将全力以赴，坚决完成年度销售目标。",
    ]
    return "\n".join(out) + "\n"


MONEY = re.compile(r"(\d+(?:\.\d+)?)(亿元|万元)")


def scaled_company(i: int, factor: Decimal, template: str) -> str:
    def scale(m: re.Match) -> str:
        v = (Decimal(m.group(1)) * factor).normalize()
        return f"{v:f}{m.group(2)}"

    text = MONEY.sub(scale, template)
    text = re.sub(r"(?m)^id: (.+)$", rf"id: \1-{i:05d}", text, count=1)
    return text


def split(total: int, n: int) -> list:
    """`total` in n parts that add up exactly."""
    base = total // n
    return [base] * (n - 1) + [total - base * (n - 1)]


def quarters_of(total: int) -> list:
    q1, q2, q3 = (total * 22 // 100, total * 26 // 100, total * 24 // 100)
    return [q1, q2, q3, total - q1 - q2 - q3]


def rep_quarters(quarters: list, reps: int) -> list:
    """Each representative's Q1–Q4: every quarter of the region split over them."""
    parts = [split(q, reps) for q in quarters]
    return [[parts[q][k] for q in range(4)] for k in range(reps)]


def region_total(text: str) -> int:
    return int(re.search(r"(?m)^    value: (\d+)万元$", text).group(1))


REP = """# yaml-language-server: $schema=../schemas/plan.schema.json
kind: representative
id: {id}
title: 代表{n}年度个人销售计划
status: final
period: {{start: 2026-01-01, end: 2026-12-31}}
owner: 代表{n}
unit: 万元
parent: {parent}
accounts:
  - {{id: {account}, name: 第一人民医院, level: 三甲}}
last_year:
  sales: {last}万元
targets:
  - id: sales
    name: 个人年度销售指标
    value: {value}万元
    breakdowns:
      - dimension: quarter
        items:
{quarters}tiers:
  - id: a
    name: A类客户
    accounts: [{account}]
    objective: 每月至少两次学术拜访。
timeline:
  - id: p1
    name: 全年执行
    start: 2026-01-01
    end: 2026-12-31
    goal: 完成年度指标。
"""


def tree(out_dir: Path, regions: int, reps: int) -> None:
    """1 company → `regions` regional plans → `reps` representatives each, all linked."""
    rng = random.Random(2026)
    totals = []
    for r in range(regions):
        text = region_plan(r, rng, parent=f"tree-company#region-{r:05d}", reps=reps)
        totals.append(region_total(text))
        (out_dir / f"region-{r:05d}.plan.yaml").write_text(text, encoding="utf-8")
        for k, qs in enumerate(rep_quarters(quarters_of(totals[-1]), reps)):
            v = sum(qs)
            rep = REP.format(
                id=f"rep-{r:05d}-{k:03d}", n=f"{r}-{k}", parent=f"region-{r:05d}#r{r:05d}-rep-{k:03d}",
                # Each representative serves accounts of their own (no two siblings share one).
                account=f"h-{r:05d}-{k:03d}",
                value=v, last=v * 9 // 10,
                quarters="".join(f"          - {{ref: Q{q + 1}, value: {x}万元}}\n" for q, x in enumerate(qs)),
            )
            (out_dir / f"rep-{r:05d}-{k:03d}.plan.yaml").write_text(rep, encoding="utf-8")
    items = "".join(f"          - {{ref: region-{r:05d}, name: 第{r}大区, value: {t}万元}}\n" for r, t in enumerate(totals))
    regions = "".join(f"  - {{id: region-{r:05d}, name: 第{r}大区}}\n" for r in range(len(totals)))
    company = f"""# yaml-language-server: $schema=../schemas/plan.schema.json
kind: company
id: tree-company
title: 集团2026年度销售计划
status: final
period: {{start: 2026-01-01, end: 2026-12-31}}
unit: 万元
regions:
{regions}swot:
  strengths:
    - {{title: 产品优势, text: 核心产品临床证据充分}}
targets:
  - id: sales
    name: 年度销售总额
    value: {sum(totals)}万元
    breakdowns:
      - dimension: region
        complete: true
        items:
{items}strategies:
  - id: s1
    name: 区域协同
    kpis:
      - {{metric: 大区目标达成率, comparator: ">=", target: 100%}}
budget:
  total: {sum(totals) * 3 // 10}万元
risks:
  - id: r1
    name: 政策风险
    description: 核心产品纳入集采
    response: 提前测算成本
cadence:
  - {{name: 月度经营会, frequency: monthly}}
"""
    (out_dir / "company.plan.yaml").write_text(company, encoding="utf-8")


def main() -> None:
    out_dir = Path(sys.argv[1])
    if len(sys.argv) > 2 and sys.argv[2] == "--tree":
        # bench/gen_plans.py OUT --tree REGIONS REPS_PER_REGION
        out_dir.mkdir(parents=True, exist_ok=True)
        tree(out_dir, int(sys.argv[3]), int(sys.argv[4]))
        return
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    out_dir.mkdir(parents=True, exist_ok=True)
    company = (ROOT / "examples" / "org" / "company.plan.yaml").read_text(encoding="utf-8")
    rng = random.Random(2026)
    factors = [Decimal(x) for x in ("1", "1.25", "1.5", "2", "0.5", "0.75")]
    for i in range(n):
        if i % 3 == 2:
            text = scaled_company(i, factors[i % len(factors)], company)
        else:
            text = region_plan(i, rng)
        (out_dir / f"plan-{i:05d}.plan.yaml").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
