"""Load one bank file, reporting every problem with its file, line, question id and field.

``tomllib`` gives no positions, so the loader reads the table headers' line numbers from the
text itself: the n-th ``[[questions]]`` header is the n-th question, and a field's line is
the line within that block where ``field =`` is written.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from interview_tui.banks.schema import Bank, BankCustomerQuestion, BankInfo, BankQuestion
from interview_tui.i18n import labelled, t
from interview_tui.i18n.validation import pydantic_message

_HEADER = re.compile(r"^\s*\[\[?\s*([A-Za-z_][\w.-]*)\s*\]\]?")
#: The largest bank file read (50,000 questions with research are about 25 MiB).
MAX_BANK_BYTES = 32 * 1024 * 1024
M = TypeVar("M", bound=BaseModel)
_SECTIONS: dict[str, type[BankQuestion | BankCustomerQuestion]] = {
    "questions": BankQuestion,
    "customer_questions": BankCustomerQuestion,
}


@dataclass(frozen=True, slots=True)
class BankError:
    """One problem in a bank file, printed as ``path:line: id: field: message``."""

    path: Path
    line: int
    message: str
    question_id: str = ""
    field: str = ""

    def __str__(self) -> str:
        parts = [f"{self.path}:{self.line}"]
        parts += [part for part in (self.question_id, self.field) if part]
        return ": ".join([*parts, self.message])


@dataclass(slots=True)
class BankLoad:
    """The result of loading one file: a bank when it is valid, and every error found."""

    path: Path
    bank: Bank | None = None
    errors: list[BankError] = field(default_factory=list)


class _Lines:
    """Line numbers of tables and keys in a TOML text (indexed once: linear in its size)."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.headers: list[tuple[str, int]] = []
        #: name -> positions in ``headers`` of its tables, in order
        self._by_name: dict[str, list[int]] = {}
        for number, line in enumerate(self.lines, start=1):
            if match := _HEADER.match(line):
                self._by_name.setdefault(match.group(1), []).append(len(self.headers))
                self.headers.append((match.group(1), number))

    def block(self, name: str, index: int) -> tuple[int, int]:
        """(first line, last line) of the index-th ``[[name]]`` block, 1-based."""
        positions = self._by_name.get(name, [])
        if index >= len(positions):
            return (1, len(self.lines) or 1)
        position = positions[index]
        start = self.headers[position][1]
        if position + 1 < len(self.headers):
            return (start, self.headers[position + 1][1] - 1)
        return (start, len(self.lines))

    def key(self, name: str, index: int, key: str) -> int:
        start, end = self.block(name, index)
        pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
        for number in range(start, end + 1):
            if pattern.match(self.lines[number - 1]):
                return number
        return start


def _describe(error: Mapping[str, Any]) -> tuple[str, str]:
    """(field, message) for one pydantic error."""
    loc = [str(part) for part in error["loc"]]
    field_name = loc[0] if loc else ""
    message = pydantic_message(error)
    if error["type"] == "extra_forbidden":
        message = t("bank.error.unknown_field")
    elif error["type"] == "missing":
        message = t("bank.error.missing_field")
    elif "input" in error and not isinstance(error["input"], dict | list):
        message = t("bank.error.got", message=message, value=repr(error["input"]))
    if len(loc) > 1 and loc[1].isdigit():
        message = t("bank.error.item", n=int(loc[1]) + 1, message=message)
    return field_name, message


def _validate(
    model: type[M], data: Any, **extra: Any
) -> tuple[M | None, Sequence[Mapping[str, Any]]]:
    try:
        if not isinstance(data, dict):
            raise TypeError
        return model.model_validate({**data, **extra}), []
    except ValidationError as exc:
        return None, exc.errors()
    except TypeError:
        return None, [{"loc": (), "msg": t("bank.error.table"), "type": "type"}]


def parse_bank(text: str, path: Path, *, user: bool = False) -> BankLoad:
    """Validate a bank's text; ``path`` is used for messages and kept on the bank."""
    from interview_tui.reading import ReadError, parse_toml

    load = BankLoad(path=path)
    try:
        data = parse_toml(text, path, what="bank")
    except ReadError as exc:
        load.errors.append(BankError(path, 1, exc.reason))
        return load
    except tomllib.TOMLDecodeError as exc:
        from interview_tui.reading import toml_problem

        line, where, why = toml_problem(exc)
        if line is None:  # at the end of the file: its last line
            line, why = max(1, text.count("\n") + (not text.endswith("\n"))), labelled(where, why)
        load.errors.append(BankError(path, line, t("bank.error.toml", message=why)))
        return load
    lines = _Lines(text)
    info_line = next((n for name, n in lines.headers if name == "bank"), 1)
    if "bank" in data:
        info, errors = _validate(BankInfo, data["bank"])
    else:
        info, errors = (
            None,
            [{"loc": (), "msg": t("bank.error.no_bank_table"), "type": "missing_table"}],
        )
    for error in errors:
        field_name, message = _describe(error)
        load.errors.append(BankError(path, info_line, message, "[bank]", field_name))
    for key in data.keys() - {"bank", *_SECTIONS}:
        load.errors.append(
            BankError(path, 1, t("bank.error.unknown_table", name=repr(key)), field=key)
        )

    parsed: dict[str, list[Any]] = {name: [] for name in _SECTIONS}
    for section, model in _SECTIONS.items():
        entries = data.get(section, [])
        if not isinstance(entries, list):
            load.errors.append(BankError(path, 1, t("bank.error.array"), field=section))
            continue
        seen: dict[str, int] = {}
        for index, entry in enumerate(entries):
            line = lines.block(section, index)[0]
            qid = str(entry.get("id", f"#{index + 1}")) if isinstance(entry, dict) else ""
            extra = {
                "line": line,
                "bank_id": info.id if info else "",
                "language": info.language if info else "",
            }
            item, errors = _validate(model, entry, **extra)
            for error in errors:
                field_name, message = _describe(error)
                field_line = lines.key(section, index, field_name) if field_name else line
                load.errors.append(BankError(path, field_line, message, qid, field_name))
            if qid in seen:
                load.errors.append(
                    BankError(path, line, t("bank.error.duplicate", line=seen[qid]), qid, "id")
                )
                continue
            seen[qid] = line
            if item is None:
                continue
            parsed[section].append(item)
    if info is not None and not load.errors:
        load.bank = Bank(
            info=info,
            path=path,
            questions=tuple(parsed["questions"]),
            customer_questions=tuple(parsed["customer_questions"]),
            user=user,
        )
    return load


def load_bank_file(path: Path, *, user: bool = False) -> BankLoad:
    """Read and validate one bank file; never raises for bad content."""
    from interview_tui.reading import ReadError, read_text

    try:
        text = read_text(path, what="bank", limit=MAX_BANK_BYTES)
    except ReadError as exc:
        return BankLoad(path=path, errors=[BankError(path, 1, exc.reason)])
    return parse_bank(text, path, user=user)
