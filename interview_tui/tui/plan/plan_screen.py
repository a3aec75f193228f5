"""A visit's plan: the customer brief, the script builder with coverage, and readiness."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Vertical, VerticalScroll
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Header, Select, Static, TabbedContent, TabPane

from interview_tui.banks.industry import industry_for
from interview_tui.banks.schema import INDUSTRIES, BankQuestion
from interview_tui.domain.enums import Goal, Role
from interview_tui.domain.models import CustomerQuestion, ScriptItem
from interview_tui.domain.names import display
from interview_tui.i18n import current_language, pad, t
from interview_tui.services import customer_questions, script_builder
from interview_tui.services import placeholders as placeholder_service
from interview_tui.services import plan as plan_service
from interview_tui.services.customer_brief import CustomerBrief
from interview_tui.services.customer_questions import beyond_limits
from interview_tui.services.plan_preview import preview
from interview_tui.services.readiness import coverage, item_findings, readiness
from interview_tui.store.store import Store
from interview_tui.tui.base import TranslatedBindings
from interview_tui.tui.brief_view import brief_lines
from interview_tui.tui.data import DataScreen
from interview_tui.tui.inputs import Choice, Input
from interview_tui.tui.keybar import KeyBar
from interview_tui.tui.messages import DataChanged
from interview_tui.tui.plan.customer_question_dialog import CustomerQuestionDialog
from interview_tui.tui.plan.item_dialog import ItemDialog
from interview_tui.tui.plan.placeholder_dialog import PlaceholderDialog
from interview_tui.tui.plan.script_tables import BankTable, ScriptTable, preview_text
from interview_tui.tui.team_line import SHARED_MARK
from interview_tui.tui.text import Block, Hanging, SafeTable, esc, marked, visible

#: below this many columns the bank, the script and the preview are stacked
WIDE_COLUMNS = 100


class CustomerQuestionTable(TranslatedBindings, SafeTable):
    """This visit's customer questions; its keys work while it has focus."""

    #: the question keeps half the room, the prepared answer the rest; each cut ends in …
    #: (at 80 columns the answer lay past the pane's edge)
    main_column = 1
    give_way = ((2, 12),)

    BINDINGS = [
        Binding(
            "a", "screen.add_theirs", "plan.cq.add", id="plan.cq.add", tooltip="plan.cq.add.help"
        ),
        Binding(
            "enter",
            "screen.edit_theirs",
            "plan.cq.edit",
            id="plan.cq.edit",
            tooltip="plan.cq.edit.help",
        ),
        Binding(
            "delete",
            "screen.remove_theirs",
            "plan.cq.remove",
            id="plan.cq.remove",
            tooltip="plan.cq.remove.help",
        ),
    ]


