"""Create or edit a customer and the people met there, each with a stakeholder role."""

from __future__ import annotations

import re
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widget import Widget
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
from interview_tui.tui.screen_keys import key_of
from interview_tui.tui.text import SafeTable, literal

#: one address, nothing around it (a name or a second address belongs elsewhere)
_EMAIL = re.compile(r"[^@\s<>,;:\"'()\[\]]+@[^@\s<>,;:\"'()\[\]]+\.[^@\s<>,;:\"'()\[\]]{2,}")


class PersonDialog(FormDialog):
    """Add a person, or edit every field of one (the same dialog, filled in)."""

    ASK_BEFORE_DISCARD = True

    TITLE_KEY = "person.title_dialog"
    #: the text fields, in order, by field id (also the Person fields they edit)
    TEXT_FIELDS = ("name", "title", "email", "phone", "contact")

    def __init__(self, person: Person | None = None) -> None:
        super().__init__()
        self.person = person

    def fields(self) -> ComposeResult:
        for field in self.TEXT_FIELDS:
            yield Label(t(f"person.{field}"))
            yield Input(getattr(self.person, field, ""), compact=True, id=field)
        yield Label(t("person.role"))
        yield role_select(self.person.role if self.person else Role.BUSINESS)
        yield Static("", id="person-message", classes="hint error-message")

    @on(Input.Changed)
    def _fixing(self) -> None:
        """A refusal goes once the field it was about is being changed (it stayed, red,
        over an address already put right)."""
        self.query_one("#person-message", Static).update("")

    def result(self) -> dict[str, Any] | None:
        if not self.value("name").strip():
            self._refuse("name", t("dialog.required"))
            return None
        email = self.value("email").strip()
        if email and not _EMAIL.fullmatch(email):
            self._refuse("email", literal(t("person.bad_email", value=email)))
            return None
        values: dict[str, Any] = {field: self.value(field) for field in self.TEXT_FIELDS}
        return {**values, "role": Role(str(self.query_one("#role", Select).value))}

    def _refuse(self, field: str, why: Any) -> None:
        """Say why under the field in error, focused and in sight (at 80×24 the message
        lay below the role, off the dialog's screen, and nothing seemed to happen)."""
        message = self.query_one("#person-message", Static)
        box = self.query_one(f"#{field}", Input)
        form = box.parent
        if isinstance(form, Widget) and message.parent is form:
            form.move_child(message, after=box)
        message.update(why)
        box.focus()
        self.call_after_refresh(message.scroll_visible, animate=False)


