"""The interpreter on an OpenAI-compatible chat completions API (OpenAI, vLLM, Ollama), over raw httpx."""

from adapters.openai_http.config import OpenAIConfig
from adapters.openai_http.interpreter import OpenAIInterpreter

__all__ = ["OpenAIConfig", "OpenAIInterpreter"]
