"""The chat frontends' texts: `t(key, lang, **params)`.

Every string lives in the language packs (`tarot_domain/content/<lang>/bot.py` for the bot's own texts,
`messages.py` for the texts all frontends share); `t` reads them from the one registry, so a language
added as a pack folder reaches the bot with no change here. English is the fallback for a missing key.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tarot_domain.content.registry import translate


def t(key: str, lang: str, /, **params: Any) -> str:
    """The message for `key` in `lang` (English when missing), with plurals and counted phrases filled."""
    return translate(key, lang, **params)


def and_list(items: Sequence[str], lang: str) -> str:
    """Items joined as a sentence lists them ("a", "a and b", "a, b and c"), in the pack's words."""
    if len(items) <= 1:
        return "".join(items)
    return t("list.and", lang, init=", ".join(items[:-1]), last=items[-1])
