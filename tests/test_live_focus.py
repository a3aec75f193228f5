"""Typing in the live meeting is never dropped: whatever dialogs were opened and closed and
however often the view was switched, the words typed next go into the current note and are
saved, in either view (in the customer view a hidden note takes them unseen, as it says).

Reported once: after a quit question over a commitment dialog, ``ctrl+y 1`` (a team-profile
tag, an internal goal) and several switches of view and dialogs, nothing typed landed until
the screen was left. The note, hidden in the customer view, had lost the focus (Textual
blurs a widget it stops displaying); the first dialog closed after that gave it to the
first widget it could show, the outline, which drops typed characters."""

from __future__ import annotations

import random

import pytest
from textual.widgets import TextArea

from interview_tui.tui.live.live_screen import SAVE_DELAY, LiveScreen
from tests.conftest import settle

VISIT = 4  # Northwind Logistics: a script, limits in the plan
SIZE = (80, 24)  # all three panes: the outline can take the focus


def _note(app) -> TextArea:
    return app.screen.query_one("#note", TextArea)


async def _back_on_live(pilot) -> None:
    """Wait until the live screen is in front again and settled."""
    for _ in range(50):
        await settle(pilot)
        if isinstance(pilot.app.screen, LiveScreen):
            return
    raise AssertionError(f"still on {pilot.app.screen!r}")


async def _typed_and_saved(pilot, word: str) -> None:
    """Type ``word`` now; it must reach the current note, on screen and on disk."""
    app = pilot.app
    screen = app.screen
    assert isinstance(screen, LiveScreen)
    await pilot.press(*word)
    await settle(pilot)
    await pilot.pause(SAVE_DELAY + 0.1)
    screen.save_now()
    screen.session.wait_written()
    assert word in _note(app).text, (app.focused, _note(app).text)
    rows = app.store.query(
        "SELECT id FROM notes WHERE visit_id = ? AND text LIKE ?", [VISIT, f"%{word}%"]
    )
    assert rows, f"{word!r} is not in the database"


# -- the report's sequence, and the shortest one like it --------------------------------------

#: a dialog opened over the live screen and closed with esc: its keys, in order
DIALOGS = {
    "help": ("f1", "escape"),
    "palette": ("ctrl+p", "escape"),
    "commitment": ("ctrl+t", "escape"),
    "requirement": ("ctrl+r", "escape"),
    "pain": ("ctrl+l", "escape"),
    "speaker": ("ctrl+y", "w", "escape"),
    "jump": ("ctrl+g", "escape"),
}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("dialog", sorted(DIALOGS))
async def test_a_dialog_closed_over_a_hidden_note_gives_the_typing_back_to_it(
    make_app, lang: str, dialog: str
) -> None:
    """The customer view, a note tagged to an internal goal (hidden there), a dialog opened
    and closed: what is typed next goes into the note, hidden or shown again."""
    app = make_app("live", lang=lang, visit_id=VISIT)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+y", "v", "ctrl+y", "1")  # the customer view; team profile
        await settle(pilot)
        assert not _note(app).display  # hidden: the screen says typing goes into it
        await pilot.press(*DIALOGS[dialog])
        await _back_on_live(pilot)
        assert app.focused is _note(app)
        await _typed_and_saved(pilot, "zebraone")
        await pilot.press("ctrl+y", "v")  # the internal view: the note is shown again
        await settle(pilot)
        assert _note(app).display and app.focused is _note(app)
        await _typed_and_saved(pilot, "zebratwo")


async def test_the_first_key_after_the_note_is_hidden_is_not_dropped(make_app) -> None:
    """The note hidden as it is tagged to an internal goal keeps the focus: enter, typed
    first, was dropped (nothing had the focus, and only text found its way to the note)."""
    app = make_app("live", lang="en", visit_id=VISIT)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(*"seen", "ctrl+y", "v", "ctrl+y", "1")
        await settle(pilot)
        assert not _note(app).display and app.focused is _note(app)
        await pilot.press("enter", *"unseen")
        await settle(pilot)
        assert _note(app).text == "seen\nunseen"


