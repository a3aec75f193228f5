"""Home is drawn without the record models: pydantic (about a fifth of the start-up's
imports) is loaded when a screen that edits records first needs it, not at start-up; nor
are the text editor, the dialogs or the visits' service (the first key that needs one), nor
the TOML reader without a keymap file; and the patterns that take milliseconds to compile
(search's words, Chinese line breaks, the help's tokens) are compiled when first used."""

from __future__ import annotations

from tests.fresh_process import app_script, run_on

CODE = app_script(
    """

async def main():
    async with app.run_test(size=(120, 36)) as pilot:
        for _ in range(400):
            await pilot.pause(0.02)
            screen = app.screen
            if getattr(screen, "_data", None) is not None and not screen.busy:
                break
        await pilot.pause(0.2)
        print("drawn:", screen.query_one("#visits").row_count > 0)
        heavy = (
            "pydantic",
            "interview_tui.domain.models",
            # the editor (a field's first screen loads it), the dialogs, the visits' service
            "textual.widgets._text_area",
            "textual.document._document_navigator",
            "interview_tui.tui.confirm",
            "interview_tui.services.visits",
            "hashlib",  # the catalog's cache is named by crc32
            "tomllib",  # no keymap.toml: nothing to read
            "interview_tui.reading",
            "importlib.resources",
        )
        print("loaded:", sorted(m for m in heavy if m in sys.modules))
        from interview_tui import display
        from interview_tui.store import search

        compiled = {
            "search words": search._word.cache_info().currsize,
            "search runs": search._cjk_run.cache_info().currsize,
            "line breaks": display._cjk.cache_info().currsize,  # English data, English UI
        }
        helptext = sys.modules.get("interview_tui.cli.helptext")
        if helptext is not None:
            compiled["help tokens"] = helptext._token.cache_info().currsize
        print("compiled:", sorted(name for name, size in compiled.items() if size))

asyncio.run(main())
"""
)


def test_home_is_drawn_without_the_models(demo_store) -> None:
    result = run_on(demo_store, CODE)
    assert "drawn: True" in result.stdout, result.stdout + result.stderr
    assert "loaded: []" in result.stdout, result.stdout
    assert "compiled: []" in result.stdout, result.stdout
