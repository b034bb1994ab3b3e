"""Credentials inside URLs and DSNs: masked wherever a value is shown, and collected for the log scrubber.

A URL's password (`scheme://user:PASSWORD@host`), a key=value DSN's (`host=db password=PASSWORD`) and
a query string's secrets (`?password=...`, `?api_key=...`) are masked in place, so an operator still
sees which host and user a value names. `secret_values(env)` lists every secret the environment holds,
whether or not the settings around it are valid, so a malformed configuration leaks nothing either.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from urllib.parse import unquote, urlsplit

from runners.variables import VARIABLES

MASK = "***"

_URL_PASSWORD = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://[^\s/@:'\"]*:)([^\s/@'\"]+)(?=@)")
_DSN_PASSWORD = re.compile(r"(?i)\b((?:ssl)?(?:password|passwd|pwd)\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s'\"]+)")
_QUERY_SECRET = re.compile(
    r"(?i)([?&](?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?token|key)=)([^&\s#'\"]+)"
)
_PATTERNS = (_URL_PASSWORD, _DSN_PASSWORD, _QUERY_SECRET)
_LOCATOR = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|\w+\s*=)", re.IGNORECASE)  # a URL or a key=value DSN


def mask_credentials(text: str) -> str:
    """`text` with every URL password, DSN password and secret query value replaced by the mask."""
    for pattern in _PATTERNS:
        text = pattern.sub(lambda m: m.group(1) + MASK, text)
    return text


def credential_values(value: str) -> list[str]:
    """The secrets inside one URL or DSN (raw and percent-decoded), for the scrubber's list."""
    found: list[str] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(value):
            secret = match.group(2).strip("'")
            found += [secret, unquote(secret)]
    try:
        password = urlsplit(value).password if "://" in value else None
    except ValueError:  # a malformed port and the like: the patterns above still apply
        password = None
    if password:
        found += [password, unquote(password)]
    return list(dict.fromkeys(s for s in found if s))


def _api_keys(raw: str) -> list[str]:
    """The keys of `TAROT_API_KEYS` (`client:key,...`), however malformed the list is."""
    keys = (item.partition(":")[2].strip() or item.strip() for item in raw.split(","))
    return [key for key in keys if key]


def secret_values(env: Mapping[str, str], extra: Iterable[str | None] = ()) -> list[str]:
    """Every secret the variables hold: secret variables whole (a URL's or DSN's credentials only, so
    its host stays readable; each API key), and the credentials in any other URL (`OPENAI_BASE_URL`)."""
    values: list[str] = [s for s in extra if s]
    for variable in VARIABLES:
        raw = env.get(variable.name, "").strip()
        if not raw:
            continue
        inside = credential_values(raw)
        values += inside
        if not variable.secret:
            continue
        if variable.name == "TAROT_API_KEYS":
            values += _api_keys(raw)
        elif not _LOCATOR.match(raw):
            values.append(raw)
    return list(dict.fromkeys(values))
