"""Question banks: validation with file, line, question id and field; user overrides."""

from __future__ import annotations

from pathlib import Path

from interview_tui.banks.library import bundled_banks_dir, load_library
from interview_tui.banks.loader import load_bank_file, parse_bank

GOOD = """\
[bank]
id = "team"
language = "en"
title = "Team bank"

[[questions]]
id = "q-1"
role = "tech_execution"
goal = "pain_points"
text = "Which alert woke your on-call engineer most often last month?"
research = "Their status page showed three incidents."
purpose = "Rank pains"
follow_ups = ["How long did it take to resolve?"]

[[questions]]
id = "q-2"
role = "business"
goal = "business_goals"
text = "What latency target did the board set for the Middle East launch?"

[[customer_questions]]
id = "cq-1"
text = "When will the Dubai region open?"
answer = "Share the public plan only; no dates beyond it."
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_bank_loads_with_lines(tmp_path: Path) -> None:
    load = load_bank_file(_write(tmp_path, "good.toml", GOOD))
    assert load.errors == []
    assert load.bank is not None
    assert [q.id for q in load.bank.questions] == ["q-1", "q-2"]
    assert [q.line for q in load.bank.questions] == [6, 15]
    assert load.bank.questions[0].language == "en"
    assert load.bank.customer_questions[0].line == 21


def test_errors_name_file_line_question_and_field(tmp_path: Path) -> None:
    text = GOOD.replace('role = "business"', 'role = "ceo"').replace(
        'follow_ups = ["How long did it take to resolve?"]', 'follow_ups = "not a list"'
    )
    path = _write(tmp_path, "bad.toml", text)
    load = load_bank_file(path)
    assert load.bank is None
    messages = [str(error) for error in load.errors]
    assert any(m.startswith(f"{path}:17: q-2: role: ") and "'ceo'" in m for m in messages), messages
    assert any(m.startswith(f"{path}:13: q-1: follow_ups: ") for m in messages), messages


def test_unknown_field_missing_field_and_duplicate_id(tmp_path: Path) -> None:
    text = GOOD.replace('purpose = "Rank pains"', 'purpse = "Rank pains"').replace(
        'id = "q-2"', 'id = "q-1"'
    )
    text += '\n[[questions]]\nid = "q-3"\nrole = "business"\ngoal = "business_goals"\n'
    path = _write(tmp_path, "dup.toml", text)
    messages = [str(error) for error in load_bank_file(path).errors]
    assert f"{path}:12: q-1: purpse: unknown field (check the spelling)" in messages
    assert any("q-1: id: duplicate id (first used on line 6)" in m for m in messages)
    assert f"{path}:26: q-3: text: required field is missing" in messages


def test_bad_toml_names_the_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "broken.toml", GOOD.replace('title = "Team bank"', "title = oops"))
    errors = load_bank_file(path).errors
    assert len(errors) == 1
    assert str(errors[0]).startswith(f"{path}:4: invalid TOML")


def test_missing_bank_table_and_unreadable_file(tmp_path: Path) -> None:
    errors = parse_bank('[[questions]]\nid = "x"\n', Path("nobank.toml")).errors
    assert any(e.question_id == "[bank]" and "missing" in e.message for e in errors)
    missing = load_bank_file(tmp_path / "nope.toml")
    assert missing.bank is None and "cannot read the bank" in str(missing.errors[0])
    latin1 = tmp_path / "latin1.toml"
    latin1.write_bytes("title = 'caf\xe9'".encode("latin-1"))
    assert "not UTF-8" in str(load_bank_file(latin1).errors[0])


def test_broken_bank_is_skipped_and_others_load(tmp_path: Path) -> None:
    bundled = tmp_path / "bundled"
    bundled.mkdir()
    _write(bundled, "good.toml", GOOD)
    _write(bundled, "broken.toml", "[bank\n")
    library = load_library(bundled=bundled, user=tmp_path / "none")
    assert [bank.id for bank in library.banks] == ["team"]
    assert len(library.errors) == 1 and "broken.toml:1" in str(library.errors[0])


def test_user_bank_overrides_bundled_question_by_id(tmp_path: Path) -> None:
    bundled = tmp_path / "bundled"
    user = tmp_path / "user"
    bundled.mkdir()
    user.mkdir()
    _write(bundled, "good.toml", GOOD)
    override = GOOD.replace('id = "team"', 'id = "mine"').replace(
        "Which alert woke your on-call engineer most often last month?",
        "Which alert paged your team most often in October?",
    )
    _write(user, "mine.toml", override)
    library = load_library(bundled=bundled, user=user)
    questions = {q.id: q for q in library.questions("en")}
    assert questions["q-1"].text == "Which alert paged your team most often in October?"
    assert len(questions) == 2
    assert library.question("q-1").bank_id == "mine"


def test_bundled_banks_are_valid_and_complete() -> None:
    library = load_library(bundled=bundled_banks_dir(), user=Path("/nonexistent"))
    assert library.errors == []
    languages = {bank.language for bank in library.banks}
    assert languages == {"en", "zh-CN"}
    for language in languages:
        questions = library.questions(language)
        for role in ("business", "procurement", "tech_decision", "tech_execution"):
            assert sum(q.role == role for q in questions) >= 12, (language, role)
        assert {q.goal.value for q in questions} >= {
            "team_profile",
            "business_goals",
            "usage_vendors",
            "direction_feedback",
            "key_requirements",
            "pain_points",
            "personal_connection",
        }
        assert all(q.research and q.purpose and q.follow_ups for q in questions)
        assert len(library.customer_questions(language)) >= 15


def test_industry_for_maps_free_text_in_both_languages() -> None:
    from interview_tui.banks.industry import industry_for

    cases = {
        "Freight and logistics": "retail",
        "E-commerce marketplace": "retail",
        "短视频与直播": "general",  # no bank of its own: the general bank, said so
        "SaaS 出海": "general",
        "在线教育出海": "general",
        "游戏出海": "gaming",
        "Mobile games": "gaming",
        "支付": "finance",
        "Retail banking": "finance",
        "Payments for e-commerce": "finance",
        "智能制造": "manufacturing",
        "Industrial IoT": "manufacturing",
        "保险": "finance",
        "连锁零售": "retail",
        "finance": "finance",
        "General": "general",
        "Public sector": "general",
        "证券": "finance",
        "": None,
        None: None,
    }
    assert {text: industry_for(text) for text in cases} == cases
