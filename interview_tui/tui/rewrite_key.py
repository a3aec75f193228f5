"""The linter's findings as the question dialogs show them, and the key that takes the rewrite.

``ctrl+r`` puts the rewrite of a flagged question in place of the question; ``ctrl+z`` puts
back what was there before (as many times as the rewrite was taken). Shallow findings
(``⚠``) and plan hints that are not about the wording (``ℹ``, no research, no purpose) look
different, and every word of them is in the interface's language; the rewrite itself stays
in the question's language.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

from interview_tui.i18n import current_language, t
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
                f"ℹ {t('lint.hint')} · {label}: {finding.message}\n  → {finding.suggestion}"
            )
            continue
        mark = "✓" if finding.accepted else "⚠"
        line = f"{mark} {label}: {finding.message}\n  → {finding.suggestion}"
        if finding.accepted:
            line += f" ({t('plan.accepted')})"
        elif finding.suggestion == result.rewrite:
            line += f"  [{t('rewrite.key_hint')}]"
        lines.append(line)
    return lines


class RewriteField(FormDialogMixin):
    """For a dialog whose question is the ``#text`` field; its class lists REWRITE_BINDINGS.

    ``_rewrite_result()`` is the lint result of what is typed now.
    """

    def _rewrite_result(self) -> LintResult | None:
        raise NotImplementedError

    def _rewrite_stack(self) -> list[str]:
        return self.__dict__.setdefault("_rewritten_from", [])

    def action_take_rewrite(self) -> None:
        field = self.query_one("#text", Input)
        result = self._rewrite_result()
        if result is None or not result.rewrite or result.rewrite == field.value:
            flagged = result is not None and result.shallow
            key = "rewrite.none_flagged" if flagged else "rewrite.none"
            self.notify(t(key), timeout=3)
            return
        self._rewrite_stack().append(field.value)
        field.value = result.rewrite
        field.cursor_position = len(result.rewrite)
        field.focus()

    def action_undo_rewrite(self) -> None:
        stack = self._rewrite_stack()
        if not stack:
            self.notify(t("undo.nothing"), timeout=3)
            return
        field = self.query_one("#text", Input)
        field.value = stack.pop()
        field.cursor_position = len(field.value)
        field.focus()


def ui_language() -> str:
    return current_language()
