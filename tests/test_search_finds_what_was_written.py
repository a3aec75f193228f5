"""Search finds what was written: a requirement's originator, its solution proposals and the
customer's reasons; ``enter`` on a hit opens the hit itself (the note, the requirement), and a
personal-connection note is marked personal in the results (TUI and CLI, both languages)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.widgets import DataTable, TextArea

from interview_tui.cli.main import cli
from interview_tui.domain.enums import Goal, SolutionAnswer
from interview_tui.domain.models import Customer, Note, Requirement, Visit
from interview_tui.services import solutions
from interview_tui.services.search import search
from interview_tui.store import open_store
from tests.conftest import settle


def _requirement(store) -> Requirement:
    customer = store.save(Customer(name="Fabrikam Metals"))
    visit = store.save(Visit(customer_id=customer.id, date=datetime(2026, 11, 20, 10)))
    requirement = store.save(
        Requirement(
            customer_id=customer.id,
            visit_id=visit.id,
            title="Offline cache",
            originator="财务总监钱总",
        )
    )
    solutions.propose(store, requirement.id, "Zeppelin sync every hour", "cheaper than a VPN")
    solutions.answer(store, requirement.id, SolutionAnswer.DISAGREED, "对账窗口只有晚上")
    return requirement


@pytest.mark.parametrize("query", ["钱总", "Zeppelin", "cheaper", "对账窗口"])
def test_the_originator_the_proposals_and_the_customers_reasons_are_found(store, query):
    requirement = _requirement(store)
    hits = search(store, query)
    assert [(h.kind, h.ref_id) for h in hits] == [("requirement", requirement.id)]
    assert query in hits[0].snippet


def test_a_database_of_the_version_before_is_indexed_again(tmp_path: Path) -> None:
    import sqlite_utils

    from interview_tui.store.migrations import migrate

    path = tmp_path / "v11.db"
    db = sqlite_utils.Database(path)
    migrate(db, target=11)
    db["customers"].insert({"id": 1, "name": "星河视频", "industry": "video"})
    db["visits"].insert(
        {
            "id": 1,
            "customer_id": 1,
            "date": "2026-10-01T10:00:00",
            "status": "done",
            "goals": "[]",
            "attendee_ids": "[]",
            "give_back": "[]",
            "rehearsal": "{}",
            "purpose": "复盘",
        }
    )
    proposals = [
        {
            "uid": "p1",
            "on": "2026-10-01T10:00:00",
            "text": "按标签导出",
            "reasoning": "",
            "replies": [
                {
                    "uid": "r1",
                    "on": "2026-10-02T10:00:00",
                    "answer": "disagreed",
                    "reason": "业务线会调整",
                }
            ],
        }
    ]
    db["requirements"].insert(
        {
            "id": 1,
            "customer_id": 1,
            "visit_id": 1,
            "title": "导出",
            "originator": "财务总监",
            "state": "captured",
            "pool_group": "backlog",
            "solutions": json.dumps(proposals),
        }
    )
    db.close()
    store = open_store(path)
    assert [h.ref_id for h in search(store, "财务总监")] == [1]
    assert [h.ref_id for h in search(store, "业务线会调整")] == [1]
    store.close()


def _two_voices(store) -> tuple[Visit, Note, Note]:
    """A visit whose free notes hold two voices, and a personal-connection note."""
    customer = store.save(Customer(name="Contoso"))
    visit = store.save(Visit(customer_id=customer.id, date=datetime(2026, 11, 20, 10)))
    first = store.save(Note(visit_id=visit.id, text="Quokka migration plan first voice"))
    last = store.save(Note(visit_id=visit.id, text="the second voice, written last"))
    store.save(
        Note(
            visit_id=visit.id,
            text="Quokka fan, plays golf on Sundays",
            goal=Goal.PERSONAL_CONNECTION,
        )
    )
    return visit, first, last


@pytest.mark.parametrize(("lang", "personal"), [("en", "personal"), ("zh", "私人")])
def test_personal_notes_are_marked_personal_in_the_cli(store, lang, personal) -> None:
    _two_voices(store)
    out = CliRunner().invoke(cli, ["--db", store.path, "--lang", lang, "search", "Quokka"]).output
    heads = [line for line in out.splitlines() if "Contoso" in line]
    assert len(heads) == 2 and sum(personal in line for line in heads) == 1


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_enter_opens_the_note_that_was_found(make_app, store, lang) -> None:
    _visit, first, _last = _two_voices(store)
    app = make_app("search", lang=lang, query="Quokka migration")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 1
        table.focus()
        await pilot.press("enter")
        await settle(pilot)
        await pilot.pause(0.3)
        assert type(app.screen).__name__ == "LiveScreen"
        assert app.screen.query_one("#note", TextArea).text == first.text


async def test_enter_opens_the_requirement_that_was_found(make_app, store) -> None:
    requirement = _requirement(store)
    app = make_app("search", query="Zeppelin")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        app.screen.query_one(DataTable).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "RequirementDetailScreen"
        assert app.screen.requirement_id == requirement.id
