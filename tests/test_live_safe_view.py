"""What the customer sees when the laptop is turned to them: the customer view (f2) and the
read-back before leaving (f3) show nothing internal, say in words which view is on at any
width, and read back the commitments the recap will restate."""

from __future__ import annotations

import sys
from datetime import date

import pytest
from textual.widgets import Input, Static, TextArea

from interview_tui.domain.enums import CommitmentState, Goal, OwnerSide
from interview_tui.domain.models import Commitment, Note, Visit
from interview_tui.exports.bundle import load_bundle
from interview_tui.exports.reports import recap_md
from interview_tui.tui.keybar import KeyBar
from interview_tui.tui.live.customer_view import CustomerViewBand
from interview_tui.tui.textual_private import notifications, screen_strips
from tests.conftest import settle

VISIT = 4  # Northwind Logistics, English, with limits on what may be promised
BAND = {"en": "CUSTOMER VIEW", "zh": "客户视图"}
TO_INTERNAL = {"en": "^y v Internal view", "zh": "^y v 内部视图"}
TO_CUSTOMER = {"en": "^y v Customer view", "zh": "^y v 客户视图"}

#: a unique token in every internal field a live screen can show
INTERNAL = {
    "do_not_say": "TKN-DONOTSAY",
    "may_promise": "TKN-MAYPROMISE",
    "must_not_promise": "Custom SLA; TKN-MUSTNOT",
    "sales_told": "TKN-SALESTOLD",
    "product_brief": "TKN-BRIEF",
}
RESEARCH, PURPOSE, NOTE = "TKN-RESEARCH", "TKN-PURPOSE", "TKN-INTERNALNOTE"
LEADING = "Would you like lower prices?"  # a leading question: linted as obvious-answer
WARNING = {"en": "must not be promised", "zh": "不可承诺"}
TOKENS = (
    "TKN-",
    "Custom SLA",
    "Research",
    "Purpose",
    "Plan (internal)",
    "INTERNAL ONLY",
    "customer-visible",
    "must not be promised",
    "Team profile",
    "Personal connection",
)


def _screen_text(app) -> str:
    """Everything drawn on the terminal: the top screen, what shows around it, the toasts."""
    return "\n".join(
        "".join(segment.text for segment in strip) for strip in screen_strips(app.screen)
    )


def _keybar(app) -> str:
    return app.screen.query_one(KeyBar).render().plain


def _plant_internal(store) -> None:
    """Tokens in the visit's internal fields, the first question's research and purpose,
    an internal-only note and a team-profile note on it."""
    visit = store.get(Visit, VISIT)
    store.save(visit.model_copy(update=INTERNAL))
    item = store.script(VISIT)[0]
    store.save(item.model_copy(update={"research": RESEARCH, "purpose": PURPOSE}))
    store.save(Note(visit_id=VISIT, script_item_id=item.id, text=NOTE, internal=True))
    store.save(
        Note(visit_id=VISIT, script_item_id=item.id, text="TKN-TEAMNOTE", goal=Goal.TEAM_PROFILE)
    )


# -- 1. confirm back reads back what the recap restates ---------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_confirm_back_reads_what_we_shared_as_the_recap_sends_it(make_app, demo_store, lang):
    """The plan's give-back is the recap's first section ("What we shared"): the read-back
    showed only the requirements and commitments, so the customer never heard it."""
    visit = demo_store.get(Visit, VISIT)
    shared = ["TKN-SHARED-1 a runbook", "TKN-SHARED-2 the benchmark, 9 regions"]
    demo_store.save(visit.model_copy(update={"give_back": shared}))
    app = make_app("live", lang=lang, visit_id=VISIT)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        sections = [str(w.content) for w in app.screen.query(".section")]
        lines = [str(w.content) for w in app.screen.query(".item")]
        recap = recap_md(load_bundle(demo_store, VISIT))
    heading = {"en": "What we shared", "zh": "我们分享的内容"}[lang]
    assert f"## {heading}" in recap and sections[0] == heading, sections
    assert [line for line in lines if "TKN-SHARED" in line] == [f"• {item}" for item in shared]
    assert lines.index(f"• {shared[1]}") < min(
        n for n, line in enumerate(lines) if "TKN-SHARED" not in line
    )


