"""The keys terminal users reach for, sent as a terminal sends them, in a real pty
(issue 25, "Moving around"): ``j`` / ``k`` in lists, ``?`` for help, ``q`` back and quit
where no text field has focus, keys for the plan's four tabs and its main actions without
F keys (a MacBook without ``fn``), and how to quit in sight on home at 80×24."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from tests.pty_terminal import Terminal, make_demo_env

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")

ESC = b"\x1b"


@pytest.fixture
def demo_env(tmp_path) -> dict[str, str]:
    return make_demo_env(tmp_path)


def _exited(term: Terminal, timeout: float = 15) -> bool:
    end = time.perf_counter() + timeout
    while time.perf_counter() < end:
        term.read(0.05)
        if term.exited():  # reaped: kill() then only closes the terminal
            return True
    return False


def test_home_shows_how_to_quit_and_q_quits_at_80x24(demo_env) -> None:
    term = Terminal([], demo_env, size=(80, 24))
    try:
        screen = term.wait_for_screen("^q Quit")
        assert "^q Quit" in "".join(screen.splitlines()[-2:]), screen  # in the key bar
        term.send(b"?")  # help, as in lazygit and k9s
        term.wait_for_screen("This screen")
        term.send(b"q")  # closes what is in front first
        term.wait_for_screen("This screen", gone=True)
        term.send(b"q")
        assert _exited(term), term.screen()
    finally:
        term.kill()


def test_j_and_k_move_in_a_list_and_q_goes_back(demo_env) -> None:
    """``j`` then enter opens the second visit (Northwind's is first), ``q`` comes back,
    ``k`` then enter opens the first."""
    term = Terminal([], demo_env, size=(80, 24))
    try:
        term.wait_for_screen("Northwind")
        term.drain(0.3)
        term.send(b"j\r")
        term.wait_for_screen("Plan · 星河视频")
        term.send(b"q")
        term.wait_for_screen("— Home")
        term.send(b"k\r")
        term.wait_for_screen("Plan · Northwind")
    finally:
        term.kill()


def test_plan_tabs_and_actions_have_keys_every_terminal_sends(demo_env) -> None:
    term = Terminal([], demo_env, size=(80, 24))
    try:
        term.wait_for_screen("Northwind")
        term.drain(0.3)
        term.send(b"j\r")  # 星河视频's planned visit: open requirements in its brief
        screen = term.wait_for_screen("1-4 Tabs")  # in the key bar
        term.drain(0.5)
        # a bank question too long for the pane ends in … as the plan first shows (it ran
        # past the edge with no sign: the fit made as the rows came was undone)
        rows = [line for line in term.screen().splitlines() if line.startswith("    Business")]
        assert rows and rows[0].rstrip().endswith("…"), term.screen()
        for key, shown in (
            (b"1", "Open requirements"),
            (b"4", "Every chosen goal"),
            (b"2", "Bank question"),
        ):
            term.send(key)
            term.wait_for_screen(shown)
        for key, shown in ((b"r", "Rehearse · 星河视频"), (b"e", "Visit plan · 星河视频")):
            term.send(key)
            term.wait_for_screen(shown)
            term.send(ESC)
            screen = term.wait_for_screen("1-4 Tabs")
        assert "m Rehearsed" in screen and "l Live" in screen, screen
    finally:
        term.kill()


def test_commitments_rates_moved_off_k_which_moves_up(demo_env) -> None:
    """``k`` showed the rates by customer; it moves up in the list now, ``%`` shows them."""
    term = Terminal([], demo_env, size=(100, 30))
    try:
        term.wait_for_screen("Northwind")
        term.drain(0.3)
        term.send(b"m")
        term.wait_for_screen("% By customer")
        term.send(b"k")
        term.drain(0.5)
        assert "Rate" not in term.screen()
        term.send(b"%")
        term.wait_for_screen("Rate")
    finally:
        term.kill()


def test_no_default_key_is_bound_twice_on_a_screen_nor_shadowed_by_j_k() -> None:
    """The new keys (1-4, m r l e on the plan, ? and q, % for the rates) pass the clash
    rules keymap.toml is held to, and no screen key is j or k (a list takes those)."""
    from interview_tui.bindings import keys_of_value as _keys
    from interview_tui.tui.keymap import _binding_classes, _bindings_of, key_clash

    assert (
        key_clash(
            {binding.id: binding.key for cls in _binding_classes() for binding in _bindings_of(cls)}
        )
        is None
    )
    for cls in _binding_classes():
        seen: dict[str, str] = {}
        for binding in _bindings_of(cls):
            for key in _keys(binding.key):
                assert seen.setdefault(key, binding.id) == binding.id, (cls, key)
                if not cls.__name__.endswith(("Dialog", "App")):
                    assert key not in ("j", "k"), (cls, binding.id)


def test_next_and_previous_follow_the_outline_grouped_by_role(demo_env) -> None:
    """Northwind's outline: Business 1 2 3 10 11 12, Procurement 4 5 6, Tech 7 8 9.
    ctrl+n from 3 went to 4 (another group) and the note landed under the wrong question."""
    ctrl_n, ctrl_b = b"\x0e", b"\x02"
    term = Terminal(["live", "4"], demo_env, size=(100, 30))
    try:
        term.wait_for_screen("1/12")
        term.drain(0.3)
        term.send(ctrl_n * 3)
        term.wait_for_screen("10/12")
        term.send(ctrl_n * 3)  # past the last business question: procurement's first
        term.wait_for_screen("4/12")
        term.send(ctrl_b)
        term.wait_for_screen("12/12")
    finally:
        term.kill()


def test_search_at_80_columns_shows_the_matched_words(demo_env) -> None:
    """The hit lies 35 cells into its snippet: at 80 columns the result line showed the
    words before it and cut the match off."""
    term = Terminal([], demo_env, size=(80, 24))
    try:
        term.wait_for_screen("Northwind")
        term.drain(0.3)
        term.send(b"/")
        term.wait_for_screen("— Search")
        term.send("延迟".encode())
        screen = term.wait_for_screen("30ms")
        rows = [line for line in screen.splitlines() if "星河视频" in line]
        assert rows and all("延迟" in row for row in rows), screen
    finally:
        term.kill()


def test_the_live_requirement_dialog_takes_a_title(demo_env) -> None:
    """Without a title field the pool showed the user's words as the requirement's name."""
    import json

    term = Terminal(["live", "4"], demo_env, size=(100, 30))
    try:
        term.wait_for_screen("1/12")
        term.drain(0.3)
        term.send(b"\x12" + b"Finance lead\tMonth-end close\tExport breaks\t\t\t\tBilling by tag")
        term.wait_for_screen("Billing by tag")
        term.send(b"\x13")  # ctrl+s
        term.wait_for_screen("Billing by tag", gone=True)
        term.drain(0.5)
        term.send(ESC)
        term.wait_for_screen("Visits")
    finally:
        term.kill()
    command = [sys.executable, "-m", "interview_tui", "export", "4", "--format", "json"]
    out = subprocess.run(command, env=demo_env, check=True, capture_output=True, text=True)
    titles = {r["user"]: r["title"] for r in json.loads(out.stdout)["requirements"]}
    assert titles.get("Finance lead") == "Billing by tag", titles


def test_y_copies_the_highlighted_row_by_osc52_and_to_a_file(demo_env) -> None:
    """``y`` on a list: OSC 52 for the terminal's clipboard, and a file that always has it
    (a terminal may ignore OSC 52), named in the message."""
    import base64
    from pathlib import Path

    term = Terminal([], demo_env, size=(100, 30))
    try:
        term.wait_for_screen("Northwind")
        term.drain(0.3)
        term.send(b"y")
        term.wait_for_screen("Copied to the terminal")  # the path after it may wrap
        term.drain(0.2)
    finally:
        term.kill()
    copied = (Path(demo_env["INTERVIEW_TUI_CONFIG_DIR"]) / "clipboard.txt").read_text("utf-8")
    assert "Northwind" in copied and "planned" in copied and "<rich" not in copied, copied
    sent = term.output.split(b"\x1b]52;c;", 1)[1].split(b"\x07", 1)[0]
    assert base64.b64decode(sent).decode("utf-8") == copied.rstrip("\n")
