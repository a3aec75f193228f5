"""Storage layer: one SQLite file through sqlite-utils. No Textual imports."""

from interview_tui.store.database import StoreError, open_store
from interview_tui.store.store import Store

__all__ = ["Store", "StoreError", "open_store"]
