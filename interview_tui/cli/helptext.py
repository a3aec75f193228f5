"""``--help`` in the interface language, without importing any command module.

Every command's help, its one-line summary and each option's help are catalog texts
(``help.<command path>``, ``help.<path>.summary``, ``help.<path>.opt.<parameter>``) read when
help is printed, so the language chosen by ``--lang`` (or ``INTERVIEW_TUI_LANG``, settings,
the locale) is the one shown. The usage line's placeholders (``[OPTIONS]``, ``VISIT``,
``TEXT`` …) are ``click.metavar.*`` texts. Chinese is wrapped by terminal cells, breaking
between characters (never before a closing mark), since click's wrapping counts a Chinese
character as one column and breaks only at spaces.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from collections.abc import Iterable
from functools import cache

import click
from click.formatting import HelpFormatter

#: where the chosen language is kept on the root context
_CHOSEN = "interview_tui.language"
#: an upper-case placeholder of a usage line or an option (VISIT, TEXT, [OPTIONS] …)
_METAVAR = re.compile(r"\b[A-Z][A-Z_]+\b")
#: a mark a line must not start with, and one it must not end with
_CLOSING = set("，。、；：！？）》」』】…,.;:!?)]}")
_OPENING = set("（《「『【([{")
_WIDE = "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"


@cache
def _token() -> re.Pattern[str]:
    """A run of spaces, one wide character, or a run of anything else (compiled when help
    is first written: its ranges take milliseconds, and opening the app writes none)."""
    return re.compile(f"\\s+|[{_WIDE}]|[^\\s{_WIDE}]+")


def use_language(ctx: click.Context, lang: str | None = None) -> str:
    """Choose the language once per run: ``lang``, else ``INTERVIEW_TUI_LANG``, ``lang`` in
    ``settings.toml``, the locale; click's own messages follow it."""
    from interview_tui.cli.click_text import speak_click
    from interview_tui.i18n import normalise, set_language

    root = ctx.find_root()
    if lang is None and _CHOSEN in root.meta:
        return root.meta[_CHOSEN]
    language = normalise(lang) if lang else _configured()
    set_language(language)
    speak_click()
    root.meta[_CHOSEN] = language
    return language


def _configured() -> str:
    """``INTERVIEW_TUI_LANG``, ``lang`` in ``settings.toml``, else the locale."""
    from interview_tui.i18n import detect_language
    from interview_tui.settings import quick_ui_language

    return quick_ui_language() or detect_language()


def lang_callback(ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """``--lang`` is eager: the language is set before any ``--help`` is printed."""
    use_language(ctx, value)
    return value


def _text(key: str) -> str | None:
    from interview_tui.i18n import catalog, current_language, t

    return t(key) if key in catalog(current_language()) else None  # (both hold every key)


def _chinese() -> bool:
    from interview_tui.i18n import current_language

    return current_language() == "zh-CN"


def metavars(text: str) -> str:
    """The placeholders of a usage line or an option in the current language."""
    return _METAVAR.sub(lambda m: _text(f"click.metavar.{m.group().lower()}") or m.group(), text)


def help_key(ctx: click.Context) -> str:
    """``help.export``, ``help.commitments.done`` …; ``help.main`` for the program."""
    names: list[str] = []
    while ctx.parent is not None:
        names.append(ctx.info_name or "")
        ctx = ctx.parent
    return "help." + (".".join(reversed(names)) or "main")


def cells(text: str) -> int:
    """Terminal cells of ``text``: a Chinese character takes two."""
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in text
    )


def _tokens(text: str) -> list[str]:
    """Words and single Chinese characters; a mark stays with the word it belongs to."""
    tokens: list[str] = []
    glue = False
    for token in _token().findall(" ".join(text.split())):
        if tokens and not token.isspace() and token[0] in _CLOSING:
            marks = len(token) - len(token.lstrip("".join(_CLOSING)))
            tokens[-1] += token[:marks]
            token = token[marks:]
            if not token:
                continue
        if glue and not token.isspace():
            tokens[-1] += token
        else:
            tokens.append(token)
        glue = not token.isspace() and token[-1] in _OPENING
    return tokens


def wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """One paragraph wrapped to ``width`` cells, breaking between words or characters."""
    lines: list[str] = []
    line, used = first, cells(first)
    for token in _tokens(text):
        size = cells(token)
        if token.isspace():
            if used > cells(rest if lines else first):
                line, used = line + " ", used + 1
            continue
        if used + size > width and used > cells(rest if lines else first):
            lines.append(line.rstrip())
            line, used = rest, cells(rest)
        line, used = line + token, used + size
    lines.append(line.rstrip())
    return lines


