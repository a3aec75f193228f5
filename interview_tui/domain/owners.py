"""Who a promise's owner is, as the one reading it should understand it.

A PM who promises something themself writes ``我`` or ``me`` as its owner. On their own
laptop that is right; on a colleague's laptop, in the team's pages or a colleague's brief it
would name the reader. There it names the member who wrote the promise. The record keeps
what was written (``--json`` shows it as typed); what is shown (the lists, the brief, the
reports, the recap and the calendar) names the colleague.
"""

from __future__ import annotations

from collections.abc import Callable

from interview_tui.domain.enums import OwnerSide

#: what a PM writes for themself as the owner of a promise of ours (compared casefolded)
SELF_NAMES = frozenset({"我", "我自己", "本人", "自己", "me", "myself", "i"})


def writes_self(owner_name: str) -> bool:
    """``owner_name`` is a PM's word for themself."""
    return owner_name.strip().casefold() in SELF_NAMES


def colleague_wrote_self(owner_side: str, owner_name: str, author: str, me: str) -> bool:
    """A colleague (``author``, not ``me``) wrote ``我`` / ``me`` as the owner of our promise."""
    return owner_side == OwnerSide.US and author not in ("", me) and writes_self(owner_name)


def owner_shown(
    owner_side: str, owner_name: str, author: str, me: str, who: Callable[[str], str]
) -> str:
    """The owner's name to show: a colleague's ``我`` / ``me`` on our side is that
    colleague, by ``who(author)`` (their name, or their e-mail); every other name as
    written."""
    if colleague_wrote_self(owner_side, owner_name, author, me):
        return who(author)
    return owner_name
