"""Errors meant for the user: one clear line, no traceback."""

from __future__ import annotations


class UserError(Exception):
    """A problem the user can act on; the CLI prints it on one line and exits 2."""
