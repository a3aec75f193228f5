"""Demo data: two realistic accounts, and any number of synthetic visits for scale tests.

The hand-written part follows the seed articles' own examples (a 20-person ops team busy
fire-fighting, a Middle East launch needing 30 ms, 20,000 cores on a five-year lease, monthly
invoices that take five days to reconcile). Synthetic visits are deterministic: visit *n*
is always built from the same random seed, and ``--visits N`` only adds what is missing.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from interview_tui.domain.enums import (
    CommitmentState,
    Goal,
    ItemStatus,
    OwnerSide,
    PoolGroup,
    RequirementState,
    Role,
    SolutionAnswer,
    VisitStatus,
)
from interview_tui.domain.models import (
    Commitment,
    Customer,
    CustomerQuestion,
    Note,
    Person,
    Requirement,
    ScriptItem,
    SolutionProposal,
    SolutionReply,
    Visit,
)
from interview_tui.store.store import Store

SEEDED_KEY = "demo.seeded"
SYNTHETIC_KEY = "demo.synthetic_visits"


def _at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour, 0))


#: the demo's accounts, and what is added to a name one of the user's customers has already
DEMO_ACCOUNTS = (("星河视频", "(演示)"), ("Northwind Logistics", " (demo)"))


def _free_name(store: Store, name: str, mark: str) -> str:
    """``name``, or ``name (demo)``, ``name (demo 2)`` …: the user's own customer of that
    name is never touched (customer names are unique)."""
    candidate, number = name, 1
    while store.customer_by_name(candidate) is not None:
        number += 1
        suffix = mark if number == 2 else f"{mark[:-1]} {number - 1}{mark[-1]}"
        candidate = f"{name}{suffix}"
    return candidate


def seed_demo(
    store: Store, today: date, extra_visits: int = 0, *, chunk: int | None = None
) -> dict[str, Any]:
    """Fill the store with the demo (once) and top synthetic visits up to ``extra_visits``.

    ``renamed`` lists ``(name, demo name)`` for each demo account whose name one of the
    user's customers already had: the demo account is added beside it under the other name.
    ``chunk``: synthetic visits per transaction (:data:`SYNTHETIC_CHUNK`).
    """
    added: dict[str, Any] = {"accounts": 0, "synthetic_visits": 0, "renamed": []}
    if store.meta(SEEDED_KEY) is None:
        with store.transaction():
            names = [_free_name(store, name, mark) for name, mark in DEMO_ACCOUNTS]
            _seed_xinghe(store, today, names[0])
            _seed_northwind(store, today, names[1])
            store.set_meta(SEEDED_KEY, today.isoformat())
        added["accounts"] = 2
        added["renamed"] = [
            (name, new) for (name, _), new in zip(DEMO_ACCOUNTS, names, strict=True) if new != name
        ]
    have = int(store.meta(SYNTHETIC_KEY) or 0)
    if extra_visits > have:
        added["synthetic_visits"] = _seed_synthetic(
            store, today, have, extra_visits, chunk or SYNTHETIC_CHUNK
        )
    return added


#: the tables a synthetic build fills by the million: their indexes and insert triggers
#: are built once at the end of a build into a new file (see :mod:`interview_tui.store.bulk`)
BULK_TABLES = ("visits", "notes", "commitments", "requirements")
#: synthetic visits per transaction when building a new file
BULK_CHUNK = 1000


def part_path(path: Path) -> Path:
    """Where a new demo database is built until it is whole (``demo.db.part``)."""
    return path.with_name(path.name + ".part")


def seed_new_file(path: Path, today: date, extra_visits: int = 0) -> dict[str, Any]:
    """:func:`seed_demo` into a new file at ``path``, built fast and put in place whole.

    The file is built as ``<path>.part``: nobody else uses it, so SQLite does not wait for
    the disk (``synchronous = OFF``; the write-ahead log stays, so a build that is stopped
    leaves a consistent ``.part`` and the next run resumes it) and the indexes, insert
    triggers and counters of the large tables are built once at the end. Only then is it
    renamed to ``path``: a stopped build never leaves a file there that looks whole.
    """
    from interview_tui.store import bulk, open_store

    part = part_path(path)
    store = open_store(part)
    try:
        conn = store.conn
        conn.execute("PRAGMA synchronous = OFF")
        # the upper pages of the tables and the search index stay in memory between chunks
        conn.execute("PRAGMA cache_size = -65536")
        bulk.defer(store, BULK_TABLES)
        added = seed_demo(store, today, extra_visits, chunk=BULK_CHUNK)
        bulk.finish(store)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        store.close()
    _put_in_place(part, path)
    return added


def _put_in_place(part: Path, path: Path) -> None:
    """Rename the finished ``part`` to ``path``, never over a file that appeared there."""
    import os

    for suffix in ("-wal", "-shm"):  # empty after the last connection closed
        Path(f"{part}{suffix}").unlink(missing_ok=True)
    try:
        os.link(part, path)
    except FileExistsError:
        from interview_tui.errors import UserError
        from interview_tui.i18n import t

        raise UserError(t("cli.demo.target_appeared", path=path, part=part)) from None
    except OSError:  # no hard links here: a plain rename (the check above is the best we can)
        if path.exists():
            raise
        os.replace(part, path)
        return
    part.unlink()


# -- 星河视频: a Chinese video platform, one done visit and one planned ----------------------


def _seed_xinghe(store: Store, today: date, name: str = "星河视频") -> None:
    customer = store.save(Customer(name=name, industry="短视频与直播"))
    people = [
        store.save(Person(customer_id=customer.saved_id, name=name, title=title, role=role))
        for name, title, role in [
            ("王总", "副总裁 · 国际业务", Role.BUSINESS),
            ("李娜", "采购经理", Role.PROCUREMENT),
            ("陈工", "基础架构负责人", Role.TECH_DECISION),
            ("赵磊", "SRE 组长", Role.TECH_EXECUTION),
            ("孙倩", "计费系统工程师", Role.TECH_EXECUTION),
        ]
    ]
    wang, li, chen, zhao, sun = people
    done = store.save(
        Visit(
            customer_id=customer.saved_id,
            date=_at(today - timedelta(days=12), 14),
            length_minutes=90,
            purpose="季度回访：出海网络与账单问题",
            goals=[
                Goal.TEAM_PROFILE,
                Goal.BUSINESS_GOALS,
                Goal.USAGE_VENDORS,
                Goal.PAIN_POINTS,
                Goal.KEY_REQUIREMENTS,
            ],
            attendee_ids=[wang.saved_id, li.saved_id, chen.saved_id, zhao.saved_id, sun.saved_id],
            give_back=["中东两个新可用区的实测延迟数据", "同行业直播客户的账单自动化实践"],
            sales_told="销售已告知：明年一季度续约给 15% 折扣",
            do_not_say="不要提迪拜可用区的具体上线日期；不要评价 A 友商的合同",
            may_promise="账单问题驻场排查；提供测试资源 2 周",
            must_not_promise="定制 SLA；免费资源；具体上线日期",
            product_brief="热迁移：hang 机中位 120ms，Q1 目标 80ms 以内；账单导出 API 下月 GA",
            status=VisitStatus.DONE,
            next_step="两周内给出热迁移 80ms 方案评审会时间",
        )
    )
    items = [
        (
            Role.TECH_DECISION,
            Goal.TEAM_PROFILE,
            "你们 20 人的运维团队里，目前谁在负责迁移和容量规划？",
        ),
        (
            Role.BUSINESS,
            Goal.BUSINESS_GOALS,
            "中东推广预算投下去以后，技术侧拿到的延迟指标是多少？",
        ),
        (Role.TECH_DECISION, Goal.USAGE_VENDORS, "两万核固定算力里，A 友商长租合同还剩几年？"),
        (
            Role.TECH_EXECUTION,
            Goal.PAIN_POINTS,
            "上个月对账时，数量对不上的账单主要出在哪几类资源？",
        ),
        (
            Role.TECH_EXECUTION,
            Goal.KEY_REQUIREMENTS,
            "主机热迁移时，hang 机多长时间会被你们判为故障？",
        ),
    ]
    saved_items = store.save_all(
        ScriptItem(
            visit_id=done.saved_id,
            role=role,
            goal=goal,
            text=text,
            position=index,
            status=ItemStatus.ASKED,
            purpose="",
            research="",
        )
        for index, (role, goal, text) in enumerate(items)
    )
    notes = [
        (
            0,
            chen.id,
            Goal.TEAM_PROFILE,
            False,
            "20人运维团队，2个大牛和一堆普通工程师，大牛们都在忙救火，普通工程师在职十年以上。",
        ),
        (
            0,
            None,
            Goal.TEAM_PROFILE,
            True,
            "陈工对自动化意愿强，但团队执行力一般；适合先给脚本模板。",
        ),
        (
            1,
            wang.id,
            Goal.BUSINESS_GOALS,
            False,
            "下半年挺进中东市场，已投入上亿 APP 推广预算，技术部门要把网络延迟控制在 30ms 以内。",
        ),
        (
            2,
            chen.id,
            Goal.USAGE_VENDORS,
            False,
            "固定算力两万核，A 友商签了五年长租；波动算力约一万核，用跨云专线调 B 友商资源。",
        ),
        (
            3,
            sun.id,
            Goal.PAIN_POINTS,
            False,
            "每个月对账单要花 5 天以上，还总因数量前后矛盾被财务拒绝付款。",
        ),
        (
            4,
            zhao.id,
            Goal.KEY_REQUIREMENTS,
            False,
            "主机漂移的 hang 机延迟必须控制在 80ms 以内，否则视为严重故障。",
        ),
        (
            None,
            li.id,
            Goal.PERSONAL_CONNECTION,
            True,
            "李娜以前在我们的合作伙伴公司做过交付，愿意私下帮忙试用新的账单导出。",
        ),
    ]
    store.save_all(
        Note(
            visit_id=done.saved_id,
            script_item_id=saved_items[i].id if i is not None else None,
            speaker_id=speaker,
            goal=goal,
            internal=internal,
            text=text,
        )
        for i, speaker, goal, internal, text in notes
    )
    store.save(
        Note(
            visit_id=done.saved_id,
            goal=Goal.PAIN_POINTS,
            kind="pain",
            speaker_id=sun.id,
            text="对账单数量前后矛盾，财务拒付",
            action="本月驻场一周，和客户一起清点账单，找出口径差异",
        )
    )
    store.save_all(
        [
            Requirement(
                customer_id=customer.saved_id,
                visit_id=done.id,
                title="账单按业务线拆分导出",
                user="孙倩（计费工程师）与财务",
                scenario="月初对账，按业务线分摊云成本",
                pain="手工拆分 5 天以上，数量对不上被拒付",
                originator="财务总监",
                solution_idea="按标签导出明细并带上资源 ID",
                state=RequirementState.CLARIFIED,
                group=PoolGroup.NEXT_ITERATION,
                latest_acceptable=today + timedelta(days=45),
                link_key="billing-export-by-tag",
                solutions=[
                    SolutionProposal(
                        on=_at(today - timedelta(days=12), 16),
                        text="控制台新增“按业务线”账单视图，每月自动生成",
                        reasoning="按业务线汇总后财务不用再手工拆分",
                        replies=[
                            SolutionReply(
                                on=_at(today - timedelta(days=10), 11),
                                answer=SolutionAnswer.DISAGREED,
                                reason="业务线会调整，财务要按标签自己组合",
                            )
                        ],
                    )
                ],
            ),
            Requirement(
                customer_id=customer.saved_id,
                visit_id=done.id,
                title="热迁移 hang 机低于 80ms",
                user="SRE 团队",
                scenario="直播高峰期宿主机维护",
                pain="",
                product_details="当前中位 120ms",
                state=RequirementState.CAPTURED,
                group=PoolGroup.IN_PROGRESS,
            ),
        ]
    )
    store.save_all(
        [
            Commitment(
                visit_id=done.saved_id,
                text="发送中东两个可用区的实测延迟报告",
                owner_side=OwnerSide.US,
                owner_name="我",
                due=today - timedelta(days=5),
            ),
            Commitment(
                visit_id=done.saved_id,
                text="驻场一周排查对账差异",
                owner_side=OwnerSide.US,
                owner_name="我",
                due=today + timedelta(days=3),
            ),
            Commitment(
                visit_id=done.saved_id,
                text="提供上月三类资源的对账样本",
                owner_side=OwnerSide.CUSTOMER,
                owner_name="孙倩",
                due=today - timedelta(days=2),
            ),
            Commitment(
                visit_id=done.saved_id,
                text="安排热迁移方案评审会",
                owner_side=OwnerSide.US,
                owner_name="我",
                due=today - timedelta(days=8),
                state=CommitmentState.DONE,
                closed_on=today - timedelta(days=9),
                resolution_note="已于评审会确认 Q1 目标",
            ),
        ]
    )
    planned = store.save(
        Visit(
            customer_id=customer.saved_id,
            date=_at(today + timedelta(days=9), 10),
            length_minutes=60,
            purpose="热迁移方案评审 + 边缘计算方向摸底",
            goals=[Goal.DIRECTION_FEEDBACK, Goal.KEY_REQUIREMENTS, Goal.PERSONAL_CONNECTION],
            attendee_ids=[chen.saved_id, zhao.saved_id, wang.saved_id],
            give_back=["热迁移 80ms 方案的压测数据"],
            may_promise="提供测试资源 2 周",
            must_not_promise="定制 SLA；免费资源；具体上线日期",
        )
    )
    _script_from_banks(
        store, planned, "zh-CN", [Role.TECH_DECISION, Role.TECH_EXECUTION, Role.BUSINESS]
    )


# -- Northwind Logistics: an English-speaking account with an overdue promise -------------------


def _seed_northwind(store: Store, today: date, name: str = "Northwind Logistics") -> None:
    customer = store.save(Customer(name=name, industry="Freight and logistics"))
    people = [
        store.save(Person(customer_id=customer.saved_id, name=name, title=title, role=role))
        for name, title, role in [
            ("Maria Alvarez", "COO", Role.BUSINESS),
            ("Tom Becker", "Head of IT Procurement", Role.PROCUREMENT),
            ("Priya Shah", "Platform Architect", Role.TECH_DECISION),
            ("Dan Wu", "Senior SRE", Role.TECH_EXECUTION),
        ]
    ]
    maria, tom, priya, dan = people
    done = store.save(
        Visit(
            customer_id=customer.saved_id,
            date=_at(today - timedelta(days=30), 9),
            length_minutes=60,
            purpose="Quarterly review: Kubernetes upgrade pain and reserved capacity",
            goals=[
                Goal.USAGE_VENDORS,
                Goal.PAIN_POINTS,
                Goal.KEY_REQUIREMENTS,
                Goal.DIRECTION_FEEDBACK,
            ],
            attendee_ids=[maria.saved_id, tom.saved_id, priya.saved_id, dan.saved_id],
            give_back=["Benchmark of our new ARM instances on their routing workload"],
            sales_told="Sales has offered a 3-year commit discount; decision due in January",
            do_not_say="Do not mention the price list change planned for Q2",
            may_promise="Architecture review; a 30-day trial of managed Kafka",
            must_not_promise="Custom SLA; free capacity; roadmap dates",
            status=VisitStatus.DONE,
            next_step="Priya sends the node-pool inventory; we book the architecture review",
        )
    )
    store.save_all(
        [
            Note(
                visit_id=done.saved_id,
                speaker_id=priya.id,
                goal=Goal.USAGE_VENDORS,
                text="About 6,000 vCPU with us on 1-year reserved; burst analytics (2,000 vCPU) runs "  # noqa: E501
                "on the other vendor because their spot pricing was 30% lower in March.",
            ),
            Note(
                visit_id=done.saved_id,
                speaker_id=dan.id,
                goal=Goal.PAIN_POINTS,
                text="Last Kubernetes minor upgrade took 3 weekends; two node pools failed to drain "  # noqa: E501
                "because of PodDisruptionBudgets on the routing service.",
            ),
            Note(
                visit_id=done.saved_id,
                speaker_id=dan.id,
                goal=Goal.KEY_REQUIREMENTS,
                text="Route recalculation must finish within 200 ms p99 during the 6-9am peak.",
            ),
            Note(
                visit_id=done.saved_id,
                goal=Goal.TEAM_PROFILE,
                internal=True,
                text="Platform team of 8; Priya is strong but overloaded, the rest are new hires.",
            ),
            Note(
                visit_id=done.saved_id,
                speaker_id=maria.id,
                goal=Goal.DIRECTION_FEEDBACK,
                text="No appetite for edge nodes in depots: trucks upload in batches at night.",
            ),
        ]
    )
    store.save_all(
        [
            Requirement(
                customer_id=customer.saved_id,
                visit_id=done.id,
                title="Surge upgrades that respect PDBs",
                user="Platform SRE team",
                scenario="Kubernetes minor upgrade of routing node pools",
                pain="Upgrades take three weekends and need manual drains",
                state=RequirementState.SOLUTION_PROPOSED,
                group=PoolGroup.IN_PROGRESS,
                planned=today + timedelta(days=20),
                workaround="Blue/green node pools by hand",
                solutions=[
                    SolutionProposal(
                        on=_at(today - timedelta(days=25), 14),
                        text="Surge node pools: new nodes first, old ones drained by PDB budget",
                        reasoning="The routing service keeps its replicas while each old node "
                        "drains, so no weekend work and no manual drains",
                    )
                ],
            ),
            Requirement(
                customer_id=customer.saved_id,
                visit_id=done.id,
                title="Billing export by tag",
                user="FinOps analyst",
                scenario="Monthly chargeback per business unit",
                pain="Two days of spreadsheet work every month",
                state=RequirementState.CAPTURED,
                group=PoolGroup.BACKLOG,
                link_key="billing-export-by-tag",
            ),
        ]
    )
    store.save_all(
        [
            Commitment(
                visit_id=done.saved_id,
                text="Send the ARM benchmark report on the routing workload",
                owner_side=OwnerSide.US,
                owner_name="me",
                due=today - timedelta(days=16),
            ),
            Commitment(
                visit_id=done.saved_id,
                text="Share node-pool inventory and PDB settings",
                owner_side=OwnerSide.CUSTOMER,
                owner_name="Priya Shah",
                due=today - timedelta(days=20),
                state=CommitmentState.DONE,
                closed_on=today - timedelta(days=21),
            ),
            Commitment(
                visit_id=done.saved_id,
                text="Book the architecture review with our Kubernetes team",
                owner_side=OwnerSide.US,
                owner_name="me",
                due=today + timedelta(days=2),
            ),
        ]
    )
    planned = store.save(
        Visit(
            customer_id=customer.saved_id,
            date=_at(today + timedelta(days=4), 15),
            length_minutes=45,
            purpose="Architecture review follow-up and procurement timeline",
            goals=[Goal.BUSINESS_GOALS, Goal.USAGE_VENDORS, Goal.PAIN_POINTS],
            attendee_ids=[maria.saved_id, tom.saved_id, dan.saved_id],
            give_back=["Upgrade runbook from two logistics customers"],
            may_promise="Architecture review; 30-day managed Kafka trial",
            must_not_promise="Custom SLA; free capacity; roadmap dates",
        )
    )
    _script_from_banks(store, planned, "en", [Role.BUSINESS, Role.PROCUREMENT, Role.TECH_EXECUTION])


def _script_from_banks(store: Store, visit: Visit, language: str, roles: list[Role]) -> None:
    """Give a planned visit a script from the customer's industry bank and the general one.

    Questions fit the visit's roles and goals; each role × goal pair gets one question in turn,
    the industry bank's (if the customer's industry names one) before the general bank's, up to
    twelve. Customer questions: two from the industry bank, the rest of six general. Bank order
    keeps it deterministic.
    """
    from interview_tui.banks.industry import industry_for
    from interview_tui.banks.library import load_library
    from interview_tui.banks.schema import BankQuestion

    library = load_library()
    customer = store.get(Customer, visit.customer_id)
    industry = industry_for(customer.industry if customer else "")
    specific = [] if industry in (None, "general") else [industry]
    candidates = [*library.questions(language, specific), *library.questions(language, ["general"])]
    queues = {
        (role, goal): [q for q in candidates if q.role is role and q.goal is goal]
        for role in roles
        for goal in visit.goals
    }
    picked: list[BankQuestion] = []
    while len(picked) < 12 and any(queues.values()):
        for queue in queues.values():
            if queue and len(picked) < 12:
                picked.append(queue.pop(0))
    store.save_all(
        ScriptItem(
            visit_id=visit.saved_id,
            bank_question_id=q.id,
            role=q.role,
            goal=q.goal,
            text=q.text,
            research=q.research,
            purpose=q.purpose,
            follow_ups=list(q.follow_ups),
            position=index,
        )
        for index, q in enumerate(picked)
    )
    asked = library.customer_questions(language, specific)[:2]
    asked += library.customer_questions(language, ["general"])[: 6 - len(asked)]
    store.save_all(
        CustomerQuestion(
            visit_id=visit.saved_id, bank_question_id=q.id, text=q.text, answer=q.answer
        )
        for q in asked
    )


# -- synthetic visits for scale -----------------------------------------------------------------

_NOTE_EN = [
    "Ops team of {n} engineers, on-call rotation every {m} weeks",
    "Peak traffic reaches {n}k requests per second during promotions",
    "Invoice reconciliation takes {m} days every month",
    "They run {n} thousand vCPU, {m}0% reserved for three years",
    "Latency target for the checkout path is {n} ms p99",
    "Migration of {n} databases planned before the end of Q{m}",
]
_NOTE_ZH = [
    "运维团队 {n} 人，每 {m} 周轮值一次",
    "大促期间峰值达到每秒 {n} 千次请求",
    "每个月对账单要花 {m} 天，财务经常拒付",
    "固定算力 {n} 千核，其中 {m}0% 签了三年长租",
    "结算链路的延迟目标是 p99 {n} 毫秒",
    "计划在第 {m} 季度前迁移 {n} 个数据库",
]


#: synthetic visits built and written per transaction: memory stays flat at any size, and
#: a build stopped half-way keeps what it wrote (``--visits N`` adds only what is missing)
SYNTHETIC_CHUNK = 250


def _seed_synthetic(
    store: Store, today: date, start: int, stop: int, chunk: int | None = None
) -> int:
    """Add synthetic visits ``start`` … ``stop - 1``: 40 notes, 4 commitments, 2 needs each,
    ``chunk`` visits per transaction (the same rows, in the same order, as one transaction
    for them all)."""
    chunk = chunk or SYNTHETIC_CHUNK
    customers: dict[int, int] = {}
    conn = store.db.conn
    (cache,) = conn.execute("PRAGMA cache_size").fetchone()
    # the indexes of millions of notes are written a chunk at a time: a page cache of
    # 64 MiB keeps their upper pages instead of reading them back for every chunk
    conn.execute("PRAGMA cache_size = -65536")
    try:
        for first in range(start, stop, chunk):
            last = min(first + chunk, stop)
            with store.transaction():
                _seed_synthetic_chunk(store, today, first, last, customers)
                store.set_meta(SYNTHETIC_KEY, str(last))
    finally:
        conn.execute(f"PRAGMA cache_size = {int(cache)}")
    return stop - start


def _synthetic_commitment(rng: random.Random, visit_id: int, made: date, today: date) -> Commitment:
    """A promise made at a visit on ``made``: due 3 to 60 days later; closed (by its due
    date give or take, never after today) mostly once its date is long gone, as a career's
    promises are; the open ones whose date has passed are overdue."""
    due = made + timedelta(days=rng.randint(3, 60))
    long_gone = (today - due).days > 90
    done = rng.random() < (0.95 if long_gone else 0.5 if due < today else 0.1)
    closed_on = None
    if done:
        closed_on = min(max(due + timedelta(days=rng.randint(-5, 10)), made), today)
    return Commitment(
        visit_id=visit_id,
        text=f"Follow up on item {rng.randint(1, 999)}",
        owner_side=rng.choice(list(OwnerSide)),
        owner_name="me",
        due=due,
        state=CommitmentState.DONE if done else CommitmentState.OPEN,
        closed_on=closed_on,
    )


def _seed_synthetic_chunk(
    store: Store, today: date, start: int, stop: int, customers: dict[int, int]
) -> None:
    """Synthetic visits ``start`` … ``stop - 1``; ``customers`` maps an account's number to
    its id (kept across chunks)."""
    from uuid import uuid4

    from interview_tui.store.records import to_row

    goals = list(Goal)
    # notes as the rows a Note makes (40 a visit: no model built for each)
    note_row = to_row(Note(visit_id=0))
    notes: list[dict[str, Any]] = []
    commitments: list[Commitment] = []
    requirements: list[Requirement] = []
    for index in range(start, stop):
        rng = random.Random(index)
        number = index % 200
        if number not in customers:
            name = f"Synthetic Account {number:03d}"
            existing = store.customer_by_name(name)
            customers[number] = (existing or store.save(Customer(name=name))).saved_id
        customer_id = customers[number]
        visit_day = today - timedelta(days=rng.randint(1, 1500))
        visit = store.save(
            Visit(
                customer_id=customer_id,
                date=_at(visit_day),
                purpose=f"Synthetic visit {index}",
                goals=rng.sample(goals, 3),
                status=VisitStatus.DONE,
            )
        )
        for _ in range(40):
            template = rng.choice(_NOTE_ZH if rng.random() < 0.5 else _NOTE_EN)
            notes.append(
                {
                    **note_row,
                    "uid": str(uuid4()),
                    "visit_id": visit.id,
                    "goal": rng.choice(goals).value,
                    "internal": int(rng.random() < 0.1),
                    "text": template.format(n=rng.randint(2, 90), m=rng.randint(1, 9)),
                }
            )
        for _ in range(4):
            commitments.append(_synthetic_commitment(rng, visit.saved_id, visit_day, today))
        for _ in range(2):
            requirements.append(
                Requirement(
                    customer_id=customer_id,
                    visit_id=visit.id,
                    title=f"Need {rng.randint(1, 500)}",
                    user="SRE team",
                    scenario="nightly batch",
                    pain="manual work",
                    group=rng.choice(list(PoolGroup)),
                    state=rng.choice(list(RequirementState)),
                )
            )
    store.insert_rows(Note, notes)
    store.insert_many(commitments)
    store.insert_many(requirements)
