"""The recap is a letter to the customer's attendees: the e-mail is addressed to those who
have an e-mail (none: the PM is told in one line and the draft is still written), its subject
names the customer, the letter greets the people and is signed with the sender's name, and
our plan with its date reads as two sentences."""

from __future__ import annotations

import email
from datetime import date
from email import policy

import pytest
from click.testing import CliRunner
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from interview_tui.cli.main import cli
from interview_tui.domain.models import Customer, Person, Requirement, Visit
from interview_tui.exports.mail_calendar import plain_of
from interview_tui.exports.markdown import md
from interview_tui.exports.render import mail_note, render
from interview_tui.i18n import set_language
from interview_tui.settings import UserSettings
from tests.conftest import FIXED_NOW, FIXED_TODAY

SETTINGS = UserSettings(name="Li Wei", email="li@example.com", recap_lang="ui")
#: (lang, visit): the recap in that language, of a visit of that language's demo customer
CASES = [("en", 3), ("zh", 1)]


def _message(store, visit_id: int):
    raw = render(store, visit_id, "eml", today=FIXED_TODAY, now=FIXED_NOW, settings=SETTINGS)
    return email.message_from_bytes(raw, policy=policy.default)


def _give_emails(store, visit_id: int) -> list[Person]:
    visit = store.get(Visit, visit_id)
    attendees = [p for p in store.people(visit.customer_id) if p.id in visit.attendee_ids]
    attendees = attendees or store.people(visit.customer_id)
    for number, person in enumerate(attendees):
        person.email = f"p{number}@customer.example"
        store.save(person)
    return attendees


@pytest.mark.parametrize(("lang", "visit_id"), CASES)
def test_the_recap_mail_goes_to_the_attendees_and_names_the_customer(
    demo_store, lang, visit_id
) -> None:
    set_language(lang)
    people = _give_emails(demo_store, visit_id)
    message = _message(demo_store, visit_id)
    to = str(message["To"])
    assert all(f"p{n}@customer.example" in to for n in range(len(people))), to
    customer = demo_store.get(Visit, visit_id).customer_id
    name = next(
        c["name"] for c in demo_store.query("SELECT id, name FROM customers") if c["id"] == customer
    )
    assert name in str(message["Subject"]), message["Subject"]
    assert mail_note(demo_store, visit_id, "eml") == ""


