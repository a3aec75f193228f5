"""The ``interview-tui`` command: a click group whose subcommands load lazily.

Nothing here imports Textual; only the commands that open the TUI do, inside their bodies,
so ``--help``, ``lint``, ``banks`` and the other plain commands start fast.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import click

from interview_tui import __version__

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
        from interview_tui.display import visible
        from interview_tui.i18n import t

        message = visible(" ".join(self.format_message().split()), one_line=True)
        click.echo(t("cli.error", message=message), err=True, file=file)
        ctx = self.ctx
        if ctx is not None and ctx.command.get_help_option(ctx) is not None:
            names = ctx.help_option_names
            option = "--help" if "--help" in names else names[0]
            hint = t("cli.try_help", command=ctx.command_path, option=option)
            click.echo(hint, err=True, file=file)


def _one_line(exc: click.UsageError) -> CliUsageError:
    return CliUsageError(exc.format_message(), exc.ctx)


#: one-line help of each subcommand, so ``--help`` imports none of them
SHORT_HELP: dict[str, str] = {
    "banks": "List the loaded question banks (bundled and your own) and any errors in them.",
    "lint": "Check question bank files, or questions on standard input.",
    "demo": "Add demo accounts with visits, notes, requirements and commitments.",
    "visits": "List visits with their id, customer, date and status.",
    "visit": "Change one visit: status, archive, restore, delete for good.",
    "rehearse": "Rehearse VISIT: our questions card by card, the customer's as flashcards.",
    "live": "Open VISIT in the live meeting screen.",
    "commitments": "List commitments with their customer, owner, due date and state.",
    "export": "Export VISIT as a report, a customer recap, an e-mail, a calendar or JSON.",
    "import": "Import a visit from FILE (JSON written by export --format json).",
    "search": "Full-text search across every visit, Chinese or English.",
    "keys": "List every key binding (after your keymap.toml), by screen.",
    "calendar": "Write one calendar (.ics) of every open commitment, with alarms.",
    "settings": "Show the effective settings and where each one comes from.",
}


class LazyGroup(click.Group):
    """A group that imports a subcommand's module only when it is needed."""

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list of ``--help``, from :data:`SHORT_HELP` (no command is imported)."""
        rows = [(name, SHORT_HELP.get(name, "")) for name in self.list_commands(ctx)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
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

    def open_store(self, *, read_only: bool = False):
        """Open the database (``read_only`` for commands that only read: never writes)."""
        from interview_tui.store import open_store

        return open_store(self.db_path, read_only=read_only)


pass_settings = click.make_pass_decorator(Settings)


@click.group(cls=LazyGroup, invoke_without_command=True, context_settings={
    "help_option_names": ["-h", "--help"], "max_content_width": 100})  # fmt: skip
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="INTERVIEW_TUI_DB",
    help="SQLite file to use (default: interview.db in your data directory; "
    "env INTERVIEW_TUI_DB).",
)
@click.option(
    "--lang",
    type=click.Choice(["en", "zh"], case_sensitive=False),
    help="Language of the interface (default: INTERVIEW_TUI_LANG, lang in settings.toml, "
    "the locale).",
)
@click.version_option(__version__, "-V", "--version", prog_name="interview-tui")
@click.pass_context
def cli(ctx: click.Context, db_path: Path | None, lang: str | None) -> None:
    """Prepare customer visits, take notes in the meeting, and keep every commitment.

    Run without a command to open the full-screen app.
    """
    from interview_tui.cli.click_text import speak_click
    from interview_tui.i18n import detect_language, normalise, set_language
    from interview_tui.settings import quick_ui_language

    language = normalise(lang) if lang else (quick_ui_language() or detect_language())
    set_language(language)
    speak_click()
    ctx.obj = Settings(db_path=db_path, language=language)
    if ctx.invoked_subcommand is None:
        from interview_tui.cli.tui_cmd import run_app

        run_app(ctx.obj)


def main(argv: list[str] | None = None) -> None:
    """Console entry point."""
    cli.main(args=argv, prog_name="interview-tui")
