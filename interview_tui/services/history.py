"""A record's history as lines a person reads: what changed, when, and why (the reason or
note given). One wording for the detail views and the internal report."""

from __future__ import annotations

from interview_tui.domain.enums import CommitmentState
from interview_tui.domain.names import display_of, field_value
from interview_tui.i18n import t


def history_lines(history: list[dict[str, str]]) -> list[str]:
    """A record's history, newest last, one line per change."""
    lines = []
    for entry in history:
        on = entry.get("on", "")
        why = entry.get("reason") or entry.get("note") or ""
        if "undone" in entry:
            text = t("history.undone", change=entry["undone"])
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
        lines.append(f"{on}  {text}" + (f"  · {why}" if why else ""))
    return lines or [t("history.none")]