COMMITMENTS = (
    ("Send the Riyadh latency report", CommitmentState.OPEN, date(2026, 12, 20)),
    ("Book the architecture review", CommitmentState.DONE, date(2026, 12, 1)),
    ("Free capacity for a year", CommitmentState.DROPPED, date(2026, 12, 5)),
)


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_confirm_back_reads_back_what_the_recap_restates(make_app, demo_store, lang):
    for text, state, due in COMMITMENTS:
        demo_store.save(
            Commitment(
                visit_id=VISIT,
                text=text,
                owner_side=OwnerSide.US,
                owner_name="Lena",
                due=due,
                state=state,
            )
        )
    app = make_app("live", lang=lang, visit_id=VISIT)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        lines = [str(w.content) for w in app.screen.query(".item")]
        recap = recap_md(load_bundle(demo_store, VISIT))
    done = {"en": "done", "zh": "已完成"}[lang]
    owner = {"en": "us (Lena)", "zh": "我方（Lena）"}[lang]
    shown = {text: [line for line in lines if text in line] for text, _state, _due in COMMITMENTS}
    for text, state, _due in COMMITMENTS:
        if state is CommitmentState.DROPPED:  # no longer agreed: neither read nor sent
            assert not shown[text] and text not in recap, lines
            continue
        assert text in recap
        [line] = shown[text]
        assert line.endswith(f"· {done}") == (state is CommitmentState.DONE), line
    for text, state, due in COMMITMENTS:
        if state is not CommitmentState.DROPPED:
            [line] = shown[text]
            assert owner in line and due.isoformat() in line, line


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_confirm_back_names_each_requirement_and_its_agreed_solution(
    make_app, demo_store, lang
):
    from datetime import datetime

    from interview_tui.domain.enums import SolutionAnswer
    from interview_tui.domain.models import Requirement, SolutionProposal, SolutionReply

    customer = demo_store.get(Visit, VISIT).customer_id
    on = datetime(2026, 11, 24, 10, 0)
    demo_store.save(
        Requirement(
            customer_id=customer,
            visit_id=VISIT,
            title="TKN-TITLE fraud scoring at peak",
            user="Fraud team",
            scenario="card authorisation peak",
            pain="p99 140 ms",
            solutions=[
                SolutionProposal(
                    on=on,
                    text="TKN-AGREED regional scoring cache",
                    replies=[SolutionReply(on=on, answer=SolutionAnswer.AGREED)],
                )
            ],
        )
    )
    app = make_app("live", lang=lang, visit_id=VISIT)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        items = [str(w.content) for w in app.screen.query(".item")]
    [item] = [i for i in items if "Fraud team" in i]
    assert "TKN-TITLE fraud scoring at peak" in item, item
    agreed = {"en": "agreed solution: ", "zh": "已确认的方案："}[lang]
    assert agreed + "TKN-AGREED regional scoring cache" in item, item


# -- 2. nothing internal around the read-back ----------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_confirm_back_with_the_safe_view_off_shows_nothing_internal(
    make_app, demo_store, lang
):
    _plant_internal(demo_store)
    app = make_app("live", lang=lang, visit_id=VISIT)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        app.screen.query_one("#text", Input).insert_text_at_cursor("Custom SLA for the peak")
        await pilot.press("ctrl+s")
        await settle(pilot)
        before = _screen_text(app)
        for token in ("TKN-MUSTNOT", "TKN-DONOTSAY", RESEARCH, PURPOSE, NOTE, WARNING[lang]):
            assert token in before  # the internal view shows them (and so could the test)
        assert not app.screen.safe
        await pilot.press("f3")
        await settle(pilot)
        text = _screen_text(app)
        for token in ("TKN-", WARNING[lang], "Plan (internal)", "计划（内部）"):
            assert token not in text, f"{token!r} around the read-back:\n{text}"
        assert BAND[lang] in text and "Custom SLA for the peak" in text  # the promise itself
        await pilot.press("escape")
        await settle(pilot)
        assert not app.screen.safe and "TKN-MUSTNOT" in _screen_text(app)  # back as it was


# -- 3. toasts and the ad-hoc dialog in the customer view ------------------------------------


async def test_the_customer_view_clears_toasts_and_toasts_nothing_internal(make_app, demo_store):
    _plant_internal(demo_store)
    app = make_app("live", lang="en", visit_id=VISIT)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        app.screen.query_one("#text", Input).insert_text_at_cursor("Custom SLA for the peak")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "must not be promised" in _screen_text(app)  # the warning toast, internal
        await pilot.press("f2")
        await settle(pilot)
        assert app.screen.safe
        assert not notifications(app)
        text = _screen_text(app)
        for token in TOKENS:
            assert token not in text, f"{token!r} in the customer view:\n{text}"
        # what a key says in the customer view names no internal goal and no internal flag
        app.screen.query_one("#note", TextArea).insert("They grew 40% last year")
        await pilot.press("alt+1")  # alt+1: team profile
        await settle(pilot)
        await pilot.press("alt+i")
        await settle(pilot)
        messages = [n.message for n in notifications(app)]
        assert messages and all(m == "Note updated" for m in messages), messages
        text = _screen_text(app)
        for token in TOKENS:
            assert token not in text, f"{token!r} in the customer view:\n{text}"