@pytest.mark.parametrize(("lang", "visit_id"), CASES)
def test_no_address_is_said_in_one_line_and_the_mail_is_still_written(
    demo_store, tmp_path, monkeypatch, lang, visit_id
) -> None:
    monkeypatch.setenv("INTERVIEW_TUI_EMAIL", "li@example.com")
    out = tmp_path / "recap.eml"
    result = CliRunner().invoke(
        cli,
        [
            "--db",
            demo_store.path,
            "--lang",
            lang,
            "export",
            str(visit_id),
            "--format",
            "eml",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert out.exists() and b"\nTo:" not in out.read_bytes()
    said = [line for line in result.stderr.splitlines() if "@" not in line and line.strip()]
    note = next(line for line in said if ("To" in line if lang == "en" else "收件人" in line))
    assert ("e-mail" in note) if lang == "en" else ("邮箱" in note)


@pytest.mark.parametrize(("lang", "visit_id"), CASES)
def test_the_recap_greets_the_people_and_is_signed(demo_store, lang, visit_id) -> None:
    set_language(lang)
    people = _give_emails(demo_store, visit_id)
    text = render(
        demo_store, visit_id, "recap-md", today=FIXED_TODAY, now=FIXED_NOW, settings=SETTINGS
    ).decode()
    lines = [line for line in text.splitlines() if line.strip()]
    greeting = lines[1]
    assert all(p.name in greeting for p in people), greeting
    assert greeting.startswith("Dear ") if lang == "en" else greeting.endswith("您好：")
    assert lines[-1] == "Li Wei"
    assert lines[-2].rstrip() == ("Best regards," if lang == "en" else "祝好！")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "Our plan: Planned for v3.2 in May; workaround until then. Planned date: 2027-05-15.",
        ),
        ("zh", "我们的计划：计划在 6 月版本。计划日期：2027-05-15。"),
    ],
)
def test_our_plan_and_its_date_are_two_sentences(demo_store, lang, expected) -> None:
    set_language(lang)
    told = "Planned for v3.2 in May; workaround until then" if lang == "en" else "计划在 6 月版本"
    requirement = next(r for r in demo_store.all(Requirement) if r.visit_id == 3)
    requirement.told_customer, requirement.share_plan = told, True
    requirement.planned = date(2027, 5, 15)
    demo_store.save(requirement)
    text = render(
        demo_store, 3, "recap-md", today=FIXED_TODAY, now=FIXED_NOW, settings=SETTINGS
    ).decode()
    assert expected in text, text


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_a_sender_written_to_the_settings_counts_without_a_restart(
    make_app, tmp_path, monkeypatch, lang
) -> None:
    from textual.widgets import Select, Static

    from tests.conftest import settle

    monkeypatch.delenv("INTERVIEW_TUI_EMAIL", raising=False)
    monkeypatch.setenv("INTERVIEW_TUI_EXPORT_FOLDER", str(tmp_path / "out"))
    app = make_app("export", visit_id=1, lang=lang)  # a Chinese customer: the mail is zh
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.screen.query_one("#format", Select).value = "eml"
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        said = str(app.screen.query_one("#export-message", Static).content)
        assert "settings.toml" in said and "--from" not in said, said
        assert ("no sender" in said) if lang == "en" else ("没有发件人" in said), said
        config = tmp_path / "config"
        config.mkdir(exist_ok=True)
        (config / "settings.toml").write_text('name = "Li Wei"\nemail = "li@example.com"\n')
        await pilot.press("ctrl+s")
        await settle(pilot)
        said = str(app.screen.query_one("#export-message", Static).content)
    written = tmp_path / "out" / "visit-1-recap.eml"
    assert written.exists(), said
    assert b"li@example.com" in written.read_bytes()


def _part(message, kind: str) -> str:
    [part] = [p for p in message.walk() if p.get_content_type() == kind]
    return part.get_content()


@pytest.mark.parametrize(("lang", "visit_id"), CASES)
def test_the_recaps_plain_text_is_the_letter_as_typed_not_its_markdown(
    demo_store, lang, visit_id
) -> None:
    """What a customer's mail client shows from the text part: the words as typed, no
    backslash escapes, no ``#`` or ``**`` (the HTML part is rendered from the same text)."""
    set_language(lang)
    visit = demo_store.get(Visit, visit_id)
    customer = demo_store.get(Customer, visit.customer_id)
    customer.name = "Acme_Corp <b>now</b>"
    demo_store.save(customer)
    [requirement] = demo_store.requirements(customer_id=visit.customer_id)[:1]
    requirement.title = "SLA_report *draft* (v2) [/] 99.9% #1 对账 £ß"
    demo_store.save(requirement)
    message = _message(demo_store, visit_id)
    text, html = _part(message, "text/plain"), _part(message, "text/html")
    for typed in ("Acme_Corp <b>now</b>", "SLA_report *draft* (v2) [/] 99.9% #1 对账 £ß"):
        assert typed in text, text
    assert "\\" not in text and "**" not in text, text
    assert not any(line.startswith("#") for line in text.splitlines()), text
    assert "Acme_Corp &lt;b&gt;now&lt;/b&gt;" in html  # shown, never run
    assert text.rstrip().endswith("Li Wei")  # the closing and the name, on their own lines


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), min_size=1))
@settings(max_examples=300, deadline=None)
def test_plain_text_of_an_escaped_field_is_the_field(value: str) -> None:
    words = " ".join(value.split())
    assume(words)
    assert plain_of(f"- {md(value)}\n") == f"- {words}\n"
    assert plain_of(f"## {md(value)}\n\n{md(value)}\n") == f"{words}\n\n{words}\n"
