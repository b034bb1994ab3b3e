"""`tarot read` offline starts without the adapters' network libraries; the other commands and the help,
which load the plugged sub-commands, still work as before."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

# Run `tarot` in this process's interpreter and, at exit, write the names of every module it imported
# and whether the cyclic garbage collector was on.
WRAPPER = """
import atexit, gc, json, sys
report = sys.argv.pop(1)
atexit.register(
    lambda: open(report, "w").write(json.dumps({"modules": sorted(sys.modules), "gc": gc.isenabled()}))
)
sys.argv[0] = "tarot"
from runners.cli import main
main()
"""
NETWORK_LIBRARIES = ("aiohttp", "telethon", "psycopg", "psycopg_pool", "redis", "httpx")
EVERY_COMMAND = ("spreads", "cards", "read", "migrate", "admin", "bot", "chat", "web", "config", "serve")
ADAPTER_KEYS = ("OPENAI_API_KEY", "DATABASE_URL", "REDIS_URL", "TELEGRAM_BOT_TOKEN", "STRIPE_SECRET_KEY")


def offline(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ADAPTER_KEYS}
    env["TAROT_ENV_FILE"] = str(tmp_path / "absent.env")
    return env


def tarot(tmp_path: Path, *argv: str) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    done, modules, _ = tarot_gc(tmp_path, *argv)
    return done, modules


def tarot_gc(tmp_path: Path, *argv: str) -> tuple[subprocess.CompletedProcess[str], list[str], bool]:
    report = tmp_path / "modules.json"
    done = subprocess.run(
        [sys.executable, "-c", WRAPPER, str(report), *argv],
        env=offline(tmp_path),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    found = json.loads(report.read_text()) if report.exists() else {"modules": [], "gc": None}
    return done, found["modules"], found["gc"]


def top_level(modules: list[str]) -> set[str]:
    return {name.partition(".")[0] for name in modules}


@pytest.mark.parametrize("spread", ["three", "celtic-cross"])
def test_an_offline_reading_imports_no_network_library(tmp_path: Path, spread: str) -> None:
    done, modules = tarot(tmp_path, "read", "Will it work out?", "--spread", spread, "--seed", "3")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip(), "the reading is printed"
    assert "runners.commands" in modules  # the report is of the process that read
    loaded = top_level(modules)
    assert [name for name in NETWORK_LIBRARIES if name in loaded] == []
    assert "loguru" not in loaded  # nothing was logged, so no sink was set up
    assert not {"yaml", "pydantic", "werkzeug"} & loaded  # dependency-injector's unused integrations
    assert "tarot_domain.use_cases.payments" not in modules  # built only when payments are asked for
    assert "prometheus_client" not in loaded  # readings are counted, but nothing scrapes a CLI
    # Nor the modules of the sub-commands the reading does not run.
    assert not {"runners.web", "runners.bot", "runners.admin_cli", "runners.serve_cli"} & set(modules)


def test_the_json_reading_and_the_listings_import_none_either(tmp_path: Path) -> None:
    for argv in (("read", "Q?", "--json", "--lang", "uk"), ("spreads",), ("cards", "--deck", "thoth")):
        done, modules = tarot(tmp_path, *argv)
        assert done.returncode == 0, done.stderr
        assert [name for name in NETWORK_LIBRARIES if name in top_level(modules)] == [], argv


def test_the_help_still_lists_every_sub_command(tmp_path: Path) -> None:
    for argv in (("--help",), ("-h", "read")):
        done, _ = tarot(tmp_path, *argv)
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith("usage: tarot [-h] [--version] COMMAND ...")
        for command in EVERY_COMMAND:
            assert f"    {command} " in done.stdout, (argv, command)


def test_a_sub_commands_own_help_and_usage_errors(tmp_path: Path) -> None:
    done, _ = tarot(tmp_path, "read", "--help")
    assert done.returncode == 0 and done.stdout.startswith("usage: tarot read [-h]")
    assert "--interpreter {auto,offline,openai}" in done.stdout
    bad, _ = tarot(tmp_path, "read")  # the question is missing
    assert bad.returncode == 2 and bad.stderr.strip().splitlines() == [
        "tarot read: error: the following arguments are required: question"
    ]
    unknown, _ = tarot(tmp_path, "reed", "Q?")  # not one of ours: the whole parser names the choices
    assert unknown.returncode == 2 and "invalid choice: 'reed'" in unknown.stderr
    assert "'serve'" in unknown.stderr


def test_the_plugged_commands_still_run(tmp_path: Path) -> None:
    done, modules = tarot(tmp_path, "config", "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert "OPENAI_API_KEY" in report["variables"] and report["problems"] == []
    assert "runners.serve_cli" in modules


def test_the_integrations_left_out_of_dependency_injector_still_import_for_whoever_wants_them() -> None:
    script = (
        "import sys, runners.injector as i\n"
        "assert 'yaml' not in sys.modules and 'pydantic' not in sys.modules\n"
        "assert i.providers.Object(3)() == 3\n"
        "import yaml, pydantic\n"  # the test extras install both
        "print(yaml.safe_load('a: 1')['a'], pydantic.BaseModel.__name__)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["1", "BaseModel"]


def test_one_shot_commands_run_without_the_cyclic_collector_and_the_others_keep_it(tmp_path: Path) -> None:
    done, _, collecting = tarot_gc(tmp_path, "read", "Q?", "--spread", "single")
    assert done.returncode == 0 and collecting is False
    done, _, collecting = tarot_gc(tmp_path, "config")
    assert done.returncode == 0 and collecting is True
