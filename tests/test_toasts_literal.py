"""A toast shows the user's text as typed, whichever widget raises it: Textual's
``Widget.notify`` asks for markup by default, and an undo of a commitment whose text held
``[bold]draft[/]`` showed "draft" in bold without its brackets."""

from __future__ import annotations

import pytest

from tests.conftest import settle

TYPED = "Send “Größe” price sheet — £/€ [bold]draft[/] [i]€[/i] ø"


def _shown(app) -> str:
    """What the toasts on screen show (their text as drawn, markup applied or not)."""
    from textual.widgets._toast import Toast

    return "\n".join(str(toast.render()) for toast in app.screen.query(Toast))


@pytest.mark.parametrize("raised_by", ["screen", "widget", "app"])
async def test_a_toast_shows_markup_as_typed(make_app, raised_by: str) -> None:
    app = make_app()
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await settle(pilot)
        source = {"screen": app.screen, "widget": app.screen.focused or app.screen, "app": app}
        source[raised_by].notify(TYPED, timeout=60)
        await pilot.pause()
        await settle(pilot)
        shown = _shown(app)
        assert "[bold]draft[/]" in shown and "[i]€[/i]" in shown, shown


async def test_archiving_a_person_names_them_as_typed(make_app, demo_store) -> None:
    """The tester's case: a person named ``[bold]Bob[/] Ünal`` archived on the customer screen
    was announced as "Bob Ünal archived" with Bob in bold."""
    from interview_tui.domain.models import Person

    customer = demo_store.db.execute("SELECT id FROM customers ORDER BY id LIMIT 1").fetchone()[0]
    demo_store.save(Person(customer_id=customer, name="[bold]Bob[/] Ünal", role="business"))
    app = make_app("customer", customer_id=customer)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot)
        from textual.widgets import DataTable

        from interview_tui.tui.textual_private import notifications

        table = app.screen.query_one(DataTable)
        table.focus()
        await pilot.pause()
        row = next(i for i, p in enumerate(app.screen.people) if "Bob" in p.name)
        table.move_cursor(row=row)
        app.screen.action_remove_person()
        await settle(pilot)
        said = [n.message for n in notifications(app)]
        assert any("[bold]Bob[/] Ünal" in message for message in said), said
        assert "[bold]Bob[/] Ünal" in _shown(app)


async def test_ctrl_z_where_nothing_can_be_undone_says_so(make_app) -> None:
    """On the customer screen ctrl+z said nothing at all (the manual lists it among the
    keys that work everywhere)."""
    app = make_app("customer", customer_id=1)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot)
        from textual.widgets import DataTable

        from interview_tui.tui.textual_private import notifications

        app.screen.query_one(DataTable).focus()
        await pilot.pause()
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert "Nothing to undo here" in [n.message for n in notifications(app)]


async def test_a_person_added_and_not_saved_is_not_taken_off_without_a_word(make_app) -> None:
    """del on a person added in the form and not saved yet removed them silently."""
    app = make_app("customer", customer_id=1)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot)
        from textual.widgets import DataTable

        from interview_tui.tui.textual_private import notifications

        await pilot.press("ctrl+a")
        await settle(pilot)
        await pilot.press(*"New Person", "ctrl+s")
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        table.focus()
        await pilot.pause()
        table.move_cursor(row=next(i for i, p in enumerate(app.screen.people) if p.id is None))
        await pilot.press("delete")
        await settle(pilot)
        said = [n.message for n in notifications(app)]
        assert any("New Person" in m and "not saved" in m for m in said), said
