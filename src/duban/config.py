"""Settings: one validated object, read from ``DUBAN_*`` environment variables.

Nothing is read at import time. :func:`get_settings` builds a
:class:`Settings` when a command or the web app starts, so duban runs with
zero configuration on SQLite and a test can build as many differently
configured instances as it likes. Every field is documented in
``docs/settings.md`` (a test checks that).

Derived values are filled in by :func:`get_settings`: the database URL
defaults to a SQLite file in the data folder, the upload folder lives there
too, and a secret key is generated and stored there on first run.
"""

from __future__ import annotations

import os
import secrets
import sys
from datetime import date
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DATA_HOME_NAME = ".duban"
SECRET_FILE = "secret_key"
DATABASE_FILE = "duban.sqlite3"


class AssessmentWeights(BaseModel):
    """The year-end score of a department, from its tasks and notices.

    ``score = 100 × Σ(weight of each task's outcome) ÷ tasks − notice_penalty × overdue notices``,
    clamped to 0…100; a department with no tasks scores ``None``. Outcomes:
    done on time, done late, on track (green), behind (yellow), seriously
    behind or overdue (red), not yet reported.
    """

    on_time: float = 1.0
    late: float = 0.6
    on_track: float = 0.8
    behind: float = 0.5
    overdue: float = 0.0
    not_reported: float = 0.3
    notice_penalty: float = 2.0

    def score(
        self,
        *,
        on_time: int = 0,
        late: int = 0,
        on_track: int = 0,
        behind: int = 0,
        overdue: int = 0,
        not_reported: int = 0,
        overdue_notices: int = 0,
    ) -> float | None:
        """The formula above; ``None`` when the department has no tasks."""
        tasks = on_time + late + on_track + behind + overdue + not_reported
        if tasks == 0:
            return None
        earned = (
            self.on_time * on_time
            + self.late * late
            + self.on_track * on_track
            + self.behind * behind
            + self.overdue * overdue
            + self.not_reported * not_reported
        )
        raw = 100.0 * earned / tasks - self.notice_penalty * overdue_notices
        return round(min(100.0, max(0.0, raw)), 1)


def default_data_home(cwd: Path | None = None) -> Path:
    """``./.duban`` in a checkout or where it already exists, else the platform's user data folder.

    A checkout is a folder with a ``pyproject.toml``; elsewhere duban keeps its
    data where the platform expects application data (XDG on Linux).
    """
    here = cwd or Path.cwd()
    local = here / DATA_HOME_NAME
    if local.exists() or (here / "pyproject.toml").is_file():
        return local
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "duban"


class Settings(BaseSettings):
    """Every setting of duban; environment variable = ``DUBAN_`` + upper-case name.

    Nested assessment weights use ``__``: ``DUBAN_ASSESSMENT__LATE=0.5``.
    """

    model_config = SettingsConfigDict(
        env_prefix="DUBAN_",
        env_nested_delimiter="__",
        extra="ignore",
        validate_default=True,
    )

    data_home: Path = Field(default_factory=default_data_home)
    database_url: str = ""
    data_dir: Path | None = None
    upload_dir: Path | None = None
    max_upload_bytes: int = Field(default=20 * 1024 * 1024, gt=0)
    upload_extensions: list[str] = Field(
        default_factory=lambda: [
            ".pdf", ".png", ".jpg", ".jpeg", ".gif", ".webp",
            ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".wps", ".et", ".ofd", ".txt",
        ]
    )
    max_report_bytes: int = Field(default=50 * 1024 * 1024, gt=0)
    secret_key: SecretStr | None = None
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=0, le=65535)
    cookie_secure: bool = False
    session_max_age: int = Field(default=8 * 3600, gt=0)
    password_profile: Literal["rfc9106-low-memory", "rfc9106-high-memory", "cheapest"] = "rfc9106-low-memory"
    login_max_attempts: int = Field(default=5, gt=0)
    login_window_seconds: int = Field(default=300, gt=0)
    page_size: int = Field(default=50, gt=0, le=1000)
    timezone: str = "Asia/Shanghai"
    status_yellow_behind: float = Field(default=10.0, ge=0)
    status_red_behind: float = Field(default=30.0, ge=0)
    reminder_day: int = Field(default=25, ge=1, le=28)
    assessment: AssessmentWeights = Field(default_factory=AssessmentWeights)
    fulfil_about_tolerance: float = Field(default=0.5, ge=0)
    today: date | None = None  # pins the date statuses are computed for (a demo of a past year)

    @model_validator(mode="after")
    def _check_thresholds(self) -> Settings:
        if self.status_red_behind < self.status_yellow_behind:
            raise ValueError("status_red_behind must not be below status_yellow_behind")
        self.upload_extensions = [e.lower() if e.startswith(".") else f".{e.lower()}" for e in self.upload_extensions]
        return self

    # ----------------------------------------------------------------- derived

    @property
    def resolved_database_url(self) -> str:
        """``database_url``, or the SQLite file ``duban.sqlite3`` in the data folder."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_home / DATABASE_FILE).resolve()}"

    @property
    def resolved_upload_dir(self) -> Path:
        """Where evidence files are stored under generated names."""
        return self.upload_dir or self.data_home / "uploads"

    def secret(self) -> str:
        """The secret key as a plain string (set by :func:`get_settings`)."""
        if self.secret_key is None:
            raise RuntimeError("Settings.secret_key is unset; build settings with get_settings()")
        return self.secret_key.get_secret_value()

    def with_overrides(self, overrides: dict[str, Any]) -> Settings:
        """A copy with the admin's stored overrides applied and validated again."""
        if not overrides:
            return self
        data = self.model_dump()
        data.update(overrides)
        return Settings.model_validate(data)


def load_or_create_secret(data_home: Path) -> str:
    """The secret key stored in ``data_home``, generated (mode 0600) on first use."""
    path = data_home / SECRET_FILE
    if path.is_file():
        value = path.read_text(encoding="utf-8").strip()
        if value:
            return value
    data_home.mkdir(parents=True, exist_ok=True)
    value = secrets.token_urlsafe(48)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(value + "\n")
    return value


def get_settings(**overrides: Any) -> Settings:
    """Build the settings from the environment (plus keyword ``overrides``).

    Fills in the secret key: ``DUBAN_SECRET_KEY`` if set, else the one stored
    in the data folder (created on first run).
    """
    settings = Settings(**overrides)
    if settings.secret_key is None:
        settings.secret_key = SecretStr(load_or_create_secret(settings.data_home))
    return settings


__all__ = ["AssessmentWeights", "Settings", "default_data_home", "get_settings", "load_or_create_secret"]
