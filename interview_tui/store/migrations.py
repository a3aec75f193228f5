"""Schema versions and the ordered migrations between them.

The version lives in ``PRAGMA user_version``. Each migration moves the schema up by one
and runs inside the caller's transaction, so a failed upgrade leaves the old schema whole.
Never edit a released migration: add a new one.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable
from typing import Any

import sqlite_utils

from interview_tui.domain.lateness import judged_by_sql, moved_to
from interview_tui.store.search import DIRECTORY_KINDS, INDEXED_FIELDS, index_body, search_rowid
from interview_tui.store.versions import SCHEMA_VERSION, schema_version

Migration = Callable[[sqlite_utils.Database], None]


def _v1_initial(db: sqlite_utils.Database) -> None:
    """Customers, people, visits, scripts, notes, requirements, commitments."""
    db.table("customers").create(
        {"id": int, "name": str, "industry": str, "notes": str, "created_at": str},
        pk="id",
        not_null={"name"},
    )
    db.table("customers").create_index(["name"], unique=True)
    db.table("people").create(
        {"id": int, "customer_id": int, "name": str, "title": str, "role": str, "contact": str},
        pk="id",
        foreign_keys=[("customer_id", "customers", "id")],
        not_null={"customer_id", "name", "role"},
    )
    db.table("visits").create(
        {
            "id": int,
            "customer_id": int,
            "date": str,
            "length_minutes": int,
            "purpose": str,
            "goals": str,
            "attendee_ids": str,
            "give_back": str,
            "sales_told": str,
            "do_not_say": str,
            "may_promise": str,
            "must_not_promise": str,
            "product_brief": str,
            "status": str,
            "next_step": str,
            "rehearsal": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        foreign_keys=[("customer_id", "customers", "id")],
        not_null={"customer_id", "date", "status"},
    )
    db.table("script_items").create(
        {
            "id": int,
            "visit_id": int,
            "bank_question_id": str,
            "role": str,
            "goal": str,
            "text": str,
            "research": str,
            "purpose": str,
            "follow_ups": str,
            "position": int,
            "status": str,
            "accepted_findings": str,
            "seconds_rehearsed": float,
        },
        pk="id",
        foreign_keys=[("visit_id", "visits", "id")],
        not_null={"visit_id", "text", "role", "goal"},
    )
    db.table("customer_questions").create(
        {
            "id": int,
            "visit_id": int,
            "bank_question_id": str,
            "text": str,
            "answer": str,
            "confidence": str,
        },
        pk="id",
        foreign_keys=[("visit_id", "visits", "id")],
    )
    db.table("notes").create(
        {
            "id": int,
            "visit_id": int,
            "script_item_id": int,
            "speaker_id": int,
            "goal": str,
            "text": str,
            "internal": int,
            "kind": str,
            "action": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        foreign_keys=[("visit_id", "visits", "id")],
        not_null={"visit_id"},
    )
    db.table("requirements").create(
        {
            "id": int,
            "customer_id": int,
            "visit_id": int,
            "title": str,
            "user": str,
            "scenario": str,
            "pain": str,
            "product_details": str,
            "originator": str,
            "solution_idea": str,
            "state": str,
            "pool_group": str,
            "latest_acceptable": str,
            "planned": str,
            "workaround": str,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("customer_id", "customers", "id"), ("visit_id", "visits", "id")],
        not_null={"customer_id", "state", "pool_group"},
    )
    db.table("commitments").create(
        {
            "id": int,
            "visit_id": int,
            "text": str,
            "owner_side": str,
            "owner_name": str,
            "due": str,
            "within_authority": int,
            "state": str,
            "resolution_note": str,
            "closed_on": str,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("visit_id", "visits", "id")],
        not_null={"visit_id", "text", "state"},
    )
    db.table("meta").create({"key": str, "value": str}, pk="key")
    for table, column in [
        ("people", "customer_id"),
        ("visits", "customer_id"),
        ("script_items", "visit_id"),
        ("customer_questions", "visit_id"),
        ("notes", "visit_id"),
        ("requirements", "customer_id"),
        ("commitments", "visit_id"),
    ]:
        db.table(table).create_index([column])


def _columns(db: sqlite_utils.Database, table: str, fields: tuple[str, ...]) -> str:
    """The id, visit and searchable columns a table has at this point of the migrations (a
    field indexed today may be a column a later migration adds)."""
    have = set(db[table].columns_dict)
    return ", ".join(f'"{name}"' for name in ("id", "visit_id", *fields) if name in have)


#: the kinds of record versions 2 and 3 indexed (people and customers: version 18)
_RECORD_KINDS = ("note", "requirement", "commitment")


def _v2_search_links_history(db: sqlite_utils.Database) -> None:
    """Full-text index (CJK bigrams), linked requirements, commitment history."""
    db.table("requirements").add_column("link_key", str, not_null_default="")
    db.table("commitments").add_column("history", str, not_null_default="[]")
    db.table("commitments").create_index(["state", "due"])
    db.table("visits").create_index(["date"])
    db.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5("
        "body, kind UNINDEXED, ref_id UNINDEXED, visit_id UNINDEXED, tokenize='unicode61')"
    )
    for kind in _RECORD_KINDS:
        table, fields = INDEXED_FIELDS[kind]
        columns = _columns(db, table, fields)
        rows = db.query(f"SELECT {columns} FROM {table}")
        db.conn.executemany(
            "INSERT INTO search_index (body, kind, ref_id, visit_id) VALUES (?, ?, ?, ?)",
            [(index_body(kind, row), kind, row["id"], row["visit_id"]) for row in rows],
        )


def _v3_search_rowids(db: sqlite_utils.Database) -> None:
    """Index rows keyed by record (replaced without a scan); Latin next to CJK is two words."""
    db.execute("DROP TABLE search_index")
    db.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5("
        "body, kind UNINDEXED, ref_id UNINDEXED, visit_id UNINDEXED, tokenize='unicode61')"
    )
    for kind in _RECORD_KINDS:
        table, fields = INDEXED_FIELDS[kind]
        columns = _columns(db, table, fields)
        db.conn.executemany(
            "INSERT INTO search_index (rowid, body, kind, ref_id, visit_id) VALUES (?, ?, ?, ?, ?)",
            (
                (
                    search_rowid(kind, row["id"]),
                    index_body(kind, row),
                    kind,
                    row["id"],
                    row["visit_id"],
                )
                for row in db.query(f"SELECT {columns} FROM {table}")
            ),
        )
    db.execute(
        "CREATE INDEX IF NOT EXISTS requirements_pool_order ON requirements (pool_group, state, id)"
    )
    db.execute(
        "CREATE INDEX IF NOT EXISTS commitments_visit_state ON commitments (visit_id, state)"
    )
    db.execute("CREATE INDEX IF NOT EXISTS notes_visit_goal ON notes (visit_id, goal)")
    db.execute("CREATE INDEX IF NOT EXISTS visits_customer_date ON visits (customer_id, date)")


def _v4_voices_pain_actions(db: sqlite_utils.Database) -> None:
    """Several notes per question (found by question); a pain's action is a commitment."""
    db.table("commitments").add_column("pain_note_id", int)
    db.execute("CREATE INDEX IF NOT EXISTS notes_visit_item ON notes (visit_id, script_item_id)")
    # pains recorded before stay as they were: no promise is invented for them


