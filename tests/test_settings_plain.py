"""Settings read without pydantic when every value is plainly valid: the same values and
sources as the validating model gives; anything else goes through the model and its words."""

from __future__ import annotations

import pytest

from interview_tui import settings

CASES = [
    ({}, ""),
    (
        {"INTERVIEW_TUI_ALARM": "off", "INTERVIEW_TUI_ALARM_DAYS_BEFORE": "3"},
        'name = "Lin Wei"\nemail = " lin@example.com "\nalarm_time = "7:05"\n'
        'recap_lang = "ZH"\nlang = "zh_CN.UTF-8"\nsignature = "Lin\\n\\tPM"\noption_keys = true\n',
    ),
    ({"INTERVIEW_TUI_NAME": "Ann"}, 'name = "Lin"\nexport_folder = " ~/out "\nunknown = 1\n'),
    # bad or unusual values: both paths must agree, through the model
    ({}, 'alarm = "maybe"\n'),
    ({}, 'alarm_days_before = 99\nname = "a\\u0007b"\n'),
    ({"INTERVIEW_TUI_ALARM": " yes "}, "alarm_days_before = 2.0\n"),
    ({"interview_tui_name": "lower"}, ""),
    ({}, "email = 3\n"),
]


@pytest.mark.parametrize(("env", "text"), CASES)
def test_plain_values_equal_the_models(tmp_path, monkeypatch, env, text) -> None:
    for name in list(__import__("os").environ):
        if name.upper().startswith("INTERVIEW_TUI_"):
            monkeypatch.delenv(name)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    path = tmp_path / "settings.toml"
    if text:
        path.write_text(text, encoding="utf-8")
    plain = settings.load_settings(path)
    monkeypatch.setattr(settings, "_plain_values", lambda data, env: None)
    model = settings.load_settings(path)
    assert (plain.settings, plain.sources, plain.problems) == (
        model.settings,
        model.sources,
        model.problems,
    )


def test_valid_values_are_taken_without_the_model(tmp_path, monkeypatch) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('name = "Lin"\nalarm = false\nalarm_days_before = 2\n', encoding="utf-8")

    def no_model() -> None:
        raise AssertionError("the model was loaded for valid values")

    monkeypatch.setattr(settings, "_model", no_model)
    loaded = settings.load_settings(path)
    assert (loaded.settings.name, loaded.settings.alarm, loaded.settings.alarm_days_before) == (
        "Lin",
        False,
        2,
    )
    assert loaded.sources["name"] == str(path)
