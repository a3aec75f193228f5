"""This laptop's team: its name, the member working here, the repository, the clone.

Kept in the database's ``meta`` table (it belongs with the data it shares); the clone is a
bare git repository beside the database file, private to its owner.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from interview_tui.errors import UserError
from interview_tui.i18n import t
from interview_tui.store.store import Store
from interview_tui.team.git import Identity

#: the file at the root of a team repository: format name and version, team name
MANIFEST = "interview-team.toml"
FORMAT = "interview-team"
FORMAT_VERSION = 1
BRANCH = "refs/heads/main"
#: the team branch as this clone last saw it (outside refs/remotes, which a fetch moves)
REMOTE = "refs/team/origin"

_KEYS = ("team.name", "team.member", "team.member_name", "team.url", "team.imported")


@dataclass(frozen=True)
class TeamConfig:
    name: str
    member: str
    member_name: str
    url: str
    clone: Path
    imported: str = ""  # the last commit brought into SQLite

    @property
    def identity(self) -> Identity:
        return Identity(self.member, self.member_name)


def clone_dir(store: Store) -> Path:
    return Path(store.path).with_name(Path(store.path).name + "-team.git")


def team_config(store: Store) -> TeamConfig | None:
    values = {key: store.meta(key) or "" for key in _KEYS}
    if not values["team.name"]:
        return None
    return TeamConfig(
        name=values["team.name"],
        member=values["team.member"],
        member_name=values["team.member_name"],
        url=values["team.url"],
        clone=clone_dir(store),
        imported=values["team.imported"],
    )


def require_team(store: Store) -> TeamConfig:
    config = team_config(store)
    if config is None:
        raise UserError(t("team.none"))
    return config


def save_config(store: Store, *, name: str, member: str, member_name: str, url: str) -> None:
    with store.transaction():
        for key, value in (
            ("team.name", name),
            ("team.member", member),
            ("team.member_name", member_name),
            ("team.url", url),
        ):
            store.set_meta(key, value)


def manifest_text(name: str, language: str = "en") -> bytes:
    """The manifest: format and version, the team's name and the language of its pages."""
    import json

    return (
        f'format = "{FORMAT}"\nversion = {FORMAT_VERSION}\nteam = {json.dumps(name)}\n'
        f'language = "{language}"\n'
    ).encode()


def read_manifest(data: bytes, where: str) -> dict[str, object]:
    """The manifest, checked: another format or a newer version is refused for writing."""
    try:
        manifest = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        raise UserError(t("team.not_team_repo", url=where)) from None
    if manifest.get("format") != FORMAT:
        raise UserError(t("team.not_team_repo", url=where))
    version = manifest.get("version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise UserError(t("team.newer_format", url=where, version=version))
    return manifest