async def test_the_focus_on_a_pane_a_narrower_terminal_hides_goes_to_the_note(make_app) -> None:
    """The outline in focus (a click on it) and the terminal narrowed until it goes: the
    note takes the focus, not nothing, and the next dialog closed leaves it there."""
    app = make_app("live", lang="en", visit_id=VISIT)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.set_focus(app.screen.query_one("#outline"))
        await settle(pilot)
        await pilot.resize_terminal(50, 20)  # one pane: the outline is gone
        await settle(pilot)
        assert app.focused is _note(app)
        await pilot.press(*DIALOGS["help"])
        await _back_on_live(pilot)
        await _typed_and_saved(pilot, "narrowed")


async def test_the_reported_sequence(make_app) -> None:
    """As reported: a quit question over a commitment dialog, esc, esc, ctrl+q (a draft is
    kept: asked again), esc, ``ctrl+y 1``, switches of view with dialogs between them."""
    app = make_app("live", lang="zh", visit_id=VISIT)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        await pilot.press(*"Send the SLA draft", "ctrl+q")
        await settle(pilot)
        for key in ("escape", "escape", "ctrl+q", "escape"):
            await pilot.press(key)
            await settle(pilot)
        await _back_on_live(pilot)
        await pilot.press("ctrl+y", "1", "f2")
        await settle(pilot)
        await pilot.press("f1", "escape", "f2", "ctrl+r", "escape", "f2")
        await _back_on_live(pilot)
        await _typed_and_saved(pilot, "zebrathree")


# -- a seeded search over sequences of the live screen's keys ---------------------------------

#: what a person may do in a meeting without choosing to move the focus themselves (tab,
#: the mouse): each a run of keys that leaves the live screen in front
ACTIONS: dict[str, tuple[str, ...]] = {
    **DIALOGS,
    "commitment typed": ("ctrl+t", *"Call back", "escape"),  # kept as a draft
    "quit over a dialog": ("ctrl+t", "ctrl+q", "escape", "escape"),
    "quit question": ("ctrl+q", "escape"),  # a draft is kept: the app asks
    "adhoc": ("ctrl+o", "escape"),
    "read back": ("f3", "escape"),
    "leader closed": ("ctrl+y", "escape"),
    "view": ("f2",),
    "view by leader": ("ctrl+y", "v"),
    "internal": ("ctrl+y", "i"),
    "private": ("ctrl+y", "p"),
    "next": ("ctrl+n",),
    "previous": ("ctrl+b",),
    "new note": ("ctrl+j",),
    "free notes": ("ctrl+y", "f"),
    **{f"goal {n}": ("ctrl+y", str(n)) for n in range(1, 8)},
}
SEEDS = 12
STEPS = 14


@pytest.mark.parametrize("seed", range(SEEDS))
async def test_typing_lands_after_any_sequence(make_app, seed: int) -> None:
    """Random runs of the meeting's keys (seeded, so a failure replays); after each key run
    the note has the focus, and every few runs a word typed lands in it and on disk."""
    rng = random.Random(seed)
    app = make_app("live", lang=rng.choice(["en", "zh"]), visit_id=VISIT)
    names = sorted(ACTIONS)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+t", *"draft", "escape")  # a draft: ctrl+q asks, never quits
        await _back_on_live(pilot)
        done: list[str] = []
        for step in range(STEPS):
            name = rng.choice(names)
            done.append(name)
            await pilot.press(*ACTIONS[name])  # each key once the app is idle after the last
            await _back_on_live(pilot)
            assert app.focused is _note(app), f"{' / '.join(done)}: focus on {app.focused!r}"
            if step % 4 == 3:
                await _typed_and_saved(pilot, f"word{seed}x{step}")
