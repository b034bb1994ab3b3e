"""Every crisis phrasing, typed the way a person in a hurry types it, is still crisis.

Mutations: case, lost punctuation, a one-letter slip (wrong, missing, extra or swapped letter), repeated
letters, the Ukrainian apostrophes ' ’ ʼ swapped or dropped, and Latin/Cyrillic look-alike letters.
The screen's promise for slips (see tarot_domain/model/safety_match.py): one slip in a word of four
letters or more, with its first letter right. A slip inside a transliteration digraph (kh, zh, ch, sh,
ts) is two letters of the folded word, so slips there are not part of the promise.
"""

from __future__ import annotations

import random
import re
import string

from hypothesis import given, settings
from hypothesis import strategies as st
from phrasings import CRISIS_EN, CRISIS_RU, CRISIS_TRANSLITERATED, CRISIS_UK

from tarot_domain.model.safety import SafetyKind, screen

CRISIS = (*CRISIS_EN, *CRISIS_UK, *CRISIS_RU, *CRISIS_TRANSLITERATED)

APOSTROPHES = "'’ʼ"
PUNCTUATION = set(string.punctuation) | set("«»—–…’‘ʼ“”")
# The usual confusables, lower and upper case (each is its own look-alike), written here from scratch.
LOOK_ALIKES = dict(
    zip("aceijopsxydhlqwABCEHIJKMOPSTXYDLQW", "асеіјорѕхуԁһӏԛԝАВСЕНІЈКМОРЅТХУԀӀԚԜ", strict=True)
)
LOOK_ALIKES |= {cyrillic: latin for latin, cyrillic in LOOK_ALIKES.items()}
LATIN_SLIPS = "abdefilmnopruv"  # letters that make no transliteration digraph with a neighbour
CYRILLIC_SLIPS = "абвгдежзиклмнопрстуфцчшщюяєії"
DIGRAPHS = {"sh", "ch", "zh", "kh", "ts", "tz", "ck"}
WORD = re.compile(r"[^\W\d_]+")


def _case(text: str, rng: random.Random) -> str:
    mode = rng.choice(("upper", "lower", "title", "mixed"))
    if mode == "mixed":
        return "".join(ch.upper() if rng.random() < 0.5 else ch.lower() for ch in text)
    return getattr(text, mode)()  # type: ignore[no-any-return]


def _drop_punctuation(text: str, rng: random.Random) -> str:
    return "".join(ch for ch in text if ch not in PUNCTUATION)


def _slip(text: str, rng: random.Random) -> str:
    words = [m for m in WORD.finditer(text) if len(m.group()) >= 4]
    if not words:
        return text
    match = rng.choice(words)
    word, start = match.group(), match.start()
    latin = word[:1].lower() in string.ascii_lowercase
    alphabet = LATIN_SLIPS if latin else CYRILLIC_SLIPS

    def in_digraph(i: int) -> bool:
        return latin and (word[i - 1 : i + 1].lower() in DIGRAPHS or word[i : i + 2].lower() in DIGRAPHS)

    positions = [i for i in range(1, len(word)) if not in_digraph(i)]
    if not positions:
        return text
    i = rng.choice(positions)
    kind = rng.choice(("wrong", "missing", "extra", "swapped"))
    if kind == "wrong":
        slipped = word[:i] + rng.choice(alphabet) + word[i + 1 :]
    elif kind == "missing":
        slipped = word[:i] + word[i + 1 :]
    elif kind == "extra":
        slipped = word[:i] + rng.choice(alphabet) + word[i:]
    elif i + 1 < len(word) and not in_digraph(i + 1):
        slipped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    else:
        slipped = word
    if latin and _digraphs(slipped) != _digraphs(word):
        return text  # the slip made or unmade a digraph ("st" swapped to "ts"): two letters once folded
    return text[:start] + slipped + text[start + len(word) :]


def _digraphs(word: str) -> list[str]:
    lower = word.lower()
    return [lower[i : i + 2] for i in range(len(lower) - 1) if lower[i : i + 2] in DIGRAPHS]


def _repeat(text: str, rng: random.Random) -> str:
    letters = [i for i, ch in enumerate(text) if ch.isalpha()]
    i = rng.choice(letters)
    return text[: i + 1] + text[i] * rng.randint(1, 5) + text[i + 1 :]


def _apostrophes(text: str, rng: random.Random) -> str:
    return "".join(rng.choice((*APOSTROPHES, "")) if ch in APOSTROPHES else ch for ch in text)


def _look_alike(text: str, rng: random.Random) -> str:
    places = [i for i, ch in enumerate(text) if ch in LOOK_ALIKES]
    for i in rng.sample(places, k=min(len(places), rng.randint(1, 3))):
        text = text[:i] + LOOK_ALIKES[text[i]] + text[i + 1 :]
    return text


EMPHASIS = (_case, _drop_punctuation, _repeat, _apostrophes, _look_alike)


@settings(max_examples=1500, deadline=None)
@given(
    phrase=st.sampled_from(CRISIS),
    slip=st.booleans(),
    steps=st.lists(st.sampled_from(EMPHASIS), max_size=4),
    seed=st.integers(0, 2**32 - 1),
)
def test_every_variant_of_a_crisis_phrasing_is_still_crisis(
    phrase: str, slip: bool, steps: list[object], seed: int
) -> None:
    # The slip is in the word as spelled; case, punctuation, repeats and look-alikes come on top.
    rng = random.Random(seed)
    text = _slip(phrase, rng) if slip else phrase
    for step in steps:
        assert callable(step)
        text = step(text, rng)
    assert screen(text) is SafetyKind.CRISIS, (phrase, text)


def test_each_mutation_changes_something_real() -> None:
    rng = random.Random(3)
    assert {_case("Хочу померти", random.Random(n)) for n in range(20)} > {"ХОЧУ ПОМЕРТИ", "хочу померти"}
    assert _drop_punctuation("I'm done.", rng) == "Im done"
    assert _apostrophes("вб'ю", random.Random(1)) in {"вб'ю", "вб’ю", "вбʼю", "вбю"}
    changed = _look_alike("kill myself", random.Random(2))
    assert changed != "kill myself" and len(changed) == len("kill myself")
    assert _repeat("die", random.Random(4)) != "die"
    slipped = {_slip("myself", random.Random(n)) for n in range(40)}
    assert len(slipped) > 5 and all(s[0] == "m" for s in slipped)
