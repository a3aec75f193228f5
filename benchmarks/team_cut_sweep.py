"""Cut a team sync at every point, for several seeds, and count what was lost.

    python benchmarks/team_cut_sweep.py                      # seeds 1-3, every point by a write
    python benchmarks/team_cut_sweep.py --seeds 4 5 --points 1 2 30   # the k-th points
    python benchmarks/team_cut_sweep.py --time-runs 12       # plus the time-based kills

A point is right before or right after one git command or one SQLite commit of a sync
(tests/team_simulation.py, ``CutPoints``), named by its label ("after git update-ref 1").
First one full sync with work on both sides (an export, a merge, an import, a push) is
listed; then for each seed and each of its points next to a write (a cut beside a read
leaves the state a neighbouring cut leaves), a small simulation runs whose killed syncs all
stop at that point, the PM whose sync was cut edits again what it wrote last, and the
checker says whether a write or an entry was lost, the clones diverged, or a conflict holds
only one PM's values (the engine took a PM's own earlier write for a colleague's). Prints a
line per run and a summary; exits 1 when anything was lost.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.team_simulation import CutPoints, Outcome, Simulation


def count_points(tmp: Path) -> list[str]:
    """The cut points of one full sync: a PM with changes to send syncs after a colleague
    pushed, so it exports, commits, fetches, merges, imports and pushes."""
    sim = Simulation(tmp, pms=2, rounds=0, seed=1)
    sim.start()
    first, second = sim.pms
    for pm in (first, second):
        pm.round = 1
        for _ in range(3):
            sim.edit(pm)
    from interview_tui.team.sync import sync

    sync(second.store, second.now())
    read, write = os.pipe()
    child = os.fork()
    if child == 0:
        os.close(read)
        try:
            cuts = CutPoints()
            cuts.install()
            from interview_tui.store import open_store

            store = open_store(first.db)
            store.now, store.member = first.now, first.member
            sync(store, first.now())
            os.write(write, json.dumps(cuts.names).encode())
        finally:
            os._exit(0)
    os.close(write)
    os.waitpid(child, 0)
    with os.fdopen(read, "rb") as pipe:
        return json.loads(pipe.read() or b"[]")


#: what changes the state a cut leaves: a ref moved, objects fetched or pushed, a SQLite
#: commit (git commands that read, or write only unreferenced objects or a private index,
#: leave what a cut at the neighbouring point leaves)
WRITES = {"update-ref", "fetch", "push", "commit"}


def _writes(name: str) -> bool:
    return name.split()[-2] in WRITES


def run(seed: int, cut: int | str, args: argparse.Namespace) -> tuple[Simulation, Outcome]:
    with tempfile.TemporaryDirectory(prefix="team-cut-") as tmp:
        sim = Simulation(
            Path(tmp),
            pms=args.pms,
            points=args.max_point,
            rounds=args.rounds,
            seed=seed,
            kill_share=args.kill_share,
            offline=(1, args.rounds - 1),
            cut=cut,
            follow_up=not args.no_follow_up,
        )
        outcome = sim.run()
        for pm in sim.pms:
            pm.store.close()
        return sim, outcome


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--points", type=int, nargs="*", help="only these k (default: all)")
    parser.add_argument("--pms", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--kill-share", type=float, default=0.5)
    parser.add_argument(
        "--random-runs", type=int, default=0, help="runs per seed with k drawn for each cut"
    )
    parser.add_argument("--time-runs", type=int, default=0, help="time-based runs per seed")
    parser.add_argument(
        "--no-follow-up", action="store_true", help="no edit right after a cut sync"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="team-cut-") as tmp:
        names = count_points(Path(tmp))
    args.max_point = len(names) + 10  # a sync that merges twice has more
    print(f"a full sync has {len(names)} cut points:")
    for n, name in enumerate(names, 1):
        print(f"  {n:3d} {name}")
    ks: list[int | str] = list(args.points or [])
    if args.points is None:  # a cut after a read leaves what a cut before the next point leaves
        ks = [name for n, name in enumerate(names, 1) if n == 1 or _writes(name)]
        print(f"{len(ks)} of them leave different states (first, and before or after a write)")
    tried = lossy = cuts = selfish = 0
    started = time.monotonic()
    for seed in args.seeds:
        plans: list[str | int] = [
            *ks,
            *(["point"] * args.random_runs),
            *(["time"] * args.time_runs),
        ]
        for n, k in enumerate(plans):
            sim, outcome = run(seed * 1000 + n if k in ("point", "time") else seed, k, args)
            tried += 1
            cuts += len(sim.cuts) if k != "time" else outcome.killed
            if outcome.self_conflicts:
                selfish += 1
                print(f"seed {seed} k {k}: {len(outcome.self_conflicts)} self-conflicts")
                for line in outcome.self_conflicts[:3]:
                    print(f"    {line}")
            if outcome.clean:
                print(f"seed {seed} k {k}: clean ({len(sim.cuts)} cut)", flush=True)
                continue
            lossy += 1
            where = sorted({name for _, name in sim.cuts})
            print(
                f"seed {seed} k {k}: lost {len(outcome.lost)}"
                f" entries {len(outcome.entries_missing)}"
                f" leaks {len(outcome.private_leaks)}"
                f" diverged {len(outcome.diverged)}; cut at {where}"
            )
            for line in [*outcome.lost[:3], *outcome.diverged[:3]]:
                print(f"    {line}")
            sys.stdout.flush()
    print(
        f"runs {tried}, syncs cut {cuts}, runs that lost or diverged {lossy},"
        f" runs with a conflict of one PM with themself {selfish}"
        f" ({time.monotonic() - started:.0f} s)"
    )
    return 1 if lossy or selfish else 0


if __name__ == "__main__":
    raise SystemExit(main())
