"""Lint findings in the Chinese UI are Chinese (issue 25, "Reading it"), an English question
included: the finding's words follow the interface; only the question's own words (and a
rewrite of it, which stays in its language) may be English."""

from __future__ import annotations

import re

import pytest
from textual.widgets import Input, Static

from interview_tui.lint import lint_text
from tests.conftest import settle
from tests.test_chinese_everywhere import ALLOWED

QUESTION = "Quick one: don't you agree the console is slow?"

#: where a question is typed and linted as it is typed: the plan's own question, the
#: meeting's question that came up
DIALOGS = [("plan", {"visit_id": 4}, "ctrl+o"), ("live", {"visit_id": 4}, "ctrl+o")]


@pytest.mark.parametrize(("route", "kwargs", "key"), DIALOGS, ids=[r for r, _, _ in DIALOGS])
async def test_an_english_question_is_explained_in_chinese(make_app, route, kwargs, key) -> None:
    app = make_app(route, lang="zh", **kwargs)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press(key)
        await settle(pilot)
        app.screen.query_one("#text", Input).value = QUESTION
        await settle(pilot)
        shown = str(app.screen.query_one("#findings", Static).render())
    result = lint_text(QUESTION, ui_language="zh-CN")
    assert result.findings, "the example must be flagged"
    assert re.search(r"[\u4e00-\u9fff]", shown), shown
    theirs = {w.lower() for w in re.findall(r"[A-Za-z]+", QUESTION + " " + (result.rewrite or ""))}
    english = {w for w in re.findall(r"[A-Za-z]{2,}", shown) if w.lower() not in theirs | ALLOWED}
    assert not english, f"English in a Chinese finding: {sorted(english)}\n{shown}"
    for finding in result.findings:
        if finding.text_level:
            assert finding.message in shown, (finding.message, shown)


@pytest.mark.parametrize("ui", ["en", "zh"])
def test_no_finding_message_repeats_its_label(ui: str) -> None:
    """The dialogs write "label: message": "答案显而易见: 答案显而易见：…" said it twice."""
    from interview_tui.i18n import set_language, t
    from interview_tui.lint.findings import CODES
    from interview_tui.lint.messages import explain

    set_language(ui)
    language = "en" if ui == "en" else "zh-CN"
    for code in CODES:
        label = t(f"lint.code.{code}").lower()
        message = explain(code, language).message.lower()
        assert not message.startswith(label), (code, label, message)
        assert label not in message[: len(label) + 4], (code, label, message)


@pytest.mark.parametrize(("ui", "colon"), [("en", ": "), ("zh", "：")], ids=["en", "zh"])
def test_a_finding_line_is_punctuated_in_the_interface_language(ui: str, colon: str) -> None:
    """ "一句问两件事: …" put an English colon after a Chinese label: the label and the
    message are joined as the interface writes them, and an accepted rewrite's remark too."""
    from dataclasses import replace

    from interview_tui.i18n import set_language, t
    from interview_tui.tui.rewrite_key import code_label, finding_lines

    set_language(ui)
    result = lint_text(
        "How many renewal notices go out each month and how many come back undelivered?",
        ui_language="en" if ui == "en" else "zh-CN",
    )
    finding = next(f for f in result.findings if f.text_level)
    first = finding_lines(result)[0]
    assert f"{code_label(finding.code)}{colon}{finding.message}" in first, first
    accepted = replace(result, findings=[replace(finding, accepted=True)])
    said = finding_lines(accepted)[0]
    remark = t("plan.accepted")
    assert (f"（{remark}）" if ui == "zh" else f" ({remark})") in said, said
    if ui == "zh":
        assert ": " not in first.split("\n")[0], first
