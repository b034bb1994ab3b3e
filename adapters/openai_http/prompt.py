"""Prompts for the reader, and the checks its answers must pass. Pure: no I/O, no clock, no randomness.

The querent's words (question, questionnaire answers, follow-up questions) travel inside tags and are
declared data in the system message; any tag of ours inside them is removed, so they cannot close the
block and speak as us.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Sequence
from typing import Literal, TypedDict

from tarot_domain.content import registry
from tarot_domain.content.prompting import PromptText
from tarot_domain.content.schema import TOPICS
from tarot_domain.model.decks import DEFAULT_DECK_ID, get_deck
from tarot_domain.model.knowledge import card_knowledge
from tarot_domain.model.lean import LeanReading, lean_for
from tarot_domain.model.localized import pick
from tarot_domain.model.markup import plain
from tarot_domain.model.question import QuestionAnalysis, analyse
from tarot_domain.model.readings import FollowUp, Reading
from tarot_domain.model.safety import SafetyKind, pointer_for
from tarot_domain.model.spreads import get_spread
from tarot_ports.interpreter import InterpretationRequest

MAX_TEXT_CHARS = 8000
"""Longest text we keep; longer answers are cut at a paragraph. Fits the largest spread's word budget in
Ukrainian (about 6000 characters) with room to spare; Telegram splits long messages anyway."""

_DATA_TAGS = ("question", "answers", "answer")
_TAG = re.compile(r"<\s*/?\s*(?:" + "|".join(_DATA_TAGS) + r")\b[^>]*>", re.IGNORECASE)


class ChatMessage(TypedDict):
    role: Literal["system", "user", "assistant"]
    content: str


def reading_words(card_count: int) -> int:
    """The word budget: close to what a skilled reader says, enough for every card, capped."""
    return min(90 + 40 * card_count, 700)


FOLLOW_UP_WORDS = 200


def analysis_of(question: str, language: str) -> QuestionAnalysis | None:
    """The question analysis (`tarot_domain.model.question`), or None for no question."""
    return analyse(question, language) if question.strip() else None


def words_of(language: str) -> PromptText:
    """The prompt's words in `language` (English when its pack has none)."""
    return registry.prompt_text(language if registry.is_language(language) else registry.FALLBACK)


def safety_task(safety: SafetyKind | None, language: str) -> str:
    """The framing a health, legal or money question needs, or "" for an ordinary one."""
    words = words_of(language)
    if safety is None or safety.value not in words.framed_topics:
        return ""
    topic, professional = words.framed_topics[safety.value]
    return words.framed_task.format(
        topic=topic, pointer=pointer_for(safety, language), professional=professional
    )


def language_name(language: str) -> str:
    """The language to write in, from its pack ("Ukrainian (українською мовою)"); English if unknown."""
    code = language if registry.is_language(language) else registry.FALLBACK
    english, own = registry.english_name(code), registry.about(code).in_language
    return f"{english} ({own})" if own else english


def as_data(text: str) -> str:
    """The querent's text with our delimiting tags removed, so it cannot end its own block."""
    previous = None
    while previous != text:  # removing one tag may join the pieces of another
        previous, text = text, _TAG.sub("", text)
    return text.strip()


# --- building --------------------------------------------------------------------------------------


def card_names(request: InterpretationRequest) -> tuple[str, ...]:
    """The deck's name of each drawn card, in the reading's language, in the order laid."""
    return tuple(
        card_knowledge(drawn.card_id, request.deck_id, request.language).display_name
        for drawn in request.cards
    )


def system_message(language: str, task: str) -> ChatMessage:
    words = words_of(language)
    rules = words.rules.format(language=language_name(language))
    return {"role": "system", "content": f"{words.voice}\n\n{rules}\n\n{task}"}


class _Unread:
    """The question not analysed yet (None is an analysis too: nothing was asked)."""


UNREAD = _Unread()
Analysed = QuestionAnalysis | _Unread | None  # the analysis when a caller has it (it is the costly part)


def _analysed(request: InterpretationRequest, found: Analysed) -> QuestionAnalysis | None:
    return analysis_of(request.question, request.language) if isinstance(found, _Unread) else found


