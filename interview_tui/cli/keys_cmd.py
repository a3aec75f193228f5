"""``interview-tui keys``: every key of every screen, as the user's keymap leaves it."""

from __future__ import annotations

import click

from interview_tui.cli.helptext import Localised
from interview_tui.errors import UserError


@click.command(cls=Localised)
@click.option("--screen", "screen_name", metavar="NAME")
@click.option("--json", "as_json", is_flag=True)
def keys(screen_name: str | None, as_json: bool) -> None:
    """List every key binding: screen, id (for keymap.toml), keys and what it does.

    A key sequence is written with spaces: "ctrl+y 3" is ctrl+y, then 3. A keymap.toml
    entry with an unknown id, a key that cannot be parsed or a key another binding of the
    same screen has is an error, by name. With option_keys on (settings.toml) the live
    screen's goal, skip and speaker keys include the characters a Mac's Option key types.
    """
    from interview_tui.bindings import effective_keymap, key_reference
    from interview_tui.cli.output import echo, echo_json

    rows = key_reference(effective_keymap())
    if screen_name is not None:
        screens = sorted({row["screen"] for row in rows})
        if screen_name not in screens:
            from interview_tui.i18n import t

            raise UserError(
                t("cli.keys.no_screen", name=repr(screen_name), screens=", ".join(screens))
            )
        rows = [row for row in rows if row["screen"] == screen_name]
    if as_json:
        echo_json(rows)
        return
    width = max((len(row["id"]) for row in rows), default=0)
    keys_width = max((len(", ".join(row["keys"])) for row in rows), default=0)
    for row in rows:
        keys_text = ", ".join(row["keys"])
        echo(
            f"{row['screen']:<12}  {row['id']:<{width}}  {keys_text:<{keys_width}}  "
            f"{row['description']}"
        )
