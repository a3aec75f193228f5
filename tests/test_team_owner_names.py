"""A promise Ana wrote as hers (owner ``我`` / ``me``) names Ana on Bo's laptop and in the
team's pages, not the reader; on Ana's laptop, and in the record, it stays as she wrote it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from interview_tui.cli.main import cli
from interview_tui.domain.enums import OwnerSide
from interview_tui.domain.models import Commitment, Customer
from interview_tui.domain.owners import SELF_NAMES, owner_shown, writes_self
from interview_tui.i18n import set_language
from interview_tui.team.reports import customer_page, customer_page_path
from tests.conftest import settle
from tests.team_pms import in_repository, two_pms_sharing_a_visit

ANA, BO = "ana@example.com", "bo@example.com"
NAMES = {ANA: "Ana", BO: "Bo"}


def _who(member: str) -> str:
    return NAMES.get(member) or member


def test_a_colleagues_self_word_names_the_colleague() -> None:
    for word in ("我", " me ", "Me", "myself", "本人", "I"):
        assert owner_shown(OwnerSide.US, word, ANA, BO, _who) == "Ana", word
        assert owner_shown(OwnerSide.US, word, ANA, ANA, _who) == word  # Ana's own laptop
        assert owner_shown(OwnerSide.US, word, "", BO, _who) == word  # before a team
        assert owner_shown(OwnerSide.CUSTOMER, word, ANA, BO, _who) == word  # their side
    assert owner_shown(OwnerSide.US, "我", "cy@example.com", BO, _who) == "cy@example.com"


@given(name=st.text(max_size=12), author=st.sampled_from(["", ANA, BO]))
def test_any_other_name_is_shown_as_written(name: str, author: str) -> None:
    shown = owner_shown(OwnerSide.US, name, author, BO, _who)
    if writes_self(name) and author == ANA:
        assert shown == "Ana"
    else:
        assert shown == name
    assert writes_self(name) == (name.strip().casefold() in SELF_NAMES)


def _cli(db: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", str(db), "--lang", "zh", *args])
    set_language("en")
    assert result.exit_code == 0, result.output
    return result.stdout


def test_bo_reads_anas_promises_as_anas(tmp_path: Path) -> None:
    remote = tmp_path / "team.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    ana, bo, visit = two_pms_sharing_a_visit(tmp_path, remote)
    text = "发送中东两个可用区的实测延迟报告"
    [mine] = [c for c in ana.commitments(visit.id or 0) if c.text == text]
    assert (mine.owner_name, mine.author) == ("我", ANA)  # the demo's "我", written by Ana

    [line] = [line for line in _cli(bo.path, "commitments").splitlines() if text in line]
    assert f"我方：{ANA}" in line and "我方：我" not in line, line  # (a listing reads no git)
    [line] = [line for line in _cli(ana.path, "commitments").splitlines() if text in line]
    assert "我方：我" in line, line  # Ana's own laptop: as she wrote it
    [theirs] = [c for c in bo.all(Commitment) if c.text == text]
    assert theirs.owner_name == "我"  # the record keeps what was written
    assert '"owner_name": "我"' in _cli(bo.path, "commitments", "--json")

    # Bo's report and the recap he may send: Ana by the name the team knows her by (her
    # e-mail is not for the customer); his calendar: by her e-mail; never "我"
    for fmt in ("report-md", "recap-md"):
        out = _cli(bo.path, "export", str(theirs.visit_id), "--format", fmt)
        lines = [line for line in out.splitlines() if text in line]
        named = ("Ana" in line and ANA not in line for line in lines)
        assert lines and all(named), (fmt, lines)
    for ics in (
        _cli(bo.path, "export", str(theirs.visit_id), "--format", "ics"),
        _cli(bo.path, "calendar"),
    ):
        unfolded = re.sub(r"\r?\n ", "", ics)
        [event] = [e for e in unfolded.split("BEGIN:VEVENT") if text in e]
        assert ANA in event and "(我)" not in event, event
    [line] = [
        line
        for line in _cli(ana.path, "export", str(visit.id), "--format", "report-md").splitlines()
        if text in line
    ]
    assert "我方：我" in line, line  # Ana's own report: as she wrote it

    # the team's page, read by every member, as Ana's sync wrote it and as Bo's would:
    # by her e-mail (a sync reads no names)
    [customer] = [c for c in bo.all(Customer) if c.id == theirs_customer(bo, theirs)]
    for page in (in_repository(remote, customer_page_path(customer)), customer_page(bo, customer)):
        [row] = [row for row in page.splitlines() if text in row]
        assert f": {ANA}" in row and ": 我" not in row, row


def theirs_customer(store, commitment: Commitment) -> int:
    from interview_tui.domain.models import Visit

    return store.get(Visit, commitment.visit_id).customer_id


async def test_the_commitments_screen_names_the_colleague(tmp_path: Path) -> None:
    from interview_tui.tui.app import build_app
    from interview_tui.tui.review.commitments_screen import CommitmentsScreen
    from tests.team_pms import TODAY

    remote = tmp_path / "team.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    _, bo, _ = two_pms_sharing_a_visit(tmp_path, remote)
    set_language("zh")
    app = build_app(bo, initial=("commitments", {}), today=lambda: TODAY, animate=False)
    try:
        async with app.run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, CommitmentsScreen)
            owners = {
                row.commitment.text: str(cells[2])
                for row, cells in ((row, screen._cells(row, TODAY)) for row in screen.rows)
            }
            screen.names = {}  # no name known for Ana: her e-mail's name part fits the column
            [row] = [
                r for r in screen.rows if r.commitment.text == "发送中东两个可用区的实测延迟报告"
            ]
            unnamed = str(screen._cells(row, TODAY)[2])
    finally:
        set_language("en")
    assert owners["发送中东两个可用区的实测延迟报告"] == "我方：Ana", owners
    assert owners["提供上月三类资源的对账样本"] == "客户：孙倩", owners
    assert unnamed == "我方：ana"
