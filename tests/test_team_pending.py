"""The team line's "to send" counts what the next sync sends: a change to a visit that is
not shared, or to a customer outside the team, waits in the outbox but never leaves the
laptop, so it is not counted. The count (SQL, no records read) is held to the export's own
filter over random changes."""

from __future__ import annotations

import random

import pytest

from interview_tui.domain.enums import Goal, Role
from interview_tui.domain.models import Commitment, Customer, Note, Person, Requirement, Visit
from interview_tui.team.actions import share_visit
from interview_tui.team.records import changed_records
from interview_tui.team.standing import standing
from interview_tui.team.sync import clear_outbox, read_outbox
from tests.conftest import FIXED_NOW
from tests.test_team_line import DONE_VISIT, in_team


def _sent(store) -> int:
    pending, _top = read_outbox(store)
    return len(list(changed_records(store, "platform", pending)))


def _to_send(store) -> int:
    found = standing(store)
    assert found is not None
    return found.pending


def test_changes_to_a_visit_not_shared_are_not_counted(demo_store, tmp_path) -> None:
    in_team(demo_store, tmp_path)
    share_visit(demo_store, DONE_VISIT, FIXED_NOW)
    clear_outbox(demo_store, read_outbox(demo_store)[1])  # as a sync would
    assert _to_send(demo_store) == 0
    other = next(v for v in demo_store.all(Visit) if v.id != DONE_VISIT and not v.shared_at)
    demo_store.save(Note(visit_id=other.id or 0, text="ZZDRAFT never leaves"))
    assert _to_send(demo_store) == 0 == _sent(demo_store)
    demo_store.save(Note(visit_id=DONE_VISIT, text="ZZSHARED goes"))
    assert _to_send(demo_store) == 1 == _sent(demo_store)


def test_a_private_or_personal_note_is_not_a_change_to_send(demo_store, tmp_path) -> None:
    """The line said "1 to send" for a note marked private, and the sync sent nothing."""
    in_team(demo_store, tmp_path)
    share_visit(demo_store, DONE_VISIT, FIXED_NOW)
    clear_outbox(demo_store, read_outbox(demo_store)[1])
    mine = demo_store.save(Note(visit_id=DONE_VISIT, text="ZZMINE", private=True))
    demo_store.save(Note(visit_id=DONE_VISIT, text="runs", goal=Goal.PERSONAL_CONNECTION))
    demo_store.save(mine.model_copy(update={"text": "ZZMINE, changed"}))
    assert _to_send(demo_store) == 0
    shared = demo_store.save(mine.model_copy(update={"text": "ZZMINE", "private": False}))
    assert _to_send(demo_store) == 1  # shared now: the visit's file changes
    clear_outbox(demo_store, read_outbox(demo_store)[1])
    demo_store.save(shared.model_copy(update={"private": True}))
    assert _to_send(demo_store) == 1  # private again: the file drops it


@pytest.mark.parametrize("seed", range(6))
def test_the_count_is_what_a_sync_sends(demo_store, tmp_path, seed) -> None:
    in_team(demo_store, tmp_path)
    pick = random.Random(seed)
    store = demo_store
    outsider = store.save(Customer(name=f"ZZOUT{seed}"))
    held_back = 0  # steps where the outbox held a change that never leaves
    for step in range(30):
        move = pick.randrange(8)
        visits = store.all(Visit)
        if move == 0:
            share_visit(store, pick.choice(visits).id or 0, FIXED_NOW)
        elif move == 1:
            kept = pick.random() < 0.4
            store.save(
                Note(visit_id=pick.choice(visits).id or 0, text=f"ZZ{seed}-{step}", private=kept)
            )
        elif move == 2 and (requirements := store.all(Requirement)):
            r = pick.choice(requirements)
            store.save(r.model_copy(update={"title": f"{r.title} ZZ{step}"}))
        elif move == 3 and (commitments := store.all(Commitment)):
            c = pick.choice(commitments)
            store.save(c.model_copy(update={"text": f"{c.text} ZZ{step}"}))
        elif move == 4:
            customer = pick.choice(store.all(Customer))
            store.save(customer.model_copy(update={"notes": f"ZZ{step}"}))
        elif move == 5:
            customer = pick.choice([outsider, *store.all(Customer)])
            store.save(Person(customer_id=customer.id or 0, name=f"ZZ{step}", role=Role.BUSINESS))
        elif move == 6:
            customer = pick.choice(store.all(Customer))
            store.save(Requirement(customer_id=customer.id or 0, title=f"ZZ outside {step}"))
        elif pick.random() < 0.3:
            clear_outbox(store, read_outbox(store)[1])
        assert _to_send(store) == _sent(store), f"seed {seed}, step {step}, move {move}"
        outbox = store.query("SELECT count(*) AS n FROM team_outbox")[0]["n"]
        held_back += outbox > _to_send(store)
    assert held_back  # the walk reached the case the count must leave out
