"""``interview-tui lint``: schema errors and shallow questions, reported like a compiler."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

import click

from interview_tui.cli.helptext import Localised
from interview_tui.cli.main import Settings
from interview_tui.lint import LintResult, detect_language, lint_question, lint_text

EXIT_CLEAN, EXIT_SHALLOW, EXIT_BAD_INPUT = 0, 1, 2
#: From this many lines on standard input, the questions are linted on every core.
PARALLEL_FROM = 2_000


@dataclass(slots=True)
class Linted:
    """One linted question and where it came from."""

    result: LintResult
    path: str
    line: int
    question_id: str = ""
    follow_ups: list[LintResult] = field(default_factory=list)

    @property
    def shallow(self) -> bool:
        return self.result.shallow or any(follow_up.shallow for follow_up in self.follow_ups)

    def to_dict(self) -> dict[str, object]:
        data = self.result.to_dict()
        if self.question_id:
            data.update(path=self.path, line=self.line, id=self.question_id)
            data["follow_ups"] = [follow_up.to_dict() for follow_up in self.follow_ups]
        return data

    def lines(self) -> list[str]:
        """``path:line: id: code: message``, each followed by its suggestion, indented."""
        where = f"{self.path}:{self.line}: "
        out = []
        labelled = [(self.question_id, self.result)] + [
            (f"{self.question_id}/follow-up-{n}", r) for n, r in enumerate(self.follow_ups, 1)
        ]
        for label, result in labelled:
            prefix = where + (f"{label}: " if label else "")
            for finding in result.findings:
                if not finding.accepted:
                    out.append(f"{prefix}{finding.code}: {finding.message}")
                    from interview_tui.i18n import then_asked

                    out.append(f"    → {then_asked(finding.suggestion, finding.follow_up)}")
        return out


#: The most standard input ``lint -`` reads (about 300,000 questions).
MAX_STDIN_BYTES = 64 * 1024 * 1024


def read_stdin_lines(stream) -> list[str]:
    """Lines of a binary stream, as text files read them (``\\r\\n``, ``\\r``, ``\\n``).

    At most :data:`MAX_STDIN_BYTES` are read; more input, or bytes that are not UTF-8, end
    in one :class:`UserError` naming the byte offset.
    """
    from interview_tui.errors import UserError
    from interview_tui.reading import decode_utf8

    data = stream.read(MAX_STDIN_BYTES + 1)
    if len(data) > MAX_STDIN_BYTES:
        from interview_tui.i18n import t

        raise UserError(t("cli.lint.too_big", mib=MAX_STDIN_BYTES // 2**20))
    text = decode_utf8(data, "standard input", what="input")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def _lint_stdin(stream, ui_language: str | None) -> list[Linted]:
    """One result per line of input, blank lines included, in input order."""
    texts = read_stdin_lines(stream)
    results = _lint_texts(texts, ui_language)
    return [Linted(result, "-", number) for number, result in enumerate(results, start=1)]


def _lint_part(texts: list[str], ui_language: str | None) -> list[LintResult]:
    return [lint_text(text, ui_language=ui_language) for text in texts]


def _workers(count: int) -> int:
    """Processes worth starting for ``count`` questions: a long file uses every core."""
    if count < PARALLEL_FROM or sys.platform != "linux":
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(cores or 1, 4, count // (PARALLEL_FROM // 2)))


def _lint_texts(texts: list[str], ui_language: str | None) -> list[LintResult]:
    workers = _workers(len(texts))
    if workers == 1:
        return _lint_part(texts, ui_language)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # Load each language's model and rules before forking, so every worker starts warm.
    for language in {detect_language(text) for text in texts}:
        lint_text("？" if language == "zh-CN" else "?", language)
    size = -(-len(texts) // workers)
    parts = [texts[start : start + size] for start in range(0, len(texts), size)]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        done = pool.map(_lint_part, parts, [ui_language] * len(parts))
        return [result for part in done for result in part]


def _lint_bank(path: Path, errors: list[str], ui_language: str | None) -> list[Linted]:
    from interview_tui.banks.loader import load_bank_file

    load = load_bank_file(path)
    errors.extend(str(error) for error in load.errors)
    if load.bank is None:
        return []
    language = load.bank.language
    return [
        Linted(
            result=lint_question(question, language=language, ui_language=ui_language),
            path=str(path),
            line=question.line,
            question_id=question.id,
            follow_ups=[
                lint_text(
                    text, language, ui_language=ui_language, allow=question.allow, follow_up=True
                )
                for text in question.follow_ups
            ],
        )
        for question in load.bank.questions
    ]


@click.command("lint", cls=Localised)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
)
def lint(paths: tuple[Path, ...], output_format: str) -> None:
    """Check question bank files, or questions on standard input (PATH '-', one per line).

    Messages are written in the interface language (--lang); each flag's rewrite stays in
    the question's own language. With '-', the JSON array holds one object per input line,
    blank lines included, in input order.

    Exit status: 0 nothing shallow, 1 something shallow, 2 unreadable input or schema errors.
    """
    errors: list[str] = []
    linted: list[Linted] = []
    settings = click.get_current_context().find_object(Settings)
    ui_language = settings.language if settings else None
    for path in paths:
        if str(path) == "-":
            linted += _lint_stdin(sys.stdin.buffer, ui_language)
        elif path.is_dir():
            for bank_path in sorted(path.rglob("*.toml")):
                linted += _lint_bank(bank_path, errors, ui_language)
        else:
            linted += _lint_bank(path, errors, ui_language)

    if output_format == "json":
        # One object a line: readable, and the C encoder keeps 10,000 questions fast.
        items = ",\n".join(json.dumps(item.to_dict(), ensure_ascii=False) for item in linted)
        click.echo(f"[\n{items}\n]" if items else "[]")
    else:
        for item in linted:
            for line in item.lines():
                click.echo(line)
        shallow = sum(item.shallow for item in linted)
        asked = sum(bool(item.result.text.strip()) for item in linted)
        from interview_tui.i18n import t

        summary = t("cli.lint.summary", count=asked, shallow=shallow)
        schema = t("cli.lint.schema_errors", count=len(errors)) if errors else ""
        click.echo(summary + schema, err=True)
    for error in errors:
        click.echo(error, err=True)
    if errors:
        sys.exit(EXIT_BAD_INPUT)
    sys.exit(EXIT_SHALLOW if any(item.shallow for item in linted) else EXIT_CLEAN)
