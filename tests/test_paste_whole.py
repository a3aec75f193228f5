"""A bracketed paste arrives whole and in its place: an escape sequence inside it (text
copied from a coloured terminal) is pasted text, never keys typed ahead of the paste.

Textual's parser sent ``P1 ESC[31mRED2`` pasted as the keys ``^[31mRED2`` first and the
paste ``P1 `` after them (tui/textual_private.py, "a paste arrives whole")."""

from __future__ import annotations

import itertools
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interview_tui.tui.textual_private import (
    PASTE_END,
    PASTE_START,
    decode_alt_keys,
    keep_pastes_whole,
)
from tests.pty_terminal import Terminal, exported_visit, make_demo_env

ESC = "\x1b"


def _parser():
    from textual._xterm_parser import XTermParser

    decode_alt_keys()
    keep_pastes_whole()
    return XTermParser()


def _events(chunks: list[str]) -> list[tuple[str, str]]:
    """What the app receives when the terminal's bytes arrive in these reads."""
    from textual import events

    parser = _parser()
    out = []
    for chunk in chunks:
        for event in parser.feed(chunk):
            if isinstance(event, events.Paste):
                out.append(("paste", event.text))
            elif isinstance(event, events.Key):
                out.append(("key", event.key))
    return out


#: whole keys a terminal sends: characters, arrows, alt+3, F9, Enter, ctrl+j
KEYS = st.sampled_from(["a", "Z", "£", "ß", "对", " ", "\x1b[A", "\x1b3", "\x1b[20~", "\r", "\n"])
#: what a paste may hold: text, and pieces of escape sequences in any order
PASTED = (
    st.lists(
        st.sampled_from([*"ab 1;[]~m2005\r\n\t£ß对账é", ESC, "\x1b[31m", "\x1b[0m", "\x1b[20"]),
        max_size=30,
    )
    .map("".join)
    .filter(lambda text: PASTE_END not in text)
)


def _split(data: str, cuts: list[int]) -> list[str]:
    points = sorted({cut % (len(data) + 1) for cut in cuts} | {0, len(data)})
    return [data[a:b] for a, b in itertools.pairwise(points) if b > a]


@settings(max_examples=300, deadline=None)
@given(
    before=st.lists(KEYS, max_size=4),
    pasted=PASTED,
    after=st.lists(KEYS, max_size=4),
    cuts=st.lists(st.integers(min_value=0, max_value=200), max_size=6),
)
def test_a_paste_is_one_event_in_its_place_however_the_reads_cut_it(
    before: list[str], pasted: str, after: list[str], cuts: list[int]
) -> None:
    data = "".join(before) + PASTE_START + pasted + PASTE_END + "".join(after)
    expected = [
        *_events(["".join(before)] if before else []),
        ("paste", pasted),
        *_events(["".join(after)] if after else []),
    ]
    assert _events(_split(data, cuts)) == expected


def test_a_lone_esc_right_before_a_paste_is_the_escape_key_then_the_paste() -> None:
    """ESC pressed just before pasting (no wait between them): the escape key, then the
    paste; the ESC is not read as the start of an alt key with the paste's first byte."""
    for chunks in (
        [ESC + PASTE_START + "x" + PASTE_END],
        [ESC, PASTE_START + "x" + PASTE_END],
        [ESC + "\x1b[2", "00~x" + PASTE_END],
    ):
        assert _events(chunks) == [("key", "escape"), ("paste", "x")], chunks


def test_nul_is_left_out_of_a_paste_as_textual_leaves_it_out() -> None:
    assert _events([PASTE_START + "a\x00b" + PASTE_END]) == [("paste", "ab")]


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")
def test_a_paste_with_escape_sequences_lands_in_the_note_as_pasted(tmp_path) -> None:
    """In a real terminal, one burst: ctrl+j (a new note), typed text, a paste holding a
    colour sequence and Chinese, typed text again: the note holds it all, in that order."""
    env = make_demo_env(tmp_path)
    pasted = "P1 \x1b[31mRED2\x1b[0m 对账 £ß"
    term = Terminal(["live", "4"], env, size=(100, 30))
    try:
        term.wait_for_screen("1/12")
        term.drain(0.3)
        burst = "\x0abefore " + PASTE_START + pasted + PASTE_END + " after"
        term.send(burst.encode())
        term.wait_for_screen(" after")
        # a paste split between two writes, inside its start marker
        term.send(("\x0a" + PASTE_START[:3]).encode())
        term.drain(0.02)
        term.send((PASTE_START[3:] + "Q\x1b[1mQ" + PASTE_END + "!").encode())
        term.wait_for_screen("Q!")
        term.send(ESC.encode())
        term.wait_for_screen("Visits")  # leaving saves the note
        term.drain(0.3)
    finally:
        term.kill()
    texts = [note["text"] for note in exported_visit(env, "4")["notes"]]
    assert f"before {pasted} after" in texts, texts
    assert "Q\x1b[1mQ!" in texts, texts


def test_the_end_of_input_in_the_middle_of_a_paste_ends_the_parser_as_textual_does() -> None:
    from textual._parser import ParseError

    parser = _parser()
    assert list(parser.feed(PASTE_START + "half a paste")) == []
    list(parser.feed(""))  # what the terminal driver sends when it stops
    assert parser.is_eof
    with pytest.raises(ParseError):
        list(parser.feed("more"))
