"""The shape a pack's LLM prompt is written in (`<code>/prompt.py` holds one `PromptText`).

The prompt grounds the model in the same knowledge the offline composer reads (each position's role and
the aspect it reads, the question's analysis, the deck's tradition, the lean weighed from the cards'
polarity, the safety rules), so the two say the same things at different depths. Its words live in the
packs like every other text; a pack without a prompt borrows English's. Placeholders are named in each
field's comment; the machine-read line `LEAN: …` keeps its English keyword in every language (the
service parses it).
"""

from __future__ import annotations

from collections.abc import Mapping

from attrs import frozen


@frozen
class PromptText:
    """Every word of the LLM prompt in one language.

    - `voice`; `rules` (`{language}`); `reading_task` (`{opening}`, `{words}`): the task, asking for the
      answer first; `opening_closed` / `opening_open` / `opening_day`: how that first sentence answers.
    - `lean_task` (`{lean}`, `{band}`, `{card}`, `{position}`), `split_task` (`{yes_card}`, `{no_card}`),
      `no_lean_task`: the lean to give, and for an open question, none (`LEAN: none`).
    - `framed_task` (`{topic}`, `{pointer}`, `{professional}`) and `framed_topics`: safety kind →
      (topic, professional).
    - `follow_up_task` (`{words}`), `follow_up_question` (the intro of a further question).
    - `labels`: the description's line labels (keys: spread, deck, tradition, language, cards, position,
      role, card, keywords, meaning, title, answers, question, no_question, analysis, shape, topics,
      subjects, focus, time); `aspects`: aspect → how a position's reading is introduced; `roles`:
      role → what the position asks of its card; `shapes`: question shape → its description; `bands`:
      lean band → its word; `orientation`: (upright, reversed).
    """

    voice: str
    rules: str
    reading_task: str
    opening_closed: str
    opening_open: str
    opening_day: str
    lean_task: str
    split_task: str
    no_lean_task: str
    framed_task: str
    framed_topics: Mapping[str, tuple[str, str]]
    follow_up_task: str
    follow_up_question: str
    labels: Mapping[str, str]
    aspects: Mapping[str, str]
    roles: Mapping[str, str]
    shapes: Mapping[str, str]
    bands: Mapping[str, str]
    orientation: tuple[str, str]
