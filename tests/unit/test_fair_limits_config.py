"""The fair limits' settings: every `LIMIT_*` variable read, validated and shown by `tarot config`, with
documented defaults that are the ones in force, and the bot and `tarot chat` given what was set."""

from __future__ import annotations

import pytest

from runners.config import Settings, SettingsError
from runners.fair_limits import LIMIT_VARIABLES, default_of
from runners.variables import VARIABLES
from tarot_ports.rate_limit import RateLimit, RateLimits


def test_the_documented_defaults_are_the_defaults_in_force() -> None:
    documented = {v.name: v.default for v in VARIABLES}
    for variable in LIMIT_VARIABLES:
        assert documented[variable.name] == str(default_of(variable)), variable.name
    limits = Settings.from_env({}).limits
    assert limits == RateLimits()
    assert limits.readings_per_user == RateLimit(rate=5, period=3600, burst=3)
    assert limits.subscriber_readings_per_user == RateLimit(rate=30, period=3600, burst=10)
    assert limits.follow_ups_per_user == RateLimit(rate=10, period=3600, burst=3)
    assert limits.llm_readings_global == RateLimit(rate=60, period=60, burst=60)


def test_each_limit_is_set_by_its_variable_and_shown_by_tarot_config() -> None:
    env = {
        "LIMIT_READINGS_PER_HOUR": "8",
        "LIMIT_READINGS_BURST": "2",
        "LIMIT_SUBSCRIBER_READINGS_PER_HOUR": "90",
        "LIMIT_SUBSCRIBER_READINGS_BURST": "20",
        "LIMIT_FOLLOW_UPS_PER_HOUR": "12",
        "LIMIT_FOLLOW_UPS_BURST": "4",
        "LIMIT_COMMANDS_PER_MINUTE": "40",
        "LIMIT_COMMANDS_BURST": "15",
        "LIMIT_LLM_READINGS_PER_MINUTE": "300",
        "LIMIT_API_CALLS_PER_MINUTE": "600",
        "LIMIT_API_CALLS_BURST": "60",
        "LIMIT_API_READINGS_PER_MINUTE": "20",
        "LIMIT_API_READINGS_BURST": "8",
    }
    settings = Settings.from_env(env)
    limits = settings.limits
    assert limits.readings_per_user == RateLimit(rate=8, period=3600, burst=2)
    assert limits.subscriber_readings_per_user == RateLimit(rate=90, period=3600, burst=20)
    assert limits.follow_ups_per_user == RateLimit(rate=12, period=3600, burst=4)
    assert limits.commands_per_user == RateLimit(rate=40, period=60, burst=15)
    assert limits.llm_readings_global == RateLimit(rate=300, period=60, burst=300)
    assert limits.api_calls_per_client == RateLimit(rate=600, period=60, burst=60)
    assert limits.api_readings_per_client == RateLimit(rate=20, period=60, burst=8)
    shown = dict(settings.effective())
    assert {name: shown[name] for name in env} == env


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("0", "LIMIT_READINGS_BURST must be between 1 and 1000000, got 0"),
        ("many", "LIMIT_READINGS_BURST must be an integer, got 'many'"),
    ],
)
def test_a_bad_limit_is_one_clear_line(value: str, problem: str) -> None:
    with pytest.raises(SettingsError) as caught:
        Settings.from_env({"LIMIT_READINGS_BURST": value})
    assert caught.value.problems == [problem]


async def test_the_assembled_bot_is_given_the_limits_set(
    tmp_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from runners.bot import load_bot_settings, open_runtime

    env = {
        "TELEGRAM_API_ID": "12345",
        "TELEGRAM_API_HASH": "0123456789abcdef0123456789abcdef",
        "TELEGRAM_BOT_TOKEN": "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ",
        "TAROT_SQLITE_PATH": f"{tmp_path}/tarot.sqlite3",
        "LIMIT_SUBSCRIBER_READINGS_PER_HOUR": "45",
    }
    for name in ("DATABASE_URL", "REDIS_URL", "OPENAI_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TAROT_SQLITE_PATH", f"{tmp_path}/tarot.sqlite3")  # the store reads the process env
    settings, bot_settings = load_bot_settings(env)
    async with open_runtime(settings, bot_settings) as runtime:
        limits = runtime.dialog.config.limits
    assert limits["subscriber_readings_per_user"] == RateLimit(rate=45, period=3600, burst=10)
    assert limits["readings_per_user"] == RateLimit(rate=5, period=3600, burst=3)


async def test_the_assembled_web_api_is_given_the_api_limits_set(tmp_path: object) -> None:
    from adapters.http import ApiLimits
    from runners.config import WebSettings
    from runners.web import open_web_deps

    env = {"LIMIT_API_CALLS_PER_MINUTE": "600", "LIMIT_API_READINGS_BURST": "8"}
    settings = Settings.from_env({**env, "DATABASE_URL": f"sqlite:///{tmp_path}/tarot.sqlite3"})
    web = WebSettings.from_env({"TAROT_API_KEYS": "shop:k0123456789abcdef0123"})
    async with open_web_deps(settings, web) as deps:
        limits = deps.limits
    assert limits.calls == RateLimit(rate=600, period=60, burst=30)
    assert limits.readings == RateLimit(rate=10, period=60, burst=8)
    assert ApiLimits() == ApiLimits(
        calls=RateLimits().api_calls_per_client, readings=RateLimits().api_readings_per_client
    )  # the adapter's own defaults are the documented ones
