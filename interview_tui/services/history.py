"""A record's history as lines a person reads: what changed, when, and why (the reason or
note given). One wording for the detail views and the internal report."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from interview_tui.domain.enums import CommitmentState
from interview_tui.domain.names import display_of, field_value
from interview_tui.i18n import t
from interview_tui.team.merge import DELETE_CONFLICT


def history_lines(
    history: list[dict[str, str]], author: Callable[[str], str] | None = None
) -> list[str]:
    """A record's history, newest last, one line per change; ``author`` names who made a
    change (``""``: say nobody, e.g. for my own changes)."""
    lines = []
    for entry in history:
        on = entry.get("on", "")
        why = entry.get("reason") or entry.get("note") or ""
        if "undone" in entry:
            text = t("history.undone", change=entry["undone"])
        elif entry.get("change") == "resolved":  # a team conflict, resolved
            try:
                value = json.loads(entry.get("to") or "null")
            except ValueError:
                value = entry.get("to")
            field = entry.get("field", "")
            text = t("history.resolved", field=field_label(field), value=shown_value(field, value))
            for other in _loaded(entry.get("set_aside")):  # a colleague's value, not kept
                shown = shown_value(field, other.get("value"))
                who = (author(str(other.get("by") or "")) if author else other.get("by")) or ""
                text += (
                    t("history.set_aside", value=shown, by=who)
                    if who
                    else (t("history.set_aside_anonymous", value=shown))
                )
        elif "field" in entry:
            name = t(f"history.field.{entry['field']}")
            old, new = (
                field_value(entry["field"], entry.get(end) or "") or "—" for end in ("from", "to")
            )
            text = t("history.changed", field=name, old=old, new=new)
        elif entry.get("change") == "state" or "state" in entry:
            state = entry.get("state") or entry.get("to", "")
            text = t("history.state", state=display_of(CommitmentState, state))
        elif entry.get("change") == "authority":
            text = t("history.authority")
        elif "to" in entry:
            text = t("history.due", old=entry.get("from") or "—", new=entry["to"])
        else:
            continue
        if entry.get("override"):  # into in progress without an agreed solution
            why = " · ".join(x for x in (why, t("history.override", reason=entry["override"])) if x)
        who = author(entry.get("by", "")) if author is not None else ""
        lines.append(
            f"{on}  {text}"
            + (f"  · {why}" if why else "")
            + (f"  · {t('history.by', name=who)}" if who else "")
        )
    return lines or [t("history.none")]


def field_label(path: str) -> str:
    """The name of a conflicted field as screens show it (``notes/<id>/text``: "text")."""
    name = path.rsplit("/", 1)[-1]
    key = f"history.field.{name}"
    text = t(key)
    return text if text != key else display_of("field", name)


def shown_value(path: str, value: Any) -> str:
    """One value of a conflict as screens show it: a choice by its name, a group of
    fields (a commitment's closing) joined, nothing as a dash."""
    name = path.rsplit("/", 1)[-1]
    if isinstance(value, list):
        parts = [str(v) for v in value if v not in (None, "")]
        if parts and name == "closing":
            parts[0] = display_of(CommitmentState, parts[0])
        return " · ".join(parts) or "—"
    if value is None or value == "":
        return "—"
    if name == DELETE_CONFLICT:  # a deletion that met an edit: "deleted" or "edited"
        return t(f"conflict.deletion.{value}")
    return field_value(name, str(value)) if isinstance(value, str) else str(value)


def _loaded(text: str | None) -> list[dict[str, Any]]:
    """A history entry's JSON list (values set aside), or nothing when it has none."""
    try:
        found = json.loads(text or "[]")
    except ValueError:
        return []
    return [item for item in found if isinstance(item, dict)] if isinstance(found, list) else []
