"""An escape sequence pasted into a field reaches no export as a control character: the
internal report, the customer recap and its e-mail (text and HTML parts) show it as its
symbol (``␛``), as the screen does; a terminal that shows the file is never driven by it."""

from __future__ import annotations

import email

import pytest
from click.testing import CliRunner

from interview_tui.cli.main import cli
from interview_tui.domain.models import Commitment, Note, Requirement, Visit

VISIT = 1
PASTED = "Error \x1b[31mFAILED\x1b[0m in logs\x07\x1b]0;owned\x07"


def _plant(store) -> None:
    visit = store.get(Visit, VISIT)
    store.save(
        Requirement(
            customer_id=visit.customer_id, visit_id=VISIT, title=f"Fix {PASTED}", pain=PASTED
        )
    )
    store.save(Note(visit_id=VISIT, text=f"They said: {PASTED}"))
    store.save(Commitment(visit_id=VISIT, text=f"Send {PASTED}", owner_side="us"))


@pytest.mark.parametrize("output", ["report-md", "recap-md", "eml"])
def test_no_export_carries_a_control_character(demo_store, output) -> None:
    _plant(demo_store)
    args = ["--db", demo_store.path, "export", str(VISIT), "--format", output]
    if output == "eml":
        args += ["--from", "pm@example.com"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    data = result.stdout_bytes
    if output == "eml":
        message = email.message_from_bytes(data)
        parts = [p.get_payload(decode=True) for p in message.walk() if not p.is_multipart()]
        assert len(parts) >= 2  # text and HTML
        data = b"\n".join(parts)
    text = data.decode("utf-8")
    controls = {c for c in text if (ord(c) < 0x20 and c not in "\n\r\t") or 0x7F <= ord(c) < 0xA0}
    assert not controls, sorted(map(hex, map(ord, controls)))
    assert "␛" in text and "FAILED" in text  # shown, not dropped
