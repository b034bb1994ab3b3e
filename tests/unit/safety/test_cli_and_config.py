"""`tarot read` and `tarot config` with the safety screen: a crisis prints the support message (exit 0,
nothing drawn or stored), JSON carries `support` and `lean`, and an operator's helplines file is read,
validated with one clear line, and shown as the set in force."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import runners.commands
from runners.cli import run
from runners.config import Settings, SettingsError
from runners.container import InProcess, in_process
from runners.helplines import HelplinesFileError, load_helplines
from tarot_domain.model.safety import SafetyKind, support_for

GOOD_FILE = """\
# the lines this operator has checked
verified_on = 2027-01-15

[international]
name = "Find A Helpline"
url = "findahelpline.com"

[languages]
uk = "UA"
en = "UA"

[[regions]]
region = "UA"
emergency = "112"

[[regions.lines]]
name = "Lifeline Ukraine"
number = "7333"
hours = "24/7"
notes = "free from mobiles"
"""


@pytest.fixture
def containers(monkeypatch: pytest.MonkeyPatch) -> list[InProcess]:
    """Every container `tarot read` builds, kept so a test can look into its store afterwards."""
    made: list[InProcess] = []

    def keep(settings: Settings | None = None) -> InProcess:
        container = in_process(settings)
        made.append(container)
        return container

    monkeypatch.setattr(runners.commands, "in_process", keep)
    return made


def stored(container: InProcess) -> tuple[int, int, int]:
    state = container.gateways.store().state
    return len(state.users), len(state.book.transfers), len(state.readings)


def test_a_crisis_prints_the_support_message_and_draws_nothing(
    capsys: pytest.CaptureFixture[str], containers: list[InProcess]
) -> None:
    assert run(["read", "Should I kill myself?", "--spread", "yes-no"]) == 0
    out = capsys.readouterr()
    assert "911" in out.out and "findahelpline.com" in out.out and out.err == ""
    assert "The Answer" not in out.out
    assert stored(containers[-1]) == (0, 0, 0)


def test_a_crisis_in_json_has_no_cards_and_no_interpretation(
    capsys: pytest.CaptureFixture[str], containers: list[InProcess]
) -> None:
    assert run(["read", "Я хочу покінчити з усім", "--lang", "uk", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["cards"] == [] and "interpretation" not in data and "question" not in data
    assert data["support"]["kind"] == "crisis" and "7333" in data["support"]["message"]
    assert stored(containers[-1]) == (0, 0, 0)
    assert run(["read", "What now?", "--answer", "nobody would miss me", "--spread", "three", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["support"]["kind"] == "crisis"


def test_json_carries_support_and_lean_as_the_issue_describes(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["read", "Should I stop taking my antidepressants?", "--spread", "yes-no", "--json"]) == 0
    framed: dict[str, Any] = json.loads(capsys.readouterr().out)
    assert framed["support"]["kind"] == "health" and framed["lean"] is None
    assert framed["interpretation"].startswith(framed["support"]["message"])
    assert run(["read", "Will he call me?", "--spread", "yes-no", "--seed", "4", "--json"]) == 0
    plain: dict[str, Any] = json.loads(capsys.readouterr().out)
    assert "support" not in plain and plain["lean"] == ("no" if plain["cards"][0]["reversed"] else "yes")


def test_an_operators_helplines_file_is_read_and_used(tmp_path: Path) -> None:
    path = tmp_path / "helplines.toml"
    path.write_text(GOOD_FILE, encoding="utf-8")
    settings = Settings.from_env({"SAFETY_HELPLINES_FILE": str(path)})
    helplines = settings.helplines
    assert helplines.verified_on == date(2027, 1, 15) and settings.helplines_file == str(path)
    english = support_for(SafetyKind.CRISIS, "en", helplines).message
    assert "Lifeline Ukraine: 7333 (24/7, free from mobiles)" in english and "call 112 now" in english
    assert str(path) in settings.helplines_in_force()
    assert "shipped" in Settings.from_env({}).helplines_in_force()
    assert dict(settings.effective())["SAFETY_HELPLINES_FILE"] == str(path)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("verified_on = 2027-01-15\n", "[international] is required"),
        ("not toml at all = = =", "not valid TOML"),
        (GOOD_FILE.replace('number = "7333"', 'number = "call us"'), "is not a phone number"),
        (GOOD_FILE.replace('en = "UA"', 'en = "GB"'), "a region the file does not define"),
        (GOOD_FILE.replace("verified_on = 2027-01-15", ""), "verified_on"),
        (GOOD_FILE.replace('hours = "24/7"', 'phone = "1"'), "unknown keys: phone"),
        (
            GOOD_FILE.replace('name = "Lifeline Ukraine"\nnumber = "7333"', 'name = "No contact"'),
            "number or a url",
        ),
    ],
)
def test_a_bad_helplines_file_is_one_clear_line(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "helplines.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(HelplinesFileError, match=r"helplines\.toml: ") as raised:
        load_helplines(str(path))
    assert problem in str(raised.value) and "\n" not in str(raised.value)
    with pytest.raises(SettingsError) as settings_error:
        Settings.from_env({"SAFETY_HELPLINES_FILE": str(path)})
    assert settings_error.value.problems[0].startswith("SAFETY_HELPLINES_FILE ")


def test_tarot_config_shows_the_helplines_in_force_and_a_missing_file_fails_cleanly(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    shipped = subprocess.run(
        [sys.executable, "-m", "runners", "config"], capture_output=True, text=True, env=env, cwd=tmp_path,
        timeout=60,
    )  # fmt: skip
    assert shipped.returncode == 0, shipped.stderr
    assert "crisis helplines: shipped with the language packs, verified on" in shipped.stdout
    missing = subprocess.run(
        [sys.executable, "-m", "runners", "config"], capture_output=True, text=True, cwd=tmp_path, timeout=60,
        env={**env, "SAFETY_HELPLINES_FILE": str(tmp_path / "nope.toml")},
    )  # fmt: skip
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
    assert missing.stderr.startswith("tarot: configuration: SAFETY_HELPLINES_FILE ")
    assert "nope.toml: cannot be read" in missing.stderr and missing.stderr.count("\n") == 1
