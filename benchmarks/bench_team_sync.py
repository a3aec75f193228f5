"""A week's team sync on a career-sized team repository.

A PM database of N synthetic visits (``demo --visits N``, cached) joins a team whose
repository then holds every record of it: at 20,000 visits about 150,000 record files, as a
30-PM team gathers in about ten years. Each "week" a colleague pushes about 30 changed
records (from a clone of their own) and the PM changes about 30 through the services the
screens use; then the PM's ``team sync`` is timed (wall and CPU, git's processes included).

    python benchmarks/bench_team_sync.py [--visits 20000] [--weeks 10]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_startup import bench_db, scratch


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--visits", type=int, default=20000)
    parser.add_argument("--weeks", type=int, default=10)
    parser.add_argument("--changes", type=int, default=30, help="records changed per side")
    args = parser.parse_args()

    from interview_tui.domain.models import Commitment, Requirement
    from interview_tui.services import commitments, requirement_pool
    from interview_tui.store import open_store
    from interview_tui.team.commits import commit_files
    from interview_tui.team.config import BRANCH, require_team
    from interview_tui.team.git import Git, Identity
    from interview_tui.team.record_file import dumps, loads
    from interview_tui.team.sync import export_changes, init_team, sync

    work = scratch("itui-team-bench-")
    db = bench_db(args.visits, work)
    remote = work / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(remote)], check=True)
    store = open_store(db)
    now = datetime(2026, 12, 1, 9, 0)
    init_team(store, str(remote), "platform", "pm@example.com", "PM", now)
    with store.transaction():  # share everything at once (the CLI shares visit by visit)
        store.db.execute("UPDATE customers SET team = 'platform'")
        store.db.execute("UPDATE visits SET shared_at = ?", [now.isoformat()])
    config = require_team(store)
    git = Git(config.clone)
    started = time.perf_counter()
    files = export_changes(store, git, git.rev(BRANCH), config, now)
    first = commit_files(git, git.rev(BRANCH), files, config.identity, "everything")
    assert first is not None
    git.run("update-ref", BRANCH, first)
    store.set_meta("team.imported", first)
    store.db.execute("DELETE FROM team_outbox")
    store.conn.commit()
    git.run("push", "-q", "origin", f"{first}:{BRANCH}")
    took = time.perf_counter() - started
    print(f"team repository: {len(files):,} files, written in {took:.1f} s")
    size = subprocess.run(
        ["git", "--git-dir", str(remote), "count-objects", "-vH"], capture_output=True, text=True
    ).stdout
    print(" ".join(line for line in size.splitlines() if "size" in line))

    colleague = Git(work / "colleague.git")
    subprocess.run(["git", "init", "-q", "--bare", str(colleague.git_dir)], check=True)
    colleague.run("remote", "add", "origin", str(remote))
    rng = random.Random(1)
    paths = [p for p in files if p.startswith(("requirements/", "commitments/"))]
    wanted = 5 * args.changes * args.weeks
    requirements = [r.id for r in store.all(Requirement)][:wanted]
    promises = [c.id for c in store.all(Commitment, "state = 'open'")][:wanted]
    walls, cpus = [], []
    for week in range(args.weeks):
        now = now + timedelta(days=7)
        colleague.run("fetch", "-q", "origin", f"+{BRANCH}:{BRANCH}")
        head = colleague.rev(BRANCH)
        chosen = rng.sample(paths, args.changes)
        entries = colleague.tree_entries(head or "", chosen)
        blobs = colleague.read_blobs(sorted(set(entries.values())))
        changed = {}
        for path in chosen:
            record = loads(blobs[entries[path]])
            field = "workaround" if path.startswith("requirements/") else "owner_name"
            record[field] = f"colleague week {week}"
            record.setdefault("_by", {})[field] = {"by": "colleague@example.com", "at": str(now)}
            changed[path] = dumps(record)
        commit = commit_files(
            colleague, head, changed, Identity("colleague@example.com", "C"), f"week {week}"
        )
        colleague.run("push", "-q", "origin", f"{commit}:{BRANCH}")
        for n in range(args.changes):
            if n % 2:
                requirement_pool.edit(store, requirements.pop(), {"told_customer": f"week {week}"})
            else:
                found = store.get(Commitment, promises.pop())
                if found is not None and found.state.value == "open":
                    commitments.reschedule(
                        store,
                        found,
                        date(2027, 6, 1) + timedelta(days=week),
                        "waiting for their data",
                        now.date(),
                    )
        cpu, wall = _cpu(), time.perf_counter()
        result = sync(store, now)
        walls.append(time.perf_counter() - wall)
        cpus.append(_cpu() - cpu)
        print(
            f"week {week + 1}: sent {result.sent}, received {result.received}, "
            f"{walls[-1]:.2f} s wall, {cpus[-1]:.2f} s CPU"
        )
    print(
        json.dumps(
            {
                "files": len(files),
                "weeks": args.weeks,
                "wall_median": round(sorted(walls)[len(walls) // 2], 2),
                "wall_p95": round(_percentile(walls, 0.95), 2),
                "cpu_median": round(sorted(cpus)[len(cpus) // 2], 2),
                "cpu_p95": round(_percentile(cpus, 0.95), 2),
            }
        )
    )
    store.close()
    if os.environ.get("KEEP") is None:
        subprocess.run(["rm", "-rf", str(work)], check=False)


if __name__ == "__main__":
    main()
