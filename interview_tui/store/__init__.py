"""Storage layer: one SQLite file through sqlite-utils. No Textual imports.

The names below load on first use, so that importing a light module of this package
(``interview_tui.store.paths`` for the config folder) does not load the whole store.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from interview_tui.store.database import open_store
    from interview_tui.store.errors import StoreError
    from interview_tui.store.store import Store

__all__ = ["Store", "StoreError", "open_store"]


def __getattr__(name: str) -> Any:
    if name == "Store":
        from interview_tui.store.store import Store

        return Store
    if name in ("StoreError", "open_store"):
        from interview_tui.store import database

        return getattr(database, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
