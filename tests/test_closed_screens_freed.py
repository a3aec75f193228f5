"""A closed screen leaves nothing behind: its widgets' style caches (with every line they
drew) are freed with it, so memory stays flat however often screens are opened."""

from __future__ import annotations

import gc

from textual._styles_cache import StylesCache

from tests.conftest import settle


def _style_caches() -> int:
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, StylesCache))


async def test_opening_a_screen_again_and_again_keeps_no_style_cache(make_app, demo_store):
    visit_id = demo_store.conn.execute("SELECT id FROM visits ORDER BY id LIMIT 1").fetchone()[0]
    app = make_app("home")
    counts = []
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        for _ in range(6):
            app.show("plan", visit_id=visit_id)
            await settle(pilot)
            await app.screen.dismiss()
            await settle(pilot)
            counts.append(_style_caches())
    # the plan has about 64 widgets: each opening kept them all before (+320 over five more
    # openings). On a loaded machine the last plan closed can still be held for a while by
    # its finished read (one plan's worth): flat means less than two plans' worth of growth
    assert counts[-1] - counts[0] < 100, counts
