"""The ``interview-tui`` command: a click group whose subcommands load lazily.

Nothing here imports Textual; only the commands that open the TUI do, inside their bodies,
so ``--help``, ``lint``, ``banks`` and the other plain commands start fast.
"""

from __future__ import annotations

import importlib
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import click

import interview_tui
from interview_tui.cli.helptext import LocalisedGroup, lang_callback, use_language

if TYPE_CHECKING:
    from interview_tui.settings import LoadedSettings

#: name -> "module:attribute" of each subcommand, imported only when used or listed.
COMMANDS: dict[str, str] = {
    "banks": "interview_tui.cli.banks_cmd:banks",
    "lint": "interview_tui.cli.lint_cmd:lint",
    "demo": "interview_tui.cli.demo_cmd:demo",
    "visits": "interview_tui.cli.visits_cmd:visits",
    "visit": "interview_tui.cli.visit_cmd:visit",
    "rehearse": "interview_tui.cli.tui_cmd:rehearse",
    "live": "interview_tui.cli.tui_cmd:live",
    "commitments": "interview_tui.cli.commitments_cmd:commitments",
    "export": "interview_tui.cli.export_cmd:export",
    "import": "interview_tui.cli.import_cmd:import_visit",
    "search": "interview_tui.cli.search_cmd:search",
    "keys": "interview_tui.cli.keys_cmd:keys",
    "calendar": "interview_tui.cli.calendar_cmd:calendar",
    "settings": "interview_tui.cli.settings_cmd:settings",
    "team": "interview_tui.cli.team_cmd:team",
    "pool": "interview_tui.cli.pool_cmd:pool",
}


class CliError(click.ClickException):
    """A :class:`UserError` on its way out: one line on stderr, exit status 2."""

    exit_code = 2

    def show(self, file=None) -> None:
        from interview_tui.display import visible
        from interview_tui.i18n import t

        message = visible(self.format_message(), one_line=True)
        click.echo(t("cli.error", message=message), err=True, file=file)


class CliUsageError(click.UsageError):
    """A usage error as one line, then the usual hint (click's own adds a usage block)."""

    def show(self, file=None) -> None:
        from interview_tui.cli.click_text import sentences
        from interview_tui.display import visible
        from interview_tui.i18n import t

        message = visible(sentences(" ".join(self.format_message().split())), one_line=True)
        click.echo(t("cli.error", message=message), err=True, file=file)
        ctx = self.ctx
        if ctx is not None and ctx.command.get_help_option(ctx) is not None:
            names = ctx.help_option_names
            option = "--help" if "--help" in names else names[0]
            hint = t("cli.try_help", command=ctx.command_path, option=option)
            click.echo(hint, err=True, file=file)


#: what ``--lang`` takes: ``zh-CN`` too, as the banks' folders and the catalogs name Chinese
LANG_NAMES = ["en", "zh", "zh-CN"]


def _lang_given(args: list[str]) -> str | None:
    """A valid ``--lang`` value among ``args``: a guess made before parsing, so that help
    asked for ahead of it (``--help --lang zh``) is in that language; the parsed option
    then has the last word."""
    for index, arg in enumerate(args):
        if arg == "--":
            break
        value = (
            arg.partition("=")[2]
            if arg.startswith("--lang=")
            else (args[index + 1] if arg == "--lang" and index + 1 < len(args) else None)
        )
        if value and value.lower() in {name.lower() for name in LANG_NAMES}:
            return value
    return None


def _one_line(exc: click.UsageError) -> CliUsageError:
    return CliUsageError(exc.format_message(), exc.ctx)