def _v5_archive_history_schedule(db: sqlite_utils.Database) -> None:
    """Archiving (customers, people, visits); requirement history; schedule-dispute fields."""
    for table in ("customers", "people", "visits"):
        db.table(table).add_column("archived_at", str)
        # lists leave archived records out: a partial index keeps that check tiny
        db.execute(f"CREATE INDEX {table}_archived ON {table} (id) WHERE archived_at IS NOT NULL")
    db.table("requirements").add_column("history", str, not_null_default="[]")
    db.table("requirements").add_column("told_customer", str, not_null_default="")
    db.table("requirements").add_column("share_plan", int, not_null_default=0)


#: every table of records (each gets a stable ``uid``)
_RECORD_TABLES = (
    "customers",
    "people",
    "visits",
    "script_items",
    "customer_questions",
    "notes",
    "requirements",
    "commitments",
)


def _first_due(due: str | None, history: str | None) -> str | None:
    """The due date a commitment was first given: the ``from`` of its first reschedule."""
    try:
        entries = json.loads(history or "[]")
    except ValueError:
        entries = []
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and "from" in entry and "to" in entry and "state" not in entry:
            return entry["from"] or due
    return due


def _v6_uids_first_due_override_how_to_use(db: sqlite_utils.Database) -> None:
    """A stable uid on every record; a commitment's first due date and authority override;
    how to use what exists for an already supported requirement; an index for the rate."""
    db.conn.create_function("new_uid", 0, lambda: str(uuid.uuid4()), deterministic=False)
    for table in _RECORD_TABLES:
        db.table(table).add_column("uid", str, not_null_default="")
        db.execute(f"UPDATE {table} SET uid = new_uid()")
        db.execute(f"CREATE UNIQUE INDEX {table}_uid ON {table} (uid)")
    db.table("commitments").add_column("first_due", str)
    db.table("commitments").add_column("authority_override", str, not_null_default="")
    db.table("requirements").add_column("how_to_use", str, not_null_default="")
    # the kept-on-time figure on home reads only this index (a third of the time of a scan)
    db.execute(
        "CREATE INDEX commitments_kept ON commitments"
        " (owner_side, state, first_due, due, closed_on)"
    )
    db.conn.executemany(
        "UPDATE commitments SET first_due = ? WHERE id = ?",
        [
            (_first_due(row["due"], row["history"]), row["id"])
            for row in db.query("SELECT id, due, history FROM commitments")
        ],
    )


