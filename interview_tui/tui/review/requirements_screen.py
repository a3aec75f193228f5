"""The requirement pool: in progress, next iteration, backlog; unclear ones marked."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Input, Label, Static

from interview_tui.domain.enums import PoolGroup, RequirementState
from interview_tui.domain.models import Customer, Requirement
from interview_tui.i18n import t
from interview_tui.tui.base import BaseScreen
from interview_tui.tui.forms import FormDialog

_STATES = list(RequirementState)


class LinkDialog(FormDialog):
    def __init__(self, title: str, key: str) -> None:
        super().__init__()
        self.title_text, self.key = title, key

    def fields(self) -> ComposeResult:
        yield Label(t("pool.link_hint"))
        yield Input(value=self.key, compact=True, id="key")

    def on_mount(self) -> None:
        self.query_one(".dialog-title", Static).update(self.title_text)
        super().on_mount()

    def result(self) -> dict[str, Any] | None:
        return {"key": self.value("key").strip()}


class RequirementsScreen(BaseScreen):
    """``1``/``2``/``3`` move the selected requirement; ``s`` advances its state."""

    DEFAULT_CSS = "#pool { height: 1fr; }"
    BINDINGS = [
        Binding("escape", "back", "review.back", id="review.back", tooltip="review.back.help"),
        Binding("1", "move('in_progress')", "pool.move1", id="pool.move1",
                tooltip="pool.move1.help"),
        Binding("2", "move('next_iteration')", "pool.move2", id="pool.move2",
                tooltip="pool.move2.help"),
        Binding("3", "move('backlog')", "pool.move3", id="pool.move3", tooltip="pool.move3.help"),
        Binding("s", "state", "pool.state", id="pool.state", tooltip="pool.state.help"),
        Binding("l", "link", "pool.link", id="pool.link", tooltip="pool.link.help"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.items: list[Requirement] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="pool", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = t("pool.subtitle")
        self.query_one(DataTable).add_columns(
            t("pool.col.group"), t("pool.col.state"), t("pool.col.customer"),
            t("pool.col.asked"), t("pool.col.requirement"))  # fmt: skip
        self.load()

    def load(self, keep: int | None = None) -> None:
        store = self.iapp.store
        names = {c.id: c.name for c in store.all(Customer)}
        every = store.requirements()
        askers: dict[str, set[int]] = defaultdict(set)
        for r in every:
            if r.link_key:
                askers[r.link_key].add(r.customer_id)
        order = {group: n for n, group in enumerate(PoolGroup)}
        self.items = sorted(every, key=lambda r: (order[r.group], r.state.is_closed, r.id or 0))
        table = self.query_one(DataTable)
        table.clear()
        for r in self.items:
            asked = len(askers[r.link_key]) if r.link_key else 1
            head = r.title or " · ".join(x for x in (r.user, r.scenario, r.pain) if x)
            if r.missing:
                head += "  " + t("pool.unclear", missing=", ".join(r.missing))
            style = "dim" if r.state.is_closed else ("yellow" if r.missing else "")
            table.add_row(t(f"group.{r.group.value}"), t(f"req.{r.state.value}"),
                          names.get(r.customer_id, "?"), str(asked), Text(head, style=style),
                          key=str(r.id))  # fmt: skip
        if keep is not None and str(keep) in table.rows:
            table.move_cursor(row=table.get_row_index(str(keep)))

    def selected(self) -> Requirement | None:
        table = self.query_one(DataTable)
        return self.items[table.cursor_row] if self.items else None

    def action_move(self, group: str) -> None:
        if (r := self.selected()) is not None:
            r.group = PoolGroup(group)
            self.iapp.store.save(r)
            self.notify(t("pool.moved", group=t(f"group.{group}")), timeout=2)
            self.load(keep=r.id)

    def action_state(self) -> None:
        if (r := self.selected()) is not None:
            r.state = _STATES[(_STATES.index(r.state) + 1) % len(_STATES)]
            self.iapp.store.save(r)
            self.load(keep=r.id)

    def action_link(self) -> None:
        if (r := self.selected()) is None:
            return

        def done(result: dict | None) -> None:
            if result is not None:
                r.link_key = result["key"]
                self.iapp.store.save(r)
                self.load(keep=r.id)

        title = t("pool.link_title", text=r.title or r.pain or r.user)
        self.app.push_screen(LinkDialog(title, r.link_key), done)

    def action_back(self) -> None:
        self.dismiss()
