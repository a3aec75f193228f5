"""Placeholders: an account fact a bank question leaves open (``<name>``) is listed in the
plan, filled once for the whole visit, counted in readiness, and never shown raw in the
rehearsal, the live screen or an export."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, OptionList, Static

from interview_tui.banks.placeholders import fill, mark, names
from interview_tui.domain.enums import Goal, Role
from interview_tui.domain.models import CustomerQuestion, ScriptItem, Visit
from interview_tui.errors import FieldError
from interview_tui.exports.render import render
from interview_tui.services import placeholders
from interview_tui.services.readiness import readiness
from interview_tui.tui.plan.placeholder_dialog import PlaceholderDialog
from interview_tui.tui.plan.plan_screen import PlanScreen
from tests.conftest import FIXED_NOW, FIXED_TODAY, settle
from tests.test_plan_rehearse import fresh_visit  # noqa: F401  (a fixture)


def _items(visit_id: int) -> list[ScriptItem]:
    return [
        ScriptItem(
            visit_id=visit_id,
            role=Role.TECH_EXECUTION,
            goal=Goal.PAIN_POINTS,
            text="When did the line at <factory> last stop for the cloud link?",
            research="Our tickets show <ticket count> link alarms at <factory>.",
            purpose="p",
            follow_ups=["Who at <factory> restarted it?", "How long?"],
        ),
        ScriptItem(
            visit_id=visit_id,
            role=Role.TECH_DECISION,
            goal=Goal.KEY_REQUIREMENTS,
            text="Which system at <factory> would you move first?",
            research="r",
            purpose="p",
            follow_ups=["Why that one?", "Who decides?"],
        ),
        ScriptItem(
            visit_id=visit_id,
            role=Role.TECH_DECISION,
            goal=Goal.USAGE_VENDORS,
            text="Which vendor runs your data lake today?",
            research="r",
            purpose="p",
            follow_ups=["Since when?", "Who chose it?"],
        ),
    ]


def test_one_syntax_named_once_filled_in_one_pass() -> None:
    assert names("<a> and <b> then <a>", "<c>") == ["a", "b", "c"]
    assert names("a < b and c > d", "x<\ny>") == []  # comparisons, line breaks: no name
    assert fill("<a> <b>", {"a": "<b>", "b": ""}) == "<b> <b>"  # a value is not re-read
    assert mark("at <工厂>", "[待填:{name}]") == "at [待填:工厂]"


@pytest.mark.parametrize(
    ("text", "values", "expected"),
    [
        ("贵司 <地点> 新工厂投产", {"地点": "越南"}, "贵司越南新工厂投产"),
        ("<日期> 那次 MES 停机", {"日期": "10 月"}, "10 月那次 MES 停机"),
        (
            "重点是 <重点>，<工厂> 也入选了",
            {"重点": "数字化工厂", "工厂": "苏州工厂"},
            "重点是数字化工厂，苏州工厂也入选了",
        ),
        # Latin beside Chinese keeps its spaces, as Chinese typesetting does
        ("贵司 <地点> 新工厂投产", {"地点": "Vietnam"}, "贵司 Vietnam 新工厂投产"),
        ("你们的 <系统> 升级", {"系统": "MES"}, "你们的 MES 升级"),
        ("At <customer> we met", {"customer": "苏州工厂"}, "At 苏州工厂 we met"),
        # unfilled: left exactly as written
        ("贵司 <地点> 新工厂投产", {}, "贵司 <地点> 新工厂投产"),
    ],
)
def test_a_chinese_value_between_chinese_words_takes_no_spaces(text, values, expected) -> None:
    assert fill(text, values) == expected


def test_one_value_fills_every_question_that_names_it(demo_store, fresh_visit) -> None:  # noqa: F811
    demo_store.save_all(_items(fresh_visit))
    demo_store.save(
        CustomerQuestion(
            visit_id=fresh_visit,
            text="Is <factory> covered?",
            answer="Yes, <factory> is in region X.",
        )
    )
    counts = placeholders.unfilled(
        [
            *demo_store.script(fresh_visit),
            *demo_store.all(CustomerQuestion, "visit_id = ?", [fresh_visit]),
        ]
    )
    assert counts == {"factory": 3, "ticket count": 1}
    items, questions = placeholders.fill_visit(
        demo_store, fresh_visit, {"factory": "Suzhou plant", "ticket count": ""}
    )
    first, second, _third = items
    assert first.text == "When did the line at Suzhou plant last stop for the cloud link?"
    assert first.follow_ups[0] == "Who at Suzhou plant restarted it?"
    assert "<ticket count>" in first.research  # left blank: still open
    assert second.text == "Which system at Suzhou plant would you move first?"
    assert questions[0].answer == "Yes, Suzhou plant is in region X."
    assert placeholders.unfilled([*items, *questions]) == {"ticket count": 1}
    with pytest.raises(FieldError):
        placeholders.fill_visit(demo_store, fresh_visit, {"ticket count": "<b>"})


def test_readiness_counts_the_unfilled(demo_store, fresh_visit) -> None:  # noqa: F811
    items = demo_store.save_all(_items(fresh_visit))
    visit = demo_store.get(Visit, fresh_visit)
    check = next(c for c in readiness(visit, items, [], []) if c.key == "ready.placeholders")
    assert not check.ok and check.detail == "2 to fill: factory, ticket count"
    filled, _ = placeholders.fill_visit(
        demo_store, fresh_visit, {"factory": "Suzhou", "ticket count": "nine"}
    )
    check = next(c for c in readiness(visit, filled, [], []) if c.key == "ready.placeholders")
    assert check.ok and not check.detail


async def test_fill_a_value_once_in_the_plan_and_every_question_shows_it(
    make_app,
    demo_store,
    fresh_visit,  # noqa: F811
) -> None:
    demo_store.save_all(_items(fresh_visit))
    app = make_app("plan", visit_id=fresh_visit)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        script = screen.query_one("#script", DataTable)
        first_row = str(script.get_cell_at((0, 3)))
        assert "[fill in: factory]" in first_row and "<factory>" not in first_row
        await pilot.press("4")  # the readiness tab (filled when it is shown)
        await settle(pilot)
        ready = str(screen.query_one("#readiness", Static).content)
        assert "2 to fill: factory, ticket count" in ready
        await pilot.press("f4")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, PlaceholderDialog)
        assert dialog.names == ["factory", "ticket count"]
        await pilot.press(*"Suzhou plant")  # the first field has focus
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        stored = demo_store.script(fresh_visit)
        assert all("<factory>" not in " ".join([i.text, i.research, *i.follow_ups]) for i in stored)
        assert [str(script.get_cell_at((row, 3))) for row in range(2)] == [
            "When did the line at Suzhou plant last stop for the cloud link?",
            "Which system at Suzhou plant would you move first?",
        ]
        ready = str(screen.query_one("#readiness", Static).content)
        assert "1 to fill: ticket count" in ready


async def test_rehearsal_and_live_mark_an_unfilled_one(make_app, demo_store, fresh_visit) -> None:  # noqa: F811
    demo_store.save_all(_items(fresh_visit))
    app = make_app("rehearse", visit_id=fresh_visit)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        card = str(app.screen.query_one("#card", Static).content)
        assert "[fill in: factory]" in card and "[fill in: ticket count]" in card
        assert "<factory>" not in card and "<ticket" not in card
    app = make_app("live", visit_id=fresh_visit)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        question = str(app.screen.query_one("#question", Static).content)
        assert "[fill in: factory]" in question and "[fill in: ticket count]" in question
        assert "<" not in question
        outline = app.screen.query_one("#outline", OptionList)
        shown = [str(outline.get_option_at_index(n).prompt) for n in range(outline.option_count)]
        assert any("[fill in: factory]" in line for line in shown)
        assert not any("<factory>" in line for line in shown)


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
def test_exports_mark_an_unfilled_one(demo_store, fresh_visit, lang) -> None:  # noqa: F811
    from interview_tui.i18n import set_language

    set_language(lang)
    demo_store.save_all(_items(fresh_visit))
    report = render(demo_store, fresh_visit, "report-md", today=FIXED_TODAY, now=FIXED_NOW).decode()
    gap = "[fill in: factory]" if lang == "en" else "【待填：factory】"
    assert gap.replace("[", "\\[").replace("]", "\\]") in report or gap in report
    assert "<factory>" not in report and "&lt;factory&gt;" not in report
