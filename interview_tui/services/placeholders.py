"""The placeholders of a visit's script, and filling them once for the whole visit.

Bank questions carry ``<name>`` where a fact about the account belongs (see
:mod:`interview_tui.banks.placeholders`). The plan lists the names still unfilled, with how
many questions name each; one value given here replaces that name in every question of the
script (text, research, purpose, follow-ups) and in the visit's customer questions, so the
script read aloud, the rehearsal cards, the live screen and every export carry it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from interview_tui.banks.placeholders import PLACEHOLDER, fill, names
from interview_tui.domain.models import CustomerQuestion, ScriptItem
from interview_tui.errors import FieldError
from interview_tui.i18n import t
from interview_tui.store.store import Store


def _texts(record: ScriptItem | CustomerQuestion) -> list[str]:
    if isinstance(record, ScriptItem):
        return [record.text, record.research, record.purpose, *record.follow_ups]
    return [record.text, record.answer]


def unfilled(records: Iterable[ScriptItem | CustomerQuestion]) -> dict[str, int]:
    """Each placeholder name still in ``records``, with the number of records naming it, in
    the order the names first appear."""
    counts: dict[str, int] = {}
    for record in records:
        for name in names(*_texts(record)):
            counts[name] = counts.get(name, 0) + 1
    return counts


def _filled(record: ScriptItem | CustomerQuestion, values: Mapping[str, str]) -> bool:
    """Fill ``record`` in place; whether anything changed."""
    before = _texts(record)
    if isinstance(record, ScriptItem):
        record.text = fill(record.text, values)
        record.research = fill(record.research, values)
        record.purpose = fill(record.purpose, values)
        record.follow_ups = [fill(follow_up, values) for follow_up in record.follow_ups]
    else:
        record.text = fill(record.text, values)
        record.answer = fill(record.answer, values)
    return _texts(record) != before


def fill_visit(
    store: Store, visit_id: int, values: Mapping[str, str]
) -> tuple[list[ScriptItem], list[CustomerQuestion]]:
    """Put each non-blank value in every question of the visit that names it; returns the
    script and the customer questions as stored. A value holding ``<`` or ``>`` is refused
    (it would read as a placeholder again)."""
    clean = {name: " ".join(value.split()) for name, value in values.items()}
    for name, value in clean.items():
        if "<" in value or ">" in value or PLACEHOLDER.search(value):
            raise FieldError(name, t("placeholder.no_brackets", name=name, value=value))
    clean = {name: value for name, value in clean.items() if value}
    with store.transaction():
        items = store.script(visit_id)
        questions = store.all(CustomerQuestion, "visit_id = ?", [visit_id])
        asked: list[ScriptItem | CustomerQuestion] = [*items, *questions]
        changed = [r for r in asked if _filled(r, clean)]
        if changed:
            store.save_all(changed)
    return store.script(visit_id), store.all(CustomerQuestion, "visit_id = ?", [visit_id])


def mark_template() -> str:
    """How an unfilled placeholder is written for a reader, in the interface's language."""
    return t("placeholder.mark", name="{name}")


def marked(text: str) -> str:
    """``text`` with each unfilled ``<name>`` marked as a gap (``[fill in: name]``): what the
    live screen, the rehearsal and every export show instead of a raw placeholder."""
    from interview_tui.banks.placeholders import mark

    return mark(text, mark_template())
