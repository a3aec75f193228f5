"""The band that says, in words, that the screen may be turned to the customer."""

from __future__ import annotations

from textual.widgets import Static

from interview_tui.i18n import t


class CustomerViewBand(Static):
    """One full-width line, "CUSTOMER VIEW" on the success colour, never cut (a few words
    centred in the narrowest terminal). The live screen shows it only in the safe view
    (live.tcss); the confirm-back read-back, which is always safe, always shows it."""

    DEFAULT_CSS = """
    CustomerViewBand {
        width: 100%;
        height: 1;
        background: $success;
        color: $text;
        text-style: bold;
        content-align: center middle;
        text-wrap: nowrap;
    }
    """

    def __init__(self) -> None:
        super().__init__(t("live.customer_view"), markup=False)
