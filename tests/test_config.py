"""Settings: defaults, DUBAN_* overrides, the generated secret, the assessment formula."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from duban.config import AssessmentWeights, Settings, default_data_home, get_settings


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DUBAN_DATABASE_URL", "DUBAN_DATA_HOME", "DUBAN_SECRET_KEY", "DUBAN_REMINDER_DAY"):
        monkeypatch.delenv(name, raising=False)


def test_config_defaults(tmp_path: Path) -> None:
    settings = get_settings(data_home=tmp_path)
    assert settings.resolved_database_url == f"sqlite:///{(tmp_path / 'duban.sqlite3').resolve()}"
    assert settings.resolved_upload_dir == tmp_path / "uploads"
    assert (settings.status_yellow_behind, settings.status_red_behind) == (10.0, 30.0)
    assert settings.reminder_day == 25
    assert settings.fulfil_about_tolerance == 0.5
    assert (settings.host, settings.port) == ("127.0.0.1", 8000)


def test_config_environment_overrides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DUBAN_DATA_HOME", str(tmp_path))
    monkeypatch.setenv("DUBAN_DATABASE_URL", "postgresql+psycopg://u@h/db")
    monkeypatch.setenv("DUBAN_REMINDER_DAY", "20")
    monkeypatch.setenv("DUBAN_ASSESSMENT__LATE", "0.4")
    monkeypatch.setenv("DUBAN_UPLOAD_EXTENSIONS", '["PDF", "png"]')
    settings = get_settings()
    assert settings.data_home == tmp_path
    assert settings.resolved_database_url == "postgresql+psycopg://u@h/db"
    assert settings.reminder_day == 20
    assert settings.assessment.late == 0.4
    assert settings.upload_extensions == [".pdf", ".png"]


def test_config_secret_generated_once(tmp_path: Path) -> None:
    first = get_settings(data_home=tmp_path).secret()
    second = get_settings(data_home=tmp_path).secret()
    assert first == second and len(first) >= 32
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600
    assert get_settings(data_home=tmp_path, secret_key="given").secret() == "given"


def test_config_not_built_at_import() -> None:
    from duban import config

    assert not any(isinstance(v, Settings) for v in vars(config).values())


@pytest.mark.parametrize(
    "bad",
    [
        {"status_yellow_behind": 40, "status_red_behind": 30},
        {"reminder_day": 31},
        {"port": 70000},
        {"max_upload_bytes": 0},
    ],
)
def test_config_rejects_bad_values(tmp_path: Path, bad: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        Settings(data_home=tmp_path, **bad)


def test_config_overrides_validated(tmp_path: Path) -> None:
    settings = get_settings(data_home=tmp_path)
    assert settings.with_overrides({"reminder_day": 10}).reminder_day == 10
    with pytest.raises(ValidationError):
        settings.with_overrides({"reminder_day": 0})


def test_config_data_home_default(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("")
    assert default_data_home(tmp_path) == tmp_path / ".duban"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    assert default_data_home(elsewhere).name == "duban"


@pytest.mark.parametrize(
    ("counts", "score"),
    [
        ({}, None),
        ({"on_time": 4}, 100.0),
        ({"on_time": 1, "late": 1}, 80.0),
        ({"on_track": 1, "behind": 1, "overdue": 1, "not_reported": 1}, 40.0),
        ({"on_time": 2, "overdue_notices": 3}, 94.0),
        ({"overdue": 1, "overdue_notices": 5}, 0.0),
    ],
)
def test_config_assessment_score(counts: dict[str, int], score: float | None) -> None:
    assert AssessmentWeights().score(**counts) == score
