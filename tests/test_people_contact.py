"""People can be reached: e-mail and phone on a person, every field editable after adding,
shared with the team like the person, and a chase e-mail that goes to that address, from the
PM's own address, as text and HTML where nothing typed becomes markup."""

from __future__ import annotations

import sqlite3
import uuid
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.widgets import DataTable, Input, Select

from interview_tui.cli.main import cli
from interview_tui.domain.enums import OwnerSide, Role
from interview_tui.domain.models import Commitment, Customer, Person, Visit
from interview_tui.store import open_store
from interview_tui.store.migrations import migrate
from interview_tui.team.apply import Incoming, apply_records
from interview_tui.team.records import shared_records
from tests.conftest import settle

HOSTILE = "<script>alert(1)</script> **bold** [x](javascript:alert(1)) <img src=x onerror=y>"


def _sun(store) -> Person:
    return next(p for p in store.people(1) if p.name == "孙倩")


def _settings(tmp_path: Path, text: str) -> None:
    config = tmp_path / "config"
    config.mkdir(exist_ok=True)
    (config / "settings.toml").write_text(text, encoding="utf-8")


@pytest.mark.parametrize(("recap_lang", "words"), [("en", "Dear"), ("zh-CN", "您好")])
def test_chase_goes_to_the_persons_email_as_text_and_html(
    demo_store, tmp_path, recap_lang, words
) -> None:
    sun = _sun(demo_store)
    demo_store.save(
        sun.model_copy(update={"email": "sunqian@xinghe.example", "phone": "+86 138 0000 0000"})
    )
    demo_store.save(
        Commitment(
            visit_id=1, text=f"对账样本 {HOSTILE}", owner_side=OwnerSide.CUSTOMER, owner_name="孙倩"
        )
    )
    _settings(
        tmp_path,
        f'name = "Li Wei"\nemail = "li.wei@cloud.example"\n'
        f'signature = "Li <Wei>"\nrecap_lang = "{recap_lang}"\n',
    )
    result = CliRunner().invoke(
        cli, ["--db", str(demo_store.path), "export", "1", "--format", "chase-eml"]
    )
    assert result.exit_code == 0, result.output
    message = BytesParser(policy=policy.default).parsebytes(result.stdout_bytes)
    assert [a.addr_spec for a in message["To"].addresses] == ["sunqian@xinghe.example"]
    assert message["From"].addresses[0].addr_spec == "li.wei@cloud.example"
    customer = demo_store.get(Customer, 1).name
    day = demo_store.get(Visit, 1).date.date().isoformat()
    assert customer in message["Subject"] and day in message["Subject"]
    assert message.get_content_type() == "multipart/alternative"
    plain = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert words in plain and words in html
    assert HOSTILE in " ".join(plain.split())  # the plain text is the words as typed
    for markup in ("<script", "<strong", "<em>", "<a ", "<img", 'javascript:alert(1)"'):
        assert markup not in html, markup
    assert "&lt;script&gt;" in html and "**bold**" in html and "Li &lt;Wei&gt;" in html
    assert "<li>" in html  # the promises are a real list


def test_an_email_without_a_sender_says_how_to_set_one(demo_store) -> None:
    for lang, words in (("en", "settings.toml"), ("zh", "settings.toml")):
        result = CliRunner().invoke(
            cli,
            ["--db", str(demo_store.path), "--lang", lang, "export", "1", "--format", "chase-eml"],
        )
        assert result.exit_code == 2, result.output
        assert words in result.output and "INTERVIEW_TUI_EMAIL" in result.output
        assert "localhost" not in result.output
    chinese = CliRunner().invoke(
        cli, ["--db", str(demo_store.path), "--lang", "zh", "export", "1", "--format", "eml"]
    )
    assert chinese.exit_code == 2 and "发件人" in chinese.output


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
async def test_every_field_of_a_person_is_editable_after_adding(make_app, demo_store, lang) -> None:
    before = _sun(demo_store)
    app = make_app("customer", lang=lang, customer_id=1)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#people", DataTable)
        table.focus()
        row = next(i for i, p in enumerate(app.screen.people) if p.id == before.id)
        table.move_cursor(row=row)
        await pilot.press("enter")
        await settle(pilot)
        dialog = app.screen
        assert type(dialog).__name__ == "PersonDialog"
        assert dialog.query_one("#name", Input).value == "孙倩"  # filled in
        dialog.query_one("#email", Input).value = "not an address"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is dialog  # refused beside the field
        assert "not an address" in str(dialog.query_one("#person-message").render())
        for field, value in (
            ("name", "孙倩 Sun"),
            ("title", "计费负责人"),
            ("email", " sunqian@xinghe.example "),
            ("phone", "+86 138 0000"),
            ("contact", "微信 sunq"),
        ):
            dialog.query_one(f"#{field}", Input).value = value
        dialog.query_one("#role", Select).value = Role.BUSINESS.value
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "CustomerScreen"
        cells = [str(c) for c in app.screen.query_one("#people", DataTable).get_row_at(row)]
        assert "sunqian@xinghe.example" in cells and "+86 138 0000" in cells
        await pilot.press("ctrl+s")
        await settle(pilot)
    after = demo_store.get(Person, before.id)
    assert (after.name, after.title, after.email, after.phone, after.contact, after.role) == (
        "孙倩 Sun",
        "计费负责人",
        "sunqian@xinghe.example",
        "+86 138 0000",
        "微信 sunq",
        Role.BUSINESS,
    )
    assert after.uid == before.uid and after.customer_id == 1


