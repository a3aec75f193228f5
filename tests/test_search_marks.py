"""What a search hit says about itself: a requirement written outside a visit names its
customer (the column was empty), and a note marked private is marked private wherever hits
are listed, as a personal-connection note is marked personal: in the TUI and the CLI, in
both languages."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from interview_tui.cli.main import cli
from interview_tui.domain.enums import Goal
from interview_tui.domain.models import Customer, Note, Requirement, Visit
from interview_tui.domain.names import display_of
from interview_tui.i18n import set_language
from interview_tui.services.search import hit_kind, search
from interview_tui.tui.text import SafeTable
from tests.conftest import settle


def _plant(store) -> Customer:
    """A requirement outside any visit and a private, a personal and a plain note, each
    holding the word Zorbex."""
    customer = store.save(Customer(name="盘古物流"))
    visit = store.save(Visit(customer_id=customer.id, date="2026-11-20T10:00"))
    store.save(Requirement(customer_id=customer.id, title="Zorbex 对账导出", user="ops"))
    store.save(Note(visit_id=visit.id, text="Zorbex private aside", private=True))
    store.save(Note(visit_id=visit.id, text="Zorbex marathon", goal=Goal.PERSONAL_CONNECTION))
    store.save(Note(visit_id=visit.id, text="Zorbex plain note"))
    return customer


def test_the_store_names_the_customer_and_the_marks(store) -> None:
    _plant(store)
    hits = {hit.snippet.split()[1]: hit for hit in search(store, "Zorbex")}
    assert hits["对账导出"].customer == "盘古物流" and hits["对账导出"].visit_id is None
    assert hits["对账导出"].customer_id is not None
    assert hits["private"].private and not hits["private"].personal
    assert hits["marathon"].personal and not hits["marathon"].private
    assert not (hits["plain"].private or hits["plain"].personal)
    assert hit_kind(hits["private"]) == "note · private"
    assert hit_kind(hits["marathon"]) == "note · personal"
    assert hit_kind(hits["plain"]) == "note"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_cli_lists_the_customer_and_the_marks(store, lang) -> None:
    _plant(store)
    args = ["--db", store.path, "--lang", lang, "search", "Zorbex"]
    said = CliRunner().invoke(cli, args)
    listed = CliRunner().invoke(cli, [*args, "--json"])
    set_language("en")
    assert said.exit_code == 0 and listed.exit_code == 0, said.output
    private = "private" if lang == "en" else "私密"
    lines = said.stdout.splitlines()
    assert any(private in line for line in lines), said.stdout
    set_language(lang)
    requirement = display_of("record", "requirement")
    set_language("en")
    assert f"盘古物流  [{requirement}]" in lines, said.stdout  # its customer, no visit
    rows = json.loads(listed.stdout)
    assert {row["snippet"].split()[1]: row["private"] for row in rows if row["kind"] == "note"} == {
        "private": True,
        "marathon": False,
        "plain": False,
    }
    assert [row["customer"] for row in rows if row["kind"] == "requirement"] == ["盘古物流"]


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_search_screen_shows_the_customer_and_the_marks(make_app, lang) -> None:
    app = make_app("search", lang=lang, query="Zorbex")
    _plant(app.store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.screen.query_one("#query").value = "Zorbex "  # read again, with the planted rows
        await settle(pilot)
        table = app.screen.query_one(SafeTable)
        rows = [[str(cell) for cell in table.get_row_at(n)] for n in range(table.row_count)]
    by_word = {row[3].split()[1]: row for row in rows}
    assert by_word["对账导出"][1] == "盘古物流", rows
    private = "private" if lang == "en" else "私密"
    personal = "personal" if lang == "en" else "私人"
    assert by_word["private"][2].endswith(private) and personal not in by_word["private"][2]
    assert by_word["marathon"][2].endswith(personal)
    assert private not in by_word["plain"][2] and personal not in by_word["plain"][2]
