"""Toasts stand above the key bar (walk D14): a toast over its right end hid ``^q Quit`` and
``f1 Help`` for as long as it showed, on a key bar of one line or two."""

from __future__ import annotations

import pytest

from tests.conftest import settle


@pytest.mark.parametrize(
    ("route", "kwargs", "size"),
    [
        ("home", {}, (80, 24)),
        ("commitments", {}, (80, 24)),
        ("commitments", {}, (160, 40)),
        ("plan", {"visit_id": 1}, (80, 24)),
    ],
)
@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_a_toast_leaves_the_keys_in_sight(make_app, route, kwargs, size, lang) -> None:
    app = make_app(route, lang=lang, **kwargs)
    async with app.run_test(size=size, notifications=True) as pilot:
        await settle(pilot)
        app.notify(
            "Wrote /tmp/exports/visit-4-recap.md; the recap has no To: add an e-mail address",
            timeout=30,
        )
        await settle(pilot)
        keybar = app.screen.query_one("KeyBar").region
        toast = list(app.screen.query("Toast"))[-1]
        assert toast.region.height > 0
        assert not toast.region.overlaps(keybar), (toast.region, keybar)
