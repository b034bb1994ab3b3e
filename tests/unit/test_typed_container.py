"""The container chooses adapters through functions and providers typed by port, so an adapter that
stops conforming to its port fails `mypy --strict` where it is chosen: renaming a method of a real
adapter or of its in-memory twin is caught before anything runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def mypy(*args: str, cache: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(cache), *args, "runners/container.py"],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("module", "adapter"),
    [
        ("adapters/redis/sessions.py", "RedisSessionStore"),
        ("adapters/memory/sessions.py", "MemorySessionStore"),
    ],
)
def test_a_renamed_adapter_method_fails_type_checking(tmp_path: Path, module: str, adapter: str) -> None:
    cache = tmp_path / "cache"
    assert mypy(cache=cache).returncode == 0  # the tree as it is passes
    source = (ROOT / module).read_text(encoding="utf-8")
    assert source.count("async def load(") == 1
    renamed = tmp_path / "renamed.py"
    renamed.write_text(source.replace("async def load(", "async def fetch(", 1), encoding="utf-8")
    done = mypy("--shadow-file", module, str(renamed), cache=cache)
    assert done.returncode == 1, done.stdout
    assert f'"{adapter}" is missing following "SessionStore" protocol member' in done.stdout
    assert "runners/container.py" in done.stdout
