"""Export a visit from the app: the same formats and files as ``interview-tui export``."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Checkbox, Footer, Header, Input, Label, Select, Static

from interview_tui.cli.export_cmd import FORMATS, render
from interview_tui.exports.files import write_private
from interview_tui.i18n import t
from interview_tui.tui.base import BaseScreen

_SUFFIX = {"report-md": "report.md", "recap-md": "recap.md", "eml": "recap.eml", "ics": "ics",
           "json": "json"}  # fmt: skip
EXPORT_DIR = Path("~/interview-tui-exports")


class ExportScreen(BaseScreen):
    DEFAULT_CSS = """
    #export-form { height: auto; padding: 0 1; }
    #export-form Input, #export-form Select { width: 1fr; }
    #preview { height: 1fr; border: round $panel; padding: 0 1; }
    """
    BINDINGS = [
        Binding("escape", "back", "review.back", id="review.back", tooltip="review.back.help"),
        Binding("ctrl+s", "write", "export.write", id="export.write", priority=True),
    ]

    def __init__(self, visit_id: int) -> None:
        super().__init__()
        self.visit_id = visit_id

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="export-form"):
            yield Label(t("export.format"))
            yield Select([(t(f"export.fmt.{f}"), f) for f in FORMATS], value="recap-md",
                         allow_blank=False, id="format", compact=True)  # fmt: skip
            yield Label(t("export.path"))
            yield Input(id="path", compact=True)
            yield Checkbox(t("export.include_personal"), id="personal", compact=True)
            with Horizontal():
                yield Button(t("export.write") + " (ctrl+s)", id="write", variant="primary",
                             compact=True)  # fmt: skip
            yield Static("", id="export-message")
        yield VerticalScroll(Static("", id="preview-text", markup=False), id="preview")
        yield Footer()

    def on_mount(self) -> None:
        visit, customer = self.iapp.store.visit_with_customer(self.visit_id)
        self.sub_title = t("export.subtitle", customer=customer.name,
                           date=visit.date.strftime("%Y-%m-%d"))  # fmt: skip
        self._update()

    @property
    def output_format(self) -> str:
        return str(self.query_one("#format", Select).value)

    @on(Select.Changed, "#format")
    @on(Checkbox.Changed, "#personal")
    def _update(self) -> None:
        name = f"visit-{self.visit_id}-{_SUFFIX[self.output_format]}"
        self.query_one("#path", Input).value = str(EXPORT_DIR / name)
        data = self._export_bytes()
        preview = data.decode("utf-8", errors="replace")
        self.query_one("#preview-text", Static).update(preview[:20_000])

    def _export_bytes(self) -> bytes:
        return render(self.iapp.store, self.visit_id, self.output_format,
                      include_personal=self.query_one("#personal", Checkbox).value,
                      today=self.iapp.today(), now=self.iapp.now())  # fmt: skip

    @on(Button.Pressed, "#write")
    def action_write(self) -> None:
        path = Path(self.query_one("#path", Input).value).expanduser()
        message = self.query_one("#export-message", Static)
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            write_private(path, self._export_bytes())
        except OSError as exc:
            message.update(t("export.failed", path=path, reason=exc.strerror or exc))
            return
        message.update(t("export.written", path=path))
        self.notify(t("export.written", path=path), timeout=4)

    def action_back(self) -> None:
        self.dismiss()
