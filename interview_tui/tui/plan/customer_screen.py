"""Create or edit a customer and the people met there, each with a stakeholder role."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Header, Label, Select, Static

from interview_tui.domain.enums import Role
from interview_tui.domain.models import Customer, Person
from interview_tui.i18n import t
from interview_tui.services.customers import CustomerForm, load_customer, save_customer
from interview_tui.tui.data import DataScreen, SaveError
from interview_tui.tui.forms import FormDialog, leave_form, role_select, typed_text
from interview_tui.tui.inputs import Input
from interview_tui.tui.keybar import KeyBar
from interview_tui.tui.messages import DataChanged
from interview_tui.tui.text import SafeTable, literal


class PersonDialog(FormDialog):
    TITLE_KEY = "person.title_dialog"

    def fields(self) -> ComposeResult:
        yield Label(t("person.name"))
        yield Input(compact=True, id="name")
        yield Label(t("person.title"))
        yield Input(compact=True, id="title")
        yield Label(t("person.role"))
        yield role_select(Role.BUSINESS)
        yield Static("", id="person-message", classes="hint error-message")

    def result(self) -> dict[str, Any] | None:
        if not self.value("name").strip():
            self.query_one("#person-message", Static).update(t("dialog.required"))
            return None
        return {"name": self.value("name"), "title": self.value("title"),
                "role": Role(str(self.query_one("#role", Select).value))}  # fmt: skip


class CustomerScreen(DataScreen[CustomerForm]):
    DEFAULT_CSS = """
    #customer-form { padding: 0 1; }
    #customer-form Input { width: 1fr; }
    #people { height: auto; max-height: 12; }
    .field-error { color: $error; height: auto; }
    """
    BINDINGS = [
        Binding("escape", "back", "review.back", id="review.back", tooltip="review.back.help"),
        Binding("ctrl+s", "save", "customer.save", id="customer.save",
                tooltip="customer.save.help", priority=True),
        Binding("ctrl+a", "add_person", "customer.add_person", id="customer.add_person",
                tooltip="customer.add_person.help", priority=True),
        Binding("delete", "remove_person", "customer.remove_person", id="customer.remove_person",
                tooltip="customer.remove_person.help", show=False),
    ]

    def __init__(self, customer_id: int | None = None) -> None:
        super().__init__()
        self.customer_id = customer_id
        self.customer = Customer(name="-")
        self.people: list[Person] = []
        self.removed: list[Person] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="customer-form"):
            yield Label(t("customer.name"))
            yield Input(id="name", compact=True)
            yield Static("", id="name-error", classes="field-error")
            yield Label(t("customer.industry"))
            yield Input(id="industry", compact=True)
            yield Label(t("customer.notes"))
            yield Input(id="notes", compact=True)
            yield Label(t("customer.people"))
            yield SafeTable(id="people", cursor_type="row")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = t("customer.subtitle_new")
        self.query_one(DataTable).add_columns(t("customer.col.name"), t("customer.col.title"),
                                              t("customer.col.role"))
        self.query_one("#name", Input).focus()
        if self.customer_id is not None:
            self.reload()

    def fetch(self) -> CustomerForm:
        return load_customer(self.iapp.store, self.customer_id)

    def show(self, data: CustomerForm) -> None:
        if data.customer is None:
            return
        self.customer, self.people = data.customer, data.people
        for widget_id in ("name", "industry", "notes"):
            field = self.query_one(f"#{widget_id}", Input)
            if not field.value:  # never replace what the user typed meanwhile
                field.value = getattr(data.customer, widget_id)
        self.sub_title = t("customer.subtitle_edit", name=data.customer.name)
        self._show_people()
        self._opened_with = typed_text(self)

    def _show_people(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        for person in self.people:
            table.add_row(person.name, person.title, t(f"role.{person.role.value}"))

    def action_add_person(self) -> None:
        def added(result: dict | None) -> None:
            if result:
                self.people.append(Person(customer_id=self.customer.id or 0, **result))
                self._show_people()

        self.app.push_screen(PersonDialog(), added)

    def action_remove_person(self) -> None:
        table = self.query_one(DataTable)
        if self.people and table.has_focus:
            self.removed.append(self.people.pop(table.cursor_row))
            self._show_people()

    def action_save(self) -> None:
        error = self.query_one("#name-error", Static)
        error.update("")
        customer = self.customer.model_copy(update={
            "name": self.query_one("#name", Input).value,
            "industry": self.query_one("#industry", Input).value,
            "notes": self.query_one("#notes", Input).value,
        })  # fmt: skip
        store, people, removed = self.iapp.store, list(self.people), list(self.removed)

        def saved(form: CustomerForm) -> None:
            self.customer, self.people = form.customer or self.customer, form.people
            self.customer_id = self.customer.id
            self.removed.clear()
            self._show_people()
            self.sub_title = t("customer.subtitle_edit", name=self.customer.name)
            self._opened_with = typed_text(self)
            self.notify(t("customer.saved"), timeout=2)
            self.app.screen_stack[0].post_message(DataChanged())
            if getattr(self, "leave_after_save", False):
                self.dismiss()

        def failed(problem: SaveError) -> None:
            if problem.field == "name":
                error.update(literal(problem.message))
                self.query_one("#name", Input).focus()

        self.iapp.save(lambda: save_customer(store, customer, people, removed), saved, failed,
                       quiet=True)  # fmt: skip

    def action_back(self) -> None:
        """Back; with changes not saved (fields, people added or removed), asks first."""
        opened = getattr(self, "_opened_with", {"name": "", "industry": "", "notes": ""})
        changed = typed_text(self) != opened or self.removed or any(p.id is None
                                                                     for p in self.people)
        leave_form(self, bool(changed))
