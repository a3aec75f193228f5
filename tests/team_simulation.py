"""A team of PMs editing and syncing at random, and a checker that counts what was lost.

Drives the real path: services -> SQLite -> export -> git -> merge -> import -> SQLite, on a
local bare repository. Every value written is a unique token, so the checker can tell for
each write whether it survived: as the final value, as a candidate of an open conflict, or
knowingly replaced (the PM who wrote over it had it on screen). Syncs are cut with SIGKILL
at a random moment, one PM stays offline for most rounds, clocks are skewed by up to a
year, and once five PMs sync at the same moment.

A cut is time-based (``cut="time"``: SIGKILL after a random delay, as a closed laptop) or
reproducible: the child stops itself (``os._exit``) at the k-th *cut point* of its sync,
right before or right after each git command and each SQLite commit (:class:`CutPoints`);
``cut="point"`` draws k from the seeded rng, ``cut=K`` cuts every killed sync at K.
"""

from __future__ import annotations

import itertools
import os
import random
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from interview_tui.domain.enums import CommitmentState, Goal, PoolGroup, SolutionAnswer
from interview_tui.domain.models import Commitment, Note, Requirement, Visit
from interview_tui.services import commitments, requirement_pool, solutions
from interview_tui.services.archive import set_archived
from interview_tui.services.demo import seed_demo
from interview_tui.store import open_store
from interview_tui.store.store import Store
from interview_tui.team import actions
from interview_tui.team.apply import _Ids, _local_record
from interview_tui.team.sync import export_changes, init_team, join_team, sync

BASE = datetime(2026, 12, 1, 9, 0)


class CutPoints:
    """The points of a sync where a kill leaves a different state: right before and right
    after each git command (``Git.run``: blobs written, trees, commits, refs moved, fetch,
    push) and each SQLite commit (the outermost ``Store.transaction``). Installed in a forked
    child only, by patching those two attributes; the product code has no hook.

    ``stop_at``: where the process ends with ``os._exit``: the k-th point (1-based), or a
    point's label, its name and which time it comes ("after git update-ref 1"); ``0`` only
    counts, and :attr:`names` lists each point's label."""

    def __init__(self, stop_at: int | str = 0, report: int | None = None) -> None:
        self.stop_at, self.report = stop_at, report  # report: a pipe told the point's name
        self.names: list[str] = []
        self.seen: dict[str, int] = {}

    def point(self, name: str) -> None:
        self.seen[name] = self.seen.get(name, 0) + 1
        label = f"{name} {self.seen[name]}"
        self.names.append(label)
        if self.stop_at in (len(self.names), label):
            if self.report is not None:
                os.write(self.report, label.encode())
            os._exit(CUT_EXIT)

    def install(self) -> None:
        from interview_tui.team.git import Git

        run, transaction = Git.run, Store.transaction
        cuts = self

        def cut_run(git: Git, *args: str, **kwargs: Any) -> Any:
            cuts.point(f"before git {args[0]}")
            done = run(git, *args, **kwargs)
            cuts.point(f"after git {args[0]}")
            return done

        @contextmanager
        def cut_transaction(store: Store) -> Iterator[Any]:
            outer = not store.conn.in_transaction
            with transaction(store) as db:
                yield db
                if outer:
                    cuts.point("before sqlite commit")
            if outer:
                cuts.point("after sqlite commit")

        Git.run = cut_run  # type: ignore[method-assign]
        Store.transaction = cut_transaction  # type: ignore[method-assign]


#: the exit status of a child that stopped at its cut point
CUT_EXIT = 97


@dataclass
class Write:
    kind: str
    uid: str
    field: str
    value: Any
    pm: int
    seen: Any  # the value the PM had before writing over it


@dataclass
class PM:
    index: int
    db: Path
    store: Store
    skew: timedelta
    round: int = 0

    @property
    def member(self) -> str:
        return f"pm{self.index}@example.com"

    def now(self) -> datetime:
        return BASE + self.skew + timedelta(hours=self.round)


