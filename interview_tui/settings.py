"""The user's settings: ``settings.toml`` in the config directory, environment variables on top.

One validated file (pydantic-settings): who the PM is (name, e-mail and signature of every
.eml), the interface and recap languages, the export folder, the calendar alarm, and
whether a Mac's Option characters are live-screen keys (``option_keys``). Each
setting can be overridden by ``INTERVIEW_TUI_<KEY>`` (``INTERVIEW_TUI_LANG`` for ``lang``).

A bad value never stops the app: :func:`load_settings` keeps every good value, uses the
default for a bad one and returns one line per problem naming the file (or variable), the
key and a fix. pydantic-settings is imported only here and only when settings are loaded,
so ``--help`` and the start-up of the TUI do not pay for it (:func:`quick_ui_language`
and :func:`quick_option_keys` read the values start-up needs with ``tomllib``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field, fields
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interview_tui.i18n import labelled, t

if TYPE_CHECKING:  # pydantic loads only when a settings file needs checking
    from pydantic import ValidationError

ENV_PREFIX = "INTERVIEW_TUI_"
FILE_NAME = "settings.toml"
RECAP_LANGUAGES = ("customer", "ui", "en", "zh")
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


@dataclass(frozen=True, slots=True)
class UserSettings:
    """The effective settings (defaults where nothing or something bad was given)."""

    name: str = ""
    email: str = ""
    signature: str = ""
    lang: str = ""  # "" (from the locale), "en" or "zh-CN"
    recap_lang: str = "customer"  # customer | ui | en | zh-CN
    export_folder: str = "~/interview-tui-exports"
    alarm: bool = True
    alarm_days_before: int = 1
    alarm_time: str = "09:00"
    #: the characters a Mac types for Option+1…7, s, w are the live screen's goal, skip and
    #: speaker keys (off: they are text, like every character)
    option_keys: bool = False
    #: colours: "auto" follows the terminal (its COLORFGBG), or "dark" / "light"
    theme: str = "auto"

    @property
    def sender(self) -> str:
        """The From header of an e-mail: ``"Name" <address>``; ``""`` with no e-mail set."""
        from interview_tui.display import mail_address

        return mail_address(self.name, self.email) if self.email.strip() else ""

    @property
    def export_dir(self) -> Path:
        return Path(self.export_folder).expanduser()

    def alarm_minutes_before(self) -> int | None:
        """Minutes from the alarm to the start of the due day (negative: on the day)."""
        if not self.alarm:
            return None
        hours, minutes = (int(part) for part in self.alarm_time.split(":"))
        return self.alarm_days_before * 24 * 60 - (hours * 60 + minutes)

    def recap_language(self, customer_language: str | None, ui_language: str) -> str:
        """The language of what goes to the customer (recap, chase e-mail)."""
        if self.recap_lang == "customer":
            return customer_language or ui_language
        if self.recap_lang == "ui":
            return ui_language
        return self.recap_lang


KEYS: tuple[str, ...] = tuple(f.name for f in fields(UserSettings))


@dataclass(frozen=True, slots=True)
class SettingsProblem:
    """One bad value (or a file that could not be read), in parts for a list that shows
    each of them, and as the one line the command line prints."""

    #: the file, or ``environment variable NAME``
    where: str
    #: the key (``""`` for the whole file)
    key: str
    #: the value as given, literal and shortened (``""`` for an unknown key or the file)
    value: str
    #: what is wrong with it
    reason: str
    #: how to put it right
    fix: str
    #: all of it on one line
    line: str

    def __str__(self) -> str:
        return self.line


@dataclass(slots=True)
class LoadedSettings:
    settings: UserSettings
    path: Path
    #: key -> where its value came from: the file, ``env NAME`` or ``default``
    sources: dict[str, str] = field(default_factory=dict)
    #: one per bad value (file or variable, key, value, what is wrong, the fix)
    issues: list[SettingsProblem] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        """One line per bad value (file or variable, key, value, what is wrong, the fix)."""
        return [issue.line for issue in self.issues]


def settings_path() -> Path:
    from interview_tui.store.paths import config_dir

    return config_dir() / FILE_NAME


def env_name(key: str) -> str:
    return ENV_PREFIX + key.upper()


def language_value(value: object) -> str:
    """``en`` / ``zh`` (``zh-CN``, ``zh_CN.UTF-8`` …) as ``en`` / ``zh-CN``; ``""`` for unset."""
    text = str(value).strip()
    if not text:
        return ""
    if text.lower().startswith("zh"):
        return "zh-CN"
    if text.lower().startswith("en"):
        return "en"
    raise ValueError(t("settings.bad.language"))


def _quick_value(key: str, env: Mapping[str, str]) -> object:
    """``INTERVIEW_TUI_<KEY>``, else ``key`` in ``settings.toml``, else ``None`` (tomllib only)."""
    if value := env.get(env_name(key), ""):
        return value
    try:
        with settings_path().open("rb") as handle:
            import tomllib  # only when there is a file (most starts have none)

            return tomllib.load(handle).get(key)
    except (OSError, ValueError):
        return None


def bool_value(value: object) -> bool | None:
    """A yes/no setting as pydantic reads it (``true``, ``1``, ``yes``, ``on`` …); else None."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "t", "yes", "y", "on"):
        return True
    if text in ("0", "false", "f", "no", "n", "off"):
        return False
    return None


