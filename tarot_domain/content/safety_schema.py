"""The shapes a language pack's safety module (`tarot_domain/content/<lang>/safety.py`) is written in.

Each pack module defines `PACK = SafetyPack(...)` from these classes and literals only. Content is the
lowest layer: this module imports the standard library and attrs, nothing of ours.

Patterns (`SafetyPatterns`) are short phrases, not sentences, in a small notation the screen compiles:
- words are separated by spaces; every word of a pattern must appear, in order, as consecutive words;
- `a|b|c` offers alternatives for one word;
- a word ending in `*` is a stem: any word starting with it matches (`suicid*`: suicide, suicidal);
- `~` lets up to two other words stand between its neighbours (`want ~ die`: "want to die", "want to
  just die"), so it is used only where no ordinary sentence fits the gap;
- case, accents, punctuation, apostrophes, repeated letters and Latin/Cyrillic look-alike letters never
  matter (the screen normalises text and patterns alike), and a word of four letters or more also
  matches with one letter wrong, missing, extra or swapped, as long as its first letter is right.
`safe` phrases mark ordinary idioms ("dying to know") whose words no crisis pattern may use.
`transliterated` patterns are Ukrainian or Russian written in Latin letters; they are compared with the
text after a transliteration fold (kh/x → h, zh → z, y/j → i, ...), so one spelling covers the many.
"""

from __future__ import annotations

from datetime import date

from attrs import frozen


@frozen
class Helpline:
    """One place to turn to: a phone `number` or a `url` (or both); `hours` and `notes` are shown as
    written (they are in the language of the pack or file that names the line)."""

    name: str
    number: str = ""
    url: str = ""
    hours: str = ""
    notes: str = ""

    def __attrs_post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("a helpline needs a name")
        if not (self.number.strip() or self.url.strip()):
            raise ValueError(f"helpline {self.name!r} needs a number or a url")


@frozen
class RegionLines:
    """The helplines of one region (an ISO 3166 code such as `UA`) and its emergency number."""

    region: str
    emergency: str
    lines: tuple[Helpline, ...]


@frozen
class SafetyPatterns:
    """What the screen looks for, by kind (see the module docstring for the notation)."""

    crisis: tuple[str, ...]
    health: tuple[str, ...] = ()
    legal: tuple[str, ...] = ()
    money: tuple[str, ...] = ()
    safe: tuple[str, ...] = ()
    transliterated: tuple[str, ...] = ()


@frozen
class SafetyTexts:
    """Every sentence the safety screen makes the service say, in one language.

    - `crisis_open`: the first paragraph a person in crisis reads: warm, serious, no reading.
    - `helpline` / `helpline_details`: one line per helpline (`{name}`, `{contact}`, `{details}`).
    - `emergency_region`: the region's emergency number (`{number}`); `emergency_any`: the emergency
      line when no region is known.
    - `international`: the international pointer (`{name}`, `{url}`), on every crisis message.
    - `rephrase`: the closing line, for a person the screen misunderstood.
    - `pointer_health` / `pointer_legal` / `pointer_money`: the paragraph a flagged reading opens with,
      naming the professional to ask.
    - `no_lean`: replaces the yes-or-no answer of a flagged yes-no reading (`{card}`, `{keywords}`);
      `no_lean_follow_up`: the same for a follow-up.
    """

    crisis_open: str
    helpline: str
    helpline_details: str
    emergency_region: str
    emergency_any: str
    international: str
    rephrase: str
    pointer_health: str
    pointer_legal: str
    pointer_money: str
    no_lean: str
    no_lean_follow_up: str


@frozen
class SafetyPack:
    """One language's safety data.

    `region` is the region whose helplines this language's users get by default (None: the
    international pointer and `emergency_any` only); `lines` are that region's shipped helplines;
    `international` is the pointer every message carries (one pack ships it, normally English);
    `verified_on` is when the helpline facts of this pack were last checked against their sources.
    `directives` are phrases an answer on a health, legal or money question must never contain
    (a yes/no lean, or telling the querent to start, stop, sue, sign, invest or borrow).
    """

    language: str
    patterns: SafetyPatterns
    texts: SafetyTexts
    directives: tuple[str, ...]
    verified_on: date
    region: str | None = None
    lines: RegionLines | None = None
    international: Helpline | None = None
