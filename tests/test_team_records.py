"""What leaves the laptop: shared records through the one privacy filter, as stable bytes."""

from __future__ import annotations

from datetime import datetime

from interview_tui.domain.enums import Goal
from interview_tui.domain.models import Customer, Note, Visit
from interview_tui.team.record_file import dumps
from interview_tui.team.records import shared_records

TEAM = "platform-team"


def _share(store) -> tuple[Customer, Visit, Visit]:
    customer = store.all(Customer)[0]
    customer.team = TEAM
    store.save(customer)
    shared, draft = store.visits(customer.id)[:2]
    shared.shared_at = datetime(2026, 11, 20, 9, 0)
    shared.rehearsal = {"REHEARSAL-CANARY": 1}
    store.save(shared)
    return customer, shared, draft


def _everything(store) -> bytes:
    return b"".join(dumps(s.record) for s in shared_records(store, TEAM))


def test_private_personal_draft_and_rehearsal_text_never_leaves(demo_store) -> None:
    _, shared, draft = _share(demo_store)
    canaries = {
        "PRIVATE-CANARY": Note(visit_id=shared.id, text="PRIVATE-CANARY", private=True),
        "PERSONAL-CANARY": Note(
            visit_id=shared.id, text="PERSONAL-CANARY", goal=Goal.PERSONAL_CONNECTION
        ),
        "DRAFT-CANARY": Note(visit_id=draft.id, text="DRAFT-CANARY"),
    }
    for note in canaries.values():
        demo_store.save(note)
    demo_store.save(Note(visit_id=shared.id, text="SHARED-TOKEN", internal=True))
    data = _everything(demo_store)
    for canary in [*canaries, "REHEARSAL-CANARY", "seconds_rehearsed"]:
        assert canary.encode() not in data, canary
    assert b"SHARED-TOKEN" in data  # internal means "not for the customer": the team sees it


def test_nothing_of_a_customer_outside_the_team_leaves(demo_store) -> None:
    customer, _, _ = _share(demo_store)
    others = [c for c in demo_store.all(Customer) if c.id != customer.id]
    assert others and all(c.name.encode() not in _everything(demo_store) for c in others)


def test_an_unchanged_store_gives_the_same_bytes(demo_store) -> None:
    _share(demo_store)
    first = {s.path: dumps(s.record) for s in shared_records(demo_store, TEAM)}
    assert first == {s.path: dumps(s.record) for s in shared_records(demo_store, TEAM)}
    assert any(path.startswith("visits/2026/") for path in first)
    assert all(b"updated_at" not in data for data in first.values())
