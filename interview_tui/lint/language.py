"""Which language a question is written in."""

from __future__ import annotations

import re

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def detect_language(text: str) -> str:
    """``zh-CN`` when the text holds Chinese characters, otherwise ``en``.

    Chinese questions routinely carry Latin product names (CDN, K8s, AWS); two Han
    characters are enough to call it Chinese.
    """
    return "zh-CN" if len(_HAN.findall(text, 0, 400)) >= 2 else "en"
