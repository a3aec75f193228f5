"""The documentation stays true and whole: a short README, links that lead somewhere, every
English page with its Chinese one, and only commands and options that exist."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from interview_tui.cli.main import COMMANDS, cli

ROOT = Path(__file__).parent.parent
DOCS = ROOT / "docs"
ZH = DOCS / "zh-CN"
README_LIMIT = 12 * 1024
#: English pages that need no Chinese page of their own (each holds both languages)
BILINGUAL = {"lint-codes.md"}

PAGES = [ROOT / "README.md", *sorted(DOCS.glob("*.md")), *sorted(ZH.glob("*.md"))]
FENCE = re.compile(r"^```.*?^```", re.DOTALL | re.MULTILINE)
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
CODE = re.compile(r"`(interview-tui(?: [^`]*)?)`")


def _name(page: Path) -> str:
    return str(page.relative_to(ROOT))


def _prose(page: Path) -> str:
    """The page without its fenced code blocks (a `# comment` there is no heading)."""
    return FENCE.sub("", page.read_text(encoding="utf-8"))


def _slug(heading: str) -> str:
    """A heading's anchor as GitHub makes it (Chinese kept, punctuation dropped)."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def _anchors(page: Path) -> set[str]:
    seen: dict[str, int] = {}
    anchors = set()
    for heading in re.findall(r"^#{1,6} (.+)$", _prose(page), re.MULTILINE):
        slug = _slug(heading)
        anchors.add(f"{slug}-{seen[slug]}" if slug in seen else slug)
        seen[slug] = seen.get(slug, 0) + 1
    return anchors


def test_readme_is_short() -> None:
    size = len((ROOT / "README.md").read_bytes())
    assert size <= README_LIMIT, f"README.md is {size} bytes; the manual belongs in docs/"


@pytest.mark.parametrize("page", PAGES, ids=_name)
def test_every_link_leads_somewhere(page: Path) -> None:
    broken = []
    for target in LINK.findall(_prose(page)):
        if re.match(r"[a-z]+:", target):  # https:, mailto:
            continue
        path, _, anchor = target.partition("#")
        file = (page.parent / path).resolve() if path else page
        if not file.exists():
            broken.append(f"{target}: no such file")
        elif anchor and file.suffix == ".md" and anchor not in _anchors(file):
            broken.append(f"{target}: no heading #{anchor} in {_name(file)}")
    assert not broken, f"{_name(page)}: " + "; ".join(broken)


@pytest.mark.parametrize("page", sorted(DOCS.glob("*.md")), ids=_name)
def test_every_english_page_has_its_chinese_page(page: Path) -> None:
    if page.name in BILINGUAL:
        return
    chinese = ZH / page.name
    assert chinese.exists(), f"{_name(page)} has no {_name(chinese)}"
    top = "\n".join(page.read_text(encoding="utf-8").splitlines()[:4])
    assert f"(zh-CN/{page.name})" in top, f"{_name(page)} does not link to its Chinese page"
    top = "\n".join(chinese.read_text(encoding="utf-8").splitlines()[:4])
    assert f"(../{page.name})" in top, f"{_name(chinese)} does not link to its English page"


@pytest.mark.parametrize("page", sorted(ZH.glob("*.md")), ids=_name)
def test_every_chinese_page_has_its_english_page(page: Path) -> None:
    assert (DOCS / page.name).exists(), f"{_name(page)} has no English page"


def _command(words: list[str]) -> tuple[click.Command, list[str], list[str]]:
    """The command ``words`` name (group by group), the names walked and the words left."""
    command: click.Command = cli
    names: list[str] = []
    for word in words:
        if not isinstance(command, click.Group) or word.startswith("-"):
            break
        sub = command.get_command(click.Context(command), word)
        if sub is None:
            break
        command, names = sub, [*names, word]
    return command, names, words[len(names) :]


def _options(command: click.Command) -> set[str]:
    return {opt for param in command.params for opt in getattr(param, "opts", [])} | {
        "-h",
        "--help",
    }


def _named_commands(page: Path) -> list[list[str]]:
    """Each `interview-tui …` in the page's text, split into words (brackets dropped)."""
    spans = CODE.findall(_prose(page))
    return [re.sub(r"[\[\]()|\\]", " ", span).split()[1:] for span in spans]


@pytest.mark.parametrize("page", PAGES, ids=_name)
def test_every_command_and_option_named_exists(page: Path) -> None:
    """`interview-tui team sync --json`: the command exists and has that option."""
    wrong = []
    for words in _named_commands(page):
        command, names, rest = _command(words)
        said = " ".join(["interview-tui", *names])
        word = rest[0] if rest else ""
        if isinstance(command, click.Group) and word.islower() and not word.startswith("-"):
            wrong.append(f"{said} {word}: no such command")  # OPTIONS, VISIT pass
        known = _options(command) | _options(cli)
        for word in rest:
            option = word.split("=", 1)[0]
            if option.startswith("-") and option not in {"-", "--"} and option not in known:
                wrong.append(f"{said}: no option {option}")
    assert not wrong, f"{_name(page)}: " + "; ".join(wrong)


def _all_commands(command: click.Command, names: tuple[str, ...] = ()) -> list[str]:
    found = [" ".join(names)] if names else []
    if isinstance(command, click.Group):
        for name in command.list_commands(click.Context(command)):
            sub = command.get_command(click.Context(command), name)
            found += _all_commands(sub, (*names, name))
    return found


@pytest.mark.parametrize("language", [DOCS, ZH], ids=["en", "zh-CN"])
def test_command_reference_names_every_command(language: Path) -> None:
    """Every command and subcommand of the click group is in the reference, in both languages."""
    reference = (language / "commands.md").read_text(encoding="utf-8")
    commands = _all_commands(cli)
    assert set(COMMANDS) <= set(commands)
    missing = [name for name in commands if f"`interview-tui {name}" not in reference]
    assert not missing, f"{_name(language / 'commands.md')} does not describe: {missing}"