def _v7_solutions(db: sqlite_utils.Database) -> None:
    """A requirement's solution history: each proposal with its reasoning and the customer's
    answers (JSON); requirements from before start with none (every other value kept)."""
    db.table("requirements").add_column("solutions", str, not_null_default="[]")


def _v8_link_and_due_soon_indexes(db: sqlite_utils.Database) -> None:
    """Indexes for how many customers raised a linked requirement (the pool's count) and for
    what is due soon, ours and theirs (home's nudge, counted from the index alone)."""
    db.execute(
        "CREATE INDEX IF NOT EXISTS requirements_link ON requirements (link_key, customer_id)"
    )
    db.execute(
        "CREATE INDEX IF NOT EXISTS commitments_due_soon ON commitments (state, due, owner_side)"
    )


def _v9_import_staging(db: sqlite_utils.Database) -> None:
    """The mark of an import still being written (see :mod:`interview_tui.store.staging`):
    a visit, customer or person an unfinished import added carries the import's token."""
    for table in ("customers", "people", "visits"):
        db.table(table).add_column("importing", str)
        # found at every open of the database: a partial index keeps that check tiny
        db.execute(f"CREATE INDEX {table}_importing ON {table} (id) WHERE importing IS NOT NULL")


def _v10_team_identity(db: sqlite_utils.Database) -> None:
    """Who wrote what (an author on notes, requirements, commitments and visits), private
    notes, shared visits and the team a customer syncs with."""
    for table in ("notes", "requirements", "commitments", "visits"):
        db.table(table).add_column("author", str, not_null_default="")
    db.table("notes").add_column("private", int, not_null_default=0)
    db.table("visits").add_column("shared_at", str)
    db.table("customers").add_column("team", str, not_null_default="")
    db.table("customers").add_column("same_as", str, not_null_default="[]")
    # two PMs may create the same customer offline: two records until someone says they
    # are the same (the customer form still refuses a name already taken on this laptop)
    db.execute("DROP INDEX IF EXISTS idx_customers_name")
    db.execute("CREATE INDEX customers_name ON customers (name)")
    db.table("team_conflicts").create(
        {"uid": str, "kind": str, "path": str, "candidates": str}, pk=("uid", "path")
    )
    # history entries from before keep their bytes: the team export names them by
    # position (the same id on every copy), new ones get an id when saved
    _team_outbox(db)


