"""Who wrote what: authors on new records, an id, author and time on every history entry,
and the private flag carried through a visit's JSON."""

from __future__ import annotations

from datetime import date

from interview_tui.domain.enums import CommitmentState
from interview_tui.domain.models import Commitment, Note, Visit
from interview_tui.exports.bundle import import_json_data
from interview_tui.exports.visit_json import visit_json_data
from interview_tui.services import commitments
from interview_tui.store import open_store


def _commitment(store) -> Commitment:
    visit = store.all(Visit)[0]
    return store.save(
        Commitment(visit_id=visit.id, text="Send the SLA report", due=date(2026, 12, 1))
    )


def test_new_records_and_history_entries_name_their_author(demo_store) -> None:
    demo_store.member = "ana@example.com"
    made = _commitment(demo_store)
    assert made.author == "ana@example.com"
    closed = commitments.close(demo_store, made, CommitmentState.DONE, "sent", date(2026, 11, 30))
    [entry] = closed.history
    assert entry["by"] == "ana@example.com" and entry["id"] and entry["at"]
    # an entry is never rewritten: a later save by someone else keeps its id and author
    demo_store.member = "bo@example.com"
    reopened = commitments.reopen(demo_store, closed, date(2026, 12, 2), "not yet")
    assert reopened.history[0] == entry
    assert reopened.history[1]["by"] == "bo@example.com"
    assert reopened.history[1]["id"] != entry["id"]
    assert reopened.author == "ana@example.com"  # the author of a record never moves


def test_a_private_note_keeps_its_flag_through_export_and_import(demo_store, tmp_path) -> None:
    visit = demo_store.all(Visit)[0]
    demo_store.save(Note(visit_id=visit.id, text="PRIVATE-7 my own read of the CTO", private=True))
    left_out = visit_json_data(demo_store, visit.id or 0)  # it never leaves unless asked for
    assert not [n for n in left_out["notes"] if "PRIVATE-7" in n["text"]]
    data = visit_json_data(demo_store, visit.id or 0, include_personal=True)
    assert [n["private"] for n in data["notes"] if "PRIVATE-7" in n["text"]] == [True]
    other = open_store(tmp_path / "other.db")
    imported = import_json_data(other, data)
    [note] = [n for n in other.notes(imported.id or 0) if "PRIVATE-7" in n.text]
    assert note.private is True


def test_a_visit_file_is_never_a_share(demo_store, tmp_path) -> None:
    """Importing a colleague's JSON export neither shares the visit nor puts its customer in
    a team here: those are this laptop's own decisions."""
    from datetime import datetime

    from interview_tui.domain.models import Customer

    visit = demo_store.all(Visit)[0]
    customer = demo_store.get(Customer, visit.customer_id)
    demo_store.save(customer.model_copy(update={"team": "their-team"}))
    demo_store.save(visit.model_copy(update={"shared_at": datetime(2026, 11, 1)}))
    data = visit_json_data(demo_store, visit.id or 0)
    other = open_store(tmp_path / "other.db")
    imported = import_json_data(other, data)
    assert imported.shared_at is None
    assert other.get(Customer, imported.customer_id).team == ""
