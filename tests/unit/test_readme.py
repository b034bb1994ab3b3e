"""The README's promises: its first python block runs as written and prints what it says."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_first_python_block_runs_and_shows_the_balance_before_and_after(tmp_path: Path) -> None:
    block = re.search(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert block is not None, "README has no python block"
    script = tmp_path / "example.py"
    script.write_text(block.group(1), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120, cwd=README.parent
    )
    assert done.returncode == 0, done.stderr
    assert "balance before: 50" in done.stdout
    assert "balance after: 38" in done.stdout


def test_the_embedding_example_needs_at_most_three_imports() -> None:
    block = re.search(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert block is not None
    imports = [line for line in block.group(1).splitlines() if re.match(r"(import|from) ", line)]
    assert 1 <= len(imports) <= 3, imports
    assert "import tarot" in imports


def test_the_readme_names_the_commands_that_exist() -> None:
    text = README.read_text(encoding="utf-8")
    assert "bash scripts/test.sh" in text
    assert (README.parent / "scripts" / "test.sh").exists()
    assert (README.parent / ".ci" / "run").exists()
