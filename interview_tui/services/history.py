"""A record's history as lines a person reads: what changed, when, and why (the reason or
note given). One wording for the detail views and the internal report."""

from __future__ import annotations

import json
from collections.abc import Callable

from interview_tui.domain.enums import CommitmentState
from interview_tui.domain.names import display_of, field_value
from interview_tui.i18n import t


def history_lines(history: list[dict[str, str]],
                  author: Callable[[str], str] | None = None) -> list[str]:  # fmt: skip
    """A record's history, newest last, one line per change; ``author`` names who made a
    change (``""``: say nobody, e.g. for my own changes)."""
    lines = []
    for entry in history:
        on = entry.get("on", "")
        why = entry.get("reason") or entry.get("note") or ""
        if "undone" in entry:
            text = t("history.undone", change=entry["undone"])
        elif entry.get("change") == "resolved":  # a team conflict, resolved
            from interview_tui.team.actions import field_label, shown_value

            try:
                value = json.loads(entry.get("to") or "null")
            except ValueError:
                value = entry.get("to")
            field = entry.get("field", "")
            text = t("history.resolved", field=field_label(field),
                     value=shown_value(field, value))  # fmt: skip
        elif "field" in entry:
            name = t(f"history.field.{entry['field']}")
            old, new = (field_value(entry["field"], entry.get(end) or "") or "—"
                        for end in ("from", "to"))
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
            why = " · ".join(x for x in (why, t("history.override", reason=entry["override"]))
                             if x)  # fmt: skip
        who = author(entry.get("by", "")) if author is not None else ""
        lines.append(f"{on}  {text}" + (f"  · {why}" if why else "")
                     + (f"  · {t('history.by', name=who)}" if who else ""))  # fmt: skip
    return lines or [t("history.none")]
