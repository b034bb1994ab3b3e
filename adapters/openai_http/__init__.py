"""The interpreter on an OpenAI-compatible chat completions API (OpenAI, vLLM, Ollama), over raw httpx.

The names are loaded on first use, so that reading the settings (`adapters.openai_http.config`) does
not import httpx: `tarot read` offline starts without it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from adapters.openai_http.config import OpenAIConfig
    from adapters.openai_http.interpreter import OpenAIInterpreter

__all__ = ["OpenAIConfig", "OpenAIInterpreter"]

_HOMES = {"OpenAIConfig": "config", "OpenAIInterpreter": "interpreter"}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value  # looked up once
    return value
