"""The one module that runs git: argument lists, never a shell, one error type.

The user's own git does the work, so their credentials, SSH config and proxies just work.
Only ``fetch``, ``push`` and ``clone`` reach the network; everything else is local plumbing.
The team clone is bare: records are written as blobs into a private index, so a sync never
scans a work tree of 100,000 files.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

#: seconds a local git command may take; network commands get longer
LOCAL_TIMEOUT = 120
NETWORK_TIMEOUT = 600
#: a git lock file older than this was left by a process that died holding it: git holds
#: one for well under a second (a ref moved, the refs packed)
STALE_LOCK_SECONDS = 120
#: where git puts the lock files of a bare repository: folder, searched below it too, and
#: the names (``packed-refs.new``: the packed refs being written, kept as exclusively)
_LOCK_FOLDERS = (
    (".", False, ("*.lock", "packed-refs.new")),
    ("refs", True, ("*.lock",)),
    ("objects/info", True, ("*.lock",)),
    ("objects/pack", False, ("*.lock",)),
)


class GitError(Exception):
    """A git command failed; ``str()`` is one line for the user."""

    def __init__(self, message: str, *, stderr: str = "") -> None:
        super().__init__(message)
        self.stderr = stderr


class GitMissing(GitError):
    """No ``git`` on the PATH."""


@dataclass(frozen=True)
class Identity:
    """Who commits: a member's work e-mail and display name."""

    email: str
    name: str


@dataclass(frozen=True)
class Object:
    """One object as ``cat-file --batch`` gives it: its id, type and bytes."""

    oid: str
    type: str
    data: bytes


#: an object id (SHA-1 or SHA-256), optionally followed by ``:path``: a name that always
#: means the same object, so its answer can be kept
_FIXED = re.compile(r"^(?:[0-9a-f]{40}|[0-9a-f]{64})(?::.*)?$")


#: above this many paths, a commit's files are found by listing its whole tree (``ls-tree
#: -r``: ~0.06 s at 60,000 files) rather than looked up one path at a time (~0.1 ms each)
MANY_PATHS = 500


def git_path() -> str:
    found = shutil.which("git")
    if found is None:
        raise GitMissing("git is not installed (install git, then run the team command again)")
    return found


