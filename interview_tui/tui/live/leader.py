"""The live screen's leader key: ``ctrl+y``, then one plain key, from any keyboard.

Every terminal sends ``ctrl+y`` and plain keys as they are, whatever the laptop: no Option,
Alt or fn needed. The menu shows what the second key does; a key it does not know closes
it and does what it always does (a letter is typed into the note), so nothing typed is lost.
"""

from __future__ import annotations

from typing import Any

from textual.widgets import Static

from interview_tui.domain.enums import INTERNAL_GOALS, Goal
from interview_tui.i18n import t
from interview_tui.tui.screen_keys import arrows

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
    "p": "live.private",
    "n": "live.new_note",
    "up": "live.prev_note",
    "down": "live.next_note",
    "f": "live.free_notes",
    "m": "live.move_note",
    "u": "live.undo_move",
    "v": "live.safe",
    "c": "live.confirm",
    "h": "live.home",
    "b": "live.brief",
}


class LeaderMenu(Static):
    """The one-line menu shown at the bottom of the live screen while the leader waits.

    It never takes focus: the key after the leader is read on the app's own queue, in the
    order it was typed (see :meth:`LiveScreen.take_key`), so words typed in the same burst
    reach the note in order whatever the key did.
    """

    DEFAULT_CSS = """
    LeaderMenu {
        width: 100%; height: auto; padding: 0 1; background: $accent 30%;
        border-top: tall $accent; display: none;
    }
    LeaderMenu.-open { display: block; }
    """

    def __init__(self, labels: dict[str, str], **kwargs: Any) -> None:
        def menu(goals: list[Goal], customer_view: bool) -> str:
            named = {**labels, "v": t("leader.safe_back")} if customer_view else labels
            rest = " · ".join(
                f"{arrows(key)} {label}" for key, label in named.items() if not key.isdigit()
            )
            shown = " ".join(f"{g.number} {t(f'goal_short.{g.value}')}" for g in goals)
            return t("leader.menu", goals=shown, rest=rest)

        #: the menu as the PM sees it, and in the customer view (no internal goal named; ``v``
        #: goes back to the internal view there)
        self._menus = (
            menu(list(Goal), False),
            menu([g for g in Goal if g not in INTERNAL_GOALS], True),
        )
        super().__init__(self._menus[0], markup=False, **kwargs)

    def customer_view(self, on: bool) -> None:
        """Name the internal goals (team profile, personal connection) only when ``on`` is
        false; their keys work either way."""
        self.update(self._menus[on])

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    def open(self) -> None:
        self.add_class("-open")

    def close(self) -> None:
        self.remove_class("-open")
