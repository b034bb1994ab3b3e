"""User-facing strings. A language is one data file: `locales/<code>.py` with a `MESSAGES` mapping.

Keys are dotted (`error.question_too_long`); values are `str.format` templates. English is complete
by definition and is the fallback for any key another language lacks.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping
from functools import cache
from typing import Any

from tarot_domain.model.errors import TarotError

FALLBACK = "en"


@cache
def languages() -> tuple[str, ...]:
    """Every language with a data file, English first."""
    from tarot_domain.i18n import locales

    found = sorted(m.name for m in pkgutil.iter_modules(locales.__path__) if not m.name.startswith("_"))
    return (FALLBACK, *(code for code in found if code != FALLBACK))


@cache
def messages(language: str) -> Mapping[str, str]:
    if language not in languages():
        return messages(FALLBACK)
    module = importlib.import_module(f"tarot_domain.i18n.locales.{language}")
    table: Mapping[str, str] = module.MESSAGES
    return table


def translate(key: str, language: str, /, **params: Any) -> str:
    """The message for `key` in `language` (English when missing), with `params` filled in.

    A missing key returns the key itself, so a gap shows up in tests rather than as a crash.
    """
    template = messages(language).get(key) or messages(FALLBACK).get(key)
    if template is None:
        return key
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def error_message(error: TarotError, language: str) -> str:
    """What we tell a person about `error`, never a traceback."""
    text = translate(error.message_key, language, **error.params)
    if text == error.message_key:
        text = translate(error.kind.default_message_key, language, **error.params)
    return text