#: table -> the kind of shared record a change of one of its rows changes
_OUTBOX_KINDS = {
    "customers": "customer",
    "people": "person",
    "visits": "visit",
    "requirements": "requirement",
    "commitments": "commitment",
}


def _team_outbox(db: sqlite_utils.Database) -> None:
    """What changed since the last team export, kept by triggers (only once the database is
    in a team), so a sync reads the records that changed, not every record."""
    db.table("team_outbox").create({"kind": str, "uid": str, "n": int}, pk=("kind", "uid"))
    targets = {table: (f"'{kind}'", "NEW.uid") for table, kind in _OUTBOX_KINDS.items()}
    for table in ("notes", "script_items"):  # a visit's notes and questions are in its file
        targets[table] = ("'visit'", "(SELECT uid FROM visits WHERE id = NEW.visit_id)")
    for table, (kind, uid) in targets.items():
        for event in ("INSERT", "UPDATE"):
            _outbox_trigger(db, table, event, kind, uid)


def _outbox_trigger(
    db: sqlite_utils.Database, table: str, event: str, kind: str, uid: str, unless: str = ""
) -> None:
    """The trigger that puts a changed row's record in the team outbox (in a team, and not
    when ``unless`` holds). A row's number only grows: a change made while a sync runs is
    never cleared with what that sync sent."""
    when = "EXISTS (SELECT 1 FROM meta WHERE key = 'team.name')"
    if unless:
        when += f" AND NOT ({unless})"
    n = "(SELECT coalesce(max(n), 0) + 1 FROM team_outbox)"
    row = f"kind = {kind} AND uid = {uid}"
    name = f"team_outbox_{table}_{event.lower()}"
    db.execute(f"DROP TRIGGER IF EXISTS {name}")
    db.execute(
        f"CREATE TRIGGER {name} AFTER {event} ON {table} WHEN {when}"
        f" BEGIN UPDATE team_outbox SET n = {n} WHERE {row};"
        f" INSERT INTO team_outbox (kind, uid, n) SELECT {kind}, {uid}, {n}"
        f" WHERE NOT EXISTS (SELECT 1 FROM team_outbox WHERE {row}); END"
    )


def _v11_live_windows(db: sqlite_utils.Database) -> None:
    """The windows that have a visit open live (services/live_windows.py): one row each,
    with its process id and host, when it opened and its last heartbeat (Unix seconds)."""
    db.table("live_windows").create(
        {
            "token": str,
            "visit_id": int,
            "pid": int,
            "host": str,
            "started": str,
            "heartbeat": float,
        },
        pk="token",
        not_null={"visit_id", "pid", "host", "started", "heartbeat"},
    )
    db.table("live_windows").create_index(["visit_id"])


#: the first e-mail address in a person's free-text contact field (how chase-eml found one)
_CONTACT_EMAIL = re.compile(r"[^@\s<>,;:\"'()\[\]]+@[^@\s<>,;:\"'()\[\]]+\.[A-Za-z]{2,}")


def _v12_person_email_phone(db: sqlite_utils.Database) -> None:
    """A person's e-mail and phone, each its own field; an address already written in the
    free-text contact field becomes the e-mail (the contact field keeps its text)."""
    db.table("people").add_column("email", str, not_null_default="")
    db.table("people").add_column("phone", str, not_null_default="")
    db.conn.executemany(
        "UPDATE people SET email = ? WHERE id = ?",
        [
            (found.group(), row["id"])
            for row in db.query("SELECT id, contact FROM people")
            if (found := _CONTACT_EMAIL.search(row["contact"] or ""))
        ],
    )


