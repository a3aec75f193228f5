"""Every way a sync can fail is one clear line, and nothing is lost or half-written."""

from __future__ import annotations

import subprocess
from pathlib import Path

from click.testing import CliRunner

from interview_tui.cli.main import cli
from interview_tui.i18n import set_language


def _run(db: Path, *args: str, env: dict[str, str] | None = None):
    result = CliRunner().invoke(cli, ["--db", str(db), "--lang", "en", *args], env=env)
    set_language("en")
    return result


def _team(tmp_path: Path) -> tuple[Path, Path]:
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(remote)], check=True)
    db = tmp_path / "ana" / "interview.db"
    assert _run(db, "demo").exit_code == 0
    assert _run(db, "team", "init", str(remote), "--name", "line", "--as", "a@x.com").exit_code == 0
    assert _run(db, "team", "share", "1").exit_code == 0
    assert _run(db, "team", "sync").exit_code == 0
    return db, remote


def _one_line(result) -> str:
    assert result.exit_code != 0 and "Traceback" not in result.output, result.output
    lines = [line for line in result.stderr.splitlines() if line.startswith("interview-tui")]
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_git_missing_is_one_line(tmp_path: Path) -> None:
    db, _ = _team(tmp_path)
    line = _one_line(_run(db, "team", "sync", env={"PATH": str(tmp_path / "empty")}))
    assert "git is not installed" in line


