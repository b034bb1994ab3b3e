"""The safety screen: care and a helpline for a person in crisis, a professional's pointer for health,
legal and money questions. Pure: the data lives in the language packs (`tarot_domain/content/<lang>/
safety.py`), the helplines in force are passed in (the runner may read an operator's file).

- `screen(text)` says what a text is: `CRISIS` (suicide, self-harm, a wish to die, "nobody would miss
  me"...), `HEALTH`, `LEGAL` or `MONEY` (a question about taking or stopping a treatment, taking legal
  action, putting money at risk), or None. Crisis wins over the others. It errs on the side of care for
  crisis (see `safety_text` and `safety_match` for how it reads text).
- `support_for(kind, language, helplines)` is what the person is told: for crisis a warm message with
  the helplines of their language's region, the emergency number, the international pointer and a line
  inviting them to rephrase; for the others the pointer paragraph that opens the framed reading.
- `SupportOnly` is the error the reading use case raises on crisis, before any hold, draw or storage.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date
from functools import cache

from attrs import field, frozen

from tarot_domain.content.safety_schema import Helpline, RegionLines, SafetyTexts
from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_domain.model.safety_packs import compiled, pack_for, packs
from tarot_domain.model.safety_text import Words, normalise, readings

__all__ = [
    "FRAMED",
    "Helpline",
    "Helplines",
    "RegionLines",
    "SafetyKind",
    "Support",
    "SupportOnly",
    "UnsafeAnswer",
    "directive_in",
    "pointer_for",
    "screen",
    "screen_all",
    "shipped_helplines",
    "support_for",
    "texts_for",
]


class SafetyKind(enum.Enum):
    CRISIS = "crisis"
    HEALTH = "health"
    LEGAL = "legal"
    MONEY = "money"


FRAMED: frozenset[SafetyKind] = frozenset({SafetyKind.HEALTH, SafetyKind.LEGAL, SafetyKind.MONEY})
"""The kinds that are read, framed by a pointer and without a yes/no directive."""


@frozen
class Support:
    """What the screen makes the service say: the kind it found and the message, in the user's language."""

    kind: SafetyKind
    message: str


def _check_regions(instance: Helplines, _: object, value: tuple[tuple[str, str], ...]) -> None:
    known = {region.region for region in instance.regions}
    for language, region in value:
        if region not in known:
            raise ValueError(f"language {language!r} is given region {region!r}, which has no helplines")


@frozen
class Helplines:
    """The helplines in force: one `RegionLines` per region, which region each language's users get
    (`language_regions`; a language without one gets the generic emergency line), the international
    pointer every crisis message carries, and when the facts were last checked."""

    verified_on: date
    international: Helpline
    regions: tuple[RegionLines, ...] = ()
    language_regions: tuple[tuple[str, str], ...] = field(default=(), validator=_check_regions)

    def region_for(self, language: str) -> RegionLines | None:
        wanted = dict(self.language_regions).get(language)
        return next((region for region in self.regions if region.region == wanted), None)


@cache
def shipped_helplines() -> Helplines:
    """The helplines the packs ship: each pack's region, the international pointer, the oldest check."""
    all_packs = tuple(packs().values())
    international = next((p.international for p in all_packs if p.international is not None), None)
    if international is None:
        raise ValueError("no safety pack ships the international pointer")
    return Helplines(
        verified_on=min(p.verified_on for p in all_packs),
        international=international,
        regions=tuple(p.lines for p in all_packs if p.lines is not None),
        language_regions=tuple((p.language, p.region) for p in all_packs if p.region is not None),
    )


# ------------------------------------------------------------------ the screen


def _crisis(words: Words) -> bool:
    c = compiled()
    readings = ((c.safe, words.plain), (c.safe_transliterated, words.transliterated))
    safe = [positions for matcher, seen in readings for _, positions in matcher.spans(seen, every=True)]
    blocked = frozenset(p for positions in safe for p in positions)
    searches = ((c.crisis, words.plain), (c.crisis_transliterated, words.transliterated))
    if any(matcher.first(seen, blocked) is not None for matcher, seen in searches):
        return True
    # A crisis phrase longer than an idiom it contains still counts ("don't want to live in this
    # world" holds the idiom "live in"); one that only shares words with it does not ("a dress to die
    # for", "I kid myself" read as "kill myself" with a slip).
    for matcher, seen in searches:
        for _, used in matcher.spans(seen, every=True):
            if all(_outweighs(used, idiom) for idiom in safe):
                return True
    return False