def quick_option_keys(environ: Mapping[str, str] | None = None) -> bool:
    """The ``option_keys`` setting without loading pydantic-settings (start-up); off unless
    it says yes (a bad value is reported by :func:`load_settings`)."""
    env = os.environ if environ is None else environ
    return bool_value(_quick_value("option_keys", env)) is True


THEMES = ("auto", "dark", "light")


def terminal_is_light(environ: Mapping[str, str]) -> bool:
    """Whether the terminal says it has a light background: ``COLORFGBG`` (set by rxvt,
    Konsole, iTerm2 and others) ends with its background colour, 7 or 9-15 being light."""
    background = environ.get("COLORFGBG", "").rpartition(";")[2].strip()
    return background.isdigit() and (int(background) == 7 or 9 <= int(background) <= 15)


def quick_theme(environ: Mapping[str, str] | None = None) -> str:
    """``"light"`` or ``"dark"``: the ``theme`` setting (start-up, tomllib only), ``auto``
    (the default, and a bad value, reported by :func:`load_settings`) following the
    terminal."""
    env = os.environ if environ is None else environ
    value = str(_quick_value("theme", env) or "auto").strip().lower()
    if value in ("dark", "light"):
        return value
    return "light" if terminal_is_light(env) else "dark"


def quick_ui_language(environ: Mapping[str, str] | None = None) -> str | None:
    """The configured interface language without loading pydantic-settings (start-up).

    ``INTERVIEW_TUI_LANG``, else ``lang`` in ``settings.toml``; ``None`` when neither says
    (or says something unusable: :func:`load_settings` reports that).
    """
    env = os.environ if environ is None else environ
    candidates = [env.get(env_name("lang"), "")]
    if not candidates[0]:
        candidates.append(str(_read_file(settings_path(), []).get("lang", "")))
    for value in candidates:
        try:
            if language := language_value(value):
                return language
        except ValueError:
            return None
    return None


# -- each setting's check, shared by the pydantic model and the plain path ------------------


def check_text(value: object, key: str | None) -> object:
    """``name`` and ``signature``: at most 2,000 characters, no control character (a
    signature may hold new lines and tabs)."""
    if isinstance(value, str):
        if len(value) > 2_000:
            raise ValueError(t("settings.bad.too_long"))
        allowed = "\n\t" if key == "signature" else ""
        if any((ord(c) < 32 or 127 <= ord(c) < 160) and c not in allowed for c in value):
            raise ValueError(t("settings.bad.control"))
    return value


def check_email(value: str) -> str:
    value = value.strip()
    if value and not re.fullmatch(r"[^@\s<>,;\"]+@[^@\s<>,;\"]+\.[^@\s<>,;\"]+", value):
        raise ValueError(t("settings.bad.email"))
    return value


def check_recap_lang(value: object) -> str:
    text = str(value).strip().lower()
    if text in ("customer", "ui"):
        return text
    if not text:
        raise ValueError(t("settings.bad.empty"))
    return language_value(text)


def check_folder(value: str) -> str:
    if not value.strip():
        raise ValueError(t("settings.bad.empty"))
    return value.strip()


def check_days(value: int) -> int:
    if not 0 <= value <= 30:
        raise ValueError(t("settings.bad.days"))
    return value


def check_time(value: str) -> str:
    match = _TIME.match(value.strip())
    if match is None:
        raise ValueError(t("settings.bad.time"))
    return f"{int(match[1]):02d}:{match[2]}"


def check_theme(value: object) -> str:
    text = str(value).strip().lower()
    if text not in THEMES:
        raise ValueError(t("settings.bad.theme"))
    return text


_CHECKS: dict[str, Any] = {
    "name": lambda value: check_text(value, "name"),
    "signature": lambda value: check_text(value, "signature"),
    "email": check_email,
    "lang": language_value,
    "recap_lang": check_recap_lang,
    "export_folder": check_folder,
    "alarm_days_before": check_days,
    "alarm_time": check_time,
    "theme": check_theme,
}


