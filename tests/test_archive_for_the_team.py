"""Archiving a visit or a customer shared with the team archives it for every colleague at
the next sync, and its open promises leave their lists: home says so and asks first (it
archived at once, with a toast that named no team). A record never shared is archived at
once, as before. Deleting for good a shared record is refused before asking (the dialog
promised a deletion it then refused)."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from interview_tui.domain.models import Commitment, Customer, Visit
from interview_tui.services import archive
from interview_tui.tui.confirm import ConfirmDialog
from interview_tui.tui.textual_private import notifications
from tests.conftest import FIXED_NOW, settle

TEAM = "平台"


def _share(store, visit_id: int) -> int:
    """The visit shared with the team (its customer on the team): its open promises."""
    visit = store.get(Visit, visit_id)
    customer = store.get(Customer, visit.customer_id)
    store.save(customer.model_copy(update={"team": TEAM}))
    store.save(visit.model_copy(update={"shared_at": FIXED_NOW}))
    return store.query(
        "SELECT count(*) AS n FROM commitments WHERE visit_id = ? AND state = 'open'", [visit_id]
    )[0]["n"]


def test_the_reach_names_the_team_and_counts_the_open_promises(demo_store) -> None:
    visit = demo_store.visit_rows()[0]["id"]
    assert archive.team_reach(demo_store, "visit", visit) == archive.TeamReach("", 0)
    demo_store.save(Commitment(visit_id=visit, text="Send the runbook", owner_side="us"))
    promises = _share(demo_store, visit)
    assert promises >= 1
    assert archive.team_reach(demo_store, "visit", visit) == archive.TeamReach(TEAM, promises)


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_a_shared_visit_is_archived_for_the_team_only_when_asked(
    make_app, demo_store, lang
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        home = app.screen
        visit_id = home.selected_visit_id()
        demo_store.save(Commitment(visit_id=visit_id, text="Send the runbook", owner_side="us"))
        promises = _share(demo_store, visit_id)
        await pilot.press("delete")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog), dialog
        said = dialog.title_text + "\n" + dialog.body
        assert TEAM in said and str(promises) in said, said
        await pilot.press("escape")  # not archived
        await settle(pilot)
        assert app.screen is home and demo_store.get(Visit, visit_id).archived_at is None
        await pilot.press("delete")
        await settle(pilot)
        app.screen.query_one("#yes").press()
        await settle(pilot)
        assert app.screen is home and demo_store.get(Visit, visit_id).archived_at is not None
        await pilot.press("ctrl+z")  # undone, as any archive
        await settle(pilot)
        assert demo_store.get(Visit, visit_id).archived_at is None


async def test_a_visit_never_shared_is_archived_at_once(make_app, demo_store) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        visit_id = app.screen.selected_visit_id()
        await pilot.press("delete")
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmDialog)
        assert demo_store.get(Visit, visit_id).archived_at is not None


async def test_deleting_a_shared_visit_for_good_is_refused_before_asking(
    make_app, demo_store
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        home = app.screen
        visit_id = home.selected_visit_id()
        _share(demo_store, visit_id)
        archive.set_archived(demo_store, "visit", visit_id, True)
        await pilot.press("h")  # the archived view
        await settle(pilot)
        table = home.query_one("#visits", DataTable)
        table.move_cursor(row=table.get_row_index(str(visit_id)))
        await pilot.press("ctrl+d")
        await settle(pilot)
        assert app.screen is home  # no dialog promising a deletion
        assert any(TEAM in n.message for n in notifications(app))
        assert demo_store.get(Visit, visit_id) is not None
