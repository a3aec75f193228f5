"""Add or edit a question the customer will ask, with our prepared answer checked as typed."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.widgets import Label, Static

from interview_tui.domain.models import CustomerQuestion
from interview_tui.i18n import t
from interview_tui.services.customer_questions import beyond_limits
from interview_tui.tui.forms import FormDialog
from interview_tui.tui.inputs import Input, TextArea
from interview_tui.tui.text import literal


class CustomerQuestionDialog(FormDialog):
    """Returns ``{"text", "answer"}``; the answer is checked against the visit's limits."""

    ASK_BEFORE_DISCARD = True

    TITLE_KEY = "cq.title"
    DEFAULT_CSS = "CustomerQuestionDialog TextArea { height: 5; }"

    def __init__(self, question: CustomerQuestion | None, must_not_promise: str) -> None:
        super().__init__()
        self.question = question
        self.must_not_promise = must_not_promise

    def fields(self) -> ComposeResult:
        yield Label(t("cq.text"))
        yield Input(self.question.text if self.question else "", compact=True, id="text")
        yield Static("", id="cq-message", classes="hint error-message")
        yield Label(t("cq.answer"))
        yield TextArea(self.question.answer if self.question else "", id="answer", soft_wrap=True)
        yield Static("", id="cq-beyond", classes="hint warn")

    def on_mount(self) -> None:
        super().on_mount()
        self._check(self.query_one("#answer", TextArea).text)

    @on(TextArea.Changed, "#answer")
    def _answer_changed(self, event: TextArea.Changed) -> None:
        self._check(event.text_area.text)

    def _check(self, answer: str) -> None:
        touched = beyond_limits(answer, self.must_not_promise) if answer.strip() else []
        self.query_one("#cq-beyond", Static).update(
            literal(t("cq.beyond", limits=t("list.limits_separator").join(touched)))
            if touched
            else ""
        )

    def result(self) -> dict[str, Any] | None:
        text = self.value("text").strip()
        if not text:
            self.query_one("#cq-message", Static).update(t("dialog.required"))
            self.query_one("#text", Input).focus()
            return None
        return {"text": text, "answer": self.query_one("#answer", TextArea).text.strip()}
