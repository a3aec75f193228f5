"""Search finds people and customers: a contact by name, title, stakeholder role (in either
language, whatever the interface's), e-mail, phone or other contact; a customer by name,
industry or notes. In the TUI (``enter`` opens the customer's screen, the person's row
highlighted) and the CLI (text and ``--json``), in both languages. Archived people and
customers, and those an unfinished import adds, are not found; a person is always among
the matches ranked, however many newer notes name them; a personal-connection note that
names them is still marked personal."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from interview_tui.cli.main import cli
from interview_tui.domain.enums import Goal, Role
from interview_tui.domain.models import Customer, Note, Person, Visit
from interview_tui.i18n import set_language
from interview_tui.services import archive
from interview_tui.services.search import hit_target, search
from interview_tui.store import open_store
from interview_tui.store import store as store_module
from interview_tui.tui.text import SafeTable
from tests.conftest import settle


def _people(store) -> tuple[Customer, Person, Person]:
    customer = store.save(
        Customer(name="盘古物流", industry="冷链仓储", notes="Renewal talks with Zorbex due in May")
    )
    wang = store.save(
        Person(
            customer_id=customer.id,
            name="王建国",
            title="财务总监",
            role=Role.BUSINESS,
            email="jianguo.wang@pangu.example",
            phone="+86 138 0013 8000",
            contact="微信 wjg_pangu",
        )
    )
    olga = store.save(
        Person(
            customer_id=customer.id,
            name="Olga Petrova",
            title="Platform lead",
            role=Role.TECH_EXECUTION,
        )
    )
    return customer, wang, olga


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    ("query", "who"),
    [
        ("王建国", "wang"),  # a Chinese name
        ("建国", "wang"),  # a part of it
        ("Olga", "olga"),  # an English name
        ("petrova", "olga"),  # in any case
        ("财务总监", "wang"),  # the title
        ("Platform lead", "olga"),
        ("业务决策人", "wang"),  # the stakeholder role, in Chinese
        ("Business decision maker", "wang"),  # and in English
        ("技术执行", "olga"),  # its short name
        ("Tech execution", "olga"),
        ("jianguo.wang@pangu.example", "wang"),  # the e-mail
        ("pangu.example", "wang"),
        ("138 0013", "wang"),  # the phone, as written
        ("wjg_pangu", "wang"),  # another contact
    ],
)
def test_a_person_is_found_by_what_was_written_about_them(store, lang, query, who) -> None:
    set_language(lang)
    customer, wang, olga = _people(store)
    person = {"wang": wang, "olga": olga}[who]
    hits = [h for h in search(store, query) if h.kind == "person"]
    assert [h.ref_id for h in hits] == [person.id]
    assert hits[0].customer == customer.name and hits[0].customer_id == customer.id
    assert hits[0].visit_id is None and not hits[0].personal
    if query in ("财务总监", "Platform lead"):  # the name first, then what matched
        assert hits[0].snippet.startswith(f"{person.name} · {query}")


@pytest.mark.parametrize("query", ["盘古物流", "盘古", "冷链", "Zorbex", "renewal talks"])
def test_a_customer_is_found_by_name_industry_and_notes(store, query) -> None:
    customer, _wang, _olga = _people(store)
    hits = [h for h in search(store, query) if h.kind == "customer"]
    assert [(h.ref_id, h.customer, h.customer_id) for h in hits] == [
        (customer.id, customer.name, customer.id)
    ]


def test_a_changed_or_deleted_person_is_found_as_they_are_now(store) -> None:
    customer, wang, _olga = _people(store)
    store.save(wang.model_copy(update={"name": "王立国", "title": "CFO"}))
    assert not search(store, "王建国") and not search(store, "财务总监")
    assert [h.ref_id for h in search(store, "王立国")] == [wang.id]
    archive.set_archived(store, "person", wang.id, True)
    assert not search(store, "王立国")  # archived: left the customer
    archive.delete_for_good(store, "person", wang.id)
    rows = store.query("SELECT count(*) AS n FROM search_index WHERE kind = 'person'")
    assert rows[0]["n"] == 1  # Olga's row alone: none left behind
    archive.set_archived(store, "customer", customer.id, True)
    assert not search(store, "Olga") and not search(store, "盘古物流")
    archive.delete_for_good(store, "customer", customer.id)
    rows = store.query(
        "SELECT count(*) AS n FROM search_index WHERE kind IN ('person', 'customer')"
    )
    assert rows[0]["n"] == 0


def test_people_an_unfinished_import_adds_are_not_found(store) -> None:
    from interview_tui.store.staging import remove_staged

    _customer, wang, _olga = _people(store)
    with store.transaction():
        store.conn.execute("UPDATE people SET importing = 'tok' WHERE id = ?", [wang.id])
    assert not search(store, "王建国") and search(store, "Olga")
    remove_staged(store, "tok")
    rows = store.query("SELECT count(*) AS n FROM search_index WHERE kind = 'person'")
    assert rows[0]["n"] == 1


def test_people_written_in_bulk_are_found(store) -> None:
    """An import or the demo writes people many at a time: they are indexed as well."""
    customer = store.save(Customer(name="Contoso"))
    store.insert_many(
        [
            Person(customer_id=customer.id, name=f"Zygmunt {n}", role=Role.PROCUREMENT)
            for n in (1, 2)
        ]
    )
    assert len([h for h in search(store, "Zygmunt") if h.kind == "person"]) == 2
    assert len(search(store, "采购决策人")) == 2


def test_a_person_is_ranked_however_many_newer_notes_name_them(store, monkeypatch) -> None:
    """Search ranks the newest matches only: a contact named in more newer notes than that
    is still found (people and customers are always among those ranked), and first."""
    customer, wang, _olga = _people(store)
    visit = store.save(Visit(customer_id=customer.id, date=datetime(2026, 11, 20, 10)))
    for n in range(6):
        store.save(Note(visit_id=visit.id, text=f"王建国 说了第 {n} 件事"))
    monkeypatch.setattr(store_module, "SEARCH_RANKED", 4)
    hits = search(store, "王建国")
    assert (hits[0].kind, hits[0].ref_id) == ("person", wang.id)  # first, then the rest
    newest = sorted(n.id for n in store.notes(visit.id))[-3:]  # the newest 4 matches
    assert sorted(h.ref_id for h in hits[1:] if h.kind == "note") == newest
    assert len(hits) == 4 and store.search_cut_off("王建国")


def test_a_personal_note_naming_a_person_stays_marked_personal(store) -> None:
    customer, _wang, _olga = _people(store)
    visit = store.save(Visit(customer_id=customer.id, date=datetime(2026, 11, 20, 10)))
    store.save(Note(visit_id=visit.id, text="王建国 周末打高尔夫", goal=Goal.PERSONAL_CONNECTION))
    hits = {h.kind: h for h in search(store, "王建国")}
    assert hits["note"].personal and not hits["person"].personal
    assert "高尔夫" not in hits["person"].snippet


def _run(store, lang: str, *args: str):
    result = CliRunner().invoke(cli, ["--db", store.path, "--lang", lang, "search", *args])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize(
    ("lang", "kinds"), [("en", ("person", "customer")), ("zh", ("联系人", "客户"))]
)
def test_the_cli_lists_people_and_customers(store, lang, kinds) -> None:
    _people(store)
    out = _run(store, lang, "盘古")
    person, customer = kinds
    assert f"盘古物流  [{customer}]" in out
    out = _run(store, lang, "财务总监")
    assert out.splitlines()[0] == f"盘古物流  [{person}]"
    assert out.splitlines()[1].strip().startswith("王建国 · 财务总监")


def test_the_cli_json_names_the_person_and_their_customer(store) -> None:
    customer, wang, _olga = _people(store)
    (hit,) = json.loads(_run(store, "en", "jianguo", "--json"))
    assert hit["kind"] == "person" and hit["ref_id"] == wang.id
    assert hit["customer"] == "盘古物流" and hit["customer_id"] == customer.id
    assert hit["visit_id"] is None and hit["visit_date"] == ""


def test_opening_a_hit_goes_to_the_customer(store) -> None:
    customer, wang, _olga = _people(store)
    (person,) = search(store, "王建国")
    target = hit_target(store, person)
    assert target is not None and target.route == "customer"
    assert target.args == {"customer_id": customer.id, "person_id": wang.id}
    (found,) = search(store, "冷链")
    assert hit_target(store, found).args == {"customer_id": customer.id, "person_id": None}


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_enter_on_a_person_opens_their_customer_at_their_row(make_app, lang) -> None:
    """On the demo data: 孙倩 of 星河视频, found by her role in the other language."""
    app = make_app("search", lang=lang, query="Technical executor 计费")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(SafeTable)
        kinds = [str(table.get_row_at(n)[2]) for n in range(table.row_count)]
        person = "person" if lang == "en" else "联系人"
        assert kinds == [person]
        assert "孙倩" in str(table.get_row_at(0)[3])  # the name in sight at 80 columns
        table.focus()
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert type(screen).__name__ == "CustomerScreen"
        assert screen.customer.name == "星河视频"
        people = screen.query_one("#people", SafeTable)
        assert people.has_focus and screen.people[people.cursor_row].name == "孙倩"


async def test_enter_on_a_customer_opens_it(make_app) -> None:
    app = make_app("search", query="Freight")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(SafeTable)
        assert [str(table.get_row_at(n)[2]) for n in range(table.row_count)] == ["customer"]
        table.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "CustomerScreen"
        assert app.screen.customer.name == "Northwind Logistics"


def test_a_database_of_the_version_before_finds_its_people_and_customers(
    tmp_path: Path,
) -> None:
    import sqlite_utils

    from interview_tui.store.migrations import LATEST_VERSION, migrate

    path = tmp_path / "v17.db"
    db = sqlite_utils.Database(path)
    migrate(db, target=17)
    db["customers"].insert({"id": 1, "name": "星河视频", "industry": "短视频与直播"})
    db["people"].insert(
        {
            "id": 1,
            "customer_id": 1,
            "name": "孙倩",
            "title": "计费系统工程师",
            "role": "tech_execution",
            "email": "sunqian@xinghe.example",
            "uid": "00000000-0000-4000-8000-000000000001",
        }
    )
    db["people"].insert(
        {
            "id": 2,
            "customer_id": 1,
            "name": "赵磊",
            "role": "tech_execution",
            "archived_at": "x",
            "uid": "00000000-0000-4000-8000-000000000002",
        }
    )
    before = db.conn.execute("SELECT * FROM people ORDER BY id").fetchall()
    db.close()
    store = open_store(path)
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    assert store.conn.execute("SELECT * FROM people ORDER BY id").fetchall() == before
    assert [(h.kind, h.ref_id) for h in search(store, "孙倩")] == [("person", 1)]
    assert [(h.kind, h.ref_id) for h in search(store, "Technical executor")] == [("person", 1)]
    assert [(h.kind, h.ref_id) for h in search(store, "sunqian")] == [("person", 1)]
    assert [(h.kind, h.ref_id) for h in search(store, "短视频")] == [("customer", 1)]
    assert not search(store, "赵磊")  # archived
    store.close()
    store = open_store(path)  # opened again: nothing indexed twice
    assert len(search(store, "星河视频")) == 1
    store.close()