def _outweighs(used: tuple[int, ...], idiom: tuple[int, ...]) -> bool:
    if not set(used) & set(idiom):
        return True
    lo, hi = used[0], used[-1]
    return lo <= idiom[0] and idiom[-1] <= hi and hi - lo > idiom[-1] - idiom[0]


def screen(text: str) -> SafetyKind | None:
    """What `text` is, by every pack's patterns whatever its language (crisis wins; None: ordinary)."""
    ways = readings(text)
    if any(_crisis(words) for words in ways):
        return SafetyKind.CRISIS
    for kind, matcher in compiled().flagged:
        if any(matcher.first(words.plain) is not None for words in ways):
            return SafetyKind(kind)
    return None


def screen_all(texts: Iterable[str]) -> SafetyKind | None:
    """The screen over several texts (a question and its answers): crisis if any is, else the first
    framing kind found, in the order given."""
    found: SafetyKind | None = None
    for text in texts:
        kind = screen(text)
        if kind is SafetyKind.CRISIS:
            return kind
        found = found or kind
    return found


def directive_in(text: str) -> str | None:
    """The first of the packs' directive phrases (a yes/no lean, "stop taking", "you should invest"...)
    that `text` contains, or None. The phrase is ours, so it is safe to log; the text is not."""
    pattern = compiled().directives.first(normalise(text))
    return None if pattern is None else pattern.source


# ------------------------------------------------------------------ what the person is told


def texts_for(language: str) -> SafetyTexts:
    """The safety sentences of `language` (English when it has no pack)."""
    return pack_for(language).texts


def pointer_for(kind: SafetyKind, language: str) -> str:
    """The paragraph a framed reading opens with, naming the professional for `kind`."""
    if kind not in FRAMED:
        raise ValueError(f"{kind.value} readings are not given, so they have no pointer")
    pointer: str = getattr(texts_for(language), f"pointer_{kind.value}")
    return pointer


def _helpline_line(texts: SafetyTexts, line: Helpline) -> str:
    contact = ", ".join(part for part in (line.number, line.url) if part)
    details = ", ".join(part for part in (line.hours, line.notes) if part)
    if details:
        return texts.helpline_details.format(name=line.name, contact=contact, details=details)
    return texts.helpline.format(name=line.name, contact=contact)


def crisis_message(language: str, helplines: Helplines) -> str:
    texts = texts_for(language)
    parts = [texts.crisis_open]
    region = helplines.region_for(language)
    if region is None:
        parts.append(texts.emergency_any)
    else:
        if region.lines:
            parts.append("\n".join(_helpline_line(texts, line) for line in region.lines))
        parts.append(texts.emergency_region.format(number=region.emergency))
    international = helplines.international
    parts.append(
        texts.international.format(name=international.name, url=international.url or international.number)
    )
    parts.append(texts.rephrase)
    return "\n\n".join(parts)


def support_for(kind: SafetyKind, language: str, helplines: Helplines) -> Support:
    """What to tell a person whose text screened as `kind`, in `language`."""
    if kind is SafetyKind.CRISIS:
        return Support(kind, crisis_message(language, helplines))
    return Support(kind, pointer_for(kind, language))


# ------------------------------------------------------------------ errors


class SupportOnly(TarotError):
    """The answer is the support message, not a reading: nothing was drawn, charged or stored.

    Its message key's translation is the support message itself (`error.screened` is `{message}` in
    every pack), so even a generic error handler shows the right text. The detail names the kind only:
    the screened text never reaches a log.
    """

    def __init__(self, support: Support) -> None:
        super().__init__(
            ErrorKind.SCREENED,
            f"screened as {support.kind.value}",
            message_key="error.screened",
            params={"message": support.message},
            retryable=False,
        )
        self.support = support


class UnsafeAnswer(TarotError):
    """An interpreter's answer on a framed topic failed the safety check (it gave a lean or a
    directive); the use case falls back to the offline reading, as after any interpreter failure."""

    def __init__(self, detail: str) -> None:
        super().__init__(ErrorKind.API, detail, retryable=False)