def _v13_search_what_was_written(db: sqlite_utils.Database) -> None:
    """Requirements are found by their originator and by their solution proposals (text,
    reasoning, the customer's reasons): their index rows are written again. Requirements
    are evidence for their visit's goal 5: an index finds a visit's requirements (the
    account matrix asks it for each visit it walks)."""
    db.execute("CREATE INDEX IF NOT EXISTS requirements_visit ON requirements (visit_id)")
    rows = [
        (
            search_rowid("requirement", row["id"]),
            index_body("requirement", row),
            "requirement",
            row["id"],
            row["visit_id"],
        )
        for row in db.query("SELECT * FROM requirements")
    ]
    db.conn.executemany("DELETE FROM search_index WHERE rowid = ?", [(r[0],) for r in rows])
    db.conn.executemany(
        "INSERT INTO search_index (rowid, body, kind, ref_id, visit_id) VALUES (?, ?, ?, ?, ?)",
        rows,
    )


#: a visit whose commitments count (not archived, nor its customer): the filter of the
#: commitments screen and of home (services/commitments.py, NOT_ARCHIVED)
def _counted(visit: str) -> str:
    return (
        f"EXISTS (SELECT 1 FROM visits v JOIN customers c ON c.id = v.customer_id"
        f" WHERE v.id = {visit} AND v.archived_at IS NULL AND c.archived_at IS NULL)"
    )


def tally_sql(source: str, sign: str) -> str:
    """Add the commitments of ``source`` (``commitments m WHERE …``, or one row made of a
    trigger's OLD or NEW values) to ``commitment_counts``, times ``sign`` (1, -1 or an SQL
    expression). Per owner side: the open ones (``open``), the open ones by due date
    (``open_due``) and by the date they are judged by (``open_first``: the first due date,
    or an earlier one they were moved to; one row per day, so reading a range costs the
    days, not the commitments), the closed ones (``closed``) and those kept
    on time (``kept``)."""
    rows = (
        "SELECT m.owner_side AS side, m.state AS state, m.due AS due,"
        " m.first_due AS first_due, m.judged_due AS judged_due,"
        f" m.closed_on AS closed_on FROM {source}"
    )
    judged = judged_by_sql()  # the date a promise is judged by: its first due, or the soonest
    return (
        "INSERT INTO commitment_counts (kind, side, day, n)"
        f" SELECT kind, side, day, ({sign}) * count(*) FROM ("
        f"SELECT 'open' AS kind, side, '' AS day FROM ({rows}) WHERE state = 'open'"
        f" UNION ALL SELECT 'open_due', side, coalesce(due, '') FROM ({rows})"
        " WHERE state = 'open'"
        f" UNION ALL SELECT 'open_first', side, coalesce({judged}, '') FROM ({rows})"
        " WHERE state = 'open'"
        f" UNION ALL SELECT 'closed', side, '' FROM ({rows}) WHERE state != 'open'"
        f" UNION ALL SELECT 'kept', side, '' FROM ({rows}) WHERE state = 'done'"
        f" AND ({judged} IS NULL OR closed_on <= {judged})"
        ") WHERE true GROUP BY kind, side, day"
        " ON CONFLICT (kind, side, day) DO UPDATE SET n = n + excluded.n"
    )


def _one(row: str) -> str:
    """A trigger's ``OLD`` or ``NEW`` commitment as a one-row source for :func:`tally_sql`,
    counted only when its visit is."""
    return (
        f"(SELECT {row}.owner_side AS owner_side, {row}.state AS state, {row}.due AS due,"
        f" {row}.first_due AS first_due, {row}.judged_due AS judged_due,"
        f" {row}.closed_on AS closed_on) m"
        f" WHERE {_counted(f'{row}.visit_id')}"
    )


def _visit_counted(row: str) -> str:
    return (
        f"({row}.archived_at IS NULL AND EXISTS (SELECT 1 FROM customers c"
        f" WHERE c.id = {row}.customer_id AND c.archived_at IS NULL))"
    )


#: counters that fell to zero go, so that an undone change (a failed import cleaned up)
#: leaves the tables as they were
_DROP_ZEROS = "DELETE FROM commitment_counts WHERE n = 0"