class PlanScreen(DataScreen[plan_service.PlanData]):
    CSS_PATH = "plan.tcss"
    AUTO_FOCUS = "#bank"
    PREFETCH = True  # the read runs while the screen is built (its fetch needs no widget)
    #: stacked below WIDE_COLUMNS: a class given as the screen is made (and by Textual on a
    #: resize), so its widgets are styled once; set on mount, it restyled the whole screen
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE_COLUMNS, "-wide")]
    # The footer shows the focused list's keys first (script_tables.py), then these, in
    # this order, as many as fit: the most used first.
    BINDINGS = [
        # letters every keyboard sends (a MacBook has no F keys without fn), F keys as before
        Binding("m,f10", "mark_rehearsed", "plan.mark", id="plan.mark", tooltip="plan.mark.help"),
        Binding("ctrl+o", "own", "plan.own", id="plan.own", tooltip="plan.own.help", priority=True),
        Binding(
            "r,f7", "rehearse", "plan.rehearse", id="plan.rehearse", tooltip="plan.rehearse.help"
        ),
        Binding("l,f8", "live", "plan.live", id="plan.live", tooltip="plan.live.help"),
        Binding("e,f6", "edit_visit", "plan.edit", id="plan.edit", tooltip="plan.edit.help"),
        # the four tabs: digits (typed text when a text field has focus); the key bar shows
        # one entry for the four
        Binding(
            "1",
            "show_tab('brief-tab')",
            "plan.tabs",
            id="plan.tab1",
            tooltip="plan.tabs.help",
            key_display="1-4",
        ),
        Binding(
            "2",
            "show_tab('script-tab')",
            "plan.tab.script",
            id="plan.tab2",
            tooltip="plan.tabs.help",
            show=False,
        ),
        Binding(
            "3",
            "show_tab('theirs-tab')",
            "plan.tab.theirs",
            id="plan.tab3",
            tooltip="plan.tabs.help",
            show=False,
        ),
        Binding(
            "4",
            "show_tab('ready-tab')",
            "plan.tab.ready",
            id="plan.tab4",
            tooltip="plan.tabs.help",
            show=False,
        ),
        Binding("f,f4", "fill_facts", "plan.fill", id="plan.fill", tooltip="plan.fill.help"),
        Binding("escape", "back", "review.back", id="review.back", tooltip="review.back.help"),
        Binding(
            "ctrl+l",
            "carry_over",
            "plan.carry_over",
            id="plan.carry_over",
            tooltip="plan.carry_over.help",
            show=False,
            priority=True,
        ),
    ]

    def __init__(self, visit_id: int) -> None:
        super().__init__()
        self.visit_id = visit_id
        self.items: list[ScriptItem] = []
        self.bank_rows: list[BankQuestion] = []
        self.their_questions: list[CustomerQuestion] = []
        self._adding: set[str] = set()  # bank questions whose add is still being saved
        self._preview_of = "bank"  # the list the preview follows: the one focused last
        self._preview_shown: object = None  # what the preview shows now (drawn once each)
        #: the tabs not shown since their data changed: each is filled when next shown
        self._stale: set[str] = set()
        self.brief: CustomerBrief | None = None  # read when the brief tab is first shown

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(initial="script-tab"):
            with TabPane(t("plan.tab.brief"), id="brief-tab"):
                yield VerticalScroll(Static("", id="brief"))
            with TabPane(t("plan.tab.script"), id="script-tab"), Container(id="builder"):
                with Vertical(id="bank-pane"):
                    with Container(id="bank-filters"):
                        yield Choice(
                            [(t(f"role_short.{r.value}"), r.value) for r in Role],
                            prompt=t("plan.any_role"),
                            id="role-filter",
                            compact=True,
                        )
                        yield Choice(
                            [(f"{g.number} {t(f'goal.{g.value}')}", g.value) for g in Goal],
                            prompt=t("plan.any_goal"),
                            id="goal-filter",
                            compact=True,
                        )
                        yield Choice(
                            [("中文", "zh-CN"), ("English", "en")],
                            value=current_language(),
                            allow_blank=False,
                            id="lang-filter",
                            compact=True,
                        )
                        yield Choice(
                            [(t(f"industry.{i}"), i) for i in INDUSTRIES],
                            prompt=t("plan.any_industry"),
                            id="industry-filter",
                            compact=True,
                        )
                        yield Input(
                            placeholder=t("plan.filter_text"), id="text-filter", compact=True
                        )
                    yield BankTable(id="bank", cursor_type="row")
                with Vertical(id="script-pane"):
                    yield ScriptTable(id="script", cursor_type="row")
                    with VerticalScroll(id="preview-pane"):
                        yield Static("", id="preview")
                    yield Static("", id="coverage")
            with TabPane(t("plan.tab.theirs"), id="theirs-tab"), Vertical():
                yield Static(t("plan.theirs_hint"), classes="pane-title")
                yield CustomerQuestionTable(id="theirs", cursor_type="row")
            with TabPane(t("plan.tab.ready"), id="ready-tab"):
                yield VerticalScroll(Static("", id="readiness"))
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#bank", DataTable).add_columns(
            "", t("customer.col.role"), t("plan.col.goal"), t("plan.col.bank")
        )
        self.query_one("#script", DataTable).add_columns(
            "#", "", t("customer.col.role"), t("plan.script")
        )
        self.query_one("#theirs", DataTable).add_columns(
            "", t("plan.cq.col.question"), t("plan.cq.col.answer")
        )
        super().on_mount()

    def fetch(self) -> plan_service.PlanData:
        return plan_service.load_plan(
            self.iapp.store,
            self.visit_id,
            getattr(self, "library", None),
            current_language(),
        )

    def show(self, data: plan_service.PlanData) -> None:
        """The script tab at once; the other tabs when they are shown (the brief is read
        then), so opening the plan builds and reads only what is on screen."""
        self.data = data
        self.visit, self.customer, self.library = data.visit, data.customer, data.library
        self.items = data.items
        self.sub_title = t(
            "plan.subtitle",
            customer=self.customer.name,
            date=self.visit.date.strftime("%Y-%m-%d %H:%M"),
        )
        if self.visit.shared_at is not None:  # the team has it: edits here reach colleagues
            self.sub_title += f" · {SHARED_MARK} {t('share.mark')}"
        if not self._industry_chosen:  # the customer's industry preselects its bank, once
            self._industry_chosen = True
            industry = industry_for(self.customer.industry)
            if industry in self.library.industries():
                self.query_one("#industry-filter", Select).value = industry
            if industry == "general" and self.customer.industry.strip():
                self.notify(
                    t("plan.general_bank", industry=self.customer.industry.strip()), timeout=6
                )
        if not self._language_chosen:  # the script's language (once: then the user's)
            self._language_chosen = True
            self.query_one("#lang-filter", Select).value = data.bank_language
        self.their_questions = data.customer_questions
        self._stale = {"brief-tab", "theirs-tab", "ready-tab"}
        self._fill_bank()
        self._refresh()
        self._fill_stale()

    _industry_chosen = False
    _language_chosen = False

    def _active_tab(self) -> str:
        return self.query_one(TabbedContent).active

    @on(TabbedContent.TabActivated)
    def _fill_stale(self) -> None:
        """Fill the tab shown if its data changed since it was last filled."""
        tab = self._active_tab()
        if tab not in self._stale or not hasattr(self, "data"):
            return
        self._stale.discard(tab)
        if tab == "brief-tab":
            store, visit, today = self.iapp.store, self.visit, self.iapp.today()
            self.read(lambda: plan_service.brief(store, visit, today), self._show_brief)
        elif tab == "theirs-tab":
            self._fill_theirs(self.their_questions)
        elif tab == "ready-tab":
            self._show_readiness()

    def _changed(self, tab: str) -> None:
        """``tab``'s data changed: filled now if it is shown, else when it is next shown."""
        self._stale.add(tab)
        self._fill_stale()

    def _fill_theirs(self, questions: list[CustomerQuestion], keep: int | None = None) -> None:
        self.their_questions = questions
        self._changed("ready-tab")  # one of its checks is about these questions
        if self._active_tab() != "theirs-tab":
            self._stale.add("theirs-tab")
            return
        self._stale.discard("theirs-tab")
        table = self.query_one("#theirs", SafeTable)
        row = table.cursor_row if keep is None else keep
        table.clear()
        for q in questions:
            beyond = beyond_limits(q.answer, self.visit.must_not_promise) if q.answer else []
            mark = Text("⚠", style="bold yellow") if beyond or not q.answer else Text("✓")
            # a gap to fill shown as in the script (【待填：…】), not as its raw <name>
            answer = marked(q.answer, one_line=True) if q.answer else "—"
            table.add_row(mark, marked(q.text, one_line=True), answer, key=str(q.id))
        if questions:
            table.move_cursor(row=min(max(row, 0), len(questions) - 1))
        table.measure()

    # -- refresh --------------------------------------------------------------------------

    def _refresh(self, keep: int | None = None) -> None:
        self._fill_script(keep)
        self._show_coverage()
        self._changed("ready-tab")

    def _filters(self) -> tuple[object, object, str, object, str]:
        """The bank's filters: role, goal, language, industry and text."""
        return (
            self.query_one("#role-filter", Select).value,
            self.query_one("#goal-filter", Select).value,
            str(self.query_one("#lang-filter", Select).value),
            self.query_one("#industry-filter", Select).value,
            self.query_one("#text-filter", Input).value.casefold().strip(),
        )

    _filled_with: tuple[object, ...] | None = None  # the filters the bank was last filled with

    def _fill_bank(self) -> None:
        if not hasattr(self, "library"):
            return  # the filters changed before the first read arrived
        role, goal, language, industry, needle = self._filled_with = self._filters()
        industries = None if industry == Select.NULL else ["general", str(industry)]
        used = {item.bank_question_id for item in self.items}
        rows = [
            q
            for q in self.library.questions(language, industries)
            if (role == Select.NULL or q.role.value == role)
            and (goal == Select.NULL or q.goal.value == goal)
            and (not needle or needle in searchable(q))
        ]
        if industry not in (Select.NULL, "general"):  # the industry's own questions first
            own = {q.id for q in self.library.questions(language, [str(industry)])}
            rows.sort(key=lambda q: q.id not in own)
        self.bank_rows = rows
        table = self.query_one("#bank", SafeTable)
        row = table.cursor_row
        table.clear()
        for q in self.bank_rows:
            table.add_row(
                self._bank_mark(q.id in used),
                t(f"role_short.{q.role.value}"),
                str(q.goal.number),
                marked(q.text, one_line=True),  # a gap to fill, as in the script
            )
        if self.bank_rows:
            table.move_cursor(row=min(max(row, 0), len(self.bank_rows) - 1))
        table.measure()  # its widths and scrollbar in the first paint, not a layout later
        self._show_preview()

    @staticmethod
    def _bank_mark(used: bool) -> Text:
        return Text("✓", style="green") if used else Text(" ")

    def _mark_bank(self) -> None:
        """Mark the bank rows that are in the script, in place (the cursor stays)."""
        used = {item.bank_question_id for item in self.items}
        table = self.query_one("#bank", DataTable)
        for row, q in enumerate(self.bank_rows):
            table.update_cell_at(
                Coordinate(row, 0), self._bank_mark(q.id in used), update_width=False
            )

    @on(Select.Changed, "#bank-filters Select")
    @on(Input.Changed, "#text-filter")
    def _filters_changed(self) -> None:
        if self._filled_with is None or self._filters() == self._filled_with:
            # the bank is not filled yet (the plan fills it with the filters as they are once
            # its data is read) or a filter was set to what it was: the bank is as shown
            return
        self.query_one("#bank", DataTable).move_cursor(row=0)  # a new list starts at its top
        self._fill_bank()

    def _fill_script(self, keep: int | None = None) -> None:
        table = self.query_one("#script", SafeTable)
        row = table.cursor_row if keep is None else keep
        table.clear()
        for n, item in enumerate(self.items, start=1):
            shallow = item_findings(item).shallow
            mark = Text("⚠", style="bold yellow") if shallow else Text("✓", style="green")
            table.add_row(
                str(n), mark, t(f"role_short.{item.role.value}"), marked(item.text, one_line=True)
            )
        if self.items:
            table.move_cursor(row=min(max(row, 0), len(self.items) - 1))
        table.measure()
        self._show_preview()

    def _current(self) -> ScriptItem | None:
        table = self.query_one("#script", DataTable)
        return self.items[table.cursor_row] if self.items else None

    def _bank_current(self) -> BankQuestion | None:
        table = self.query_one("#bank", DataTable)
        rows = self.bank_rows
        return rows[table.cursor_row] if rows and table.cursor_row < len(rows) else None

    @on(events.DescendantFocus)
    def _focus_moved(self, event: events.DescendantFocus) -> None:
        """The preview follows the script while it has focus, the bank otherwise."""
        widget = event.widget
        if widget.id == "script":
            follows = "script"
        elif widget.id == "bank" or (
            widget.parent is not None and widget.parent.id == "bank-filters"
        ):
            follows = "bank"
        else:
            return
        if follows != self._preview_of:
            self._preview_of = follows
            self._show_preview()

    @on(DataTable.RowHighlighted, "#bank")
    @on(DataTable.RowHighlighted, "#script")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if (event.data_table.id == "script") == (self._preview_of == "script"):
            self._show_preview()
        if event.data_table.id == "script":
            self.refresh_bindings()  # accept is offered only where there is a finding

    def _show_preview(self) -> None:
        """The preview of the highlighted question, drawn (and linted) only when it is
        another question than the one shown."""
        if self._preview_of == "script":
            item = self._current()
            key: tuple[object, ...] = ("script", item)
        else:
            question = self._bank_current()
            used = question is not None and any(
                i.bank_question_id == question.id for i in self.items
            )
            key = ("bank", question, used)
        if key == self._preview_shown:
            return
        self._preview_shown = key
        if self._preview_of == "script":
            shown = preview_text(preview(item) if item else None)
        else:
            shown = preview_text(preview(question) if question else None, in_script=used)
        self.query_one("#preview", Static).update(shown)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "accept":
            item = self._current()
            return item is not None and any(not f.accepted for f in item_findings(item).findings)
        return True

    def _attendees(self):
        people = self.data.people
        return [p for p in people if p.id in self.visit.attendee_ids] or people

    def _show_coverage(self) -> None:
        roles = sorted({p.role for p in self._attendees()}, key=list(Role).index) or list(Role)
        goals = self.visit.goals or list(Goal)
        cells = coverage(self.items, roles, goals)
        head = "".join(f"{g.number:>4}" for g in goals)
        lines = [f"[b]{esc(t('plan.coverage'))}[/b]", f"{'':<16}{head}"]
        for role in roles:
            row = "".join(
                f"{cells[(role, g)]:>4}" if cells[(role, g)] else "[red]   0[/red]" for g in goals
            )
            label = t(f"role_short.{role.value}")
            lines.append(f"{esc(pad(label, 16))}{row}")
        self.query_one("#coverage", Static).update("\n".join(lines))

    def _show_readiness(self) -> None:
        checks = readiness(self.visit, self.items, self._attendees(), self.their_questions)
        lines: list[Text | Hanging] = []
        for check in checks:
            mark = Text("✓ ", style="green") if check.ok else Text("✗ ", style="red")
            body = Text(t(check.key))
            if check.detail:
                body.append(f"  {check.detail}", style="dim")
            lines.append(Hanging(mark, body))
        lines += [Text(""), Text(display(self.visit.status))]
        self.query_one("#readiness", Static).update(Block(lines))

    def _show_brief(self, brief: CustomerBrief) -> None:
        """Where things stand with the customer; each line wraps under its own text."""
        self.brief = brief
        lines = brief_lines(brief, self.iapp.today())
        self.query_one("#brief", Static).update(Block(lines))

    # -- actions: each saves through the writer, then shows the script as stored ------------

    def _write_script(
        self,
        change: Callable[[Store, list[ScriptItem]], object],
        keep: int | Callable[[list[ScriptItem]], int | None] | None = None,
        marks_too: bool = False,
        then: Callable[[], None] | None = None,
    ) -> None:
        """Run ``change(store, items)`` on copies of the items, then show the stored script
        with the cursor on row ``keep`` (or the row ``keep(stored)`` picks)."""
        store, visit_id = self.iapp.store, self.visit_id
        items = [item.model_copy(deep=True) for item in self.items]

        def write() -> list[ScriptItem]:
            change(store, items)
            return plan_service.script(store, visit_id)

        def done(stored: list[ScriptItem]) -> None:
            self.items = stored
            if marks_too:
                self._mark_bank()
            self._refresh(keep=keep(stored) if callable(keep) else keep)
            if then is not None:
                then()

        self.iapp.save(write, done)

    @on(DataTable.RowSelected, "#bank")
    def _clicked_in_bank(self, event: DataTable.RowSelected) -> None:
        self._add(event.cursor_row)

    def action_add(self) -> None:
        """Add the highlighted bank question; the cursor moves on to the next row at once,
        so ``enter`` pressed again (even before the save is done) adds the next one."""
        self._add(self.query_one("#bank", DataTable).cursor_row)

    def _add(self, row: int) -> None:
        if not 0 <= row < len(self.bank_rows):
            return
        question = self.bank_rows[row]
        there = next((i for i in self.items if i.bank_question_id == question.id), None)
        if there is not None or question.id in self._adding:
            self._already(there.text if there else question.text)
            return
        table = self.query_one("#bank", DataTable)
        if row + 1 < len(self.bank_rows):
            table.move_cursor(row=row + 1)
        self._adding.add(question.id)
        store, visit_id = self.iapp.store, self.visit_id

        def write() -> list[ScriptItem] | str:
            try:
                script_builder.add_from_bank(store, visit_id, question, [])
            except script_builder.AlreadyInScript as refused:
                return refused.item.text
            return plan_service.script(store, visit_id)

        def done(result: list[ScriptItem] | str) -> None:
            self._adding.discard(question.id)
            if isinstance(result, str):
                self._already(result)
                return
            self.items = result
            self._mark_bank()
            self._refresh(keep=len(result) - 1)

        self.iapp.save(write, done, lambda _error: self._adding.discard(question.id))

    def _already(self, text: str) -> None:
        short = visible(text, one_line=True, limit=80)
        self.notify(t("plan.already_in_script", text=short), severity="warning", timeout=4)

    def action_carry_over(self) -> None:
        """Bring in the questions the customer's previous visit did not get to."""
        visit_id = self.visit_id
        count = len(self.items)
        carried: list[script_builder.Carried] = []  # (what the write did, for the note)

        def carry(store, items):
            carried.append(script_builder.carry_over(store, visit_id, items))

        def done_note() -> None:
            did = carried[0] if carried else script_builder.Carried([], 0)
            if did.added:
                message = t("plan.carried_over", count=len(did.added))
            elif did.unasked:  # carried over before: they are here already
                message = t("plan.carried_already", count=did.unasked)
            else:
                message = t("plan.nothing_to_carry")
            self.notify(message, timeout=4)

        self._write_script(
            carry,
            keep=lambda stored: count if len(stored) > count else None,
            marks_too=True,  # the bank ticks the questions carried in (from the bank too)
            then=done_note,
        )

    def action_own(self) -> None:
        current = self._current()
        role = current.role if current else Role.BUSINESS
        goal = self.visit.goals[0] if self.visit.goals else Goal.KEY_REQUIREMENTS
        visit_id = self.visit_id

        def done(result: dict | None) -> None:
            if result:

                def add(store, items):
                    item = script_builder.add_own(
                        store, visit_id, result["text"], result["role"], result["goal"], items
                    )
                    _update(item, result)
                    store.save(item)

                self._write_script(add, keep=lambda stored: len(stored) - 1)

        self.app.push_screen(ItemDialog(None, role, goal), done)

    @on(DataTable.RowSelected, "#script")
    def action_edit_item(self) -> None:
        item = self._current()
        if item is None:
            return

        def done(result: dict | None) -> None:
            if result:
                self._apply(item, result)

        self.app.push_screen(ItemDialog(item, item.role, item.goal), done)

    def _apply(self, item: ScriptItem, fields: dict) -> None:
        changed = item.model_copy(deep=True)
        _update(changed, fields)
        index = self.items.index(item)
        self._write_script(lambda store, _items: store.save(changed), keep=index)

    def action_move(self, delta: int) -> None:
        table = self.query_one("#script", DataTable)
        if self.items and table.has_focus:
            row = table.cursor_row
            target = min(max(row + delta, 0), len(self.items) - 1)
            self._write_script(
                lambda store, items: script_builder.move(store, items, row, delta), keep=target
            )

    def action_remove(self) -> None:
        table = self.query_one("#script", DataTable)
        if self.items and table.has_focus:
            row = table.cursor_row

            def remove(store: Store, items: list[ScriptItem]) -> None:
                removed = script_builder.remove(store, items, row)
                self.__dict__.setdefault("_undo", []).append(("removed", removed))

            self._write_script(remove, keep=row, marks_too=True)

    def action_accept(self) -> None:
        item = self._current()
        if item is None:
            return
        codes = [f.code for f in item_findings(item).findings if not f.accepted]
        self._apply(item, {"accepted_findings": sorted({*item.accepted_findings, *codes})})

    def action_take_rewrite(self) -> None:
        """ctrl+r on a flagged script question: its rewrite takes its place (ctrl+z undoes)."""
        item = self._current()
        result = item_findings(item) if item is not None else None
        better = result.rewrite if result is not None else ""
        if item is None or not better or better == item.text:
            flagged = result is not None and result.shallow
            self.notify(t("rewrite.none_flagged" if flagged else "rewrite.none"), timeout=3)
            return
        self.__dict__.setdefault("_undo", []).append(
            ("rewritten", (item.uid, item.text, list(item.follow_ups)))
        )
        follow = result.follow_up if result is not None else ""
        # a double question's other half is asked next: the first line of its follow-ups
        fields: dict = {"text": better}
        if follow:
            fields["follow_ups"] = [follow, *item.follow_ups]
        self._apply(item, fields)
        self.notify(t("rewrite.taken"), timeout=3)

    def action_undo_rewrite(self) -> None:
        """ctrl+z in the script: the last change of it taken back (a rewrite gives its words
        back, a removed question comes back in its place)."""
        stack = self.__dict__.get("_undo") or []
        while stack:
            kind, what = stack.pop()
            if kind == "removed":
                self._put_back(what)
                return
            uid, text, follow_ups = what
            item = next((item for item in self.items if item.uid == uid), None)
            if item is not None:
                self._apply(item, {"text": text, "follow_ups": follow_ups})
                return
        self.notify(t("undo.nothing"), timeout=3)

    def _put_back(self, removed: script_builder.Removed) -> None:
        """A removed question back in its place, the cursor on it."""
        uid = removed.item.uid
        self._write_script(
            lambda store, _items: script_builder.restore(store, removed),
            keep=lambda stored: next((n for n, i in enumerate(stored) if i.uid == uid), None),
            marks_too=True,
        )
        self.notify(t("undo.done", change=removed.item.text), timeout=3)

    def action_mark_rehearsed(self) -> None:
        checks = readiness(self.visit, self.items, self._attendees(), self.their_questions)
        failing = sum(not check.ok for check in checks)
        store, visit_id = self.iapp.store, self.visit_id

        def done(visit) -> None:
            self.visit = visit
            if failing:
                self.notify(t("plan.not_ready", count=failing), severity="warning")
            else:
                self.notify(t("plan.marked"))
            self._changed("ready-tab")
            self.app.screen_stack[0].post_message(DataChanged())

        self.iapp.save(lambda: plan_service.mark_rehearsed(store, visit_id), done)

    # -- their questions ----------------------------------------------------------------------

    def _their_current(self) -> CustomerQuestion | None:
        table = self.query_one("#theirs", DataTable)
        questions = self.their_questions
        return questions[table.cursor_row] if questions else None

    def _save_their(self, question: CustomerQuestion, keep: int | None = None) -> None:
        store = self.iapp.store
        self.iapp.save(
            lambda: customer_questions.save(store, question),
            lambda stored: self._fill_theirs(stored, keep),
        )

    def action_add_theirs(self) -> None:
        def done(result: dict | None) -> None:
            if result:
                question = CustomerQuestion(visit_id=self.visit_id, **result)
                self._save_their(question, keep=len(self.their_questions))

        self.app.push_screen(CustomerQuestionDialog(None, self.visit.must_not_promise), done)

    def action_edit_theirs(self) -> None:
        current = self._their_current()
        if current is None:
            return
        index = self.their_questions.index(current)

        def done(result: dict | None) -> None:
            if result:
                self._save_their(current.model_copy(update=result), keep=index)

        self.app.push_screen(CustomerQuestionDialog(current, self.visit.must_not_promise), done)

    def action_remove_theirs(self) -> None:
        current = self._their_current()
        if current is None or current.id is None:
            return
        store, visit_id, question_id = self.iapp.store, self.visit_id, current.id
        index = self.their_questions.index(current)
        self.iapp.save(
            lambda: customer_questions.remove(store, visit_id, question_id),
            lambda stored: self._fill_theirs(stored, keep=index),
        )

    def action_fill_facts(self) -> None:
        """Fill each placeholder still open in the script (and the customer questions) once:
        every question naming it gets the value."""
        counts = placeholder_service.unfilled([*self.items, *self.their_questions])
        if not counts:
            self.notify(t("placeholder.none"), timeout=4)
            return
        known = {"customer": self.customer.name, "客户": self.customer.name}
        prefilled = {name: known[name] for name in counts if name in known}
        store, visit_id = self.iapp.store, self.visit_id
        row = self.query_one("#script", DataTable).cursor_row

        def done(values: dict[str, str] | None) -> None:
            if not values:
                return

            def shown(result) -> None:
                before = sum(counts.values())
                self.items, questions = result
                left = placeholder_service.unfilled([*self.items, *questions])
                self._refresh(keep=row)
                self._fill_theirs(questions)
                filled = before - sum(left.values())
                self.notify(t("placeholder.filled", count=filled), timeout=4)

            self.iapp.save(lambda: placeholder_service.fill_visit(store, visit_id, values), shown)

        self.app.push_screen(
            PlaceholderDialog(counts, prefilled, context=f"visit:{visit_id}"), done
        )

    def action_edit_visit(self) -> None:
        self.iapp.show("visit_form", visit_id=self.visit_id)

    def action_rehearse(self) -> None:
        self.iapp.show("rehearse", visit_id=self.visit_id)

    def action_live(self) -> None:
        """Live, as from home: a visit planned for another day is asked about first."""
        from interview_tui.tui.live_start import start_live

        start_live(self, self.visit_id)

    _away = False

    def on_screen_suspend(self) -> None:
        self._away = True

    def on_screen_resume(self) -> None:
        if self._away:  # back from the visit form or rehearsal: read what changed
            self._away = False
            self.reload_after_saves()

    def action_back(self) -> None:
        self.dismiss()

    def action_show_tab(self, tab_id: str) -> None:
        """Show a tab and focus its first list or pane (keys go on working there)."""
        self.query_one(TabbedContent).active = tab_id
        pane = self.query_one(f"#{tab_id}", TabPane)
        for selector in ("DataTable", "VerticalScroll"):
            for widget in pane.query(selector):
                if widget.focusable:
                    widget.focus()
                    return


def searchable(question: BankQuestion) -> str:
    """What the bank list's text filter looks in: the question, its research, purpose,
    follow-ups and tags (the industry's terms), case-folded."""
    parts = [
        question.text,
        question.research,
        question.purpose,
        *question.follow_ups,
        *question.tags,
    ]
    return "\n".join(parts).casefold()


def _update(item: ScriptItem, fields: dict) -> None:
    for key, value in fields.items():
        setattr(item, key, value)
