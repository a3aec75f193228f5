"""Shared records as plain dicts: what a record's file holds, references by uid.

Only what :mod:`interview_tui.team.privacy` lets through is built here. Nothing volatile
(no "updated at" that changes on every save), so an unchanged record gives the same bytes.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from interview_tui.domain.models import (
    Commitment,
    Customer,
    Note,
    Person,
    Record,
    Requirement,
    ScriptItem,
    Visit,
)
from interview_tui.store.records import TABLES
from interview_tui.store.store import Store
from interview_tui.team.merge import canonical_log
from interview_tui.team.privacy import shares_captured, shares_customer, shares_note, shares_visit
from interview_tui.team.record_file import path_for

#: the kinds of shared record and their models (references in the files are uids of these)
MODELS: dict[str, type[Record]] = {
    "customer": Customer,
    "person": Person,
    "visit": Visit,
    "requirement": Requirement,
    "commitment": Commitment,
}


def _iso(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def history_entries(uid: str, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """History entries with an id each: entries saved before ids existed are named by
    their position, which is the same on every copy of the record."""
    named = []
    for n, entry in enumerate(entries):
        if "id" not in entry:
            entry = {**entry, "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{uid}/{n}"))}
        named.append(entry)
    return named


def customer_record(customer: Customer) -> dict[str, Any]:
    return {
        "uid": customer.uid,
        "name": customer.name,
        "industry": customer.industry,
        "notes": customer.notes,
        "archived_at": _iso(customer.archived_at),
        "same_as": sorted(customer.same_as),
    }


def person_record(person: Person, customer_uid: str) -> dict[str, Any]:
    return {
        "uid": person.uid,
        "customer": customer_uid,
        "name": person.name,
        "title": person.title,
        "role": person.role.value,
        "email": person.email,
        "phone": person.phone,
        "contact": person.contact,
        "archived_at": _iso(person.archived_at),
    }


def question_entry(item: ScriptItem) -> dict[str, Any]:
    """A question of the visit's script (its rehearsal timing stays on the laptop)."""
    return {
        "id": item.uid,
        "text": item.text,
        "role": item.role.value,
        "goal": item.goal.value,
        "position": item.position,
        "status": item.status.value,
        "bank_question_id": item.bank_question_id,
    }


def note_entry(
    note: Note, item_uids: Mapping[int, str], people: Mapping[int, str]
) -> dict[str, Any]:
    return {
        "id": note.uid,
        "at": _iso(note.created_at),
        "by": note.author,
        "question": item_uids.get(note.script_item_id or 0),
        "speaker": people.get(note.speaker_id or 0),
        "goal": note.goal.value if note.goal else None,
        "text": note.text,
        "internal": note.internal,
        "kind": note.kind,
        "action": note.action,
    }


def visit_record(
    visit: Visit,
    customer_uid: str,
    people: Mapping[int, str],
    script: list[ScriptItem],
    notes: list[Note],
) -> dict[str, Any]:
    """A shared visit with its questions and its shared notes (never its rehearsal)."""
    item_uids = {item.id or 0: item.uid for item in script}
    return {
        "uid": visit.uid,
        "customer": customer_uid,
        "author": visit.author,
        "date": _iso(visit.date),
        "length_minutes": visit.length_minutes,
        "purpose": visit.purpose,
        "goals": sorted(goal.value for goal in visit.goals),
        "attendees": sorted(people[i] for i in visit.attendee_ids if i in people),
        "give_back": visit.give_back,
        "sales_told": visit.sales_told,
        "do_not_say": visit.do_not_say,
        "may_promise": visit.may_promise,
        "must_not_promise": visit.must_not_promise,
        "product_brief": visit.product_brief,
        "status": visit.status.value,
        "next_step": visit.next_step,
        "archived_at": _iso(visit.archived_at),
        "shared_at": _iso(visit.shared_at),
        "questions": canonical_log([question_entry(item) for item in script]),
        "notes": canonical_log([note_entry(n, item_uids, people) for n in notes if shares_note(n)]),
    }