class LazyGroup(LocalisedGroup):
    """A group that imports a subcommand's module only when it is needed (its ``--help``
    lists each with its catalog summary, importing none)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if ctx.parent is None:
            use_language(ctx, _lang_given(args))  # ``--help --lang zh`` speaks Chinese too
        try:
            return super().parse_args(ctx, args)
        except CliUsageError:
            raise
        except click.UsageError as exc:
            raise _one_line(exc) from None

    def invoke(self, ctx: click.Context):
        from interview_tui.errors import UserError

        try:
            return super().invoke(ctx)
        except UserError as exc:
            raise CliError(str(exc)) from None
        except sqlite3.DatabaseError as exc:  # damaged pages found by any read: one line
            from interview_tui.store.errors import is_damage

            if not is_damage(exc) or not isinstance(ctx.obj, Settings):
                raise
            raise CliError(str(ctx.obj.damaged())) from None
        except CliUsageError:
            raise
        except click.UsageError as exc:
            raise _one_line(exc) from None

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Commands that are part of this build (found, not imported)."""
        from importlib.util import find_spec

        return [name for name in COMMANDS if find_spec(COMMANDS[name].split(":")[0])]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return self._load(cmd_name)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """An unknown command is told the closest names (``vists``: did you mean
        ``visits``?): click looks for them among the commands it has loaded, and a lazy
        group has loaded none."""
        try:
            return super().resolve_command(ctx, args)
        except click.exceptions.NoSuchCommand as exc:
            if exc.possibilities:
                raise
            raise click.exceptions.NoSuchCommand(
                exc.command_name, ctx=ctx, possibilities=self.list_commands(ctx)
            ) from None

    @staticmethod
    def _load(name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:  # that command is not part of this build
                return None
            raise
        return getattr(module, attribute)


@dataclass(slots=True)
class Settings:
    """What the top-level options chose, handed to every subcommand."""

    db_path: Path | None
    language: str
    _user: LoadedSettings | None = field(default=None, repr=False)

    def user_settings(self) -> LoadedSettings:
        """``settings.toml`` and the environment, read once; a bad value is one line on stderr
        (once) and its default is used."""
        if self._user is None:
            from interview_tui.display import visible
            from interview_tui.i18n import t
            from interview_tui.settings import load_settings

            self._user = load_settings()
            for problem in self._user.problems:
                click.echo(t("cli.warning", message=visible(problem, one_line=True)), err=True)
        return self._user

    def damaged(self):
        """The one line for this database file being damaged (a :class:`StoreError`)."""
        from interview_tui.store.errors import damaged
        from interview_tui.store.paths import default_db_path

        return damaged(self.db_path or default_db_path())

    def open_store(self, *, read_only: bool = False):
        """Open the database (``read_only`` for commands that only read: never writes)."""
        from interview_tui.store import open_store

        store = open_store(self.db_path, read_only=read_only)
        if store.notices:  # e.g. an import cut off last time, now removed: said once
            from interview_tui.display import visible
            from interview_tui.i18n import t

            for notice in store.notices:
                click.echo(t("cli.note", message=visible(notice, one_line=True)), err=True)
        return store


pass_settings = click.make_pass_decorator(Settings)


@click.group(
    cls=LazyGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="INTERVIEW_TUI_DB",
)
@click.option(
    "--lang",
    type=click.Choice(LANG_NAMES, case_sensitive=False),
    metavar="[en|zh]",
    is_eager=True,
    callback=lang_callback,
)
@click.option(
    "-V",
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=lambda ctx, _param, value: _version(ctx, value),
    help="Show the version and exit.",
)
@click.pass_context
def cli(ctx: click.Context, db_path: Path | None, lang: str | None) -> None:
    """The program: its help is ``help.main`` in the catalog (see :mod:`.helptext`)."""
    ctx.obj = Settings(db_path=db_path, language=use_language(ctx, lang))
    if ctx.invoked_subcommand is None:
        from interview_tui.cli.tui_cmd import run_app

        run_app(ctx.obj)


def _version(ctx: click.Context, value: bool) -> None:
    """``--version``: the version in the interface language, then exit."""
    if value and not ctx.resilient_parsing:
        from interview_tui.i18n import t

        use_language(ctx)
        click.echo(t("cli.version", prog="interview-tui", version=interview_tui.__version__))
        ctx.exit()


def main(argv: list[str] | None = None) -> None:
    """Console entry point."""
    cli.main(args=argv, prog_name="interview-tui")