async def test_the_adhoc_question_is_not_linted_in_the_customer_view(make_app, demo_store):
    app = make_app("live", lang="en", visit_id=VISIT)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for safe in (False, True):
            if safe:
                await pilot.press("f2")
                await settle(pilot)
            await pilot.press("ctrl+o")
            await settle(pilot)
            app.screen.query_one("#text", Input).insert_text_at_cursor(LEADING)  # a paste
            await settle(pilot)
            findings = str(app.screen.query_one("#findings", Static).render())
            assert ("obvious answer" in findings) is not safe, findings
            assert ("obvious answer" in _screen_text(app)) is not safe
            await pilot.press("escape")
            await settle(pilot)


async def test_an_internal_goal_is_not_named_on_the_question_in_the_customer_view(
    make_app, demo_store
):
    item = demo_store.script(VISIT)[0]
    demo_store.save(item.model_copy(update={"goal": Goal.PERSONAL_CONNECTION}))
    app = make_app("live", lang="en", visit_id=VISIT)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        question = app.screen.query_one("#question", Static)
        assert "Personal connection" in str(question.content)
        await pilot.press("f2")
        await settle(pilot)
        assert "Personal connection" not in str(question.content)
        assert "Business" in str(question.content)  # the role stays


# -- 4. which view is on, in words, at any width -------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", [(80, 24), (60, 20)], ids=["80x24", "60x20"])
async def test_the_view_is_named_in_words_at_any_width(make_app, demo_store, lang, size):
    app = make_app("live", lang=lang, visit_id=VISIT)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        band = app.screen.query_one(CustomerViewBand)
        assert not band.display
        assert BAND[lang] not in _screen_text(app).split("\n")[1]
        if size[0] >= 80:
            assert TO_CUSTOMER[lang] in _keybar(app)
        await pilot.press("f2")
        await settle(pilot)
        assert band.display and band.region.width == size[0]
        lines = _screen_text(app).split("\n")
        assert BAND[lang] in lines[1], lines[:3]  # whole, under the header
        if size[0] >= 80:
            assert TO_INTERNAL[lang] in _keybar(app) and TO_CUSTOMER[lang] not in _keybar(app)
        await pilot.press("f2")
        await settle(pilot)
        assert not band.display
        if size[0] >= 80:
            assert TO_CUSTOMER[lang] in _keybar(app)


# -- snapshots -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("safe", [False, True], ids=["internal", "customer"])
def test_live_view_snapshot_80x24(snap_compare, make_app, lang: str, safe: bool) -> None:
    async def open_view(pilot) -> None:
        await settle(pilot)
        if safe:
            await pilot.press("f2")
            await settle(pilot)

    assert snap_compare(
        make_app("live", lang=lang, visit_id=VISIT), terminal_size=(80, 24), run_before=open_view
    )


SIZES = [(80, 24), (120, 36)]


