"""The live meeting's state and every write it makes, without any UI.

Notes are saved as they are typed: the screen calls :meth:`LiveSession.type` on every
change and :meth:`LiveSession.flush` at most a fraction of a second later, so whatever was
typed more than a second before the process dies is in the database. Each note is its own
row, updated by id, so two windows on one visit never overwrite each other's notes.

A question holds several notes (one per voice: each with its speaker, goal and internal
flag); the free notes (no question) are always there. Records are linked to each other
(a note to an ad-hoc question, a commitment to the pain it answers) by object, and the
link becomes an id in the writer thread, after the record it points to is saved: a
question added while the database is busy keeps its notes.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from uuid import uuid4

from interview_tui.domain import lifecycle
from interview_tui.domain.enums import (
    Goal,
    ItemStatus,
    OwnerSide,
    Role,
    SolutionAnswer,
    VisitStatus,
)
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
from interview_tui.i18n import t
from interview_tui.services import solutions
from interview_tui.services.evidence import evidence_counts
from interview_tui.services.live_windows import LiveWindow
from interview_tui.store.store import Store

STARTED_KEY = "live.started.{visit_id}"
#: where the meeting was left: the view (the customer's or ours) and the question
PLACE_KEY = "live.place.{visit_id}"
#: the key of the free notes (notes under no question)
FREE = 0


class LinkPending(RuntimeError):
    """A record points to one whose own write has not succeeded yet."""


def _key(item: ScriptItem | None) -> int:
    """Notes are filed by the question object: an ad-hoc question has no id until saved."""
    return FREE if item is None else id(item)


def _apply_override(commitment: Commitment, override: str, today: date) -> None:
    """Record why ``commitment`` stands beyond the plan's limits (see authority)."""
    from interview_tui.services.authority import apply_override

    apply_override(commitment, override, today)


