"""The script builder: add with enter down the bank, each bank question once, a preview of
the highlighted question, lists that keep their text at 80 columns, keys in the footer."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Select, Static

from interview_tui.banks.library import load_library
from interview_tui.domain.enums import Goal, Role
from interview_tui.domain.models import ScriptItem
from interview_tui.services import script_builder
from interview_tui.tui.keybar import KeyBar
from interview_tui.tui.plan.plan_screen import PlanScreen
from interview_tui.tui.textual_private import notifications
from tests.conftest import settle
from tests.test_plan_rehearse import fresh_visit  # noqa: F401  (a fixture)


def _preview(screen: PlanScreen) -> str:
    return str(screen.query_one("#preview", Static).render())


def _footer(app) -> str:
    return app.screen.query_one(KeyBar).render().plain


async def _open(app, pilot) -> PlanScreen:
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, PlanScreen)
    screen.query_one("#lang-filter", Select).value = "en"
    screen.query_one("#industry-filter", Select).clear()
    await settle(pilot)
    return screen


def test_a_bank_question_is_added_to_a_script_once(demo_store, fresh_visit) -> None:  # noqa: F811
    question = load_library().questions("en")[0]
    items: list[ScriptItem] = []
    script_builder.add_from_bank(demo_store, fresh_visit, question, items)
    with pytest.raises(script_builder.AlreadyInScript) as refused:
        script_builder.add_from_bank(demo_store, fresh_visit, question, [])  # a stale list
    assert question.text in str(refused.value)
    assert [i.bank_question_id for i in demo_store.script(fresh_visit)] == [question.id]


async def test_enter_adds_and_moves_down_and_a_second_add_is_refused(
    make_app,
    demo_store,
    fresh_visit,  # noqa: F811
) -> None:
    app = make_app("plan", visit_id=fresh_visit)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot)
        bank = screen.query_one("#bank", DataTable)
        assert bank.has_focus  # the plan opens in the bank: enter adds at once
        await pilot.press(*["enter"] * 12)  # typed in one burst, before any save is done
        await settle(pilot)
        wanted = [q.id for q in screen.bank_rows[:12]]
        assert [i.bank_question_id for i in demo_store.script(fresh_visit)] == wanted
        assert bank.cursor_row == 12
        assert [str(bank.get_cell_at((row, 0))) for row in (0, 11, 12)] == ["✓", "✓", " "]
        await pilot.press("up", "enter")  # the twelfth again: refused, named, cursor stays
        await settle(pilot)
        assert len(demo_store.script(fresh_visit)) == 12
        assert bank.cursor_row == 11
        twelfth = screen.bank_rows[11].text[:60]
        assert any(
            n.message.startswith(f"Already in the script: {twelfth}") for n in notifications(app)
        )


async def test_the_preview_follows_the_cursor_of_the_focused_list(
    make_app,
    demo_store,
    fresh_visit,  # noqa: F811
) -> None:
    demo_store.save(
        ScriptItem(
            visit_id=fresh_visit,
            role=Role.TECH_DECISION,
            goal=Goal.PAIN_POINTS,
            text="Would you like lower prices?",
            research="[bold]not markup[/bold]",
            purpose="p",
            follow_ups=["And then?"],
        )
    )
    app = make_app("plan", visit_id=fresh_visit)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot)
        first, second = screen.bank_rows[0], screen.bank_rows[1]
        shown = " ".join(_preview(screen).split())
        assert " ".join(first.text.split()) in shown  # the whole question, wrapped
        assert "Role: Business decision maker" in shown and "business" not in shown
        await pilot.press("down")
        await settle(pilot)
        assert " ".join(second.text.split()) in " ".join(_preview(screen).split())
        screen.query_one("#script", DataTable).focus()
        await settle(pilot)
        shown = _preview(screen)
        assert "Would you like lower prices?" in shown and "[bold]not markup[/bold]" in shown
        assert "Technical decision maker" in shown and "6 Pain points" in shown
        assert "And then?" in shown and "⚠ Shallow question" in shown
        assert "obvious answer" in shown
        assert "tech_decision" not in shown and "pain_points" not in shown


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_lists_stack_at_80_columns_and_sit_side_by_side_at_120(
    make_app, demo_store, lang
) -> None:
    app = make_app("plan", lang=lang, visit_id=4)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        bank, script = screen.query_one("#bank"), screen.query_one("#script")
        preview = screen.query_one("#preview-pane")
        assert screen.has_class("-narrow")
        assert bank.region.x == script.region.x == preview.region.x
        assert bank.region.bottom <= script.region.y < script.region.bottom <= preview.region.y
        assert bank.region.height >= 7 and script.region.height >= 5
        assert preview.region.height >= 4
        for table in (bank, script):  # each row shows at least 50 cells of its question
            text_column = list(table.columns.values())[-1]
            other = sum(c.get_render_width(table) for c in list(table.columns.values())[:-1])
            assert table.scrollable_content_region.width - other >= 50, text_column.label
        await pilot.resize_terminal(120, 36)
        await settle(pilot)
        assert not screen.has_class("-narrow")
        left, right = screen.query_one("#bank-pane").region, screen.query_one("#script-pane").region
        assert left.right <= right.x and left.y == right.y
        assert preview.region.x == right.x and preview.region.y >= script.region.bottom


async def test_the_footer_at_80_columns_shows_the_main_keys(make_app, fresh_visit) -> None:  # noqa: F811
    app = make_app("plan", visit_id=fresh_visit)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot)
        footer = _footer(app)
        assert "⏎ Add" in footer and "m Rehearsed" in footer and "^o Own question" in footer
        await pilot.press("enter", "enter")
        await settle(pilot)
        screen.query_one("#script", DataTable).focus()
        await settle(pilot)
        footer = _footer(app)
        for key in ("^e Edit", "^x Remove", "[ ] Move", "m Rehearsed", "? Help"):
            assert key in footer, footer
        first, second = (item.id for item in screen.items)
        await pilot.press("[")  # the one just added moves up; then it is removed
        await settle(pilot)
        assert [i.id for i in screen.items] == [second, first]
        await pilot.press("ctrl+x")
        await settle(pilot)
        assert [i.id for i in screen.items] == [first]
        bank = screen.query_one("#bank", DataTable)
        assert str(bank.get_cell_at((1, 0))) == " "  # removed: no longer marked in the bank


async def test_the_text_filter_searches_research_follow_ups_and_tags(
    make_app,
    demo_store,
    fresh_visit,  # noqa: F811
) -> None:
    app = make_app("plan", visit_id=fresh_visit)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open(app, pilot)
        screen.query_one("#industry-filter", Select).value = "finance"
        for needle in ("PCI", "region", "exit-plan"):
            screen.query_one("#text-filter").value = needle
            await settle(pilot)
            assert screen.bank_rows, needle
            if needle != "PCI":  # found in research, follow-ups or tags too, not the text only
                assert any(needle not in q.text.casefold() for q in screen.bank_rows), needle


async def test_a_customer_with_no_industry_bank_gets_the_general_one_and_is_told(
    make_app, demo_store
) -> None:
    from interview_tui.domain.models import Customer, Visit

    visit = demo_store.get(Visit, 2)
    assert demo_store.get(Customer, visit.customer_id).industry == "短视频与直播"
    app = make_app("plan", visit_id=2)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.query_one("#industry-filter", Select).value == "general"
        assert {q.bank_id for q in screen.bank_rows} <= {
            "general-en",
            "general-zh",
            "cloud-visit-zh",
        }
        assert any(
            "短视频与直播" in n.message and "general bank" in n.message for n in notifications(app)
        )
