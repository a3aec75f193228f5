"""Where the database and the user's own question banks live."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "interview-tui"
DB_ENV = "INTERVIEW_TUI_DB"
CONFIG_ENV = "INTERVIEW_TUI_CONFIG_DIR"


def default_db_path() -> Path:
    """``$INTERVIEW_TUI_DB`` or ``interview.db`` in the user's data directory."""
    if env := os.environ.get(DB_ENV):
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / "interview.db"


def demo_db_path() -> Path:
    """Where ``interview-tui demo`` puts the demo when no database is named: beside the
    user's own database, never in it."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / "demo.db"


def config_dir() -> Path:
    """``$INTERVIEW_TUI_CONFIG_DIR`` or the user's config directory for the app."""
    if env := os.environ.get(CONFIG_ENV):
        return Path(env).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False))


def user_banks_dir() -> Path:
    """User banks sit beside the bundled ones and override them by question id."""
    return config_dir() / "question_banks"


def make_private_dir(path: Path) -> None:
    """Create ``path`` with mode 0700 if it is missing; an existing folder is left as it is."""
    if not path.exists():
        path.mkdir(parents=True, mode=0o700)
        path.chmod(0o700)  # mkdir's mode is filtered by the umask


def create_private_file(path: Path) -> None:
    """Create an empty file with mode 0600 unless it exists (never truncates)."""
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)
