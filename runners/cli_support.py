"""What the CLI's sub-commands share with its entry point (runners/cli.py), kept apart so that the
sub-command modules never import the entry point that imports them."""

from __future__ import annotations

import json
import sys
from typing import Any

from runners.config import Settings


class CliError(Exception):
    """A usage problem: printed as one line, exit status 2."""


def cli_language(code: str) -> str:
    """`code` when a language pack exists for it, else a usage error naming the ones that do."""
    from tarot_domain.content import registry

    if not registry.is_language(code):
        raise CliError(f"unknown language {code!r}; choose one of {', '.join(registry.languages())}")
    return code


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def load_settings() -> Settings:
    return Settings.from_env()
