"""What `tarot config` shows: every documented variable with the value in force (or its default),
secrets masked, and each malformed one named with what is wrong with it.

Validation stays in `Settings.from_env`, which names the variable in every problem it reports. To show
the rest of a configuration that has a malformed value, the report sets each named variable aside and
reads the others again, so one typo never hides the whole table.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

from attrs import frozen

from runners.config import Settings, SettingsError, content_dirs
from runners.masking import MASK, mask_credentials
from runners.variables import VARIABLES

ENV_ONLY = ("TAROT_SQLITE_PATH", "TAROT_PUBLIC_URL", "TAROT_CONTENT_PATH", "TAROT_ENV_FILE")
PREFIXES = ("TAROT_", "TELEGRAM_", "STRIPE_", "OPENAI_", "SAFETY_", "LIMIT_")
_NAMES = tuple(v.name for v in VARIABLES)


@frozen
class Row:
    """One variable: `value` in force (masked), `default` when the environment does not set it,
    `problem` when what it sets is malformed."""

    name: str
    value: str
    default: bool
    problem: str | None = None


@frozen
class ConfigReport:
    rows: tuple[Row, ...]
    adapters: Mapping[str, str]
    helplines: str
    problems: tuple[str, ...]  # every problem, one line each (those of `rows` included)
    unknown: tuple[str, ...]  # variables that look like ours but are not (typos)

    @property
    def ok(self) -> bool:
        return not self.problems


def named_in(problem: str) -> list[str]:
    return [name for name in _NAMES if re.search(rf"\b{name}\b", problem)]


def _is_set(source: Mapping[str, str], name: str) -> bool:
    return bool(source.get(name, "").strip())


def _settings_despite(source: Mapping[str, str]) -> tuple[Settings, dict[str, str], list[str]]:
    """Settings from `source` with each malformed variable set aside: (settings, the malformed
    variables with their problem, every problem)."""
    cleaned = dict(source)
    malformed: dict[str, str] = {}
    problems: list[str] = []
    for _ in range(len(_NAMES) + 1):
        try:
            settings = Settings.from_env(cleaned)
        except SettingsError as error:
            culprits = {name: p for p in error.problems for name in named_in(p) if _is_set(cleaned, name)}
            problems += [p for p in error.problems if p not in problems]
            if not culprits:
                return Settings(), malformed, problems
            for name, problem in culprits.items():
                malformed.setdefault(name, problem)
                cleaned.pop(name, None)
            continue
        if settings.telegram_problem:
            problems.append(settings.telegram_problem)
            for name in named_in(settings.telegram_problem):
                if _is_set(source, name):
                    malformed.setdefault(name, settings.telegram_problem)
        return settings, malformed, problems
    return Settings(), malformed, problems


def _env_only(source: Mapping[str, str], name: str) -> str | None:
    value = source.get(name, "").strip() or None
    if name == "TAROT_SQLITE_PATH":
        from runners.stores import default_sqlite_path

        return str(default_sqlite_path(source))
    if name == "TAROT_ENV_FILE":
        return value or os.environ.get("TAROT_ENV_FILE") or ".env"
    return value


def build_report(source: Mapping[str, str]) -> ConfigReport:
    settings, malformed, problems = _settings_despite(source)
    try:
        content_dirs(source)
    except SettingsError as error:
        problems += error.problems
        malformed["TAROT_CONTENT_PATH"] = error.problems[0]
    effective = dict(settings.effective())
    secret = {v.name for v in VARIABLES if v.secret}
    defaults = {v.name: v.default.replace("`", "") for v in VARIABLES}
    rows: list[Row] = []
    for name in _NAMES:
        given = _is_set(source, name)
        value = effective.get(name) if name not in ENV_ONLY else _env_only(source, name)
        if name in malformed:
            raw = source.get(name, "").strip()
            shown = MASK if name in secret and "://" not in raw else repr(raw)
            rows.append(Row(name, mask_credentials(shown), False, malformed[name]))
            continue
        if value is None and given:  # set, but nothing reads it as things stand (Telegram incomplete)
            raw = source.get(name, "").strip()
            value = MASK if name in secret and "://" not in raw else raw
        rows.append(Row(name, mask_credentials(value or defaults[name]), not given))
    unknown = tuple(sorted(k for k in source if k.startswith(PREFIXES) and k not in _NAMES))
    return ConfigReport(
        tuple(rows), settings.adapters(), settings.helplines_in_force(), tuple(problems), unknown
    )
