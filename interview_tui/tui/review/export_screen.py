"""Export a visit from the app: the same formats and files as ``interview-tui export``.

The export is rendered in a worker (the preview) and written by the app's writer thread.
The path starts in the export folder of the settings, written out in full; the line under
it says where the file goes. The folder typed by the user stays when the format changes
(see :mod:`interview_tui.tui.review.export_path`).
"""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Checkbox, Header, Label, Select, Static

from interview_tui.errors import TargetExists, UserError
from interview_tui.exports.files import check_target, write_private
from interview_tui.exports.render import FORMATS, mail_note, render
from interview_tui.i18n import t
from interview_tui.services.visits import VisitHeading, visit_heading
from interview_tui.tui.data import DataScreen
from interview_tui.tui.inputs import Choice, Input, Tick
from interview_tui.tui.keybar import KeyBar
from interview_tui.tui.review.export_path import default_name, for_format, target
from interview_tui.tui.text import copy_text, literal


class ExportScreen(DataScreen[tuple[VisitHeading, bytes, Path]]):
    DEFAULT_CSS = """
    #export-form { height: auto; max-height: 60%; padding: 0 1; }
    #export-form Horizontal { height: auto; }
    #export-form Input, #export-form Select { width: 1fr; }
    #export-where { color: $text-muted; }
    #preview { height: 1fr; border: round $panel; padding: 0 1; }
    #preview:focus { border: round $accent; }
    """
    BINDINGS = [
        Binding("ctrl+s", "write", "export.write", id="export.write", priority=True),
        Binding("escape", "back", "review.back", id="review.back", tooltip="review.back.help"),
        Binding("y", "copy", "export.copy", id="export.copy", tooltip="export.copy.help"),
    ]

    def __init__(self, visit_id: int) -> None:
        super().__init__()
        self.visit_id = visit_id

    def compose(self) -> ComposeResult:
        yield Header()
        # the form is no focus stop of its own (nothing would show it had the focus)
        with VerticalScroll(id="export-form", can_focus=False):
            yield Label(t("export.format"))
            yield Choice(
                [(t(f"export.fmt.{f}"), f) for f in FORMATS],
                value="recap-md",
                allow_blank=False,
                id="format",
                compact=True,
            )
            yield Label(t("export.path"))
            yield Input(id="path", compact=True)
            yield Static("", id="export-where")
            yield Tick(t("export.include_personal"), id="personal", compact=True)
            with Horizontal():
                yield Button(
                    t("export.write") + " (ctrl+s)", id="write", variant="primary", compact=True
                )
            yield Static("", id="export-message")
        yield VerticalScroll(Static("", id="preview-text", markup=False), id="preview")
        yield KeyBar()

    def on_mount(self) -> None:
        self.output_format = "recap-md"
        self.include_personal = False
        self._confirm: Path | None = None
        #: the export folder of the settings (read with the first preview)
        self._folder: Path | None = None
        self._shown = False
        super().on_mount()

    def _file_name(self) -> str:
        return default_name(self.visit_id, self.output_format)

    def _target(self) -> Path:
        """The file a write goes to, as the path field reads now."""
        if self._folder is None:  # a write typed ahead of the first preview: the same folder
            self._folder = self.iapp.user_settings().export_dir
        return target(self.query_one("#path", Input).value, self._folder, self._file_name())

    def _export_bytes(self, output_format: str | None = None) -> bytes:
        return render(
            self.iapp.store,
            self.visit_id,
            output_format or self.output_format,
            include_personal=self.include_personal,
            today=self.iapp.today(),
            now=self.iapp.now(),
            settings=self.iapp.user_settings(),
            from_app=True,
        )

    def fetch(self) -> tuple[VisitHeading, bytes, Path]:
        heading = visit_heading(self.iapp.store, self.visit_id)
        try:
            payload = self._readable(self._export_bytes())
        except UserError as exc:  # e.g. a chase with nothing to ask for: said in the preview
            payload = str(exc).encode()
        return heading, payload, self.iapp.user_settings().export_dir

    def _readable(self, payload: bytes) -> bytes:
        """An e-mail as its reader sees it (subject, sender, recipients, text), not its
        MIME source; a calendar with its lines whole and ended as the terminal ends them
        (its CRLF showed as "␍" at the end of every line): what the preview shows and ``y``
        copies; the file is the message, or the calendar, as the standards want it."""
        name = default_name(self.visit_id, self.output_format)
        if name.endswith(".eml"):
            from interview_tui.exports.mail_calendar import readable_message

            return readable_message(payload).encode()
        if name.endswith(".ics"):  # RFC 5545: folded lines go on after CRLF and a space
            return payload.replace(b"\r\n ", b"").replace(b"\r\n", b"\n")
        return payload

    def show(self, data: tuple[VisitHeading, bytes, Path]) -> None:
        heading, payload, folder = data
        path = self.query_one("#path", Input)
        if not self._shown:  # the first preview: the path in full, unless one was typed
            self._shown = True
            if self._folder is None:
                self._folder = folder
            if not path.value.strip():
                self._replace_path(str(folder / self._file_name()))
            self._show_where()
        self.sub_title = t("export.subtitle", customer=heading.customer, date=heading.date)
        #: the export as the preview shows it, whole: what ``y`` copies
        self._text = payload.decode("utf-8", errors="replace")
        preview = self._text[:40_000]
        self.query_one("#preview-text", Static).update(literal(preview))

    @on(Select.Changed, "#format")
    def _format_changed(self, event: Select.Changed) -> None:
        """A new format keeps the folder the user chose and changes only the extension."""
        old, self.output_format = self.output_format, str(event.value)
        self._text = ""  # until the new preview comes, ``y`` renders it
        path = self.query_one("#path", Input)
        if self._folder is not None or path.value.strip():  # else the first preview sets it
            folder = self._folder if self._folder is not None else Path.cwd()
            self._replace_path(
                for_format(path.value, folder, self.visit_id, old, self.output_format)
            )
        self.reload()

    def _replace_path(self, text: str) -> None:
        """Put ``text`` in the path field with the cursor at its end: a key typed next
        extends the name (the cursor kept its place, inside the new name), ctrl+u clears it."""
        path = self.query_one("#path", Input)
        path.value = text
        path.cursor_position = len(text)

    @on(Input.Changed, "#path")
    def _show_where(self) -> None:
        """Say where the file goes, in full: a relative path, a folder, ``~`` resolved, and
        whether that is the default folder of the settings."""
        self._confirm = None
        if self._folder is None:
            return
        where, typed = self._target(), self.query_one("#path", Input).value.strip()
        if where.parent == self._folder:
            text = t("export.where_default")
        else:
            text = t("export.where", path=where) if typed != str(where) else ""
        self.query_one("#export-where", Static).update(literal(text))

    @on(Checkbox.Changed, "#personal")
    def _personal_changed(self, event: Checkbox.Changed) -> None:
        self.include_personal = event.value
        self._confirm = None  # other bytes: replacing the file is asked again
        self._text = ""
        self.reload()

    @on(Button.Pressed, "#write")
    def action_write(self) -> None:
        path = self._target()
        message = self.query_one("#export-message", Static)
        force = self._confirm == path
        database = Path(self.iapp.store.path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            check_target(path, database=database, force=force)
        except TargetExists:
            self._confirm = path
            message.update(literal(t("export.exists", path=path)))
            return
        except UserError as exc:
            message.update(literal(str(exc)))
            return
        except OSError as exc:
            message.update(literal(t("export.failed", path=path, reason=exc.strerror or exc)))
            return
        self._confirm = None
        render_now, output_format = self._export_bytes, self.output_format
        notes: list[str] = []

        def write() -> Path:
            written_to = write_private(path, render_now(output_format))  # as chosen
            notes.append(mail_note(self.iapp.store, self.visit_id, output_format))
            return written_to

        def written(_path: Path) -> None:
            said = t("export.written", path=path)
            if notes and notes[0]:  # written, and who it cannot reach: one more line
                said += "\n" + notes[0]
            message.update(literal(said))
            self.notify(said, timeout=6 if notes and notes[0] else 4)

        self.iapp.save(write, written, lambda error: message.update(literal(error)))

    def action_back(self) -> None:
        self.dismiss()

    def action_copy(self) -> None:
        """``y`` (where no text field has focus): the export previewed, the recap first of
        all, to the terminal's clipboard and a file (:func:`copy_text`)."""
        text = getattr(self, "_text", "")
        if not text:  # pressed before the preview came: rendered now, the key is not lost
            try:
                text = self._readable(self._export_bytes()).decode("utf-8", errors="replace")
            except UserError as exc:
                self.notify(str(exc), severity="warning", timeout=6, markup=False)
                return
        copy_text(self.app, text.rstrip("\n"))
