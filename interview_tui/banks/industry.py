"""Which industry bank fits a customer, from the free text of its industry field.

>>> industry_for("Freight and logistics")
'retail'
>>> industry_for("游戏出海")
'gaming'
>>> industry_for("Public sector") is None
True
"""

from __future__ import annotations

import re

from interview_tui.banks.schema import INDUSTRIES

#: Words that point at an industry, English (matched at word starts) and Chinese (anywhere).
#: ``gaming`` is games, interactive entertainment and going global (出海);
#: ``retail`` is retail, e-commerce and logistics.
_KEYWORDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "gaming": (
        ("game", "gaming", "esport", "e-sport", "mobile game", "live stream", "livestream",
         "short video", "short-video", "interactive entertainment", "entertainment",
         "social app", "going global", "go global"),
        ("游戏", "手游", "端游", "页游", "电竞", "出海", "泛娱乐", "娱乐", "直播", "短视频",
         "社交", "互娱"),
    ),
    "finance": (
        ("financ", "fintech", "retail bank", "bank", "payment", "insur", "securities",
         "brokerage", "broker", "trading", "lending", "loan", "credit", "wealth",
         "asset management", "capital market", "exchange", "wallet"),
        ("金融", "银行", "支付", "证券", "券商", "保险", "基金", "信贷", "消费金融", "理财",
         "期货", "信托", "钱包", "清算"),
    ),
    "manufacturing": (
        ("manufactur", "factory", "factories", "industrial", "industry 4.0", "iot",
         "internet of things", "automotive", "automobile", "car maker", "carmaker",
         "semiconductor", "electronics", "machinery", "smart manufacturing", "plant"),
        ("制造", "工厂", "工业", "物联网", "汽车", "车企", "车联网", "半导体", "电子", "装备",
         "机械", "智造"),
    ),
    "retail": (
        ("retail", "e-commerce", "ecommerce", "commerce", "logistics", "freight", "shipping",
         "supply chain", "delivery", "warehous", "grocery", "consumer goods", "cpg", "fmcg",
         "marketplace", "courier", "parcel", "trucking", "store"),
        ("零售", "电商", "物流", "快递", "供应链", "仓储", "货运", "商超", "超市", "门店",
         "外卖", "即时配送", "快消", "冷链"),
    ),
}


def _first_hit(
    text: str, english: tuple[str, ...], chinese: tuple[str, ...]
) -> tuple[int, int] | None:
    """Where the earliest keyword starts, and minus its length (longer wins a tie)."""
    hits = [(text.find(word), -len(word)) for word in chinese if word in text]
    for word in english:
        match = re.search(r"(?<![a-z0-9])" + re.escape(word), text)
        if match:
            hits.append((match.start(), -len(word)))
    return min(hits) if hits else None


def industry_for(text: str | None) -> str | None:
    """The industry id (gaming, finance, manufacturing, retail) a free text names, or ``None``.

    An industry id itself is accepted as is ("general" too). When words of several industries
    appear, the one named first wins ("payments for e-commerce" is finance), and at the same
    place the longer keyword ("retail banking" is finance).
    """
    cleaned = (text or "").strip().casefold()
    if not cleaned:
        return None
    if cleaned in INDUSTRIES:
        return cleaned
    hits = []
    for industry, (english, chinese) in _KEYWORDS.items():
        position = _first_hit(cleaned, english, chinese)
        if position is not None:
            hits.append((*position, industry))
    return min(hits)[2] if hits else None