def _drop_zero(row: str) -> str:
    """Remove the counters of a trigger's ``OLD`` commitment that fell to zero (found by
    their key, not by a scan)."""
    return (
        "DELETE FROM commitment_counts WHERE kind IN ('open', 'open_due', 'open_first',"
        f" 'closed', 'kept') AND side = {row}.owner_side AND day IN ('',"
        f" coalesce({row}.due, ''), coalesce({judged_by_sql(row + '.')}, '')) AND n = 0"
    )


def recount_all(db: sqlite_utils.Database) -> None:
    """Both counter tables counted anew from the rows (as the triggers would have kept
    them): when they were made, and after a bulk load that ran without the triggers."""
    _recount_commitments(db)
    db.execute("DELETE FROM customer_visit_counts")
    db.execute(
        "INSERT INTO customer_visit_counts (customer_id, n, last)"
        " SELECT customer_id, count(*), max(date) FROM visits"
        " WHERE archived_at IS NULL GROUP BY customer_id"
    )


#: the triggers that keep ``commitment_counts`` true (made by version 14, made again by 16)
COMMITMENT_COUNT_TRIGGERS = (
    "commitment_counts_insert",
    "commitment_counts_delete",
    "commitment_counts_update",
    "commitment_counts_visit",
    "commitment_counts_visit_delete",
    "commitment_counts_customer",
)


def _commitment_count_triggers(db: sqlite_utils.Database) -> None:
    """Make the triggers that keep ``commitment_counts`` true (see :func:`tally_sql`)."""
    db.execute(
        "CREATE TRIGGER commitment_counts_insert AFTER INSERT ON commitments"
        f" BEGIN {tally_sql(_one('NEW'), '1')}; END"
    )
    db.execute(
        "CREATE TRIGGER commitment_counts_delete AFTER DELETE ON commitments"
        f" BEGIN {tally_sql(_one('OLD'), '-1')}; {_drop_zero('OLD')}; END"
    )
    db.execute(
        "CREATE TRIGGER commitment_counts_update AFTER UPDATE OF state, owner_side, due,"
        " first_due, judged_due, closed_on, visit_id ON commitments"
        f" BEGIN {tally_sql(_one('OLD'), '-1')}; {tally_sql(_one('NEW'), '1')};"
        f" {_drop_zero('OLD')}; END"
    )
    flip = f"{_visit_counted('NEW')} != {_visit_counted('OLD')}"
    db.execute(
        "CREATE TRIGGER commitment_counts_visit AFTER UPDATE OF archived_at, customer_id"
        f" ON visits WHEN {flip} BEGIN "
        + tally_sql(
            "commitments m WHERE m.visit_id = NEW.id",
            f"CASE WHEN {_visit_counted('NEW')} THEN 1 ELSE -1 END",
        )
        + f"; {_DROP_ZEROS}; END"
    )
    db.execute(
        "CREATE TRIGGER commitment_counts_visit_delete AFTER DELETE ON visits"
        f" WHEN {_visit_counted('OLD')} BEGIN "
        + tally_sql("commitments m WHERE m.visit_id = OLD.id", "-1")
        + f"; {_DROP_ZEROS}; END"
    )
    db.execute(
        "CREATE TRIGGER commitment_counts_customer AFTER UPDATE OF archived_at"
        " ON customers WHEN (OLD.archived_at IS NULL) != (NEW.archived_at IS NULL) BEGIN "
        + tally_sql(
            "commitments m WHERE m.visit_id IN (SELECT id FROM visits"
            " WHERE customer_id = NEW.id AND archived_at IS NULL)",
            "CASE WHEN NEW.archived_at IS NULL THEN 1 ELSE -1 END",
        )
        + f"; {_DROP_ZEROS}; END"
    )


