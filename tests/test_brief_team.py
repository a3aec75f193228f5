"""The brief before a visit, with the team: colleagues' open promises (with who), what they
heard since my last visit (never private or personal notes), the questions left unasked last
time, late promises marked; shown in the plan and, read only, from the live screen."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import Static

from interview_tui.domain.enums import Goal, ItemStatus, VisitStatus
from interview_tui.domain.models import Commitment, Note, Requirement, Visit
from interview_tui.services.customer_brief import customer_brief, late_days
from interview_tui.tui.brief_view import brief_lines
from interview_tui.tui.live.brief_screen import BriefScreen
from interview_tui.tui.live.live_screen import LiveScreen
from interview_tui.tui.text import Block
from tests.conftest import FIXED_NOW, FIXED_TODAY, settle

ANA, BO = "ana@example.com", "bo@example.com"
CUSTOMER, MY_LAST, NEXT = 1, 1, 2  # the demo's first customer: visit 1 held, visit 2 planned


@pytest.fixture
def team_brief(demo_store):
    """Ana's laptop: Bo visited the customer after Ana's last visit, Ana left questions
    unasked, one of Ana's promises was moved after its due date had passed."""
    store = demo_store
    store.set_meta("team.member", ANA)
    store.member = ANA
    today = FIXED_TODAY
    items = store.script(MY_LAST)
    store.save(items[0].model_copy(update={"status": ItemStatus.SKIPPED, "text": "SKIPPED-Q"}))
    store.save(items[1].model_copy(update={"status": ItemStatus.PENDING, "text": "PENDING-Q"}))
    store.member = BO  # what Bo wrote arrives with Bo as its author
    theirs = store.save(
        Visit(
            customer_id=CUSTOMER,
            date=FIXED_NOW - timedelta(days=2),
            status=VisitStatus.DONE,
            goals=[Goal.KEY_REQUIREMENTS],
        )
    )
    store.save(Requirement(customer_id=CUSTOMER, visit_id=theirs.id, title="BO-HEARD-REQ"))
    store.save(Note(visit_id=theirs.id, kind="pain", text="BO-PAIN", action="BO-ACTION"))
    store.save(Note(visit_id=theirs.id, kind="pain", text="BO-PRIVATE", private=True))
    store.save(
        Note(visit_id=theirs.id, kind="pain", text="BO-PERSONAL", goal=Goal.PERSONAL_CONNECTION)
    )
    store.save(
        Commitment(
            visit_id=theirs.id,
            text="BO-PROMISE",
            due=today + timedelta(days=5),
            first_due=today + timedelta(days=5),
        )
    )
    store.member = ANA
    first = today - timedelta(days=10)
    _moved(store, "LATE-PROMISE", first, today - timedelta(days=3), today + timedelta(days=7))
    _moved(
        store,
        "EARLY-MOVE",
        today + timedelta(days=2),
        today - timedelta(days=1),
        today + timedelta(days=9),
    )
    return store


def _moved(store, text: str, first, on, to) -> None:
    """My promise first due ``first``, moved on ``on`` to ``to``."""
    entry = {
        "on": on.isoformat(),
        "change": "due",
        "from": first.isoformat(),
        "to": to.isoformat(),
        "reason": "later",
    }
    store.save(Commitment(visit_id=MY_LAST, text=text, due=to, first_due=first, history=[entry]))


def _text(store) -> str:
    brief = customer_brief(store, CUSTOMER, FIXED_TODAY, exclude_visit=NEXT)
    return str(Block(brief_lines(brief, FIXED_TODAY)))


def test_the_brief_says_what_colleagues_promised_and_heard(team_brief) -> None:
    brief = customer_brief(team_brief, CUSTOMER, FIXED_TODAY, exclude_visit=NEXT)
    assert [r.commitment.text for r in brief.colleagues_promised] == ["BO-PROMISE"]
    assert "BO-PROMISE" not in [r.commitment.text for r in brief.commitments]
    [heard] = brief.heard
    assert heard.visit.author == BO
    assert [r.title for r in heard.requirements] == ["BO-HEARD-REQ"]
    assert [n.text for n in heard.pains] == ["BO-PAIN"]
    text = _text(team_brief)
    assert f"promised by {BO}" in text
    heard_part = text.split("What colleagues heard since my last visit")[1].split("Left unasked")[0]
    assert "BO-HEARD-REQ" in heard_part and "BO-PAIN → BO-ACTION" in heard_part
    assert "BO-PRIVATE" not in heard_part and "BO-PERSONAL" not in heard_part


def test_what_colleagues_heard_before_my_last_visit_is_not_news(team_brief) -> None:
    with team_brief.transaction() as db:  # Ana went again after Bo
        db.execute(
            "UPDATE visits SET author = ?, date = ? WHERE id = ?",
            [ANA, (FIXED_NOW - timedelta(days=1)).isoformat(), MY_LAST],
        )
    assert customer_brief(team_brief, CUSTOMER, FIXED_TODAY, exclude_visit=NEXT).heard == []


