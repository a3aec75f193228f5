"""The bank offers the script's language first: a PM with an English interface planning a
Chinese customer's visit sees the Chinese bank, and the other way round; the filter is the
user's once they change it."""

from __future__ import annotations

import pytest
from textual.widgets import Select

from interview_tui.domain.models import Customer, Visit
from interview_tui.services.plan import bank_language
from tests.conftest import FIXED_NOW, settle

ZH_SCRIPT_VISIT, EN_SCRIPT_VISIT = (
    2,
    4,
)  # the demo: 星河视频's plan in Chinese, Northwind's in English


def test_the_scripts_language_then_the_customers_name_then_the_interfaces() -> None:
    assert bank_language(["zh-CN", "zh-CN", "en"], "Acme", "en") == "zh-CN"
    assert bank_language(["en", "en", "zh-CN"], "星河视频", "zh-CN") == "en"
    assert bank_language(["en", "zh-CN"], "Acme", "zh-CN") == "zh-CN"  # a tie: the interface's
    assert bank_language(["en", "zh-CN"], "Acme", "en") == "en"
    assert bank_language([], "星河视频", "en") == "zh-CN"  # no script yet: the customer's name
    assert bank_language([], "Northwind Logistics", "zh-CN") == "zh-CN"  # a Latin name says little
    assert bank_language([], "Northwind Logistics", "en") == "en"


@pytest.mark.parametrize(
    ("ui", "visit", "offered"),
    [
        ("en", ZH_SCRIPT_VISIT, "zh-CN"),
        ("zh", EN_SCRIPT_VISIT, "en"),
        ("zh", ZH_SCRIPT_VISIT, "zh-CN"),
    ],
)
async def test_the_plan_offers_the_scripts_bank(make_app, ui, visit, offered) -> None:
    app = make_app("plan", lang=ui, visit_id=visit)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.query_one("#lang-filter", Select).value == offered
        assert {q.language for q in screen.bank_rows} == {offered}


async def test_a_new_visit_of_a_chinese_customer_offers_the_chinese_bank(make_app, demo_store):
    customer = demo_store.save(Customer(name="华东光伏"))
    visit = demo_store.save(Visit(customer_id=customer.id, date=FIXED_NOW.replace(day=30)))
    app = make_app("plan", lang="en", visit_id=visit.id)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#lang-filter", Select).value == "zh-CN"


async def test_the_users_choice_stays_when_the_plan_is_read_again(make_app) -> None:
    app = make_app("plan", lang="en", visit_id=ZH_SCRIPT_VISIT)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = app.screen
        screen.query_one("#lang-filter", Select).value = "en"
        await settle(pilot)
        screen.reload()  # the plan read again (as after an edit of the visit)
        await settle(pilot)
        assert screen.query_one("#lang-filter", Select).value == "en"
        assert {q.language for q in screen.bank_rows} == {"en"}
