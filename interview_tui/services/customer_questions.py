"""The questions this customer will throw at us, with our prepared answers, per visit.

The first time a visit's list is read it is copied from the banks (the general bank and the
customer's industry bank, in the visit's language); after that it belongs to the visit: add
"they will surely ask about the Dubai region", edit an answer, remove what will not come up.
Every answer is checked against the visit's must-not-promise limits, as in rehearsal.
"""

from __future__ import annotations

from interview_tui.domain.models import Customer, CustomerQuestion, ScriptItem, Visit
from interview_tui.errors import FieldError, not_found
from interview_tui.i18n import t
from interview_tui.store.store import Store


def for_visit(
    store: Store, visit: Visit, language: str, industry: str | None = None
) -> list[CustomerQuestion]:
    """The visit's customer questions (copied from the banks the first time)."""
    from interview_tui.banks.library import load_library

    existing = store.all(CustomerQuestion, "visit_id = ?", [visit.id])
    if existing:
        return existing
    industries = ["general", industry] if industry else None
    cards = [
        CustomerQuestion(
            visit_id=visit.id or 0, bank_question_id=q.id, text=q.text, answer=q.answer
        )
        for q in load_library().customer_questions(language, industries)
    ]
    with store.transaction():
        if store.all(CustomerQuestion, "visit_id = ?", [visit.id]):  # another window won
            return store.all(CustomerQuestion, "visit_id = ?", [visit.id])
        store.save_all(cards)
    return cards


def for_plan(
    store: Store, visit: Visit, customer: Customer, items: list[ScriptItem], ui_language: str
) -> list[CustomerQuestion]:
    """The visit's customer questions in the script's language (the interface's when the
    script is empty), first copied from the general bank and the customer's industry bank."""
    from interview_tui.banks.industry import industry_for
    from interview_tui.lint import detect_language

    language = detect_language(" ".join(i.text for i in items[:3])) if items else ui_language
    return for_visit(store, visit, language, industry_for(customer.industry))


def save(store: Store, question: CustomerQuestion) -> list[CustomerQuestion]:
    """Add or change one question; returns the visit's list as stored."""
    if not question.text.strip():
        raise FieldError("text", t("dialog.required"))
    store.save(question)
    return store.all(CustomerQuestion, "visit_id = ?", [question.visit_id])


def remove(store: Store, visit_id: int, question_id: int) -> list[CustomerQuestion]:
    """Remove one question from this visit's list (the bank keeps its own copy)."""
    if store.get(CustomerQuestion, question_id) is None:
        raise not_found("customer_question", question_id)
    store.delete(CustomerQuestion, question_id)
    return store.all(CustomerQuestion, "visit_id = ?", [visit_id])


def beyond_limits(answer: str, must_not_promise: str) -> list[str]:
    """The must-not-promise limits a prepared answer touches."""
    from interview_tui.services.authority import flags_beyond_authority  # compiles its patterns

    return flags_beyond_authority(answer, must_not_promise)
