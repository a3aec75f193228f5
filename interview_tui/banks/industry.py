"""Which industry bank fits a customer, from the free text of its industry field.

>>> industry_for("Freight and logistics")
'retail'
>>> industry_for("游戏出海")
'gaming'
>>> industry_for("短视频与直播")
'general'
>>> industry_for("") is None
True
"""

from __future__ import annotations

import re

from interview_tui.banks.schema import INDUSTRIES

#: Words that point at an industry, English (matched at word starts) and Chinese (anywhere).
#: ``gaming`` is games and esports; ``finance`` is banks, payments, securities and insurance;
#: ``retail`` is retail, e-commerce and logistics. ``general`` names the industries that have
#: no bank of their own (media and video, live streaming, SaaS and online services, education,
#: social apps): they get the general bank, said so in the plan. Going global (出海) is no
#: industry: "游戏出海" is gaming, "SaaS 出海" general.
_KEYWORDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "gaming": (
        ("game", "gaming", "esport", "e-sport", "mobile game", "interactive entertainment"),
        ("游戏", "手游", "端游", "页游", "电竞", "互娱"),
    ),
    "finance": (
        (
            "financ",
            "fintech",
            "retail bank",
            "bank",
            "payment",
            "insur",
            "securities",
            "brokerage",
            "broker",
            "trading",
            "lending",
            "loan",
            "credit",
            "wealth",
            "asset management",
            "capital market",
            "exchange",
            "wallet",
        ),
        (
            "金融",
            "银行",
            "支付",
            "证券",
            "券商",
            "保险",
            "基金",
            "信贷",
            "消费金融",
            "理财",
            "期货",
            "信托",
            "钱包",
            "清算",
        ),
    ),
    "manufacturing": (
        (
            "manufactur",
            "factory",
            "factories",
            "industrial",
            "industry 4.0",
            "iot",
            "internet of things",
            "automotive",
            "automobile",
            "car maker",
            "carmaker",
            "semiconductor",
            "electronics",
            "machinery",
            "smart manufacturing",
            "plant",
        ),
        (
            "制造",
            "工厂",
            "工业",
            "物联网",
            "汽车",
            "车企",
            "车联网",
            "半导体",
            "电子",
            "装备",
            "机械",
            "智造",
        ),
    ),
    "retail": (
        (
            "retail",
            "e-commerce",
            "ecommerce",
            "commerce",
            "logistics",
            "freight",
            "shipping",
            "supply chain",
            "delivery",
            "warehous",
            "grocery",
            "consumer goods",
            "cpg",
            "fmcg",
            "marketplace",
            "courier",
            "parcel",
            "trucking",
            "store",
        ),
        (
            "零售",
            "电商",
            "物流",
            "快递",
            "供应链",
            "仓储",
            "货运",
            "商超",
            "超市",
            "门店",
            "外卖",
            "即时配送",
            "快消",
            "冷链",
        ),
    ),
    "general": (
        (
            "media",
            "video",
            "live stream",
            "livestream",
            "short video",
            "short-video",
            "streaming",
            "entertainment",
            "social",
            "saas",
            "software",
            "online service",
            "internet",
            "education",
            "edtech",
            "e-learning",
            "public sector",
            "government",
        ),
        (
            "视频",
            "直播",
            "短视频",
            "媒体",
            "传媒",
            "泛娱乐",
            "娱乐",
            "社交",
            "软件",
            "在线教育",
            "教育",
            "互联网",
            "政务",
            "政府",
        ),
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
    """The industry id (gaming, finance, manufacturing, retail, general) a free text names;
    ``general`` for a named industry no bank is written for, ``None`` for no text at all.

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
    return min(hits)[2] if hits else "general"


def keywords() -> dict[str, tuple[str, ...]]:
    """Every word the mapping knows, by the industry it sends a customer to."""
    return {industry: english + chinese for industry, (english, chinese) in _KEYWORDS.items()}
