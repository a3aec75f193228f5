"""Chinese text uses full-width punctuation wherever the interface joins or labels words:
the plan preview, readiness, the CLI's commitment list and the live screen's move toast."""

from __future__ import annotations

from click.testing import CliRunner

from interview_tui.cli.main import cli
from interview_tui.domain.enums import Goal, Role
from interview_tui.domain.models import ScriptItem, Visit
from interview_tui.i18n import set_language
from interview_tui.services.plan_preview import preview
from interview_tui.services.readiness import readiness
from interview_tui.tui.plan.script_tables import preview_text
from tests.conftest import settle


def _item(**kw) -> ScriptItem:
    return ScriptItem(visit_id=1, role=Role.TECH_EXECUTION, goal=Goal.PAIN_POINTS, **kw)


def test_plan_preview_labels_follow_ups_full_width() -> None:
    set_language("zh")
    try:
        item = _item(text="上个月那次停机，你们是怎么发现的？", follow_ups=["谁先发现的？"])
        shown = preview_text(preview(item), in_script=True).plain
    finally:
        set_language("en")
    assert "追问：" in shown and "追问:" not in shown


def test_readiness_lists_unfilled_names_with_the_chinese_list_mark() -> None:
    set_language("zh")
    try:
        item = _item(text="<工厂> 的 <产线> 上次停线是什么时候？")
        checks = readiness(Visit(customer_id=1, date="2026-12-07T10:00"), [item], [], [])
    finally:
        set_language("en")
    detail = next(c.detail for c in checks if c.key == "ready.placeholders")
    assert "工厂、产线" in detail and ", " not in detail


def test_cli_commitments_label_the_owner_full_width(demo_store) -> None:
    out = CliRunner().invoke(cli, ["--lang", "zh", "--db", demo_store.path, "commitments"]).output
    set_language("en")
    assert "我方：" in out and "我方:" not in out and "客户:" not in out


async def test_a_moved_note_names_its_question_in_chinese(make_app) -> None:
    app = make_app("live", lang="zh", visit_id=2)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        where = screen._where(screen.session.items[6])
    set_language("en")
    assert where.startswith("第 7 题：") and ". " not in where[:8]
