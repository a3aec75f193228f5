"""Click's own messages (a missing argument, an unknown option, a bad choice) in the
interface language.

Click asks :func:`gettext.gettext` (and ``ngettext``) for each message before it fills the
message in. Its modules are given lookups that find the English message in :data:`KEYS`
and answer with the catalog's text (``click.*`` keys) in the current language, the
placeholders left for click to fill; a message not listed stays as click wrote it.
"""

from __future__ import annotations

import importlib

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
}
_MODULES = ("click.core", "click.exceptions", "click.parser", "click.types", "click.termui",
            "click.decorators", "click.formatting", "click.utils")  # fmt: skip


def _entry(message: str, count: int | None = None) -> str:
    key = KEYS.get(message)
    entry = catalog(current_language()).get(key) if key else None
    if entry is None:
        return message
    if isinstance(entry, dict):  # counted: the form follows the count (and its placeholders)
        return entry["one" if count == 1 and "one" in entry else "other"]
    return entry


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
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]
