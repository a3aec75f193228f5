"""A sync: export what changed, commit as the member, fetch, merge, import, push.

Every step can be cut (kill -9, no network, a rejected push) and the next sync finishes it:
commits are made before refs move, SQLite takes a whole sync's records in one transaction
and remembers the commit it holds (``team.imported``; for an export, in the transaction that
empties the outbox, before the branch moves to it), and a sync first brings the branch and
SQLite level (the branch on to the export SQLite noted, SQLite up to the clone's last merge)
before it exports anything, so a cut never reverts a colleague's change nor takes this
laptop's own export for the team's. A remote whose history was rewritten stops the sync
with a message; nothing is ever force-pushed.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from interview_tui.errors import UserError
from interview_tui.i18n import current_language, t
from interview_tui.store.store import Store
from interview_tui.team.apply import Incoming, apply_records
from interview_tui.team.commits import HistoryRewritten, commit_files, merge_commits
from interview_tui.team.config import (
    BRANCH,
    MANIFEST,
    REMOTE,
    TeamConfig,
    clone_dir,
    manifest_text,
    read_manifest,
    require_team,
    save_config,
    team_config,
)
from interview_tui.team.git import NETWORK_TIMEOUT, Git, GitError, failure
from interview_tui.team.merge import BY, CONFLICTS, DELETED, canonical_log
from interview_tui.team.record_file import dumps, loads, path_for
from interview_tui.team.records import changed_records, shared_records
from interview_tui.team.schemas import SCHEMAS, kind_of, schema_for
from interview_tui.team.standing import note_committed, record_outcome

INCOMING = "refs/team/incoming"
PUSH_TRIES = 6
Progress = Callable[[str], None]


@dataclass
class SyncResult:
    #: records the team received from this laptop with this sync (those of earlier syncs
    #: that were cut or could not reach it included; 0 when this one did not reach it)
    sent: int = 0
    received: int = 0
    new_conflicts: int = 0
    open_conflicts: int = 0
    pushed: bool = False
    offline: str = ""  # why the push or fetch did not reach the team ("" when it did)

    def to_dict(self) -> dict[str, Any]:
        return {
            "sent": self.sent,
            "received": self.received,
            "new_conflicts": self.new_conflicts,
            "open_conflicts": self.open_conflicts,
            "pushed": self.pushed,
            "offline": self.offline,
        }


def _quiet(_: str) -> None:
    return None


# -- the clone -----------------------------------------------------------------------------


def _open_clone(store: Store, url: str, *, check_remote: bool = True) -> Git:
    """The bare clone beside the database (made private), with ``origin`` set to ``url``."""
    where = clone_dir(store)
    git = Git(where)
    if (where / "HEAD").exists() and not check_remote:
        return git
    if not (where / "HEAD").exists():
        where.parent.mkdir(parents=True, exist_ok=True)
        git.run("init", "--quiet", "--bare", str(where))
        where.chmod(0o700)
        for key, value in (
            ("feature.manyFiles", "true"),
            ("core.untrackedCache", "true"),
            ("gc.auto", "0"),
            ("core.sharedRepository", "0600"),
        ):
            git.run("config", key, value)
    current = git.run("remote", "get-url", "origin", check=False)
    if current.returncode != 0:
        git.run("remote", "add", "origin", url)
    elif current.stdout.decode().strip() != url:
        git.run("remote", "set-url", "origin", url)
    return git


#: the clone never collects garbage by itself (``gc.auto`` is 0), so the maintenance a
#: fetch starts afterwards (two more processes, ``maintenance`` and ``gc``) would do nothing
#: (as an option of the command: a git too old to know it ignores it)
NO_MAINTENANCE = ("maintenance.auto=false",)


#: loose objects the clone may gather before a sync packs them: a sync writes 15 to 40
#: (records, trees, commits, the leaders' pages, what it fetched), so about every 25th to
#: 60th sync packs
LOOSE_LIMIT = 1000
TIDY = ("gc", "--quiet")


def _tidy(git: Git) -> None:
    """Pack the clone once it holds many loose objects (``git gc``: one pack, unreferenced
    objects older than two weeks removed), in the sync's own process. Nothing else collects
    them (``gc.auto`` is 0 in the clone, and git's own estimate reads one folder of 256),
    and years of syncs would leave hundreds of thousands of small files. git writes the
    new pack before it removes anything, so a gc cut short leaves the clone whole; one
    that fails is tried again by a later sync, and the sync that ran it is done already."""
    if git.loose_objects() >= LOOSE_LIMIT:
        git.run(*TIDY, check=False)


def _fetch(git: Git) -> tuple[str | None, str | None]:
    """Fetch the team's branch: its commit (``None`` for an empty repository) and this
    clone's branch, read with the team's manifest by one git process. A branch that no
    longer contains what was fetched before (history rewritten) is refused."""
    done = git.run(
        "fetch",
        "--quiet",
        "origin",
        f"+{BRANCH}:{INCOMING}",
        check=False,
        timeout=NETWORK_TIMEOUT,
        config=NO_MAINTENANCE,
    )
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace")
        if "couldn't find remote ref" in message:
            return None, git.at_refs([BRANCH])[BRANCH]
        raise GitError(failure("fetch", message), stderr=message)
    refs = git.at_refs([INCOMING, REMOTE, BRANCH], [MANIFEST])
    incoming, before = refs[INCOMING], refs[REMOTE]
    if incoming and before and incoming != before and not git.is_ancestor(before, incoming):
        raise HistoryRewritten(t("team.rewritten"))
    if incoming and incoming != before:
        git.run("update-ref", REMOTE, incoming)
    return incoming, refs[BRANCH]


def _push(git: Git, commit: str) -> str:
    """Push ``commit`` to the team's branch: ``""`` when done, ``"rejected"`` when someone
    pushed meanwhile; another failure raises :class:`GitError`."""
    done = git.run(
        "push",
        "--quiet",
        "--porcelain",
        "origin",
        f"{commit}:{BRANCH}",
        check=False,
        timeout=NETWORK_TIMEOUT,
    )
    if done.returncode == 0:
        git.run("update-ref", REMOTE, commit)
        return ""
    text = (done.stdout + done.stderr).decode("utf-8", "replace")
    if any(word in text for word in ("rejected", "fetch first", "non-fast-forward")):
        return "rejected"
    raise GitError(failure("push", text), stderr=text)


# -- records in and out ---------------------------------------------------------------------


def _read_records(git: Git, commit: str | None, paths: list[str]) -> dict[str, dict[str, Any]]:
    return _read_records_of(git, [commit], paths)[0]


def _read_records_of(
    git: Git, commits: list[str | None], paths: list[str]
) -> list[dict[str, dict[str, Any]]]:
    """The records at ``paths`` in each of ``commits`` (path -> record, one dict per commit),
    read by one git process (see :meth:`Git.files_of`)."""
    out: list[dict[str, dict[str, Any]]] = []
    for files in git.files_of([(commit, paths) for commit in commits]):
        records = {}
        for path, obj in files.items():
            try:
                records[path] = loads(obj.data)
            except ValueError:
                raise UserError(t("team.bad_record", path=path)) from None
        out.append(records)
    return out


def _conflict_rows(store: Store) -> dict[str, dict[str, Any]]:
    import json

    rows: dict[str, dict[str, Any]] = {}
    for row in store.query("SELECT uid, path, candidates FROM team_conflicts"):
        rows.setdefault(row["uid"], {})[row["path"]] = json.loads(row["candidates"])
    return rows


def export_changes(
    store: Store,
    git: Git,
    head: str | None,
    config: TeamConfig,
    now: datetime,
    pending: dict[str, set[str]] | None = None,
) -> dict[str, bytes]:
    """The files whose bytes change: every shared record as this laptop holds it, with
    who set each changed field, the open conflicts and anything a newer version wrote."""
    if pending is None:  # every shared record (a check that SQLite and the team agree)
        shared = list(shared_records(store, config.name))
    else:  # what changed here since the last export (the outbox)
        shared = list(changed_records(store, config.name, pending))
    previous = _read_records(git, head, [s.path for s in shared])
    conflicts = _conflict_rows(store)
    changed: list[Any] = []
    stamp = {"by": config.member, "at": now.replace(microsecond=0).isoformat()}
    files: dict[str, bytes] = {}
    for item in shared:
        prev = previous.get(item.path)
        record = dict(item.record)
        by = dict((prev or {}).get(BY) or {})
        for key, value in (prev or {}).items():  # fields of a newer version are kept
            if key not in record and not key.startswith("_"):
                record[key] = value
        schema = SCHEMAS[item.kind]
        for name in schema.logs:  # append-only: an entry this laptop lacks stays
            mine = {str(e.get("id")) for e in record.get(name) or []}
            extra = [e for e in (prev or {}).get(name) or [] if str(e.get("id")) not in mine]
            if extra:
                record[name] = canonical_log([*record.get(name, []), *extra])
        for key, value in record.items():  # a new record's author says who wrote it all
            if prev is not None and prev.get(key) != value and key not in schema.logs:
                by[key] = stamp  # (a log's entries name their own authors)
        for path in _changed_entry_fields(prev, record, schema):
            by[path] = stamp  # an entry edited here (a note's text): who, beside a conflict
        if by:
            record[BY] = by
        if open_conflicts := conflicts.get(record["uid"]):
            record[CONFLICTS] = open_conflicts
        if prev and prev.get(DELETED):
            record[DELETED] = prev[DELETED]
        data = dumps(record)
        if prev is None or dumps(prev) != data:
            files[item.path] = data
            changed.append(item)
    files.update(_pages(store, git, head, changed, now))
    return files


def _changed_entry_fields(
    prev: dict[str, Any] | None, record: dict[str, Any], schema: Any
) -> list[str]:
    """``log/<entry id>/field`` of each field of a log's entry that differs from the
    exported version (an entry added here is named by its own author instead)."""
    if prev is None:
        return []
    paths = []
    for name in schema.logs:
        before = {str(e.get("id")): e for e in prev.get(name) or [] if isinstance(e, dict)}
        for entry in record.get(name) or []:
            old = before.get(str(entry.get("id")))
            if old is None:
                continue
            paths += [
                f"{name}/{entry.get('id')}/{key}"
                for key, value in entry.items()
                if key != "id" and old.get(key) != value
            ]
    return paths


def _pages(
    store: Store, git: Git, head: str | None, changed: list[Any], now: datetime
) -> dict[str, bytes]:
    """The leaders' pages of what changed (regenerated, written when their bytes change)."""
    from interview_tui.domain.models import Customer, Visit
    from interview_tui.team.reports import render_pages

    if not changed:
        return {}
    visit_uids, customer_uids = set(), set()
    for item in changed:
        record = item.record
        if item.kind == "visit":
            visit_uids.add(record["uid"])
        elif item.kind in ("requirement", "commitment") and record.get("visit"):
            visit_uids.add(record["visit"])
        if item.kind == "customer":
            customer_uids.add(record["uid"])
        elif record.get("customer"):
            customer_uids.add(record["customer"])
    visits = [v for uid in sorted(visit_uids) for v in store.all(Visit, "uid = ?", [uid])]
    customer_ids = {v.customer_id for v in visits}
    customers = [c for c in store.all(Customer) if c.uid in customer_uids or c.id in customer_ids]
    lang = "en"
    if head:
        manifest = read_manifest(_blob(git, head, MANIFEST), "")
        lang = str(manifest.get("language") or "en")
    pages = render_pages(store, visits, customers, lang, now.date())
    held = git.files(head, sorted(pages)) if head else {}
    return {
        path: data for path, data in pages.items() if path not in held or held[path].data != data
    }


def import_range(store: Store, git: Git, old: str | None, new: str, config: TeamConfig) -> int:
    """Bring the records that changed from ``old`` to ``new`` into SQLite (one transaction)
    and remember ``new`` as imported. Returns how many records changed something here."""
    if old == new:
        return 0
    if old:
        paths = [p for p in git.changed_paths(old, new) if kind_of(p)]
    else:
        paths = [p for p in git.tree_entries(new) if kind_of(p)]
    paths = [p for p in paths if kind_of(p) != "member"]
    merged, exported = _read_records_of(git, [new, old], paths)
    incoming = [Incoming(kind_of(p) or "", merged[p], exported.get(p)) for p in sorted(merged)]
    with store.transaction():
        pending = {(r["kind"], r["uid"]) for r in store.query("SELECT kind, uid FROM team_outbox")}
        changed = apply_records(store, incoming, config.name)
        # what the team sent is not this laptop's change: it leaves the outbox again, and a
        # change of this laptop's still waiting to be sent stays (its row was rewritten)
        rows = store.query("SELECT kind, uid FROM team_outbox")
        store.db.conn.executemany(
            "DELETE FROM team_outbox WHERE kind = ? AND uid = ?",
            [(r["kind"], r["uid"]) for r in rows if (r["kind"], r["uid"]) not in pending],
        )
        store.set_meta("team.imported", new)
    return changed


def read_outbox(store: Store) -> tuple[dict[str, set[str]], int]:
    """What changed here since the last export (kind -> uids), and the newest change's
    number: clearing up to it leaves whatever changes while the sync runs."""
    pending: dict[str, set[str]] = {}
    top = 0
    for row in store.query("SELECT kind, uid, n FROM team_outbox"):
        pending.setdefault(row["kind"], set()).add(row["uid"])
        top = max(top, int(row["n"] or 0))
    return pending, top


def clear_outbox(store: Store, top: int) -> None:
    with store.transaction():
        store.db.execute("DELETE FROM team_outbox WHERE n <= ?", [top])


def _catch_up(store: Store, git: Git, config: TeamConfig, head: str | None) -> str | None:
    """The clone's branch and SQLite brought level after a cut sync. An export commit SQLite
    noted that the branch lacks (the sync was cut before the branch moved to it, or another
    sync of this laptop moved the branch meanwhile) goes on the branch, merged if need be;
    then SQLite is brought up to the branch (a sync cut after its merge), from the commit
    whose records it holds. Returns the branch's commit (``head`` is the one it had)."""
    imported = config.imported or None
    noted = imported if imported and imported != head and git.rev(imported) else None
    if noted and (head is None or not git.is_ancestor(noted, head)):  # an export made here
        on = noted
        if head is not None:
            message = t("team.merge_message")
            on = merge_commits(git, head, noted, schema_for, config.identity, message)
        git.run("update-ref", BRANCH, on, head or "")
        head = on
    if head and head != imported:
        import_range(store, git, imported, head, config)
    return head


# -- commands --------------------------------------------------------------------------------


def init_team(
    store: Store, url: str, name: str, member: str, member_name: str, now: datetime
) -> None:
    """Start a team in an empty repository at ``url``."""
    if (config := team_config(store)) is not None:
        raise UserError(t("team.already", name=config.name))
    git = _open_clone(store, url)
    if _fetch(git)[0] is not None:
        raise UserError(t("team.not_empty", url=url))
    _claim_authorship(store, member)
    save_config(store, name=name, member=member, member_name=member_name, url=url)
    config = require_team(store)
    first = commit_files(
        git,
        None,
        {MANIFEST: manifest_text(name, current_language()), **_member_file(config)},
        config.identity,
        f"Team {name}",
    )
    assert first is not None
    git.run("update-ref", BRANCH, first)
    store.set_meta("team.imported", first)
    if _push(git, first):
        raise UserError(t("team.not_empty", url=url))
    _head_on_the_branch(url)


def _head_on_the_branch(url: str) -> None:
    """A repository on this machine or a shared drive (a path) whose ``HEAD`` names a
    branch that does not exist (``git init --bare`` names ``master``) is pointed at the
    team's branch, so that a plain ``git clone`` of it (a team lead reading ``reports/``)
    checks the files out. A forge's repository has its own default branch setting."""
    where = Path(url.removeprefix("file://")).expanduser()
    head = where / "HEAD"
    try:
        named = head.read_text(encoding="utf-8").strip() if head.is_file() else ""
    except OSError:
        return
    if not named.startswith("ref: ") or named == f"ref: {BRANCH}":
        return
    remote = Git(where)
    if remote.rev(named.removeprefix("ref: ")) is None:  # an empty branch: nobody's
        remote.run("symbolic-ref", "HEAD", BRANCH, check=False)


def _claim_authorship(store: Store, member: str) -> None:
    """What this laptop wrote before it joined a team is its member's: the records get
    ``member`` as their author before any of them is shared (a colleague's laptop would
    otherwise take an authorless promise for its own)."""
    with store.transaction() as db:
        for table in ("visits", "notes", "requirements", "commitments"):
            db.execute(f"UPDATE {table} SET author = ? WHERE author = ''", [member])


def _member_file(config: TeamConfig) -> dict[str, bytes]:
    return {
        path_for("member", config.member): dumps({"id": config.member, "name": config.member_name})
    }


def _missing_member_file(git: Git, head: str | None, config: TeamConfig) -> dict[str, bytes]:
    """This member's file when the repository lacks it (a member who joined), so colleagues
    see their name beside what they did."""
    path = path_for("member", config.member)
    if head is None or path in git.files(head, [path]):
        return {}
    return _member_file(config)


def join_team(
    store: Store,
    url: str,
    member: str,
    member_name: str,
    now: datetime,
    progress: Progress = _quiet,
) -> SyncResult:
    """Join the team whose repository is at ``url``: clone it and bring in everything."""
    if (config := team_config(store)) is not None:
        raise UserError(t("team.already", name=config.name))
    git = _open_clone(store, url)
    progress(t("team.progress.fetch"))
    remote, _ = _fetch(git)
    if remote is None:
        raise UserError(t("team.empty_repo", url=url))
    manifest = read_manifest(_blob(git, remote, MANIFEST), url)
    _claim_authorship(store, member)
    save_config(
        store, name=str(manifest.get("team", "")), member=member, member_name=member_name, url=url
    )
    git.run("update-ref", BRANCH, remote)
    progress(t("team.progress.import"))
    config = require_team(store)
    result = SyncResult(received=import_range(store, git, None, remote, config))
    more = sync(store, now, progress)
    result.sent, result.pushed, result.offline = more.sent, more.pushed, more.offline
    result.open_conflicts = more.open_conflicts
    return result


def _blob(git: Git, commit: str, path: str) -> bytes:
    found = git.files(commit, [path])
    if path not in found:
        raise UserError(t("team.not_team_repo", url=path))
    return found[path].data


def sync(store: Store, now: datetime, progress: Progress = _quiet) -> SyncResult:
    """One sync (see the module's docstring). Offline, the changes are committed here and
    the result says so; the next sync sends them."""
    config = require_team(store)
    git = _open_clone(store, config.url, check_remote=False)
    git.remove_stale_locks()  # left by a git killed mid-sync: they would stop every sync
    result = SyncResult()
    member_file = path_for("member", config.member)
    head = git.at_refs([BRANCH], [MANIFEST, member_file])[BRANCH]  # one git process
    if head:
        read_manifest(_blob(git, head, MANIFEST), config.url)  # a newer format: not written
    head = _catch_up(store, git, config, head)
    config = require_team(store)
    progress(t("team.progress.export"))
    pending, top = read_outbox(store)
    files = export_changes(store, git, head, config, now, pending)
    files.update(_missing_member_file(git, head, config))
    commit = None
    if files:
        commit = commit_files(
            git, head, files, config.identity, t("team.commit_message", count=len(files))
        )
    with store.transaction():  # committed, or nothing of it is shared: out of the outbox
        if commit is not None:  # SQLite holds this commit's records: it says so before the
            store.set_meta("team.imported", commit)  # branch moves (see _catch_up)
            note_committed(store, sum(1 for path in files if kind_of(path)))
        clear_outbox(store, top)
    if commit is not None:
        git.run("update-ref", BRANCH, commit, head or "")
        head = commit
    for attempt in range(PUSH_TRIES):
        progress(t("team.progress.fetch"))
        try:
            remote, local = _fetch(git)
        except HistoryRewritten:
            raise
        except GitError as exc:
            result.offline = str(exc)
            break
        if remote is not None:
            read_manifest(_blob(git, remote, MANIFEST), config.url)
        if remote is not None and local is not None:
            merged = merge_commits(
                git, local, remote, schema_for, config.identity, t("team.merge_message")
            )
            if merged != local:
                git.run("update-ref", BRANCH, merged, local)
                progress(t("team.progress.import"))
                # the conflicts found (not how far the open count moved: one may close)
                before = _open_conflicts(store)
                result.received += import_range(store, git, local, merged, config)
                result.new_conflicts += len(_open_conflicts(store) - before)
                local = merged
        if local is None or local == remote:
            result.pushed = local is not None
            break
        progress(t("team.progress.push"))
        try:
            outcome = _push(git, local)
        except GitError as exc:
            result.offline = str(exc)
            break
        if not outcome:
            result.pushed = True
            break
        time.sleep(random.uniform(0.05, 0.4) * (attempt + 1))  # someone pushed meanwhile
    if not result.offline:  # the last time the team was reached, not the last attempt
        store.set_meta("team.synced_at", now.replace(microsecond=0).isoformat())
    result.sent = record_outcome(store, result.offline, reached=result.pushed)
    result.open_conflicts = len(_open_conflicts(store))
    _tidy(git)
    return result


def _open_conflicts(store: Store) -> set[tuple[str, str]]:
    """The open conflicts, by record and field."""
    return {(r["uid"], r["path"]) for r in store.query("SELECT uid, path FROM team_conflicts")}
