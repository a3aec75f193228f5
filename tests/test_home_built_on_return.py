"""An app started on another screen (``interview-tui live 3``, ``interview-tui commitments``)
builds home only when that screen closes: home's widgets, tables and read were a third of
such a start (issue 26), and nothing of it was ever seen unless the user went back."""

from __future__ import annotations

from typing import Any

import pytest

from interview_tui.tui.app import HomeToCome
from interview_tui.tui.home.screen import HomeScreen
from tests.conftest import settle


@pytest.mark.parametrize(("route", "kwargs"), [("commitments", {}), ("live", {"visit_id": 2})])
async def test_home_is_built_when_the_first_screen_closes(
    make_app: Any, route: str, kwargs: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from interview_tui.tui.data import DataScreen

    at_mount: list[Any] = []
    mounted = DataScreen.on_mount

    def on_mount(screen: Any) -> None:
        if isinstance(screen, HomeScreen):  # the read was started before Textual built it
            at_mount.append(screen._prefetched)
        mounted(screen)

    monkeypatch.setattr(DataScreen, "on_mount", on_mount)
    app = make_app(route, **kwargs)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen_stack[0], HomeToCome)
        assert not [s for s in app.screen_stack if isinstance(s, HomeScreen)]
        await pilot.press("escape")
        await settle(pilot)
        assert [type(s) for s in app.screen_stack] == [HomeScreen]
        assert at_mount and at_mount[0] is not None
        visits = app.screen.query_one("#visits")
        assert visits.row_count > 0
        customers = app.screen.query_one("#customers")
        assert any(
            "Northwind" in str(customers.get_row_at(n)[0]) for n in range(customers.row_count)
        )
        await pilot.press("q")  # home is the first screen now: q quits
        await pilot.pause()
    assert app.return_code == 0


async def test_going_home_from_two_screens_deep_builds_home_once(make_app: Any) -> None:
    app = make_app("commitments")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.show("matrix")
        await settle(pilot)
        app.go_home()
        await settle(pilot)
        assert [type(s) for s in app.screen_stack] == [HomeScreen]
        assert app.screen.query_one("#visits").row_count > 0


async def test_a_start_on_home_is_unchanged(make_app: Any) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        assert [type(s) for s in app.screen_stack] == [HomeScreen]
