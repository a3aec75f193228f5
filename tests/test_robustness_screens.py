"""Every screen survives a terminal shrunk to 60×20 and back, and a storm of random keys.

The storms are seeded, so a failure replays exactly. Quit keys are left out so that the
storm keeps hitting the screens; everything else — letters, Chinese, digits, function
keys, arrows, tab, enter, escape, ctrl combinations — is fair game.
"""

from __future__ import annotations

import random

import pytest

from interview_tui.domain.models import Commitment, Note
from interview_tui.tui.routes import available

#: (route, kwargs) of every screen, on the demo data (visit 1 is done, 2 is planned).
SCREENS: list[tuple[str, dict]] = [
    ("home", {}),
    ("customer", {"customer_id": 1}),
    ("customer", {}),
    ("visit_form", {"visit_id": 2}),
    ("visit_form", {"customer_id": 1}),
    ("plan", {"visit_id": 2}),
    ("script", {"visit_id": 2}),
    ("rehearse", {"visit_id": 2}),
    ("live", {"visit_id": 2}),
    ("commitments", {}),
    ("requirements", {}),
    ("search", {}),
    ("timeline", {"customer_id": 1}),
    ("matrix", {}),
    ("export", {"visit_id": 1}),
]
#: Only the screens that are part of this build (the others have no key that opens them).
SCREENS = [screen for screen in SCREENS if available(screen[0])]

KEYS = [
    *"abcdefghijklmnopqrstuvwxyz0123456789",
    *"账单故障下周五客户",
    "space",
    "enter",
    "tab",
    "shift+tab",
    "escape",
    "backspace",
    "delete",
    "up",
    "down",
    "left",
    "right",
    "home",
    "end",
    "pageup",
    "pagedown",
    "slash",
    "question_mark",
    "plus",
    "minus",
    "full_stop",
    "comma",
    "ctrl+a",
    "ctrl+e",
    "ctrl+k",
    "ctrl+n",
    "ctrl+s",
    "ctrl+t",
    "ctrl+p",
    "ctrl+z",
    "f1",
    "f2",
    "f3",
    "f5",
    "f9",
]


def _ids(screen: tuple[str, dict]) -> str:
    route, kwargs = screen
    return route + "".join(f"-{k}{v}" for k, v in kwargs.items())


async def _settle(app, pilot) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


@pytest.fixture(autouse=True)
def _safe_environment(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # exports written by a storm land here
    monkeypatch.setenv("HOME", str(tmp_path))  # ~/interview-tui-exports too
    monkeypatch.setenv("EDITOR", "true")
    monkeypatch.setenv("VISUAL", "true")


@pytest.mark.parametrize("screen", SCREENS, ids=_ids)
async def test_resize_down_and_back(make_app, demo_store, screen) -> None:
    route, kwargs = screen
    app = make_app(route, **kwargs)
    notes_before = demo_store.query("SELECT count(*) AS n FROM notes")[0]["n"]
    async with app.run_test(size=(100, 30)) as pilot:
        await _settle(app, pilot)
        screen_before = type(app.screen).__name__
        for size in [(80, 24), (60, 20), (61, 21), (120, 36), (100, 30)]:
            await pilot.resize_terminal(*size)
            await _settle(app, pilot)
        assert type(app.screen).__name__ == screen_before
    assert demo_store.query("SELECT count(*) AS n FROM notes")[0]["n"] >= notes_before


@pytest.mark.parametrize("screen", SCREENS, ids=_ids)
async def test_keystroke_storm(make_app, demo_store, screen) -> None:
    route, kwargs = screen
    rng = random.Random(f"storm-{_ids(screen)}")
    app = make_app(route, **kwargs)
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(app, pilot)
        for _ in range(6):
            await pilot.press(*rng.choices(KEYS, k=25))
            await _settle(app, pilot)
            # a storm that wandered off (e.g. escape to home) is brought back to the screen
            if len(app.screen_stack) == 1 and route != "home":
                app.show(route, **kwargs)
                await _settle(app, pilot)
    # the database is whole after the storm, and every row still reads as a valid record
    assert demo_store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    for model, table in ((Commitment, "commitments"), (Note, "notes")):
        rows = demo_store.query(f"SELECT count(*) AS n FROM {table}")[0]["n"]
        assert rows > 0 and len(demo_store.all(model, limit=100_000)) == rows
