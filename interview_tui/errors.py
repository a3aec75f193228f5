"""Errors meant for the user: one clear line, no traceback."""

from __future__ import annotations


class UserError(Exception):
    """A problem the user can act on; the CLI prints it on one line and exits 2."""


class TargetExists(UserError):
    """An export's target file exists and the user has not said to replace it."""


class FieldError(UserError):
    """A value the user typed cannot be saved; ``field`` names the input to show it beside."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def not_found(kind: str, record_id: object) -> UserError:
    """ "No requirement with id 7", in the user's language (``kind``: a record kind id)."""
    from interview_tui.domain.names import display_of
    from interview_tui.i18n import t

    return UserError(t("error.no_record", kind=display_of("record", kind), id=record_id))