def _captured(store) -> None:
    """The commitments above and a requirement with its schedule dispute."""
    from interview_tui.domain.models import Requirement

    for text, state, due in COMMITMENTS:
        store.save(
            Commitment(
                visit_id=VISIT,
                text=text,
                owner_side=OwnerSide.US,
                owner_name="Lena",
                due=due,
                state=state,
            )
        )
    store.save(
        Requirement(
            customer_id=store.get(Visit, VISIT).customer_id,
            visit_id=VISIT,
            user="Dispatch leads",
            scenario="Peak week",
            pain="Manual re-routing",
            latest_acceptable=date(2027, 1, 15),
            planned=date(2027, 2, 1),
            workaround="CSV export by hand",
        )
    )


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_confirm_back_snapshot(snap_compare, make_app, demo_store, lang: str, size) -> None:
    """The read-back with the schedule (their date, our plan, the workaround, not agreed)."""
    _captured(demo_store)

    async def confirm(pilot) -> None:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)

    assert snap_compare(
        make_app("live", lang=lang, visit_id=VISIT), terminal_size=size, run_before=confirm
    )


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_requirement_dialog_schedule_and_solution_snapshot(
    snap_compare, make_app, lang: str, size
) -> None:
    """The requirement dialog's last part: "customer agreed" ticked, the proposed solution
    and the customer's answer, in the meeting."""

    async def fill(pilot) -> None:
        await settle(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        dialog = pilot.app.screen
        dialog.query_one("#planned", Input).value = "2027-02-01"
        dialog.query_one("#solution_text", Input).value = "Tag-based export"
        dialog.query_one("#share_plan").focus()
        await pilot.press("space")
        await settle(pilot)

    assert snap_compare(
        make_app("live", lang=lang, visit_id=VISIT), terminal_size=size, run_before=fill
    )


# -- in a real terminal --------------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")
def test_f3_in_a_real_terminal_shows_only_the_read_back(tmp_path) -> None:
    from tests.pty_terminal import Terminal, make_demo_env

    env = make_demo_env(tmp_path)
    term = Terminal(["live", str(VISIT)], env, size=(120, 36))  # wider than the old dialog
    try:
        term.wait_for_screen("1/12")
        term.wait_for_screen("^y v Customer view")
        term.wait_for_screen("Research")
        screen = term.wait_for_screen("Must not promise")
        assert "CUSTOMER VIEW" not in screen
        term.send(b"\x1bOR")  # F3, the safe view off
        term.wait_for_screen("Agreed next step")
        screen = term.wait_for_screen("Plan (internal)", gone=True)  # drawn in full
        for internal in (
            "Research",
            "Purpose",
            "Must not promise",
            "Do not say",
            "free capacity",
            "Goals",
        ):
            assert internal not in screen, f"{internal!r} around the read-back:\n{screen}"
        assert "CUSTOMER VIEW" in screen
        term.send(b"\x1b")
        term.wait_for_screen("Research")
        term.send(b"\x1bOQ")  # F2
        screen = term.wait_for_screen("^y v Internal view")
        assert "CUSTOMER VIEW" in screen and "Research" not in screen
    finally:
        term.kill()


async def test_the_keys_help_names_no_internal_goal_in_the_customer_view(make_app, demo_store):
    """f1 and the leader menu list the goal keys; in the customer view the internal goals
    (team profile, personal connection) are not named, and their keys still work."""
    app = make_app("live", lang="en", visit_id=VISIT)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        for safe in (False, True, False):
            if safe != app.screen.safe:
                await pilot.press("f2")
                await settle(pilot)
            await pilot.press("ctrl+y")
            await settle(pilot)
            menu = _screen_text(app)
            await pilot.press("escape")
            await pilot.press("f1")
            await settle(pilot)
            help_text = _screen_text(app)
            await pilot.press("escape")
            await settle(pilot)
            assert ("1 Team" in menu and "7 Personal" in menu) is not safe, menu
            assert "2 Goals" in menu
            # v goes to the other view, and says which (the key bar says the same)
            words = " ".join(menu.split())  # the menu wraps at the screen's width
            assert ("v internal view" if safe else "v customer view") in words, menu
            for goal in ("Team profile", "Personal connection"):
                assert (goal in help_text) is not safe, help_text
            assert "Pain points" in help_text
        await pilot.press("f2", "alt+1")  # the key still tags, in the customer view
        await settle(pilot)
        assert app.screen.session.note_for(app.screen.item).goal is Goal.TEAM_PROFILE


@pytest.mark.parametrize(
    ("lang", "ours", "theirs"), [("en", "Goals", "Topics"), ("zh", "情报目标", "议题")]
)
async def test_the_customer_view_names_the_goals_pane_in_the_customers_words(
    make_app, demo_store, lang, ours, theirs
):
    """The pane kept its heading "情报目标" (intelligence goals) in the view turned to the
    customer: our word for what we came to learn."""
    app = make_app("live", lang=lang, visit_id=VISIT)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        title = app.screen.query_one("#goals-title")
        assert str(title.render()) == ours
        await pilot.press("f2")
        await settle(pilot)
        assert str(title.render()) == theirs and ours not in _screen_text(app)
        await pilot.press("f2")
        await settle(pilot)
        assert str(title.render()) == ours


async def test_the_requirement_dialog_lists_what_is_missing_in_chinese_punctuation(
    make_app, demo_store
):
    """It said "继续问清楚：用户（谁有这个需求）, 场景（…）, …": each field's explanation and a
    Western comma; now the names alone, as a Chinese list."""
    app = make_app("live", lang="zh", visit_id=VISIT)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        missing = str(app.screen.query_one("#missing").render())
    assert missing == "继续问清楚：用户、场景、痛点", missing


@pytest.mark.parametrize("start_safe", [False, True], ids=["from-internal", "from-customer"])
async def test_a_dialog_draft_is_one_in_either_view(make_app, start_safe: bool) -> None:
    """A commitment typed in one view and left with esc was not in the same dialog in the
    other view (the customer view's dialog has no override field, which made it another
    draft); a draft cleared in one came back, stale, in the other."""
    app = make_app("live", lang="en", visit_id=VISIT)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        if start_safe:
            await pilot.press("f2")
            await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        await pilot.press(*"Send the price sheet", "escape")
        await settle(pilot)
        await pilot.press("f2")  # the other view
        await settle(pilot)
        assert app.screen.safe is not start_safe
        await pilot.press("ctrl+t")
        await settle(pilot)
        field = app.screen.query_one("#text", Input)
        assert field.value == "Send the price sheet"
        field.value = ""  # cleared here, left: no draft in either view
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert app.screen.query_one("#text", Input).value == ""
