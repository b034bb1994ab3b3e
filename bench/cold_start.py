"""Cold start of `tarot read` (offline, no environment keys) against a bare `python -c "import attrs"`.

    python bench/cold_start.py [--runs 10] [--rounds 3]

Each round runs the two commands alternately, `--runs` times each, as fresh processes of the same
interpreter (wall time from spawn to exit; byte-code caches warm, which is how an installed command
starts). Interleaving puts both under the same machine load. Prints one JSON object: min/median/max
seconds of each command per round and over all rounds, and the ratio of the medians (target ≤ 3); and
the same for the children's CPU time (user + system), which other processes' load moves less.
A third command, interleaved with the two, only imports what any offline reading needs (the reading
use case, the offline composer, the in-memory store): `floor_ratio` is how far a CLI could get
by importing less, before it reads anything.
The environment is emptied of the adapters' keys, so the reading is offline and stores nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TARGET = 3.0
QUESTION = "Will it work out?"
# Variables that would switch a real adapter on; none of them may reach the measured reading.
ADAPTER_KEYS = ("OPENAI_API_KEY", "DATABASE_URL", "REDIS_URL", "TAROT_CONTENT_PATH", "TELEGRAM_BOT_TOKEN")


# What any offline reading must import, whatever the CLI around it does: the event loop, the reading
# use case with the domain model it is written in, the offline composer and the in-memory store.
FLOOR_IMPORTS = ", ".join(
    ("asyncio", "tarot_domain.use_cases.readings", "adapters.offline.interpreter", "adapters.memory.storage")
)


def commands(spread: str) -> dict[str, list[str]]:
    return {
        "tarot_read": [sys.executable, "-m", "runners", "read", QUESTION, "--spread", spread, "--seed", "7"],
        "import_attrs": [sys.executable, "-c", "import attrs"],
        "domain_floor": [sys.executable, "-c", f"import {FLOOR_IMPORTS}"],
    }


def offline_environment(workdir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ADAPTER_KEYS and not k.startswith("PYTHON")}
    env["TAROT_ENV_FILE"] = str(workdir / "absent.env")  # no .env of the developer's either
    return env


def time_once(argv: Sequence[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """Wall seconds from spawn to exit, and the child's CPU seconds (user + system, from wait4)."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert child.stderr is not None
    errors = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)  # reaped here; keep Popen from waiting again
    child.stderr.close()
    if child.returncode != 0:
        sys.exit(f"{' '.join(argv)} failed ({child.returncode}): {errors.decode()[-400:]}")
    return elapsed, usage.ru_utime + usage.ru_stime


def summary(samples: Sequence[float]) -> dict[str, float]:
    return {
        "min": round(min(samples), 4),
        "median": round(statistics.median(samples), 4),
        "max": round(max(samples), 4),
    }


def measure(runs: int, rounds: int, spread: str) -> dict[str, Any]:
    argvs = commands(spread)
    env = offline_environment(ROOT)
    for argv in argvs.values():  # warm the byte-code caches and the page cache; not measured
        time_once(argv, env, ROOT)
    per_round: list[dict[str, Any]] = []
    everything: dict[str, list[float]] = {name: [] for name in argvs}
    cpu: dict[str, list[float]] = {name: [] for name in argvs}
    for _ in range(rounds):
        samples: dict[str, list[float]] = {name: [] for name in argvs}
        for _ in range(runs):
            for name, argv in argvs.items():  # alternate: both see the same load
                wall, used = time_once(argv, env, ROOT)
                samples[name].append(wall)
                cpu[name].append(used)
        for name in argvs:
            everything[name] += samples[name]
        medians = {name: statistics.median(values) for name, values in samples.items()}
        per_round.append(
            {
                **{name: summary(values) for name, values in samples.items()},
                "ratio": round(medians["tarot_read"] / medians["import_attrs"], 2),
            }
        )
    ratios = [r["ratio"] for r in per_round]
    overall = {name: summary(values) for name, values in everything.items()}
    ratio = overall["tarot_read"]["median"] / overall["import_attrs"]["median"]
    return {
        "benchmark": "cold_start",
        "command": " ".join(argvs["tarot_read"][1:]),
        "baseline": " ".join(argvs["import_attrs"][1:]),
        "runs_per_round": runs,
        "rounds": rounds,
        "rounds_detail": per_round,
        "seconds": overall,
        "ratio_of_medians": round(ratio, 2),
        "floor_ratio": round(overall["domain_floor"]["median"] / overall["import_attrs"]["median"], 2),
        "cpu_seconds": {name: summary(values) for name, values in cpu.items()},
        "cpu_ratio_of_medians": round(
            statistics.median(cpu["tarot_read"]) / statistics.median(cpu["import_attrs"]), 2
        ),
        "ratio_per_round": {"min": min(ratios), "median": statistics.median(ratios), "max": max(ratios)},
        "target": TARGET,
        "meets_target": ratio <= TARGET,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=10, help="runs of each command per round (default 10)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds (default 3)")
    parser.add_argument("--spread", default="three", help="spread of the reading (default three)")
    args = parser.parse_args()
    print(json.dumps(measure(args.runs, args.rounds, args.spread), indent=2))


if __name__ == "__main__":
    main()
