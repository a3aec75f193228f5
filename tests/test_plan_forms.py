"""Create a customer with people in every role, then plan a visit; bad input stays put."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Label, Select, SelectionList, Static, TextArea

from interview_tui.domain.dates import examples
from interview_tui.domain.enums import Goal, Role
from interview_tui.domain.models import Customer, Visit
from tests.conftest import FIXED_TODAY, settle


async def test_create_customer_with_people_then_a_visit(make_app, demo_store) -> None:
    app = make_app("customer")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press(*"Contoso Media")
        for name, title, moves in (("Ada", "CTO", 2), ("Bo", "SRE", 3)):
            await pilot.press("ctrl+a")
            await pilot.pause()
            await pilot.press(*name, "tab", *title, "tab")
            select = app.screen.query_one("#role", Select)
            select.value = list(Role)[moves].value
            await pilot.press("ctrl+s")
            await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        customer = demo_store.customer_by_name("Contoso Media")
        assert customer is not None
        people = {p.name: p.role for p in demo_store.people(customer.id)}
        assert people == {"Ada": Role.TECH_DECISION, "Bo": Role.TECH_EXECUTION}

    app = make_app("visit_form", customer_id=customer.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.query_one("#date", Input).value = "2026-13-45 10:00"
        await pilot.press("ctrl+s")
        await pilot.pause()
        when = examples(FIXED_TODAY)["when"]  # the next weekday at 10:00, never a past date
        assert when in str(screen.query_one("#date-error", Static).render())
        assert any(when in str(label.render()) for label in screen.query(Label))
        assert demo_store.visits(customer.id) == []
        screen.query_one("#date", Input).value = "2026-12-03 14:00"
        screen.query_one("#purpose", Input).value = "Storage renewal"
        screen.query_one("#goals", SelectionList).select(Goal.PAIN_POINTS.value)
        screen.query_one("#attendees", SelectionList).select_all()
        screen.query_one("#give_back", TextArea).text = "Benchmark of the new tier\nRoadmap"
        screen.query_one("#must_not_promise", TextArea).text = "Discounts"
        await pilot.press("ctrl+s")
        await pilot.pause()
        visit = demo_store.visits(customer.id)[0]
        assert visit.purpose == "Storage renewal" and visit.goals == [Goal.PAIN_POINTS]
        assert visit.give_back == ["Benchmark of the new tier", "Roadmap"]
        assert len(visit.attendee_ids) == 2 and visit.must_not_promise == "Discounts"
        assert demo_store.get(Visit, visit.id).date.hour == 14


async def test_duplicate_customer_name_is_refused_beside_the_field(make_app, demo_store):
    app = make_app("customer")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press(*"星河视频", "ctrl+s")
        await settle(pilot)  # the save runs off the UI thread: wait for its answer
        assert "already" in str(app.screen.query_one("#name-error", Static).render())


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_customer_snapshot(snap_compare, make_app, lang) -> None:
    assert snap_compare(
        make_app("customer", lang=lang, customer_id=1), terminal_size=(80, 24), run_before=settle
    )


async def test_leaving_a_form_with_changes_asks_and_never_discards_silently(
    make_app, demo_store
) -> None:
    from interview_tui.tui.confirm import UnsavedDialog
    from interview_tui.tui.plan.visit_form_screen import VisitFormScreen

    app = make_app("visit_form", visit_id=2)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        form = app.screen
        assert isinstance(form, VisitFormScreen)
        await pilot.press("escape")  # nothing changed: leaves at once
        await pilot.pause()
        assert not isinstance(app.screen, VisitFormScreen | UnsavedDialog)

    app = make_app("visit_form", visit_id=2)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        form = app.screen
        form.query_one("#purpose", Input).value = "Renewal, then the migration plan"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedDialog)
        await pilot.press("escape")  # keep editing: the text is still there
        await pilot.pause()
        assert app.screen is form
        assert form.query_one("#purpose", Input).value == "Renewal, then the migration plan"
        await pilot.press("escape", "ctrl+s")  # save, and leave once saved
        await settle(pilot)
        assert not isinstance(app.screen, VisitFormScreen | UnsavedDialog)
        assert demo_store.get(Visit, 2).purpose == "Renewal, then the migration plan"

    app = make_app("customer")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press(*"Fabrikam", "escape")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedDialog)
        await pilot.press("ctrl+d")  # discard, asked
        await pilot.pause()
        assert demo_store.customer_by_name("Fabrikam") is None


async def test_people_hint_names_the_keys_that_work(make_app) -> None:
    """The hint said "a: add" while the key was ctrl+a: it is read from the bindings now,
    after keymap.toml."""
    app = make_app("customer")
    app.start_keymap = {"customer.add_person": "ctrl+n"}
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        hint = str(app.screen.query_one("#people-label").render())
        assert "^n add" in hint or "ctrl+n add" in hint, hint
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert type(app.screen).__name__ == "PersonDialog"


async def test_tabbing_into_a_filled_field_keeps_its_value(make_app, demo_store) -> None:
    from interview_tui.domain.models import Customer

    customer = demo_store.save(Customer(name="Acme", industry="Retail"))
    app = make_app("customer", customer_id=customer.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "s")  # name → industry, then a key: added, not a wipe
        assert app.screen.query_one("#industry").value == "Retails"


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_a_new_visit_starts_from_the_customers_last_plan(make_app, demo_store, lang):
    """A second visit to a customer had empty limits: the readiness check passed on an
    empty list and the live screen showed no limit while a flagged promise was open."""
    last = max(demo_store.visits(1), key=lambda v: v.date)
    app = make_app("visit_form", lang=lang, customer_id=1)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        for name in ("must_not_promise", "may_promise", "sales_told", "do_not_say"):
            assert screen.query_one(f"#{name}", TextArea).text == getattr(last, name), name
        assert screen.query_one("#give_back", TextArea).text == ""  # the meeting's own
        assert not screen.unsaved_changes()  # nothing typed: esc leaves without asking
        screen.query_one("#must_not_promise", TextArea).text = "ZZ mine"
        screen.query_one("#date", Input).value = "2026-12-20 10:00"
        await pilot.press("ctrl+s")
        await settle(pilot)
    new = max(demo_store.visits(1), key=lambda v: v.date)
    assert new.id != last.id and new.must_not_promise == "ZZ mine"
    assert new.sales_told == last.sales_told


async def test_editing_a_visit_carries_nothing_in(make_app, demo_store) -> None:
    visit = demo_store.visits(1)[0]
    visit.must_not_promise = ""
    demo_store.save(visit)
    app = make_app("visit_form", visit_id=visit.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#must_not_promise", TextArea).text == ""


async def test_a_new_visit_saved_is_titled_as_the_visit_it_now_is(make_app, demo_store) -> None:
    app = make_app("visit_form", customer_id=1)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.screen.sub_title.startswith("New visit")
        app.screen.query_one("#date", Input).value = "2026-12-21 10:00"
        await pilot.press("ctrl+s")
        await settle(pilot)
        name = demo_store.get(Customer, 1).name
        assert app.screen.sub_title != "New visit" and name in app.screen.sub_title


async def test_the_carried_plan_is_said_once(make_app) -> None:
    from interview_tui.tui.textual_private import notifications

    app = make_app("visit_form", customer_id=1)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        said = [n for n in notifications(app) if "come from the visit of" in n.message]
        assert len(said) == 1
