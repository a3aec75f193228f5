"""The export screen's path: the folder typed stays when the format changes, only the
extension changes; the default folder is written out in full and said on screen, never `~`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.widgets import Input, Select, Static

from interview_tui.tui.review.export_path import EXTENSION, default_name, for_format, target
from tests.conftest import settle

HOME = Path("/home/pm/interview-tui-exports")


@pytest.mark.parametrize(
    ("typed", "old", "new", "expected"),
    [
        ("", "recap-md", "ics", str(HOME / "visit-1-commitments.ics")),
        ("~/Desktop/", "recap-md", "report-md", "~/Desktop/visit-1-report.md"),
        ("~/Desktop/visit-1-recap.md", "recap-md", "json", "~/Desktop/visit-1-data.json"),
        ("~/Desktop/acme.md", "recap-md", "ics", "~/Desktop/acme.ics"),
        ("~/Desktop/acme.ics", "ics", "report-md", "~/Desktop/acme.md"),
        ("acme", "recap-md", "eml", "acme.eml"),
        ("reports/acme 客户.md", "report-md", "chase-eml", "reports/acme 客户.eml"),
    ],
)
def test_a_new_format_keeps_the_folder(typed: str, old: str, new: str, expected: str) -> None:
    assert for_format(typed, HOME, 1, old, new) == expected


@pytest.mark.parametrize("output_format", sorted(EXTENSION))
def test_every_format_gets_a_file_name_with_its_extension(output_format: str) -> None:
    name = default_name(7, output_format)
    assert name.startswith("visit-7-") and name.endswith(EXTENSION[output_format]), name
    assert Path(name).suffix == EXTENSION[output_format] and len(Path(name).stem) > 8
    # changing to it from any other format gives the same name, in the same folder
    for old in EXTENSION:
        assert for_format("", HOME, 7, old, output_format) == str(HOME / name)


def test_every_format_the_screen_offers_has_an_extension() -> None:
    from interview_tui.exports.render import FORMATS

    assert set(FORMATS) <= set(EXTENSION)


def test_an_existing_folder_is_a_folder_with_or_without_a_slash(tmp_path: Path) -> None:
    folder = tmp_path / "visits"
    folder.mkdir()
    made = for_format(str(folder), HOME, 3, "recap-md", "ics")
    assert made == str(folder / "visit-3-commitments.ics")
    assert (
        target(str(folder), HOME, "visit-3-commitments.ics") == folder / "visit-3-commitments.ics"
    )
    assert target(str(folder) + os.sep, HOME, "x.md") == folder / "x.md"


def test_the_target_is_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert target("acme.md", HOME, "unused") == tmp_path / "acme.md"
    assert target("~/x/acme.md", HOME, "unused") == tmp_path / "home" / "x" / "acme.md"
    assert target("  ", HOME, "visit-1-recap.md") == HOME / "visit-1-recap.md"


async def test_typed_folder_stays_when_the_format_changes(
    make_app, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("INTERVIEW_TUI_EXPORT_FOLDER", "~/interview-tui-exports")
    app = make_app("export", visit_id=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        path = app.screen.query_one("#path", Input)
        default = tmp_path / "home" / "interview-tui-exports" / "visit-1-recap.md"
        assert path.value == str(default)  # written out in full, no `~`
        where = str(app.screen.query_one("#export-where", Static).content)
        assert "settings.toml" in where  # the path itself is in the field
        mine = tmp_path / "mine"
        path.value = f"{mine}{os.sep}"  # a folder, as typed
        await settle(pilot)
        app.screen.query_one("#format", Select).value = "report-md"
        await settle(pilot)
        assert path.value == str(mine / "visit-1-report.md")  # not one folder up
        app.screen.query_one("#format", Select).value = "ics"
        await settle(pilot)
        assert path.value == str(mine / "visit-1-commitments.ics")
        where = str(app.screen.query_one("#export-where", Static).content)
        assert "settings.toml" not in where
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert (mine / "visit-1-commitments.ics").exists()
        assert not list((tmp_path / "home").glob("visit-*"))  # nothing written to ~


async def test_own_file_name_keeps_its_name(make_app, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app("export", visit_id=1, lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        path = app.screen.query_one("#path", Input)
        path.value = "客户/纪要.md"  # relative: to the folder the app was started in
        await settle(pilot)
        app.screen.query_one("#format", Select).value = "eml"
        await settle(pilot)
        assert path.value == "客户/纪要.eml"
        where = str(app.screen.query_one("#export-where", Static).content)
        assert where == f"将写入 {tmp_path / '客户' / '纪要.eml'}"


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_every_format_is_written_with_its_extension(
    make_app, tmp_path: Path, monkeypatch, lang: str
) -> None:
    from interview_tui.exports.render import FORMATS

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("INTERVIEW_TUI_EXPORT_FOLDER", str(tmp_path / "out"))
    monkeypatch.setenv("INTERVIEW_TUI_EMAIL", "li@example.com")  # a sender for the e-mails
    app = make_app("export", visit_id=1, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for output_format in FORMATS:
            app.screen.query_one("#format", Select).value = output_format
            await settle(pilot)
            await pilot.press("ctrl+s")
            await settle(pilot)
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == sorted(default_name(1, f) for f in FORMATS)
    assert all(Path(name).suffix in {".md", ".eml", ".ics", ".json"} for name in written)


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_a_name_the_format_replaced_is_typed_at_its_end(
    make_app, tmp_path: Path, monkeypatch, lang: str
) -> None:
    """A new format replaces the name in the field: the cursor goes to its end (it stayed
    where it was, so a key typed then landed inside the name: ``visit-1-data.jsoQn``)."""
    monkeypatch.setenv("INTERVIEW_TUI_EXPORT_FOLDER", str(tmp_path / "out"))
    app = make_app("export", visit_id=1, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        path = app.screen.query_one("#path", Input)
        assert app.screen.focused is app.screen.query_one("#format", Select)
        for output_format, name in (
            ("json", "visit-1-data.json"),
            ("ics", "visit-1-commitments.ics"),
        ):
            app.screen.query_one("#format", Select).value = output_format
            await settle(pilot)
            await pilot.press("tab")  # to the file name, as the walk went
            assert app.screen.focused is path
            assert path.cursor_position == len(path.value)
            await pilot.press("Q")
            assert path.value == str(tmp_path / "out" / f"{name}Q")
            await pilot.press("backspace", "shift+tab")
        await pilot.press("tab", "ctrl+u")  # the whole field at once, from its end
        assert path.value == ""
