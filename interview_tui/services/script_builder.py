"""The per-visit script: copies of bank questions (the bank never changes) and one's own."""

from __future__ import annotations

from dataclasses import dataclass

from interview_tui.banks.schema import BankQuestion
from interview_tui.domain.enums import Goal, ItemStatus, Role
from interview_tui.domain.models import ScriptItem
from interview_tui.errors import UserError
from interview_tui.store.store import Store


class AlreadyInScript(UserError):
    """The bank question is in this visit's script already; ``item`` is the copy there."""

    def __init__(self, item: ScriptItem) -> None:
        from interview_tui.i18n import t

        super().__init__(t("plan.already_in_script", text=item.text))
        self.item = item


def add_from_bank(
    store: Store, visit_id: int, question: BankQuestion, items: list[ScriptItem]
) -> ScriptItem:
    """Append a copy of ``question``; editing the copy never touches the bank. A bank
    question is in a visit's script at most once (the stored script is checked, so two
    quick adds of one question add it once): :class:`AlreadyInScript` otherwise."""
    stored = store.script(visit_id)
    if there := next((i for i in stored if i.bank_question_id == question.id), None):
        raise AlreadyInScript(there)
    item = ScriptItem(
        visit_id=visit_id,
        bank_question_id=question.id,
        role=question.role,
        goal=question.goal,
        text=question.text,
        research=question.research,
        purpose=question.purpose,
        follow_ups=list(question.follow_ups),
        accepted_findings=list(question.allow),
        position=_next_position([*stored, *items]),
    )
    store.save(item)
    items.append(item)
    return item


def add_own(
    store: Store, visit_id: int, text: str, role: Role, goal: Goal, items: list[ScriptItem]
) -> ScriptItem:
    item = ScriptItem(
        visit_id=visit_id, role=role, goal=goal, text=text.strip(), position=_next_position(items)
    )
    store.save(item)
    items.append(item)
    return item


def move(store: Store, items: list[ScriptItem], index: int, delta: int) -> int:
    """Swap an item with its neighbour; returns its new index (positions renumbered)."""
    target = index + delta
    if not (0 <= index < len(items) and 0 <= target < len(items)):
        return index
    items[index], items[target] = items[target], items[index]
    for position, item in enumerate(items):
        item.position = position
    store.save_all(items)
    return target


@dataclass(frozen=True)
class Removed:
    """A question taken out of the script, as it was, and the notes that were under it
    (they stay, as free notes): what :func:`restore` puts back."""

    item: ScriptItem
    note_ids: tuple[int, ...] = ()


def remove(store: Store, items: list[ScriptItem], index: int) -> Removed:
    """Take the question at ``index`` out (its notes stay, as free notes)."""
    item = items.pop(index)
    if item.id is None:
        return Removed(item)
    with store.transaction():
        rows = store.query("SELECT id FROM notes WHERE script_item_id = ?", [item.id])
        store.delete(ScriptItem, item.id)
    return Removed(item, tuple(int(row["id"]) for row in rows))


def restore(store: Store, removed: Removed) -> ScriptItem:
    """Put a removed question back where it was (its place, its words, its notes under it
    again): ``ctrl+z`` in the plan."""
    with store.transaction():
        back = removed.item.model_copy(deep=True)
        if back.id is not None and store.get(ScriptItem, back.id) is not None:
            back.id = None  # its id went to a question added since: a new one, at its place
        item = store.save(back)  # its own id again: it sorts where it was
        for note_id in removed.note_ids:
            store.db.execute(
                "UPDATE notes SET script_item_id = ? WHERE id = ? AND script_item_id IS NULL",
                [item.id, note_id],
            )
    return item


def _next_position(items: list[ScriptItem]) -> int:
    return max((item.position for item in items), default=-1) + 1


def not_asked(items: list[ScriptItem]) -> list[ScriptItem]:
    """Planned questions that were skipped or never reached, in script order."""
    return [item for item in items if item.status is not ItemStatus.ASKED]


def previous_visit(store: Store, visit_id: int) -> int | None:
    """The customer's visit before this one (the latest earlier one), if any."""
    rows = store.query(
        "SELECT p.id FROM visits v JOIN visits p ON p.customer_id = v.customer_id"
        " WHERE v.id = ? AND p.id != v.id AND p.date < v.date AND p.archived_at IS NULL"
        " ORDER BY p.date DESC, p.id DESC LIMIT 1",
        [visit_id],
    )
    return int(rows[0]["id"]) if rows else None


@dataclass(frozen=True, slots=True)
class Carried:
    """What :func:`carry_over` did: the copies it added, and how many questions the previous
    visit left unasked (more than the copies: the others were in the script already)."""

    added: list[ScriptItem]
    unasked: int


def carry_over(store: Store, visit_id: int, items: list[ScriptItem]) -> Carried:
    """Copy the questions the customer's previous visit did not ask into this script (once:
    a question already here, by text or as the same bank question, is not added again)."""
    previous = previous_visit(store, visit_id)
    if previous is None:
        return Carried([], 0)
    have = {" ".join(item.text.split()).casefold() for item in items}
    from_bank = {item.bank_question_id for item in items if item.bank_question_id}
    added = []
    left = not_asked(store.script(previous))
    for old in left:
        if " ".join(old.text.split()).casefold() in have or old.bank_question_id in from_bank:
            continue
        item = ScriptItem(
            visit_id=visit_id,
            bank_question_id=old.bank_question_id,
            role=old.role,
            goal=old.goal,
            text=old.text,
            research=old.research,
            purpose=old.purpose,
            follow_ups=list(old.follow_ups),
            accepted_findings=list(old.accepted_findings),
            position=_next_position(items),
        )
        store.save(item)
        items.append(item)
        added.append(item)
    return Carried(added, len(left))