def reading_task(request: InterpretationRequest, found: Analysed = UNREAD) -> str:
    """The task: answer first (the lean and its deciding card for a closed question, a thesis for an
    open one, the framing for a flagged one), then the cards through their roles, then the closing."""
    words = words_of(request.language)
    framed = safety_task(request.safety, request.language)
    lean = None if framed else _lean(request, found)
    opening = words.opening_day if not request.question.strip() else words.opening_open
    if lean is not None:
        opening = words.opening_closed
    task = words.reading_task.format(opening=opening, words=reading_words(len(request.cards)))
    if framed:
        return f"{task}\n\n{framed}"
    if lean is None:
        return f"{task}\n\n{words.no_lean_task}" if request.question.strip() else task
    names = {
        d.position_id: card_knowledge(d.card_id, request.deck_id, request.language).display_name
        for d in request.cards
    }
    spread = get_spread(request.spread_id)
    band = words.bands["unclear" if lean.band is None else lean.band.name.lower().replace("_", "-")]
    position = pick(spread.position(lean.decisive.position_id).name, request.language)
    parts = [
        task,
        words.lean_task.format(
            lean=lean.lean.value, band=band, card=names[lean.decisive.position_id], position=position
        ),
    ]
    if lean.split is not None:
        yes, no = lean.split
        parts.append(words.split_task.format(yes_card=names[yes.position_id], no_card=names[no.position_id]))
    return "\n\n".join(parts)


def _lean(request: InterpretationRequest, found: Analysed = UNREAD) -> LeanReading | None:
    """The lean as `model.lean.lean_of` reads it, from the question's analysis."""
    analysis = _analysed(request, found)
    shape = analysis.shape.value if analysis is not None else None
    return lean_for(get_spread(request.spread_id), request.deck_id, request.cards, shape=shape, framed=False)


def expects_lean(request: InterpretationRequest) -> bool:
    """Whether the model's answer must carry a yes/no/unclear lean (a closed question or the yes-no
    spread, not framed): an answer without one is refused, and the offline reading is served."""
    return request.safety is None and _lean(request) is not None


def _analysis_lines(
    request: InterpretationRequest, words: PromptText, found: QuestionAnalysis | None
) -> list[str]:
    """The question as the service reads it (the same analysis the offline composer answers)."""
    if found is None:
        return []
    labels = words.labels
    lines = [
        labels["analysis"],
        f"- {labels['shape']}: {words.shapes.get(found.shape.value, found.shape.value)}",
    ]
    if found.topics:
        lines.append(f"- {labels['topics']}: {', '.join(found.topics)}")
    if found.subjects:
        named = [s.name.nom if s.name is not None else s.text for s in found.subjects]
        lines.append(f"- {labels['subjects']}: {', '.join(as_data(n) for n in named)}")
    if found.focus:
        lines.append(f"- {labels['focus']}: {as_data(found.focus)}")
    if found.time_frame:
        lines.append(f"- {labels['time']}: {found.time_frame}")
    return lines


def spread_description(request: InterpretationRequest, analysed: Analysed = UNREAD) -> str:
    """The spread, the deck and its tradition, each position with its role and its card (the meaning,
    the aspect its role reads, the topic note), the querent's answers, the question and its analysis."""
    lang = request.language
    words = words_of(lang)
    labels = words.labels
    spread = get_spread(request.spread_id)
    deck = get_deck(request.deck_id)
    upright, reversed_ = words.orientation
    tradition = "" if deck.id == DEFAULT_DECK_ID else f" ({labels['tradition']})"
    found = _analysed(request, analysed)
    topic = found.topics[0] if found is not None and found.topics else None
    lines = [
        f"{labels['spread']}: {pick(spread.name, lang)} ({len(request.cards)} {labels['cards_count']})",
        f"{labels['deck']}: {pick(deck.name, lang)}{tradition}",
        f"{labels['language']}: {language_name(lang)}",
        "",
        labels["cards"],
    ]
    for number, drawn in enumerate(request.cards, start=1):
        knowledge = card_knowledge(drawn.card_id, deck.id, lang)
        face = knowledge.face(drawn.reversed)
        position = spread.position(drawn.position_id)
        lines += [
            f"{number}. {labels['position']}: {pick(position.name, lang)} — {pick(position.meaning, lang)}",
            f"   {labels['role']}: {words.roles.get(position.role.value, position.role.value)}",
            f"   {labels['card']}: {knowledge.display_name} ({reversed_ if drawn.reversed else upright})",
            f"   {labels['keywords']}: {', '.join(face.keywords)}",
            f"   {labels['meaning']}: {face.core}",
        ]
        aspect = position.reading.aspect
        if aspect in words.aspects:  # the facet this position's role reads (an obstacle as an obstacle)
            lines.append(f"   {words.aspects[aspect]}: {face.aspect(aspect)}")
        if topic is not None and topic in TOPICS:
            lines.append(f"   {labels['topic_note']} ({topic}): {face.topic(topic)}")
        if knowledge.epithet:  # Thoth's small cards carry a title ("Dominion") the reader may draw on
            lines.append(f"   {labels['title']}: {knowledge.epithet}")
    if request.answers:
        prompts = {item.id: pick(item.prompt, lang) for item in spread.questionnaire}
        lines += ["", labels["answers"], "<answers>"]
        for answer in request.answers:
            prompt = prompts.get(answer.item_id, answer.item_id)
            lines.append(f"<answer>{prompt} — {as_data(answer.answer)}</answer>")
        lines.append("</answers>")
    lines.append("")
    if request.question:
        lines += [labels["question"], f"<question>{as_data(request.question)}</question>"]
        analysis = _analysis_lines(request, words, found)
        if analysis:
            lines += ["", *analysis]
    else:
        lines.append(labels["no_question"])
    return "\n".join(lines)