@dataclass
class Outcome:
    writes: int = 0
    lost: list[str] = field(default_factory=list)
    entries_missing: list[str] = field(default_factory=list)
    private_leaks: list[str] = field(default_factory=list)
    diverged: list[str] = field(default_factory=list)
    #: conflicts whose every value one PM wrote (one laptop's writes follow each other:
    #: such a conflict is made by the engine, not by the team)
    self_conflicts: list[str] = field(default_factory=list)
    conflicts: int = 0
    syncs: int = 0
    killed: int = 0

    @property
    def clean(self) -> bool:
        return not (self.lost or self.entries_missing or self.private_leaks or self.diverged)


class Simulation:
    def __init__(
        self,
        tmp: Path,
        *,
        pms: int = 10,
        rounds: int = 20,
        seed: int = 1,
        kill_share: float = 0.1,
        offline: tuple[int, int] = (3, 18),
        cut: str | int = "time",
        points: int = 60,
        follow_up: bool = False,
    ) -> None:
        self.tmp, self.rounds, self.kill_share, self.offline = tmp, rounds, kill_share, offline
        #: how a killed sync is cut: "time", "point" (k drawn from the rng, 1..points), k,
        #: or a point's label (see CutPoints); with ``follow_up`` the PM whose sync was cut
        #: edits again what it wrote last (as one keeps working on the same thing)
        self.cut, self.points, self.follow_up = cut, points, follow_up
        self.cuts: list[tuple[int, str]] = []  # (pm, point name) of each cut that happened
        self.rng = random.Random(seed)
        self.tokens = itertools.count()
        self.remote = tmp / "remote.git"
        subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(self.remote)], check=True)
        self.pms = [self._pm(n) for n in range(pms)]
        self.writes: list[Write] = []
        self.entries: list[tuple[str, str, str]] = []  # (kind, uid, token) of appended entries
        self.private: list[str] = []
        self.outcome = Outcome()

    def _pm(self, n: int) -> PM:
        db = self.tmp / f"pm{n}" / "interview.db"
        store = open_store(db)
        skew = timedelta(days=self.rng.randint(-365, 365))
        pm = PM(n, db, store, skew)
        store.now = pm.now
        store.member = pm.member
        return pm

    def token(self, pm: PM, what: str) -> str:
        return f"T{next(self.tokens)}-pm{pm.index}-{what}"

    # -- setting up -------------------------------------------------------------------------

    def start(self) -> None:
        first = self.pms[0]
        seed_demo(first.store, BASE.date())
        init_team(first.store, str(self.remote), "line", first.member, "PM 0", first.now())
        visits = first.store.all(Visit)
        for visit in visits[:-1]:  # the last stays a draft: nothing of it may leave
            actions.share_visit(first.store, visit.id or 0, first.now())
        self.draft = visits[-1]
        sync(first.store, first.now())
        for pm in self.pms[1:]:
            join_team(pm.store, str(self.remote), pm.member, f"PM {pm.index}", pm.now())

    # -- edits through the services the screens use ---------------------------------------

    def edit(self, pm: PM) -> None:
        kind = self.rng.choice(
            (
                "requirement",
                "requirement",
                "solution",
                "commitment",
                "commitment",
                "note",
                "note",
                "archive",
                "new",
            )
        )
        getattr(self, f"_edit_{kind}")(pm)

    def _requirement(self, pm: PM) -> Requirement | None:
        found = pm.store.all(Requirement)
        return self.rng.choice(found) if found else None

    def _seen(self, pm: PM, kind: str, uid: str, name: str) -> Any:
        return self.value(pm, kind, uid, name)

    def _edit_requirement(self, pm: PM) -> None:
        r = self._requirement(pm)
        if r is None:
            return
        name = self.rng.choice(("workaround", "told_customer", "title", "group"))
        seen = self._seen(pm, "requirement", r.uid, name)
        if name == "group":
            group = self.rng.choice(list(PoolGroup))
            requirement_pool.edit(
                pm.store,
                r.id or 0,
                {"group": group},
                reason=self.token(pm, "why"),
                override="agreed",
            )
            return  # three values only: exercised, not counted
        value = self.token(pm, name)
        requirement_pool.edit(pm.store, r.id or 0, {name: value})
        self.writes.append(Write("requirement", r.uid, name, value, pm.index, seen))

    def _edit_solution(self, pm: PM) -> None:
        r = self._requirement(pm)
        if r is None:
            return
        if r.solutions and self.rng.random() < 0.5:
            reason = self.token(pm, "reply")
            solutions.answer(pm.store, r.id or 0, SolutionAnswer.NEEDS_CHANGES, reason)
        else:
            reason = self.token(pm, "proposal")
            solutions.propose(pm.store, r.id or 0, reason, "because")
        self.entries.append(("requirement", r.uid, reason))

    def _edit_commitment(self, pm: PM) -> None:
        found = pm.store.all(Commitment)
        if not found:
            return
        c = self.rng.choice(found)
        today = pm.now().date()
        reason = self.token(pm, "reason")
        if c.state is not CommitmentState.OPEN:  # reopening clears the closing note it saw
            seen = self._seen(pm, "commitment", c.uid, "resolution_note")
            commitments.reopen(pm.store, c, today, reason)
            self.writes.append(Write("commitment", c.uid, "resolution_note", "", pm.index, seen))
        elif self.rng.random() < 0.6:
            seen = self._seen(pm, "commitment", c.uid, "due")
            due = (date(2027, 1, 1) + timedelta(days=next(self.tokens))).isoformat()
            commitments.reschedule(pm.store, c, date.fromisoformat(due), reason, today)
            self.writes.append(Write("commitment", c.uid, "due", due, pm.index, seen))
        else:
            seen = self._seen(pm, "commitment", c.uid, "resolution_note")
            state = self.rng.choice((CommitmentState.DONE, CommitmentState.DROPPED))
            commitments.close(pm.store, c, state, reason, today)
            self.writes.append(
                Write("commitment", c.uid, "resolution_note", reason, pm.index, seen)
            )
            return
        self.entries.append(("commitment", c.uid, reason))

    def _edit_note(self, pm: PM) -> None:
        if pm.index == 0 and self.rng.random() < 0.2:  # a note in a visit not shared
            text = self.token(pm, "draft")
            pm.store.save(Note(visit_id=self.draft.id or 0, text=text))
            self.private.append(text)
            return
        visits = [v for v in pm.store.all(Visit) if v.shared_at is not None]
        if not visits:
            return
        visit = self.rng.choice(visits)
        kind = self.rng.choice(("shared", "internal", "private", "personal", "pain"))
        text = self.token(pm, kind)
        note = Note(
            visit_id=visit.id or 0,
            text=text,
            internal=kind == "internal",
            private=kind == "private",
            kind="pain" if kind == "pain" else "note",
            goal=Goal.PERSONAL_CONNECTION if kind == "personal" else None,
            created_at=pm.now().replace(microsecond=0),
        )
        pm.store.save(note)
        if kind in ("private", "personal"):
            self.private.append(text)
        else:
            self.entries.append(("visit", visit.uid, text))

    def _edit_archive(self, pm: PM) -> None:
        visits = pm.store.all(Visit)
        visit = self.rng.choice(visits)
        set_archived(pm.store, "visit", visit.id or 0, visit.archived_at is None)

    def _edit_new(self, pm: PM) -> None:
        visits = [v for v in pm.store.all(Visit) if v.shared_at is not None]
        if not visits:
            return
        visit = self.rng.choice(visits)
        title = self.token(pm, "new-requirement")
        saved = pm.store.save(
            Requirement(customer_id=visit.customer_id, visit_id=visit.id, title=title, user="ops")
        )
        self.writes.append(Write("requirement", saved.uid, "title", title, pm.index, None))

    # -- syncing ------------------------------------------------------------------------------

    def sync(self, pm: PM, *, kill: bool = False) -> None:
        self.outcome.syncs += 1
        if not kill:
            sync(pm.store, pm.now())
            return
        self.outcome.killed += 1
        stop_at: int | str = 0
        if self.cut == "point":
            stop_at = self.rng.randint(1, self.points)
        elif self.cut != "time":
            stop_at = self.cut
        read, write = os.pipe()
        child = os.fork()
        if child == 0:  # a separate process with its own connection, as a second command
            os.close(read)
            try:
                if stop_at:  # the cut names its point through the pipe
                    CutPoints(stop_at, write).install()
                store = open_store(pm.db)
                store.now, store.member = pm.now, pm.member
                sync(store, pm.now())
            finally:
                os._exit(0)
        os.close(write)
        if stop_at:
            os.waitpid(child, 0)
        else:
            time.sleep(self.rng.uniform(0.0, 0.25))
            os.kill(child, signal.SIGKILL)
            os.waitpid(child, 0)
        with os.fdopen(read, "rb") as pipe:
            said = pipe.read().decode()
        if said:
            self.cuts.append((pm.index, said))
        if self.follow_up:
            self._edit_again(pm)

    def _edit_again(self, pm: PM) -> None:
        """The PM edits again the field it wrote last (a requirement's text, a due date)."""
        mine = [w for w in self.writes if w.pm == pm.index and w.field != "resolution_note"]
        if not mine:
            return
        last = mine[-1]
        seen = self._seen(pm, last.kind, last.uid, last.field)
        if last.kind == "requirement":
            [r] = pm.store.all(Requirement, "uid = ?", [last.uid])
            value: Any = self.token(pm, last.field)
            requirement_pool.edit(pm.store, r.id or 0, {last.field: value})
        else:
            [c] = pm.store.all(Commitment, "uid = ?", [last.uid])
            if c.state is not CommitmentState.OPEN:
                return
            value = (date(2027, 1, 1) + timedelta(days=next(self.tokens))).isoformat()
            reason = self.token(pm, "reason")
            commitments.reschedule(pm.store, c, date.fromisoformat(value), reason, pm.now().date())
            self.entries.append(("commitment", c.uid, reason))
        self.writes.append(Write(last.kind, last.uid, last.field, value, pm.index, seen))

    def together(self, pms: list[PM]) -> None:
        """Several PMs sync at the same moment (separate processes)."""
        children = []
        for pm in pms:
            self.outcome.syncs += 1
            child = os.fork()
            if child == 0:
                try:
                    store = open_store(pm.db)
                    store.now, store.member = pm.now, pm.member
                    sync(store, pm.now())
                    os._exit(0)
                except BaseException:
                    os._exit(1)
            children.append(child)
        for child in children:
            os.waitpid(child, 0)

    def run(self) -> Outcome:
        self.start()
        for number in range(self.rounds):
            for pm in self.pms:
                pm.round = number + 1
                for _ in range(self.rng.randint(1, 3)):
                    self.edit(pm)
            order = self.pms[:]
            self.rng.shuffle(order)
            if number == self.rounds // 2:
                self.together(order[:5])
                order = order[5:]
            for pm in order:
                if pm.index == len(self.pms) - 1 and self.offline[0] <= number < self.offline[1]:
                    continue
                self.sync(pm, kill=self.rng.random() < self.kill_share)
        for _ in range(2):  # everyone back online, nothing cut
            for pm in self.pms:
                sync(pm.store, pm.now())
        return self.check()

    # -- checking -----------------------------------------------------------------------------

    def value(self, pm: PM, kind: str, uid: str, name: str) -> Any:
        from interview_tui.team.records import MODELS

        found = pm.store.all(MODELS[kind], "uid = ?", [uid])
        if not found:
            return None
        return _local_record(pm.store, _Ids(pm.store), kind, found[0]).get(name)

    def check(self) -> Outcome:
        out = self.outcome
        out.writes = len(self.writes)
        replaced = {(w.uid, w.field, str(w.seen)) for w in self.writes}
        for pm in self.pms:
            conflicts = {(c.uid, c.field): c.values for c in actions.conflicts(pm.store)}
            out.conflicts = max(out.conflicts, len(conflicts))
            out.self_conflicts += self._self_conflicts(pm, conflicts)
            for w in self.writes:
                final = self.value(pm, w.kind, w.uid, w.field)
                if final == w.value or (w.uid, w.field, str(w.value)) in replaced:
                    continue
                key = "closing" if w.field == "resolution_note" else w.field
                values = [c["value"] for c in conflicts.get((w.uid, key), [])]
                if any(v == w.value or (isinstance(v, list) and w.value in v) for v in values):
                    continue
                out.lost.append(f"pm{pm.index}: {w.kind} {w.uid[:8]} {w.field} = {w.value}")
            texts = self._texts(pm)
            for kind, uid, token in self.entries:
                if token not in texts.get(uid, ""):
                    out.entries_missing.append(f"pm{pm.index}: {kind} {uid[:8]} {token}")
        data = _objects(self.remote)
        out.private_leaks = [token for token in self.private if token.encode() in data]
        heads = {pm.index: _head(pm.store) for pm in self.pms}
        remote_head = subprocess.run(
            ["git", "--git-dir", str(self.remote), "rev-parse", "refs/heads/main"],
            capture_output=True,
            text=True,
        ).stdout.strip()
        out.diverged = [f"pm{i} at {h}" for i, h in heads.items() if h != remote_head]
        for pm in self.pms if remote_head and not out.diverged else []:
            from interview_tui.team.config import require_team
            from interview_tui.team.git import Git

            config = require_team(pm.store)
            if export_changes(pm.store, Git(config.clone), remote_head, config, pm.now()):
                out.diverged.append(f"pm{pm.index}: SQLite differs from the team's records")
        return out

    def _self_conflicts(self, pm: PM, conflicts: dict[tuple[str, str], Any]) -> list[str]:
        writer = {(w.uid, str(w.value)): w.pm for w in self.writes if w.value}

        def who(uid: str, value: Any) -> int:
            for part in value if isinstance(value, list) else [value]:
                if (uid, str(part)) in writer:
                    return writer[(uid, str(part))]
            return -1

        found = []
        for (uid, name), candidates in sorted(conflicts.items()):
            values = [c["value"] for c in candidates]
            pms = {who(uid, v) for v in values}
            if len(values) > 1 and len(pms) == 1 and -1 not in pms:
                found.append(f"pm{pm.index}: {uid[:8]} {name} {values} all by pm{pms.pop()}")
        return found

    def _texts(self, pm: PM) -> dict[str, str]:
        """Every entry text a record holds here (history reasons, replies, notes), by uid."""
        import json

        texts: dict[str, str] = {}
        for r in pm.store.all(Requirement):
            texts[r.uid] = json.dumps(
                [r.history, [s.model_dump(mode="json") for s in r.solutions]], ensure_ascii=False
            )
        for c in pm.store.all(Commitment):
            texts[c.uid] = json.dumps(c.history, ensure_ascii=False)
        for v in pm.store.all(Visit):
            texts[v.uid] = "\n".join(n.text for n in pm.store.notes(v.id or 0))
        return texts


def _head(store: Store) -> str:
    from interview_tui.team.config import BRANCH, require_team
    from interview_tui.team.git import Git

    return Git(require_team(store).clone).rev(BRANCH) or ""


def _objects(remote: Path) -> bytes:
    listed = subprocess.run(
        ["git", "--git-dir", str(remote), "rev-list", "--all", "--objects"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    oids = "\n".join(line.split()[0] for line in listed.splitlines()) + "\n"
    return subprocess.run(
        ["git", "--git-dir", str(remote), "cat-file", "--batch"],
        input=oids.encode(),
        capture_output=True,
        check=True,
    ).stdout
