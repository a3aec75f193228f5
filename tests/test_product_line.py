"""The product line's pool: one need heard at several customers, aliases merged, two orders;
three PMs syncing through a bare repository see one need at three customers."""

from __future__ import annotations

import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest
from textual.widgets import Static

from interview_tui.domain.enums import RequirementState
from interview_tui.domain.models import Customer, Requirement, Visit
from interview_tui.services.product_line import read_line
from interview_tui.store import open_store
from interview_tui.team import actions
from interview_tui.team.sync import init_team, join_team, sync
from interview_tui.tui.review.product_line_screen import ProductLineScreen
from tests.conftest import settle

NOW = datetime(2026, 12, 1, 10, 0)


def _need(
    store,
    customer: str,
    key: str,
    latest: date | None = None,
    state: RequirementState = RequirementState.CAPTURED,
) -> Requirement:
    found = store.all(Customer, "name = ?", [customer])
    c = found[0] if found else store.save(Customer(name=customer))
    return store.save(
        Requirement(
            customer_id=c.id,
            title=f"{key} at {customer}",
            link_key=key,
            latest_acceptable=latest,
            state=state,
        )
    )


def test_a_need_at_several_customers_is_one_row_with_each_customer_and_date(store) -> None:
    _need(store, "Acme", "cache", date(2027, 5, 1))
    _need(store, "Acme", "cache", date(2027, 3, 1))  # Acme's nearest date counts
    _need(store, "Beta", "cache", None, RequirementState.SOLUTION_PROPOSED)
    _need(store, "Gamma", "cache", date(2027, 4, 1), RequirementState.DECLINED)
    _need(store, "Acme", "sso", date(2027, 1, 10))
    _need(store, "Delta", "sso")
    _need(store, "Beta", "export", date(2026, 12, 20))
    store.save(Requirement(customer_id=1, title="not linked"))

    page = read_line(store)
    assert [(n.key, n.count) for n in page.rows] == [("cache", 3), ("sso", 2), ("export", 1)]
    cache = page.rows[0]
    assert [(c.name, c.latest) for c in cache.customers] == [
        ("Acme", date(2027, 3, 1)),
        ("Gamma", date(2027, 4, 1)),
        ("Beta", None),
    ]
    assert cache.nearest == date(2027, 3, 1)
    assert cache.state is RequirementState.SOLUTION_PROPOSED  # a decline elsewhere aside

    by_date = read_line(store, sort="latest")
    assert [n.key for n in by_date.rows] == ["export", "sso", "cache"]
    assert [n.key for n in read_line(store, offset=1, limit=1).rows] == ["sso"]
    assert read_line(store, offset=1, limit=1).total == 3


def test_customers_marked_the_same_count_once(store) -> None:
    a, b = store.save(Customer(name="Fabrikam")), store.save(Customer(name="Fabrikam"))
    store.save(Customer(name="Beta"))
    for c, latest in ((a, date(2027, 2, 1)), (b, date(2027, 1, 1))):
        store.save(
            Requirement(customer_id=c.id, title="cache", link_key="cache", latest_acceptable=latest)
        )
    _need(store, "Beta", "cache")
    assert read_line(store).rows[0].count == 3
    store.save(a.model_copy(update={"same_as": [b.uid]}))
    store.save(b.model_copy(update={"same_as": [a.uid]}))
    [need] = read_line(store).rows
    assert need.count == 2
    assert [(c.name, c.latest) for c in need.customers] == [
        ("Fabrikam", date(2027, 1, 1)),
        ("Beta", None),
    ]


def _pm(tmp_path: Path, name: str):
    store = open_store(tmp_path / name / "interview.db")
    store.now = lambda: NOW
    store.member = f"{name}@example.com"
    return store


