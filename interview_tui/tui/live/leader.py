"""The live screen's leader key: ``ctrl+y``, then one plain key, from any keyboard.

Every terminal sends ``ctrl+y`` and plain keys as they are, whatever the laptop: no Option,
Alt or fn needed. The menu shows what the second key does; a key it does not know closes
it and is typed into the note, so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Static

from interview_tui.domain.enums import Goal
from interview_tui.i18n import t

#: the binding id of the leader key itself
LEADER_ID = "live.leader"
#: the leader's default key (remappable in keymap.toml through ``live.leader``)
LEADER_KEY = "ctrl+y"
#: the key pressed after the leader -> the id of the live binding it runs
LEADER_KEYS: dict[str, str] = {
    **{str(goal.number): f"live.goal{goal.number}" for goal in Goal},
    "s": "live.skip",
    "w": "live.speaker",
    "i": "live.internal",
    "n": "live.new_note",
    "up": "live.prev_note",
    "down": "live.next_note",
    "f": "live.free_notes",
    "v": "live.safe",
    "c": "live.confirm",
    "h": "live.home",
}


class LeaderMenu(ModalScreen[str | None]):
    """A one-line menu at the bottom; dismissed with the chosen binding id, or ``None``.

    Text that reaches it and is not its key (an unknown key, a paste, words typed in the
    same burst after the choice) goes to ``on_text``: the note, never the floor.
    """

    DEFAULT_CSS = """
    LeaderMenu { align: center bottom; background: transparent; }
    LeaderMenu > Static {
        width: 100%; height: auto; padding: 0 1; background: $accent 30%;
        border-top: tall $accent;
    }
    """

    def __init__(self, labels: dict[str, str], on_text: Callable[[str], None]) -> None:
        super().__init__()
        self.labels = labels
        self.on_text = on_text
        self.chosen = False

    def compose(self) -> ComposeResult:
        goals = " ".join(f"{g.number} {t(f'goal_short.{g.value}')}" for g in Goal)
        rest = " · ".join(f"{key.replace('up', '↑').replace('down', '↓')} {label}"
                          for key, label in self.labels.items() if not key.isdigit())  # fmt: skip
        yield Static(t("leader.menu", goals=goals, rest=rest), markup=False)

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        if self.chosen:  # typed on, in the same burst, after the leader's key
            if event.is_printable and event.character:
                self.on_text(event.character)
            return
        self.chosen = True
        if event.key in LEADER_KEYS:
            self.dismiss(LEADER_KEYS[event.key])
            return
        if event.is_printable and event.character:
            self.on_text(event.character)
        self.dismiss(None)

    def on_paste(self, event: events.Paste) -> None:
        event.stop()
        self.on_text(event.text)
        if not self.chosen:
            self.chosen = True
            self.dismiss(None)
