#!/usr/bin/env python3
"""Writes examples/draw/plan.json: a made-up plan of 示例市 with 3,000 targets in four credit
risk classes and inspectors from two departments. Deterministic (no randomness from the
machine): rerunning gives the same bytes. All names and codes are invented; the 统一社会信用代码
carry correct GB 32100 check characters."""
import json
import os

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [pow(3, i, 31) for i in range(17)]


def uscc(region, n):
    # 9 = 工商登记, 1 = 企业; organisation code part made of digits and letters from n.
    org = "".join(CHARSET[(n // 31 ** k) % 31] for k in range(9))
    first17 = "91" + region + org
    s = sum(CHARSET.index(c) * w for c, w in zip(first17, WEIGHTS))
    return first17 + CHARSET[(31 - s % 31) % 31]


class Lcg:
    """A fixed 64-bit LCG (Knuth MMIX constants): the example data, not the draw."""
    def __init__(self, seed):
        self.x = seed

    def next(self, n):
        self.x = (self.x * 6364136223846793005 + 1442695040888963407) % 2 ** 64
        return (self.x >> 33) % n


REGIONS = ["350102", "350103", "350104", "350105", "350111"]
DISTRICTS = {"350102": "鼓楼", "350103": "台江", "350104": "仓山", "350105": "马尾", "350111": "晋安"}
WORDS = ["恒信", "鑫达", "华盛", "永安", "宏图", "金鹏", "联创", "瑞丰", "嘉禾", "同心", "佳美", "天成",
         "凯旋", "明德", "福顺", "兴业", "润泽", "博远", "安泰", "长青"]
TRADES = [("F5123", "食品批发"), ("F5261", "超市"), ("H6210", "餐饮"), ("C1392", "食品加工"),
          ("C2669", "化工"), ("C3311", "金属制品"), ("O8010", "家政服务"), ("F5271", "药品零售")]
# Trades whose firms are also supervised for emissions: joint inspections with 生态环境局.
JOINT = {"C2669", "C3311", "C1392"}


def main():
    rnd = Lcg(20261120)
    targets = []
    classes = ["A"] * 45 + ["B"] * 35 + ["C"] * 15 + ["D"] * 5
    for i in range(3000):
        region = REGIONS[rnd.next(len(REGIONS))]
        code, trade = TRADES[rnd.next(len(TRADES))]
        name = f"示例市{DISTRICTS[region]}区{WORDS[rnd.next(len(WORDS))]}{WORDS[rnd.next(len(WORDS))]}{trade}有限公司{i:04d}"
        depts = ["scjg", "sthj"] if code in JOINT else ["scjg"]
        t = {"id": f"T{i:05d}", "name": name, "uscc": uscc(region, 100000 + i * 7919),
             "region_code": region, "industry_code": code,
             "credit_risk_class": classes[rnd.next(len(classes))], "departments": depts}
        roll = rnd.next(10)
        if roll < 3:
            # Inspected before: some within the last 12 months (excluded), some earlier.
            month = 1 + rnd.next(12)
            year = 2025 if roll < 2 else 2026
            t["last_inspected_on"] = f"{year}-{month:02d}-{1 + rnd.next(28):02d}"
            if t["last_inspected_on"] > "2026-11-20":
                t["last_inspected_on"] = "2026-06-15"
            t["last_inspectors"] = [f"S{rnd.next(40) + 1:03d}", f"S{rnd.next(40) + 1:03d}"]
        targets.append(t)
    inspectors = []
    surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
    given = ["建国", "秀英", "志强", "丽娟", "海涛", "晓燕", "文斌", "雪梅", "俊杰", "春华"]
    for k in range(1, 41):
        conflicts = [f"T{rnd.next(3000):05d}" for _ in range(rnd.next(3))]
        inspectors.append({"id": f"S{k:03d}", "name": surnames[k % 20] + given[k % 10],
                           "department": "scjg", "region_code": REGIONS[k % 5],
                           "certificate_valid": k % 13 != 0, "conflicts": conflicts})
    for k in range(1, 13):
        conflicts = [f"T{rnd.next(3000):05d}" for _ in range(rnd.next(2))]
        inspectors.append({"id": f"H{k:03d}", "name": surnames[(k * 3) % 20] + given[(k * 7) % 10],
                           "department": "sthj", "region_code": REGIONS[k % 5],
                           "certificate_valid": k != 7, "conflicts": conflicts})
    plan = {
        "format": "fazhi-draw-plan/1",
        "id": "SLS-2026-12",
        "title": "示例市2026年第四季度市场监管领域部门联合“双随机、一公开”抽查",
        "organizer": "示例市市场监督管理局",
        "as_of": "2026-11-20",
        "inspection_items": ["食品经营者经营条件检查", "企业公示信息检查", "排污许可执行情况检查"],
        "departments": [{"id": "scjg", "name": "示例市市场监督管理局"},
                        {"id": "sthj", "name": "示例市生态环境局"}],
        "strata": [
            {"id": "A", "label": "信用风险低（A类）", "credit_risk_classes": ["A"], "ratio": "3%", "minimum": 5},
            {"id": "B", "label": "信用风险一般（B类）", "credit_risk_classes": ["B"], "ratio": "5%", "minimum": 5},
            {"id": "C", "label": "信用风险较高（C类）", "credit_risk_classes": ["C"], "ratio": "10%", "minimum": 5},
            {"id": "D", "label": "信用风险高（D类）", "credit_risk_classes": ["D"], "ratio": "30%", "minimum": 5},
        ],
        "team": {"size": 2},
        "exclusions": {"inspected_within_months": 12},
        "randomness": {"kind": "public_value",
                       "description": "计划公布后的下一期中国福利彩票双色球开奖号码（按开奖公告原样录入，空格分隔）"},
        "targets": targets,
        "inspectors": inspectors,
    }
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "plan.json"), "w", encoding="utf-8") as f:
        json.dump(plan, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