def test_three_pms_see_one_need_at_three_customers(tmp_path: Path) -> None:
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(remote)], check=True)
    ana, bo, cy = (_pm(tmp_path, name) for name in ("ana", "bo", "cy"))
    init_team(ana, str(remote), "platform", ana.member, "Ana", NOW)
    join_team(bo, str(remote), bo.member, "Bo", NOW)
    join_team(cy, str(remote), cy.member, "Cy", NOW)
    for pm, customer, latest in (
        (ana, "Acme", date(2027, 3, 1)),
        (bo, "Beta", None),
        (cy, "Gamma", date(2027, 2, 1)),
    ):
        c = pm.save(Customer(name=customer))
        visit = pm.save(Visit(customer_id=c.id, date=NOW))
        pm.save(
            Requirement(
                customer_id=c.id,
                visit_id=visit.id,
                title="offline cache",
                link_key="offline-cache",
                latest_acceptable=latest,
            )
        )
        actions.share_visit(pm, visit.id or 0, NOW)
    for pm in (ana, bo, cy, ana, bo):
        sync(pm, NOW)
    for pm in (ana, bo, cy):
        [need] = read_line(pm).rows
        assert need.key == "offline-cache" and need.count == 3
        assert [(c.name, c.latest) for c in need.customers] == [
            ("Gamma", date(2027, 2, 1)),
            ("Acme", date(2027, 3, 1)),
            ("Beta", None),
        ]


async def test_the_pool_opens_the_product_line_and_its_keys_sort(make_app, demo_store) -> None:
    _need(demo_store, "Acme", "sso", date(2026, 12, 20))
    app = make_app("requirements")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ProductLineScreen)
        assert [n.key for n in screen.needs.values()] == ["billing-export-by-tag", "sso"]
        strip = str(screen.query_one("#line-text", Static).render())
        assert "星河视频 by 20" in strip and "Northwind Logistics by —" in strip
        await pilot.press("d")
        await settle(pilot)
        assert [n.key for n in screen.needs.values()] == ["sso", "billing-export-by-tag"]
        assert "nearest date" in str(screen.query_one("#line-sort", Static).render())
        await pilot.press("n")
        await settle(pilot)
        assert [n.key for n in screen.needs.values()] == ["billing-export-by-tag", "sso"]
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "RequirementsScreen"


async def test_no_linked_need_says_how_to_link(make_app, demo_store) -> None:
    with demo_store.transaction() as db:
        db.execute("UPDATE requirements SET link_key = ''")
    app = make_app("line")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "link key" in str(app.screen.query_one("#line-empty", Static).render())


def _three_customers(store) -> None:
    for customer, latest in (
        ("Acme", date(2027, 3, 1)),
        ("Beta 精密制造", None),
        ("Gamma", date(2027, 2, 1)),
    ):
        _need(store, customer, "offline-cache", latest)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
def test_product_line_snapshots(snap_compare, make_app, demo_store, lang, size) -> None:
    _three_customers(demo_store)
    assert snap_compare(make_app("line", lang=lang), terminal_size=size, run_before=settle)


def test_the_pool_and_the_product_line_count_a_needs_customers_alike(store) -> None:
    """A need's customer count in the requirement pool's rows is the product line's: a
    customer whose visit is archived is not counted by either, customers marked the same
    count once in both (the pool counted every linked requirement's customer)."""
    from interview_tui.services.archive import set_archived
    from interview_tui.services.requirement_pool import pool_row, read_pool

    def counts() -> tuple[int, int, int]:
        [need] = [n for n in read_line(store).rows if n.key == "cache"]
        [row] = [r for r in read_pool(store).rows if r.requirement.id == mine.id]
        return need.count, row.asked, pool_row(store, mine.id or 0).asked

    mine = _need(store, "Acme", "cache")
    a, b = store.save(Customer(name="Fabrikam")), store.save(Customer(name="Fabrikam"))
    for c in (a, b):
        store.save(Requirement(customer_id=c.id, title="cache", link_key="cache"))
    beta = store.save(Customer(name="Beta"))
    visit = store.save(Visit(customer_id=beta.id or 0, date=NOW))
    store.save(Requirement(customer_id=beta.id, visit_id=visit.id, title="c", link_key="cache"))
    assert counts() == (4, 4, 4)
    set_archived(store, "visit", visit.id or 0, True)
    assert counts() == (3, 3, 3)
    store.save(a.model_copy(update={"same_as": [b.uid]}))
    store.save(b.model_copy(update={"same_as": [a.uid]}))
    assert counts() == (2, 2, 2)
