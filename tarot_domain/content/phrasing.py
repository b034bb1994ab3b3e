"""The shape a pack's composer phrase tables are written in (`<code>/composer.py` holds one `Phrasing`).

The offline composer (`adapters.offline`) writes a reading from frames: short templates with slots the
composer fills, written as natural sentences of the language, not translations of one another. Slots:
- `{a}`, `{b}`, `{c}`: a card, named in bold (English with its article, "the **Tower**"; the first
  mention also says "reversed" and a Thoth title); `{a:gen}` in a case (Ukrainian: nom, gen, dat, acc,
  ins, loc); `{a?m/f/n/pl}` the form that agrees with the card's gender and number («показав/показала/
  показало/показали»).
- `{m}`: the matter the question is about (a person it names, else its topic, else the situation), in
  cases and with agreement like a card, not bold; `{m:pgen}` and the like: the form after a preposition
  (Ukrainian «для нього», English "for him").
- any other `{name}`: a text the composer supplies (a card's aspect, a keyword, the question's focus);
  `{name:lc}` with its first letter in lower case, to continue a sentence.
A frame key names a family; each family lists four or more variants, and the composer never uses the
same variant twice in one reading.
"""

from __future__ import annotations

from collections.abc import Mapping

from attrs import field, frozen

from tarot_domain.content.schema import Name


@frozen
class Phrasing:
    """A language's composer tables.

    - `frames`: family → variants (see the module docstring for slots).
    - `words`: single words and short phrases the composer puts together (suit and number words, the
      reversed marker, position phrases), by key.
    - `names`: matters with their grammar: `topic.<topic>` ("your work", «ваша робота»), `situation`,
      `day`; English pronoun objects under `object.<he|she|they>`.
    - `agreeing`: words that agree with a card's name, by key, each with (m, f, n, pl) forms in the
      cases nom, gen, dat, acc, ins, loc (Ukrainian «перевернутий»; English leaves it empty).
    - `cues`: word stems the composer reads questionnaire answers with (`difficulty`: a strained,
      troubled answer, read on the card's shadow side), and `not-person`: words that are never a person
      though the question analysis may take them for one.
    """

    frames: Mapping[str, tuple[str, ...]]
    words: Mapping[str, str] = field(factory=dict)
    names: Mapping[str, Name] = field(factory=dict)
    agreeing: Mapping[str, Mapping[str, tuple[str, ...]]] = field(factory=dict)
    cues: Mapping[str, tuple[str, ...]] = field(factory=dict)
