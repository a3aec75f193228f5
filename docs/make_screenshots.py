"""Regenerate the screenshots of the README and the manual from the demo data:
python docs/make_screenshots.py"""

from __future__ import annotations

import asyncio
import tempfile
from datetime import date, datetime
from pathlib import Path

from interview_tui.i18n import set_language
from interview_tui.services.demo import seed_demo
from interview_tui.store import open_store
from interview_tui.tui.app import build_app

HERE = Path(__file__).parent
TODAY = date(2026, 11, 24)

SHOTS = [
    ("screenshot-home.svg", "en", "home", {}, []),
    ("screenshot-live.svg", "zh", "live", {"visit_id": 2},
     [*"晚高峰回源带宽打满 转码排队超过 3 分钟", "alt+6"]),
    ("screenshot-commitments.svg", "en", "commitments", {}, []),
]


async def shoot(name: str, lang: str, route: str, kwargs: dict, keys: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "demo.db")
        store.now = lambda: datetime(2026, 11, 24, 9, 30)
        seed_demo(store, TODAY)
        set_language(lang)
        app = build_app(store, initial=(route, kwargs), today=lambda: TODAY,
                        now=lambda: datetime(2026, 11, 24, 9, 30), animate=False)  # fmt: skip
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.press(*keys)
            await pilot.pause(0.3)
            app.save_screenshot(filename=name, path=str(HERE))
        store.close()
    print(f"wrote {HERE / name}")


async def main() -> None:
    for shot in SHOTS:
        await shoot(*shot)


if __name__ == "__main__":
    asyncio.run(main())
