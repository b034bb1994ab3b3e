"""The API's request and response bodies: attrs classes the converter reads and writes and the OpenAPI
document describes (adapters/http/spec.py). Requests take what a client may send; responses
(`@output`) always carry every field, null where there is nothing to say.
"""

from __future__ import annotations

from datetime import datetime

from attrs import field, frozen

from adapters.http.spec import Spec, api, output
from tarot_domain.model.spreads import QUESTIONNAIRE_ANSWER_MAX, all_spreads
from tarot_domain.model.text import QUESTION_MAX, QUESTION_PATTERN, clean_question

REF_PATTERN = r"^[A-Za-z0-9_.@-]{1,128}$"
KEY_PATTERN = r"^[A-Za-z0-9_.:-]{1,100}$"


def max_answers() -> int:
    return max(len(s.questionnaire) for s in all_spreads())


# ------------------------------------------------------------------ requests


@frozen
class NewUser:
    """Sign a person up with their preferences (each defaults as for any new person)."""

    ref: str = field(metadata=api(pattern=REF_PATTERN, description="The client's own id for the person"))
    language: str | None = field(default=None, metadata=api(choices="languages"))
    deck: str | None = field(default=None, metadata=api(choices="decks"))
    reversals: bool | None = field(default=None, metadata=api(description="Whether cards may fall reversed"))


@frozen
class PreferencesChange:
    """The preferences to change; a field left out keeps its value."""

    language: str | None = field(default=None, metadata=api(choices="languages"))
    deck: str | None = field(default=None, metadata=api(choices="decks"))
    reversals: bool | None = None


@frozen
class NewReading:
    spread: str = field(metadata=api(choices="spreads"))
    question: str = field(
        metadata=api(
            min_length=1,
            max_length=QUESTION_MAX,
            pattern=QUESTION_PATTERN,
            domain=clean_question,
            description="At least one letter or digit; trimmed, control characters removed",
        )
    )
    deck: str | None = field(
        default=None, metadata=api(choices="decks", description="Else the person's deck")
    )
    language: str | None = field(default=None, metadata=api(choices="languages"))
    reversals: bool | None = None
    answers: tuple[str, ...] = field(
        default=(),
        metadata=api(
            max_items=max_answers,
            item=Spec(max_length=QUESTIONNAIRE_ANSWER_MAX),
            description="Answers to the spread's questionnaire, in order (at most its length)",
        ),
    )


@frozen
class NewFollowUp:
    question: str = field(
        metadata=api(
            min_length=1, max_length=QUESTION_MAX, pattern=QUESTION_PATTERN, domain=clean_question,
            description="About the reading",
        )
    )


@frozen
class NewCheckout:
    product: str = field(metadata=api(choices="products"))
    currency: str | None = field(
        default=None, metadata=api(choices="currencies", description="Else the first")
    )


@frozen
class NewRefund:
    amount: int | None = field(
        default=None,
        metadata=api(minimum=1, description="In the currency's minor unit; everything when absent"),
    )


# ------------------------------------------------------------------ catalog


@output
@frozen
class Position:
    id: str
    name: str
    meaning: str


@output
@frozen
class QuestionnaireItem:
    id: str
    prompt: str
    hint: str


@output
@frozen
class SpreadView:
    id: str
    name: str
    description: str
    cost: int = field(metadata=api(minimum=0))
    cards: int = field(metadata=api(minimum=1))
    tier: str | None = field(metadata=api(description="The lowest tier that opens it; null: open to all"))
    positions: tuple[Position, ...]
    questionnaire: tuple[QuestionnaireItem, ...]


@output
@frozen
class SpreadList:
    spreads: tuple[SpreadView, ...]


@output
@frozen
class DeckView:
    id: str
    name: str
    description: str
    default: bool


@output
@frozen
class DeckList:
    decks: tuple[DeckView, ...]


@output
@frozen
class CardSummary:
    id: str
    name: str = field(metadata=api(description="As the deck prints it"))
    label: str = field(metadata=api(description="A caption: number and name, or name and title"))
    number: str | None = field(metadata=api(description="A major arcanum's number as the deck prints it"))
    epithet: str | None = field(metadata=api(description="A Thoth small card's title"))
    arcana: str
    suit: str | None
    element: str
    upright: tuple[str, ...] = field(metadata=api(description="Keywords, upright"))
    reversed: tuple[str, ...] = field(metadata=api(description="Keywords, reversed"))


@output
@frozen
class CardList:
    deck: str
    language: str
    cards: tuple[CardSummary, ...]


@output
@frozen
class Polarity:
    lean: str
    strength: int


@output
@frozen
class Face:
    """One orientation of a card: keywords, core meaning, aspects and a note per topic."""

    keywords: tuple[str, ...]
    texts: dict[str, str] = field(metadata=api(description="core, the aspects and the topics, by name"))
    polarity: Polarity
    overridden: tuple[str, ...] = field(metadata=api(description="The fields this deck writes itself"))


@output
@frozen
class Pair:
    card: str
    name: str
    text: str | None


@output
@frozen
class CardView:
    id: str
    deck: str
    language: str = field(metadata=api(description="The pack the texts came from"))
    name: str
    label: str
    number: str | None
    epithet: str | None
    renamed: bool = field(metadata=api(description="Whether the deck calls it other than its canonical name"))
    arcana: str
    suit: str | None
    element: str
    upright: Face
    reversed: Face
    pairs: tuple[Pair, ...]


