"""The crisis helplines in force: the packs' own, or an operator's TOML file (`SAFETY_HELPLINES_FILE`).

The file replaces the shipped set as a whole (what is in force is exactly what it says), is read once at
start by the runner and handed to the domain as `Helplines` (the domain reads no files). Its shape:

    verified_on = 2026-12-01          # when you last checked every number below

    [international]                   # the pointer every crisis message carries
    name = "Find A Helpline"
    url = "findahelpline.com"

    [languages]                       # optional: the region each language's users get (default:
    uk = "UA"                         # each pack's own region); a language with none gets "your local
    en = "UA"                         # emergency number (112 in Europe, 911 in North America)"

    [[regions]]
    region = "UA"                     # an ISO 3166 code
    emergency = "112"
    [[regions.lines]]                 # name, and number or url (or both); hours and notes shown as written
    name = "Lifeline Ukraine"
    number = "7333"
    url = "lifelineukraine.com"
    hours = "цілодобово"
    notes = "безкоштовно з мобільних"

A bad file is one clear line (`HelplinesFileError`), never a traceback.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from tarot_domain.model.safety import Helpline, Helplines, RegionLines, shipped_helplines

_REGION = re.compile(r"^[A-Z]{2}$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")
_NUMBER = re.compile(r"^\+?[0-9][0-9 ()-]{0,30}$")
_LINE_KEYS = frozenset({"name", "number", "url", "hours", "notes"})


class HelplinesFileError(ValueError):
    """The file cannot be used; the message is one line naming the file and the problem."""


def describe(helplines: Helplines, path: str | None) -> str:
    """Which set is in force, for `tarot config` and the start-up log."""
    source = "shipped with the language packs" if path is None else f"from {path}"
    regions = ", ".join(region.region for region in helplines.regions) or "none"
    return f"{source}, verified on {helplines.verified_on.isoformat()} (regions: {regions})"


def load_helplines(path: str) -> Helplines:
    import tomllib  # only an operator's own file is TOML; every start without one skips the parser

    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise HelplinesFileError(f"{path}: cannot be read ({error.strerror or error})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise HelplinesFileError(f"{path}: not valid TOML ({error})") from None
    try:
        return parse_helplines(data)
    except ValueError as error:
        raise HelplinesFileError(f"{path}: {error}") from None


def parse_helplines(data: Mapping[str, Any]) -> Helplines:
    """`Helplines` from the file's data; ValueError names the first problem (one line)."""
    _only(data, {"verified_on", "international", "languages", "regions"}, "the file")
    verified_on = data.get("verified_on")
    if isinstance(verified_on, str):
        try:
            verified_on = date.fromisoformat(verified_on)
        except ValueError:
            raise ValueError(f"verified_on must be a date like 2026-12-01, got {verified_on!r}") from None
    if not isinstance(verified_on, date):
        raise ValueError("verified_on (a date like 2026-12-01) is required")
    international = _line(_table(data, "international"), "international")
    regions = []
    raw_regions = data.get("regions", [])
    if not isinstance(raw_regions, list):
        raise ValueError("regions must be an array of tables ([[regions]])")
    for index, raw in enumerate(raw_regions):
        where = f"regions[{index}]"
        if not isinstance(raw, dict):
            raise ValueError(f"{where} must be a table")
        _only(raw, {"region", "emergency", "lines"}, where)
        code, emergency = raw.get("region"), raw.get("emergency")
        if not isinstance(code, str) or not _REGION.match(code):
            raise ValueError(f"{where}.region must be a two-letter ISO 3166 code such as UA")
        if not isinstance(emergency, str) or not _NUMBER.match(emergency):
            raise ValueError(f'{where}.emergency must be a phone number such as "112"')
        lines = raw.get("lines", [])
        if not isinstance(lines, list):
            raise ValueError(f"{where}.lines must be an array of tables ([[regions.lines]])")
        parsed = tuple(_line(line, f"{where}.lines[{i}]") for i, line in enumerate(lines))
        regions.append(RegionLines(code, emergency, parsed))
    codes = [region.region for region in regions]
    if len(set(codes)) != len(codes):
        raise ValueError("a region appears twice in regions")
    if "languages" in data:
        languages = _table(data, "languages")
        for language, region in languages.items():
            if not _LANGUAGE.match(language) or not isinstance(region, str):
                raise ValueError(f"languages: {language!r} must map a language code to a region code")
            if region not in codes:
                raise ValueError(f"languages: {language} = {region!r}, a region the file does not define")
        language_regions = tuple(sorted(languages.items()))
    else:
        shipped = shipped_helplines().language_regions
        language_regions = tuple((lang, region) for lang, region in shipped if region in codes)
    return Helplines(verified_on, international, tuple(regions), language_regions)


def _table(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise ValueError(f"[{key}] is required and must be a table")
    return value


def _only(data: Mapping[str, Any], allowed: set[str] | frozenset[str], where: str) -> None:
    extra = sorted(set(data) - set(allowed))
    if extra:
        raise ValueError(f"{where} has unknown keys: {', '.join(extra)}")


def _line(raw: Any, where: str) -> Helpline:
    if not isinstance(raw, dict):
        raise ValueError(f"{where} must be a table")
    _only(raw, _LINE_KEYS, where)
    for key, value in raw.items():
        if not isinstance(value, str):
            raise ValueError(f"{where}.{key} must be a string")
    number = raw.get("number", "")
    if number and not _NUMBER.match(number):
        raise ValueError(f"{where}.number {number!r} is not a phone number")
    try:
        return Helpline(**raw)
    except (TypeError, ValueError) as error:
        raise ValueError(f"{where}: {error}") from None
