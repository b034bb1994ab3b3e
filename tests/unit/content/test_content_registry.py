"""One registry finds the packs: a language is a folder, added beside the package through TAROT_CONTENT_PATH
as well as inside it; and the content version follows the content, identically in every process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from tarot_domain.content import registry, version
from tarot_domain.content.registry import PackText
from tarot_domain.model.localized import pick
from tarot_domain.model.spreads import get_spread
from tarot_domain.model.users import check_language, normalize_language

ROOT = Path(__file__).resolve().parents[3]

TINY_PACK = {
    "__init__.py": '"""A test-only language: just enough to prove a folder is a language."""\n',
    "about.py": """
        from tarot_domain.content.shapes import About

        ABOUT = About(name="Xish", english_name="Test language", plural={"one": "n = 1"})
    """,
    "messages.py": """
        from tarot_domain.content.shapes import Plural

        COUNTS = {"cards": Plural(one="{count} xx-card", other="{count} xx-cards")}
        MESSAGES = {"spreads.header": "XX SPREADS", "reading.upright": "xx-up", "reading.reversed": "xx-down"}
    """,
    "spreads.py": """
        from tarot_domain.content.shapes import PositionText, SpreadText

        SPREADS = {
            "three": SpreadText(
                name="Xx Three",
                description="Xx three cards.",
                positions={"past": PositionText("Xx Past", "Xx what was.")},
            )
        }
    """,
}


def write_pack(folder: Path, code: str = "xx") -> Path:
    pack = folder / code
    pack.mkdir(parents=True)
    for name, source in TINY_PACK.items():
        (pack / name).write_text(textwrap.dedent(source).lstrip(), encoding="utf-8")
    return folder


@pytest.fixture
def tiny_pack(tmp_path: Path) -> Iterator[Path]:
    folder = write_pack(tmp_path / "packs")
    registry.add_pack_dir(str(folder))
    try:
        yield folder
    finally:
        registry.remove_pack_dir(str(folder))
        for name in [n for n in sys.modules if n.startswith("tarot_domain.content.xx")]:
            del sys.modules[name]


def tarot(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "runners", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "TAROT_ENV_FILE": os.devnull, **(env or {})},
    )


def test_the_shipped_languages_are_the_pack_folders() -> None:
    assert registry.languages() == ("en", "uk")
    assert registry.language_name("uk") == "Українська" and registry.english_name("uk") == "Ukrainian"
    assert registry.match_language("uk-UA") == "uk" and registry.match_language("pl") is None


def test_a_folder_added_to_the_path_is_a_language_everywhere(tiny_pack: Path) -> None:
    assert registry.languages() == ("en", "uk", "xx")
    assert check_language("xx") == "xx" and normalize_language("xx-YY") == "xx"
    three = get_spread("three")
    assert pick(three.name, "xx") == "Xx Three"
    assert pick(three.position("present").name, "xx") == "Present"  # what a tiny pack lacks is English
    assert (
        registry.translate("spreads.line", "xx", name="n", id="i", cards=1, cost=2)
        == "n (i): 1 xx-card, 2 credits"
    )
    assert registry.translate("error.unknown_spread", "xx", spread="z") == registry.translate(
        "error.unknown_spread", "en", spread="z"
    )


def test_removing_the_folder_forgets_the_language(tmp_path: Path) -> None:
    before = version.content_version()
    folder = write_pack(tmp_path / "packs")
    registry.add_pack_dir(str(folder))
    try:
        with_xx = version.content_version()
    finally:
        registry.remove_pack_dir(str(folder))
        for name in [n for n in sys.modules if n.startswith("tarot_domain.content.xx")]:
            del sys.modules[name]
    assert with_xx != before
    assert "xx" not in registry.languages() and version.content_version() == before
    with pytest.raises(Exception) as caught:
        check_language("xx")
    assert "English (en), Українська (uk)" in registry.translate(
        "error.unknown_language", "en", **caught.value.params
    )  # type: ignore[attr-defined]


def test_pack_text_reads_every_language_and_is_read_only() -> None:
    name = get_spread("single").name
    assert isinstance(name, PackText) and dict(name) == {"en": "Single Card", "uk": "Одна карта"}
    with pytest.raises(KeyError):
        name["xx"]
    assert pick(name, "xx") == "Single Card"


def test_the_cli_speaks_a_language_that_is_only_a_folder(tmp_path: Path) -> None:
    env = {"TAROT_CONTENT_PATH": str(write_pack(tmp_path / "packs"))}
    listed = tarot("spreads", "--lang", "xx", env=env)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.startswith("XX SPREADS\n")
    assert "Xx Three (three): 3 xx-cards, 12 credits" in listed.stdout
    assert "Single Card (single): 1 xx-card, 5 credits" in listed.stdout
    read = tarot(
        "read", "Will it rain?", "--spread", "three", "--lang", "xx", "--seed", "3", "--json", env=env
    )
    assert read.returncode == 0, read.stderr
    reading = json.loads(read.stdout)
    assert reading["language"] == "xx" and reading["cards"][0]["position_name"] == "Xx Past"
    text = tarot("read", "Will it rain?", "--spread", "three", "--lang", "xx", "--seed", "3", env=env)
    assert text.returncode == 0 and text.stdout.startswith("Xx Three · Rider–Waite–Smith\n")
    assert "Xx Past: " in text.stdout and ("(xx-up)" in text.stdout or "(xx-down)" in text.stdout)


def test_without_the_folder_the_language_is_refused() -> None:
    for args in (("spreads", "--lang", "xx"), ("read", "Q?", "--lang", "xx")):
        done = tarot(*args)
        assert done.returncode == 2 and "unknown language 'xx'; choose one of en, uk" in done.stderr


def test_a_content_path_that_is_not_a_folder_is_a_clear_error(tmp_path: Path) -> None:
    done = tarot("spreads", env={"TAROT_CONTENT_PATH": str(tmp_path / "nowhere")})
    assert done.returncode == 2 and "TAROT_CONTENT_PATH" in done.stderr and "Traceback" not in done.stderr


def test_the_content_version_is_the_same_in_every_process() -> None:
    code = "from tarot_domain.content.version import content_version; print(content_version())"
    seen = {
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout.strip()
        for seed in ("1", "2", "3")
    }  # fmt: skip
    assert seen == {version.content_version()} and len(version.content_version()) == version.VERSION_CHARS


def test_versioned_keys_carry_the_content_version() -> None:
    assert (
        version.versioned("openai:reading:abc") == f"openai:reading:abc@content:{version.content_version()}"
    )
