"""Text in several languages: language code → text, read through `pick` with English as the fallback.

The texts themselves live in the language packs (`tarot_domain.content`); model objects hold
`registry.PackText` views. Card knowledge has its own reader, `model.knowledge`.
"""

from __future__ import annotations

from collections.abc import Mapping

from tarot_domain.content.registry import FALLBACK

DEFAULT_LANGUAGE = FALLBACK

Localized = Mapping[str, str]
"""Language code → text. English is always present and is the fallback."""


def pick(text: Localized, language: str) -> str:
    """The text in `language`, falling back to English when that language has none."""
    return text.get(language) or text[DEFAULT_LANGUAGE]
