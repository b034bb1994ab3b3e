"""Text in several languages, and the languages the service speaks."""

from __future__ import annotations

from collections.abc import Mapping

DEFAULT_LANGUAGE = "en"

Localized = Mapping[str, str]
"""Language code → text. English is always present and is the fallback."""

LocalizedList = Mapping[str, tuple[str, ...]]


def pick(text: Localized, language: str) -> str:
    """The text in `language`, falling back to English when that language has none."""
    return text.get(language) or text[DEFAULT_LANGUAGE]


def pick_list(items: LocalizedList, language: str) -> tuple[str, ...]:
    return items.get(language) or items[DEFAULT_LANGUAGE]