def test_the_questions_left_unasked_last_time(team_brief) -> None:
    brief = customer_brief(team_brief, CUSTOMER, FIXED_TODAY, exclude_visit=NEXT)
    assert brief.unasked_from is not None and brief.unasked_from.id == MY_LAST
    assert [i.text for i in brief.unasked] == ["SKIPPED-Q", "PENDING-Q"]
    text = _text(team_brief)
    assert "Left unasked last time" in text and "skipped · SKIPPED-Q" in text


def test_a_gap_left_unasked_is_shown_as_in_the_script(team_brief) -> None:
    """The unasked list showed the raw placeholder (‹运单系统>) where the script shows a gap
    to fill ([fill in: 运单系统])."""
    items = team_brief.script(MY_LAST)
    team_brief.save(items[0].model_copy(update={"text": "Where does <运单系统> run today?"}))
    text = _text(team_brief)
    assert "skipped · Where does [fill in: 运单系统] run today?" in text, text
    assert "<运单系统>" not in text and "‹运单系统" not in text


def test_a_promise_moved_after_its_due_date_reads_late(team_brief) -> None:
    rows = {
        r.commitment.text: r.commitment
        for r in customer_brief(team_brief, CUSTOMER, FIXED_TODAY).commitments
    }
    assert late_days(rows["LATE-PROMISE"], FIXED_TODAY) == 10
    assert late_days(rows["EARLY-MOVE"], FIXED_TODAY) is None  # moved before it was due
    first = (FIXED_TODAY - timedelta(days=10)).isoformat()
    lines = _text(team_brief).splitlines()
    at = next(n for n, line in enumerate(lines) if "LATE-PROMISE" in line)
    assert lines[at + 1].strip() == f"⚠ late · first due {first} · 10 days late"
    early = next(n for n, line in enumerate(lines) if "EARLY-MOVE" in line)
    assert "late" not in lines[early + 1]


async def test_the_plan_shows_the_team_brief(make_app, team_brief) -> None:
    app = make_app("plan", visit_id=NEXT)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("1")  # the brief tab (read when it is first shown)
        await settle(pilot)
        text = str(app.screen.query_one("#brief", Static).content)
        assert "BO-PROMISE" in text and "BO-HEARD-REQ" in text and "SKIPPED-Q" in text
        assert "⚠ late" in text


async def test_the_live_screen_shows_the_brief_and_comes_back_to_the_note(
    make_app, team_brief
) -> None:
    app = make_app("live", visit_id=NEXT)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press(*"abc", "ctrl+y", "b")
        await settle(pilot)
        assert isinstance(app.screen, BriefScreen)
        text = str(app.screen.query_one("#live-brief", Static).content)
        assert "BO-PROMISE" in text and "SKIPPED-Q" in text
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, LiveScreen)
        assert app.screen.query_one("#note").text.endswith("abc")
        await pilot.press("f2", "f6")  # the customer may see the screen: no brief
        await settle(pilot)
        assert isinstance(app.screen, LiveScreen)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
def test_brief_snapshots(snap_compare, make_app, team_brief, lang, size) -> None:
    app = make_app("brief", lang=lang, customer_id=CUSTOMER, visit_id=NEXT)
    assert snap_compare(app, terminal_size=size, run_before=settle)


def _bo_wrote(store, text: str, **fields) -> str:
    """Bo writes a promise in his visit (as a sync brings it here); the line of Ana's brief
    that shows it."""
    [bo_visit] = [v for v in store.visits(CUSTOMER) if v.author == BO]
    due = FIXED_TODAY + timedelta(days=4)
    store.member = BO
    store.save(Commitment(visit_id=bo_visit.id, text=text, due=due, first_due=due, **fields))
    store.member = ANA
    [line] = [line for line in _text(store).splitlines() if text in line]
    return line


def test_a_colleagues_promise_written_as_theirs_names_them_not_me(team_brief) -> None:
    """Bo wrote ``我`` as the owner of his own promise: Ana's brief names Bo, not "我"."""
    line = _bo_wrote(team_brief, "BO-SELF-PROMISE", owner_name="我")
    assert BO in line and "我" not in line and "promised by" not in line, line


def test_a_promise_of_the_customer_that_a_colleague_noted_is_not_theirs(team_brief) -> None:
    """The customer's promise, written down in Bo's visit: the customer's, noted by Bo (it
    said "promised by Bo")."""
    from interview_tui.domain.enums import OwnerSide

    line = _bo_wrote(team_brief, "THEIR-SAMPLES", owner_side=OwnerSide.CUSTOMER, owner_name="孙倩")
    assert f"customer: 孙倩, noted by {BO}" in line and "promised by" not in line, line


def test_a_customers_promise_with_no_name_says_the_customer_once(team_brief) -> None:
    from interview_tui.domain.enums import OwnerSide

    line = _bo_wrote(team_brief, "THEIR-UNNAMED", owner_side=OwnerSide.CUSTOMER, owner_name="")
    assert f"(customer, noted by {BO})" in line, line  # not "customer: customer"