def test_an_address_in_the_contact_field_becomes_the_email_on_upgrade(tmp_path) -> None:
    path = tmp_path / "old.db"
    import sqlite_utils

    db = sqlite_utils.Database(sqlite3.connect(path))
    migrate(db, target=11)
    db["customers"].insert(
        {
            "id": 1,
            "name": "星河",
            "industry": "",
            "notes": "",
            "created_at": "2026-01-01T00:00:00",
            "uid": str(uuid.uuid4()),
        }
    )
    for pid, contact in ((1, "+86 138, Sun <sun@xinghe.example>"), (2, "微信 abc")):
        db["people"].insert(
            {
                "id": pid,
                "customer_id": 1,
                "name": f"p{pid}",
                "title": "",
                "role": "business",
                "contact": contact,
                "uid": str(uuid.uuid4()),
            }
        )
    db.conn.commit()
    db.conn.close()
    store = open_store(path)
    people = {p.id: p for p in store.people(1)}
    assert people[1].email == "sun@xinghe.example" and people[1].contact.startswith("+86")
    assert people[2].email == "" and people[2].contact == "微信 abc"
    store.close()


def test_contact_details_go_to_the_team_with_the_person(demo_store, tmp_path) -> None:
    customer = demo_store.get(Customer, 1)
    demo_store.save(customer.model_copy(update={"team": "t"}))
    demo_store.save(
        _sun(demo_store).model_copy(update={"email": "sun@xinghe.example", "phone": "+86 1"})
    )
    records = [s.record for s in shared_records(demo_store, "t")]
    person = next(r for r in records if r.get("name") == "孙倩")
    assert person["email"] == "sun@xinghe.example" and person["phone"] == "+86 1"
    other = open_store(tmp_path / "other.db")
    kinds = {"customers": "customer", "people": "person"}
    incoming = [
        Incoming(kinds[s.path.split("/")[0]], s.record)
        for s in shared_records(demo_store, "t")
        if s.path.split("/")[0] in kinds
    ]
    apply_records(other, incoming, "t")
    arrived = other.all(Person, "uid = ?", [person["uid"]])[0]
    assert (arrived.email, arrived.phone) == ("sun@xinghe.example", "+86 1")
    other.close()


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
async def test_a_bad_address_is_said_in_sight_at_80x24(make_app, lang) -> None:
    """At 80×24 the refusal lay below the role field, off the dialog: nothing seemed to
    happen on ctrl+s."""
    app = make_app("customer", lang=lang, customer_id=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+a")
        await settle(pilot)
        dialog = app.screen
        assert type(dialog).__name__ == "PersonDialog"
        await pilot.press(*"Sun Qian", "tab", "tab")
        await pilot.press(*"sun qian@example.cn", "ctrl+s")
        await settle(pilot)
        assert app.screen is dialog
        message = dialog.query_one("#person-message")
        assert "sun qian@example.cn" in str(message.render())
        from textual.containers import VerticalScroll

        region, shown = message.region, dialog.query_one(VerticalScroll).region
        assert region.height and shown.contains_region(region), (region, shown)
        assert dialog.focused is dialog.query_one("#email")


async def test_the_refusal_goes_once_the_address_is_being_put_right(make_app) -> None:
    """It stayed, red, over an address already corrected, until the next ctrl+s."""
    app = make_app("customer", customer_id=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+a")
        await settle(pilot)
        dialog = app.screen
        await pilot.press(*"Sun Qian", "tab", "tab", *"sun qian@example.cn", "ctrl+s")
        await settle(pilot)
        message = dialog.query_one("#person-message")
        assert "sun qian@example.cn" in str(message.render())
        await pilot.press("home", "right", "right", "right", "delete")  # the space goes
        await settle(pilot)
        assert str(message.render()).strip() == ""
