"""The linter's findings as the question dialogs show them, and the key that takes the rewrite.

``ctrl+r`` puts the rewrite of a flagged question in place of the question; ``ctrl+z`` puts
back what was there before (as many times as the rewrite was taken). A double question's
rewrite is its first question with the other half as a follow-up: the key puts the first in
place and adds the follow-up where the dialog keeps follow-ups. Shallow findings
(``⚠``) and plan hints that are not about the wording (``ℹ``, no research, no purpose) look
different, and every word of them is in the interface's language; the rewrite itself stays
in the question's language.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

from interview_tui.i18n import aside, current_language, labelled, t, then_asked
from interview_tui.lint import LintResult
from interview_tui.tui.inputs import Input
from interview_tui.tui.mixins import FormDialogMixin

REWRITE_BINDINGS: list[BindingType] = [
    Binding(
        "ctrl+r", "take_rewrite", "rewrite.take", id="rewrite.take", tooltip="rewrite.take.help"
    ),
    Binding(
        "ctrl+z",
        "undo_rewrite",
        "rewrite.undo",
        id="rewrite.undo",
        tooltip="rewrite.undo.help",
        show=False,
    ),
]


def code_label(code: str) -> str:
    """The finding code as the interface names it ("obvious answer", "答案显而易见")."""
    return t(f"lint.code.{code}")


def finding_lines(result: LintResult) -> list[str]:
    """One entry per finding: shallow ones with their rewrite, plan hints set apart."""
    lines = []
    for finding in result.findings:
        label = code_label(finding.code)
        if not finding.text_level:
            lines.append(
                f"ℹ {t('lint.hint')} · {labelled(label, finding.message)}\n  → {finding.suggestion}"
            )
            continue
        mark = "✓" if finding.accepted else "⚠"
        said = then_asked(finding.suggestion, finding.follow_up)
        if finding.accepted:
            said = aside(said, t("plan.accepted"))
        line = f"{mark} {labelled(label, finding.message)}\n  → {said}"
        if not finding.accepted and finding.suggestion == result.rewrite:
            line += f"  [{t('rewrite.key_hint')}]"
        lines.append(line)
    return lines


class RewriteField(FormDialogMixin):
    """For a dialog whose question is the ``#text`` field; its class lists REWRITE_BINDINGS.

    ``_rewrite_result()`` is the lint result of what is typed now; a dialog that keeps
    follow-ups says how in ``_follow_ups`` / ``_set_follow_ups``.
    """

    def _rewrite_result(self) -> LintResult | None:
        raise NotImplementedError

    def _follow_ups(self) -> list[str] | None:
        """The follow-ups the dialog holds now; ``None`` when it keeps none."""
        return None

    def _set_follow_ups(self, follow_ups: list[str]) -> None:
        """Put ``follow_ups`` in the dialog (only called when ``_follow_ups`` is a list)."""

    def _rewrite_stack(self) -> list[tuple[str, list[str] | None]]:
        return self.__dict__.setdefault("_rewritten_from", [])

    def action_take_rewrite(self) -> None:
        field = self.query_one("#text", Input)
        result = self._rewrite_result()
        if result is None or not result.rewrite or result.rewrite == field.value:
            flagged = result is not None and result.shallow
            key = "rewrite.none_flagged" if flagged else "rewrite.none"
            self.notify(t(key), timeout=3)
            return
        follow_ups = self._follow_ups()
        self._rewrite_stack().append((field.value, follow_ups))
        if result.follow_up and follow_ups is not None:
            self._set_follow_ups([result.follow_up, *follow_ups])
        field.value = result.rewrite
        field.cursor_position = len(result.rewrite)
        field.focus()

    def action_undo_rewrite(self) -> None:
        stack = self._rewrite_stack()
        if not stack:
            self.notify(t("undo.nothing"), timeout=3)
            return
        field = self.query_one("#text", Input)
        value, follow_ups = stack.pop()
        if follow_ups is not None:
            self._set_follow_ups(follow_ups)
        field.value = value
        field.cursor_position = len(field.value)
        field.focus()


def ui_language() -> str:
    return current_language()
