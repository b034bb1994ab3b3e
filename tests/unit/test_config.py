"""Settings: one line per problem, .env support, masked output, and documentation kept in step."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from runners.cli import build_parser
from runners.config import Settings, SettingsError, read_dotenv
from runners.variables import KNOWN, VARIABLES

ROOT = Path(__file__).resolve().parents[2]
SECRET_ENV = {
    "DATABASE_URL": "postgresql://tarot:pg-pass-123456@db:5432/tarot",
    "OPENAI_API_KEY": "sk-test-0123456789abcdef",
    "STRIPE_SECRET_KEY": "sk_test_0123456789abcdef",
    "STRIPE_WEBHOOK_SECRET": "whsec_0123456789abcdef",
    "TAROT_PUBLIC_URL": "https://tarot.example",
    "TAROT_API_KEYS": "shop:0123456789abcdef-key",
    "TELEGRAM_API_ID": "12345",
    "TELEGRAM_API_HASH": "0123456789abcdef0123456789abcdef",
    "TELEGRAM_BOT_TOKEN": "123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
}


def test_nothing_set_means_embedded_defaults() -> None:
    settings = Settings.from_env({})
    assert settings.adapters() == {
        "store": "sqlite",
        "sessions/limits/cache": "in-process",
        "interpreter": "offline",
        "payments": "stars",
        "telegram": "not configured",
    }


def test_every_problem_is_one_clear_line() -> None:
    with pytest.raises(SettingsError) as caught:
        Settings.from_env(
            {
                "WELCOME_CREDITS": "lots",
                "LOG_FORMAT": "xml",
                "DATABASE_URL": "mysql://x",
                "HOLD_TTL_SECONDS": "5",
                "TELEGRAM_ADMIN_IDS": "1,two",
                "JOBS": "maybe",
            }
        )
    problems = caught.value.problems
    assert len(problems) == 6
    assert "WELCOME_CREDITS must be an integer, got 'lots'" in problems
    assert all("\n" not in p for p in problems)


def test_a_malformed_telegram_setting_is_named_without_echoing_secrets() -> None:
    settings = Settings.from_env({**SECRET_ENV, "TELEGRAM_API_ID": "abc"})
    assert settings.telegram is None
    assert settings.telegram_problem == "TELEGRAM_API_ID must be an integer, got 'abc'"


def test_real_adapters_are_switched_on_by_their_variables() -> None:
    settings = Settings.from_env({**SECRET_ENV, "REDIS_URL": "redis://r:6379/0"})
    assert settings.adapters() == {
        "store": "postgres",
        "sessions/limits/cache": "redis",
        "interpreter": "openai:gpt-4o-mini",
        "payments": "stars+stripe",
        "telegram": "configured",
    }


def test_effective_configuration_masks_every_secret() -> None:
    settings = Settings.from_env(SECRET_ENV)
    shown = repr(settings) + str(settings.effective())
    for name in ("OPENAI_API_KEY", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "TELEGRAM_API_HASH"):
        assert SECRET_ENV[name] not in shown
    assert "pg-pass-123456" not in shown and "postgresql://tarot:***@db:5432/tarot" in shown
    assert set(settings.secrets()) >= {SECRET_ENV["OPENAI_API_KEY"], "pg-pass-123456"}


def test_dotenv_is_read_and_the_environment_wins(tmp_path: Path) -> None:
    dotenv = tmp_path / ".env"
    dotenv.write_text(
        "# comment\nexport WELCOME_CREDITS=7\nLOG_LEVEL='debug'\nFOLLOW_UP_COST=3 # inline\n\n",
        encoding="utf-8",
    )
    assert read_dotenv(dotenv) == {"WELCOME_CREDITS": "7", "LOG_LEVEL": "debug", "FOLLOW_UP_COST": "3"}
    settings = Settings.from_env({"WELCOME_CREDITS": "9"}, dotenv=dotenv)
    assert (settings.welcome_credits, settings.log_level, settings.follow_up_cost) == (9, "DEBUG", 3)
    dotenv.write_text("not a line\n", encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        read_dotenv(dotenv)
    assert ":1: expected KEY=value" in caught.value.problems[0]


def test_tarot_config_prints_masked_values_and_exits_2_on_a_bad_setting(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), **SECRET_ENV}
    done = subprocess.run(
        [sys.executable, "-m", "runners", "config"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    secret_names = {v.name for v in VARIABLES if v.secret}
    shown_secrets = [
        name for name, value in SECRET_ENV.items() if name in secret_names and value in done.stdout
    ]
    assert shown_secrets == []
    assert "pg-pass-123456" not in done.stdout
    assert "interpreter: openai:gpt-4o-mini" in done.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "runners", "config"],
        capture_output=True,
        text=True,
        env={**env, "TAROT_WEB_PORT": "http"},
        cwd=tmp_path,
        timeout=60,
    )
    assert bad.returncode == 2
    assert bad.stderr.strip() == "tarot: configuration: TAROT_WEB_PORT must be an integer, got 'http'"


def test_every_variable_is_documented_in_the_readme_and_env_example() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    for variable in VARIABLES:
        assert f"`{variable.name}`" in readme, variable.name
        assert f"# {variable.name}=" in example, variable.name
    read_in_code = set()
    for path in [*ROOT.glob("runners/*.py"), *ROOT.glob("adapters/**/*.py")]:
        read_in_code |= set(
            re.findall(r"\"((?:TAROT|TELEGRAM|STRIPE|OPENAI|DATABASE|REDIS)_[A-Z_]+)\"", path.read_text())
        )
    assert read_in_code <= KNOWN | {"TAROT_TEST_FAKE_INTERPRETER"}, read_in_code - KNOWN


def test_compose_services_use_real_commands_and_known_variables() -> None:
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
    parser = build_parser()
    ours = {name: svc for name, svc in compose["services"].items() if svc.get("build") == "."}
    assert set(ours) == {"migrate", "web", "bot"}
    for name, svc in ours.items():
        args = parser.parse_args(svc["command"])  # raises SystemExit(2) on an unknown command or flag
        assert callable(args.handler), name
        assert set(svc.get("environment", {})) <= KNOWN, (name, set(svc["environment"]) - KNOWN)
    assert compose["services"]["migrate"]["restart"] == "no"
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert 'ENTRYPOINT ["tarot"]' in dockerfile and "USER tarot" in dockerfile and "/healthz" in dockerfile


def test_readme_variables_env_example_and_tarot_config_list_the_same_variables(tmp_path: Path) -> None:
    documented = [v.name for v in VARIABLES]
    assert len(documented) == len(set(documented))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    in_readme = re.findall(r"^\| `([A-Z][A-Z0-9_]+)` \|", table, flags=re.MULTILINE)
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    in_example = re.findall(r"^# ([A-Z][A-Z0-9_]+)=", example, flags=re.MULTILINE)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "runners", "config", "--json"], capture_output=True, text=True, env=env,
        cwd=tmp_path, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    shown = list(json.loads(done.stdout)["variables"])
    assert in_readme == documented  # same names, same order
    assert in_example == documented
    assert shown == documented
    text = subprocess.run(
        [sys.executable, "-m", "runners", "config"], capture_output=True, text=True, env=env, cwd=tmp_path,
        timeout=60,
    ).stdout  # fmt: skip
    assert [line.split()[0] for line in text.split("\n\n", 1)[0].splitlines()] == documented


def test_tarot_config_shows_defaults_and_names_each_malformed_variable(tmp_path: Path) -> None:
    env = {
        "PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "TELEGRAM_API_ID": "abc", "WELCOME_CREDITS": "7",
        "OPENAI_API_KEY": "sk-test-0123456789abcdef", "OPENAI_TEMPERATURE": "3",
        "DATABASE_URL": "postgresql://tarot:pg-pass-123456@db:5432/tarot",
    }  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "runners", "config", "--json"], capture_output=True, text=True, env=env,
        cwd=tmp_path, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2
    rows = json.loads(done.stdout)["variables"]
    assert rows["TELEGRAM_API_ID"] == {
        "value": "'abc'", "default": False, "problem": "TELEGRAM_API_ID must be an integer, got 'abc'",
    }  # fmt: skip
    assert rows["OPENAI_TEMPERATURE"]["problem"] == "OPENAI_TEMPERATURE must be <= 2: 3.0"
    assert rows["WELCOME_CREDITS"] == {"value": "7", "default": False, "problem": None}
    assert rows["LOG_LEVEL"] == {"value": "INFO", "default": True, "problem": None}
    assert rows["OPENAI_MODEL"] == {"value": "gpt-4o-mini", "default": True, "problem": None}
    assert rows["TAROT_SQLITE_PATH"]["value"] == str(tmp_path / ".local/share/tarot-bot/tarot.sqlite3")
    assert rows["DATABASE_URL"]["value"] == "postgresql://tarot:***@db:5432/tarot"
    assert rows["OPENAI_API_KEY"]["value"] == "***"
    assert done.stderr.splitlines() == [
        "tarot: configuration: OPENAI_TEMPERATURE must be <= 2: 3.0",
        "tarot: configuration: TELEGRAM_API_ID must be an integer, got 'abc'",
    ]
