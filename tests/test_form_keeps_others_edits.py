"""A detail form open while a colleague's edit arrives (a sync, another window) writes back
only the fields the user changed: it wrote every field as the form was filled, so the title
a sync had just brought in went back to the old one, with no conflict and no history."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input

from interview_tui.domain.enums import CommitmentState
from interview_tui.domain.models import Commitment, Requirement
from tests.conftest import settle


async def _type_into(pilot, field: str, text: str) -> None:
    widget = pilot.app.screen.query_one(f"#{field}", Input)
    widget.focus()
    await pilot.pause()
    await pilot.press("end", *text)
    await settle(pilot)


async def _theirs_arrives_then_save(pilot, store, model, record_id: int, **theirs) -> None:
    """A colleague's values of ``record_id`` land (as a sync writes them), the form reads the
    record again, and the user saves with ``ctrl+s``."""
    record = store.get(model, record_id)
    for name, value in theirs.items():
        setattr(record, name, value)
    store.save(record)
    pilot.app.screen.reload()
    await settle(pilot)
    await pilot.press("ctrl+s")
    await settle(pilot)


async def test_the_requirement_form_keeps_a_title_a_colleague_changed(make_app, demo_store):
    r = demo_store.all(Requirement)[0]
    app = make_app("requirement", requirement_id=r.id)
    async with app.run_test(size=(110, 40)) as pilot:
        await settle(pilot)
        await _type_into(pilot, "product_details", " BOTYPED")
        # the colleague's title arrives while Bo's form is open and changed
        await _theirs_arrives_then_save(
            pilot, demo_store, Requirement, r.id, title="ANATITLE routing cutoff"
        )
    saved = demo_store.get(Requirement, r.id)
    assert saved.title == "ANATITLE routing cutoff"
    assert saved.product_details == f"{r.product_details} BOTYPED".strip()


async def test_the_commitment_form_keeps_a_text_and_date_a_colleague_changed(make_app, demo_store):
    c = next(c for c in demo_store.all(Commitment) if c.state is CommitmentState.OPEN)
    app = make_app("commitment", commitment_id=c.id)
    async with app.run_test(size=(110, 40)) as pilot:
        await settle(pilot)
        await _type_into(pilot, "owner_name", " Jr")
        await _theirs_arrives_then_save(
            pilot, demo_store, Commitment, c.id, text="ANATEXT send the plan", due=date(2027, 1, 15)
        )
    saved = demo_store.get(Commitment, c.id)
    assert saved.text == "ANATEXT send the plan" and saved.due == date(2027, 1, 15)
    assert saved.owner_name == f"{c.owner_name} Jr"