class CellFormatter(HelpFormatter):
    """click's formatter; in Chinese, widths are terminal cells and lines break anywhere."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if not _chinese():
            return super().write_usage(prog, args, prefix)
        if prefix is None:
            prefix = f"{click.formatting._('Usage:')} "
        head = f"{prefix:>{self.current_indent}}{prog} "
        indent = " " * cells(head)
        self.write("\n".join(wrap(args, self.width, head, indent)) + "\n")

    def write_text(self, text: str) -> None:
        if not _chinese():
            return super().write_text(text)
        indent = " " * self.current_indent
        paragraphs = [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]
        self.write(
            "\n\n".join("\n".join(wrap(p, self.width, indent, indent)) for p in paragraphs) + "\n"
        )

    def write_dl(
        self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        if not _chinese():
            return super().write_dl(rows, col_max, col_spacing)
        rows = list(rows)
        first_col = min(max((cells(first) for first, _ in rows), default=0), col_max) + col_spacing
        margin = " " * (first_col + self.current_indent)
        width = max(self.width, len(margin) + 10)
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if cells(first) <= first_col - col_spacing:
                self.write(" " * (first_col - cells(first)))
            else:
                self.write("\n" + margin)
            lines = wrap(second, width, margin, margin)
            self.write("\n".join(lines)[len(margin) :] + "\n")


def summary(text: str, limit: int) -> str:
    """A Chinese command's line in a command list: its first sentence, cut to ``limit``."""
    sentence = " ".join(text.split()).split("。")[0]
    if cells(sentence) <= limit:
        return sentence
    out = ""
    for ch in sentence:
        if cells(out + ch) > limit - 1:
            break
        out += ch
    return out + "…"


class Localised(click.Command):
    """A command whose help, summary and option help are catalog texts (see the module)."""

    context_class = type("Context", (click.Context,), {"formatter_class": CellFormatter})

    def format_help(self, ctx: click.Context, formatter: HelpFormatter) -> None:
        use_language(ctx)
        super().format_help(ctx, formatter)

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        return [metavars(piece) for piece in super().collect_usage_pieces(ctx)]

    def format_help_text(self, ctx: click.Context, formatter: HelpFormatter) -> None:
        text = _text(help_key(ctx))
        if text is None:
            return super().format_help_text(ctx, formatter)
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(text)

    def format_options(self, ctx: click.Context, formatter: HelpFormatter) -> None:
        rows = [row for row in (self._option_row(ctx, p) for p in self.get_params(ctx)) if row]
        if rows:
            with formatter.section(click.core._("Options")):
                formatter.write_dl(rows)

    def _option_row(self, ctx: click.Context, param: click.Parameter) -> tuple[str, str] | None:
        if not isinstance(param, click.Option):
            return None
        shown = copy.copy(param)
        text = _text(f"{help_key(ctx)}.opt.{param.name}")
        if text is None and param is self.get_help_option(ctx):  # made (and kept) by click in
            text = click.core._("Show this message and exit.")  # the language of its first run
        shown.help = text if text is not None else (param.help and click.core._(param.help))
        record = shown.get_help_record(ctx)
        return (metavars(record[0]), record[1]) if record else None


class LocalisedGroup(Localised, click.Group):
    """A group of :class:`Localised` commands, listed with their catalog summaries."""

    command_class = Localised

    def format_options(self, ctx: click.Context, formatter: HelpFormatter) -> None:
        Localised.format_options(self, ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: HelpFormatter) -> None:
        names = [name for name in self.list_commands(ctx)]
        if not names:
            return
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = [(name, self.summary_of(ctx, name, limit)) for name in names]
        with formatter.section(click.core._("Commands")):
            formatter.write_dl(rows)

    def summary_of(self, ctx: click.Context, name: str, limit: int) -> str:
        """``help.<path>.summary`` when the catalog has one, else the help's first sentence
        (in English as click makes it, from the command's own text)."""
        key = f"{help_key(ctx)}.{name}".replace("help.main.", "help.", 1)
        if (text := _text(f"{key}.summary")) is not None:
            return text
        if _chinese() and (text := _text(key)) is not None:
            return summary(text, limit)
        command = self.get_command(ctx, name)
        return command.get_short_help_str(limit) if command else ""


LocalisedGroup.group_class = LocalisedGroup


def every_path(group: click.Group, prefix: Iterable[str] = ()) -> list[tuple[str, ...]]:
    """Every command path under ``group`` (imports every command: for tests and tools)."""
    ctx = click.Context(group)
    paths: list[tuple[str, ...]] = []
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        path = (*prefix, name)
        paths.append(path)
        if isinstance(command, click.Group):
            paths += every_path(command, path)
    return paths
