"""An adversarial harness for the product's trust promises, written from the promises alone.

    python benchmarks/adversarial.py                 # every family, every case
    python benchmarks/adversarial.py --quick         # the sample tests/test_adversarial.py runs
    python benchmarks/adversarial.py --family 4 5    # some families only

Each family is a generator of cases; a case is one input through one path with one check,
and yields ``(name, reason)``: ``reason`` is ``None`` when the promise holds, else one line
saying how it broke. The run prints, per family, the cases, the failures and each failure's
reason, then a summary table, and exits 1 when any case failed.

Families:

1. hostile text through every field (via the services the screens use) and every CLI output
2. hostile text on every screen (Textual pilot), plus the live editor in a real pty
3. typed keys land as typed (real bytes in a pty, one write), ESC 3 still tags goal 3
4. hostile files: settings.toml, keymap.toml, question banks, import JSON
5. databases that are not ours or are damaged
6. kill -9 during an import
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import email
import email.policy
import hashlib
import json
import os
import pty
import random
import re
import select
import shutil
import signal
import sqlite3
import stat
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

Result = tuple[str, str | None]
TODAY = date(2026, 11, 24)
NOW = datetime(2026, 11, 24, 9, 30)

# -- the hostile corpus ----------------------------------------------------------------------

#: (name, text); "1m" is only used by the full run (and in a few fields)
HOSTILE: list[tuple[str, str]] = [
    ("lbracket", "["),
    ("close-tag", "[/]"),
    ("bold", "[bold]x"),
    ("rich-link", "[link=https://e.com]x[/link]"),
    ("escaped", "\\[x\\]"),
    ("csi-clear", "\x1b[2J"),
    ("osc-title", "\x1b]0;TITLE\x07"),
    ("osc52", "\x1b]52;c;SGVsbG8=\x07"),
    ("sgr-red", "\x1b[31m"),
    ("bel", "a\x07b"),
    ("nul", "a\x00b"),
    ("del", "a\x7fb"),
    ("c1-csi", "\x9b31m"),
    ("c1-nel", "a\x85b"),
    ("cr", "a\rb"),
    ("lf", "a\nb"),
    ("crlf", "a\r\nb"),
    ("tab", "a\tb"),
    ("u2028", "a\u2028b"),
    ("u2029", "a\u2029b"),
    ("rlo", "\u202eevil"),
    ("lro-pdf", "\u202dx\u202c"),
    ("rli-pdi", "\u2067x\u2069"),
    ("surrogate", "a\ud800b"),
    ("zwj", "👩\u200d💻"),
    ("zwsp", "a\u200bb"),
    ("combining", "e\u0301\u0302\u0303"),
    ("cjk", "账单故障下周五"),
    ("emoji", "🎉🔥"),
    ("10k", "x" * 10_000),
    ("md-heading", "# h"),
    ("md-hr", "---"),
    ("md-hr-line", "x\n---\ny"),
    ("md-setext", "x\n==="),
    ("script", "<script>alert(1)</script>"),
    ("img", "<img src=x onerror=alert(1)>"),
    ("md-jslink", "[x](javascript:alert(1))"),
    ("autolink", "<https://e.com>"),
    ("pipe", "a | b |"),
    ("fence", "x\n```\ny"),
    ("placeholder", "{placeholder} {0}"),
    ("percent", "%s %d %(x)s"),
    ("header-inject", "x\r\nBcc: evil@e.com"),
    ("european", "£500k Hauptstraße ¡™¢∞§¶∑ éñç"),
    ("1m", "y" * 1_000_000),
]
BIG_ONLY = {"1m"}
QUICK_HOSTILE = ["osc52", "header-inject", "img"]
QUICK_SCREEN_HOSTILE = ["osc52", "rlo"]
#: the commands the quick sample runs
QUICK_COMMANDS = {
    "visits --json",
    "commitments",
    "search",
    "export report-md",
    "export json",
    "export eml -o",
    "export json -o",
    "export recap-md -o",
}

_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f\x80-\x9f" + _BIDI + "\ud800-\udfff]")
_SGR = re.compile(rb"\x1b\[[0-9;]*m")


def raw_controls(text: str) -> list[str]:
    """The raw control characters in rendered text (C0 but LF/TAB, DEL, C1, bidi overrides)."""
    return sorted({f"U+{ord(c):04X}" for c in _RAW.findall(text)})


def terminal_problems(output: bytes, baseline_sgr: int, crlf_format: bool = False) -> list[str]:
    """What a terminal would run in ``output``: an ESC other than SGR colours (and no more
    colour codes than the same command prints for plain text), BEL, NUL, DEL, C1, bidi, a CR
    that is not a line end."""
    problems = []
    sgr = len(_SGR.findall(output))
    rest = _SGR.sub(b"", output)
    if b"\x1b" in rest:
        at = rest.index(b"\x1b")
        problems.append(f"ESC {rest[at : at + 12]!r}")
    if sgr > baseline_sgr:
        problems.append(f"{sgr - baseline_sgr} colour codes more than for plain text")
    if crlf_format:
        rest = rest.replace(b"\r\r\n", b"\n")
    text = rest.decode("utf-8", "replace").replace("\r\n", "\n")
    found = [c for c in raw_controls(text) if c != "U+001B"]
    if found:
        problems.append("raw " + ",".join(found[:6]))
    return problems


# -- running the program ---------------------------------------------------------------------


def cli_env(db: Path, work: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INTERVIEW_TUI")}
    env.update(
        INTERVIEW_TUI_DB=str(db),
        INTERVIEW_TUI_CONFIG_DIR=str(work / "config"),
        INTERVIEW_TUI_LANG="en",
        HOME=str(work),
        LANG="C.UTF-8",
        TERM="xterm-256color",
        INTERVIEW_TUI_EMAIL="pm@example.com",  # e-mails need the PM's own sender
        XDG_DATA_HOME=str(work / "data"),
        XDG_CONFIG_HOME=str(work / "xdg"),
        COLUMNS="100",
        LINES="30",
    )
    return env


def run_pty(
    args: list[str], env: dict[str, str], timeout: float = 60, size: tuple[int, int] = (100, 30)
) -> tuple[int | None, bytes, float]:
    """Run ``interview-tui ARGS`` with stdin, stdout and stderr on a pty: (status, raw bytes
    written, seconds); status None when it was killed at the timeout."""
    import fcntl
    import struct
    import termios

    argv = [sys.executable, "-m", "interview_tui", *args]
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # child
        try:
            os.execvpe(argv[0], argv, env)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
    chunks: list[bytes] = []
    status: int | None = None
    try:
        while True:
            if time.perf_counter() - start > timeout:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                return None, b"".join(chunks), time.perf_counter() - start
            ready, _, _ = select.select([fd], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(fd, 1 << 16)
                except OSError:
                    chunk = b""
                if chunk:
                    chunks.append(chunk)
                    continue
                break
            done, code = os.waitpid(pid, os.WNOHANG)
            if done:
                status = os.waitstatus_to_exitcode(code)
                # drain what is left
                while select.select([fd], [], [], 0.05)[0]:
                    try:
                        chunk = os.read(fd, 1 << 16)
                    except OSError:
                        break
                    if not chunk:
                        break
                    chunks.append(chunk)
                return status, b"".join(chunks), time.perf_counter() - start
        _, code = os.waitpid(pid, 0)
        status = os.waitstatus_to_exitcode(code)
    finally:
        os.close(fd)
    return status, b"".join(chunks), time.perf_counter() - start


def run_pipe(
    args: list[str], env: dict[str, str], timeout: float = 60, stdin: bytes = b""
) -> tuple[int | None, bytes, bytes, float]:
    """(status, stdout, stderr, seconds); status None at the timeout."""
    import subprocess

    start = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "interview_tui", *args],
            env=env,
            input=stdin,
            capture_output=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired as exc:
        return None, exc.stdout or b"", exc.stderr or b"", time.perf_counter() - start
    return done.returncode, done.stdout, done.stderr, time.perf_counter() - start


def exit_problem(status: int | None, err: bytes, *, allow_error: bool = True) -> str | None:
    """None when the command succeeded, or failed with one line and no traceback."""
    if status is None:
        return "hung (killed at the timeout)"
    text = err.decode("utf-8", "replace")
    if "Traceback" in text:
        return "traceback: " + last_line(text)
    if status == 0:
        return None
    if not allow_error:
        return f"exit {status}: {last_line(text)}"
    lines = [line for line in text.replace("\r\n", "\n").splitlines() if line.strip()]
    if status < 0:
        return f"killed by signal {-status}"
    if len(lines) != 1:
        return f"exit {status} with {len(lines)} lines on stderr: {last_line(text)}"
    return None


def last_line(text: str) -> str:
    lines = [line for line in text.replace("\r", "").splitlines() if line.strip()]
    return (lines[-1] if lines else "(nothing)")[:160]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "-"


def strings(data: object) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from strings(key)
            yield from strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from strings(value)


# -- a database holding one hostile text in every field ----------------------------------------


def _fit(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit]


#: the fields a huge text goes into (the rest get a short token only)
BIG_FIELDS = {"note.text", "requirement.scenario", "commitment.text"}


class NotStorable(Exception):
    """The text cannot be stored at all (a lone surrogate), refused cleanly by the model."""


def build_db(path: Path, hostile: str, big: bool = False) -> dict[str, object]:
    """A database with one customer, two people, one done visit and everything a visit holds,
    each field holding ``zqNq <hostile> qzNz`` (N the field's number), made through the
    services the screens use. Returns {"values": {field: text stored}, "ids": {...}}; raises
    :class:`NotStorable` when the models refuse the text (a lone surrogate)."""
    values: dict[str, str] = {}
    counter = [0]

    def v(field: str, limit: int | None = None) -> str:
        counter[0] += 1
        n = counter[0]
        text = hostile if (not big or field in BIG_FIELDS) else "plain"
        if limit is not None:
            text = _fit(text, limit)
        value = f"zq{n}q {text} qz{n}z"
        values[field] = value
        return value

    try:
        return _build(path, hostile, big, values, v)
    except (UnicodeEncodeError, ValueError) as exc:
        # the models refuse text that is not Unicode (pydantic's string_unicode): clean
        if isinstance(exc, UnicodeEncodeError) or "string_unicode" in str(exc):
            raise NotStorable(str(exc).splitlines()[0]) from exc
        raise


def _build(path: Path, hostile: str, big: bool, values: dict[str, str], v) -> dict[str, object]:
    from interview_tui.domain.enums import (
        CommitmentState,
        Goal,
        OwnerSide,
        Role,
        SolutionAnswer,
    )
    from interview_tui.domain.models import Customer, CustomerQuestion, Person
    from interview_tui.services import commitments as commitment_service
    from interview_tui.services import solutions
    from interview_tui.services.customers import save_customer
    from interview_tui.services.live_session import LiveSession
    from interview_tui.services.plan import save_item
    from interview_tui.services.script_builder import add_own
    from interview_tui.services.visits import save_visit
    from interview_tui.store import open_store

    path.parent.mkdir(parents=True, exist_ok=True)
    store = open_store(path)
    store.now = lambda: NOW
    try:
        customer = Customer(
            name=v("customer.name", 150), industry=v("customer.industry"), notes=v("customer.notes")
        )
        owner = v("person2.name", 150)
        people = [
            Person(
                customer_id=0,
                name=v("person.name", 150),
                title=v("person.title"),
                role=Role.BUSINESS,
                contact=v("person.contact"),
            ),
            Person(
                customer_id=0,
                name=owner,
                title="CTO",
                role=Role.TECH_DECISION,
                contact="cto@example.com " + v("person2.contact"),
            ),
        ]
        values["person2.contact"] = people[1].contact
        form = save_customer(store, customer, people)
        assert form.customer is not None
        cid = int(form.customer.id)
        visit = save_visit(
            store,
            None,
            dict(
                customer_id=cid,
                date=datetime(2026, 11, 20, 10),
                purpose=v("visit.purpose"),
                attendee_ids=[int(p.id) for p in form.people],
                give_back=[v("visit.give_back")],
                sales_told=v("visit.sales_told"),
                do_not_say=v("visit.do_not_say"),
                may_promise=v("visit.may_promise"),
                must_not_promise=v("visit.must_not_promise"),
                product_brief=v("visit.product_brief"),
            ),
        )
        vid = int(visit.id)
        items: list = []
        item = add_own(store, vid, v("item.text"), Role.BUSINESS, Goal.PAIN_POINTS, items)
        item = item.model_copy(
            update={
                "research": v("item.research"),
                "purpose": v("item.purpose"),
                "follow_ups": [v("item.follow_up")],
            }
        )
        save_item(store, item)
        store.save(
            CustomerQuestion(
                visit_id=vid, text=v("customer_question.text"), answer=v("customer_question.answer")
            )
        )
        session = LiveSession.open(store, vid, NOW)
        first = session.items[0] if session.items else None
        session.type(first, v("note.text"))
        session.new_note(None)
        session.type(None, v("free_note.text"))
        session.flush()
        ours = session.add_commitment(
            v("commitment.text"),
            OwnerSide.US,
            v("commitment.owner_name"),
            date(2026, 12, 4),
            today=TODAY,
        )
        session.add_commitment(
            v("customer_commitment.text"), OwnerSide.CUSTOMER, owner, date(2026, 12, 8), today=TODAY
        )
        closing = session.add_commitment(
            v("closed_commitment.text"), OwnerSide.US, "", date(2026, 12, 1), today=TODAY
        )
        requirement = session.add_requirement(
            title=v("requirement.title"),
            user=v("requirement.user"),
            scenario=v("requirement.scenario"),
            pain=v("requirement.pain"),
            originator=v("requirement.originator"),
            solution_idea=v("requirement.solution_idea"),
            product_details=v("requirement.product_details"),
            workaround=v("requirement.workaround"),
            told_customer=v("requirement.told_customer"),
        )
        session.add_pain(
            v("pain.text"), v("pain.action"), first, owner_name="PM", due=date(2026, 12, 10)
        )
        session.set_next_step(v("visit.next_step"), end=True)
        session.wait_written() if session.writer is not None else None
        commitment_service.reschedule(
            store,
            commitment_service.find(store, int(ours.id)),
            date(2026, 12, 11),
            v("commitment.reschedule_reason"),
            TODAY,
        )
        commitment_service.close(
            store,
            commitment_service.find(store, int(closing.id)),
            CommitmentState.DROPPED,
            v("commitment.close_note"),
            TODAY,
        )
        solutions.propose(store, int(requirement.id), v("solution.text"), v("solution.reasoning"))
        solutions.answer(
            store, int(requirement.id), SolutionAnswer.NEEDS_CHANGES, v("solution.reply_reason")
        )
        ids = {
            "customer": cid,
            "visit": vid,
            "requirement": int(requirement.id),
            "commitment": int(ours.id),
            "person": int(form.people[0].id),
        }
    finally:
        store.close()
    return {"values": values, "ids": ids}


# -- family 1: hostile text through every CLI output -------------------------------------------


#: (label, args after the visit id is put in, runs on a terminal?)
def cli_commands(vid: int, out: Path, quick: bool = False) -> list[tuple[str, list[str]]]:
    tty = [
        ("visits", ["visits"]),
        ("visits --json", ["visits", "--json"]),
        ("commitments", ["commitments"]),
        ("commitments --json", ["commitments", "--json"]),
        ("search", ["search", "zq1q"]),
        ("search --json", ["search", "zq1q", "--json"]),
        ("calendar", ["calendar"]),
    ]
    tty += [(f"export {f}", ["export", str(vid), "--format", f]) for f in FORMATS]
    files = [
        (
            f"export {f} -o",
            ["export", str(vid), "--format", f, "-o", str(out / f"x.{f}"), "--force"],
        )
        for f in FORMATS
    ]
    files.append(("calendar -o", ["calendar", "-o", str(out / "cal.ics"), "--force"]))
    return [c for c in tty + files if c[0] in QUICK_COMMANDS] if quick else tty + files


FORMATS = ("report-md", "recap-md", "eml", "chase-eml", "ics", "json")
MD_KINDS = ("heading_open", "hr", "html_block", "html_inline", "link_open", "image")


def md_tokens(data: bytes) -> Counter:
    from markdown_it import MarkdownIt

    counts: Counter = Counter()
    for token in MarkdownIt("commonmark").parse(data.decode("utf-8", "replace")):
        counts[token.type] += 1
        for child in token.children or ():
            counts[child.type] += 1
    return counts


def eml_shape(data: bytes) -> tuple[list[str], list[str]]:
    """(header names, header values) of the message and its parts."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    names, values = [], []
    for part in message.walk():
        for name, value in part.items():
            names.append(name.lower())
            values.append(str(value))
    return names, values


def ics_shape(data: bytes) -> list[tuple[str, tuple[str, ...]]]:
    import icalendar

    calendar = icalendar.Calendar.from_ical(data)
    return sorted((c.name, tuple(sorted(c.keys()))) for c in calendar.walk())


class Baseline:
    """The outputs of every command for a database of plain text: what the structure of
    each output is when no text is hostile."""

    def __init__(self, work: Path, quick: bool = False) -> None:
        self.work = work / "baseline"
        self.db = self.work / "db" / "interview.db"
        built = build_db(self.db, "plain words")
        self.vid = int(built["ids"]["visit"])
        env = cli_env(self.db, self.work)
        (self.work / "out").mkdir(parents=True, exist_ok=True)
        self.sgr: dict[str, int] = {}
        self.files: dict[str, bytes] = {}
        for label, args in cli_commands(self.vid, self.work / "out", quick):
            if "-o" in args:
                run_pipe(args, env)
            else:
                _, output, _ = run_pty(args, env)
                self.sgr[label] = len(_SGR.findall(output))
        for f, name in [*((f, f"x.{f}") for f in FORMATS), ("calendar", "cal.ics")]:
            if (self.work / "out" / name).exists():
                self.files[f] = (self.work / "out" / name).read_bytes()
        self.md = {
            f: md_tokens(self.files[f]) for f in ("report-md", "recap-md") if f in self.files
        }
        self.eml = {
            f: sorted(eml_shape(self.files[f])[0]) for f in ("eml", "chase-eml") if f in self.files
        }
        self.ics = {f: ics_shape(self.files[f]) for f in ("ics", "calendar") if f in self.files}


def family_cli(work: Path, quick: bool, seed: int) -> Iterator[Result]:
    baseline = Baseline(work, quick)
    corpus = [(n, h) for n, h in HOSTILE if (n in QUICK_HOSTILE if quick else True)]
    for name, hostile in corpus:
        yield from _cli_one(work / f"cli-{name}", name, hostile, baseline, quick)


def _cli_one(
    work: Path, name: str, hostile: str, baseline: Baseline, quick: bool
) -> Iterator[Result]:
    db = work / "db" / "interview.db"
    try:
        built = build_db(db, hostile, big=name in BIG_ONLY)
    except NotStorable as exc:  # a lone surrogate: refused by the models, cleanly
        print(f"  ({name}: not storable: {str(exc)[:80]}; skipped)", file=sys.stderr)
        return
    except Exception as exc:
        yield f"{name}: save through the services", f"{type(exc).__name__}: {exc}"[:200]
        return
    values: dict[str, str] = built["values"]  # type: ignore[assignment]
    vid = int(built["ids"]["visit"])  # type: ignore[index]
    env = cli_env(db, work)
    out = work / "out"
    out.mkdir(parents=True, exist_ok=True)
    for label, args in cli_commands(vid, out, quick):
        if "-o" in args:
            status, _, err, _ = run_pipe(args, env)
            yield f"{name}: {label}: exit", exit_problem(status, err, allow_error=False)
            problems = terminal_problems(err, 0)
            yield f"{name}: {label}: stderr", "; ".join(problems) or None
            continue
        status, output, _ = run_pty(args, env)
        yield f"{name}: {label}: exit", exit_problem(status, output, allow_error=False)
        crlf = any(word in label for word in ("ics", "calendar", "eml"))
        problems = terminal_problems(output, baseline.sgr.get(label, 0), crlf)
        yield f"{name}: {label}: terminal bytes", "; ".join(problems) or None
    # the files written with -o
    files = {f: out / f"x.{f}" for f in FORMATS}
    files["calendar"] = out / "cal.ics"
    data = {f: p.read_bytes() for f, p in files.items() if p.exists()}
    if "json" in data:
        try:
            found = set(strings(json.loads(data["json"])))
        except ValueError as exc:
            yield f"{name}: export json -o: parses", str(exc)[:160]
            found = set()
        for field, value in values.items():
            yield (
                f"{name}: export json -o: {field} exact",
                None if value in found else "not found exactly in the JSON export",
            )
    for f in ("report-md", "recap-md"):
        if f not in data:
            continue
        counts = md_tokens(data[f])
        for kind in MD_KINDS:
            extra = counts[kind] - baseline.md[f][kind]
            yield (
                f"{name}: {f}: no {kind} from user text",
                f"{extra} more {kind} than for plain text" if extra > 0 else None,
            )
    for f in ("eml", "chase-eml"):
        if f not in data:
            continue
        try:
            names, header_values = eml_shape(data[f])
        except Exception as exc:
            yield f"{name}: {f}: parses", f"{type(exc).__name__}: {exc}"[:160]
            continue
        extra = Counter(names) - Counter(baseline.eml[f])
        yield (
            f"{name}: {f}: no injected header",
            f"headers not in the plain mail: {sorted(extra)}" if extra else None,
        )
        broken = [value for value in header_values if "\n" in value or "\r" in value]
        yield (
            f"{name}: {f}: header values one line",
            f"header value with a line break: {broken[0][:60]!r}" if broken else None,
        )
    for f in ("ics", "calendar"):
        if f not in data:
            continue
        try:
            shape = ics_shape(data[f])
        except Exception as exc:
            yield f"{name}: {f}: icalendar parses", f"{type(exc).__name__}: {exc}"[:160]
            continue
        yield (
            f"{name}: {f}: same components and properties as plain text",
            None
            if shape == baseline.ics[f]
            else f"differs: {sorted(set(shape) ^ set(baseline.ics[f]))[:2]}",
        )
    # JSON lists printed for scripts hold the exact text
    for label, args, fields in (
        ("visits --json", ["visits", "--json"], ["customer.name"]),
        (
            "commitments --json",
            ["commitments", "--json"],
            ["commitment.text", "commitment.owner_name", "customer_commitment.text"],
        ),
    )[1 if quick else 0 :]:
        status, stdout, err, _ = run_pipe(args, env)
        try:
            found = set(strings(json.loads(stdout)))
        except ValueError as exc:
            yield f"{name}: {label} (pipe): parses", f"{exc}: {err[-120:]!r}"
            continue
        for field in fields:
            yield (
                f"{name}: {label} (pipe): {field} exact",
                None if values[field] in found else "not found exactly",
            )


# -- family 2: hostile text on every screen ----------------------------------------------------


def screen_routes(ids: dict[str, int]) -> list[tuple[str, str, dict, tuple[str, ...]]]:
    """(label, route, kwargs, keys pressed once it shows) for every screen and main dialog."""
    v, c, r, m = ids["visit"], ids["customer"], ids["requirement"], ids["commitment"]
    return [
        ("home", "home", {}, ()),
        ("customer form", "customer", {"customer_id": c}, ()),
        ("visit form", "visit_form", {"visit_id": v}, ()),
        ("plan", "plan", {"visit_id": v}, ()),
        ("plan tab 2", "plan", {"visit_id": v}, ("tab", "right")),
        ("plan tab 3", "plan", {"visit_id": v}, ("tab", "right", "right")),
        ("plan tab 4", "plan", {"visit_id": v}, ("tab", "right", "right", "right")),
        ("script", "script", {"visit_id": v}, ()),
        ("rehearse", "rehearse", {"visit_id": v}, ()),
        ("live", "live", {"visit_id": v}, ()),
        ("live commitment dialog", "live", {"visit_id": v}, ("ctrl+t",)),
        ("live requirement dialog", "live", {"visit_id": v}, ("ctrl+r",)),
        ("commitments", "commitments", {}, ()),
        ("commitment detail", "commitment", {"commitment_id": m}, ()),
        ("requirements pool", "requirements", {}, ()),
        ("requirement detail", "requirement", {"requirement_id": r}, ()),
        ("search", "search", {}, (*tuple("zq1q"), "enter")),
        ("timeline", "timeline", {"customer_id": c}, ()),
        ("matrix", "matrix", {}, ()),
        ("export", "export", {"visit_id": v}, ()),
        ("help", "home", {}, ("f1",)),
    ]


def _rendered(app) -> str:
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


async def _walk_screens(db: Path, name: str, quick: bool) -> list[Result]:
    from interview_tui.i18n import set_language
    from interview_tui.store import open_store
    from interview_tui.tui.app import build_app
    from interview_tui.tui.routes import available

    results: list[Result] = []
    store = open_store(db)
    set_language("en")
    try:
        ids = _ids_of(store)
        routes = [r for r in screen_routes(ids) if available(r[1])]
        if quick:
            routes = [
                r for r in routes if r[0] in ("home", "live", "commitments", "requirement detail")
            ]
        for label, route, kwargs, keys in routes:
            case = f"{name}: {label}"
            app = build_app(
                store, initial=(route, kwargs), today=lambda: TODAY, now=lambda: NOW, animate=False
            )
            try:
                async with app.run_test(size=(120, 36)) as pilot:
                    await _settle(pilot)
                    for key in keys:
                        await pilot.press(key)
                        await _settle(pilot)
                    found = raw_controls(_rendered(app))
                    await pilot.resize_terminal(80, 24)
                    await _settle(pilot)
                    found += raw_controls(_rendered(app))
                results.append((case, f"raw {sorted(set(found))} on screen" if found else None))
            except Exception as exc:
                results.append((case, f"{type(exc).__name__}: {str(exc)[:140]}"))
    finally:
        store.close()
    return results


async def _settle(pilot) -> None:
    from textual.worker import WorkerCancelled

    app = pilot.app
    for _ in range(300):
        with contextlib.suppress(WorkerCancelled):
            await app.workers.wait_for_complete()
        await pilot.pause()
        writer = getattr(app, "writer", None)
        busy = any(w.is_running for w in app.workers) or any(
            getattr(s, "busy", False) for s in app.screen_stack
        )
        if not busy and not (writer and writer.pending):
            await pilot.pause(0.05)
            return
        await asyncio.sleep(0.01)


def _ids_of(store) -> dict[str, int]:
    one = lambda sql: int(store.query(sql)[0]["id"])  # noqa: E731
    return {
        "customer": one("SELECT min(id) AS id FROM customers"),
        "visit": one("SELECT min(id) AS id FROM visits"),
        "requirement": one("SELECT min(id) AS id FROM requirements"),
        "commitment": one("SELECT min(id) AS id FROM commitments"),
    }


def family_screens(work: Path, quick: bool, seed: int) -> Iterator[Result]:
    corpus = [(n, h) for n, h in HOSTILE if (n in QUICK_SCREEN_HOSTILE if quick else True)]
    for name, hostile in corpus:
        db = work / f"screens-{name}" / "interview.db"
        try:
            build_db(db, hostile, big=name in BIG_ONLY)
        except NotStorable:
            continue
        except Exception as exc:
            yield f"{name}: save through the services", f"{type(exc).__name__}: {exc}"[:200]
            continue
        yield from asyncio.run(_walk_screens(db, name, quick))
    yield from _live_editor_pty(work)


def _live_editor_pty(work: Path) -> Iterator[Result]:
    """The live editor holding OSC title and clipboard sequences, in a real terminal."""
    from interview_tui.store import open_store

    db = work / "pty-live" / "interview.db"
    build_db(db, "plain")
    store = open_store(db)
    try:
        from interview_tui.domain.models import Note

        vid = _ids_of(store)["visit"]
        item = store.script(vid)[0]
        note = next(n for n in store.notes(vid) if n.script_item_id == item.id)
        note.text = "zqPWq \x1b]0;PWNED\x07 and \x1b]52;c;SGVsbG8=\x07 end"
        store.save(note)
        store.save(Note(visit_id=vid, text="free \x1b]0;PWNED\x07 \x1b]52;c;SGVsbG8=\x07"))
    finally:
        store.close()
    env = cli_env(db, work / "pty-live")
    output, error = _pty_session(["live", str(vid)], env, b"zqPWq", [b"\x1bOB", b"\x1bOA"])
    if error:
        yield "pty live editor: opens and shows the note", error
    for needle, label in ((b"\x1b]0;PWNED", "OSC 0 title"), (b"\x1b]52", "OSC 52 clipboard")):
        yield (
            f"pty live editor: no {label} written",
            f"the app wrote {needle!r} to the terminal" if needle in output else None,
        )


def _pty_session(
    args: list[str], env: dict[str, str], wait_for: bytes, keys: list[bytes], timeout: float = 40
) -> tuple[bytes, str | None]:
    """Run the TUI in a pty until ``wait_for`` shows, send ``keys``, quit; (raw bytes, error)."""
    from tests.pty_terminal import Terminal

    term = Terminal(args, env, size=(120, 36))
    seen = bytearray()
    error = None
    try:
        end = time.perf_counter() + timeout
        while wait_for not in seen and time.perf_counter() < end:
            seen += term.read(0.1)
        if wait_for not in seen:
            error = f"{wait_for!r} never shown"
        for key in keys:
            term.send(key)
            stop = time.perf_counter() + 1.0
            while time.perf_counter() < stop:
                seen += term.read(0.05)
    finally:
        term.kill()
    return bytes(seen), error


# -- family 3: typed keys land as typed --------------------------------------------------------

GOAL_PROBE = "kg1 goal probe gk1"
EUROPEAN = ["£", "ß", "¡", "™", "¢", "∞", "§", "¶", "∑", "é", "ñ", "ç", "账", "単", "한"]


def family_keys(work: Path, quick: bool, seed: int) -> Iterator[Result]:
    """Each character typed into each field (in one write, Tab between fields) is stored."""
    from interview_tui.store import open_store

    db = work / "keys" / "interview.db"
    build_db(db, "plain")
    store = open_store(db)
    vid = _ids_of(store)["visit"]
    store.close()
    env = cli_env(db, work / "keys")
    chars = EUROPEAN[:5] if quick else EUROPEAN
    typed = "".join(chars)
    note = f"kn1 {typed} nk1"
    c_text, c_owner = f"kc1 {typed} ck1", f"ko1 {typed} ok1"
    r_user, r_scenario, r_pain = (f"k{x}1 {typed} {x}k1" for x in "usp")
    from tests.pty_terminal import Terminal

    term = Terminal(["live", str(vid)], env, size=(120, 36))
    error = None
    errors: dict[str, str] = {}

    def step(name: str, keys: bytes, shows: str, *, dialog: bool = False) -> None:
        """Write ``keys`` at once, wait for ``shows``; a dialog is saved with ctrl+s. A step
        that times out is recorded and the next one still runs."""
        try:
            term.send(keys)
            term.wait_for_screen(shows, timeout=15)
            term.drain(0.6)
            if dialog:
                term.send(b"\x13")
                term.wait_for_screen(shows, timeout=15, gone=True)
                term.drain(0.6)
        except (TimeoutError, OSError) as exc:
            errors[name] = f"pty, {name}: " + str(exc).splitlines()[0][:120]
            if dialog:
                term.send(b"\x1b")  # close the dialog (its draft is kept)
                term.drain(1.0)

    try:
        term.wait_for_screen("zq", timeout=40)
        term.drain(0.5)
        # a new note, then alt+3 (ESC 3): goal 3 is tagged and nothing is typed
        step("goal", b"\x0a" + GOAL_PROBE.encode(), "kg1")
        step("goal", b"\x1b3", "Note tagged")
        # a new free note, typed at once
        step("note", b"\x0a" + note.encode(), "nk1")
        # the commitment dialog: text, Tab to the owner side, Tab to the owner name
        step(
            "commitment", b"\x14" + c_text.encode() + b"\t\t" + c_owner.encode(), "ok1", dialog=True
        )
        step(
            "requirement",
            b"\x12" + r_user.encode() + b"\t" + r_scenario.encode() + b"\t" + r_pain.encode(),
            "pk1",
            dialog=True,
        )
        term.send(b"\x1b")
        term.drain(1.5)
    except TimeoutError as exc:
        errors["open"] = "pty: " + str(exc).splitlines()[0][:150]
    finally:
        term.kill()
    error = errors.get("open")
    status, stdout, err, _ = run_pipe(["export", str(vid), "--format", "json"], env)
    try:
        data = json.loads(stdout)
    except ValueError:
        yield "export json after typing", f"exit {status}: {last_line(err.decode())}"
        return
    texts = {
        "live note": [n["text"] for n in data.get("notes", [])],
        "commitment text": [c["text"] for c in data.get("commitments", [])],
        "commitment owner": [c.get("owner_name", "") for c in data.get("commitments", [])],
        "requirement user": [r.get("user", "") for r in data.get("requirements", [])],
        "requirement scenario": [r.get("scenario", "") for r in data.get("requirements", [])],
        "requirement pain": [r.get("pain", "") for r in data.get("requirements", [])],
    }
    expected = {
        "live note": note,
        "commitment text": c_text,
        "commitment owner": c_owner,
        "requirement user": r_user,
        "requirement scenario": r_scenario,
        "requirement pain": r_pain,
    }
    for field, want in expected.items():
        marker = want.split()[0]
        got = next((t for t in texts[field] if marker in t), None)
        why = error or errors.get(field.split()[0].replace("live", "note"))
        for char in chars:
            case = f"{field}: {char!r} typed"
            if got is None:
                yield case, why or f"no {field} holding {marker!r} was saved"
            else:
                yield (
                    case,
                    None if got.count(char) == 1 and want in got else (f"stored {got[:60]!r}"),
                )
    row = next((n for n in data.get("notes", []) if "kg1" in n["text"]), None)
    yield (
        "alt+3 (ESC 3) tags goal 3 and types nothing",
        error or errors.get("goal", "the probe note was not saved")
        if row is None
        else None
        if (row.get("goal") == "usage_vendors" and row["text"] == GOAL_PROBE)
        else f"goal {row.get('goal')!r}, text {row['text'][-20:]!r}",
    )


# -- family 4: hostile files -------------------------------------------------------------------


def _variants(kind: str, quick: bool) -> list[tuple[str, Callable[[Path], None]]]:
    """(name, make(path)) for every hostile variant of a file."""
    valid = {
        "settings": 'lang = "en"\n',
        "keymap": '"live.commitment" = "ctrl+t"\n',
        "bank": (ROOT / "question_banks" / "en" / "general.toml").read_text("utf-8"),
        "import": "",  # filled by the caller (a real export)
    }[kind]
    deep = {
        "import": "[" * 5000 + "]" * 5000,
        "settings": "x = " + "[" * 5000 + "]" * 5000 + "\n",
    }.get(kind, "a = " + "[" * 5000 + "]" * 5000 + "\n")

    def write(data: bytes) -> Callable[[Path], None]:
        return lambda p: p.write_bytes(data)

    def fifo(p: Path) -> None:
        os.mkfifo(p)

    def folder(p: Path) -> None:
        p.mkdir()

    def zero(p: Path) -> None:
        p.symlink_to("/dev/zero")

    def huge(p: Path) -> None:
        with p.open("wb") as f:
            f.write(b'x = "')
            block = b"a" * (1 << 20)
            for _ in range(100):
                f.write(block)
            f.write(b'"\n')

    rng = random.Random(hash(kind) & 0xFFFF)
    one_mb = (
        ('title = "' + "m" * (1 << 20) + '"\n')
        if kind != "import"
        else (json.dumps({"visit": {"purpose": "m" * (1 << 20)}}))
    )
    variants: list[tuple[str, Callable[[Path], None]]] = [
        ("binary", write(bytes(rng.randrange(256) for _ in range(4096)))),
        ("utf-16", write(valid.encode("utf-16") if valid else '{"a": 1}'.encode("utf-16"))),
        ("invalid utf-8", write(b'lang = "\xff\xfe\xc3"\n')),
        ("nul bytes", write(b"\x00" * 64 + valid.encode()[:200])),
        ("empty", write(b"")),
        ("fifo", fifo),
        ("folder", folder),
        ("symlink to /dev/zero", zero),
        ("nested 5000 deep", write(deep.encode())),
        ("1 MB value", write(one_mb.encode())),
        ("truncated", write(valid.encode()[: len(valid) // 2] if valid else b'{"visit": {')),
    ]
    if not quick:
        variants.append(("100 MB", huge))
    else:
        keep = {
            "settings": ("binary",),
            "keymap": ("nested 5000 deep",),
            "bank": (),
            "import": ("utf-16",),
        }[kind]
        variants = [x for x in variants if x[0] in keep]
    return variants


#: (file kind, where the file goes, commands that read it)
def _file_targets(config: Path, vid: int, work: Path) -> list[tuple[str, Path, list[list[str]]]]:
    imp = work / "import.json"
    return [
        (
            "settings",
            config / "settings.toml",
            [["settings"], ["visits"], ["export", str(vid), "--format", "ics"]],
        ),
        ("keymap", config / "keymap.toml", [["keys"]]),
        (
            "bank",
            config / "question_banks" / "hostile.toml",
            [["banks"], ["lint", str(config / "question_banks" / "hostile.toml")]],
        ),
        ("import", imp, [["import", str(imp)]]),
    ]


def _check_run(
    case: str,
    args: list[str],
    env: dict[str, str],
    db: Path,
    *,
    changes_db: bool = False,
    limit: float = 10,
) -> Iterator[Result]:
    """The command ends within ``limit`` seconds (a few, on a loaded machine; killed at
    ``limit`` + 5) with success or one line, and leaves the database as it was."""
    before = digest(db)
    status, _, err, seconds = run_pipe(args, env, timeout=limit + 5, stdin=b"")
    # lint's job is to report what is wrong with a file: its report may take several lines
    problem = (
        exit_problem(status, err, allow_error=True)
        if args[0] != "lint"
        else (
            "hung (killed at the timeout)"
            if status is None
            else "traceback: " + last_line(err.decode("utf-8", "replace"))
            if b"Traceback" in err
            else None
        )
    )
    if problem is None and seconds > limit:
        problem = f"took {seconds:.1f} s"
    yield f"{case}: exits in time, one line or success", problem
    if not changes_db:
        after = digest(db)
        yield f"{case}: database unchanged", None if after == before else "the database changed"


def family_files(work: Path, quick: bool, seed: int) -> Iterator[Result]:
    base = work / "files"
    db = base / "interview.db"
    built = build_db(db, "plain")
    vid = int(built["ids"]["visit"])
    env = cli_env(db, base)
    config = base / "config"
    export = base / "export.json"
    run_pipe(["export", str(vid), "--format", "json", "-o", str(export)], env)
    exported = export.read_text("utf-8")
    for kind, target, commands in _file_targets(config, vid, base):
        for variant, make in _variants(kind, quick):
            target.parent.mkdir(parents=True, exist_ok=True)
            _remove(target)
            if kind == "import" and variant == "utf-16":
                target.write_bytes(exported.encode("utf-16"))
            elif kind == "import" and variant == "truncated":
                target.write_text(exported[: len(exported) // 2])
            else:
                make(target)
            for args in commands[:1] if quick else commands:
                yield from _check_run(
                    f"{kind} {variant}: {' '.join(args[:1])}", args, env, db, changes_db=False
                )
            _remove(target)
    yield from _special_files(base, db, env, vid, exported, quick)


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file() or (path.exists() and not path.is_dir()):
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)


def _special_files(
    base: Path, db: Path, env: dict[str, str], vid: int, exported: str, quick: bool
) -> Iterator[Result]:
    config = base / "config"
    config.mkdir(parents=True, exist_ok=True)
    keymaps = {
        "ctrl+ctrl+?": '"live.commitment" = "ctrl+ctrl+?"\n',
        "one key, two actions": '"live.commitment" = "ctrl+t"\n"live.requirement" = "ctrl+t"\n',
        "unknown binding id": '"no.such.binding" = "ctrl+t"\n',
        "empty key": '"live.commitment" = ""\n',
        "control in key": '"live.commitment" = "\\u001b[2J"\n',
    }
    for name, text in list(keymaps.items())[: 1 if quick else None]:
        (config / "keymap.toml").write_text(text)
        yield from _check_run(f"keymap {name}: keys", ["keys"], env, db)
        status, out, err, _ = run_pipe(["keys"], env)
        yield (
            f"keymap {name}: keys reports it (non-zero exit or a warning)",
            None if status != 0 or err.strip() else "accepted silently",
        )
    (config / "keymap.toml").unlink()
    # imports with tricky content, each into a fresh copy of the database
    data = json.loads(exported)
    cases: list[tuple[str, dict, Callable[[Path], str | None]]] = []
    dup = json.loads(exported)
    if dup.get("notes"):
        dup["notes"].append(dict(dup["notes"][0], text="a different text, same uid"))
    cases.append(("duplicate uids", dup, lambda p: None))
    twins = json.loads(exported)
    people = twins.get("people") or twins.get("customer", {}).get("people") or []
    if people:
        clone = dict(
            people[0],
            uid="00000000-0000-4000-8000-000000000001",
            title="twin",
            id=max(int(p.get("id") or 0) for p in people) + 1000,
        )
        people.append(clone)
    twins_uid = twins.get("visit", {}).get("uid")
    cases.append(("two people with the same name", twins, lambda p: _two_people(p, env)))
    crlf = json.loads(exported)
    if isinstance(crlf.get("customer"), dict):
        crlf["customer"]["name"] = "Acme\r\nBcc: evil@e.com"
        crlf["customer"]["uid"] = "00000000-0000-4000-8000-000000000002"
    if isinstance(crlf.get("visit"), dict):
        crlf["visit"]["uid"] = "00000000-0000-4000-8000-000000000003"
    cases.append(("CR/LF in the customer name", crlf, lambda p: None))
    del data, twins_uid
    for name, payload, after in cases[1:2] if quick else cases:
        copy = base / f"import-{len(name)}.db"
        shutil.copy(db, copy)
        source = base / f"{name.replace(' ', '-').replace('/', '')}.json"
        source.write_text(json.dumps(payload, ensure_ascii=False))
        cenv = dict(env, INTERVIEW_TUI_DB=str(copy))
        yield from _check_run(
            f"import {name}", ["import", str(source)], cenv, copy, changes_db=True
        )
        yield f"import {name}: the result", after(copy)
        for args in (["visits"], ["export", str(vid), "--format", "eml"], ["calendar"])[
            : 0 if quick else None
        ]:
            yield from _check_run(f"import {name}, then {args[0]}", args, cenv, copy)
    # CR/LF in the subject of an e-mail
    for subject in ("Recap\r\nBcc: evil@e.com", "Recap\nX-Evil: 1", "Recap\x1b]0;T\x07")[
        : 1 if quick else None
    ]:
        args = ["export", str(vid), "--format", "eml", "--subject", subject]
        yield from _check_run(f"eml subject {subject!r}", args, env, db)
        status, out, err, _ = run_pipe(args, env)
        if status == 0:
            try:
                names, values = eml_shape(out)
                bad = [n for n in names if n in ("bcc", "x-evil")] or [
                    v for v in values if "\n" in v or "\r" in v or "\x1b" in v
                ]
                problem = f"header with a line break or raw control: {bad[:2]}" if bad else None
            except Exception as exc:
                problem = f"{type(exc).__name__}: {exc}"[:160]
        else:
            problem = None
        yield f"eml subject {subject!r}: no injected header, no raw control", problem
    # a due date 9999-12-31, then calendar
    far = base / "far.db"
    shutil.copy(db, far)
    conn = sqlite3.connect(far)
    conn.execute("UPDATE commitments SET due = '9999-12-31'")
    conn.commit()
    conn.close()
    fenv = dict(env, INTERVIEW_TUI_DB=str(far))
    for args in (
        ["calendar"],
        ["commitments"],
        ["export", str(vid), "--format", "ics"],
        ["export", str(vid), "--format", "report-md"],
    )[: 1 if quick else None]:
        yield from _check_run(f"due 9999-12-31: {' '.join(args[:3])}", args, fenv, far)
        status, out, err, _ = run_pipe(args, fenv)
        if args[-1] == "ics" or args == ["calendar"]:
            try:
                ics_shape(out)
                problem = None
            except Exception as exc:
                problem = f"{type(exc).__name__}: {exc}"[:160]
            yield f"due 9999-12-31: {args[0]}: icalendar parses", problem


def _two_people(db: Path, env: dict[str, str]) -> str | None:
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            "SELECT name, count(*) FROM people GROUP BY customer_id, name HAVING count(*) > 1"
        ).fetchall()
        titles = {r[0] for r in conn.execute("SELECT title FROM people")}
    finally:
        conn.close()
    if "twin" not in titles:
        return "the second person of the same name was dropped"
    return None if rows else "the two people of the same name became one"


# -- family 5: databases that are not ours or are damaged ---------------------------------------

READS = [
    ["visits"],
    ["visits", "--json"],
    ["commitments"],
    ["commitments", "--json"],
    ["search", "acme"],
    ["export", "1", "--format", "json"],
    ["export", "1", "--format", "report-md"],
    ["calendar"],
]


def family_databases(work: Path, quick: bool, seed: int) -> Iterator[Result]:
    base = work / "dbs"
    base.mkdir(parents=True, exist_ok=True)
    plain = base / "plain.db"
    build_db(plain, "plain")
    reads = READS if not quick else READS[:2]
    # a foreign SQLite file with our table names
    foreign = base / "foreign.db"
    conn = sqlite3.connect(foreign)
    for table in (
        "customers",
        "people",
        "visits",
        "notes",
        "commitments",
        "requirements",
        "script_items",
        "meta",
    ):
        conn.execute(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY, stuff BLOB, other TEXT)")
        conn.execute(f"INSERT INTO {table} (stuff, other) VALUES (x'00ff', 'not yours')")
    conn.commit()
    conn.close()
    for args in reads:
        env = cli_env(foreign, base)
        before = digest(foreign)
        status, out, err, _ = run_pipe(args, env, timeout=30)
        yield f"foreign db: {' '.join(args)}: one line", exit_problem(status, err)
        yield (
            f"foreign db: {' '.join(args)}: byte-identical",
            None if digest(foreign) == before else "the foreign file changed",
        )
        side = [p.name for p in base.iterdir() if p.name.startswith("foreign.db-")]
        yield (
            f"foreign db: {' '.join(args)}: no -wal/-shm left, not switched to WAL",
            f"left {side}; header {foreign.read_bytes()[18:20].hex()}"
            if side or foreign.read_bytes()[18:20] != b"\x01\x01"
            else None,
        )
    # a damaged database
    damaged = base / "damaged.db"
    shutil.copy(plain, damaged)
    with contextlib.suppress(FileNotFoundError):
        for suffix in ("-wal", "-shm"):
            (base / f"plain.db{suffix}").unlink()
    raw = bytearray(damaged.read_bytes())
    page = 4096
    rng = random.Random(seed)
    for n in range(1, len(raw) // page):
        if n % 2:
            raw[n * page + 8 : n * page + 200] = bytes(rng.randrange(256) for _ in range(192))
    damaged.write_bytes(bytes(raw))
    for args in reads:
        env = cli_env(damaged, base)
        status, out, err, _ = run_pipe(args, env, timeout=30)
        problem = exit_problem(status, err)
        if (
            problem is None
            and status != 0
            and not re.search(rb"recover|\.recover|backup", err, re.I)
        ):
            problem = f"the message names no recovery: {last_line(err.decode())}"
        if problem is None and status == 0 and not out.strip():
            problem = "exit 0 and nothing printed for a damaged database"
        yield f"damaged db: {' '.join(args)}", problem
    # a read-only file
    readonly = base / "readonly.db"
    shutil.copy(plain, readonly)
    readonly.chmod(0o400)
    for args in reads:
        env = cli_env(readonly, base)
        before = digest(readonly)
        status, out, err, _ = run_pipe(args, env, timeout=30)
        yield (
            f"read-only db: {' '.join(args)}: works",
            exit_problem(status, err, allow_error=False),
        )
        yield (
            f"read-only db: {' '.join(args)}: unchanged",
            None if digest(readonly) == before else "changed",
        )
    exported = base / "plain.json"
    run_pipe(["export", "1", "--format", "json", "-o", str(exported)], cli_env(plain, base))
    status, out, err, _ = run_pipe(["import", str(exported)], cli_env(readonly, base))
    yield "read-only db: import: one line", exit_problem(status, err)
    # an empty existing file as --db
    for args in (["demo"], ["import", str(exported)], ["visits"])[1 if quick else 0 :][
        : 1 if quick else None
    ]:
        empty = base / f"empty-{args[0]}.db"
        empty.write_bytes(b"")
        empty.chmod(0o644)
        status, out, err, _ = run_pipe(
            ["--db", str(empty), *args], cli_env(base / "x.db", base), timeout=60
        )
        yield f"empty file as --db: {args[0]}: one line or success", exit_problem(status, err)
        mode = stat.S_IMODE(empty.stat().st_mode)
        if empty.stat().st_size:
            yield (
                f"empty file as --db: {args[0]}: mode 0600 once it holds data",
                None if mode == 0o600 else f"mode {mode:04o}",
            )


# -- family 6: kill -9 during an import ---------------------------------------------------------


def family_kill(work: Path, quick: bool, seed: int) -> Iterator[Result]:
    import subprocess

    base = work / "kill"
    base.mkdir(parents=True, exist_ok=True)
    source = base / "big.db"
    build_db(source, "plain")
    from interview_tui.domain.models import Note
    from interview_tui.store import open_store

    store = open_store(source)
    vid = _ids_of(store)["visit"]
    count = 3000 if quick else 20000
    store.insert_many(Note(visit_id=vid, text=f"note {n} " + "w" * 200) for n in range(count))
    store.close()
    export = base / "big.json"
    run_pipe(["export", str(vid), "--format", "json", "-o", str(export)], cli_env(source, base))
    whole = json.loads(export.read_text())
    want_notes = len(whole["notes"])
    # the time a whole import takes, to spread the kill points over it
    probe = base / "probe.db"
    start = time.perf_counter()
    run_pipe(["import", str(export)], cli_env(probe, base), timeout=300)
    total = time.perf_counter() - start
    points = [0.5] if quick else [i / 12 for i in range(1, 12)] + [0.95, 1.05]
    for fraction in points:
        db = base / f"kill-{fraction:.2f}.db"
        env = cli_env(db, base)
        run_pipe(["visits"], env)  # nothing yet
        process = subprocess.Popen(
            [sys.executable, "-m", "interview_tui", "import", str(export)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(total * fraction)
        process.send_signal(signal.SIGKILL)
        process.wait()
        case = f"kill -9 at {fraction:.0%} of an import of {want_notes} notes"
        if not db.exists():
            yield case, None
            continue
        # reopening is what the promise is about: the next command finishes or removes a cut
        # import (and says so); only then must the visit be absent or whole
        status, _, err, _ = run_pipe(["visits", "--json"], env)
        yield f"{case}: visits afterwards", exit_problem(status, err)
        try:
            conn = sqlite3.connect(db)
            visits = conn.execute("SELECT id FROM visits").fetchall()
            notes = conn.execute("SELECT count(*) FROM notes").fetchone()[0]
            conn.close()
        except sqlite3.OperationalError as exc:
            if "no such table" not in str(exc):
                yield case, f"the database is unreadable: {exc}"
                continue
            visits, notes = [], 0  # killed before the tables were made: the visit is absent
        except sqlite3.DatabaseError as exc:
            yield case, f"the database is unreadable: {exc}"
            continue
        if not visits:
            yield case, None if notes == 0 else f"no visit but {notes} notes"
        else:
            yield case, None if notes == want_notes else f"visit with {notes}/{want_notes} notes"


# -- the run -----------------------------------------------------------------------------------

FAMILIES: dict[str, tuple[str, Callable[[Path, bool, int], Iterator[Result]]]] = {
    "1": ("hostile text through CLI outputs", family_cli),
    "2": ("hostile text on screens", family_screens),
    "3": ("typed keys land as typed", family_keys),
    "4": ("hostile files", family_files),
    "5": ("foreign / damaged databases", family_databases),
    "6": ("kill -9 during import", family_kill),
}


def run_family(key: str, work: Path, quick: bool, seed: int = 1) -> list[Result]:
    _, generator = FAMILIES[key]
    results: list[Result] = []
    try:
        for result in generator(work, quick, seed):
            results.append(result)
    except Exception as exc:
        import traceback

        results.append(
            (
                "harness",
                f"{type(exc).__name__}: {exc} "
                f"({traceback.extract_tb(exc.__traceback__)[-1].lineno})",
            )
        )
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the small sample pytest runs")
    parser.add_argument("--family", nargs="*", default=list(FAMILIES))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    options = parser.parse_args(argv)
    os.environ.setdefault("LANG", "C.UTF-8")
    work = Path(tempfile.mkdtemp(prefix="adversarial-"))
    summary = []
    try:
        for key in options.family:
            title = FAMILIES[key][0]
            start = time.perf_counter()
            results = run_family(key, work, options.quick, options.seed)
            seconds = time.perf_counter() - start
            failures = [(name, why) for name, why in results if why is not None]
            print(
                f"\n== {key}. {title}: {len(results)} cases, {len(failures)} failures "
                f"({seconds:.0f} s)",
                flush=True,
            )
            for name, why in failures:
                print(f"  FAIL {name}: {why}")
            reasons = Counter(_reason_kind(why) for _, why in failures)
            summary.append((key, title, len(results), len(failures), seconds, reasons))
    finally:
        if options.keep:
            print(f"work folder: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print("\nfamily                                   cases  failures  seconds  top reasons")
    for key, title, cases, failed, seconds, reasons in summary:
        top = "; ".join(f"{n}× {r}" for r, n in reasons.most_common(3))
        print(f"{key}. {title:<37} {cases:>6} {failed:>9} {seconds:>8.0f}  {top}")
    total = sum(s[2] for s in summary)
    failed = sum(s[3] for s in summary)
    print(f"{'all':<40} {total:>6} {failed:>9}")
    return 1 if failed else 0


def _reason_kind(why: str) -> str:
    return re.sub(r"\d+", "N", why.split(":")[0])[:50]


if __name__ == "__main__":
    sys.exit(main())