def requirement_record(r: Requirement, customer_uid: str, visit_uid: str | None) -> dict[str, Any]:
    data = r.model_dump(
        mode="json",
        exclude={"id", "customer_id", "visit_id", "created_at", "history", "solutions"},
    )
    solutions = []
    for proposal in r.solutions:
        entry = proposal.model_dump(mode="json", exclude={"uid", "on", "replies"})
        entry.update(id=proposal.uid, at=_iso(proposal.on), by=proposal.author)
        entry["replies"] = canonical_log(
            [
                {
                    **reply.model_dump(mode="json", exclude={"uid", "on"}),
                    "id": reply.uid,
                    "at": _iso(reply.on),
                    "by": reply.author,
                }
                for reply in proposal.replies
            ]
        )
        solutions.append(entry)
    data.update(
        customer=customer_uid,
        visit=visit_uid,
        created=_iso(r.created_at),
        history=canonical_log(history_entries(r.uid, r.history)),
        solutions=canonical_log(solutions),
    )
    return data


def commitment_record(c: Commitment, visit_uid: str, pain_uid: str | None) -> dict[str, Any]:
    data = c.model_dump(
        mode="json", exclude={"id", "visit_id", "created_at", "history", "pain_note_id"}
    )
    data.update(
        visit=visit_uid,
        created=_iso(c.created_at),
        history=canonical_log(history_entries(c.uid, c.history)),
        pain_note=pain_uid,
    )
    return data


@dataclass(frozen=True)
class Shared:
    """One record to write: its path in the repository, its kind and its fields."""

    path: str
    kind: str
    record: dict[str, Any]


def shared_records(store: Store, team: str) -> Iterator[Shared]:
    """Every record this laptop shares with ``team``: :func:`changed_records` over every
    record, so one filter decides both (a first export, a check that SQLite and the team
    agree)."""
    every = {
        kind: {row["uid"] for row in store.query(f"SELECT uid FROM {TABLES[model]}")}
        for kind, model in MODELS.items()
    }
    return changed_records(store, team, every)


def changed_records(store: Store, team: str, pending: dict[str, set[str]]) -> Iterator[Shared]:
    """The records among ``pending`` (kind -> uids, from the outbox) that this laptop shares
    with ``team``, through the same privacy filter as :func:`shared_records`."""
    customers: dict[int, Customer | None] = {}

    def customer_of(customer_id: int) -> Customer | None:
        if customer_id not in customers:
            found = store.get(Customer, customer_id)
            customers[customer_id] = found if found and shares_customer(found, team) else None
        return customers[customer_id]

    visits: dict[int, Visit | None] = {}

    def shared_visit(visit_id: int | None) -> Visit | None:
        if not visit_id:
            return None
        if visit_id not in visits:
            visit = store.get(Visit, visit_id)
            ok = (
                visit is not None
                and shares_visit(visit)
                and customer_of(visit.customer_id) is not None
            )
            visits[visit_id] = visit if ok else None
        return visits[visit_id]

    for customer in _by_uids(store, Customer, pending.get("customer", set())):
        if shares_customer(customer, team):
            yield Shared(path_for("customer", customer.uid), "customer", customer_record(customer))
    for person in _by_uids(store, Person, pending.get("person", set())):
        if (owner := customer_of(person.customer_id)) is not None:
            yield Shared(path_for("person", person.uid), "person", person_record(person, owner.uid))
    for visit in _by_uids(store, Visit, pending.get("visit", set())):
        if (owner := customer_of(visit.customer_id)) is None or not shares_visit(visit):
            continue
        people = {p.id or 0: p.uid for p in store.people(owner.id or 0)}
        record = visit_record(
            visit, owner.uid, people, store.script(visit.id or 0), store.notes(visit.id or 0)
        )
        yield Shared(path_for("visit", visit.uid, visit.date.year), "visit", record)
    for r in _by_uids(store, Requirement, pending.get("requirement", set())):
        owner = customer_of(r.customer_id)
        visit = shared_visit(r.visit_id)
        if owner is None or not shares_captured(r.visit_id, visit is not None):
            continue
        record = requirement_record(r, owner.uid, visit.uid if visit else None)
        yield Shared(path_for("requirement", r.uid), "requirement", record)
    for c in _by_uids(store, Commitment, pending.get("commitment", set())):
        if (visit := shared_visit(c.visit_id)) is None:
            continue
        pain = store.get(Note, c.pain_note_id) if c.pain_note_id else None
        pain_uid = pain.uid if pain is not None and shares_note(pain) else None
        yield Shared(
            path_for("commitment", c.uid), "commitment", commitment_record(c, visit.uid, pain_uid)
        )


def _by_uids(store: Store, model: type, uids: set[str]) -> list[Any]:
    found: list[Any] = []
    ordered = sorted(uids)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start : start + 500]
        found += store.all(model, f"uid IN ({', '.join('?' * len(chunk))})", chunk)
    return found
