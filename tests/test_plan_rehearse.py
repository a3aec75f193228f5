"""The whole preparation flow: a script of 20 questions with two shallow ones rewritten,
the coverage grid and readiness, rehearsal with flashcards, the visit marked rehearsed."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input, Select, Static

from interview_tui.domain.enums import Goal, Role, VisitStatus
from interview_tui.domain.models import Customer, CustomerQuestion, Person, ScriptItem, Visit
from interview_tui.services.readiness import item_findings
from interview_tui.tui.plan.plan_screen import PlanScreen
from interview_tui.tui.textual_private import notifications
from tests.conftest import settle

from .conftest import FIXED_NOW


@pytest.fixture
def fresh_visit(demo_store) -> int:
    customer = demo_store.save(Customer(name="Contoso Media"))
    people = demo_store.save_all(
        [
            Person(customer_id=customer.id, name="Ada", title="CTO", role=Role.TECH_DECISION),
            Person(customer_id=customer.id, name="Bo", title="SRE", role=Role.TECH_EXECUTION),
        ]
    )
    visit = demo_store.save(
        Visit(
            customer_id=customer.id,
            date=FIXED_NOW.replace(day=30),
            length_minutes=90,
            goals=[Goal.KEY_REQUIREMENTS, Goal.PAIN_POINTS],
            attendee_ids=[p.id for p in people],
            give_back=["Benchmark of the new storage tier"],
            must_not_promise="Discounts\nCustom SLA",
        )
    )
    return visit.id


async def test_build_a_script_rewrite_shallow_ones_rehearse_and_mark(
    make_app, demo_store, fresh_visit
) -> None:
    app = make_app("plan", visit_id=fresh_visit)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        screen.query_one("#lang-filter", Select).value = "en"
        await pilot.pause()
        bank = screen.query_one("#bank", DataTable)
        for role in ("tech_decision", "tech_execution"):  # one per attendee role
            screen.query_one("#role-filter", Select).value = role
            for goal, count in (("key_requirements", 5), ("pain_points", 4)):  # the visit's goals
                screen.query_one("#goal-filter", Select).value = goal
                await pilot.pause()
                bank.focus()
                bank.move_cursor(row=0)
                for _ in range(count):  # enter adds a bank question and moves down the list
                    await pilot.press("enter")
                await pilot.pause()
        assert len(screen.items) == 18
        for text in ("Would you like lower prices?", "Anything else on your mind?"):
            await pilot.press("ctrl+o")
            await pilot.pause()
            await pilot.press(*text)
            await pilot.pause()
            assert "⚠" in str(app.screen.query_one("#findings", Static).render())
            await pilot.press("ctrl+s")  # a flagged question: asks once, then saves
            await pilot.pause()
            assert "still flagged" in str(app.screen.query_one("#findings", Static).render())
            await pilot.press("ctrl+s")
            await pilot.pause()
        assert len(screen.items) == 20
        shallow = [i for i in screen.items if item_findings(i).shallow]
        assert len(shallow) == 2
        # rewrite both from the script list
        script = screen.query_one("#script", DataTable)
        for item, better in zip(
            shallow,
            (
                "Which line of last month's bill grew fastest?",
                "What slowed your team most in last month's release?",
            ),
            strict=True,
        ):
            script.focus()
            script.move_cursor(row=screen.items.index(item))
            await pilot.press("ctrl+e")
            await pilot.pause()
            field = app.screen.query_one("#text", Input)
            field.value = better
            await pilot.pause()
            await pilot.press("ctrl+s")
            await pilot.pause()
        assert not any(item_findings(i).shallow for i in screen.items)
        # reorder with keys every Mac sends ("]" and "[", not only ctrl+arrows)
        script.focus()
        script.move_cursor(row=0)
        first, second = screen.items[0].id, screen.items[1].id
        await pilot.press("]")
        await settle(pilot)
        assert [i.id for i in screen.items[:2]] == [second, first]
        await pilot.press("[")
        await settle(pilot)
        assert [i.id for i in screen.items[:2]] == [first, second]
        bank_copy = next(i for i in screen.items if i.bank_question_id)
        assert demo_store.get(ScriptItem, bank_copy.id).text == bank_copy.text
        coverage = str(screen.query_one("#coverage", Static).render())
        assert "Tech decision" in coverage and "Tech execution" in coverage
        # the account facts the bank questions leave open, filled once for the visit
        await pilot.press("f4")
        await settle(pilot)
        dialog = app.screen
        for field in dialog.query(Input):
            field.value = "Contoso"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        # rehearse: two cards timed, every flashcard confident after one comes back
        await pilot.press("f7")
        await settle(pilot)
        rehearse = app.screen
        await pilot.press("n", "n", "tab")
        cards = len(rehearse.deck.cards)
        assert cards >= 15
        await pilot.press("space", "s")  # the first one is shaky: it comes back last
        for _ in range(cards):
            await pilot.press("space", "c")
        await pilot.pause()
        assert rehearse.deck.current is None
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        questions = demo_store.all(CustomerQuestion, "visit_id = ?", [fresh_visit])
        assert questions and all(q.confidence == "confident" for q in questions)
        assert demo_store.get(Visit, fresh_visit).rehearsal["questions_timed"] >= 2
        await pilot.press("f10")
        await settle(pilot)
        assert demo_store.get(Visit, fresh_visit).status is VisitStatus.REHEARSED
        await pilot.press("4")  # the readiness tab (filled when it is shown)
        await settle(pilot)
        readiness = str(screen.query_one("#readiness", Static).content)
        still_open = [line for line in readiness.splitlines() if "✗" in line]
        # a click-through is not a rehearsal: the time check wants each question said aloud
        assert len(still_open) == 1 and "not yet rehearsed aloud" in still_open[0], readiness
        assert any("but 1 check is still open" in n.message for n in notifications(app))


def test_time_check_wants_every_question_rehearsed_aloud() -> None:
    """Seven seconds over twenty questions passed before; now each needs 20 s, and the
    total must still fit the meeting."""
    from interview_tui.services.readiness import readiness

    visit = Visit(customer_id=1, date=FIXED_NOW, length_minutes=60, goals=[Goal.PAIN_POINTS])
    items = [
        ScriptItem(
            visit_id=1,
            text=f"Q{n}",
            role=Role.BUSINESS,
            goal=Goal.PAIN_POINTS,
            seconds_rehearsed=0.35,
        )
        for n in range(20)
    ]

    def time_check():
        return next(c for c in readiness(visit, items, [], []) if c.key == "ready.time")

    assert not time_check().ok and "20 questions not yet rehearsed aloud" in time_check().detail
    for item in items:
        item.seconds_rehearsed = 90
    assert time_check().ok and time_check().detail == "30/60 min"
    items[0].seconds_rehearsed = 5
    assert "1 question not yet rehearsed aloud" in time_check().detail
    for item in items:
        item.seconds_rehearsed = 200  # rehearsed, but 67 minutes do not fit in 60
    assert not time_check().ok


def test_a_glance_never_replaces_a_time_rehearsed_aloud(demo_store, fresh_visit) -> None:
    from interview_tui.services.rehearsal import save_results

    visit = demo_store.get(Visit, fresh_visit)
    items = demo_store.save_all(
        [
            ScriptItem(
                visit_id=fresh_visit, text=f"Q{n}", role=Role.BUSINESS, goal=Goal.PAIN_POINTS
            )
            for n in range(2)
        ]
    )
    save_results(demo_store, visit, items, [], {items[0].id: 75.0, items[1].id: 2.0}, FIXED_NOW)
    save_results(demo_store, visit, items, [], {items[0].id: 1.0, items[1].id: 30.0}, FIXED_NOW)
    saved = [demo_store.get(ScriptItem, i.id).seconds_rehearsed for i in items]
    assert saved == [75.0, 30.0]


async def test_accepting_a_finding_is_recorded(make_app, demo_store, fresh_visit) -> None:
    demo_store.save(
        ScriptItem(
            visit_id=fresh_visit,
            role=Role.TECH_DECISION,
            goal=Goal.KEY_REQUIREMENTS,
            text="Would you like lower prices?",
            research="r",
            purpose="p",
        )
    )
    app = make_app("plan", visit_id=fresh_visit)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        app.screen.query_one("#script", DataTable).focus()
        await pilot.press("ctrl+k")
        await pilot.pause()
        item = demo_store.script(fresh_visit)[0]
        assert item.accepted_findings == ["obvious-answer"]
        assert not item_findings(item).shallow


async def test_answers_beyond_authority_are_flagged(make_app, demo_store, fresh_visit):
    demo_store.save(
        CustomerQuestion(
            visit_id=fresh_visit,
            text="Can we get a discount?",
            answer="Yes, 20% discounts for three years",
        )
    )
    app = make_app("rehearse", visit_id=fresh_visit)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("tab", "space")
        await pilot.pause()
        answer = app.screen.query_one("#answer", Static)
        assert "Discounts" in str(answer.render()) and answer.has_class("beyond")


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
def test_plan_snapshot(snap_compare, make_app, lang, size) -> None:
    assert snap_compare(
        make_app("plan", lang=lang, visit_id=2), terminal_size=size, run_before=settle
    )


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
def test_rehearse_snapshot(snap_compare, make_app, lang, size) -> None:
    assert snap_compare(
        make_app("rehearse", lang=lang, visit_id=2), terminal_size=size, run_before=settle
    )


async def test_the_flashcard_keys_are_offered_on_the_customers_questions_only(make_app) -> None:
    """space, c and s did nothing on our own questions' cards, offered on the key bar all
    the same (and said nothing when pressed)."""
    app = make_app("rehearse", visit_id=2)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        card_keys = {"space", "c", "s"}

        def offered() -> set[str]:
            return {k for k, b in app.screen.active_bindings.items() if b.enabled} & card_keys

        assert app.screen.ours and offered() == set()
        await pilot.press("tab")  # the customer's questions
        await settle(pilot)
        assert not app.screen.ours and offered() == card_keys
        await pilot.press("tab")
        await settle(pilot)
        assert offered() == set()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_visit_form_snapshot(snap_compare, make_app, lang) -> None:
    assert snap_compare(
        make_app("visit_form", lang=lang, visit_id=2), terminal_size=(80, 24), run_before=settle
    )


async def test_their_questions_are_added_edited_removed_and_checked(make_app, demo_store):
    """Per visit, in the app: add "they will ask about the Dubai region", edit, remove."""
    from interview_tui.tui.plan.customer_question_dialog import CustomerQuestionDialog

    visit = demo_store.get(Visit, 4)  # Northwind's planned visit
    visit.must_not_promise = "launch dates"
    demo_store.save(visit)
    app = make_app("plan", visit_id=4)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.query_one("#industry-filter", Select).value == "retail"
        assert {q.bank_id.split("-")[0] for q in screen.bank_rows} == {"general", "retail"}
        before = len(screen.their_questions)
        assert before >= 5  # copied from the general and retail banks
        screen.query_one("#theirs-tab").parent.parent.active = "theirs-tab"
        screen.query_one("#theirs").focus()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, CustomerQuestionDialog)
        await pilot.press(*"When will the Dubai region open?", "tab")
        await pilot.press(*"We expect the launch dates in Q3")
        await pilot.pause()
        assert "launch dates" in str(app.screen.query_one("#cq-beyond", Static).render())
        await pilot.press("ctrl+s")
        await settle(pilot)
        stored = demo_store.all(CustomerQuestion, "visit_id = ?", [4])
        assert len(stored) == before + 1
        added = next(q for q in stored if "Dubai" in q.text)
        assert screen._their_current().id == added.id
        await pilot.press("enter")
        await pilot.pause()
        answer = "Share the public plan; offer Riyadh meanwhile"
        await pilot.press("tab", "ctrl+a", *answer, "ctrl+s")
        await settle(pilot)
        assert demo_store.get(CustomerQuestion, added.id).answer.startswith("Share the public")
        await pilot.press("delete")
        await settle(pilot)
        assert demo_store.get(CustomerQuestion, added.id) is None
        assert len(screen.their_questions) == before


async def test_what_the_last_visit_did_not_ask_is_in_its_report_and_carried_over(
    make_app, demo_store
) -> None:
    """Seed: the next visit starts where the last one stopped. Visit 1 (done) leaves one
    question skipped and one not reached; its report lists them by role, and ctrl+l in the
    plan of visit 2 (same customer, later) copies them in, once."""
    from interview_tui.domain.enums import Goal, ItemStatus, Role
    from interview_tui.exports.bundle import load_bundle
    from interview_tui.exports.reports import report_md
    from tests.conftest import FIXED_TODAY

    skipped = ScriptItem(
        visit_id=1,
        role=Role.PROCUREMENT,
        goal=Goal.BUSINESS_GOALS,
        text="谁批准明年的云预算?",
        position=90,
        status=ItemStatus.SKIPPED,
    )
    missed = ScriptItem(
        visit_id=1,
        role=Role.TECH_DECISION,
        goal=Goal.KEY_REQUIREMENTS,
        text="Which region must go live first?",
        position=91,
    )
    demo_store.save_all([skipped, missed])
    report = report_md(load_bundle(demo_store, 1), FIXED_TODAY)
    section = report.split("## Planned but not asked")[1]
    assert "谁批准明年的云预算? (skipped)" in section
    assert "Which region must go live first? (not reached)" in section
    assert section.index("Procurement") < section.index("谁批准")
    assert "hang" not in section  # asked questions are not listed

    app = make_app("plan", visit_id=2)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot)
        screen = app.screen
        before = len(screen.items)
        await pilot.press("ctrl+l")
        await settle(pilot)
        texts = [item.text for item in screen.items]
        assert texts[before:] == ["谁批准明年的云预算?", "Which region must go live first?"]
        assert all(item.status is ItemStatus.PENDING for item in screen.items[before:])
        await pilot.press("ctrl+l")  # a second time adds nothing, and says they are here
        await settle(pilot)
        assert len(screen.items) == before + 2
        said = [n.message for n in notifications(app)]
        assert "The 2 questions the previous visit left unasked are in this script" in said[-1]
        assert not any("asked everything" in m for m in said), said
    assert len(demo_store.script(1)) == 7  # the old visit's script is untouched


async def test_their_questions_show_question_and_answer_at_80_columns(make_app) -> None:
    """At 80 columns the prepared answers lay past the pane's edge (Northwind: not seen at
    all; 星河视频: cut with no sign)."""
    app = make_app("plan", visit_id=4)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        table = app.screen.query_one("#theirs")
        line = table.render_line(1).text
        assert line.count("…") == 2 and len(line) <= table.size.width, line


async def test_their_questions_show_a_gap_to_fill_as_the_script_does(make_app, demo_store) -> None:
    """The bundled customer questions showed ‹新市场> (the raw <name>, made harmless) while
    the script showed 【待填：新市场】."""
    demo_store.save(
        CustomerQuestion(visit_id=4, text="<新市场> 那边什么时候能用？", answer="<新市场> 明年")
    )
    app = make_app("plan", lang="zh", visit_id=4)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        table = app.screen.query_one("#theirs")
        drawn = "\n".join(table.render_line(y).text for y in range(table.size.height))
        assert "【待填：新市场】 那边" in drawn and "‹" not in drawn, drawn


async def test_questions_carried_over_are_ticked_in_the_bank(make_app, demo_store) -> None:
    """After ctrl+l the bank did not tick the questions it had brought in (enter on one
    said it was in the script already)."""
    from interview_tui.domain.enums import ItemStatus

    app = make_app("plan", visit_id=2)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = app.screen
        used = {item.bank_question_id for item in screen.items}
        question = next(q for q in screen.bank_rows if q.id not in used)
        row = screen.bank_rows.index(question)
        await pilot.press("escape")
        await settle(pilot)
    demo_store.save(
        ScriptItem(
            visit_id=1,
            role=question.role,
            goal=question.goal,
            text=question.text,
            position=95,
            status=ItemStatus.SKIPPED,
            bank_question_id=question.id,
        )
    )
    app = make_app("plan", visit_id=2)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        bank = app.screen.query_one("#bank")
        assert str(bank.get_row_at(row)[0]).strip() == ""
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert str(bank.get_row_at(row)[0]).strip() == "✓"
