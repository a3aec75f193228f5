"""The rest of the meeting flow (issue 25), typed as a terminal sends it in a real pty:
the schedule's "customer agreed" and the customer's answer to a proposed solution recorded
in the meeting, corrections from the read-back, a note moved to another question, and ``y``
copying the recap."""

from __future__ import annotations

import json
import sqlite3
import sys
import time

import pytest

from tests.pty_terminal import Terminal
from tests.test_conventions_pty import ESC, demo_env  # noqa: F401 (a fixture)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")

DOWN, ENTER, CTRL_S = b"\x1b[B", b"\r", b"\x13"


def _rows(env: dict[str, str], sql: str) -> list[sqlite3.Row]:
    db = sqlite3.connect(env["INTERVIEW_TUI_DB"])
    db.row_factory = sqlite3.Row
    try:
        return db.execute(sql).fetchall()
    finally:
        db.close()


def _open_live(env: dict[str, str], size=(100, 30)) -> Terminal:
    term = Terminal(["live", "4"], env, size=size)
    term.wait_for_screen("1/12")
    term.drain(0.3)
    return term


def test_the_customer_agrees_the_schedule_and_answers_the_solution_in_the_meeting(demo_env) -> None:  # noqa: F811
    """Every field in one burst after ctrl+r (Tab between them, space ticks "customer
    agreed"), then the answer chosen in its list: both were only in the detail view."""
    term = _open_live(demo_env)
    try:
        term.send(
            b"\x12"
            + b"Finance lead\tMonth-end close\tExport breaks"
            + b"\t" * 5
            + b"+30d\t+60d\tCSV by hand\tQ1 release\t \tTag export\tUses the tag API\t"
        )
        term.wait_for_screen("Uses the tag API")
        term.send(ENTER)  # the answer's list opens
        term.wait_for_screen("needs changes")
        term.send(DOWN + ENTER)  # waiting -> agreed
        term.wait_for_screen("needs changes", gone=True)
        term.send(CTRL_S)
        term.wait_for_screen("Uses the tag API", gone=True)
        term.drain(0.5)
        term.send(ESC)
        term.wait_for_screen("Visits")
    finally:
        term.kill()
    [row] = _rows(
        demo_env,
        "SELECT share_plan, workaround, state, solutions FROM requirements"
        " WHERE user = 'Finance lead'",
    )
    assert row["share_plan"] == 1 and row["workaround"] == "CSV by hand"
    [proposal] = json.loads(row["solutions"])
    assert proposal["text"] == "Tag export" and proposal["reasoning"] == "Uses the tag API"
    assert [reply["answer"] for reply in proposal["replies"]] == ["agreed"]
    assert row["state"] == "solution_confirmed"


F3, SHIFT_TAB, CTRL_U, CTRL_T = b"\x1bOR", b"\x1b[Z", b"\x15", b"\x14"


def test_confirm_back_reads_back_the_schedule_and_corrects_an_item(demo_env) -> None:  # noqa: F811
    """The read-back says the customer's latest date, our plan, the workaround and that the
    plan is not agreed yet; shift+Tab then enter opens the requirement filled in, and the
    change (a later plan, now agreed) is read back at once; a commitment likewise."""
    term = _open_live(demo_env, size=(120, 36))
    try:
        term.send(
            b"\x12"
            + b"Finance lead\tMonth-end close\tExport breaks"
            + b"\t" * 5
            + b"2027-01-15\t2027-02-01\tCSV by hand"
            + CTRL_S
        )
        term.wait_for_screen("Requirement saved")
        term.send(CTRL_T + b"Send the RCA" + CTRL_S)
        term.wait_for_screen("New commitment", gone=True)
        term.send(F3)
        screen = term.wait_for_screen("you need it by 2027-01-15")
        assert "we plan 2027-02-01" in screen and "meanwhile: CSV by hand" in screen, screen
        assert "plan not agreed yet" in screen, screen
        term.send(SHIFT_TAB + SHIFT_TAB + ENTER)  # past the commitment to the requirement
        term.wait_for_screen("Correct the requirement")
        term.send(b"\t" * 8 + CTRL_U + b"2027-03-01" + b"\t\t\t ")  # planned; agreed
        term.wait_for_screen("[x]")
        term.send(CTRL_S)
        term.wait_for_screen("Correct the requirement", gone=True)  # the dialog drawn away
        screen = term.wait_for_screen("you agreed this plan")
        assert "we plan 2027-03-01" in screen and "2027-02-01" not in screen, screen
        term.send(b"\t" + ENTER)  # the corrected item is highlighted: the commitment is next
        term.wait_for_screen("Correct the commitment")
        term.send(CTRL_U + b"Send the RCA by Friday" + CTRL_S)
        term.wait_for_screen("Send the RCA by Friday")
        term.send(ESC)
        term.wait_for_screen("1/12")
    finally:
        term.kill()
    rows = _rows(demo_env, "SELECT planned, share_plan FROM requirements WHERE visit_id = 4")
    assert [tuple(row) for row in rows] == [("2027-03-01", 1)]
    rows = _rows(demo_env, "SELECT text FROM commitments WHERE text LIKE 'Send the RCA%'")
    assert [row["text"] for row in rows] == ["Send the RCA by Friday"]


