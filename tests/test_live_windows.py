"""Two windows on one visit: no save drops words another window saved, and each window
knows the other is there (interview_tui/services/live_windows.py)."""

from __future__ import annotations

import subprocess
import sys

from interview_tui.domain.models import Note
from interview_tui.services.live_session import LiveSession
from interview_tui.services.live_windows import STALE_SECONDS, LiveWindow

from .conftest import FIXED_NOW

VISIT = 2


def _texts(store) -> list[str]:
    return sorted(
        row["text"]
        for row in store.query(
            "SELECT text FROM notes WHERE visit_id = ? AND kind = 'note' AND text != ''", [VISIT]
        )
    )


def test_a_second_window_never_overwrites_what_the_first_saved(demo_store) -> None:
    """A types ALPHA (saved), B (opened before) types BRAVO, A types CHARLIE: every word is
    kept; B's text became a note of its own under the same question."""
    item = LiveSession.open(demo_store, VISIT, FIXED_NOW).items[0]
    demo_store.save(Note(visit_id=VISIT, script_item_id=item.id))  # the question's note
    first = LiveSession.open(demo_store, VISIT, FIXED_NOW)
    second = LiveSession.open(demo_store, VISIT, FIXED_NOW)
    kept = []
    second.on_kept_both = kept.extend
    item_a, item_b = first.items[0], second.items[0]
    first.type(item_a, "ALPHA")
    first.flush()
    second.type(item_b, "BRAVO")
    second.flush()
    first.type(item_a, "ALPHA CHARLIE")
    first.flush()
    assert _texts(demo_store) == ["ALPHA CHARLIE", "BRAVO"]
    [(mine, other)] = kept
    assert mine.text == "BRAVO" and other.text == "ALPHA"
    assert mine.script_item_id == other.script_item_id == item_b.id
    second.keep_other(mine, other)  # the window shows both voices, its own still current
    assert [note.text for note in second.notes_for(item_b)] == ["ALPHA", "BRAVO"]
    assert second.note_for(item_b) is mine
    second.type(item_b, "BRAVO DELTA")  # and keeps writing its own note, no new fork
    second.flush()
    assert _texts(demo_store) == ["ALPHA CHARLIE", "BRAVO DELTA"] and len(kept) == 1


def test_a_window_saving_its_own_note_again_and_again_never_forks_it(demo_store) -> None:
    item = LiveSession.open(demo_store, VISIT, FIXED_NOW).items[0]
    demo_store.save(Note(visit_id=VISIT, script_item_id=item.id, text="before"))
    session = LiveSession.open(demo_store, VISIT, FIXED_NOW)
    kept = []
    session.on_kept_both = kept.extend
    item = session.items[0]
    for text in ("a", "ab", "abc"):
        session.type(item, text)
        session.flush()
    assert _texts(demo_store) == ["abc"] and not kept


def test_each_window_sees_the_others_until_they_close_or_die(demo_store) -> None:
    first, second = LiveWindow(demo_store, VISIT), LiveWindow(demo_store, VISIT)
    first.enter()
    assert first.others() == []
    second.enter()
    [other] = second.others()
    assert other.pid == first.pid and "process" in other.says()
    assert len(first.others()) == 1
    first.leave()
    assert second.others() == []

    ended = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    dead = LiveWindow(demo_store, VISIT, pid=int(ended.stdout))
    dead.enter()  # a window whose process ended without leaving (killed)
    assert second.others() == []
    asleep = LiveWindow(
        demo_store, VISIT, host="another-host", clock=lambda: second.clock() - STALE_SECONDS - 1
    )
    asleep.enter()  # another machine, silent for longer than STALE_SECONDS
    assert second.others() == []