def test_a_rewritten_history_stops_the_sync(tmp_path: Path) -> None:
    db, remote = _team(tmp_path)
    other = tmp_path / "other.git"  # someone replaces the branch with an unrelated history
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(other)], check=True)
    tree = (
        subprocess.run(
            ["git", "--git-dir", str(other), "mktree"], input=b"", capture_output=True, check=True
        )
        .stdout.decode()
        .strip()
    )
    commit = (
        subprocess.run(
            [
                "git",
                "--git-dir",
                str(other),
                "-c",
                "user.name=x",
                "-c",
                "user.email=x@x",
                "commit-tree",
                tree,
                "-m",
                "new",
            ],
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .strip()
    )
    subprocess.run(
        [
            "git",
            "--git-dir",
            str(other),
            "push",
            "-q",
            "--force",
            str(remote),
            f"{commit}:refs/heads/main",
        ],
        check=True,
    )
    line = _one_line(_run(db, "team", "sync"))
    assert "rewritten" in line
    assert "shared" in _run(db, "team", "status").stdout  # still usable, nothing lost


def test_a_newer_format_is_refused_for_writing(tmp_path: Path) -> None:
    db, remote = _team(tmp_path)
    work = tmp_path / "newer"
    subprocess.run(["git", "clone", "-q", str(remote), str(work)], check=True)
    (work / "interview-team.toml").write_text('format = "interview-team"\nversion = 99\n')
    subprocess.run(
        [
            "git",
            "-C",
            str(work),
            "-c",
            "user.name=x",
            "-c",
            "user.email=x@x",
            "commit",
            "-qam",
            "newer",
        ],
        check=True,
    )
    subprocess.run(["git", "-C", str(work), "push", "-q"], check=True)
    before = subprocess.run(
        ["git", "--git-dir", str(remote), "rev-parse", "main"], capture_output=True, text=True
    ).stdout
    line = _one_line(_run(db, "team", "sync"))
    assert "newer interview-tui" in line
    after = subprocess.run(
        ["git", "--git-dir", str(remote), "rev-parse", "main"], capture_output=True, text=True
    ).stdout
    assert before == after  # nothing was written


def test_a_missing_repository_says_which_and_that_nothing_was_sent(tmp_path: Path) -> None:
    """git's failure ends with two lines of advice; the line shown is the cause, the
    status says nothing reached the team, and the change is sent by the next sync."""
    db, remote = _team(tmp_path)
    remote.rename(remote.with_name("moved.git"))
    assert _run(db, "commitments", "reschedule", "1", "2027-03-01", "--reason", "x").exit_code == 0
    result = _run(db, "team", "sync")
    assert result.exit_code == 1  # not synced: said on stderr, nothing on stdout
    assert result.stdout == ""
    assert f"no team repository there: '{remote}' does not appear to be a git repository" in (
        result.stderr
    )
    assert "and the repository exists" not in result.stderr
    remote.with_name("moved.git").rename(remote)
    assert _run(db, "team", "sync").stdout.startswith("sent 1, received 0")


def test_what_git_says_is_one_line_the_cause() -> None:
    from interview_tui.team.git import failure

    said = {
        "ssh: Could not resolve hostname gitlab.example.com: Name or service not known\n"
        "fatal: Could not read from remote repository.\n\n"
        "Please make sure you have the correct access rights\nand the repository exists.\n": (
            "the host was not found: "
            "ssh: Could not resolve hostname gitlab.example.com: Name or service not known"
        ),
        "fatal: unable to access 'https://x.example/y.git/': Could not resolve host: x.example\n": (
            "the host was not found: "
            "unable to access 'https://x.example/y.git/': Could not resolve host: x.example"
        ),
        "error: cannot lock ref 'refs/heads/main': Unable to create "
        "'/c/refs/heads/main.lock': File exists.\n\nAnother git process seems to be running "
        "in this repository\nremove the file manually to continue.\n": (
            "another git process holds the team clone (main.lock); if none is running, a sync "
            "in 2 minutes clears it"
        ),
        "hint: see git help\n": "hint: see git help",
        "": "git push failed",
    }
    for stderr, line in said.items():
        assert failure("push", stderr) == line
        assert failure("push", stderr.encode()) == line


def test_what_git_says_is_told_in_the_users_language_with_gits_own_words() -> None:
    """git writes English; what its failure means comes first, in the user's language, and
    git's line (the path or host it names) after it."""
    from interview_tui.team.git import failure

    said = {
        "fatal: '/srv/team.git' does not appear to be a git repository\n": (
            "那里没有团队仓库：'/srv/team.git' does not appear to be a git repository"
        ),
        "remote: Repository not found.\nfatal: repository 'https://git.example/t.git/' not "
        "found\n": "那里没有团队仓库：remote: Repository not found.",
        "ssh: connect to host git.example port 22: Connection refused\n": (
            "主机没有响应：ssh: connect to host git.example port 22: Connection refused"
        ),
        "fatal: unable to access 'https://git.example/t.git/': Failed to connect to "
        "git.example port 443 after 3 ms: Couldn't connect to server\n": (
            "主机没有响应：unable to access 'https://git.example/t.git/': Failed to connect to "
            "git.example port 443 after 3 ms: Couldn't connect to server"
        ),
        "git@git.example: Permission denied (publickey).\nfatal: Could not read from remote "
        "repository.\n": "没有访问权限：git@git.example: Permission denied (publickey).",
        "fatal: Authentication failed for 'https://git.example/t.git/'\n": (
            "没有访问权限：Authentication failed for 'https://git.example/t.git/'"
        ),
        "fatal: unable to access 'https://x.example/y.git/': Could not resolve host: x.example\n": (
            "找不到主机：unable to access 'https://x.example/y.git/': Could not resolve host: "
            "x.example"
        ),
        "error: src refspec main does not match any\n": (
            "error: src refspec main does not match any"
        ),
    }
    set_language("zh")
    try:
        for stderr, line in said.items():
            assert failure("fetch", stderr) == line
    finally:
        set_language("en")


def test_a_held_clone_is_said_in_the_users_language() -> None:
    from interview_tui.team.git import failure

    stderr = "fatal: Unable to create '/c/packed-refs.lock': File exists.\n"
    set_language("zh")
    try:
        assert failure("update-ref", stderr) == (
            "另一个 git 进程占用着团队克隆（packed-refs.lock）；如果并没有 git 在运行，"
            "2 分钟后的同步会自动清除它"
        )
    finally:
        set_language("en")
