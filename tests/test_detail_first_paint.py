"""Opening a requirement or a commitment matches the stylesheet against its form once:
the form is shown by its own style when the record arrives (a class on the screen matched
every field again) and nothing is focused before the first field (focusing the form's
scrolling container, then the field, matched every field twice more)."""

from __future__ import annotations

import pytest
from textual.css.stylesheet import Stylesheet
from textual.widgets import Input

from interview_tui.domain.models import Commitment, Requirement
from tests.conftest import settle


@pytest.mark.parametrize(
    ("route", "model", "first_field"),
    [("requirement", Requirement, "title"), ("commitment", Commitment, "text")],
)
async def test_a_detail_form_is_styled_once_as_it_opens(
    make_app, demo_store, monkeypatch, route, model, first_field
) -> None:
    record = demo_store.all(model)[0]
    whole: list[int] = []  # sizes of the restyles that took in most of the screen
    focused: list[str] = []
    real = Stylesheet.update_nodes

    def update_nodes(self, nodes, animate=False):
        nodes = list(nodes)
        whole.append(len(nodes))
        return real(self, nodes, animate)

    monkeypatch.setattr(Stylesheet, "update_nodes", update_nodes)
    app = make_app("home")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        whole.clear()
        screen = app.show(route, **{f"{route}_id": record.id})
        screen.watch(screen, "focused", lambda w: focused.append(str(w and w.id)), init=False)
        await settle(pilot)
        assert isinstance(app.focused, Input) and app.focused.id == first_field
        fields = len(list(screen.query("#detail *")))
        assert fields > 20
    assert focused[0] == first_field
    assert "detail" not in focused
    # each widget styled as it was mounted; the screen is not styled whole again to be shown
    assert [n for n in whole if n >= fields] == []
