"""Create or edit a customer and the people met there, each with a stakeholder role."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Footer, Header, Input, Label, Select, Static

from interview_tui.domain.enums import Role
from interview_tui.domain.models import Customer, Person
from interview_tui.errors import UserError
from interview_tui.i18n import t
from interview_tui.tui.base import BaseScreen
from interview_tui.tui.forms import FormDialog, role_select
from interview_tui.tui.messages import DataChanged


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


class CustomerScreen(BaseScreen):
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
            yield DataTable(id="people", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        store = self.iapp.store
        if self.customer_id is not None and (found := store.get(Customer, self.customer_id)):
            self.customer = found
            self.people = store.people(self.customer_id)
            self.query_one("#name", Input).value = found.name
            self.query_one("#industry", Input).value = found.industry
            self.query_one("#notes", Input).value = found.notes
            self.sub_title = t("customer.subtitle_edit", name=found.name)
        else:
            self.sub_title = t("customer.subtitle_new")
        self.query_one(DataTable).add_columns(t("customer.col.name"), t("customer.col.title"),
                                              t("customer.col.role"))
        self._show_people()
        self.query_one("#name", Input).focus()

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
        store = self.iapp.store
        name = self.query_one("#name", Input).value.strip()
        error = self.query_one("#name-error", Static)
        other = store.customer_by_name(name) if name else None
        if not name or (other is not None and other.id != self.customer.id):
            error.update(t("customer.name_required" if not name else "customer.name_taken"))
            self.query_one("#name", Input).focus()
            return
        error.update("")
        try:
            self._write(name)
        except UserError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return
        self.removed.clear()
        self.customer_id = self.customer.id
        self.sub_title = t("customer.subtitle_edit", name=name)
        self.notify(t("customer.saved"), timeout=2)
        self.app.screen_stack[0].post_message(DataChanged())

    def _write(self, name: str) -> None:
        """The customer, its people and the removals: all saved, or none."""
        store = self.iapp.store
        with store.transaction():
            self.customer.name = name
            self.customer.industry = self.query_one("#industry", Input).value
            self.customer.notes = self.query_one("#notes", Input).value
            store.save(self.customer)
            for person in self.people:
                person.customer_id = self.customer.id or 0
            store.save_all(self.people)
            for person in self.removed:
                if person.id is not None:
                    store.delete(Person, person.id)

    def action_back(self) -> None:
        self.dismiss()