def _plain(key: str, value: object) -> object:
    """``value`` for ``key`` as the pydantic model would make it, when it is plainly valid
    (the right type, or text that is clearly one); raises ValueError for anything else, so
    that the model reports it in its own words."""
    kind = type(UserSettings.__dataclass_fields__[key].default)
    if kind is bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value == value.strip() and bool_value(value) is not None:
            return bool_value(value)
        raise ValueError(key)
    if kind is int:
        if isinstance(value, str) and re.fullmatch("[0-9]{1,3}", value):
            value = int(value)
        if type(value) is not int:
            raise ValueError(key)
    elif not isinstance(value, str):
        raise ValueError(key)
    check = _CHECKS.get(key)
    return check(value) if check else value


def _plain_values(data: Mapping[str, Any], env: Mapping[str, str]) -> dict[str, Any] | None:
    """Every setting without pydantic (importing it costs a tenth of a second in each
    command), when every value given is plainly valid; None when one is not (or a variable
    is spelt in another case), so that :func:`load_settings` asks the model."""
    for name in env:
        upper = name.upper()
        if (
            upper.startswith(ENV_PREFIX)
            and upper[len(ENV_PREFIX) :].lower() in KEYS
            and name != upper
            and env[name] != ""
        ):
            return None
    values: dict[str, Any] = {}
    for key in KEYS:
        value = env.get(env_name(key), "")
        if value == "":
            if key not in data:
                values[key] = UserSettings.__dataclass_fields__[key].default
                continue
            value = data[key]
        try:
            values[key] = _plain(key, value)
        except ValueError:
            return None
    return values


@cache
def _model() -> type:
    """The pydantic-settings model (defined on first use: importing it costs ~60 ms)."""
    from pydantic import ValidationInfo, field_validator
    from pydantic_settings import (
        BaseSettings,
        InitSettingsSource,
        PydanticBaseSettingsSource,
        SettingsConfigDict,
    )

    class AppSettings(BaseSettings):
        model_config = SettingsConfigDict(
            env_prefix=ENV_PREFIX, case_sensitive=False, extra="ignore", env_ignore_empty=True
        )

        name: str = ""
        email: str = ""
        signature: str = ""
        lang: str = ""
        recap_lang: str = "customer"
        export_folder: str = "~/interview-tui-exports"
        alarm: bool = True
        alarm_days_before: int = 1
        alarm_time: str = "09:00"
        option_keys: bool = False
        theme: str = "auto"

        @field_validator("theme", mode="before")
        @classmethod
        def _theme(cls, value: object) -> str:
            return check_theme(value)

        @field_validator("name", "signature", mode="before")
        @classmethod
        def _text(cls, value: object, info: ValidationInfo) -> object:
            return check_text(value, info.field_name)

        @field_validator("email")
        @classmethod
        def _email(cls, value: Any) -> Any:
            return check_email(value)

        @field_validator("lang", mode="before")
        @classmethod
        def _lang(cls, value: Any) -> Any:
            return language_value(value)

        @field_validator("recap_lang", mode="before")
        @classmethod
        def _recap_lang(cls, value: Any) -> Any:
            return check_recap_lang(value)

        @field_validator("export_folder")
        @classmethod
        def _folder(cls, value: Any) -> Any:
            return check_folder(value)

        @field_validator("alarm_days_before")
        @classmethod
        def _days(cls, value: Any) -> Any:
            return check_days(value)

        @field_validator("alarm_time")
        @classmethod
        def _time(cls, value: Any) -> Any:
            return check_time(value)

        @classmethod
        def settings_customise_sources(
            cls,
            settings_cls: type[BaseSettings],
            init_settings: PydanticBaseSettingsSource,
            env_settings: PydanticBaseSettingsSource,
            dotenv_settings: PydanticBaseSettingsSource,
            file_secret_settings: PydanticBaseSettingsSource,
        ) -> tuple[PydanticBaseSettingsSource, ...]:
            """Defaults forced for bad values first, then the environment, then the file (read
            once, safely, by :func:`_read_file`: never opened again here)."""
            data = _FILE_DATA.get()
            return (init_settings, env_settings, InitSettingsSource(settings_cls, data))

    return AppSettings


def _validation_error() -> type[ValidationError]:
    from pydantic import ValidationError

    return ValidationError


_FILE_DATA: ContextVar[dict[str, Any]] = ContextVar("settings_file_data", default={})  # noqa: B039

#: The largest settings.toml read (a settings file is a few hundred bytes).
MAX_SETTINGS_BYTES = 4 * 1024 * 1024
#: How much of a bad value (or an unknown key) a problem line shows.
SHOWN_CHARS = 60