@dataclass
class LiveSession:
    """One visit in the meeting: its script, notes, and what was captured."""

    store: Store
    visit: Visit
    customer: Customer
    attendees: list[Person]
    items: list[ScriptItem]
    #: the notes of each question (and of the free notes, key ``FREE``), oldest first
    voices: dict[int, list[Note]] = field(default_factory=dict)
    #: which note of each question is being written
    current: dict[int, int] = field(default_factory=dict)
    requirements: list[Requirement] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    pains: list[Note] = field(default_factory=list)
    goal_counts: Counter[Goal] = field(default_factory=Counter)
    started_at: datetime | None = None
    #: where the meeting was left (``customer_view``, ``item``: a question's id, ``None``
    #: the free notes), as :meth:`remember_place` wrote it; empty when never left
    place: dict[str, Any] = field(default_factory=dict)
    #: the team's last sync as the session opened (a sync waits for the meeting's end):
    #: a note of a shared visit written before it has reached the team already
    synced_at: datetime | None = None
    #: one worker thread that writes in order, off the UI thread; ``None`` writes inline
    writer: Executor | None = None
    #: called (in the writer thread) with the error and the records a failed write held
    on_write_error: Callable[[Exception, tuple[Record, ...]], None] | None = None
    #: this window's row among the visit's live windows (``None``: not registered)
    window: LiveWindow | None = None
    #: called (in the writer thread) with (this window's note, the other window's) for each
    #: note another window had changed meanwhile: this one was saved as a note of its own
    on_kept_both: Callable[[list[tuple[Note, Note]]], None] | None = None
    #: the text each note (by object) had in the database when this window last read or
    #: wrote it: a save over different stored text would drop another window's words
    _seen: dict[int, str] = field(default_factory=dict)
    _dirty: dict[int, Note] = field(default_factory=dict)
    #: records (not notes) whose write failed, written again first by the next flush
    _retry: list[Record] = field(default_factory=list)
    #: links resolved at write time: id(record) -> (field, the record it points to)
    _links: dict[int, tuple[str, Record]] = field(default_factory=dict)

    # -- opening ----------------------------------------------------------------------------

    @classmethod
    def open(cls, store: Store, visit_id: int, now: datetime) -> LiveSession:
        """Load the visit and make it live (a done visit stays done)."""
        from interview_tui.errors import UserError

        visit = store.get(Visit, visit_id)
        if visit is None:
            raise UserError(t("error.no_visit", id=visit_id))
        customer = store.get(Customer, visit.customer_id)
        assert customer is not None
        people = {person.id: person for person in store.people(visit.customer_id)}
        attendees = [people[i] for i in visit.attendee_ids if i in people] or list(people.values())
        session = cls(store, visit, customer, attendees, store.script(visit_id))
        by_id = {item.id: item for item in session.items}
        store_notes = store.notes(visit_id)
        for note in store_notes:
            if note.kind == "pain":
                session.pains.append(note)
            else:
                item = by_id.get(note.script_item_id)
                session.voices.setdefault(_key(item), []).append(note)
        for key, notes in session.voices.items():
            session.current[key] = len(notes) - 1
            session._seen.update((id(note), note.text) for note in notes)
        session.requirements = store.requirements(visit_id=visit_id)
        session.goal_counts = evidence_counts([*store_notes, *session.requirements])
        session.commitments = store.commitments(visit_id)
        started_key = STARTED_KEY.format(visit_id=visit_id)
        with store.transaction():
            if lifecycle.opens_live(visit.status):
                visit.status = VisitStatus.LIVE
                store.save(visit)
            if store.meta(started_key) is None:
                store.set_meta(started_key, now.replace(microsecond=0).isoformat())
        session.started_at = datetime.fromisoformat(store.meta(started_key) or now.isoformat())
        if visit.shared_at is not None and (synced := store.meta("team.synced_at")):
            session.synced_at = datetime.fromisoformat(synced)
        session.place = _place(store.meta(PLACE_KEY.format(visit_id=visit_id)))
        return session

    def remember_place(self, customer_view: bool, item_id: int | None) -> None:
        """Where the meeting is now, kept for a window opened on it again (after a quit or a
        crash): the customer may still be looking, so the view comes back as it was left.
        Written in order with the notes, and only when it changed."""
        place = {"customer_view": customer_view, "item": item_id}
        if place == self.place:
            return
        self.place = place
        self._in_writer(
            self.store.set_meta, PLACE_KEY.format(visit_id=self.visit.id), json.dumps(place)
        )

    # -- notes ------------------------------------------------------------------------------

    def notes_for(self, item: ScriptItem | None) -> list[Note]:
        """Every note of a question (or of the free notes); at least one, maybe empty."""
        notes = self.voices.setdefault(_key(item), [])
        if not notes:
            notes.append(self._blank(item))
            self.current[_key(item)] = 0
        return notes

    def note_for(self, item: ScriptItem | None) -> Note:
        """The note being written under a question (or in the free notes)."""
        notes = self.notes_for(item)
        index = min(self.current.get(_key(item), len(notes) - 1), len(notes) - 1)
        return notes[index]

    def note_position(self, item: ScriptItem | None) -> tuple[int, int]:
        """Which note of how many is being written (1-based)."""
        notes = self.notes_for(item)
        return notes.index(self.note_for(item)) + 1, len(notes)

    def new_note(self, item: ScriptItem | None) -> Note:
        """Start another voice under the question; an empty note is reused, not doubled."""
        notes = self.notes_for(item)
        if not notes[-1].text.strip():
            self.current[_key(item)] = len(notes) - 1
            return notes[-1]
        note = self._blank(item)
        notes.append(note)
        self.current[_key(item)] = len(notes) - 1
        return note

    def select_note(self, item: ScriptItem | None, step: int) -> Note:
        """Move to the previous (-1) or next (+1) note of the question."""
        notes = self.notes_for(item)
        index = notes.index(self.note_for(item)) + step
        self.current[_key(item)] = max(0, min(index, len(notes) - 1))
        return self.note_for(item)

    def show_note(self, note_id: int) -> tuple[bool, ScriptItem | None]:
        """Make the note with this id the one shown under its question: (found, the
        question, ``None`` for the free notes). A search hit opens the note itself."""
        by_key = {_key(item): item for item in self.items}
        for key, notes in self.voices.items():
            for index, note in enumerate(notes):
                if note.id == note_id:
                    self.current[key] = index
                    return True, by_key.get(key)
        return False, None

    def move_note(
        self, note: Note, to: ScriptItem | None, position: int | None = None
    ) -> tuple[ScriptItem | None, int]:
        """File ``note`` under another question (``None``: the free notes), among its notes
        in the order they were written (or at ``position``); saved by the next flush.
        Returns where it was (question, index), to put it back."""
        here = next(key for key, notes in self.voices.items() if any(n is note for n in notes))
        items = {_key(item): item for item in self.items}
        source = self.voices[here]
        index = next(n for n, other in enumerate(source) if other is note)
        del source[index]
        self.current[here] = max(0, min(self.current.get(here, 0), len(source) - 1))
        target = self.voices.setdefault(_key(to), [])
        target[:] = [n for n in target if n.text.strip() or n.id is not None]  # no blank left
        if position is None:

            def written(n: Note) -> tuple[bool, int]:  # saved ones by id, then unsaved
                return n.id is None, n.id or 0

            position = next(
                (n for n, other in enumerate(target) if written(other) > written(note)), len(target)
            )
        target.insert(min(position, len(target)), note)
        self.current[_key(to)] = target.index(note)
        self._retag(note, items.get(here), to)
        note.script_item_id = to.id if to is not None else None
        self._links.pop(id(note), None)
        if to is not None and to.id is None:  # an ad-hoc question not saved yet
            self._links[id(note)] = ("script_item_id", to)
        self._dirty[id(note)] = note
        return items.get(here), index

    def _retag(self, note: Note, was: ScriptItem | None, to: ScriptItem | None) -> None:
        """A note that had its question's goal takes the goal of the question it moves to
        (the goal panel and the report count it there); a goal the PM tagged it with stays."""
        if note.goal != (was.goal if was is not None else None):
            return
        goal = to.goal if to is not None else None
        if note.text.strip() and goal != note.goal:
            if note.goal is not None:
                self.goal_counts[note.goal] -= 1
            if goal is not None:
                self.goal_counts[goal] += 1
        note.goal = goal

    def _blank(self, item: ScriptItem | None) -> Note:
        note = Note(
            visit_id=self.visit.id or 0,
            script_item_id=item.id if item else None,
            goal=item.goal if item else None,
        )
        if item is not None:
            self._links[id(note)] = ("script_item_id", item)
        return note

    def type(self, item: ScriptItem | None, text: str) -> None:
        """The editor's text changed; it is saved by the next :meth:`flush`."""
        note = self.note_for(item)
        had_text = bool(note.text.strip())
        note.text = text
        if note.goal is not None and had_text != bool(text.strip()):
            self.goal_counts[note.goal] += 1 if text.strip() else -1
        self._dirty[id(note)] = note

    @property
    def dirty(self) -> bool:
        return bool(self._dirty or self._retry)

    def _linked(self, records: tuple[Record, ...]) -> Iterator[Record]:
        """The records, each with its links made ids just before it is saved (in order, so
        the record a link points to is already saved)."""
        for record in records:
            if (link := self._links.get(id(record))) is not None:
                name, target = link
                if target.id is None:  # its write failed: this one waits for the retry
                    raise LinkPending(
                        f"{type(record).__name__} waits for its {type(target).__name__} to be saved"
                    )
                setattr(record, name, target.id)
            yield record

    def _write(self, *records: Record) -> None:
        """Save in the writer thread (in submission order), or inline without one."""
        future = self._in_writer(self._save, records)
        if future is not None:
            future.add_done_callback(lambda done: self._written(done, records))

    def _in_writer(self, write: Callable[..., object], *args: Any) -> Future[object] | None:
        """Run ``write(*args)`` in the writer thread, in submission order; ``None`` when it
        ran here at once (no writer, or one shut down with the screen)."""
        try:
            if self.writer is not None:
                return self.writer.submit(write, *args)
        except RuntimeError:  # the writer was shut down with the screen: write inline
            pass
        write(*args)
        return None

    def _save(self, records: tuple[Record, ...]) -> None:
        """One transaction. A note whose stored text is no longer what this window last saw
        (another window wrote it meanwhile) is saved as a new note under the same question,
        so both texts are kept; the heartbeat of this window is refreshed."""
        kept_both: list[tuple[Note, Note]] = []
        with self.store.transaction():
            for record in records:
                if (
                    isinstance(record, Note)
                    and record.kind == "note"
                    and record.id is not None
                    and id(record) in self._seen
                    and self.store.note_text(record.id) not in (None, self._seen[id(record)])
                ):
                    other = self.store.get(Note, record.id)
                    if other is not None:  # it is: its text was just read in this transaction
                        record.id, record.uid, record.created_at = None, str(uuid4()), None
                        kept_both.append((record, other))
            saved = self.store.save_all(self._linked(records))
            for record in saved:  # as stored: the UI may be changing the text right now
                if isinstance(record, Note) and record.id is not None:
                    self._seen[id(record)] = self.store.note_text(record.id) or ""
            if self.window is not None:
                self.window.beat()
        if kept_both and self.on_kept_both is not None:
            self.on_kept_both(kept_both)

    def keep_other(self, mine: Note, other: Note) -> None:
        """Show the other window's note (kept) just before this window's, now its own."""
        for key, notes in self.voices.items():
            if any(note is mine for note in notes):
                position = next(n for n, note in enumerate(notes) if note is mine)
                notes.insert(position, other)
                if self.current.get(key, 0) >= position:
                    self.current[key] = self.current.get(key, 0) + 1
                self._seen[id(other)] = other.text
                if other.goal is not None and other.text.strip():
                    self.goal_counts[other.goal] += 1
                return

    def heartbeat(self) -> None:
        """Tell other windows this one is still here (through the writer, in order; a
        writer still busy refreshes it with the write it is doing)."""
        if self.window is not None and not getattr(self.writer, "outstanding", 0):
            self._write()

    def leave(self) -> None:
        """This window's row goes, after every write already handed to the writer."""
        window = self.window
        if window is None:
            return
        try:
            if self.writer is not None:
                self.writer.submit(window.leave)
                return
        except RuntimeError:  # the writer has stopped: inline
            pass
        window.leave()

    def _written(self, done: Future[object], records: tuple[Record, ...]) -> None:
        error = done.exception()
        # an Exception is a failed write to show; a BaseException (the interpreter
        # stopping) is not
        if isinstance(error, Exception) and self.on_write_error is not None:
            self.on_write_error(error, records)

    def mark_unsaved(self, records: tuple[Record, ...]) -> None:
        """A write failed: its records are written again by the next flush (notes with
        what they hold by then)."""
        for record in records:
            if isinstance(record, Note) and record.kind == "note":
                self._dirty[id(record)] = record
            elif all(record is not other for other in self._retry):
                self._retry.append(record)

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
        if not self.dirty:
            return []
        notes = list(self._dirty.values())
        retry, self._retry = self._retry, []
        self._dirty.clear()
        asked = []
        for item in self.items:
            noted = any(note.text.strip() for note in self.voices.get(_key(item), ()))
            if noted and item.status is ItemStatus.PENDING:
                item.status = ItemStatus.ASKED
                asked.append(item)
        self._write(*retry, *notes, *asked)
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

    def toggle_private(self, item: ScriptItem | None) -> Note:
        """Private: the note never leaves this laptop from now on (internal notes go to the
        team); see :meth:`reached_the_team` for what went before."""
        note = self.note_for(item)
        note.private = not note.private
        self._save_note(note)
        return note

    def reached_the_team(self, note: Note) -> bool:
        """Whether a note of this shared visit was sent by a sync already (written before
        the last one): made private now, the copy colleagues have stays theirs."""
        return (
            self.synced_at is not None
            and note.created_at is not None
            and note.created_at <= self.synced_at
        )

    def _save_note(self, note: Note) -> None:
        self._dirty.pop(id(note), None)
        self._write(note)

    # -- the script -------------------------------------------------------------------------

    def set_status(self, item: ScriptItem, status: ItemStatus) -> None:
        item.status = status
        self._write(item)

    def add_question(
        self, text: str, role: Role, goal: Goal, follow_ups: Iterable[str] = ()
    ) -> ScriptItem:
        """An ad-hoc question, appended to the script (with the follow-ups to ask after it)."""
        position = max((item.position for item in self.items), default=0) + 1
        item = ScriptItem(
            visit_id=self.visit.id or 0,
            role=role,
            goal=goal,
            text=text.strip(),
            position=position,
            follow_ups=[line.strip() for line in follow_ups if line.strip()],
        )
        self._write(item)
        self.items.append(item)
        return item

    # -- capture ----------------------------------------------------------------------------

    def beyond_authority(self, text: str) -> list[str]:
        """Each limit the text touches, with the words that touch it (for the warning)."""
        from interview_tui.services.authority import authority_flags  # compiles its patterns

        flags = authority_flags(text, self.visit.must_not_promise, self.visit.may_promise)
        return [str(flag) for flag in flags]

    def add_commitment(
        self,
        text: str,
        owner_side: OwnerSide,
        owner_name: str,
        due: date | None,
        *,
        override: str = "",
        today: date | None = None,
    ) -> Commitment:
        """A promise; ``override`` is why it stands although it touches a limit (recorded,
        and shown in the internal report)."""
        commitment = self._commitment(text, owner_side, owner_name, due)
        if override.strip() and not commitment.within_authority:
            _apply_override(commitment, override, today or date.today())
        self._write(commitment)
        self.commitments.append(commitment)
        return commitment

    def _commitment(
        self, text: str, owner_side: OwnerSide, owner_name: str, due: date | None
    ) -> Commitment:
        return Commitment(
            visit_id=self.visit.id or 0,
            text=text.strip(),
            owner_side=owner_side,
            owner_name=owner_name.strip(),
            due=due,
            within_authority=not (owner_side is OwnerSide.US and self.beyond_authority(text)),
        )

    def update_commitment(
        self,
        commitment: Commitment,
        text: str,
        owner_side: OwnerSide,
        owner_name: str,
        due: date | None,
        *,
        override: str = "",
        today: date | None = None,
    ) -> Commitment:
        """Correct a commitment of this meeting (from the read-back); the first due date
        promised is kept, the authority check runs again on the new wording."""
        fresh = self._commitment(text, owner_side, owner_name, due)
        for name in ("text", "owner_side", "owner_name", "due", "within_authority"):
            setattr(commitment, name, getattr(fresh, name))
        if fresh.within_authority:
            commitment.authority_override = ""
        elif override.strip() and override.strip() != commitment.authority_override:
            _apply_override(commitment, override, today or date.today())
        self._write(commitment)
        return commitment

    def add_requirement(
        self,
        *,
        share_plan: bool = False,
        solution: tuple[str, str, SolutionAnswer, str] | None = None,
        **fields: str,
    ) -> Requirement:
        """A requirement as the meeting's dialog holds it: text fields, the schedule
        (``share_plan``: the customer agreed it) and the solution proposed with the
        customer's answer (text, reasoning, answer, reason)."""
        requirement = Requirement.model_validate(
            {
                "customer_id": self.customer.id or 0,
                "visit_id": self.visit.id,
                **{k: v.strip() for k, v in fields.items() if v.strip()},
                "share_plan": share_plan,
            }
        )
        if solution is not None:
            solutions.apply(self.store, requirement, *solution)
        self._write(requirement)
        self.requirements.append(requirement)
        self.goal_counts.update(evidence_counts([requirement]))  # evidence for goal 5
        return requirement

    def update_requirement(
        self,
        requirement: Requirement,
        *,
        share_plan: bool = False,
        solution: tuple[str, str, SolutionAnswer, str] | None = None,
        **fields: str,
    ) -> Requirement:
        """Correct a requirement captured in this meeting (from the read-back): a field left
        blank is cleared; a changed state or date is kept in its history, a changed
        solution is a new proposal (see :func:`solutions.apply`)."""
        from interview_tui.services.requirement_pool import tracked_changes

        before = requirement.model_copy(deep=True)
        for name, value in fields.items():
            blank_date = name in ("latest_acceptable", "planned") and not value.strip()
            setattr(requirement, name, None if blank_date else value.strip())
        requirement.share_plan = share_plan
        if solution is not None:
            solutions.apply(self.store, requirement, *solution)
        changes = tracked_changes(before, requirement, self.store.now().date())
        if changes:
            requirement.history = [*before.history, *changes]
        self._write(requirement)
        return requirement

    def add_pain(
        self,
        text: str,
        action: str,
        item: ScriptItem | None,
        *,
        owner_name: str = "",
        due: date | None = None,
    ) -> tuple[Note, Commitment]:
        """A pain point with the action we will take: a plan, not an apology.

        The action is a promise of ours, so it is also a commitment (owner, due date),
        linked to the pain and shown wherever commitments are.
        """
        note = Note(
            visit_id=self.visit.id or 0,
            script_item_id=item.id if item else None,
            goal=Goal.PAIN_POINTS,
            text=text.strip(),
            action=action.strip(),
            kind="pain",
        )
        if item is not None:
            self._links[id(note)] = ("script_item_id", item)
        commitment = self._commitment(action, OwnerSide.US, owner_name, due)
        self._links[id(commitment)] = ("pain_note_id", note)
        self._write(note, commitment)
        self.pains.append(note)
        self.commitments.append(commitment)
        self.goal_counts[Goal.PAIN_POINTS] += 1
        return note, commitment

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


def _place(stored: str | None) -> dict[str, Any]:
    """The place as :meth:`LiveSession.remember_place` wrote it (anything else: none)."""
    try:
        place = json.loads(stored or "{}")
    except ValueError:
        return {}
    if not isinstance(place, dict) or not place:
        return {}
    item = place.get("item")
    return {
        "customer_view": place.get("customer_view") is True,
        "item": item if isinstance(item, int) else None,
    }
