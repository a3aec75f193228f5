"""Home screen: visits, customers, commitment counts; keys and the command palette."""

from __future__ import annotations

import pytest
from textual.command import CommandList
from textual.widgets import DataTable

from interview_tui.domain.models import Customer, Visit
from interview_tui.services.home_data import visit_timing
from interview_tui.tui.home.screen import HomeScreen
from interview_tui.tui.textual_private import notifications
from tests.conftest import FIXED_NOW, FIXED_TODAY, settle


async def _ready(app, pilot) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_home_lists_visits_customers_and_counts(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await _ready(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        visits = app.screen.query_one("#visits", DataTable)
        assert visits.row_count == 4
        first_row = visits.get_row_at(0)
        assert str(first_row[0]).strip() == "○"  # upcoming first, marked as in the legend
        customers = app.screen.query_one("#customers", DataTable)
        assert customers.row_count == 2
        counts = str(app.screen.query_one("#commitment-counts").render())
        assert "5 open" in counts and "3 overdue" in counts


async def test_empty_database_says_what_to_do(store) -> None:
    from interview_tui.tui.app import build_app

    app = build_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(app, pilot)
        assert app.screen.query_one("#visits", DataTable).row_count == 0
        empty = app.screen.query_one("#home-empty")
        assert empty.display and "interview-tui demo" in str(empty.render())
        app.screen.reload()  # read again (as after every other screen): still one message
        await settle(pilot)
        assert not notifications(app)  # in the screen, never a toast (one per read before)


async def test_command_palette_lists_screen_bindings(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await _ready(app, pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.pause(0.3)
        options = app.screen.query_one(CommandList).options
        commands = [str(option.prompt).split("\n")[0] for option in options]
        assert "Commitments  (m)" in commands and "New visit  (n)" in commands, commands


async def test_bindings_speak_chinese(make_app) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=(100, 30)) as pilot:
        await _ready(app, pilot)
        descriptions = {b.binding.description for b in app.screen.active_bindings.values()}
        assert "新拜访" in descriptions and "承诺" in descriptions


async def test_user_keymap_remaps_by_binding_id(make_app, tmp_path) -> None:
    from interview_tui.tui.app import InterviewApp

    app = make_app()
    assert isinstance(app, InterviewApp)
    app.start_keymap = {"home.new_customer": "ctrl+k"}
    async with app.run_test(size=(100, 30)) as pilot:
        await _ready(app, pilot)
        keys = {
            key
            for key, b in app.screen.active_bindings.items()
            if b.binding.id == "home.new_customer"
        }
        assert keys == {"ctrl+k"}


def test_bad_keymap_is_a_clear_error(tmp_path) -> None:
    from interview_tui.errors import UserError
    from interview_tui.tui.keymap import load_keymap

    path = tmp_path / "keymap.toml"
    path.write_text('"home.new_visit" = 3\n')
    with pytest.raises(UserError, match=r"keymap\.toml: home\.new_visit"):
        load_keymap(path)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
def test_home_snapshot(snap_compare, make_app, lang, size) -> None:
    """You should see the four demo visits (two upcoming marked ○, as the legend says; the
    purpose on two lines at 80 columns), two customers and "5 open · 3 overdue"
    commitments, with the footer's main keys first in the chosen language."""

    async def ready(pilot) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(make_app(lang=lang), terminal_size=size, run_before=ready)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
def test_home_snapshot_after_resizing(snap_compare, make_app, lang, size) -> None:
    """Resized to the other size and back: you should see what a fresh start at this size
    shows (test_home_snapshot), the customer and purpose columns as wide as the room gives,
    no purpose cut in the middle of a word."""
    other = (120, 36) if size == (80, 24) else (80, 24)

    async def resized(pilot) -> None:
        await settle(pilot)  # shown at this size first
        for width, height in (other, size):
            await pilot.resize_terminal(width, height)
            await settle(pilot)

    assert snap_compare(make_app(lang=lang), terminal_size=size, run_before=resized)


def _visit_customer(store, visit_id: int) -> int:
    return store.get(Visit, visit_id).customer_id


async def test_keys_act_on_the_focused_row(make_app, demo_store) -> None:
    """e and t on a visit row act on that visit (and its customer); on a customer row on
    that customer; a visit's keys are dimmed on a customer row, and do nothing there."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        home = app.screen
        visits = home.query_one("#visits", DataTable)
        visits.focus()
        visits.move_cursor(row=0)  # Northwind's upcoming visit; the customer list starts on 星河
        visit_id = home.selected_visit_id()
        assert home.selected_customer_id() != _visit_customer(demo_store, visit_id)
        await pilot.press("e")
        await settle(pilot)
        assert type(app.screen).__name__ == "VisitFormScreen"
        assert app.screen.visit_id == visit_id
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert app.screen.customer_id == _visit_customer(demo_store, visit_id)
        await pilot.press("escape")
        await settle(pilot)
        home.query_one("#customers", DataTable).focus()
        customer_id = home.selected_customer_id()
        await pilot.press("e")
        await settle(pilot)
        assert type(app.screen).__name__ == "CustomerScreen"
        assert app.screen.customer_id == customer_id
        await pilot.press("escape")
        await settle(pilot)
        home.query_one("#customers", DataTable).focus()
        await settle(pilot)
        enabled = {b.binding.action: b.enabled for b in home.active_bindings.values()}
        assert not any(enabled[a] for a in ("rehearse", "live", "status", "export"))
        assert enabled["edit"] and enabled["timeline"] and enabled["new_visit"]
        await pilot.press("r", "l", "x")
        await settle(pilot)
        assert app.screen is home and not notifications(app)
        visits.focus()
        await settle(pilot)
        enabled = {b.binding.action: b.enabled for b in home.active_bindings.values()}
        assert all(enabled[a] for a in ("rehearse", "live", "status", "export"))


async def test_a_new_visit_is_selected_once_saved(make_app, demo_store) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        home = app.screen
        home.query_one("#visits", DataTable).move_cursor(row=2)
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        form.query_one("#purpose").value = "Brand new visit"
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is home
        assert home.selected_visit_id() == form.visit_id is not None
        assert demo_store.get(Visit, form.visit_id).purpose == "Brand new visit"


def test_marks_say_when_a_visit_is() -> None:
    assert visit_timing(f"{FIXED_TODAY}T15:00", "done", FIXED_TODAY) == "today"
    assert visit_timing("2026-12-01T10:00", "planned", FIXED_TODAY) == "upcoming"
    assert visit_timing("2026-11-20T10:00", "planned", FIXED_TODAY) == "overdue"
    assert visit_timing("2026-11-20T10:00", "done", FIXED_TODAY) == "past"


async def test_a_visit_done_today_is_not_upcoming_and_marks_have_a_legend(
    make_app, demo_store
) -> None:
    customer = demo_store.save(Customer(name="Today Corp"))
    done = demo_store.save(
        Visit(
            customer_id=customer.id,
            date=FIXED_NOW.replace(hour=8),
            status="done",
            purpose="Done this morning",
        )
    )
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        visits = app.screen.query_one("#visits", DataTable)
        assert str(visits.get_row(str(done.id))[0]).strip() == "●"  # today, not "○ upcoming"
        legend = str(app.screen.query_one("#visits-title").render())
        assert "● today" in legend and "○ upcoming" in legend and "! past, not done" in legend


async def test_purpose_is_readable_and_side_pane_narrow_at_80_columns(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen_text = _screen_text(app)
        assert "Architecture review follow" in screen_text.replace("\n", " ")  # not 9 chars
        assert app.screen.query_one("#side-pane").size.width <= 25
        footer = str(app.screen.query_one("KeyBar").render())
        for key in ("n New visit", "e Edit", "r Rehearse", "l Live", "s Status"):
            assert key in footer, footer


async def test_every_home_key_is_in_the_footer_when_there_is_room(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(200, 30)) as pilot:
        await settle(pilot)
        footer = str(app.screen.query_one("KeyBar").render())
        for key in ("e Edit", "x Export", "t Timeline", "a Accounts"):
            assert key in footer, footer


def _screen_text(app) -> str:
    """The visits table as drawn, line by line (cells joined)."""
    table = app.screen.query_one("#visits", DataTable)
    lines = []
    for y in range(table.size.height):
        strip = table.render_line(y)
        lines.append("".join(segment.text for segment in strip).strip())
    return "\n".join(lines)


async def test_a_read_started_before_the_ui_is_waited_for_in_a_worker(make_app, demo_store) -> None:
    """Home's first read, started while Textual loads, still under way when home mounts:
    the UI does not wait for it (it waited up to 2 s, then read again and dropped it);
    a worker does, and home shows it when it arrives."""
    import time
    from concurrent.futures import Future

    from interview_tui.services.home_data import read_home

    prefetched: Future = Future()
    app = make_app(prefetched={"home": prefetched})
    async with app.run_test(size=(120, 30)) as pilot:
        ticks: list[float] = []
        app.set_interval(0.05, lambda: ticks.append(time.monotonic()))
        for _ in range(200):
            await pilot.pause(0.05)
            if len(ticks) >= 3:
                break
        assert len(ticks) >= 3 and not prefetched.done()
        data = read_home(demo_store, FIXED_TODAY)
        data.visits[0]["customer"] = "Read Before The UI"
        prefetched.set_result(data)
        await settle(pilot)
        visits = app.screen.query_one("#visits", DataTable)
        shown = {str(cell) for row in range(visits.row_count) for cell in visits.get_row_at(row)}
        assert any("Read Before The UI" in cell for cell in shown)


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_a_list_cut_to_the_nearest_visits_says_how_many_there_are(
    make_app, demo_store, lang
) -> None:
    """With more visits than home lists (the nearest upcoming and recent ones), a line
    under the list says how many it shows of how many, and which keys find the others;
    archived visits are not counted; with every visit listed there is no such line."""
    from datetime import timedelta

    from interview_tui.services.home_data import RECENT_LIMIT, read_home

    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not app.screen.query_one("#visits-more").display  # the demo's 4: all listed
    customer = demo_store.all(Customer)[0]
    for n in range(RECENT_LIMIT + 3):
        demo_store.save(
            Visit(customer_id=customer.id or 0, date=FIXED_NOW - timedelta(days=40 + n))
        )
    archived = demo_store.save(Visit(customer_id=customer.id or 0, date=FIXED_NOW))
    demo_store.save(archived.model_copy(update={"archived_at": FIXED_NOW}))
    data = read_home(demo_store, FIXED_TODAY)
    assert data.visits_total == 4 + RECENT_LIMIT + 3 > len(data.visits)
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        line = str(app.screen.query_one("#visits-more").render())
    shown = len(data.visits)
    expected = {
        "en": f"the {shown} nearest of {data.visits_total} visits · / search · t timeline",
        "zh": f"列出最近的 {shown} 次，共 {data.visits_total} 次拜访 · / 搜索 · t 时间线",
    }[lang]
    assert line.strip() == expected
