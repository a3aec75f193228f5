"""The live screen's keys as terminals really send them, in a real pseudo-terminal.

Each key is written as the bytes a terminal sends (xterm / tmux / iTerm2 with Esc+ send
``ESC 3`` for alt+3; every terminal sends ``0x19`` for ctrl+y; what macOS Terminal.app
types for Option+3, ``£``, is text unless ``option_keys`` is on: see
tests/test_typed_as_typed_pty.py), the screen is read through a terminal emulator,
and what was recorded is read back with ``export --format json``.
"""

from __future__ import annotations

import sys

import pytest

from tests.pty_terminal import Terminal, exported_visit, make_demo_env

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")

VISIT = "4"  # Northwind Logistics, English, with limits on what may be promised
ESC, CTRL_Y, CTRL_J, CTRL_T, F2, F9 = b"\x1b", b"\x19", b"\x0a", b"\x14", b"\x1bOQ", b"\x1b[20~"

#: the bytes of "tag with goal 3 (usage & vendors)", by the keyboard and terminal that send them
GOAL3 = {
    "alt+3 (xterm, GNOME Terminal, Windows Terminal, tmux, iTerm2 Esc+)": ESC + b"3",
    "ctrl+y 3 (any terminal)": CTRL_Y + b"3",
}


@pytest.fixture
def demo_env(tmp_path) -> dict[str, str]:
    return make_demo_env(tmp_path)


def _live(env: dict[str, str], size=(100, 30)) -> Terminal:
    term = Terminal(["live", VISIT], env, size=size)
    term.wait_for_screen("Northwind")
    term.wait_for_screen("1/12")
    term.drain(0.3)
    return term


def test_goal_keys_tag_the_note_and_type_nothing(demo_env) -> None:
    term = _live(demo_env)
    try:
        for n, keys in enumerate(GOAL3.values()):
            term.send(CTRL_J + f"Kafka on-prem, cluster {n}".encode())
            term.wait_for_screen(f"cluster {n}")
            term.send(keys)
            term.wait_for_screen(
                "goal: Usage & vendors"
            )  # the note's own line (the toast lasts 2 s)
            term.drain(0.5)  # saved a third of a second after the last change
        term.send(ESC)
        term.wait_for_screen("Visits")
    finally:
        term.kill()
    notes = {note["text"]: note for note in exported_visit(demo_env, VISIT)["notes"]}
    for n, name in enumerate(GOAL3):
        note = notes.get(f"Kafka on-prem, cluster {n}")
        assert note is not None, f"{name}: a character reached the note: {list(notes)}"
        assert note["goal"] == "usage_vendors", name


def test_words_typed_with_the_leader_key_are_kept(demo_env) -> None:
    """ctrl+y 3 and the next words in one burst: the goal is tagged, the words land."""
    term = _live(demo_env)
    try:
        term.send(b"The CFO signs" + CTRL_Y + b"3 off every quarter")
        term.wait_for_screen("off every quarter")
        term.drain(0.6)
    finally:
        term.kill()
    [note] = [n for n in exported_visit(demo_env, VISIT)["notes"] if "CFO" in n["text"]]
    assert note["text"] == "The CFO signs off every quarter" and note["goal"] == "usage_vendors"


def test_a_new_note_by_the_leader_takes_the_words_typed_after_it(demo_env) -> None:
    """ctrl+y n, then words, ctrl+y esc, more words, in one burst: each word in its note, in
    order, and nothing of the menu's keys typed."""
    term = _live(demo_env)
    try:
        term.send(
            b"Ops lead: nightly batch"
            + CTRL_Y
            + b"nCTO: we move to streaming"
            + CTRL_Y
            + ESC
            + b" next year"
        )
        term.wait_for_screen("streaming next year")
        term.wait_for_screen("ctrl+y", gone=True)  # the menu has closed
        term.drain(0.6)
    finally:
        term.kill()
    texts = [n["text"] for n in exported_visit(demo_env, VISIT)["notes"]]
    assert "Ops lead: nightly batch" in texts and "CTO: we move to streaming next year" in texts


def test_safe_view_shows_nothing_internal(demo_env) -> None:
    term = _live(demo_env, size=(120, 36))
    try:
        screen = term.wait_for_screen("Must not promise")  # the side panel is drawn
        screen = term.wait_for_screen("Purpose")
        assert "Research" in screen
        term.send(b"SECRET-42 their CTO is weak on cost" + CTRL_Y + b"i")
        term.wait_for_screen("INTERNAL ONLY")
        term.send(CTRL_J + b"We run 40 nodes")
        term.wait_for_screen("We run 40 nodes")
        term.send(F2)
        screen = term.wait_for_screen("Must not promise", gone=True)
        for internal in (
            "Research",
            "Purpose",
            "SECRET-42",
            "INTERNAL ONLY",
            "customer-visible",
            "Team profile",
            "Personal connection",
            "Plan (internal)",
        ):
            assert internal not in screen, f"{internal!r} shows in the safe view:\n{screen}"
        assert "We run 40 nodes" in screen  # the customer-safe note stays
        term.send(CTRL_T + b"We will give you a custom SLA")
        screen = term.wait_for_screen("May touch a limit")
        for limit in ("free capacity", "roadmap dates", "must not be promised"):
            assert limit not in screen, f"{limit!r} shows in the safe view:\n{screen}"
        term.send(ESC)
        term.wait_for_screen("New commitment", gone=True)
        term.send(F2)  # back to the full view: everything is there again
        term.wait_for_screen("Must not promise")
    finally:
        term.kill()


@pytest.mark.parametrize("keys", [ESC, F9, CTRL_Y + b"h"], ids=["esc", "f9", "ctrl+y h"])
def test_the_ways_out_of_the_meeting(demo_env, keys: bytes) -> None:
    term = _live(demo_env)
    try:
        term.wait_for_screen("esc Leave")  # the way out is in the footer
        term.send(b"Saved before leaving")
        term.wait_for_screen("Saved before leaving")
        term.send(keys)
        term.wait_for_screen("Visits")
        term.drain(1.0)
    finally:
        term.kill()
    assert any(
        n["text"] == "Saved before leaving" for n in exported_visit(demo_env, VISIT)["notes"]
    )


def test_esc_on_a_dialog_keeps_the_draft(demo_env) -> None:
    term = _live(demo_env)
    try:
        term.send(CTRL_T + b"Send the migration runbook")
        term.wait_for_screen("Send the migration runbook")
        term.send(ESC)
        term.wait_for_screen("Draft kept")
        term.send(CTRL_T)
        term.wait_for_screen("Your draft is back")
        screen = term.wait_for_screen("Send the migration runbook")  # a whole frame, not half
        assert "New commitment" in screen
    finally:
        term.kill()
