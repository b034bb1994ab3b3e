"""Cutting long text into Telegram-sized messages.

Telegram counts a message's length in UTF-16 code units (an emoji outside the BMP counts twice), so
that is what we measure; a chunk that fits in UTF-16 units also fits in characters. We cut at the last
paragraph break that fits, else the last line break, else the last space, else hard, so a reading reads
naturally across messages.
"""

from __future__ import annotations

from adapters.telegram.events import MESSAGE_LIMIT

_SEPARATORS = ("\n\n", "\n", " ")


def truncate(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, with an ellipsis where it was cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _fit(text: str, limit: int) -> int:
    """The largest k such that text[:k] is at most `limit` UTF-16 units (and never ends mid-character)."""
    if utf16_len(text) <= limit:
        return len(text)
    units = 0
    for index, char in enumerate(text):
        units += 2 if ord(char) > 0xFFFF else 1
        if units > limit:
            return index
    return len(text)


def split_text(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """`text` as chunks of at most `limit` UTF-16 units, cut at the best boundary; [] for blank text.

    Whitespace at a cut is dropped (a message cannot start or end with it usefully); inside a chunk the
    text is unchanged.
    """
    if limit < 2:
        raise ValueError(f"limit must be at least 2, got {limit}")
    chunks: list[str] = []
    rest = text.strip()
    while rest:
        if utf16_len(rest) <= limit:
            chunks.append(rest)
            break
        window = _fit(rest, limit)
        cut = 0
        for separator in _SEPARATORS:
            # Search only where the separator itself would fit, and never cut at position 0.
            found = rest.rfind(separator, 1, window)
            if found > 0:
                cut = found
                break
        if cut <= 0:
            cut = window  # one unbroken run longer than a message: a hard cut is all that is left
        head = rest[:cut].rstrip()
        if not head:  # only whitespace before the cut (cannot happen after strip, but never loop forever)
            head, cut = rest[:window], window
        chunks.append(head)
        rest = rest[cut:].lstrip()
    return chunks