def reading_messages(request: InterpretationRequest) -> list[ChatMessage]:
    found = analysis_of(request.question, request.language)  # once: the costliest step of the prompt
    return [
        system_message(request.language, reading_task(request, found)),
        {"role": "user", "content": spread_description(request, found)},
    ]


def request_of(reading: Reading) -> InterpretationRequest:
    return InterpretationRequest(
        spread_id=reading.spread_id,
        deck_id=reading.deck_id,
        language=reading.language,
        question=reading.question,
        cards=reading.cards,
        answers=reading.answers,
    )


def follow_up_messages(
    reading: Reading, earlier: Sequence[FollowUp], question: str, safety: SafetyKind | None = None
) -> list[ChatMessage]:
    """The reading replayed as the conversation it was (our text as the assistant's turn, each earlier
    follow-up as a question and its answer), then the new question."""
    request = request_of(reading)
    task = words_of(reading.language).follow_up_task.format(words=FOLLOW_UP_WORDS)
    framed = safety_task(safety, reading.language)
    messages: list[ChatMessage] = [
        system_message(reading.language, f"{task}\n\n{framed}" if framed else task),
        {"role": "user", "content": spread_description(request)},
        {"role": "assistant", "content": reading.interpretation.text},
    ]
    intro = words_of(reading.language).follow_up_question
    for turn in earlier:
        messages.append(_question_message(intro, turn.question))
        messages.append({"role": "assistant", "content": turn.interpretation.text})
    messages.append(_question_message(intro, question))
    return messages


def _question_message(intro: str, question: str) -> ChatMessage:
    return {"role": "user", "content": f"{intro}\n<question>{as_data(question)}</question>"}


def cache_key(model: str, messages: Sequence[ChatMessage]) -> str:
    """sha256 over the model and the full prompt: any change in either is a different entry."""
    payload = json.dumps([model, list(messages)], ensure_ascii=False, separators=(",", ":"))
    return "openai:reading:" + hashlib.sha256(payload.encode("utf-8")).hexdigest()


# --- checking the answer ---------------------------------------------------------------------------

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'", "´": "'", "–": "-", "—": "-", "‑": "-"})


def _normalise(text: str) -> str:
    """Case, apostrophe and dash variants and runs of spaces do not matter when finding a name:
    the deck writes "П’ятірка" and a model may well write "П'ятірка"."""
    text = unicodedata.normalize("NFC", text).translate(_APOSTROPHES).casefold()
    return " ".join(text.split())


def missing_names(text: str, names: Sequence[str]) -> list[str]:
    """The names `text` lacks (markup, case, apostrophes and dashes aside)."""
    found = _normalise(plain(text))
    return [name for name in names if _normalise(name) not in found]


def missing_cards(text: str, request: InterpretationRequest) -> list[str]:
    """The drawn cards `text` does not name in any of the deck's forms (a Ukrainian sentence declines
    them: «Вежу», «з Вежею»), by their display names."""
    found = _normalise(plain(text))
    missing = []
    for drawn in request.cards:
        knowledge = card_knowledge(drawn.card_id, request.deck_id, request.language)
        if not any(_normalise(form) in found for form in knowledge.name_forms):
            missing.append(knowledge.display_name)
    return missing


def cap_length(text: str, limit: int = MAX_TEXT_CHARS) -> str:
    """`text` if it fits, else cut at the last paragraph (or line, or word) boundary within `limit`."""
    text = text.strip()
    if len(text) <= limit:
        return text
    head = text[: limit + 1]
    for boundary in ("\n\n", "\n", " "):
        cut = head.rfind(boundary)
        if cut >= limit // 2:
            return head[:cut].rstrip()
    return text[:limit].rstrip()