CTRL_Y = b"\x19"


def _note_under(env: dict[str, str], text: str) -> int | None:
    """The position (1-based, in script order) of the question a note is filed under."""
    ids = [
        row["id"]
        for row in _rows(
            env, "SELECT id FROM script_items WHERE visit_id = 4 ORDER BY position, id"
        )
    ]
    rows = _rows(env, f"SELECT script_item_id FROM notes WHERE text = '{text}'")
    assert len(rows) == 1, rows
    return ids.index(rows[0]["script_item_id"]) + 1


def _eventually(term: Terminal, check, timeout: float = 15) -> None:
    """Read the terminal until ``check()`` holds (a save lands within a third of a second;
    longer on a loaded machine)."""
    end = time.perf_counter() + timeout
    while not check():
        assert time.perf_counter() < end, term.screen()
        term.read(0.05)


def test_a_note_moves_to_another_question_and_back(demo_env) -> None:  # noqa: F811
    """ctrl+y m on the current note opens the question picker and files it there; ctrl+y u
    puts it back; typing goes on in the note editor throughout."""
    term = _open_live(demo_env)
    try:
        term.send(b"Belongs under three" + CTRL_Y + b"m")
        term.wait_for_screen("Move this note to")
        term.send(b"3. " + ENTER)
        term.wait_for_screen("Note moved to 3.")
        term.wait_for_screen("Belongs under three", gone=True)  # this question's note is empty
        _eventually(term, lambda: _note_under(demo_env, "Belongs under three") == 3)
        term.send(CTRL_Y + b"u")
        term.wait_for_screen("Note put back under 1.")
        term.wait_for_screen("Belongs under three")
        _eventually(term, lambda: _note_under(demo_env, "Belongs under three") == 1)
    finally:
        term.kill()


def _copied(env: dict[str, str], term: Terminal) -> str:
    """What ``y`` copied: the file (always written) and the OSC 52 sequence agree."""
    import base64
    from pathlib import Path

    copied = (Path(env["INTERVIEW_TUI_CONFIG_DIR"]) / "clipboard.txt").read_text("utf-8")
    sent = term.output.rsplit(b"\x1b]52;c;", 1)[1].split(b"\x07", 1)[0]
    assert base64.b64decode(sent).decode("utf-8") == copied.rstrip("\n")
    return copied


def test_y_copies_the_recap_on_the_export_screen(demo_env) -> None:  # noqa: F811
    """Home, ``x`` exports the highlighted visit (the recap is previewed), ``y`` copies it
    whole (it copied nothing there: only lists had ``y``)."""
    term = Terminal([], demo_env, size=(100, 30))
    try:
        term.wait_for_screen("Northwind")
        term.drain(0.3)
        term.send(b"x")
        term.wait_for_screen("Write file")
        term.send(b"y")
        term.wait_for_screen("Copied to the terminal")  # the path after it may wrap
        copied = _copied(demo_env, term)
    finally:
        term.kill()
    assert copied.startswith("#") and "Northwind" in copied and "\n## " in copied, copied


def test_y_copies_the_recap_in_confirm_back(demo_env) -> None:  # noqa: F811
    """In the read-back, with an item highlighted (not the next step being typed), ``y``
    copies the recap as it will be sent, with the commitment just made in it."""
    term = _open_live(demo_env)
    try:
        term.send(CTRL_T + b"Send the RCA" + CTRL_S)
        term.wait_for_screen("New commitment", gone=True)
        term.send(F3)
        term.wait_for_screen("Agreed next step")
        term.send(SHIFT_TAB + b"y")
        term.wait_for_screen("Copied to the terminal")  # the path after it may wrap
        copied = _copied(demo_env, term)
        assert "Agreed next step" in term.screen()  # still in the read-back
    finally:
        term.kill()
    assert "Send the RCA" in copied and "Northwind" in copied, copied
