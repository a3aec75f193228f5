"""The Textual application: owns the store, the clock and navigation between screens."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import Future
from datetime import date, datetime
from pathlib import Path
from typing import Any

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from interview_tui.store.store import Store
from interview_tui.tui.base import translate_bindings
from interview_tui.tui.routes import screen_class


class InterviewApp(App[None]):
    """interview-tui. Build it with :func:`build_app` (the CLI and the tests both do)."""

    TITLE = "interview-tui"
    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("ctrl+q", "quit", "app.quit", id="app.quit", tooltip="app.quit.help"),
        Binding("f1", "help", "app.help", id="app.help", tooltip="app.help.help"),
    ]

    def __init__(
        self,
        store: Store,
        *,
        initial: tuple[str, dict[str, Any]] = ("home", {}),
        today: Callable[[], date] = date.today,
        now: Callable[[], datetime] = datetime.now,
        keymap: dict[str, str] | None = None,
        animate: bool = True,
        prefetched: dict[str, Future] | None = None,
    ) -> None:
        super().__init__()
        translate_bindings(self)
        self.store = store
        self.today = today
        self.now = now
        self._initial = initial
        self._keymap = keymap or {}
        self.animate = animate
        self._prefetched = prefetched or {}

    def get_default_screen(self) -> Screen:
        """Home is the bottom of the screen stack (no empty screen underneath it)."""
        return screen_class("home")()

    def on_mount(self) -> None:
        if self._keymap:
            self.set_keymap(self._keymap)
        route, kwargs = self._initial
        if route != "home":
            self.show(route, **kwargs)

    def take_prefetched(self, name: str) -> Any:
        """Data read before the UI started (see :func:`prefetch`), once; else ``None``."""
        future = self._prefetched.pop(name, None)
        if future is None:
            return None
        try:
            return future.result(timeout=2)
        except Exception:
            return None

    # -- navigation -------------------------------------------------------------------------

    def show(self, route: str, **kwargs: Any) -> Screen:
        """Push the screen for ``route`` (see :mod:`interview_tui.tui.routes`)."""
        screen = screen_class(route)(**kwargs)
        self.push_screen(screen)
        return screen

    def action_help(self) -> None:
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    # -- command palette: every binding of the current screen is a command ------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        seen: set[str] = set()
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if not binding.description or binding.action in seen or not active.enabled:
                continue
            seen.add(binding.action)
            help_text = binding.tooltip or binding.description
            node = active.node

            def run(action: str = binding.action, target: Any = node) -> None:
                self.call_later(self.run_action, action, target)

            yield SystemCommand(f"{binding.description}  [{key}]", help_text, run)
        yield from super().get_system_commands(screen)


def load_keymap(path: Path) -> dict[str, str]:
    """User key remapping: ``binding-id = "keys"`` lines in ``keymap.toml``."""
    import tomllib

    from interview_tui.errors import UserError

    if not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UserError(f"{path}: cannot read the keymap ({exc})") from None
    bad = [key for key, value in data.items() if not isinstance(value, str)]
    if bad:
        raise UserError(f"{path}: {bad[0]}: expected keys as text, e.g. {bad[0]} = \"ctrl+n\"")
    return data


def build_app(
    store: Store,
    *,
    initial: tuple[str, dict[str, Any]] = ("home", {}),
    today: Callable[[], date] = date.today,
    now: Callable[[], datetime] = datetime.now,
    keymap_path: Path | None = None,
    animate: bool = True,
    prefetched: dict[str, Future] | None = None,
) -> InterviewApp:
    """The production factory: the CLI and the tests build the app the same way."""
    from interview_tui.store.paths import config_dir

    keymap = load_keymap(keymap_path or config_dir() / "keymap.toml")
    return InterviewApp(
        store, initial=initial, today=today, now=now, keymap=keymap, animate=animate,
        prefetched=prefetched,
    )
