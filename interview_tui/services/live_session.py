"""The live meeting's state and every write it makes, without any UI.

Notes are saved as they are typed: the screen calls :meth:`LiveSession.type` on every
change and :meth:`LiveSession.flush` at most a fraction of a second later, so whatever was
typed more than a second before the process dies is in the database. Each note is its own
row, updated by id, so two windows on one visit never overwrite each other's notes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from concurrent.futures import Executor, Future
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date, datetime

from interview_tui.domain.enums import Goal, ItemStatus, OwnerSide, Role, VisitStatus
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
from interview_tui.services.authority import flags_beyond_authority
from interview_tui.store.store import Store

STARTED_KEY = "live.started.{visit_id}"


@dataclass
class LiveSession:
    """One visit in the meeting: its script, notes, and what was captured."""

    store: Store
    visit: Visit
    customer: Customer
    attendees: list[Person]
    items: list[ScriptItem]
    notes: dict[int | None, Note] = field(default_factory=dict)  # by script item id
    requirements: list[Requirement] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    pains: list[Note] = field(default_factory=list)
    goal_counts: Counter[Goal] = field(default_factory=Counter)
    started_at: datetime | None = None
    #: one worker thread that writes in order, off the UI thread; ``None`` writes inline
    writer: Executor | None = None
    #: called (in the writer thread) with the error and the records a failed write held
    on_write_error: Callable[[Exception, tuple[Record, ...]], None] | None = None
    _dirty: set[int | None] = field(default_factory=set)

    # -- opening ----------------------------------------------------------------------------

    @classmethod
    def open(cls, store: Store, visit_id: int, now: datetime) -> LiveSession:
        """Load the visit and make it live (a done visit stays done)."""
        from interview_tui.errors import UserError

        visit = store.get(Visit, visit_id)
        if visit is None:
            raise UserError(f"no visit with id {visit_id}")
        customer = store.get(Customer, visit.customer_id)
        assert customer is not None
        people = {person.id: person for person in store.people(visit.customer_id)}
        attendees = [people[i] for i in visit.attendee_ids if i in people] or list(people.values())
        session = cls(store, visit, customer, attendees, store.script(visit_id))
        for note in store.notes(visit_id):
            if note.kind == "pain":
                session.pains.append(note)
            else:
                session.notes.setdefault(note.script_item_id, note)
            if note.goal is not None and note.text.strip():
                session.goal_counts[note.goal] += 1
        session.requirements = store.requirements(visit_id=visit_id)
        session.commitments = store.commitments(visit_id)
        key = STARTED_KEY.format(visit_id=visit_id)
        with store.transaction():
            if visit.status in (VisitStatus.PLANNED, VisitStatus.REHEARSED):
                visit.status = VisitStatus.LIVE
                store.save(visit)
            if store.meta(key) is None:
                store.set_meta(key, now.replace(microsecond=0).isoformat())
        session.started_at = datetime.fromisoformat(store.meta(key) or now.isoformat())
        return session

    # -- notes ------------------------------------------------------------------------------

    def note_for(self, item: ScriptItem | None) -> Note:
        """The note for a question (or the free note), created in memory when first needed."""
        item_id = item.id if item else None
        note = self.notes.get(item_id)
        if note is None:
            goal = item.goal if item else None
            note = Note(visit_id=self.visit.id or 0, script_item_id=item_id, goal=goal)
            self.notes[item_id] = note
        return note

    def type(self, item: ScriptItem | None, text: str) -> None:
        """The editor's text changed; it is saved by the next :meth:`flush`."""
        note = self.note_for(item)
        had_text = bool(note.text.strip())
        note.text = text
        if note.goal is not None and had_text != bool(text.strip()):
            self.goal_counts[note.goal] += 1 if text.strip() else -1
        self._dirty.add(item.id if item else None)

    @property
    def dirty(self) -> bool:
        return bool(self._dirty)

    def _write(self, *records: Record) -> None:
        """Save in the writer thread (in submission order), or inline without one."""
        try:
            future = self.writer.submit(self.store.save_all, records) if self.writer else None
        except RuntimeError:  # the writer was shut down with the screen: write inline
            future = None
        if future is None:
            self.store.save_all(records)
            return
        future.add_done_callback(lambda done: self._written(done, records))

    def _written(self, done: Future, records: tuple[Record, ...]) -> None:
        error = done.exception()
        if error is not None and self.on_write_error is not None:
            self.on_write_error(error, records)

    def mark_unsaved(self, records: tuple[Record, ...]) -> None:
        """A write failed: its notes are written again by the next flush."""
        for record in records:
            if isinstance(record, Note) and record.kind == "note":
                self._dirty.add(record.script_item_id)

    def wait_written(self, timeout: float = 10) -> None:
        """Block until every write handed to the writer so far is done."""
        if self.writer is not None:
            # a writer that was shut down finished everything before it stopped
            with suppress(RuntimeError):
                self.writer.submit(lambda: None).result(timeout)

    def flush(self) -> list[ScriptItem]:
        """Write every changed note, and mark questions with a note as asked.

        Returns the questions that just became asked.
        """
        if not self._dirty:
            return []
        notes = [self.notes[key] for key in self._dirty]
        self._dirty.clear()
        asked = []
        for item in self.items:
            note = self.notes.get(item.id)
            if note and note.text.strip() and item.status is ItemStatus.PENDING:
                item.status = ItemStatus.ASKED
                asked.append(item)
        self._write(*notes, *asked)
        return asked

    def tag_goal(self, item: ScriptItem | None, goal: Goal | None) -> Note:
        note = self.note_for(item)
        if note.text.strip():
            if note.goal is not None:
                self.goal_counts[note.goal] -= 1
            if goal is not None:
                self.goal_counts[goal] += 1
        note.goal = goal
        self._save_note(note)
        return note

    def set_speaker(self, item: ScriptItem | None, person_id: int | None) -> Note:
        note = self.note_for(item)
        note.speaker_id = person_id
        self._save_note(note)
        return note

    def toggle_internal(self, item: ScriptItem | None) -> Note:
        note = self.note_for(item)
        note.internal = not note.internal
        self._save_note(note)
        return note

    def _save_note(self, note: Note) -> None:
        self._dirty.discard(note.script_item_id)
        self._write(note)

    # -- the script -------------------------------------------------------------------------

    def set_status(self, item: ScriptItem, status: ItemStatus) -> None:
        item.status = status
        self._write(item)

    def add_question(self, text: str, role: Role, goal: Goal) -> ScriptItem:
        """An ad-hoc question, appended to the script."""
        position = max((item.position for item in self.items), default=0) + 1
        item = ScriptItem(visit_id=self.visit.id or 0, role=role, goal=goal, text=text.strip(),
                          position=position)  # fmt: skip
        self._write(item)
        self.items.append(item)
        return item

    # -- capture ----------------------------------------------------------------------------

    def beyond_authority(self, text: str) -> list[str]:
        return flags_beyond_authority(text, self.visit.must_not_promise, self.visit.may_promise)

    def add_commitment(self, text: str, owner_side: OwnerSide, owner_name: str,
                       due: date | None) -> Commitment:  # fmt: skip
        commitment = Commitment(
            visit_id=self.visit.id or 0, text=text.strip(), owner_side=owner_side,
            owner_name=owner_name.strip(), due=due,
            within_authority=not (owner_side is OwnerSide.US and self.beyond_authority(text)),
        )  # fmt: skip
        self._write(commitment)
        self.commitments.append(commitment)
        return commitment

    def add_requirement(self, **fields: str) -> Requirement:
        requirement = Requirement(customer_id=self.customer.id or 0, visit_id=self.visit.id,
                                  **{k: v.strip() for k, v in fields.items()})  # fmt: skip
        self._write(requirement)
        self.requirements.append(requirement)
        return requirement

    def add_pain(self, text: str, action: str, item: ScriptItem | None) -> Note:
        """A pain point with the action we will take: a plan, not an apology."""
        note = Note(visit_id=self.visit.id or 0, script_item_id=item.id if item else None,
                    goal=Goal.PAIN_POINTS, text=text.strip(), action=action.strip(),
                    kind="pain")  # fmt: skip
        self._write(note)
        self.pains.append(note)
        self.goal_counts[Goal.PAIN_POINTS] += 1
        return note

    # -- the end ----------------------------------------------------------------------------

    def set_next_step(self, next_step: str, *, end: bool) -> None:
        """Record the agreed next step; ``end`` closes the meeting (status done)."""
        self.flush()
        self.visit.next_step = next_step.strip()
        if end:
            self.visit.status = VisitStatus.DONE
        self._write(self.visit)

    def elapsed_minutes(self, now: datetime) -> float:
        if self.started_at is None:
            return 0.0
        return max(0.0, (now - self.started_at).total_seconds() / 60)

    def gaps(self) -> list[Goal]:
        """Goals chosen for this visit that still have no evidence."""
        return [goal for goal in self.visit.goals if self.goal_counts[goal] <= 0]