@output
@frozen
class Price:
    currency: str
    amount: int = field(metadata=api(description="In the currency's minor unit"))


@output
@frozen
class ProductView:
    id: str
    kind: str = field(metadata=api(description="pack or tier"))
    name: str
    credits: int = field(metadata=api(description="A pack's credits, a tier's monthly credits"))
    prices: tuple[Price, ...]


@output
@frozen
class ProductList:
    products: tuple[ProductView, ...]


# ------------------------------------------------------------------ people


@output
@frozen
class UserView:
    ref: str
    language: str
    deck: str
    reversals: bool
    created_at: datetime
    tier: str | None
    tier_until: datetime | None
    purchases_frozen: bool


@output
@frozen
class Erased:
    """What forgetting did: the readings blanked and the subscriptions stopped from renewing."""

    erased_readings: int
    subscriptions_cancelled: tuple[str, ...] = field(
        metadata=api(description="The orders whose renewal stopped")
    )


# ------------------------------------------------------------------ readings


@output
@frozen
class DrawnCardView:
    position: str
    position_name: str
    card: str
    name: str
    reversed: bool


@output
@frozen
class Answer:
    item: str
    answer: str


@output
@frozen
class Interpretation:
    text: str = field(
        metadata=api(
            description="The reading in a small markup: paragraphs separated by a blank line, a line "
            "starting with '## ' is a section heading, **bold** marks the card names. Show it as is, "
            "render it, or strip the marks."
        )
    )
    interpreter: str
    model: str | None


@output
@frozen
class Support:
    """What the safety screen adds: a crisis gets only this; a health, legal or money question is read
    with it."""

    kind: str = field(metadata=api(choices="safety"))
    message: str = field(metadata=api(description="The text shown, in the person's language"))


@output
@frozen
class FollowUpView:
    question: str
    interpretation: Interpretation
    cost: int
    created_at: datetime


@output
@frozen
class ReadingView:
    id: str
    spread: str
    deck: str
    language: str
    question: str
    cards: tuple[DrawnCardView, ...]
    answers: tuple[Answer, ...]
    interpretation: Interpretation
    fallback: bool = field(metadata=api(description="An offline reading given free of charge"))
    cost: int
    created_at: datetime
    support: Support | None = field(
        metadata=api(
            description="When the safety screen fired (a health, legal or money question), else null"
        )
    )
    lean: str | None = field(
        metadata=api(
            choices="leans",
            description="For a closed question (yes or no, should, when) and on the yes-no spread: which "
            "way the cards lean, weighed from their yes/no polarity by position (the answer and outcome "
            "cards weigh most); null for an open question, and whenever `support` is present",
        )
    )
    follow_ups: tuple[FollowUpView, ...]
    available: int | None = field(
        metadata=api(description="Credits available right after this request (null when listed)")
    )


@output
@frozen
class Screened:
    """A crisis: the support message is the answer; nothing was drawn, charged or stored."""

    spread: str
    deck: str
    language: str
    cards: tuple[DrawnCardView, ...] = field(metadata=api(max_items=0))
    support: Support
    cost: int = field(metadata=api(minimum=0, maximum=0))


@output
@frozen
class ReadingPage:
    items: tuple[ReadingView, ...]
    total: int
    next_cursor: str | None = field(
        metadata=api(description="Pass as `cursor` for the next page; null at the end")
    )


@output
@frozen
class FollowUpResult:
    reading: str
    follow_up: FollowUpView
    available: int


# ------------------------------------------------------------------ money


@output
@frozen
class Balance:
    available: int
    posted: int
    held: int = field(metadata=api(minimum=0))
    tier: str | None
    tier_until: datetime | None
    purchases_frozen: bool


@output
@frozen
class LedgerEntry:
    id: str
    kind: str
    amount: int = field(metadata=api(description="Credits in (+) or out (−) of the person's account"))
    state: str = field(metadata=api(description="posted, pending (a hold), voided or expired"))
    created_at: datetime
    resolved_at: datetime | None


@output
@frozen
class LedgerPage:
    items: tuple[LedgerEntry, ...]
    next_cursor: str | None


@output
@frozen
class Checkout:
    order_id: str
    session_id: str
    url: str
    product: str
    amount: int = field(metadata=api(description="In the currency's minor unit"))
    currency: str
    credits: int


@output
@frozen
class StatusChangeView:
    status: str
    at: datetime


@output
@frozen
class OrderView:
    id: str
    provider: str
    product: str
    amount: int
    currency: str
    credits: int
    status: str
    refunded_amount: int
    created_at: datetime
    history: tuple[StatusChangeView, ...]


@output
@frozen
class OrderList:
    orders: tuple[OrderView, ...]


@output
@frozen
class Refund:
    order_id: str
    refund_id: str
    amount: int | None = field(metadata=api(description="As asked; null: everything"))
    status: str = field(metadata=api(description="requested: the credits go when the provider confirms"))


@output
@frozen
class SupportAnswer:
    """A follow-up that speaks of a crisis: the support message is the answer; nothing charged or kept."""

    support: Support