def _read_file(path: Path, problems: list[SettingsProblem]) -> dict[str, Any]:
    """The file's table, or ``{}`` with one line in ``problems``: a file that is not a
    regular file, too big, not UTF-8, nested too deep or not TOML (:mod:`interview_tui.reading`)."""
    import tomllib

    from interview_tui.reading import ReadError, read_toml

    if not path.exists() and not path.is_symlink():
        return {}
    try:
        return read_toml(path, what="settings", limit=MAX_SETTINGS_BYTES)
    except ReadError as exc:
        line = t("settings.refused", problem=str(exc))
        problems.append(SettingsProblem(str(path), "", "", str(exc), t("settings.fix.file"), line))
    except tomllib.TOMLDecodeError as exc:
        from interview_tui.reading import toml_problem

        _line, where, why = toml_problem(exc)
        said = labelled(where, why)
        line = t("settings.syntax", path=path, reason=said)
        reason = t("settings.why.syntax", reason=said)
        problems.append(SettingsProblem(str(path), "", "", reason, t("settings.fix.syntax"), line))
    return {}


def _shown(value: object) -> str:
    """A value in a problem line: literal, on one line, at most :data:`SHOWN_CHARS` long."""
    from interview_tui.display import visible

    return visible(value, one_line=True, limit=SHOWN_CHARS)


def load_settings(path: Path | None = None) -> LoadedSettings:
    """Read and validate the settings; never raises for a bad value (see the module doc).

    Values that are plainly valid are taken as they are; pydantic is loaded only when one
    is not, to name what is wrong with it.
    """
    from interview_tui.i18n import t

    env = os.environ
    path = path or settings_path()
    problems: list[SettingsProblem] = []
    data = _read_file(path, problems)
    for key in sorted(set(data) - set(KEYS)):
        keys = ", ".join(KEYS)
        line = t("settings.unknown_key", path=path, key=_shown(key), keys=keys)
        fix = t("settings.fix.unknown_key", keys=keys)
        problems.append(
            SettingsProblem(str(path), _shown(key), "", t("settings.why.unknown_key"), fix, line)
        )
    given_env = {key for key in KEYS if env.get(env_name(key), "") != ""}
    forced: dict[str, Any] = {}
    plain = _plain_values({key: value for key, value in data.items() if key in KEYS}, env)
    if plain is not None:
        return LoadedSettings(
            UserSettings(**plain), path, _sources(data, given_env, forced, path), problems
        )
    model = _model()
    token = _FILE_DATA.set({key: value for key, value in data.items() if key in KEYS})
    try:
        for _ in range(len(KEYS) + 1):
            try:
                validated = model(**forced)
                break
            except _validation_error() as exc:
                for error in exc.errors():
                    key = str(error["loc"][0]) if error["loc"] else ""
                    if key not in KEYS or key in forced:
                        continue
                    forced[key] = UserSettings.__dataclass_fields__[key].default
                    where = t("settings.env", name=env_name(key)) if key in given_env else str(path)
                    value = env.get(env_name(key)) if key in given_env else data.get(key)
                    reason = str(error["msg"]).removeprefix("Value error, ")
                    fix = t(f"settings.fix.{key}")
                    shown = _shown(repr(value))
                    line = t(
                        "settings.bad_value",
                        where=where,
                        key=key,
                        value=shown,
                        reason=reason,
                        fix=fix,
                    )
                    problems.append(SettingsProblem(where, key, shown, reason, fix, line))
        else:  # pragma: no cover - defaults are valid, so the loop always ends
            raise AssertionError("settings defaults do not validate")
    finally:
        _FILE_DATA.reset(token)
    values = {key: getattr(validated, key) for key in KEYS}
    sources = _sources(data, given_env, forced, path)
    return LoadedSettings(UserSettings(**values), path, sources, problems)


def _sources(
    data: Mapping[str, Any], given_env: set[str], forced: Mapping[str, Any], path: Path
) -> dict[str, str]:
    """Where each setting's value came from: the file, a variable, or a default."""
    sources = {}
    for key in KEYS:
        if key in forced:
            sources[key] = t("settings.source_default_bad")
        elif key in given_env:
            sources[key] = t("settings.env", name=env_name(key))
        elif key in data:
            sources[key] = str(path)
        else:
            sources[key] = t("settings.source_default")
    return sources


def settings_env_given(environ: Mapping[str, str] | None = None) -> bool:
    """Whether any setting comes from outside the defaults (the file or a variable)."""
    env = os.environ if environ is None else environ
    return settings_path().exists() or any(env.get(env_name(key)) for key in KEYS)