class CustomerScreen(DataScreen[CustomerForm]):
    DEFAULT_CSS = """
    #customer-form { padding: 0 1; }
    #customer-form Input { width: 1fr; }
    #people { height: auto; max-height: 12; }
    .field-error { color: $error; height: auto; }
    """
    BINDINGS = [
        Binding(
            "ctrl+s",
            "save",
            "customer.save",
            id="customer.save",
            tooltip="customer.save.help",
            priority=True,
        ),
        Binding(
            "ctrl+a",
            "add_person",
            "customer.add_person",
            id="customer.add_person",
            tooltip="customer.add_person.help",
            priority=True,
        ),
        Binding(
            "enter",
            "edit_person",
            "customer.edit_person",
            id="customer.edit_person",
            tooltip="customer.edit_person.help",
            show=False,
        ),
        Binding(
            "delete",
            "remove_person",
            "customer.remove_person",
            id="customer.remove_person",
            tooltip="customer.remove_person.help",
            show=False,
        ),
        Binding(
            "ctrl+d",
            "delete_person",
            "customer.delete_person",
            id="customer.delete_person",
            tooltip="customer.delete_person.help",
            show=False,
        ),
        Binding("escape", "back", "review.back", id="review.back", tooltip="review.back.help"),
    ]

    def __init__(self, customer_id: int | None = None, person_id: int | None = None) -> None:
        super().__init__()
        self.customer_id = customer_id
        #: the person to show first (opened from a search hit): their row, the list focused
        self.person_id = person_id
        self.customer = Customer(name="-")
        self.people: list[Person] = []

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
            yield Label(t("customer.people"), id="people-label")
            yield SafeTable(id="people", cursor_type="row")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = t("customer.subtitle_new")
        self.query_one(DataTable).add_columns(
            t("customer.col.name"),
            t("customer.col.title"),
            t("customer.col.role"),
            t("customer.col.email"),
            t("customer.col.phone"),
            "",
        )
        self.query_one("#name", Input).focus()
        self.query_one("#people-label", Label).update(
            t(
                "customer.people",
                add=key_of(self, "customer.add_person"),
                edit=key_of(self, "customer.edit_person"),
                archive=key_of(self, "customer.remove_person"),
                delete=key_of(self, "customer.delete_person"),
            )
        )
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
        self._people_at_open = self._people_state()
        rows = [n for n, person in enumerate(self.people) if person.id == self.person_id]
        self.person_id = None  # once: a later read leaves the cursor where it is
        if rows:
            table = self.query_one(DataTable)
            table.move_cursor(row=rows[0], animate=False, scroll=True)
            table.focus()

    def _show_people(self) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for person in self.people:
            gone = person.archived_at is not None
            cells = [
                person.name,
                person.title,
                t(f"role.{person.role.value}"),
                person.email,
                person.phone,
                t("archive.archived") if gone else "",
            ]
            table.add_row(*(literal(c, "dim" if gone else "", one_line=True) for c in cells))
        if self.people:
            table.move_cursor(row=min(row, len(self.people) - 1))

    def action_add_person(self) -> None:
        def added(result: dict | None) -> None:
            if result:
                self.people.append(Person(customer_id=self.customer.id or 0, **result))
                self._show_people()

        self.app.push_screen(PersonDialog(), added)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit_person()

    def action_edit_person(self) -> None:
        """Edit every field of the selected person (saved with the form, ctrl+s)."""
        table = self.query_one(DataTable)
        if not self.people:
            return
        index = min(table.cursor_row, len(self.people) - 1)
        person = self.people[index]

        def edited(result: dict | None) -> None:
            if result and index < len(self.people) and self.people[index] is person:
                self.people[index] = Person.model_validate({**person.model_dump(), **result})
                self._show_people()

        self.app.push_screen(PersonDialog(person), edited)

    def action_remove_person(self) -> None:
        """Archive the selected person (they left: old visits and notes keep them), or
        restore an archived one; saved with the form (ctrl+s)."""
        table = self.query_one(DataTable)
        if not (self.people and table.has_focus):
            return
        index = table.cursor_row
        person = self.people[index]
        if person.id is None:  # added in this form and never saved: nothing refers to them
            self.people.pop(index)
            self.notify(t("customer.person_removed", name=person.name), timeout=4)
        else:
            stamp = None if person.archived_at else self.iapp.now().replace(microsecond=0)
            self.people[index] = person.model_copy(update={"archived_at": stamp})
            self.notify(
                t(
                    "customer.person_archived" if stamp else "customer.person_restored",
                    name=person.name,
                ),
                timeout=4,
            )
        self._show_people()

    def action_delete_person(self) -> None:
        """Delete an archived, saved person for good, after saying what goes with them."""
        from interview_tui.services import archive
        from interview_tui.tui.confirm import ConfirmDialog

        table = self.query_one(DataTable)
        if not (self.people and table.has_focus):
            return
        person = self.people[table.cursor_row]
        if person.id is None or person.archived_at is None:
            self.notify(t("archive.archive_first"), severity="warning", timeout=6)
            return
        store, person_id = self.iapp.store, person.id

        def ask(found: archive.Impact) -> None:
            lines = [t(f"archive.impact.{n}", count=c) for n, c in found.counts().items()]
            body = "\n".join(
                [t("archive.delete_body.person"), *lines, "", t("archive.delete_final")]
            )

            def deleted(_gone: object) -> None:
                self.people = [p for p in self.people if p.id != person_id]
                self._show_people()
                self.notify(t("archive.deleted", name=found.name))

            def confirmed(yes: bool | None) -> None:
                if yes:
                    self.iapp.save(
                        lambda: archive.delete_for_good(store, "person", person_id), deleted
                    )

            self.app.push_screen(
                ConfirmDialog(
                    t("archive.delete_title", name=found.name),
                    body,
                    t("archive.delete_yes"),
                    danger=True,
                ),
                confirmed,
            )

        self.read(lambda: archive.impact(store, "person", person_id), ask, asks=True)

    def action_save(self) -> None:
        error = self.query_one("#name-error", Static)
        error.update("")
        customer = self.customer.model_copy(
            update={
                "name": self.query_one("#name", Input).value,
                "industry": self.query_one("#industry", Input).value,
                "notes": self.query_one("#notes", Input).value,
            }
        )
        store, people = self.iapp.store, list(self.people)

        def saved(form: CustomerForm) -> None:
            self.customer, self.people = form.customer or self.customer, form.people
            self.customer_id = self.customer.id
            self._show_people()
            self.sub_title = t("customer.subtitle_edit", name=self.customer.name)
            self._opened_with = typed_text(self)
            self._people_at_open = self._people_state()
            self.notify(t("customer.saved"), timeout=2)
            self.app.screen_stack[0].post_message(DataChanged())
            if getattr(self, "leave_after_save", False):
                self.dismiss()

        def failed(problem: SaveError) -> None:
            if problem.field == "name":
                error.update(literal(problem.message))
                self.query_one("#name", Input).focus()

        self.iapp.save(lambda: save_customer(store, customer, people), saved, failed, quiet=True)

    def action_back(self) -> None:
        """Back; with changes not saved (fields, people added or removed), asks first."""
        leave_form(self, self.unsaved_changes())

    def unsaved_changes(self) -> bool:
        opened = getattr(self, "_opened_with", {"name": "", "industry": "", "notes": ""})
        people = getattr(self, "_people_at_open", [])
        return typed_text(self) != opened or self._people_state() != people

    def _people_state(self) -> list[dict[str, Any]]:
        """The people as the form holds them (added, archived, restored are changes)."""
        return [p.model_dump() for p in self.people]
