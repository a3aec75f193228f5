"""Checks that need a question's metadata (its role, research and purpose), not just its text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from interview_tui.domain.enums import Role

_TECH_DETAIL = re.compile(
    r"\b(?:kernel|sysctl|parameters?|yaml|helm\s+chart|config(?:uration)?\s+files?|cli\s+flags?|"
    r"api\s+calls?|sdk\s+versions?|log\s+formats?|stack\s+traces?|p99|iops|ulimit|tcp|"
    r"thread\s+pools?|heap|gc\s+pauses?|qps\s+per\s+node|shell\s+scripts?|cron\s+jobs?|"
    r"endpoints?|headers?|timeouts?\s+settings?)\b|"
    r"内核|参数|配置文件|命令行|脚本|日志格式|堆栈|线程池|超时设置|接口调用|SDK\s*版本|请求头|端口"
)
_COMMERCIAL = re.compile(
    r"\b(?:budget|contract|procurement|purchase\s+orders?|invoices?|payment\s+terms|"
    r"discounts?|pricing\s+tiers?|revenue|market\s+share|board|strategy|strategic|"
    r"annual\s+plan|headcount\s+plan|kpis?|p&l|tender|rfp)\b|"
    r"预算|合同|采购流程|发票|付款|账期|折扣|营收|收入目标|市场份额|董事会|战略|年度规划|招标|KPI|kpi"
)


def role_mismatch(role: Role, text: str) -> bool:
    """Technical detail asked of a business or procurement person, or commerce of an engineer."""
    if role in (Role.BUSINESS, Role.PROCUREMENT):
        return bool(_TECH_DETAIL.search(text.lower()))
    if role is Role.TECH_EXECUTION:
        return bool(_COMMERCIAL.search(text.lower()))
    return False


def bank_codes(role: Role, text: str, research: str, purpose: str) -> Iterator[str]:
    """The bank-level codes that hold for one question."""
    if role.is_decision_maker and not research.strip():
        yield "no-research"
    if role_mismatch(role, text):
        yield "role-mismatch"
    if not purpose.strip():
        yield "no-purpose"
