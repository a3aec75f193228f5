"""The store: every read and write of the product goes through here.

Each public write runs in one ``BEGIN IMMEDIATE`` transaction (waiting for, never failing
on, a second process that holds the write lock), updates the search index in the same
transaction, and so never leaves half a record.

Two connections to the file: writes (and reads inside a write) go through the writer,
every other read through the reader. In WAL mode a reader never waits for a writer, so a
screen can load while a save waits for another process's lock. Each connection is shared
by the UI's worker threads behind its own lock; the UI thread itself never calls the store.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from interview_tui.store.search import (
    DIRECTORY_KINDS,
    DIRECTORY_ROWS,
    INDEXED_FIELDS,
    index_body,
    match_expression,
    search_rowid,
    searchable_text,
    snippet,
)

if TYPE_CHECKING:  # the models (pydantic) and sqlite-utils load on first use, not at start-up
    import sqlite_utils

    from interview_tui.domain.models import (
        Commitment,
        Customer,
        Note,
        Person,
        Record,
        Requirement,
        ScriptItem,
        Visit,
    )

R = TypeVar("R", bound="Record")

#: search kind of the records kept in each table
_SEARCH_KINDS: dict[str, str] = {table: kind for kind, (table, _) in INDEXED_FIELDS.items()}


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: str
    ref_id: int
    visit_id: int | None
    snippet: str
    customer: str
    visit_date: str
    #: a personal-connection note: marked personal wherever the hit is shown
    personal: bool = False
    #: a note marked private (laptop only): marked private wherever the hit is shown
    private: bool = False
    #: the customer the hit belongs to (a person's; a customer's own id); None when unknown
    customer_id: int | None = None


#: how many of the newest matches a search ranks (the rest are older and left out)
SEARCH_RANKED = 2000


_CONTAINERS = (dict, list, tuple)


def _column_value(value: Any) -> Any:
    """A value of :func:`records.to_row` as SQLite stores it: text, numbers and None as they
    are; a list or dict (none is expected: JSON fields are text already) as JSON text, as
    sqlite-utils wrote them."""
    if isinstance(value, dict | list | tuple):
        return json.dumps(value, default=repr, ensure_ascii=False)
    return value


class Store:
    """Typed access to the SQLite file. Build it with :func:`open_store`."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        now: Callable[[], datetime] = datetime.now,
        reader: sqlite3.Connection | None = None,
        read_only: bool = False,
    ) -> None:
        self.conn = conn
        self.read_only = read_only
        self.reader = reader or conn
        self.now = now
        self._lock = threading.RLock()
        self._read_lock = threading.RLock() if reader is not None else self._lock
        self._writing = threading.local()
        #: what the user should be told once about this opening (e.g. a cut import removed)
        self.notices: list[str] = []
        #: the team member writing (work e-mail; "" before a team): the author of new
        #: records and of every history entry
        self.member = ""
        #: a write is waiting for another connection's write lock (read by the UI, which
        #: then says the save waits; set only while it truly does)
        self.waiting_for_lock = False

    # -- plumbing -----------------------------------------------------------------------

    @cached_property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils over the same connection (imported on the first write)."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    @property
    def path(self) -> str:
        return str(self.conn.execute("PRAGMA database_list").fetchone()[2])

    def close(self) -> None:
        with self._lock, self._read_lock:
            if self.reader is not self.conn:
                self.reader.close()
            self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite_utils.Database]:
        """One atomic write; nested calls become savepoints of the outer one."""
        from interview_tui.store.errors import StoreError, damaged, is_damage

        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only; this command only reads")
        with self._lock:
            if self.conn.in_transaction:
                with self.db.atomic():
                    yield self.db
                return
            self._writing.active = True
            try:
                self._begin()
                try:
                    with self.db.atomic():
                        yield self.db
                except BaseException:
                    self.conn.rollback()
                    raise
                self.conn.commit()
            except sqlite3.DatabaseError as exc:
                if self.conn.in_transaction:
                    self.conn.rollback()
                if is_damage(exc):
                    raise damaged(self.path) from None
                raise StoreError(f"{self.path}: the change was not saved ({exc})") from None
            finally:
                self._writing.active = False

    @cached_property
    def _busy_timeout(self) -> int:
        """How long a write waits for the lock (ms), as the connection was opened with."""
        return int(self.conn.execute("PRAGMA busy_timeout").fetchone()[0])

    def _begin(self) -> None:
        """``BEGIN IMMEDIATE``: at once if the write lock is free, else waiting for it (as
        long as the connection's busy timeout) with :attr:`waiting_for_lock` set."""
        timeout = self._busy_timeout
        self.conn.execute("PRAGMA busy_timeout = 0")
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            if exc.sqlite_errorcode & 0xFF != sqlite3.SQLITE_BUSY:  # (or an extended BUSY)
                raise
        finally:
            self.conn.execute(f"PRAGMA busy_timeout = {timeout}")
        self.waiting_for_lock = True
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        finally:
            self.waiting_for_lock = False

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        """Rows of a read-only query as dicts (inside a write: what the write sees)."""
        writing = getattr(self._writing, "active", False)
        conn, lock = (self.conn, self._lock) if writing else (self.reader, self._read_lock)
        with lock:
            cursor = conn.execute(sql, params)
            names = [column[0] for column in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def rows(
        self,
        sql: str,
        params: Sequence[Any] = (),
        *,
        batch: int = 500,
    ) -> Iterator[tuple[Any, ...]]:
        """Rows of a read-only query as tuples, read ``batch`` at a time as they are used (a
        listing of every commitment never holds them all). The connection is the one
        :meth:`query` uses; the read lock is held while each batch is fetched."""
        writing = getattr(self._writing, "active", False)
        conn, lock = (self.conn, self._lock) if writing else (self.reader, self._read_lock)
        with lock:
            cursor = conn.execute(sql, params)
            chunk = cursor.fetchmany(batch)
        while chunk:
            yield from chunk
            with lock:
                chunk = cursor.fetchmany(batch)

    # -- generic records ----------------------------------------------------------------

    def save(self, record: R) -> R:
        """Insert or update ``record``; returns it with its id and timestamps."""
        with self.transaction():
            return self._save(record)

    def save_all(self, records: Iterable[Record]) -> list[Record]:
        """Save several records in one transaction: all of them or none."""
        with self.transaction():
            return [self._save(record) for record in records]

    def _save(self, record: R) -> R:
        from interview_tui.domain.models import keeps_created, keeps_updated
        from interview_tui.store.records import TABLES, to_row

        stamp = self.now().replace(microsecond=0)
        if keeps_updated(record):
            record.updated_at = stamp
        if keeps_created(record) and record.created_at is None:
            record.created_at = stamp
        self._authorship(record, stamp)
        name = TABLES[type(record)]
        table = self.db.table(name)
        row = to_row(record)
        if record.id is None:
            record.id = table.insert(row).last_rowid  # the rowid: ids are INTEGER PRIMARY KEY
        else:
            table.upsert(row, pk="id")
        if (kind := _SEARCH_KINDS.get(name)) and record.id is not None:
            self._reindex(kind, record.id, row)
        return record

    def _authorship(self, record: Record, stamp: datetime) -> None:
        """Who wrote it: a new record's author, and an id, author and time on each new
        history entry (entries are append-only; two people's entries both survive a merge)."""
        from interview_tui.domain.models import keeps_author, keeps_history

        if keeps_author(record) and record.id is None and not record.author:
            record.author = self.member
        if keeps_history(record):
            history = record.history
            if any("id" not in entry for entry in history):
                record.history = [
                    entry
                    if "id" in entry
                    else {
                        **entry,
                        "id": str(uuid.uuid4()),
                        "by": self.member,
                        "at": stamp.isoformat(),
                    }
                    for entry in history
                ]

    def insert_many(self, records: Iterable[Record]) -> None:
        """Insert many new records of one kind fast, in one transaction (demo, import), with
        the times the records carry (an import keeps the file's; now only where a record
        has none, as :meth:`update_many`)."""
        records = list(records)
        if not records:
            return
        from interview_tui.domain.models import keeps_created, keeps_updated
        from interview_tui.store.records import TABLES, to_row

        table = TABLES[type(records[0])]
        stamp = self.now().replace(microsecond=0)
        with self.transaction() as db:
            next_id = int(db.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0])
            rows = []
            for record in records:
                next_id += 1
                record.id = next_id
                if keeps_created(record) and record.created_at is None:
                    record.created_at = stamp
                if keeps_updated(record) and record.updated_at is None:
                    record.updated_at = stamp
                rows.append(to_row(record))
            self._write_rows(db, table, rows)

    def insert_rows(self, model: type[Record], rows: list[dict[str, Any]]) -> None:
        """:meth:`insert_many` for new records given as the rows :func:`records.to_row`
        makes of them (no id yet): the same rows written, without building a model for
        each (the demo's millions of notes)."""
        if not rows:
            return
        from interview_tui.store.records import TABLES

        table = TABLES[model]
        stamp = self.now().replace(microsecond=0).isoformat()  # as a model's JSON gives it
        with self.transaction() as db:
            next_id = int(db.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0])
            for row in rows:
                next_id += 1
                row["id"] = next_id
                if "created_at" in row and row["created_at"] is None:
                    row["created_at"] = stamp
            self._write_rows(db, table, rows)

    def _write_rows(
        self, db: sqlite_utils.Database, table: str, rows: list[dict[str, Any]]
    ) -> None:
        """Insert ``rows`` (with their ids) into ``table`` and into the search index."""
        columns = list(rows[0])
        db.conn.executemany(  # what sqlite-utils' insert_all wrote, without its per-value work
            f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in columns)})"
            f" VALUES ({', '.join('?' * len(columns))})",
            (
                [_column_value(v) if type(v) in _CONTAINERS else v for v in map(row.get, columns)]
                for row in rows
            ),
        )
        if kind := _SEARCH_KINDS.get(table):
            db.conn.executemany(
                "INSERT INTO search_index (rowid, body, kind, ref_id, visit_id)"
                " VALUES (?, ?, ?, ?, ?)",
                [
                    (
                        search_rowid(kind, row["id"]),
                        index_body(kind, row),
                        kind,
                        row["id"],
                        row.get("visit_id"),
                    )
                    for row in rows
                ],
            )

    def update_many(self, records: Iterable[Record]) -> None:
        """Update many saved records of one kind in one transaction, each as :meth:`save`
        would (its search entry replaced) but with the times the records carry (a re-import
        keeps the file's; now only where a record has none), with one statement per kind of
        change instead of a few per record."""
        records = list(records)
        if not records:
            return
        from interview_tui.domain.models import keeps_created, keeps_updated
        from interview_tui.store.records import TABLES, to_row

        table = TABLES[type(records[0])]
        kind = _SEARCH_KINDS.get(table)
        stamp = self.now().replace(microsecond=0)
        rows = []
        for record in records:
            if keeps_updated(record) and record.updated_at is None:
                record.updated_at = stamp
            if keeps_created(record) and record.created_at is None:
                record.created_at = stamp
            rows.append(to_row(record))
        columns = [name for name in rows[0] if name != "id"]
        assignments = ", ".join(f'"{name}" = ?' for name in columns)
        with self.transaction() as db:
            db.conn.executemany(
                f"UPDATE {table} SET {assignments} WHERE id = ?",
                [[row[name] for name in columns] + [row["id"]] for row in rows],
            )
            if kind:
                rowids = [search_rowid(kind, row["id"]) for row in rows]
                db.conn.executemany(
                    "DELETE FROM search_index WHERE rowid = ?", [(rowid,) for rowid in rowids]
                )
                db.conn.executemany(
                    "INSERT INTO search_index (rowid, body, kind, ref_id, visit_id)"
                    " VALUES (?, ?, ?, ?, ?)",
                    [
                        (rowid, index_body(kind, row), kind, row["id"], row.get("visit_id"))
                        for rowid, row in zip(rowids, rows, strict=True)
                    ],
                )

    def _reindex(self, kind: str, ref_id: int, row: dict[str, Any]) -> None:
        """Replace a record's index entry, found by its rowid (never a scan of the index)."""
        rowid = search_rowid(kind, ref_id)
        self.db.execute("DELETE FROM search_index WHERE rowid = ?", [rowid])
        self.db.execute(
            "INSERT INTO search_index (rowid, body, kind, ref_id, visit_id) VALUES (?, ?, ?, ?, ?)",
            [rowid, index_body(kind, row), kind, ref_id, row.get("visit_id")],
        )

    def get(self, model: type[R], record_id: int) -> R | None:
        from interview_tui.store.records import TABLES, from_row

        rows = self.query(f"SELECT * FROM {TABLES[model]} WHERE id = ?", [record_id])
        return from_row(model, rows[0]) if rows else None

    def all(
        self,
        model: type[R],
        where: str = "",
        params: Sequence[Any] = (),
        order_by: str = "id",
        limit: int | None = None,
    ) -> list[R]:
        from interview_tui.store.records import TABLES, from_row

        sql = f"SELECT * FROM {TABLES[model]}"
        if where:
            sql += f" WHERE {where}"
        sql += f" ORDER BY {order_by}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [from_row(model, row) for row in self.query(sql, params)]

    def unindex(self, kind: str, ids: Sequence[int]) -> None:
        """Remove the search index rows of the records ``ids`` of ``kind`` (found by rowid,
        never a scan), in the write under way."""
        self.db.conn.executemany(
            "DELETE FROM search_index WHERE rowid = ?", [(search_rowid(kind, i),) for i in ids]
        )

    def delete(self, model: type[R], record_id: int) -> None:
        from interview_tui.store.records import TABLES

        table = TABLES[model]
        with self.transaction() as db:
            if kind := _SEARCH_KINDS.get(table):
                self.unindex(kind, [record_id])
            if table == "people":
                db.execute("UPDATE notes SET speaker_id = NULL WHERE speaker_id = ?", [record_id])
            if table == "script_items":
                db.execute(
                    "UPDATE notes SET script_item_id = NULL WHERE script_item_id = ?", [record_id]
                )
            db.execute(f"DELETE FROM {table} WHERE id = ?", [record_id])

    # -- common questions ---------------------------------------------------------------

    def customer_by_name(self, name: str) -> Customer | None:
        from interview_tui.domain.models import Customer

        found = self.all(Customer, "name = ?", [name])
        return found[0] if found else None

    def people(self, customer_id: int, *, active_only: bool = False) -> list[Person]:
        """The customer's people, archived ones included (old visits still show them)
        unless ``active_only``; never those an unfinished import added."""
        from interview_tui.domain.models import Person

        where = "customer_id = ? AND importing IS NULL" + (
            " AND archived_at IS NULL" if active_only else ""
        )
        return self.all(Person, where, [customer_id], order_by="role, name")

    def visits(self, customer_id: int | None = None, limit: int | None = None) -> list[Visit]:
        from interview_tui.domain.models import Visit

        if customer_id is None:
            return self.all(Visit, order_by="date DESC", limit=limit)
        return self.all(Visit, "customer_id = ?", [customer_id], "date DESC", limit)

    def visit_with_customer(self, visit_id: int) -> tuple[Visit, Customer]:
        """The visit and its customer; a clear error when there is no such visit."""
        from interview_tui.domain.models import Customer, Visit
        from interview_tui.errors import UserError
        from interview_tui.store.staging import is_staged

        visit = self.get(Visit, visit_id)
        customer = self.get(Customer, visit.customer_id) if visit else None
        if visit is None or customer is None or is_staged(self, "visits", visit_id):
            from interview_tui.i18n import t

            raise UserError(t("error.no_visit_listed", id=visit_id))
        return visit, customer

    def visit_rows(
        self, limit: int | None = None, *, archived: bool = False
    ) -> list[dict[str, Any]]:
        """Visits with their customer's name, newest first (all of them unless ``limit``);
        archived visits (or of archived customers) only when ``archived``; never one that an
        unfinished import is writing."""
        return list(self.iter_visit_rows(limit, archived=archived))

    _VISIT_ROW = ("id", "customer", "date", "status", "purpose", "length_minutes", "archived_at")

    def iter_visit_rows(
        self, limit: int | None = None, *, archived: bool = False
    ) -> Iterator[dict[str, Any]]:
        """:meth:`visit_rows` read a batch at a time as they are used (``visits --json``
        lists every visit of a career without holding them all)."""
        hide = (
            " WHERE v.importing IS NULL"
            if archived
            else " WHERE v.archived_at IS NULL AND c.archived_at IS NULL"
        )
        for values in self.rows(
            "SELECT v.id, c.name AS customer, v.date, v.status, v.purpose, v.length_minutes,"
            " coalesce(v.archived_at, c.archived_at) AS archived_at"
            f" FROM visits v JOIN customers c ON c.id = v.customer_id{hide}"
            " ORDER BY v.date DESC, v.id DESC LIMIT ?",
            [-1 if limit is None else limit],
        ):
            yield dict(zip(self._VISIT_ROW, values, strict=True))

    def script(self, visit_id: int) -> list[ScriptItem]:
        from interview_tui.domain.models import ScriptItem

        return self.all(ScriptItem, "visit_id = ?", [visit_id], order_by="position, id")

    def notes(self, visit_id: int) -> list[Note]:
        from interview_tui.domain.models import Note

        return self.all(Note, "visit_id = ?", [visit_id], order_by="created_at, id")

    def commitments(self, visit_id: int) -> list[Commitment]:
        from interview_tui.domain.models import Commitment

        return self.all(Commitment, "visit_id = ?", [visit_id], order_by="due IS NULL, due, id")

    def requirements(
        self, *, visit_id: int | None = None, customer_id: int | None = None
    ) -> list[Requirement]:
        from interview_tui.domain.models import Requirement

        if visit_id is not None:
            return self.all(Requirement, "visit_id = ?", [visit_id])
        if customer_id is not None:
            return self.all(Requirement, "customer_id = ?", [customer_id])
        return self.all(Requirement)

    def meta(self, key: str) -> str | None:
        rows = self.query("SELECT value FROM meta WHERE key = ?", [key])
        value = rows[0]["value"] if rows else None
        return None if value is None else str(value)

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as db:
            db.table("meta").upsert({"key": key, "value": value}, pk="key")

    # -- live windows: which windows have a visit open (services/live_windows.py) --------

    def enter_live(
        self, token: str, visit_id: int, pid: int, host: str, started: str, heartbeat: float
    ) -> None:
        with self.transaction() as db:
            db.table("live_windows").upsert(
                {
                    "token": token,
                    "visit_id": visit_id,
                    "pid": pid,
                    "host": host,
                    "started": started,
                    "heartbeat": heartbeat,
                },
                pk="token",
            )

    def beat_live(self, token: str, heartbeat: float) -> None:
        with self.transaction():
            self.conn.execute(
                "UPDATE live_windows SET heartbeat = ? WHERE token = ?", [heartbeat, token]
            )

    def leave_live(self, token: str) -> None:
        with self.transaction():
            self.conn.execute("DELETE FROM live_windows WHERE token = ?", [token])

    def live_windows(self, visit_id: int) -> list[dict[str, Any]]:
        return self.query(
            "SELECT * FROM live_windows WHERE visit_id = ? ORDER BY started", [visit_id]
        )

    def note_text(self, note_id: int) -> str | None:
        """A note's stored text (inside a write: as that write sees it)."""
        rows = self.query("SELECT text FROM notes WHERE id = ?", [note_id])
        return rows[0]["text"] if rows else None

    # -- search -------------------------------------------------------------------------

    def _search_cut(self, expression: str) -> int:
        """The row number below which matches are not ranked: that of the match just older
        than the newest :data:`SEARCH_RANKED` (found in the index's order, not ranked)."""
        rows = self.query(
            "SELECT rowid AS n FROM search_index WHERE search_index MATCH ?"
            " ORDER BY rowid DESC LIMIT 1 OFFSET ?",
            [expression, SEARCH_RANKED],
        )
        return int(rows[0]["n"]) if rows else -(2**63)

    def search_cut_off(self, text: str) -> bool:
        """Whether ``text`` matches more than the :data:`SEARCH_RANKED` records
        :meth:`search` ranks (the older ones were left out)."""
        expression = match_expression(text)
        return expression is not None and self._search_cut(expression) > -(2**63)

    def _ranked(self, expression: str, above: int, below: int, limit: int) -> list[dict[str, Any]]:
        """The best ``limit`` matches among the index rows between ``above`` and ``below``
        (FTS5 ranks them in order), with their visit's date and customer (a requirement
        written outside a visit: its own customer)."""
        return self.query(
            "SELECT s.kind, s.ref_id, s.visit_id, c.id AS customer_id, c.name AS customer,"
            " v.date AS visit_date"
            " FROM search_index s"
            " LEFT JOIN visits v ON v.id = s.visit_id"
            " LEFT JOIN people p ON s.kind = 'person' AND p.id = s.ref_id"
            " LEFT JOIN requirements r ON s.kind = 'requirement' AND r.id = s.ref_id"
            " LEFT JOIN customers c ON c.id = CASE s.kind WHEN 'person' THEN p.customer_id"
            " WHEN 'customer' THEN s.ref_id"
            " WHEN 'requirement' THEN coalesce(v.customer_id, r.customer_id)"
            " ELSE v.customer_id END"
            " WHERE search_index MATCH ? AND s.rowid > ? AND s.rowid <= ?"
            " AND v.archived_at IS NULL AND c.archived_at IS NULL"
            " AND p.archived_at IS NULL AND p.importing IS NULL"
            " ORDER BY rank LIMIT ?",
            [expression, above, below, limit],
        )

    def search(self, text: str, limit: int = 50) -> list[SearchHit]:
        """Notes, requirements, commitments, people and customers matching ``text``, best
        first (none of an archived visit, customer or person, nor one an unfinished import
        is writing), ranked among the newest :data:`SEARCH_RANKED` matches
        (:meth:`search_cut_off` says when there were more): ranking every match made a word
        found in 160,000 records three times slower than in 4,000. People and customers
        come first (what a name is typed for; few, their index rows above every other
        record's, so always among those ranked), then the rest, each best first."""
        expression = match_expression(text)
        if expression is None:
            return []
        cut = self._search_cut(expression)
        rows = self._ranked(expression, max(cut, DIRECTORY_ROWS), 2**63 - 1, limit)
        if len(rows) < limit:
            rows += self._ranked(expression, cut, DIRECTORY_ROWS, limit - len(rows))
        hits = []
        for row in rows:
            table, _fields = INDEXED_FIELDS[row["kind"]]
            source = self.query(f"SELECT * FROM {table} WHERE id = ?", [row["ref_id"]])
            body = searchable_text(row["kind"], source[0]) if source else ""
            note = source[0] if source and row["kind"] == "note" else {}
            hits.append(
                SearchHit(
                    kind=row["kind"],
                    ref_id=int(row["ref_id"]),
                    visit_id=row["visit_id"],
                    snippet=snippet(body, text, from_start=row["kind"] in DIRECTORY_KINDS),
                    customer=row["customer"] or "",
                    visit_date=(row["visit_date"] or "")[:10],
                    personal=note.get("goal") == "personal_connection",
                    private=bool(note.get("private")),
                    customer_id=row["customer_id"],
                )
            )
        return hits
