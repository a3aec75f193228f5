"""The pure parts of benchmarks/bench_career.py (issue 26's table at every size): the growth
and goal verdict of a row, the one table it prints, the figure it reads for the demo row,
on made-up figures (nothing is started or timed)."""

from __future__ import annotations

import sys
from pathlib import Path

from rich.cells import cell_len

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import bench_career, bench_flat, bench_screens  # noqa: E402
from benchmarks.bench_career import Goal, Row, growth, table, verdict  # noqa: E402

SIZES = [1000, 5000, 20000, 50000]


def test_growth_is_the_last_size_over_the_first():
    row = Row("search", "s", values={1000: 0.12, 5000: 0.15, 20000: 0.19, 50000: 0.30})
    assert growth(row, SIZES) == 0.30 / 0.12
    assert growth(row, [1000]) is None  # one size: nothing grew
    assert growth(Row("x", "s", values={1000: 0.1}), SIZES) is None  # the last size missing
    # a difference that can be zero or negative has no growth
    assert growth(Row("x", "MiB/round", values={1000: -0.2, 50000: 0.4}), SIZES) is None


def test_a_goal_at_most_is_met_only_at_every_size():
    goal = Goal("≤ 1.1×", at_most=1.1)
    met = Row("start-up", "×", goal, {1000: 1.05, 5000: 1.08, 20000: 1.1, 50000: 1.09})
    assert verdict(met, SIZES) is True
    missed = Row("start-up", "×", goal, {1000: 1.05, 5000: 1.08, 20000: 1.1, 50000: 1.96})
    assert verdict(missed, SIZES) is False


def test_a_flat_goal_judges_the_growth_and_both_parts_must_hold():
    flat = Goal("flat", growth_at_most=1.2)
    assert verdict(Row("s", "s", flat, dict.fromkeys(SIZES, 0.12)), SIZES) is True
    grown = Row("s", "s", flat, {1000: 0.12, 5000: 0.15, 20000: 0.19, 50000: 0.30})
    assert verdict(grown, SIZES) is False
    both = Goal("≤ 1.1×, flat", at_most=1.1, growth_at_most=1.2)
    # under the bound everywhere, but grew 1.5× from the first size to the last
    assert verdict(Row("s", "×", both, {1000: 0.7, 50000: 1.05}), [1000, 50000]) is False
    assert verdict(Row("s", "×", both, {1000: 1.0, 50000: 1.05}), [1000, 50000]) is True
    # one size: flat cannot be told, but a bound already missed is missed
    assert verdict(Row("s", "s", flat, {1000: 0.12}), [1000]) is None
    assert verdict(Row("s", "×", both, {1000: 1.3}), [1000]) is False


def test_no_verdict_without_a_goal_or_with_a_size_missing():
    assert verdict(Row("bare", "ms", None, {1000: 80.0, 5000: 82.0}), [1000, 5000]) is None
    partial = Row("s", "s", Goal("≤ 0.15 s", 0.15), {1000: 0.1})
    assert verdict(partial, [1000, 5000]) is None


def test_the_table_has_a_column_per_size_the_growth_the_goal_and_the_verdict():
    rows = [
        Row(
            "commitments --due-soon, CPU",
            "s",
            Goal("≤ 0.15 s", 0.15),
            {1000: 0.30, 50000: 3.19},
            {1000: "wall 0.41 s"},
        ),
        Row("keys --json, CPU", "s", Goal("≤ 0.15 s", 0.15), {1000: 0.10, 50000: 0.11}),
        Row("(bare app's start-up)", "ms", None, {1000: 210.0}),
        Row("search 对账, CPU", "s", Goal("flat", growth_at_most=1.2), {1000: 0.12, 50000: 0.13}),
    ]
    lines = table(rows, [1000, 50000]).splitlines()
    head = [cell.strip() for cell in lines[0].strip("|").split("|")]
    assert head == ["what", "1,000 visits", "50,000 visits", "growth", "goal", "met"]
    assert set(lines[1]) == {"|", "-"}
    due = [cell.strip() for cell in lines[2].strip("|").split("|")]
    assert due == [
        "commitments --due-soon, CPU",
        "0.300 s (wall 0.41 s)",
        "3.190 s",
        "10.63×",
        "≤ 0.15 s",
        "NO",
    ]
    keys = [cell.strip() for cell in lines[3].strip("|").split("|")]
    assert keys[-1] == "yes"
    bare = [cell.strip() for cell in lines[4].strip("|").split("|")]
    assert bare == ["(bare app's start-up)", "210 ms", "—", "—", "", ""]
    # columns line up in a terminal, where a Chinese character takes two columns
    assert len({cell_len(line) for line in lines}) == 1


def test_the_figures_saved_as_json_carry_the_verdict():
    row = Row("esc", "×", Goal("≤ 1.0×", 1.0), {1000: 0.98, 5000: 1.02}, {1000: "140 ms"})
    (saved,) = bench_career.figures([row], [1000, 5000])
    assert saved["values"] == {"1000": 0.98, "5000": 1.02}
    assert saved["notes"] == {"1000": "140 ms", "5000": ""}
    assert saved["met"] is False
    assert saved["growth"] == 1.02 / 0.98


def test_the_demo_row_is_read_from_the_performance_notes():
    text = (
        "| what | figure | floor |\n|---|---|---|\n"
        "| `demo --visits N` into a new file | 245 s of CPU, peak 213 MiB | ≤ 300 MiB\n"
    )
    assert bench_career.last_demo_figure(text) == ("245 s of CPU, peak 213 MiB", "≤ 300 MiB")
    figure, _ = bench_career.last_demo_figure((ROOT / "docs" / "performance.md").read_text())
    assert "MiB" in figure  # the real notes still have the row the script prints


def test_every_row_of_the_table_has_its_measure():
    """Each command row names a command of bench_flat.py and each screen of bench_screens.py
    has a row and a first-opening row, so a renamed command or a new screen is not dropped."""
    assert set(bench_career.COMMAND_NAMES) <= set(bench_flat.COMMANDS)
    keys = [key for key, _ in bench_career.row_specs(10, 20_000)]
    assert len(keys) == len(set(keys))
    for screen in bench_screens.SCREENS:
        assert f"screen {screen.name}" in keys
        assert f"first {screen.name}" in keys
    commands = set(bench_career.COMMAND_NAMES) - {"commitments --json"}
    assert commands | {"commitments --json per record", "commitments --json memory"} <= set(keys)
