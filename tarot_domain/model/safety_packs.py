"""The language packs' safety modules, found by module path and compiled once.

A pack is `tarot_domain.content.<language>.safety` for each language folder that has one; adding a
language is adding that module. The screen applies every pack's patterns to every text, whatever the
user's language, because people write in the language they think in, not the one their app is set to.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from types import MappingProxyType

from attrs import frozen

from tarot_domain.content.safety_schema import SafetyPack
from tarot_domain.model.safety_match import Matcher, Pattern, WordForms, compile_pattern
from tarot_domain.model.safety_text import normalise, transliteration_fold

PACK_MODULE = "tarot_domain.content.{language}.safety"
FALLBACK_LANGUAGE = "en"
FLAGGED_KINDS = ("health", "legal", "money")
"""The kinds that frame a reading rather than refuse it, in the order a tie is settled."""


@cache
def packs() -> Mapping[str, SafetyPack]:
    """Every language's safety pack, by language code (English first)."""
    import tarot_domain.content as content

    found: dict[str, SafetyPack] = {}
    for info in sorted(pkgutil.iter_modules(content.__path__), key=lambda m: m.name != FALLBACK_LANGUAGE):
        if not info.ispkg:
            continue
        name = PACK_MODULE.format(language=info.name)
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name == name:
                continue  # a folder without safety data (language-neutral structure, or a pack in progress)
            raise
        pack = getattr(module, "PACK", None)
        if not isinstance(pack, SafetyPack) or pack.language != info.name:
            raise ValueError(f"{name} must define PACK = SafetyPack(language={info.name!r}, ...)")
        found[info.name] = pack
    if FALLBACK_LANGUAGE not in found:
        raise ValueError(f"the {FALLBACK_LANGUAGE!r} pack has no safety module")
    return MappingProxyType(found)


def pack_for(language: str) -> SafetyPack:
    """The pack of `language`, or English when that language has none."""
    return packs().get(language) or packs()[FALLBACK_LANGUAGE]


def _remembered(forms: WordForms) -> WordForms:
    """`forms`, working out each word once: the packs' patterns share most of their words."""
    seen: dict[str, Sequence[str]] = {}

    def lookup(word: str) -> Sequence[str]:
        found = seen.get(word)
        if found is None:
            found = seen[word] = forms(word)
        return found

    return lookup


def _compile(sources: Iterable[str], forms: WordForms) -> tuple[Pattern, ...]:
    return tuple(compile_pattern(source, forms) for source in sources)


@frozen
class CompiledScreen:
    """Every pack's patterns, compiled: crisis (plain and transliterated, with a slip forgiven), the
    safe idioms (both ways), each framing kind and the directive phrases (exact)."""

    crisis: Matcher
    crisis_transliterated: Matcher
    safe: Matcher
    safe_transliterated: Matcher
    flagged: tuple[tuple[str, Matcher], ...]
    directives: Matcher


@cache
def compiled() -> CompiledScreen:
    all_packs = tuple(packs().values())

    def gather(field: str) -> list[str]:
        return [source for pack in all_packs for source in getattr(pack.patterns, field)]

    plain = _remembered(normalise)
    transliterated = _remembered(lambda word: tuple(transliteration_fold(w) for w in plain(word)))
    safe = gather("safe")
    return CompiledScreen(
        crisis=Matcher(_compile(gather("crisis"), plain)),
        crisis_transliterated=Matcher(_compile(gather("transliterated"), transliterated)),
        safe=Matcher(_compile(safe, plain), fuzzy=False),
        safe_transliterated=Matcher(_compile(safe, transliterated), fuzzy=False),
        flagged=tuple((kind, Matcher(_compile(gather(kind), plain), fuzzy=False)) for kind in FLAGGED_KINDS),
        directives=Matcher(_compile((d for pack in all_packs for d in pack.directives), plain), fuzzy=False),
    )
