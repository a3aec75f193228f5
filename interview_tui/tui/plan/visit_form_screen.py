"""Plan a visit: customer, time, goals, attendees, give-back, sales groundwork, limits, brief.

Every field is checked where it is typed; a bad date or length is a message beside the
field and nothing is saved until it is fixed, so nothing typed is lost either.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Label, Select, SelectionList, Static

from interview_tui.domain.dates import examples
from interview_tui.domain.enums import Goal
from interview_tui.domain.models import Person, Visit
from interview_tui.i18n import t
from interview_tui.services.visits import (
    CARRIED_FIELDS,
    Carried,
    VisitFormData,
    carried_plan,
    load_visit_form,
    people_of,
    save_visit,
)
from interview_tui.tui.data import DataScreen
from interview_tui.tui.forms import leave_form, typed_text
from interview_tui.tui.inputs import Choice, Input, TextArea, TickList
from interview_tui.tui.keybar import KeyBar
from interview_tui.tui.messages import DataChanged
from interview_tui.tui.text import literal

_TEXT_FIELDS = (
    "give_back",
    "sales_told",
    "do_not_say",
    "may_promise",
    "must_not_promise",
    "product_brief",
)


def parse_when(text: str) -> datetime:
    """``2026-12-03 10:00`` (or ``2026-12-03T10:00``, or a bare date at 10:00)."""
    text = text.strip().replace("T", " ")
    for pattern in ("%Y-%m-%d %H:%M", "%Y-%m-%d"):
        try:
            parsed = datetime.strptime(text, pattern)
        except ValueError:
            continue
        return parsed.replace(hour=10) if pattern == "%Y-%m-%d" else parsed
    raise ValueError(text)


class VisitFormScreen(DataScreen[VisitFormData]):
    DEFAULT_CSS = """
    #visit-form { padding: 0 1; }
    #visit-form Input, #visit-form Select { width: 1fr; }
    #visit-form TextArea { height: 4; }
    #visit-form SelectionList { height: auto; max-height: 9; }
    .field-error { color: $error; height: auto; }
    """
    BINDINGS = [
        Binding(
            "ctrl+s",
            "save",
            "visit.save",
            id="visit.save",
            tooltip="visit.save.help",
            priority=True,
        ),
        Binding("escape", "back", "review.back", id="review.back", tooltip="review.back.help"),
    ]

    def __init__(self, customer_id: int | None = None, visit_id: int | None = None) -> None:
        super().__init__()
        self.customer_id = customer_id
        self._customer_names: dict[int, str] = {}  # id -> name, as the customer list has them
        self.visit_id = visit_id
        self.visit: Visit | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="visit-form"):
            yield Label(t("visit.customer"))
            yield Choice([], id="customer", compact=True)
            yield Static("", id="customer-error", classes="field-error")
            yield Label(t("visit.date", **examples(self.iapp.today())))
            yield Input(id="date", compact=True)
            yield Static("", id="date-error", classes="field-error")
            yield Label(t("visit.length"))
            yield Input("60", id="length", compact=True)
            yield Static("", id="length-error", classes="field-error")
            yield Label(t("visit.purpose"))
            yield Input(id="purpose", compact=True)
            yield Label(t("visit.goals"))
            yield TickList(
                *[(f"{g.number} {t(f'goal.{g.value}')}", g.value) for g in Goal], id="goals"
            )
            yield Label(t("visit.attendees"))
            yield TickList(id="attendees")
            for name in _TEXT_FIELDS:
                yield Label(t(f"visit.{name}"))
                yield TextArea(id=name, soft_wrap=True)
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = t(
            "visit.subtitle_new" if self.visit_id is None else "visit.subtitle_edit", customer=""
        )
        when = datetime.combine(self.iapp.today() + timedelta(days=7), datetime.min.time()).replace(
            hour=10
        )
        self.query_one("#date", Input).value = when.strftime("%Y-%m-%d %H:%M")
        super().on_mount()

    def fetch(self) -> VisitFormData:
        return load_visit_form(self.iapp.store, self.visit_id)

    def show(self, data: VisitFormData) -> None:
        customer_select = self.query_one("#customer", Select)
        customer_select.set_options(
            [(literal(name, one_line=True), cid) for name, cid in data.customers]
        )
        visit = self.visit = data.visit if isinstance(data.visit, Visit) else None
        self._customer_names = names = {cid: name for name, cid in data.customers}
        if visit is not None:
            self.customer_id = visit.customer_id
            self.sub_title = t("visit.subtitle_edit", customer=names.get(visit.customer_id, ""))
            self.query_one("#date", Input).value = visit.date.strftime("%Y-%m-%d %H:%M")
            self.query_one("#length", Input).value = str(visit.length_minutes)
            self.query_one("#purpose", Input).value = visit.purpose
            goals = self.query_one("#goals", SelectionList)
            for goal in visit.goals:
                goals.select(goal.value)
            for name in _TEXT_FIELDS:
                value = getattr(visit, name)
                self.query_one(f"#{name}", TextArea).text = (
                    "\n".join(value) if isinstance(value, list) else value
                )
        if self.customer_id is not None:
            customer_select.value = self.customer_id
        self._load_people()
        self._opened_with = typed_text(self)

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "customer":
            self._load_people()

    def _load_people(self) -> None:
        value = self.query_one("#customer", Select).value
        self.query_one("#attendees", SelectionList).clear_options()
        if isinstance(value, int):
            store = self.iapp.store
            keep = frozenset(self.visit.attendee_ids) if self.visit else frozenset()
            new = self.is_new
            self.read(
                lambda: (
                    value,
                    people_of(store, value, keep),
                    carried_plan(store, value) if new else None,
                ),
                self._show_people,
            )

    @property
    def is_new(self) -> bool:
        """A visit being planned, not yet saved."""
        return self.visit is None and self.visit_id is None

    #: the plan fields as last carried in from a customer's last visit (see _carry)
    _carried: dict[str, str] | None = None

    def _carry(self, carried: Carried | None) -> None:
        """A new visit starts from the customer's last plan's limits and what sales said
        (they hold for the account; a second visit had none, and its checks passed on an
        empty list): filled in while those fields are untouched, and said."""
        fields = {name: self.query_one(f"#{name}", TextArea) for name in CARRIED_FIELDS}
        shown = {name: area.text for name, area in fields.items()}
        if any(shown.values()) and shown != (self._carried or {}):
            return  # typed in by the user: theirs
        untouched = typed_text(self) == getattr(self, "_opened_with", None)
        values = carried.values if carried else dict.fromkeys(CARRIED_FIELDS, "")
        if values == shown:
            return  # (the same customer read again: said once)
        for name, area in fields.items():
            area.text = values[name]
        self._carried = values if carried else None
        if untouched:
            self._opened_with = typed_text(self)  # nothing the user typed: nothing to lose
        if carried:
            self.notify(t("visit.carried", date=carried.date), timeout=6)

    def _show_people(self, data: tuple[int, list[Person], Carried | None]) -> None:
        customer_id, people, carried = data
        if self.query_one("#customer", Select).value != customer_id:
            return  # another customer was chosen meanwhile
        if self.is_new:
            self._carry(carried)
        attendees = self.query_one("#attendees", SelectionList)
        attendees.clear_options()
        chosen = set(self.visit.attendee_ids) if self.visit else set()
        for person in people:
            label = f"{person.name} · {person.title} · {t(f'role_short.{person.role.value}')}"
            if person.archived_at is not None:
                label += f" · {t('archive.archived')}"
            attendees.add_option((literal(label, one_line=True), person.id, person.id in chosen))

    def _errors(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        if not isinstance(self.query_one("#customer", Select).value, int):
            errors["customer"] = t("visit.no_customer")
        try:
            parse_when(self.query_one("#date", Input).value)
        except ValueError:
            errors["date"] = t("visit.bad_date", **examples(self.iapp.today()))
        length = self.query_one("#length", Input).value.strip()
        if not length.isdigit() or not 5 <= int(length) <= 1440:
            errors["length"] = t("visit.bad_length")
        return errors

    def action_save(self) -> None:
        errors = self._errors()
        for name in ("customer", "date", "length"):
            self.query_one(f"#{name}-error", Static).update(errors.get(name, ""))
        if errors:
            self.notify(t("visit.fix_fields"), severity="error", timeout=4)
            self.query_one(f"#{next(iter(errors))}").focus()
            return
        values = {
            "customer_id": self.query_one("#customer", Select).value,
            "date": parse_when(self.query_one("#date", Input).value),
            "length_minutes": int(self.query_one("#length", Input).value),
            "purpose": self.query_one("#purpose", Input).value.strip(),
            "goals": [Goal(g) for g in self.query_one("#goals", SelectionList).selected],
            "attendee_ids": list(self.query_one("#attendees", SelectionList).selected),
        }
        for name in _TEXT_FIELDS:
            text = self.query_one(f"#{name}", TextArea).text.strip()
            values[name] = (
                [line.strip() for line in text.splitlines() if line.strip()]
                if (name == "give_back")
                else text
            )
        store, visit_id = self.iapp.store, self.visit_id

        def saved(visit: Visit) -> None:
            self.visit, self.visit_id = visit, visit.id
            self._opened_with = typed_text(self)
            names = self._customer_names  # a new visit is now this one, edited
            self.sub_title = t("visit.subtitle_edit", customer=names.get(visit.customer_id, ""))
            self.notify(t("visit.saved"), timeout=2)
            self.app.screen_stack[0].post_message(DataChanged())
            if getattr(self, "leave_after_save", False):
                self.dismiss()

        self.iapp.save(lambda: save_visit(store, visit_id, values), saved)

    def action_back(self) -> None:
        """Back; with changes not saved, asks first (keep editing, save, discard)."""
        leave_form(self, self.unsaved_changes())

    def unsaved_changes(self) -> bool:
        return typed_text(self) != getattr(self, "_opened_with", typed_text(self))
