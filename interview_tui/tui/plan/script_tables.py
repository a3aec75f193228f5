"""The script builder's two lists and its preview pane.

The bank and the script are tables with their own keys, so the footer shows the keys of
the list that has focus first (add in the bank; edit, remove, move, accept in the script).
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from interview_tui.i18n import head, labelled, t, then_asked
from interview_tui.services.plan_preview import Preview
from interview_tui.tui.base import TranslatedBindings
from interview_tui.tui.rewrite_key import code_label
from interview_tui.tui.text import SafeTable, marked, visible


class BankTable(TranslatedBindings, SafeTable):
    """The bank questions; ``enter`` adds the highlighted one and moves to the next row."""

    #: the question's text keeps the room left; cut, it ends in "…" (it ran past the pane)
    main_column = 3

    BINDINGS = [
        Binding("enter", "screen.add", "plan.add", id="plan.add", tooltip="plan.add.help"),
    ]


class ScriptTable(TranslatedBindings, SafeTable):
    """This visit's script; its keys edit, remove, reorder and accept the highlighted item."""

    #: the question's text keeps the room left; cut, it ends in "…" (it ran past the pane)
    main_column = 3

    BINDINGS = [
        Binding(
            "ctrl+e",
            "screen.edit_item",
            "plan.item_edit",
            id="plan.item_edit",
            tooltip="plan.item_edit.help",
        ),
        Binding(
            "ctrl+x,delete",
            "screen.remove",
            "plan.remove",
            id="plan.remove",
            tooltip="plan.remove.help",
        ),
        # macOS takes ctrl+arrows for Mission Control: "[" "]" and shift+arrows work everywhere
        Binding(
            "[,shift+up,ctrl+up",
            "screen.move(-1)",
            "plan.up",
            id="plan.up",
            tooltip="plan.up.help",
            key_display="[ ]",
        ),
        Binding(
            "],shift+down,ctrl+down",
            "screen.move(1)",
            "plan.down",
            id="plan.down",
            tooltip="plan.down.help",
            show=False,
        ),
        Binding(
            "ctrl+k", "screen.accept", "plan.accept", id="plan.accept", tooltip="plan.accept.help"
        ),
        Binding(
            "ctrl+r",
            "screen.take_rewrite",
            "rewrite.take",
            id="plan.rewrite",
            tooltip="rewrite.take.help",
        ),
        Binding(
            "ctrl+z",
            "screen.undo_rewrite",
            "rewrite.undo",
            id="plan.rewrite_undo",
            tooltip="rewrite.undo.help",
            show=False,
        ),
    ]


def preview_text(shown: Preview | None, in_script: bool = False) -> Text:
    """The preview of one question; every piece of its text shown literally, each unfilled
    placeholder marked as a gap."""
    out = Text()
    if shown is None:
        out.append(t("plan.preview.none"), "dim")
        return out
    out.append(marked(shown.text, "bold"))
    if in_script:
        out.append(f"  {t('plan.preview.in_script')}", "green")
    out.append("\n")
    out.append(head(t("plan.preview.role")), "dim")
    out.append(t(f"role.{shown.role.value}"))
    out.append(f"  ·  {head(t('plan.preview.goal'))}", "dim")
    out.append(f"{shown.goal.number} {t(f'goal.{shown.goal.value}')}")
    for label, value in (
        ("plan.preview.research", shown.research),
        ("plan.preview.purpose", shown.purpose),
    ):
        if value.strip():
            out.append(f"\n{head(t(label))}", "dim")
            out.append(marked(value))
    if shown.follow_ups:
        out.append(f"\n{head(t('plan.preview.follow_ups')).rstrip()}", "dim")
        for follow_up in shown.follow_ups:
            out.append("\n  · ")
            out.append(marked(follow_up))
    if shown.shallow:
        out.append(f"\n⚠ {t('plan.preview.shallow')}", "bold yellow")
    for finding in shown.findings:
        said = labelled(code_label(finding.code), visible(finding.message))
        if not finding.text_level:  # a plan hint (no research, no purpose), not the wording
            out.append(f"\nℹ {t('lint.hint')} · {said}", "dim italic")
            continue
        mark, style = ("✓", "dim") if finding.accepted else ("⚠", "yellow")
        out.append(f"\n{mark} {said}", style)
        if finding.suggestion and not finding.accepted:
            out.append(
                f"\n   → {visible(then_asked(finding.suggestion, finding.follow_up))}", style
            )
            if in_script and finding.suggestion == shown.rewrite:
                out.append(f"  [{t('rewrite.key_hint')}]", "dim")
    return out
