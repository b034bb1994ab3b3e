"""Suite-wide rules.

Contract tests (marked `contract`) skip loudly when a real backend cannot be had; under `CI=true` such a
skip is turned into a failure, so CI can never go green by silently testing only the fakes.
"""

from __future__ import annotations

import os
from collections.abc import Generator

import pytest

# Real PostgreSQL and Redis for every contract folder (pg_url, redis_url, throwaway servers).
pytest_plugins = ("servers",)

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, None, None]:
    outcome = yield
    report = outcome.get_result()
    if IN_CI and report.skipped and item.get_closest_marker("contract") is not None:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"contract test skipped under CI=true (not allowed): {reason}"
