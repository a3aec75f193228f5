"""What the plan screen shows about one visit, read off the UI thread: what its script tab
shows when it opens (:func:`load_plan`), the brief when its tab is first shown (:func:`brief`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from interview_tui.banks.library import BankLibrary, load_library
from interview_tui.domain.enums import VisitStatus
from interview_tui.domain.models import Customer, CustomerQuestion, Person, ScriptItem, Visit
from interview_tui.domain.names import display
from interview_tui.services.customer_brief import CustomerBrief, customer_brief
from interview_tui.store.store import Store


@dataclass(frozen=True, slots=True)
class PlanData:
    visit: Visit
    customer: Customer
    items: list[ScriptItem]
    people: list[Person]
    customer_questions: list[CustomerQuestion]
    library: BankLibrary
    #: the bank's language to offer first: the script's (see :func:`bank_language`)
    bank_language: str = "en"


def load_plan(
    store: Store,
    visit_id: int,
    library: BankLibrary | None = None,
    ui_language: str = "en",
) -> PlanData:
    from interview_tui.lint.engine import prepare
    from interview_tui.lint.language import detect_language
    from interview_tui.services import customer_questions
    from interview_tui.services.visits import people_of

    visit, customer = store.visit_with_customer(visit_id)
    items = store.script(visit_id)
    # the plan lints as it is shown (the first bank question, in the interface's language,
    # and the script's questions for readiness): their rules and models are loaded here, off
    # the UI thread
    languages = [detect_language(item.text) for item in items if item.text.strip()]
    offered = bank_language(languages, customer.name, ui_language)
    for language in {ui_language, offered, *languages}:
        prepare(language)
    return PlanData(
        visit,
        customer,
        items,
        people_of(store, visit.customer_id, frozenset(visit.attendee_ids)),
        customer_questions.for_plan(store, visit, customer, items, ui_language),
        library or load_library(),
        offered,
    )


def bank_language(script: list[str], customer_name: str, ui_language: str) -> str:
    """The language the bank offers first: that of most of the script's questions (a tie
    goes to the interface's), else Chinese for a customer named in Chinese, else the
    interface's. A PM whose interface is English plans a Chinese customer's visit in
    Chinese; the filter changes it at any time."""
    from interview_tui.lint.language import detect_language

    if script:
        counts = {language: script.count(language) for language in set(script)}
        most = max(counts.values())
        tied = sorted(language for language, n in counts.items() if n == most)
        return ui_language if ui_language in tied else tied[0]
    return "zh-CN" if detect_language(customer_name) == "zh-CN" else ui_language


def script(store: Store, visit_id: int) -> list[ScriptItem]:
    return store.script(visit_id)


def save_item(store: Store, item: ScriptItem) -> list[ScriptItem]:
    """Save one script item; returns the visit's script as stored."""
    store.save(item)
    return store.script(item.visit_id)


def mark_rehearsed(store: Store, visit_id: int) -> Visit:
    """A planned visit becomes rehearsed; a rehearsed one stays; any other is refused (a done
    visit is never demoted by this key)."""
    from interview_tui.services.visits import move_visit

    visit, _ = store.visit_with_customer(visit_id)
    if visit.status is VisitStatus.REHEARSED:
        return visit
    if visit.status is not VisitStatus.PLANNED:
        from interview_tui.domain.lifecycle import LifecycleError
        from interview_tui.i18n import t

        raise LifecycleError(t("lifecycle.mark_refused", status=display(visit.status)))
    return move_visit(store, visit_id, VisitStatus.REHEARSED)


def brief(store: Store, visit: Visit, today: date) -> CustomerBrief:
    """The brief tab: where things stand with the visit's customer (read when it is shown)."""
    return customer_brief(store, visit.customer_id, today, exclude_visit=visit.id)
