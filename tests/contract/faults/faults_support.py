"""Helpers shared by the fault suites (imported by name, like tests/unit/unit_world.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[3]


def admin_check(url: str) -> dict[str, Any]:
    """The operator's `tarot admin check --json`, run as the CLI runs, on the database `url` names."""
    env = dict(os.environ, DATABASE_URL=url)
    done = subprocess.run(
        [sys.executable, "-m", "runners", "admin", "check", "--json"],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=60,
    )  # fmt: skip
    assert done.returncode in (0, 1), f"tarot admin check failed: {done.stderr[-2000:]}"
    report: dict[str, Any] = json.loads(done.stdout)
    return report
