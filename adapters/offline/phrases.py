"""Every sentence the offline interpreter writes, one table per language.

A table holds templates (`str.format` with named fields), small vocabularies and the word stems used to
recognise what a follow-up asks for (what a question is about comes from `tarot_domain.model.question`).
Adding a language is adding one `Phrases` value to `TABLES`; the test suite checks that every table fills
the same fields with the same placeholders as English.

Conventions the composer relies on:
- `bridges` are keyed by (role, hard): `hard` is whether the card, lying as it does, speaks of something
  difficult (usually: reversed; for a few cards such as the Devil: upright), so these templates never
  name the orientation themselves.
- `{kws}` is a short list of a card's keywords joined with `and_`; Ukrainian templates only place it
  where the nominative reads correctly (after a colon or a dash).
- `card_ref` / `position_ref` wrap a card or position name for running text (Ukrainian quotes them, so
  the name never has to be declined).
- Template tuples are variants: the composer picks one deterministically from the request.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

# Role names (see compose.ROLE_OF_POSITION): what a position asks of its card.
ROLES: tuple[str, ...] = (
    "core", "past", "future", "time", "obstacle", "support", "advice", "hidden",
    "aspiration", "self", "others", "lesson", "answer",
)  # fmt: skip

CAUTION_TOPICS: frozenset[str] = frozenset({"wellbeing", "money"})
"""Topics whose readings end with a pointer to a professional (the safety screen will refine this)."""

INTENTS: tuple[str, ...] = ("future", "cause", "advice", "people", "obstacle", "feelings")
"""What a follow-up question is after; each intent favours some roles (compose.INTENT_ROLES)."""


@dataclass(frozen=True)
class Phrases:
    code: str
    # --- words and wrappers ---
    upright: str
    reversed_: str
    upright_tag: str
    reversed_tag: str
    and_: str
    card_ref: str
    position_ref: str
    quote: str
    count_cards: Callable[[int], str]
    # --- headings ---
    heading_card: str
    heading_cards: str
    heading_combos: str
    heading_whole: str
    heading_yes_no: str
    heading_close: str
    # --- opening ---
    opening_question: tuple[str, ...]
    opening_day: tuple[str, ...]
    opening_open: tuple[str, ...]
    spread_intro: tuple[str, ...]
    spread_intro_single: str
    topic_intro: tuple[str, ...]
    topic_labels: Mapping[str, str]
    # --- one card in its position ---
    card_line: str
    card_line_single: str
    alias: str
    bridges: Mapping[tuple[str, bool], tuple[str, ...]]
    bridge_bright_obstacle: str
    # --- combinations ---
    pair_line: str
    same_rank: str
    rank_meanings: Mapping[str, str]
    majors_adjacent: tuple[str, ...]
    element_names: Mapping[str, str]
    element_same: tuple[str, ...]
    element_support: Mapping[frozenset[str], tuple[str, ...]]
    element_tension: Mapping[frozenset[str], tuple[str, ...]]
    crossing: str
    # --- the whole picture ---
    suit_dominant: str
    suit_meanings: Mapping[str, str]
    suit_balanced: str
    suit_missing: str
    suit_missing_meanings: Mapping[str, str]
    suit_single: str
    major_element: str
    element_notes: Mapping[str, str]
    combos_none: str
    majors_all: str
    majors_many: str
    majors_some: str
    majors_none: str
    majors_one: str
    major_single: str
    minor_single: str
    reversals_none: str
    reversals_many: str
    reversals_few: str
    reversals_one: str
    reversal_single_up: str
    reversal_single_rev: str
    courts_many: str
    court_line: tuple[str, ...]
    courts_role_one: str
    courts_role_many: str
    court_ranks: Mapping[str, str]
    court_suits: Mapping[str, str]
    answer_line: tuple[str, ...]
    answer_link: tuple[str, ...]
    # --- yes or no ---
    lean_yes: str
    lean_no: str
    lean_major: str
    lean_yes_heavy: str
    lean_no_bright: str
    lean_yes_plain: str
    lean_no_plain: str
    # --- closing ---
    advice_intro: tuple[str, ...]
    steps: Mapping[str, str]
    day_step: tuple[str, ...]
    disclaimer: tuple[str, ...]
    caution: str
    # --- follow-up ---
    fu_opening: tuple[str, ...]
    fu_opening_empty: str
    fu_lead: tuple[str, ...]
    fu_more: tuple[str, ...]
    fu_last: tuple[str, ...]
    fu_matched: str
    fu_position: tuple[str, ...]
    fu_flip: str
    fu_leaning: str
    fu_close: tuple[str, ...]
    stopwords: frozenset[str]
    intent_stems: Mapping[str, tuple[str, ...]]


def _m(items: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(items))


def _elements(items: Mapping[tuple[str, str], tuple[str, ...]]) -> Mapping[frozenset[str], tuple[str, ...]]:
    return MappingProxyType({frozenset(key): texts for key, texts in items.items()})


_EN_NUMBERS = (
    "", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen",
)  # fmt: skip


def _en_cards(n: int) -> str:
    word = _EN_NUMBERS[n] if 0 < n < len(_EN_NUMBERS) else str(n)
    return f"{word} card" if n == 1 else f"{word} cards"


_UK_NUMBERS = (
    "", "одна", "дві", "три", "чотири", "п'ять", "шість", "сім", "вісім", "дев'ять", "десять",
    "одинадцять", "дванадцять", "тринадцять", "чотирнадцять", "п'ятнадцять",
)  # fmt: skip


def _uk_cards(n: int) -> str:
    word = _UK_NUMBERS[n] if 0 < n < len(_UK_NUMBERS) else str(n)
    if n % 10 == 1 and n % 100 != 11:
        noun = "карта"
    elif n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        noun = "карти"
    else:
        noun = "карт"
    return f"{word} {noun}"


# =====================================================================================================
# English
# =====================================================================================================

EN = Phrases(
    code="en",
    upright="upright",
    reversed_="reversed",
    upright_tag="upright",
    reversed_tag="reversed",
    and_=" and ",
    card_ref="{}",
    position_ref="“{}”",
    quote="“{}”",
    count_cards=_en_cards,
    heading_card="Your card",
    heading_cards="The cards",
    heading_combos="How the cards speak together",
    heading_whole="The whole picture",
    heading_yes_no="Yes or no?",
    heading_close="To take with you",
    opening_question=(
        "You asked: {question}",
        "Your question: {question}",
        "You came to the cards with this: {question}",
    ),
    opening_day=(
        "No question today, so this is your card of the day: a lens for the hours ahead rather than a "
        "forecast. Notice where its theme turns up between now and evening.",
        "Today there is no question, only the day itself. Here is your card of the day, a small "
        "companion for whatever the next hours bring.",
        "A card for the day, with no question attached: think of it as a mood to carry and a reminder to "
        "glance at now and then, not as a prediction.",
    ),
    opening_open=(
        "There is no particular question, so the cards speak to whatever is most alive for you right now.",
        "Without a set question, the cards turn to what is already moving in your life.",
    ),
    spread_intro=(
        "{count_cap} from the {deck} deck, laid out as {spread}.",
        "Layout: {spread}, with {count} drawn from the {deck} deck.",
    ),
    spread_intro_single="One card, drawn from the {deck} deck.",
    topic_intro=(
        "It is a question about {topic}, so each card below is read in that light.",
        "This touches on {topic}; keep that in mind as the cards unfold.",
        "At its heart this is about {topic}, and that is the thread the reading follows.",
    ),
    topic_labels=_m(
        {
            "love": "love and relationships",
            "work": "work and career",
            "money": "money and material security",
            "wellbeing": "health and well-being",
            "home": "home and family",
            "study": "study and learning",
            "spirit": "your spiritual path",
        }
    ),
    card_line="{index}. {position}: {label}, {orientation}{alias}",
    card_line_single="{position}: {label}, {orientation}{alias}",
    alias=" (in the Rider–Waite deck: {name})",
    bridges=MappingProxyType(
        {
            ("core", False): (
                "At the centre of things right now: {kws}.",
                "This is the energy that defines the moment: {kws}.",
                "The situation currently turns on {kws}.",
            ),
            ("core", True): (
                "At the centre sits something not yet flowing freely: {kws}.",
                "The moment is coloured by {kws}, and it asks for care rather than speed.",
                "What defines the situation is not easy to carry: {kws}.",
            ),
            ("past", False): (
                "Behind you lies a time shaped by {kws}, and it still lends you something.",
                "What came before carried the mark of {kws}.",
            ),
            ("past", True): (
                "Behind you lies a stretch marked by {kws}; its echo may still be sounding.",
                "The past left a knot here rather than a gift: {kws}.",
            ),
            ("future", False): (
                "If the present course holds, the road leads towards {kws}.",
                "Ahead, the cards point to {kws}: a tendency, not a fixed verdict.",
            ),
            ("future", True): (
                "Ahead lies a stretch where {kws} could slow you down, easier to steer round if you see it "
                "coming.",
                "The way forward shows {kws}: a caution to heed rather than a sentence to fear.",
            ),
            ("time", False): (
                "The keynote for this stretch of time: {kws}.",
                "This period is on the side of {kws}.",
                "Expect the mood here to lean towards {kws}.",
                "Here the tone is set by {kws}.",
            ),
            ("time", True): (
                "This stretch may bring some friction: {kws}.",
                "Go gently during this period; the card warns of {kws}.",
                "Here the energy runs slower, with {kws} in the background.",
                "A quieter, more inward time, touched by {kws}.",
            ),
            ("obstacle", False): (
                "What stands in the way has a name here: {kws}.",
                "The difficulty comes through {kws}, something to work with rather than fight.",
            ),
            ("obstacle", True): (
                "The obstacle lies partly inside you: {kws}.",
                "Here the card shows a knot of {kws} that asks to be loosened.",
            ),
            ("support", False): (
                "You can lean on {kws}.",
                "Working in your favour: {kws}.",
            ),
            ("support", True): (
                "The help is there but not yet within reach; first clear away {kws}.",
                "Here the card shows a resource held back by {kws}.",
            ),
            ("advice", False): (
                "The cards suggest leaning into {kws}.",
                "A good way forward draws on {kws}.",
            ),
            ("advice", True): (
                "The advice comes as a caution: watch for {kws}.",
                "This card advises steering clear of {kws}.",
            ),
            ("hidden", False): (
                "Beneath the surface, quietly at work: {kws}.",
                "Below what you can see runs a current of {kws}.",
            ),
            ("hidden", True): (
                "Under the surface something is tangled: {kws}.",
                "The hidden layer here holds {kws}, easier to work with once it is named.",
            ),
            ("aspiration", False): (
                "What you reach for carries the colour of {kws}.",
                "At its best, this points to {kws}.",
            ),
            ("aspiration", True): (
                "What you long for is tangled up with doubt: {kws}.",
                "Here the card shows hope and worry intertwined: {kws}.",
            ),
            ("self", False): (
                "You bring {kws} to this.",
                "Your own part in this is marked by {kws}.",
            ),
            ("self", True): (
                "Something in your own stance is holding back: {kws}.",
                "Your part in this is coloured by {kws}; it helps to be honest with yourself about it.",
            ),
            ("others", False): (
                "Around you, or in the other person, the cards see {kws}.",
                "From the other side comes {kws}.",
            ),
            ("others", True): (
                "From the other side comes something guarded: {kws}.",
                "The energy around you is mixed: {kws}.",
            ),
            ("lesson", False): (
                "The lesson here: {kws}.",
                "Life keeps returning you to {kws} until it becomes your own.",
            ),
            ("lesson", True): (
                "This lesson tends to come the hard way: {kws}.",
                "What keeps repeating until you see it: {kws}.",
            ),
            ("answer", False): ("What shapes this answer: {kws}.",),
            ("answer", True): ("What holds the answer back: {kws}.",),
        }
    ),
    bridge_bright_obstacle="Even something good can hold you back when it keeps you too comfortable: here "
    "that is {kws}.",
    pair_line="{a} and {b}. {comment}",
    same_rank="{names}: cards of the same rank. {meaning}",
    rank_meanings=_m(
        {
            "ace": "Beginnings in more than one area of life at once: seeds, offers and openings.",
            "two": "Choices and partnerships are in the air; several things ask to be balanced.",
            "three": "Growth through others: collaboration, first results and plans taking shape.",
            "four": "A call for stability and a pause, even a wish to hold on to what you have.",
            "five": "Friction and loss in more than one place, the kind that forces a change of course.",
            "six": "Harmony returning, help given and received, a sense of moving on.",
            "seven": "A time of testing and taking stock: not everything is what it seems.",
            "eight": "Movement and effort: things speed up, and skill grows through practice.",
            "nine": "Almost there: a cycle nearing its fullness, for better and for worse.",
            "ten": "Endings and completions: one cycle closes so another can begin.",
            "page": "News, curiosity and learning: something young and new is arriving.",
            "knight": "Things on the move: pursuit, travel, and people who act fast.",
            "queen": "Inner maturity and care: mastery that works quietly, from the inside.",
            "king": "Authority and responsibility: mastery that shows in the world.",
        }
    ),
    majors_adjacent=(
        "{a} and {b} lie side by side, two major arcana in a row: {pa} and {pb} belong to one larger "
        "movement that small adjustments alone will not steer.",
        "{a} next to {b}: two major arcana together, so the step from {pa} to {pb} carries real weight "
        "in your story.",
    ),
    element_names=_m({"fire": "fire", "water": "water", "air": "air", "earth": "earth"}),
    element_same=(
        "{a} and {b} share the element of {element}: the theme of {pa} carries straight into {pb} and "
        "grows stronger.",
        "{a} and {b}, both {element}: {pa} and {pb} reinforce each other.",
    ),
    element_support=_elements(
        {
            ("fire", "air"): (
                "{a} and {b} support each other, fire and air: ideas give the drive somewhere to go, "
                "and {pa} feeds {pb}.",
                "{a} and {b}, fire and air, work as a team: across {pa} and {pb}, enthusiasm and clear "
                "thinking strengthen each other.",
            ),
            ("water", "earth"): (
                "{a} and {b} support each other, water and earth: feeling finds a practical form, and "
                "{pa} nourishes {pb}.",
                "{a} and {b}, water and earth, make fertile ground: between {pa} and {pb}, feelings and "
                "practical care grow together.",
            ),
        }
    ),
    element_tension=_elements(
        {
            ("fire", "water"): (
                "{a} and {b} pull against each other, fire and water: passion and feeling may be at odds "
                "between {pa} and {pb}. Neither needs to win; each can temper the other.",
                "{a} meets {b}, fire against water: between {pa} and {pb}, the urge to act and the need "
                "to feel ask for different things. Give each its turn.",
            ),
            ("air", "earth"): (
                "{a} and {b} rub against each other, air and earth: ideas meet hard reality between {pa} "
                "and {pb}. Plans may need grounding, or routine may need fresh thought.",
                "{a} meets {b}, air against earth: thinking and doing are out of step between {pa} and "
                "{pb}; one realistic step can bring them together.",
            ),
        }
    ),
    crossing="{b} crosses {a}: this is the meeting point of the whole reading, where what is happening "
    "meets what resists it.",
    suit_dominant="The suit of {suit} leads, with {k} of the {n} cards: {meaning}",
    suit_meanings=_m(
        {
            "wands": "fire is in charge, bringing drive, ambition and creative heat. This is a matter "
            "you move by acting rather than by waiting.",
            "cups": "water is in charge, bringing feelings, relationships and intuition. Here the heart "
            "knows more than any calculation.",
            "swords": "air is in charge, bringing thoughts, words and decisions, and at times conflict. "
            "A clear mind is both the main tool and the main battleground.",
            "pentacles": "earth is in charge, bringing work, money, the body and home. Progress comes "
            "through patient, practical steps.",
        }
    ),
    suit_balanced="No single suit dominates: the matter touches several parts of life at once, and "
    "none of them can be solved in isolation.",
    suit_missing="No {suit} appear at all: {meaning}",
    suit_missing_meanings=_m(
        {
            "wands": "watch for low energy, or for waiting until motivation arrives on its own.",
            "cups": "feelings may be getting less room than they need; ask what your heart says.",
            "swords": "the situation may need a clearer plan or a frank conversation.",
            "pentacles": "practical ground, such as time, money and health, deserves a look before "
            "big moves.",
        }
    ),
    suit_single="The suit of {suit}: {meaning}",
    major_element="It belongs to the element of {element}, the element of {note}.",
    element_notes=_m(
        {
            "fire": "action and will",
            "water": "feeling and intuition",
            "air": "thought and communication",
            "earth": "the body, work and the material world",
        }
    ),
    combos_none="No strong pairs stand out here: each card speaks in its own voice, which keeps the "
    "reading simple to follow.",
    majors_all="Every card is a major arcanum: this is a chapter of your life, not a passing episode.",
    majors_many="Major arcana make up {m} of the {n} cards: big themes are at work, the kind that shape a "
    "chapter of life rather than a week.",
    majors_some="Major arcana account for {m} of the {n} cards: a few larger forces frame a situation that is "
    "mostly in your hands.",
    majors_one="Only one card is a major arcanum, {card} in {position}: that is where the larger theme of "
    "the reading sits, while the rest is mostly in your hands.",
    majors_none="There are no major arcana: this is about everyday choices, and much of it is within "
    "your reach.",
    major_single="A major arcanum as the only card speaks of a larger theme, not a passing mood.",
    minor_single="A minor card speaks of everyday matters, something you can shape with ordinary choices.",
    reversals_none="Every card is upright: energy moves outward, and things can progress without much "
    "resistance.",
    reversals_many="Reversed cards make up {r} of the {n}: a good deal of energy is turned inward or held "
    "back. Before pushing outward, look at what needs to be released, healed or rethought.",
    reversals_few="Reversals fall in {positions} ({r} of {n}): that is where things slow down or turn "
    "inward.",
    reversals_one="Only one card is reversed, in {positions}: that is where things slow down or turn inward.",
    reversal_single_up="The card is upright, so its energy is available and facing outward.",
    reversal_single_rev="The card is reversed: its energy is present but blocked, delayed or turned "
    "inward, asking for attention before action.",
    courts_many="With {c} court cards, this story has a large cast: much depends on who does what.",
    court_line=(
        "{name} may stand for a real person: {rank}, {suit}.",
        "In {name} you may recognise someone real: {rank}, {suit}.",
    ),
    courts_role_one="It can also be a role you are being asked to take on yourself.",
    courts_role_many="Each of them can also be a role you are being asked to take on yourself.",
    court_ranks=_m(
        {
            "page": "someone young or new in your life, a learner, or news on its way",
            "knight": "someone in motion who goes after what they want",
            "queen": "a mature, caring presence",
            "king": "someone with authority and responsibility",
        }
    ),
    court_suits=_m(
        {
            "wands": "full of fire and enthusiasm",
            "cups": "led by feeling and intuition",
            "swords": "with a sharp, analytical mind",
            "pentacles": "practical, steady and reliable",
        }
    ),
    answer_line=(
        "You were asked {prompt} and you answered {answer}.",
        "To the question {prompt} you said {answer}.",
    ),
    answer_link=(
        "{card} in {position} speaks most directly to that; its theme of {kw} is worth holding next to "
        "your own words.",
        "Read {card} in {position} with that in mind: its note of {kw} answers what you said.",
    ),
    lean_yes="The card is upright, so the answer leans yes.",
    lean_no="The card is reversed, so the answer leans no.",
    lean_major="As a major arcanum, it gives that leaning extra weight.",
    lean_yes_heavy="But {card} is not an easy card: this is a yes that may ask something of you, or "
    "arrive through a change you did not plan.",
    lean_no_bright="Still, {card} reversed carries a hopeful note, so this may be a “not yet” or “not like "
    "this” rather than a firm no.",
    lean_yes_plain="The card itself describes the conditions: {kws}.",
    lean_no_plain="Read it as “not now” or “not in this form” rather than a closed door; the card shows "
    "what stands in the way: {kws}.",
    advice_intro=(
        "If you take one thing from this reading, let it come from {card}.",
        "The most practical word here comes from {card}.",
        "For the days ahead, hold on to the counsel of {card}.",
    ),
    steps=_m(
        {
            "fire": "A small step: choose one concrete action you can take this week, and take it.",
            "water": "A small step: give yourself a quiet moment to notice how you really feel, perhaps "
            "by writing it down.",
            "air": "A small step: write the question down along with your most honest answer; clear "
            "words often untangle a knot.",
            "earth": "A small step: make one part of this concrete, with a date, a list or a phone call.",
        }
    ),
    day_step=(
        "Carry the card with you today and notice where its theme shows up; a quick note this evening "
        "will tell you more than any prediction.",
        "Let it be a quiet reminder today, something to glance at when the day gets busy.",
    ),
    disclaimer=(
        "The cards show tendencies and possibilities, not certainties; the choices remain yours.",
        "Take what is useful and leave the rest: a reading is a mirror for reflection, not a verdict.",
        "Nothing here is fixed. The cards describe the current, and you still hold the oars.",
    ),
    caution="Where health, money or legal matters are involved, let a qualified professional have the "
    "final word; the cards are here for reflection.",
    fu_opening=(
        "You now ask: {question} Let us go back to the cards already on the table.",
        "On to your next question: {question} The same cards still have something to say about it.",
        "A new angle on the same spread: {question}",
    ),
    fu_opening_empty="Let us look at the same cards once more.",
    fu_lead=(
        "{card}, {orientation}, in {position}, speaks most directly to this.",
        "The clearest answer comes from {card}, {orientation}, in {position}.",
        "Look first at {card}, {orientation}, in {position}.",
    ),
    fu_more=(
        "{card}, {orientation}, in {position}, adds to it.",
        "Next to it stands {card}, {orientation}, in {position}.",
    ),
    fu_last=(
        "{card}, {orientation}, in {position}, rounds out the picture.",
        "Finally, {card}, {orientation}, in {position}.",
    ),
    fu_matched="It echoes your own words: {words}.",
    fu_position=(
        "In this spread it stands for {meaning_lc}",
        "Its place here speaks of {meaning_lc}",
        "Recall what this position asks about. {meaning}",
    ),
    fu_flip="Turned the other way, this card would speak of {kws}; it helps to notice which side of it you "
    "are standing on.",
    fu_leaning="The original leaning still stands.",
    fu_close=(
        "Hold this alongside the first reading rather than instead of it.",
        "As before, this is something to reflect on, not a prediction.",
        "Let this sit for a day before deciding anything; the cards open questions as much as they "
        "answer them.",
    ),
    stopwords=frozenset(
        {
            "what",
            "will",
            "should",
            "would",
            "could",
            "with",
            "that",
            "this",
            "about",
            "have",
            "does",
            "there",
            "their",
            "they",
            "from",
            "your",
            "when",
            "where",
            "which",
            "into",
            "more",
            "than",
            "then",
            "them",
            "been",
            "being",
            "were",
            "just",
            "also",
            "cards",
            "card",
            "tarot",
            "reading",
            "please",
            "tell",
        }
    ),
    intent_stems=MappingProxyType(
        {
            "future": ("will", "future", "next", "soon", "when", "going", "happen", "outcome", "end"),
            "cause": ("why", "cause", "past", "reason", "because", "root"),
            "advice": ("should", "how", "advice", "what to do", "best", "step", "approach", "can"),
            "people": ("he", "she", "they", "him", "her", "them", "partner", "person", "people", "others"),
            "obstacle": ("block", "problem", "stuck", "afraid", "fear", "worry", "obstacle", "wrong", "stop"),
            "feelings": ("feel", "love", "care", "miss", "emotion", "heart"),
        }
    ),
)


# =====================================================================================================
# Ukrainian (formal "ви" throughout)
# =====================================================================================================

UK = Phrases(
    code="uk",
    upright="пряма",
    reversed_="перевернута",
    upright_tag="пряма карта",
    reversed_tag="перевернута карта",
    and_=" і ",
    card_ref="«{}»",
    position_ref="«{}»",
    quote="«{}»",
    count_cards=_uk_cards,
    heading_card="Ваша карта",
    heading_cards="Карти",
    heading_combos="Як карти перегукуються",
    heading_whole="Загальна картина",
    heading_yes_no="Так чи ні?",
    heading_close="Що взяти з собою",
    opening_question=(
        "Ваше питання: {question}",
        "Ви запитали: {question}",
        "Ось із чим ви прийшли до карт: {question}",
    ),
    opening_day=(
        "Сьогодні без питання, тож це ваша карта дня: не прогноз, а радше лінза для найближчих годин. "
        "Помічайте, де її тема з'явиться до вечора.",
        "Сьогодні немає питання, є лише сам день. Ось ваша карта дня, невеликий супутник для всього, "
        "що принесуть найближчі години.",
        "Карта дня, без жодного питання: сприймайте її як настрій, який можна взяти з собою, і "
        "нагадування, до якого варто часом повертатися, а не як передбачення.",
    ),
    opening_open=(
        "Окремого питання немає, тож карти говорять про те, що зараз для вас найживіше.",
        "Без конкретного питання карти звертаються до того, що вже рухається у вашому житті.",
    ),
    spread_intro=(
        "Колода «{deck}», розклад {spread}: {count}.",
        "Розклад {spread}, колода «{deck}»: {count}.",
    ),
    spread_intro_single="Одна карта з колоди «{deck}».",
    topic_intro=(
        "Ваше питання — про {topic}, тож кожну карту нижче прочитаємо саме в цьому світлі.",
        "Ідеться про {topic}; тримайте це на думці, поки розгортаються карти.",
        "По суті, це питання про {topic}, і саме за цією ниткою піде розклад.",
    ),
    topic_labels=_m(
        {
            "love": "кохання й стосунки",
            "work": "роботу й кар'єру",
            "money": "гроші та матеріальну стабільність",
            "wellbeing": "здоров'я і самопочуття",
            "home": "дім і родину",
            "study": "навчання",
            "spirit": "ваш духовний шлях",
        }
    ),
    card_line="{index}. {position}: {label} ({orientation}{alias})",
    card_line_single="{position}: {label} ({orientation}{alias})",
    alias="; у колоді Райдера–Вейта — «{name}»",
    bridges=MappingProxyType(
        {
            ("core", False): (
                "У центрі подій зараз — {kws}.",
                "Саме ця енергія визначає мить: {kws}.",
                "Головне, що зараз відбувається, можна назвати так: {kws}.",
            ),
            ("core", True): (
                "У центрі — те, що поки не може вільно текти: {kws}.",
                "Мить забарвлена непростими барвами: {kws}. Тут потрібна дбайливість, а не поспіх.",
                "Те, що зараз визначає ситуацію, нелегко нести: {kws}.",
            ),
            ("past", False): (
                "Позаду — час, що мав такі ознаки: {kws}. Дещо з нього досі вам служить.",
                "Те, що було раніше, пройшло під знаком таких тем: {kws}.",
            ),
            ("past", True): (
                "Позаду — відтинок, позначений так: {kws}; його відлуння може досі звучати.",
                "Минуле залишило тут радше вузол, ніж подарунок: {kws}.",
            ),
            ("future", False): (
                "Якщо нинішній курс збережеться, дорога веде ось куди: {kws}.",
                "Попереду карти бачать таку тенденцію: {kws}. Це напрям, а не вирок.",
            ),
            ("future", True): (
                "Попереду може трапитися гальмо — {kws}; його легше обминути, якщо помітити заздалегідь.",
                "Дорога вперед показує таке: {kws}. Це застереження, до якого варто прислухатися, а не "
                "вирок, якого слід боятися.",
            ),
            ("time", False): (
                "Головна нота цього відтинку часу — {kws}.",
                "У цей період вам допомагатиме таке: {kws}.",
                "Настрій тут, найімовірніше, задаватиме таке: {kws}.",
                "Тут тон задає таке: {kws}.",
            ),
            ("time", True): (
                "Цей відтинок може принести трохи тертя: {kws}.",
                "У цей період дійте м'якше, бо карта попереджає: можливі {kws}.",
                "Тут енергія тече повільніше, а фоном звучить таке: {kws}.",
                "Тихіший, більш внутрішній час, у якому відчутне таке: {kws}.",
            ),
            ("obstacle", False): (
                "Те, що стоїть на заваді, має тут своє ім'я: {kws}.",
                "Труднощі приходять через таке: {kws}. З цим варто працювати, а не воювати.",
            ),
            ("obstacle", True): (
                "Перешкода почасти всередині вас: {kws}.",
                "Тут карта показує вузол, який просить, щоб його розв'язали: {kws}.",
            ),
            ("support", False): (
                "На що можна спертися: {kws}.",
                "На вашому боці — {kws}.",
            ),
            ("support", True): (
                "Підтримка є, але поки що поза досяжністю; спершу варто прибрати з дороги таке: {kws}.",
                "Тут карта показує ресурс, який поки що стримує таке: {kws}.",
            ),
            ("advice", False): (
                "Карти радять спертися на таке: {kws}.",
                "Добрий шлях уперед будується на такому: {kws}.",
            ),
            ("advice", True): (
                "Порада звучить як застереження — остерігайтеся такого: {kws}.",
                "Ця карта радить обходити стороною таке: {kws}.",
            ),
            ("hidden", False): (
                "Під поверхнею тихо працює таке: {kws}.",
                "Під тим, що видно, тече глибша течія — {kws}.",
            ),
            ("hidden", True): (
                "Під поверхнею дещо заплуталося: {kws}.",
                "Прихований шар тут містить таке: {kws}. Із цим легше працювати, щойно його назвати.",
            ),
            ("aspiration", False): (
                "Те, до чого ви тягнетеся, має такий відтінок: {kws}.",
                "У найкращому разі це вказує на таке: {kws}.",
            ),
            ("aspiration", True): (
                "Те, чого ви прагнете, переплетене із сумнівом: {kws}.",
                "Тут карта показує, як сплелися надія й тривога: {kws}.",
            ),
            ("self", False): (
                "Ви вносите в цю ситуацію таке: {kws}.",
                "Ваша власна роль тут позначена так: {kws}.",
            ),
            ("self", True): (
                "Щось у вашій власній позиції стримує: {kws}.",
                "Вашу роль тут забарвлює таке: {kws}; варто бути з собою чесними щодо цього.",
            ),
            ("others", False): (
                "Довкола вас або в іншій людині карти бачать таке: {kws}.",
                "З іншого боку приходить таке: {kws}.",
            ),
            ("others", True): (
                "З іншого боку приходить щось насторожене: {kws}.",
                "Енергія довкола вас неоднозначна: {kws}.",
            ),
            ("lesson", False): (
                "Урок тут такий: {kws}.",
                "Життя знову й знову повертає вас до цього, доки воно не стане вашим: {kws}.",
            ),
            ("lesson", True): (
                "Цей урок зазвичай приходить важким шляхом: {kws}.",
                "Те, що повторюватиметься, доки ви цього не побачите: {kws}.",
            ),
            ("answer", False): ("Що формує цю відповідь: {kws}.",),
            ("answer", True): ("Що стримує відповідь: {kws}.",),
        }
    ),
    bridge_bright_obstacle="Навіть добре може стримувати, коли з ним надто затишно: тут це {kws}.",
    pair_line="{a} і {b}. {comment}",
    same_rank="{names}: карти одного рангу. {meaning}",
    rank_meanings=_m(
        {
            "ace": "Початки одразу в кількох сферах життя: зерна, пропозиції, нові можливості.",
            "two": "У повітрі вибір і партнерство; кілька речей просять рівноваги.",
            "three": "Зростання завдяки іншим: співпраця, перші результати, плани набувають форми.",
            "four": "Заклик до стабільності й паузи, а то й бажання втримати те, що маєте.",
            "five": "Тертя і втрати не в одному місці, з тих, що змушують змінити курс.",
            "six": "Гармонія повертається: допомогу дають і приймають, з'являється відчуття руху далі.",
            "seven": "Час випробувань і переоцінки: не все є тим, чим здається.",
            "eight": "Рух і зусилля: усе пришвидшується, а майстерність росте з практикою.",
            "nine": "Майже на місці: цикл наближається до повноти, і в доброму, і в складному.",
            "ten": "Завершення: один цикл закривається, щоб міг початися інший.",
            "page": "Новини, цікавість і навчання: приходить щось молоде й нове.",
            "knight": "Усе в русі: гонитва за метою, подорожі й люди, які діють швидко.",
            "queen": "Внутрішня зрілість і турбота: майстерність, що працює тихо, зсередини.",
            "king": "Влада й відповідальність: майстерність, яку видно у світі.",
        }
    ),
    majors_adjacent=(
        "Карти {a} і {b} лежать поруч — два старші аркани поспіль: позиції {pa} і {pb} належать до "
        "одного великого руху, який не скерувати самими лише дрібними поправками.",
        "{a} і {b} поруч: два старші аркани разом, тож крок від позиції {pa} до позиції {pb} має "
        "у вашій історії справжню вагу.",
    ),
    element_names=_m({"fire": "вогню", "water": "води", "air": "повітря", "earth": "землі"}),
    element_same=(
        "Карти {a} і {b} поділяють стихію {element}: тема позиції {pa} переходить просто в позицію {pb} і набирає "
        "сили.",
        "{a} і {b} — обидві карти стихії {element}: позиції {pa} і {pb} підсилюють одна одну.",
    ),
    element_support=_elements(
        {
            ("fire", "air"): (
                "Карти {a} і {b} підтримують одна одну, вогонь і повітря: ідеї дають запалу напрямок, і "
                "позиція {pa} живить позицію {pb}.",
                "Карти {a} і {b}, вогонь і повітря, працюють у парі: між позиціями {pa} і {pb} запал і "
                "ясна думка підсилюють одне одного.",
            ),
            ("water", "earth"): (
                "Карти {a} і {b} підтримують одна одну, вода і земля: почуття знаходять практичну форму, "
                "і позиція {pa} живить позицію {pb}.",
                "Карти {a} і {b}, вода і земля, створюють родючий ґрунт: між позиціями {pa} і {pb} "
                "почуття й практична турбота ростуть разом.",
            ),
        }
    ),
    element_tension=_elements(
        {
            ("fire", "water"): (
                "Карти {a} і {b} тягнуть у різні боки, вогонь і вода: пристрасть і почуття можуть "
                "суперечити одне одному між позиціями {pa} і {pb}. Нікому не треба перемагати: кожне "
                "може пом'якшити інше.",
                "Карти {a} і {b} — вогонь проти води: між позиціями {pa} і {pb} бажання діяти й потреба "
                "відчути просять різного. Дайте кожному свою чергу.",
            ),
            ("air", "earth"): (
                "Карти {a} і {b} труться одна об одну, повітря і земля: між позиціями {pa} і {pb} ідеї "
                "стикаються з твердою реальністю. Планам, можливо, бракує ґрунту, а рутині — свіжої "
                "думки.",
                "Карти {a} і {b} — повітря проти землі: між позиціями {pa} і {pb} думки й дії поки не в "
                "такт; один реалістичний крок може їх з'єднати.",
            ),
        }
    ),
    crossing="{b} перетинає карту {a}: це точка зустрічі всього розкладу, де те, що відбувається, "
    "стикається з тим, що йому опирається.",
    suit_dominant="Переважає масть {suit} — {k} з {n} карт: {meaning}",
    suit_meanings=_m(
        {
            "wands": "тут панує вогонь, а з ним рушійна сила, амбіції й творчий запал. Цю справу "
            "зрушують дією, а не очікуванням.",
            "cups": "тут панує вода, а з нею почуття, стосунки й інтуїція. Серце тут знає більше, ніж "
            "будь-які розрахунки.",
            "swords": "тут панує повітря, а з ним думки, слова й рішення, а часом і конфлікти. Ясний "
            "розум — і головний інструмент, і головне поле бою.",
            "pentacles": "тут панує земля, а з нею робота, гроші, тіло й дім. Поступ приходить через "
            "терплячі практичні кроки.",
        }
    ),
    suit_balanced="Жодна масть не переважає: справа зачіпає кілька сфер життя водночас, і жодну з них "
    "не розв'язати окремо від інших.",
    suit_missing="Масті {suit} немає зовсім: {meaning}",
    suit_missing_meanings=_m(
        {
            "wands": "зверніть увагу, чи не бракує вам енергії і чи не чекаєте ви, поки мотивація "
            "прийде сама.",
            "cups": "почуттям, можливо, дістається менше місця, ніж їм потрібно; запитайте, що каже "
            "ваше серце.",
            "swords": "ситуації, можливо, потрібен чіткіший план або відверта розмова.",
            "pentacles": "практичний ґрунт — час, гроші, здоров'я — вартий уваги перед великими кроками.",
        }
    ),
    suit_single="Масть {suit}: {meaning}",
    major_element="Вона належить до стихії {element}, стихії {note}.",
    element_notes=_m(
        {
            "fire": "дії та волі",
            "water": "почуттів та інтуїції",
            "air": "думки й спілкування",
            "earth": "тіла, праці й матеріального світу",
        }
    ),
    combos_none="Сильних пар тут не видно: кожна карта говорить своїм голосом, і розклад легко простежити.",
    majors_all="Усі карти — старші аркани: це розділ вашого життя, а не минущий епізод.",
    majors_many="Старших арканів тут {m} з {n}: діють великі теми, з тих, що формують цілий розділ "
    "життя, а не один тиждень.",
    majors_some="Старших арканів {m} з {n}: кілька більших сил обрамлюють ситуацію, яка здебільшого у "
    "ваших руках.",
    majors_one="Старший аркан лише один — {card} у позиції {position}: саме там зосереджена велика тема "
    "розкладу, а решта здебільшого у ваших руках.",
    majors_none="Старших арканів немає: ідеться про буденні рішення, і багато що тут вам під силу.",
    major_single="Старший аркан як єдина карта говорить про велику тему, а не про швидкоплинний настрій.",
    minor_single="Молодший аркан говорить про повсякденне, про те, на що можна вплинути звичайними "
    "рішеннями.",
    reversals_none="Усі карти прямі: енергія рухається назовні, і справи можуть просуватися без "
    "великого опору.",
    reversals_many="Перевернутих карт {r} з {n}: чимало енергії звернено всередину або стримано. Перш "
    "ніж тиснути назовні, погляньте, що варто відпустити, загоїти чи переосмислити.",
    reversals_few="Перевернуті карти — у позиціях {positions} ({r} з {n}): саме там щось гальмує або "
    "звертається всередину.",
    reversals_one="Перевернута лише одна карта — у позиції {positions}: саме там щось гальмує або "
    "звертається всередину.",
    reversal_single_up="Карта пряма, тож її енергія доступна й спрямована назовні.",
    reversal_single_rev="Карта перевернута: її енергія є, але заблокована, відкладена чи звернена "
    "всередину, і перш ніж діяти, варто приділити їй увагу.",
    courts_many="Фігурних карт тут {c}: у цій історії чимало дійових осіб, і багато залежить від того, "
    "хто що робить.",
    court_line=(
        "{name} може вказувати на конкретну людину: {rank}, {suit}.",
        "У карті {name} можна впізнати когось реального: {rank}, {suit}.",
    ),
    courts_role_one="Це може бути й роль, яку зараз пропонують узяти на себе вам.",
    courts_role_many="Кожна з цих карт може означати й роль, яку зараз пропонують узяти на себе вам.",
    court_ranks=_m(
        {
            "page": "когось молодого або нового у вашому житті, хто лише вчиться",
            "knight": "когось у русі, хто завзято йде до свого",
            "queen": "когось зрілого й турботливого",
            "king": "когось із владою та відповідальністю",
        }
    ),
    court_suits=_m(
        {
            "wands": "сповненого вогню й запалу",
            "cups": "з чутливим серцем і добрим чуттям",
            "swords": "з гострим аналітичним розумом",
            "pentacles": "практичного, сталого й надійного",
        }
    ),
    answer_line=(
        "На питання {prompt} ви відповіли: {answer}.",
        "Коли ми запитали {prompt}, ви відповіли: {answer}.",
    ),
    answer_link=(
        "Найпряміше до цього говорить карта {card} у позиції {position}; її тему — {kw} — варто "
        "тримати поруч із вашими словами.",
        "Прочитайте з огляду на це карту {card} у позиції {position}: її нота — {kw} — відгукується "
        "на ваші слова.",
    ),
    lean_yes="Карта пряма, тож відповідь схиляється до «так».",
    lean_no="Карта перевернута, тож відповідь схиляється до «ні».",
    lean_major="Старший аркан надає цьому нахилу більшої ваги.",
    lean_yes_heavy="Проте {card} — непроста карта: це «так», яке може дечого від вас вимагати або "
    "прийти через зміни, яких ви не планували.",
    lean_no_bright="Утім, перевернута карта {card} несе обнадійливу ноту, тож це може бути радше «ще не "
    "час» або «не в такий спосіб», ніж тверде «ні».",
    lean_yes_plain="Сама карта описує умови цього «так»: {kws}.",
    lean_no_plain="Сприймайте це як «не зараз» або «не в такій формі», а не як зачинені двері; карта "
    "показує, що стоїть на шляху: {kws}.",
    advice_intro=(
        "Якщо взяти з цього розкладу щось одне, нехай це буде порада карти {card}.",
        "Найпрактичніше слово тут належить карті {card}.",
        "На найближчі дні тримайтеся поради карти {card}.",
    ),
    steps=_m(
        {
            "fire": "Маленький крок: оберіть одну конкретну дію, яку можна зробити цього тижня, і "
            "зробіть її.",
            "water": "Маленький крок: подаруйте собі тиху хвилину, щоб помітити, що ви насправді "
            "відчуваєте, — можна навіть записати це.",
            "air": "Маленький крок: запишіть своє питання і найчеснішу відповідь на нього; ясні слова "
            "часто розплутують вузол.",
            "earth": "Маленький крок: зробіть одну частину цього конкретною — дата, список чи "
            "телефонний дзвінок.",
        }
    ),
    day_step=(
        "Носіть цю карту в думках протягом дня і помічайте, де з'явиться її тема; коротка нотатка ввечері "
        "скаже більше, ніж будь-яке передбачення.",
        "Нехай вона сьогодні буде тихим нагадуванням, до якого можна повернутися, коли день стане "
        "надто метушливим.",
    ),
    disclaimer=(
        "Карти показують тенденції й можливості, а не певність; вибір лишається за вами.",
        "Візьміть те, що корисне, а решту залиште: розклад — це дзеркало для роздумів, а не вирок.",
        "Ніщо тут не висічено в камені. Карти описують течію, а весла й далі у ваших руках.",
    ),
    caution="Коли йдеться про здоров'я, гроші чи юридичні питання, останнє слово нехай буде за "
    "фахівцем; карти — для роздумів.",
    fu_opening=(
        "Тепер ви запитуєте: {question} Повернімося до карт, які вже лежать на столі.",
        "Наступне питання: {question} Ті самі карти ще мають що про це сказати.",
        "Новий погляд на той самий розклад: {question}",
    ),
    fu_opening_empty="Погляньмо на ті самі карти ще раз.",
    fu_lead=(
        "Найпряміше на це відповідає карта {card} ({orientation}) у позиції {position}.",
        "Найясніша відповідь приходить від карти {card} ({orientation}) у позиції {position}.",
        "Погляньте спершу на карту {card} ({orientation}) у позиції {position}.",
    ),
    fu_more=(
        "Доповнює її карта {card} ({orientation}) у позиції {position}.",
        "Поруч із нею — карта {card} ({orientation}) у позиції {position}.",
    ),
    fu_last=(
        "Картину завершує карта {card} ({orientation}) у позиції {position}.",
        "І насамкінець — карта {card} ({orientation}) у позиції {position}.",
    ),
    fu_matched="Вона перегукується з вашими власними словами: {words}.",
    fu_position=(
        "Про що ця позиція? {meaning}",
        "Що означає це місце в розкладі? {meaning}",
    ),
    fu_flip="Якби карта лягла навпаки, вона говорила б про таке: {kws}. Корисно помітити, на якому її "
    "боці ви зараз стоїте.",
    fu_leaning="Первісний нахил відповіді лишається тим самим.",
    fu_close=(
        "Тримайте це поруч із першим тлумаченням, а не замість нього.",
        "Як і раніше, це матеріал для роздумів, а не передбачення.",
        "Дайте цьому полежати день, перш ніж щось вирішувати: карти відкривають питання не менше, ніж "
        "відповідають на них.",
    ),
    stopwords=frozenset(
        {
            "мене",
            "мені",
            "який",
            "яка",
            "яке",
            "які",
            "якщо",
            "коли",
            "треба",
            "буде",
            "будуть",
            "чому",
            "щодо",
            "цього",
            "цей",
            "ця",
            "це",
            "про",
            "для",
            "мною",
            "моєї",
            "мого",
            "моя",
            "мій",
            "може",
            "карти",
            "карта",
            "розклад",
            "таро",
            "скажіть",
            "будь",
            "ласка",
            "чи",
            "що",
            "як",
        }
    ),
    intent_stems=MappingProxyType(
        {
            "future": (
                "буде",
                "будуть",
                "майбут",
                "далі",
                "скоро",
                "коли",
                "станеться",
                "чекає",
                "чим",
                "закінч",
            ),
            "cause": ("чому", "причин", "минул", "через що", "звідки"),
            "advice": ("як ", "варто", "треба", "порад", "робити", "зробити", "краще", "крок", "можу"),
            "people": ("він", "вона", "вони", "його", "її", "їх", "партнер", "люди", "людин", "інш"),
            "obstacle": ("заважа", "пробл", "страх", "боюс", "застряг", "перешкод", "тривож", "не так"),
            "feelings": ("відчува", "почутт", "любить", "кохає", "сумую", "емоці", "серц"),
        }
    ),
)


TABLES: Mapping[str, Phrases] = MappingProxyType({"en": EN, "uk": UK})
"""Every language the offline interpreter writes; anything else falls back to English."""


def phrases_for(language: str) -> Phrases:
    return TABLES.get(language, EN)
