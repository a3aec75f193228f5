"""Click's own messages (a missing argument, an unknown option, a bad choice) in the
interface language.

Click asks :func:`gettext.gettext` (and ``ngettext``) for each message before it fills the
message in. Its modules are given lookups that find the English message in :data:`KEYS`
and answer with the catalog's text (``click.*`` keys) in the current language, the
placeholders left for click to fill; a message not listed stays as click wrote it.
"""

from __future__ import annotations

import importlib
import re

from interview_tui.i18n import catalog, current_language

#: click's message (the singular one for counted messages) -> catalog key
KEYS: dict[str, str] = {
    "Error: {message}": "click.error",
    "Missing argument": "click.missing_argument",
    "Missing option": "click.missing_option",
    "Missing parameter": "click.missing_parameter",
    "Missing command.": "click.missing_command",
    "No such option {name!r}.": "click.no_option",
    "No such command {name!r}.": "click.no_command",
    "Did you mean {possibility}?": "click.did_you_mean",
    "Got unexpected extra argument ({args})": "click.extra_arguments",
    "Invalid value for {param_hint}: {message}": "click.invalid_for",
    "Invalid value: {message}": "click.invalid",
    "{value!r} is not {choice}.": "click.not_choice",
    "{value!r} is not a valid {number_type}.": "click.not_number",
    "{value} is not in the range {range}.": "click.not_in_range",
    "Option {name!r} requires an argument.": "click.needs_value",
    "Option {name!r} does not take a value.": "click.takes_no_value",
    "Aborted!": "click.aborted",
    "Missing {param_type}": "click.missing_type",
    "Usage:": "click.usage",
    "Options": "click.options",
    "Commands": "click.commands",
    "Positional arguments": "click.positional",
    "Show this message and exit.": "click.help_option",
    "Show the version and exit.": "click.version_option",
    "required": "click.required",
    "default: {default}": "click.default",
    "env var: {var}": "click.env_var",
    "Error: invalid input": "click.invalid_input",
    "{name} {filename!r} does not exist.": "click.path.missing",
    "{name} {filename!r} is a file.": "click.path.is_file",
    "{name} {filename!r} is a directory.": "click.path.is_dir",
    "{name} {filename!r} is not readable.": "click.path.unreadable",
    "{name} {filename!r} is not writable.": "click.path.unwritable",
    "{name} {filename!r} is not executable.": "click.path.not_executable",
}
#: the names click gives its types, filled into a message by the placeholder ``TYPED`` names
TYPE_KEYS: dict[str, str] = {
    "integer": "click.type.integer",
    "integer range": "click.type.integer_range",
    "float": "click.type.float",
    "float range": "click.type.float_range",
    "file": "click.type.file",
    "path": "click.type.path",
    "directory": "click.type.directory",
}
#: catalog key (or its start) -> the placeholder that holds a type's name
TYPED = {"click.not_number": "number_type", "click.path.": "name"}
#: a sentence's ASCII full stop (not one of "...", not inside a quoted value)
_STOP = re.compile(r"(?<=[^.\s])\.(?=\s|$)")
#: a placeholder named in an error: 'QUERY...'
_QUOTED_METAVAR = re.compile(r"'([A-Z][A-Z_]+)((?:\.\.\.)?)'")
_MODULES = (
    "click.core",
    "click.exceptions",
    "click.parser",
    "click.types",
    "click.termui",
    "click.decorators",
    "click.formatting",
    "click.utils",
)


def _entry(message: str, count: int | None = None) -> str:
    key = KEYS.get(message)
    entry = catalog(current_language()).get(key) if key else None
    if key is None or entry is None:
        return message
    if isinstance(entry, dict):  # counted: the form follows the count (and its placeholders)
        entry = entry["one" if count == 1 and "one" in entry else "other"]
    typed = [name for start, name in TYPED.items() if key.startswith(start)]
    return _TypedTemplate(entry, typed[0]) if typed else entry


class _TypedTemplate(str):
    """A message whose type name (click fills in ``integer``, ``file`` …) is translated too."""

    placeholder: str

    def __new__(cls, text: str, placeholder: str) -> _TypedTemplate:
        made = super().__new__(cls, text)
        made.placeholder = placeholder
        return made

    def format(self, *args: object, **values: object) -> str:
        kind = values.get(self.placeholder)
        if isinstance(kind, str) and kind in TYPE_KEYS:
            language = catalog(current_language())
            values[self.placeholder] = language.get(TYPE_KEYS[kind], kind)
        return str.format(self, *args, **values)


def sentences(message: str) -> str:
    """Click's assembled message in Chinese: its ASCII full stops as 。 and the placeholders it
    names (``'QUERY...'``) as the help shows them."""
    if current_language() != "zh-CN":
        return message
    from interview_tui.cli.helptext import metavars

    message = _QUOTED_METAVAR.sub(lambda m: f"'{metavars(m.group(1))}{m.group(2)}'", message)
    return _STOP.sub("。", message).replace("。 ", "。")


def gettext(message: str) -> str:
    """Click's message in the current language (as click wrote it when not listed)."""
    return _entry(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """A counted message of click's, in the current language."""
    if singular not in KEYS:
        return singular if count == 1 else plural
    return _entry(singular, count)


def speak_click() -> None:
    """Make click's modules ask :func:`gettext` and :func:`ngettext` for their messages."""
    for name in _MODULES:
        module = importlib.import_module(name)
        if hasattr(module, "_"):
            module.__dict__["_"] = gettext
        if hasattr(module, "ngettext"):
            module.__dict__["ngettext"] = ngettext
