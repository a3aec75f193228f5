"""Keys typed in one burst act in order while a pick list (Select) opens and closes, in a
real terminal: one write of the bytes, 0 ms apart, as a fast typist or a paste sends them."""

from __future__ import annotations

import sys

import pytest

from tests.pty_terminal import Terminal, exported_visit, make_demo_env

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")

VISIT = "4"
CTRL_T, CTRL_S, TAB, ENTER, DOWN = b"\x14", b"\x13", b"\t", b"\r", b"\x1b[B"


@pytest.fixture
def demo_env(tmp_path) -> dict[str, str]:
    return make_demo_env(tmp_path)


def test_a_burst_through_the_owner_pick_list_keeps_every_key(demo_env) -> None:
    term = Terminal(["live", VISIT], demo_env, size=(100, 30))
    try:
        term.wait_for_screen("1/12")
        term.drain(0.3)
        term.send(CTRL_T + b"Send the runbook")
        term.wait_for_screen("Send the runbook")
        # tab to the owner, open its list, one down (the customer), choose, tab to the
        # name, type it, tab to the due date, type it: all in one write
        term.send(TAB + ENTER + DOWN + ENTER + TAB + b"Priya" + TAB + b"+3d")
        term.wait_for_screen("+3d")
        term.drain(0.3)
        term.send(CTRL_S)
        term.wait_for_screen("New commitment", gone=True)
        term.drain(0.5)
    finally:
        term.kill()
    saved = [
        c for c in exported_visit(demo_env, VISIT)["commitments"] if c["text"] == "Send the runbook"
    ]
    assert len(saved) == 1, saved
    assert saved[0]["owner_side"] == "customer"
    assert saved[0]["owner_name"] == "Priya"
    assert saved[0]["due"]
