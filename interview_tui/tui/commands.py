"""The command palette (``ctrl+p``): this screen's commands first, each with its keys, in the
user's language; then help and quitting. Textual's generic commands are not offered (its
screenshot would write internal notes to a file anyone can read)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from rich.text import Text
from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider

from interview_tui.i18n import t
from interview_tui.tui.screen_keys import screen_keys
from interview_tui.tui.textual_private import show_no_matches_after_a_pause


def _commands(screen: Any) -> Iterator[tuple[str, str, Callable[[], None]]]:
    """(title with keys, help, run) for every key of ``screen`` that can be used now."""
    app = screen.app
    for key in screen_keys(screen):
        if not key.enabled or key.action == "command_palette":
            continue
        title = f"{key.description}  ({', '.join(key.keys)})"
        run = partial(app.call_later, app.run_action, key.action, key.node)
        yield title, key.help, run


class ScreenCommands(Provider):
    """The screen's own commands, in the order the screen declares them (read once when the
    palette opens, not on every key typed into it)."""

    async def startup(self) -> None:
        self.commands = list(_commands(self.screen))

    async def discover(self) -> Hits:
        for title, help_text, run in self.commands:
            yield DiscoveryHit(title, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, run in self.commands:
            if (score := matcher.match(title)) > 0:
                yield Hit(score, matcher.highlight(title), run, help=help_text)


class InterviewPalette(CommandPalette):
    """Textual's palette, speaking the user's language."""

    def __init__(self) -> None:
        super().__init__(
            providers=[ScreenCommands], placeholder=t("palette.placeholder"), id="--command-palette"
        )

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """As Textual's, with the message translated."""
        show_no_matches_after_a_pause(
            self, search_value, lambda: Text(t("palette.no_matches"), justify="center")
        )
