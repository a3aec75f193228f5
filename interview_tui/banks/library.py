"""All banks the app knows: bundled ones and the user's, merged by question id."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from interview_tui.banks.loader import BankError, BankLoad, load_bank_file
from interview_tui.banks.schema import INDUSTRIES, Bank, BankCustomerQuestion, BankQuestion


def bundled_banks_dir() -> Path:
    """The banks shipped with the package (inside the wheel, or at the checkout's top)."""
    here = Path(__file__).resolve().parent.parent
    installed = here / "question_banks"
    return installed if installed.is_dir() else here.parent / "question_banks"


def bank_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.toml")) if folder.is_dir() else []


@dataclass(slots=True)
class BankLibrary:
    """Every bank load, in order: bundled first, then the user's (which win on ids)."""

    loads: list[BankLoad] = field(default_factory=list)

    @property
    def banks(self) -> list[Bank]:
        return [load.bank for load in self.loads if load.bank is not None]

    @property
    def errors(self) -> list[BankError]:
        return [error for load in self.loads for error in load.errors]

    def _selected(self, language: str | None, industries: Iterable[str] | None) -> list[Bank]:
        """Banks of a language and industries: bundled before the user's, general first."""
        wanted = None if industries is None else set(industries)
        chosen = [
            bank
            for bank in self.banks
            if (language is None or bank.language == language)
            and (wanted is None or bank.industry in wanted)
        ]
        return sorted(chosen, key=lambda bank: (bank.user, INDUSTRIES.index(bank.industry)))

    def questions(
        self, language: str | None = None, industries: Iterable[str] | None = None
    ) -> list[BankQuestion]:
        """Questions by id, a later (user) bank's question replacing an earlier one.

        ``industries`` keeps only banks written for those industries (``["general", "retail"]``);
        ``None`` keeps every bank.
        """
        merged: dict[str, BankQuestion] = {}
        for bank in self._selected(language, industries):
            merged.update((question.id, question) for question in bank.questions)
        return list(merged.values())

    def customer_questions(
        self, language: str | None = None, industries: Iterable[str] | None = None
    ) -> list[BankCustomerQuestion]:
        """Customer questions by id, filtered like :meth:`questions`."""
        merged: dict[str, BankCustomerQuestion] = {}
        for bank in self._selected(language, industries):
            merged.update((question.id, question) for question in bank.customer_questions)
        return list(merged.values())

    def industries(self, language: str | None = None) -> list[str]:
        """The industries the loaded banks are written for, in the schema's order."""
        present = {bank.industry for bank in self._selected(language, None)}
        return [industry for industry in INDUSTRIES if industry in present]

    def question(self, question_id: str) -> BankQuestion | None:
        return next((q for q in reversed(self.questions()) if q.id == question_id), None)


#: banks already parsed in this process: (path, user) -> (the file's stamp, its load)
_PARSED: dict[tuple[Path, bool], tuple[tuple[int, int, int], BankLoad]] = {}
_PARSED_LOCK = threading.Lock()


def _stamp(path: Path) -> tuple[int, int, int] | None:
    """What tells a changed file from the one parsed before: its modification time, size
    and inode (None: it cannot be read, so it is read again and says why)."""
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size, status.st_ino


def _load(path: Path, user: bool) -> BankLoad:
    """``path`` parsed once per process: parsed again only when the file has changed (a
    bank edited while the app runs is read anew; the 16 bundled ones cost a stat each)."""
    stamp = _stamp(path)
    key = (path, user)
    with _PARSED_LOCK:
        known = _PARSED.get(key)
    if stamp is not None and known is not None and known[0] == stamp:
        return known[1]
    load = load_bank_file(path, user=user)
    if stamp is not None and stamp == _stamp(path):  # unchanged while it was read
        with _PARSED_LOCK:
            _PARSED[key] = (stamp, load)
    return load


def load_library(
    bundled: Path | None = None, user: Path | None = None, extra: Iterable[Path] = ()
) -> BankLibrary:
    """Every bank; a broken file is kept as a load with errors, never raised. A file
    parsed before in this process and unchanged since is not parsed again (the loads are
    shared: nothing changes a loaded bank)."""
    from interview_tui.store.paths import user_banks_dir

    library = BankLibrary()
    for path in bank_files(bundled or bundled_banks_dir()):
        library.loads.append(_load(path, False))
    for path in [*bank_files(user or user_banks_dir()), *extra]:
        library.loads.append(_load(path, True))
    return library
