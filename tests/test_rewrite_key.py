"""ctrl+r takes the linter's rewrite in place of a flagged question, ctrl+z gives the words
back: in the script builder, the own-question dialog and the live ad-hoc dialog."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from interview_tui.domain.enums import Goal, Role
from interview_tui.domain.models import ScriptItem
from interview_tui.lint import lint_text
from interview_tui.tui.inputs import Input, TextArea
from interview_tui.tui.textual_private import notifications
from tests.conftest import settle
from tests.test_live_screen import PLANNED_ZH
from tests.test_plan_rehearse import fresh_visit  # noqa: F401  (a fixture)

SHALLOW = "Why did you choose AWS over us?"  # asked as how the selection went


def _item(visit_id: int, text: str, role: Role, **extra) -> ScriptItem:
    """A script item of ``text`` with research and purpose, so only the wording is flagged."""
    return ScriptItem(
        visit_id=visit_id,
        role=role,
        goal=Goal.PAIN_POINTS,
        text=text,
        research="r",
        purpose="p",
        **extra,
    )


async def _take_and_undo(app, pilot) -> None:
    field = app.screen.query_one("#text", Input)
    await pilot.press(*SHALLOW)
    await settle(pilot)
    assert "ctrl+r" in str(app.screen.query_one("#findings", Static).render())
    await pilot.press("ctrl+r")
    await settle(pilot)
    better = lint_text(SHALLOW).rewrite
    assert better and field.value == better
    assert not lint_text(field.value).shallow  # the rewrite is not flagged itself
    await pilot.press("ctrl+z")
    await settle(pilot)
    assert field.value == SHALLOW


async def test_the_own_question_dialog_takes_the_rewrite_and_undoes_it(
    make_app,
    fresh_visit,  # noqa: F811
) -> None:
    app = make_app("plan", visit_id=fresh_visit)
    async with app.run_test(size=(100, 36)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
        await _take_and_undo(app, pilot)


async def test_the_live_adhoc_dialog_takes_the_rewrite_and_undoes_it(make_app, demo_store):
    app = make_app("live", lang="en", visit_id=PLANNED_ZH)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
        await _take_and_undo(app, pilot)


async def test_the_script_takes_the_rewrite_of_the_highlighted_question_and_undoes_it(
    make_app,
    demo_store,
    fresh_visit,  # noqa: F811
) -> None:
    demo_store.save(_item(fresh_visit, SHALLOW, Role.TECH_DECISION))
    app = make_app("plan", visit_id=fresh_visit)
    async with app.run_test(size=(100, 36)) as pilot:
        await settle(pilot)
        screen = app.screen
        screen.query_one("#script", DataTable).focus()
        await settle(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        better = lint_text(SHALLOW).rewrite
        assert [i.text for i in demo_store.script(fresh_visit)] == [better]
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert [i.text for i in demo_store.script(fresh_visit)] == [SHALLOW]


async def test_saving_a_flagged_question_asks_once(make_app, fresh_visit, demo_store) -> None:  # noqa: F811
    app = make_app("plan", visit_id=fresh_visit)
    async with app.run_test(size=(100, 36)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
        await pilot.press(*SHALLOW, "ctrl+s")
        await settle(pilot)
        assert "still flagged" in str(app.screen.query_one("#findings", Static).render())
        assert demo_store.script(fresh_visit) == []
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert [i.text for i in demo_store.script(fresh_visit)] == [SHALLOW]


async def test_the_key_says_there_is_no_rewrite_when_a_flag_has_none(make_app, fresh_visit) -> None:  # noqa: F811
    app = make_app("plan", visit_id=fresh_visit)
    async with app.run_test(size=(100, 36)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
        field = app.screen.query_one("#text", Input)
        text = "Would you like lower prices?"  # flagged, no subject: a guide, no sentence
        await pilot.press(*text)
        await settle(pilot)
        shown = str(app.screen.query_one("#findings", Static).render())
        assert "ctrl+r" not in shown
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert field.value == text
        notes = [n.message for n in notifications(app)]
        assert any("reword it as the finding says" in note for note in notes), notes


# a double question: its rewrite is the first question, the other half asked next
DOUBLE = "How many refund requests arrive each week, and how many get escalated to finance?"
FIRST = "How many refund requests arrive each week?"
FOLLOW = "How many get escalated to finance?"


def test_the_double_question_is_linted_as_its_first_question_and_a_follow_up() -> None:
    result = lint_text(DOUBLE)
    assert (result.rewrite, result.follow_up) == (FIRST, FOLLOW)


async def test_the_question_dialog_puts_the_follow_up_first_in_the_follow_ups(
    make_app,
    demo_store,
    fresh_visit,  # noqa: F811
) -> None:
    demo_store.save(
        _item(fresh_visit, DOUBLE, Role.BUSINESS, follow_ups=["Who handles the escalations?"])
    )
    app = make_app("plan", visit_id=fresh_visit)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        app.screen.query_one("#script", DataTable).focus()
        await pilot.press("enter")
        await settle(pilot)
        dialog = app.screen
        shown = str(dialog.query_one("#findings", Static).render())
        assert f"{FIRST}  Follow-up: {FOLLOW}" in shown
        await pilot.press("ctrl+r")
        await settle(pilot)
        follow_ups = dialog.query_one("#follow_ups", TextArea)
        assert dialog.query_one("#text", Input).value == FIRST
        assert follow_ups.text.splitlines() == [FOLLOW, "Who handles the escalations?"]
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert dialog.query_one("#text", Input).value == DOUBLE
        assert follow_ups.text.splitlines() == ["Who handles the escalations?"]
        await pilot.press("ctrl+r", "ctrl+s")
        await settle(pilot)
        [item] = demo_store.script(fresh_visit)
        assert (item.text, item.follow_ups) == (FIRST, [FOLLOW, "Who handles the escalations?"])


async def test_the_own_question_dialog_keeps_the_follow_up_of_a_double_question(
    make_app,
    demo_store,
    fresh_visit,  # noqa: F811
) -> None:
    app = make_app("plan", visit_id=fresh_visit)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
        app.screen.query_one("#text", Input).value = DOUBLE
        await settle(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert app.screen.query_one("#text", Input).value == FIRST
        assert app.screen.query_one("#follow_ups", TextArea).text == FOLLOW
        await pilot.press("ctrl+s")
        await settle(pilot)
        [item] = demo_store.script(fresh_visit)
        assert (item.text, item.follow_ups) == (FIRST, [FOLLOW])


async def test_the_script_key_adds_the_follow_up_and_undo_takes_it_back(
    make_app,
    demo_store,
    fresh_visit,  # noqa: F811
) -> None:
    demo_store.save(_item(fresh_visit, DOUBLE, Role.BUSINESS))
    app = make_app("plan", visit_id=fresh_visit)
    async with app.run_test(size=(100, 36)) as pilot:
        await settle(pilot)
        app.screen.query_one("#script", DataTable).focus()
        await settle(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        [item] = demo_store.script(fresh_visit)
        assert (item.text, item.follow_ups) == (FIRST, [FOLLOW])
        await pilot.press("ctrl+z")
        await settle(pilot)
        [item] = demo_store.script(fresh_visit)
        assert (item.text, item.follow_ups) == (DOUBLE, [])


async def test_the_live_adhoc_dialog_adds_the_question_with_its_follow_up(
    make_app, demo_store
) -> None:
    app = make_app("live", lang="en", visit_id=PLANNED_ZH)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
        dialog = app.screen
        dialog.query_one("#text", Input).value = DOUBLE
        await settle(pilot)
        assert f"{FIRST}  Follow-up: {FOLLOW}" in str(
            dialog.query_one("#findings", Static).render()
        )
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert dialog.query_one("#text", Input).value == FIRST
        pending = f"Follow-up, shown under the question when it is added: {FOLLOW}"
        assert pending in str(dialog.query_one("#findings", Static).render())
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert dialog.query_one("#text", Input).value == DOUBLE
        assert pending not in str(dialog.query_one("#findings", Static).render())
        await pilot.press("ctrl+r", "ctrl+s")
        await settle(pilot)
        added = demo_store.script(PLANNED_ZH)[-1]
        assert (added.text, added.follow_ups) == (FIRST, [FOLLOW])


async def test_ctrl_z_puts_a_removed_question_back_in_its_place(
    make_app,
    demo_store,
    fresh_visit,  # noqa: F811
) -> None:
    """Removing a question from the script could not be undone ("nothing to undo here"),
    although the manual says ctrl+z takes the last change back."""
    for text in ("FIRST question", "SECOND question", "THIRD question"):
        demo_store.save(_item(fresh_visit, text, Role.TECH_DECISION))
    before = demo_store.script(fresh_visit)
    app = make_app("plan", visit_id=fresh_visit)
    async with app.run_test(size=(100, 36)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#script", DataTable)
        table.focus()
        await pilot.press("down")
        await settle(pilot)
        await pilot.press("ctrl+x")
        await settle(pilot)
        assert [i.text for i in demo_store.script(fresh_visit)] == [
            "FIRST question",
            "THIRD question",
        ]
        await pilot.press("ctrl+z")
        await settle(pilot)
        after = demo_store.script(fresh_visit)
        assert [(i.text, i.uid, i.position) for i in after] == [
            (i.text, i.uid, i.position) for i in before
        ]
        assert table.cursor_row == 1  # on the question put back
