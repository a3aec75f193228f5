"""What the lists show of the team, and the text filter (``/``) that narrows them.

A row in open team conflict carries the word "conflict" (in the UI's language), not only a
colour. The filter finds a row by what the row shows: each word typed must be found in its
text, its customer, the name of its state or group, or its conflict mark, so typing the
word "conflict" (or "冲突") lists the records to resolve.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from interview_tui.domain.names import display
from interview_tui.i18n import t
from interview_tui.store.store import Store


def conflicts_of(store: Store, kind: str, uids: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """uid -> the fields in open team conflict, for those of ``uids`` that have any."""
    wanted = sorted(set(uids))
    found: dict[str, list[str]] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        for row in store.query(
            "SELECT uid, path FROM team_conflicts WHERE kind = ?"
            f" AND uid IN ({','.join('?' * len(chunk))}) ORDER BY path",
            [kind, *chunk],
        ):
            found.setdefault(row["uid"], []).append(row["path"])
    return {uid: tuple(paths) for uid, paths in found.items()}


def conflict_mark() -> str:
    """The word a row in conflict carries."""
    return t("team.conflict_mark")


def words(text: str) -> list[str]:
    return text.split()


def _like(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def word_clause(
    word: str,
    columns: Iterable[str],
    *,
    choices: dict[str, type[StrEnum]] | None = None,
    conflict: tuple[str, str] | None = None,
) -> tuple[str, list[object]]:
    """SQL that is true when ``word`` is in one of ``columns`` (text a row shows), names
    a value of a column of ``choices`` (column -> its enumeration, matched by display
    name), or is part of the conflict mark (``conflict``: the uid column and the kind)."""
    parts: list[str] = []
    params: list[object] = []
    for column in columns:
        parts.append(f"{column} LIKE ? ESCAPE '\\'")
        params.append(_like(word))
    folded = word.casefold()
    for column, kind in (choices or {}).items():
        named = [v.value for v in kind if folded in display(v).casefold()]
        if named:
            parts.append(f"{column} IN ({','.join('?' * len(named))})")
            params += named
    if conflict is not None and folded in conflict_mark().casefold():
        uid_column, kind_name = conflict
        parts.append(f"{uid_column} IN (SELECT uid FROM team_conflicts WHERE kind = ?)")
        params.append(kind_name)
    return "(" + " OR ".join(parts) + ")", params


def text_clause(
    text: str,
    columns: Iterable[str],
    *,
    choices: dict[str, type[StrEnum]] | None = None,
    conflict: tuple[str, str] | None = None,
) -> tuple[str, list[object]]:
    """Every word of ``text`` found in the row (see :func:`word_clause`); ``1 = 1`` when
    nothing is typed."""
    columns = list(columns)
    clauses, params = [], []
    for word in words(text):
        clause, more = word_clause(word, columns, choices=choices, conflict=conflict)
        clauses.append(clause)
        params += more
    return (" AND ".join(clauses) or "1 = 1"), params