@dataclass
class Git:
    """Git commands on one repository (``git_dir``), with a private index file."""

    git_dir: Path
    #: answers to names that always mean the same object (an id, ``<commit id>:path``)
    known: dict[str, Object | None] = field(default_factory=dict, repr=False, compare=False)
    #: paths that differ between two commit ids, when already known (see remember_changes)
    diffs: dict[tuple[str, str], list[str]] = field(default_factory=dict, repr=False, compare=False)

    def env(self, index: Path | None = None, identity: Identity | None = None) -> dict[str, str]:
        env = {
            **os.environ,
            "GIT_DIR": str(self.git_dir),
            "GIT_TERMINAL_PROMPT": "0",  # a prompt would hang a sync; say so instead
            "LC_ALL": "C",  # messages we read are parsed in one language
        }
        env.pop("GIT_WORK_TREE", None)
        if index is not None:
            env["GIT_INDEX_FILE"] = str(index)
        if identity is not None:
            env.update(
                GIT_AUTHOR_NAME=identity.name or identity.email,
                GIT_AUTHOR_EMAIL=identity.email,
                GIT_COMMITTER_NAME=identity.name or identity.email,
                GIT_COMMITTER_EMAIL=identity.email,
            )
        return env

    def run(
        self,
        *args: str,
        input: bytes | None = None,
        index: Path | None = None,
        identity: Identity | None = None,
        check: bool = True,
        timeout: float = LOCAL_TIMEOUT,
        config: Sequence[str] = (),
    ) -> subprocess.CompletedProcess[bytes]:
        """Run ``git ARGS`` (with ``-c`` and each of ``config``, ``name=value``, before
        them); a failure raises :class:`GitError` with git's last line."""
        argv = [git_path(), *(part for setting in config for part in ("-c", setting)), *args]
        try:
            done = subprocess.run(
                argv,
                input=input,
                capture_output=True,
                env=self.env(index, identity),
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise GitError(f"git {args[0]} took longer than {timeout:.0f} s") from None
        if check and done.returncode != 0:
            raise GitError(failure(args[0], done.stderr), stderr=_text(done.stderr))
        return done

    def out(
        self,
        *args: str,
        input: bytes | None = None,
        index: Path | None = None,
        identity: Identity | None = None,
    ) -> str:
        """``git ARGS``'s output as text, stripped (see :meth:`run`)."""
        done = self.run(*args, input=input, index=index, identity=identity)
        return _text(done.stdout).strip()

    # -- objects --------------------------------------------------------------------------

    def write_blob(self, data: bytes) -> str:
        return self.out("hash-object", "-w", "--stdin", input=data)

    def write_blobs(self, blobs: Sequence[bytes]) -> list[str]:
        """Many blobs written by one git process (their ids in the same order)."""
        if len(blobs) < 2:
            return [self.write_blob(data) for data in blobs]
        import tempfile

        with tempfile.TemporaryDirectory(prefix="interview-team-") as tmp:
            paths = []
            for n, data in enumerate(blobs):
                path = Path(tmp) / str(n)
                path.write_bytes(data)
                paths.append(str(path))
            out = self.out(
                "hash-object",
                "-w",
                "--no-filters",
                "--stdin-paths",
                input=("\n".join(paths) + "\n").encode(),
            )
        return out.split()

    def read_blobs(self, oids: Sequence[str]) -> dict[str, bytes]:
        """Many blobs in one process (``cat-file --batch``)."""
        if not oids:
            return {}
        blobs: dict[str, bytes] = {}
        for oid, obj in zip(oids, self._batch(oids), strict=True):
            if obj is None:
                raise GitError(f"object {oid} is missing")
            blobs[oid] = obj.data
        return blobs

    def _batch(self, names: Sequence[str]) -> list[Object | None]:
        """The object each name names (``None``: it names nothing), in order, read by one
        ``cat-file --batch``."""
        done = self.run("cat-file", "--batch", input=("\n".join(names) + "\n").encode())
        data, pos = done.stdout, 0
        out: list[Object | None] = []
        for _ in names:
            end = data.index(b"\n", pos)
            header = data[pos:end].split(b" ")
            pos = end + 1
            if len(header) != 3 or not header[2].isdigit():  # "<name> missing"
                out.append(None)
            else:
                size = int(header[2])
                out.append(Object(_text(header[0]), _text(header[1]), data[pos : pos + size]))
                pos += size + 1
        return out

    def objects(self, names: Sequence[str]) -> dict[str, Object | None]:
        """Objects named any way git names one (an id, a ref, ``<commit>:<path>``), all read
        by one process (``cat-file --batch``); ``None`` for a name that names nothing. A
        commit's tree is remembered (see :meth:`tree_of`), and so is every object found by a
        name that cannot change (an object id, ``<commit id>:<path>``)."""
        found: dict[str, Object | None] = {n: self.known[n] for n in names if n in self.known}
        asked = [n for n in dict.fromkeys(names) if n not in found]
        if asked:
            for name, obj in zip(asked, self._batch(asked), strict=True):
                found[name] = obj
                if obj is not None:  # (a missing object may come with the next fetch)
                    if _FIXED.match(name):
                        self.known[name] = obj
                    self.known[obj.oid] = obj
                    if obj.type == "commit":
                        self.known[obj.oid + "^{tree}"] = self._tree_object(obj)
        return found

    def _tree_object(self, commit: Object) -> Object | None:
        first = commit.data.split(b"\n", 1)[0].split()
        if len(first) == 2 and first[0] == b"tree":
            return Object(_text(first[1]), "tree", b"")
        return None

    def tree_of(self, commit: str) -> str | None:
        """The tree id of a commit id (from the commit object, read once)."""
        key = commit + "^{tree}"
        if key not in self.known:
            obj = self.objects([commit])[commit]
            if obj is None or obj.type != "commit":
                return None
        tree = self.known.get(key)
        return tree.oid if tree is not None else None

    def files(self, commit: str, paths: Sequence[str]) -> dict[str, Object]:
        """path -> the blob at that path in ``commit``, for the named paths that hold one."""
        return self.files_of([(commit, paths)])[0]

    def files_of(
        self, wanted: Sequence[tuple[str | None, Sequence[str]]]
    ) -> list[dict[str, Object]]:
        """:meth:`files` of several (commit, paths), read by one process. A commit asked for
        a great many paths is listed whole instead (``ls-tree``, then its blobs by id)."""
        few = [(c, ps) for c, ps in wanted if c and 0 < len(ps) <= MANY_PATHS]
        found = self.objects([f"{c}:{p}" for c, ps in few for p in ps])
        out: list[dict[str, Object]] = []
        for commit, paths in wanted:
            files: dict[str, Object] = {}
            if commit and len(paths) > MANY_PATHS:
                entries = self.tree_entries(commit, paths)
                blobs = self.read_blobs(sorted(set(entries.values())))
                files = {p: Object(oid, "blob", blobs[oid]) for p, oid in entries.items()}
            elif commit:
                for path in paths:
                    obj = found[f"{commit}:{path}"]
                    if obj is not None and obj.type == "blob":
                        files[path] = obj
            out.append(files)
        return out

    def at_refs(self, refs: Sequence[str], paths: Sequence[str] = ()) -> dict[str, str | None]:
        """The commit each ref names (``None`` for none) and, for each of those commits, the
        files at ``paths`` (remembered as ``<commit id>:<path>``, so :meth:`files` answers
        them without git), all read by one process. A ref moved by another process between
        two of those reads gives the newer commit's files: ask only for files whose check a
        later sync makes again (the manifest, the member's file), never for records."""
        names = [*refs, *(f"{ref}:{path}" for ref in refs for path in paths)]
        found = self.objects(names)
        heads: dict[str, str | None] = {}
        for ref in refs:
            obj = found[ref]
            heads[ref] = head = obj.oid if obj is not None and obj.type == "commit" else None
            if head is not None:  # (the commit is here: a file it lacks never appears)
                for path in paths:
                    self.known[f"{head}:{path}"] = found[f"{ref}:{path}"]
        return heads

    def tree_entries(self, commit: str, paths: Sequence[str] = ()) -> dict[str, str]:
        """path -> blob id of every file of ``commit`` (or of the named paths)."""
        if not commit:
            return {}
        wanted = set(paths) if len(paths) > 500 else None  # too many to name on a command line
        named = [] if wanted is not None else list(paths)
        out = self.run("ls-tree", "-r", "-z", "--full-tree", commit, "--", *named).stdout
        entries: dict[str, str] = {}
        for item in out.split(b"\0"):
            if not item:
                continue
            meta, _, path = item.partition(b"\t")
            name = _text(path)
            if wanted is None or name in wanted:
                entries[name] = _text(meta.split()[2])
        return entries

    def changed_paths(self, old: str, new: str) -> list[str]:
        """Paths that differ between two commits (renames seen as delete + add)."""
        if (old, new) in self.diffs:
            return list(self.diffs[(old, new)])
        out = self.run("diff", "--name-only", "-z", "--no-renames", old, new).stdout
        return [_text(p) for p in out.split(b"\0") if p]

    def changed_paths_of(self, pairs: Sequence[tuple[str, str]]) -> list[list[str]]:
        """:meth:`changed_paths` of several (old, new) pairs of commit ids whose ``new`` all
        differ, by one process (``diff-tree --stdin``: each new commit's id, then its paths;
        nothing at all for a pair without a difference)."""
        news = [new for _, new in pairs]
        if len(set(news)) != len(news) or not all(_FIXED.match(n) for n in news):
            return [self.changed_paths(old, new) for old, new in pairs]
        lines = "".join(f"{new} {old}\n" for old, new in pairs)
        out = self.run(
            "diff-tree", "--stdin", "-r", "--name-only", "-z", "--no-renames", input=lines.encode()
        ).stdout
        found: dict[str, list[str]] = {new: [] for new in news}
        current: list[str] | None = None
        for item in out.split(b"\0"):
            name = _text(item)
            if name in found:  # a pair's header: the new commit's id
                current = found[name]
            elif item and current is not None:
                current.append(name)
        return [found[new] for new in news]

    def remember_changes(self, old: str, new: str, paths: Sequence[str]) -> None:
        """What differs between two commit ids, known without asking git (a merge knows
        what it changed): :meth:`changed_paths` answers it from here."""
        self.diffs[(old, new)] = sorted(paths)

    def remove_stale_locks(self, now: float | None = None) -> list[str]:
        """Remove the lock files a git process left when it died holding them (power lost,
        the app and its git killed): ``refs/heads/main.lock`` or ``packed-refs.lock``
        would stop every later ref update of every sync with "File exists", and
        ``packed-refs.new`` every later pack. Only those older than
        :data:`STALE_LOCK_SECONDS`, so a live git process keeps its own. Returns the paths
        removed, relative to the repository."""
        now = time.time() if now is None else now
        removed = []
        for name, below, patterns in _LOCK_FOLDERS:
            folder = self.git_dir / name
            found = (p for n in patterns for p in (folder.rglob(n) if below else folder.glob(n)))
            for path in found:
                try:
                    if path.is_file() and now - path.stat().st_mtime > STALE_LOCK_SECONDS:
                        path.unlink()
                        removed.append(path.relative_to(self.git_dir).as_posix())
                except FileNotFoundError:  # its process finished meanwhile
                    continue
        return removed

    def loose_objects(self) -> int:
        """How many loose objects the repository holds (the files of the 256 folders of
        ``objects/``: a few milliseconds for thousands)."""
        found, objects = 0, os.fspath(self.git_dir / "objects")
        for folder in range(256):
            try:
                with os.scandir(f"{objects}/{folder:02x}") as entries:
                    found += sum(1 for _ in entries)
            except (FileNotFoundError, NotADirectoryError):
                continue
        return found

    def rev(self, ref: str) -> str | None:
        done = self.run("rev-parse", "--verify", "--quiet", ref + "^{commit}", check=False)
        return _text(done.stdout).strip() or None

    def merge_base(self, a: str, b: str) -> str | None:
        done = self.run("merge-base", a, b, check=False)
        return _text(done.stdout).strip() or None

    def is_ancestor(self, a: str, b: str) -> bool:
        return self.run("merge-base", "--is-ancestor", a, b, check=False).returncode == 0


def _text(data: bytes) -> str:
    return data.decode("utf-8", "replace")


_HELD = re.compile(r"Unable to create '(?P<path>[^']+\.lock)': File exists")


#: lines git adds to a failure that say nothing of it ("and the repository exists." was
#: all a sync to a missing repository said)
_HINTS = ("hint:", "Please make sure you have the correct access rights", "and the repository")


def failure(command: str, stderr: bytes | str) -> str:
    """One line for the user of what git said when ``git COMMAND`` failed: its first line
    that is not a hint (the cause; what follows is its consequence), or what a lock held
    means for them."""
    from interview_tui.i18n import t

    text = stderr if isinstance(stderr, str) else _text(stderr)
    held = _HELD.search(text)
    if held:
        name, minutes = Path(held["path"]).name, STALE_LOCK_SECONDS // 60
        return t("team.clone_held", name=name, minutes=minutes)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    said = [line for line in lines if not line.startswith(_HINTS)]
    line = (said or lines or [f"git {command} failed"])[0].removeprefix("fatal: ")
    for cause, pattern in _CAUSES:
        if pattern.search(text):
            return t(cause, said=line)  # in the user's language; git's own words after it
    return line


#: what git's failures mean, in the user's language (git writes English), by its words
_CAUSES = (
    (
        "team.cause.no_repository",
        re.compile(
            r"does not appear to be a git repository|repository not found"
            r"|repository '[^']*' not found|repository '[^']*' does not exist",
            re.IGNORECASE,
        ),
    ),
    (
        "team.cause.no_host",
        re.compile(
            r"could not resolve host|name or service not known|nodename nor servname",
            re.IGNORECASE,
        ),
    ),
    (
        "team.cause.unreachable",
        re.compile(
            r"connection refused|timed out|network is unreachable|no route to host"
            r"|failed to connect",
            re.IGNORECASE,
        ),
    ),
    (
        "team.cause.denied",
        re.compile(
            r"permission denied|authentication failed|could not read username"
            r"|returned error: 40[13]",
            re.IGNORECASE,
        ),
    ),
)
