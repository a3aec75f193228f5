"""Where the export screen writes: the path field as typed, read the way a PM means it.

A field left empty means the default folder; a folder (ending in ``/`` or one that exists)
means the file of the chosen format in it; anything else is the file itself, a relative
path being relative to the folder the app was started in. Changing the format keeps the
folder and the name the user typed and changes only the file's extension.
"""

from __future__ import annotations

import os
from pathlib import Path

#: the extension of each export format
EXTENSION = {
    "report-md": ".md",
    "recap-md": ".md",
    "eml": ".eml",
    "chase-eml": ".eml",
    "ics": ".ics",
    "json": ".json",
}
#: what each format's file is called, before its extension (``visit-3-commitments.ics``)
_STEM = {
    "report-md": "report",
    "recap-md": "recap",
    "eml": "recap",
    "chase-eml": "chase",
    "ics": "commitments",
    "json": "data",
}
_SEPARATORS = tuple({"/", os.sep})


def default_name(visit_id: int, output_format: str) -> str:
    """The file name a format gets when the user has not named one: ``visit-3-recap.md``."""
    return f"visit-{visit_id}-{_STEM[output_format]}{EXTENSION[output_format]}"


def is_folder(typed: str) -> bool:
    """Whether the field names a folder: it ends with ``/`` or is an existing folder."""
    return typed.endswith(_SEPARATORS) or Path(typed).expanduser().is_dir()


def target(typed: str, default_folder: Path, name: str) -> Path:
    """The absolute file the export is written to (``name`` for an empty field or a folder)."""
    typed = typed.strip()
    if not typed:
        path = default_folder.expanduser() / name
    elif is_folder(typed):
        path = Path(typed).expanduser() / name
    else:
        path = Path(typed).expanduser()
    return path if path.is_absolute() else Path.cwd() / path


def for_format(typed: str, default_folder: Path, visit_id: int, old: str, new: str) -> str:
    """The field after the format changed from ``old`` to ``new``: the same folder, written
    as the user wrote it (``~`` stays ``~``); our own file name for the new format, or the
    user's own name with only its extension changed."""
    typed = typed.strip()
    if not typed:
        return str(default_folder.expanduser() / default_name(visit_id, new))
    if is_folder(typed):
        return typed.rstrip("".join(_SEPARATORS)) + os.sep + default_name(visit_id, new)
    cut = max(typed.rfind(separator) for separator in _SEPARATORS) + 1
    folder, name = typed[:cut], typed[cut:]
    if name == default_name(visit_id, old):
        return folder + default_name(visit_id, new)
    if name.lower().endswith(EXTENSION[old]):
        name = name[: -len(EXTENSION[old])]
    return folder + name + EXTENSION[new]