def _v14_commitment_counts(db: sqlite_utils.Database) -> None:
    """Counters of the commitments home shows (open, overdue, due soon, kept on time) and of
    each customer's visits, kept true by triggers on every insert, change, archive, restore
    and delete, so that home reads a few rows at any size instead of counting every
    commitment of a career."""
    _judged_due_column(db)  # (the counters read it: see version 17)
    db.execute(
        "CREATE TABLE commitment_counts (kind TEXT NOT NULL, side TEXT NOT NULL,"
        " day TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (kind, side, day))"
    )
    _commitment_count_triggers(db)
    # each customer's visits (archived ones left out): how many, and the last one's date,
    # for home's list of customers most recently seen
    db.execute(
        "CREATE TABLE customer_visit_counts (customer_id INTEGER PRIMARY KEY,"
        " n INTEGER NOT NULL, last TEXT)"
    )
    db.execute("CREATE INDEX customer_visit_counts_last ON customer_visit_counts (last)")

    def recount(customer: str) -> str:
        return (
            "INSERT INTO customer_visit_counts (customer_id, n, last)"
            f" SELECT {customer}, count(*), max(date) FROM visits"
            f" WHERE customer_id = {customer} AND archived_at IS NULL"
            " ON CONFLICT (customer_id) DO UPDATE SET n = excluded.n, last = excluded.last"
        )

    recount_all(db)
    db.execute(
        "CREATE TRIGGER customer_visit_counts_insert AFTER INSERT ON visits"
        " WHEN NEW.archived_at IS NULL BEGIN"
        " INSERT INTO customer_visit_counts (customer_id, n, last)"
        " VALUES (NEW.customer_id, 1, NEW.date) ON CONFLICT (customer_id) DO UPDATE"
        " SET n = n + 1, last = max(coalesce(last, ''), excluded.last); END"
    )
    drop = "DELETE FROM customer_visit_counts WHERE customer_id = OLD.customer_id AND n = 0"
    db.execute(
        "CREATE TRIGGER customer_visit_counts_delete AFTER DELETE ON visits"
        f" BEGIN {recount('OLD.customer_id')}; {drop}; END"
    )
    db.execute(
        "CREATE TRIGGER customer_visit_counts_update AFTER UPDATE OF archived_at,"
        " customer_id, date ON visits"
        f" BEGIN {recount('OLD.customer_id')}; {recount('NEW.customer_id')}; {drop};"
        " END"
    )


def _v15_customers_same_as_everywhere(db: sqlite_utils.Database) -> None:
    """``customers.same_as`` came with version 10 only from a later build: a database made
    by an earlier build of version 10 has every other column of it but not this one."""
    if "same_as" not in db.table("customers").columns_dict:
        db.table("customers").add_column("same_as", str, not_null_default="[]")


def _recount_commitments(db: sqlite_utils.Database) -> None:
    """``commitment_counts`` counted anew from the rows, as the triggers keep it."""
    db.execute("DELETE FROM commitment_counts")
    db.execute(tally_sql("commitments m WHERE " + _counted("m.visit_id"), "1"))


def _v16_late_by_the_sooner_date(db: sqlite_utils.Database) -> None:
    """A promise moved to a sooner date is judged by that date (it was judged by its first
    due date only, so one moved sooner and missed was overdue yet counted on time): the
    counters' triggers are made again with the rule, and the counters counted anew."""
    _judged_due_column(db)  # (the counters read it: see version 17)
    _count_commitments_again(db)


def _count_commitments_again(db: sqlite_utils.Database) -> None:
    """The counters' triggers made again with today's rule, and the counters counted anew."""
    for name in COMMITMENT_COUNT_TRIGGERS:
        db.execute(f"DROP TRIGGER IF EXISTS {name}")
    _commitment_count_triggers(db)
    _recount_commitments(db)


def _judged_due(row: dict[str, Any]) -> str | None:
    """The soonest date a stored promise was due: its first due date, its due date, and
    each date its history says it was moved to (:func:`moved_to`)."""
    moved = [day.isoformat() for day in moved_to(json.loads(row["history"] or "[]"))]
    present = [day[:10] for day in (row["first_due"], row["due"], *moved) if day]
    return min(present) if present else None


