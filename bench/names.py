"""Generated Chinese names for synthetic parks, companies and projects: unique by construction.

A number is written in base len(SYLLABLES) with one syllable per digit, so name i and
name j differ whenever i != j; no name is taken from the sample reports or the gold files.
The syllables are plain trade-name characters that form no chain-template label together.
"""
from __future__ import annotations

SYLLABLES = "安宝昌晨诚达德鼎丰福富瀚合恒弘鸿汇佳嘉锦凯康乐隆茂美明宁鹏启瑞润尚盛泰同旺威祥鑫旭亚扬耀宇元远泽卓澜朗灵骏坤岚沐峻"
PARK_KINDS = ("经济技术开发区", "高新技术产业开发区", "产业园", "工业园区", "综合保税区")
SUB_PARK_KINDS = ("产业园", "科技园", "产业基地", "创新园")
COMPANY_SUFFIXES = ("有限公司", "股份有限公司", "集团有限公司", "科技有限公司")
PROJECT_SUFFIXES = ("项目", "生产基地项目", "产业园项目", "研发中心项目")
AGENCY_KINDS = ("管委会", "投资促进局", "招商局", "科技局")


def stem(number: int, width: int = 3) -> str:
    """`number` in syllables, at least `width` of them (distinct numbers give distinct stems)."""
    base = len(SYLLABLES)
    digits = []
    while number or len(digits) < width:
        number, digit = divmod(number, base)
        digits.append(SYLLABLES[digit])
    return "".join(reversed(digits))


def park(number: int) -> str:
    """Name of top-level park `number`: 瑞鑫康经济技术开发区."""
    return stem(number, 2) + PARK_KINDS[number % len(PARK_KINDS)]


def sub_park(parent: str, number: int) -> str:
    """Name of a park inside `parent`."""
    return parent + stem(number, 2) + SUB_PARK_KINDS[number % len(SUB_PARK_KINDS)]


def agency(park_name: str, number: int) -> str:
    """An agency of a park: 瑞鑫康经济技术开发区管委会."""
    return park_name + AGENCY_KINDS[number % len(AGENCY_KINDS)]


def company(number: int, trade: str = "") -> str:
    """Company `number`, with an optional trade word naming what it makes (动力电池)."""
    return stem(number) + trade + COMPANY_SUFFIXES[number % len(COMPANY_SUFFIXES)]


def project(number: int, trade: str = "") -> str:
    """Project `number`, with an optional trade word."""
    return stem(number) + trade + PROJECT_SUFFIXES[number % len(PROJECT_SUFFIXES)]