def _judged_due_column(db: sqlite_utils.Database) -> None:
    """``commitments.judged_due``, the date a promise is judged by, filled from each row
    (made once: versions 14 and 16 make it before counting with it)."""
    if "judged_due" in db.table("commitments").columns_dict:
        return
    db.table("commitments").add_column("judged_due", str)
    db.execute(
        "UPDATE commitments SET judged_due = min(coalesce(first_due, due),"
        " coalesce(due, first_due)) WHERE coalesce(first_due, due) IS NOT NULL"
    )
    moved = db.query(
        "SELECT id, due, first_due, history FROM commitments"
        ' WHERE history LIKE \'%"change": "due"%\''
    )
    db.conn.executemany(
        "UPDATE commitments SET judged_due = ? WHERE id = ?",
        [(_judged_due(row), row["id"]) for row in moved],
    )


def _v17_judged_by_the_soonest_date(db: sqlite_utils.Database) -> None:
    """A promise is judged by the soonest date it was ever due (kept in ``judged_due`` as
    it is rescheduled): moved sooner, missed, then moved later again, it was on time again
    (judged by the sooner of its first and its current due date only)."""
    _judged_due_column(db)
    _count_commitments_again(db)


def _v18_search_people_and_customers(db: sqlite_utils.Database) -> None:
    """People (by name, title, stakeholder role in either language, e-mail, phone and
    contact) and customers (by name, industry and notes) are found by search: their index
    rows are written, above every other record's (:func:`search_rowid`)."""
    for kind in DIRECTORY_KINDS:
        table, _fields = INDEXED_FIELDS[kind]
        rows = [
            (search_rowid(kind, row["id"]), index_body(kind, row), kind, row["id"], None)
            for row in db.query(f"SELECT * FROM {table}")
        ]
        db.conn.executemany("DELETE FROM search_index WHERE rowid = ?", [(r[0],) for r in rows])
        db.conn.executemany(
            "INSERT INTO search_index (rowid, body, kind, ref_id, visit_id) VALUES (?, ?, ?, ?, ?)",
            rows,
        )


def _kept_here(row: str) -> str:
    """SQL: the note ``row`` never leaves this laptop (team/privacy.py's ``shares_note``)."""
    # never NULL (a note with no goal): NOT NULL would keep every note out of the outbox
    return f"(coalesce({row}.private, 0) != 0 OR {row}.goal IS 'personal_connection')"


def _v19_private_notes_wait_for_no_sync(db: sqlite_utils.Database) -> None:
    """A private or personal-connection note written or changed is not a change to send (the
    team line counted it, and the sync then sent nothing); one made private or shared again
    still is (the visit's file changes)."""
    visit = ("'visit'", "(SELECT uid FROM visits WHERE id = NEW.visit_id)")
    _outbox_trigger(db, "notes", "INSERT", *visit, unless=_kept_here("NEW"))
    both = f"{_kept_here('NEW')} AND {_kept_here('OLD')}"
    _outbox_trigger(db, "notes", "UPDATE", *visit, unless=both)


MIGRATIONS: list[Migration] = [
    _v1_initial,
    _v2_search_links_history,
    _v3_search_rowids,
    _v4_voices_pain_actions,
    _v5_archive_history_schedule,
    _v6_uids_first_due_override_how_to_use,
    _v7_solutions,
    _v8_link_and_due_soon_indexes,
    _v9_import_staging,
    _v10_team_identity,
    _v11_live_windows,
    _v12_person_email_phone,
    _v13_search_what_was_written,
    _v14_commitment_counts,
    _v15_customers_same_as_everywhere,
    _v16_late_by_the_sooner_date,
    _v17_judged_by_the_soonest_date,
    _v18_search_people_and_customers,
    _v19_private_notes_wait_for_no_sync,
]
LATEST_VERSION = len(MIGRATIONS)
assert LATEST_VERSION == SCHEMA_VERSION, "add the migration and bump versions.SCHEMA_VERSION"


def migrate(db: sqlite_utils.Database, target: int = LATEST_VERSION) -> int:
    """Apply the migrations from the current version up to ``target`` in one transaction."""
    current = schema_version(db.conn)
    if current >= target:
        return current
    with db.atomic():
        for version in range(current + 1, target + 1):
            MIGRATIONS[version - 1](db)
            db.execute(f"PRAGMA user_version = {version}")
    return target
