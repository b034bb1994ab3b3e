"""Domain values as the API's response bodies (adapters/http/bodies.py), in a person's language."""

from __future__ import annotations

from adapters.http import bodies
from tarot_domain.model.cards import catalogue
from tarot_domain.model.decks import DEFAULT_DECK_ID, Deck
from tarot_domain.model.knowledge import FACE_FIELDS, card_knowledge, pair_text, pairs_of
from tarot_domain.model.lean import Lean
from tarot_domain.model.ledger import Transfer, TransferState, user_account
from tarot_domain.model.localized import pick
from tarot_domain.model.payments import Payment
from tarot_domain.model.products import Catalog
from tarot_domain.model.readings import FollowUp, Reading
from tarot_domain.model.safety import Support
from tarot_domain.model.spreads import Spread, get_spread
from tarot_domain.model.users import User


def spread_view(spread: Spread, catalog: Catalog, lang: str) -> bodies.SpreadView:
    tier = None if spread.id in catalog.free_spreads else catalog.minimum_tier_for(spread.id)
    return bodies.SpreadView(
        id=spread.id,
        name=pick(spread.name, lang),
        description=pick(spread.description, lang),
        cost=spread.cost,
        cards=spread.card_count,
        tier=tier.id if tier is not None else None,
        positions=tuple(
            bodies.Position(p.id, pick(p.name, lang), pick(p.meaning, lang)) for p in spread.positions
        ),
        questionnaire=tuple(
            bodies.QuestionnaireItem(q.id, pick(q.prompt, lang), pick(q.hint, lang))
            for q in spread.questionnaire
        ),
    )


def deck_view(deck: Deck, lang: str) -> bodies.DeckView:
    return bodies.DeckView(
        deck.id, pick(deck.name, lang), pick(deck.description, lang), deck.id == DEFAULT_DECK_ID
    )


def card_summaries(deck_id: str, lang: str) -> bodies.CardList:
    cards = []
    for card in catalogue():
        known = card_knowledge(card.id, deck_id, lang)
        cards.append(
            bodies.CardSummary(
                id=card.id,
                name=known.display_name,
                label=known.label,
                number=known.number,
                epithet=known.epithet,
                arcana=card.arcana.value,
                suit=card.suit.value if card.suit else None,
                element=card.element.value,
                upright=tuple(known.upright.keywords),
                reversed=tuple(known.reversed.keywords),
            )
        )
    return bodies.CardList(deck_id, lang, tuple(cards))


def card_view(card_id: str, deck_id: str, lang: str) -> bodies.CardView:
    known = card_knowledge(card_id, deck_id, lang)
    card = known.card

    def face(reversed_: bool) -> bodies.Face:
        text = known.face(reversed_)
        polarity = known.polarity(reversed_)
        texts = {name: str(getattr(text, name)) for name in FACE_FIELDS if name != "keywords"}
        return bodies.Face(
            keywords=tuple(text.keywords),
            texts=texts,
            polarity=bodies.Polarity(polarity.lean.value, polarity.strength),
            overridden=known.overridden(reversed_),
        )

    return bodies.CardView(
        id=card.id,
        deck=known.deck_id,
        language=known.language,
        name=known.display_name,
        label=known.label,
        number=known.number,
        epithet=known.epithet,
        renamed=known.renamed,
        arcana=card.arcana.value,
        suit=card.suit.value if card.suit else None,
        element=card.element.value,
        upright=face(False),
        reversed=face(True),
        pairs=tuple(
            bodies.Pair(
                other, card_knowledge(other, deck_id, lang).display_name, pair_text(card.id, other, lang)
            )
            for other in pairs_of(card.id)
        ),
    )


def product_views(catalog: Catalog, provider: str, lang: str) -> bodies.ProductList:
    products = [
        bodies.ProductView(
            pack.id, "pack", pick(pack.name, lang), pack.credits,
            tuple(bodies.Price(p.currency, p.amount) for p in pack.prices if p.provider == provider),
        )
        for pack in catalog.packs
    ] + [
        bodies.ProductView(
            tier.id, "tier", pick(tier.name, lang), tier.monthly_credits,
            tuple(bodies.Price(p.currency, p.amount) for p in tier.prices if p.provider == provider),
        )
        for tier in catalog.tiers
    ]  # fmt: skip
    return bodies.ProductList(tuple(p for p in products if p.prices))


def user_view(user: User, ref: str, catalog_now_tier: str | None) -> bodies.UserView:
    prefs = user.preferences
    until = user.tier_until if catalog_now_tier is not None else None
    return bodies.UserView(
        ref, prefs.language, prefs.deck_id, prefs.reversals, user.created_at, catalog_now_tier, until,
        user.purchases_frozen,
    )  # fmt: skip


def support_body(support: Support) -> bodies.Support:
    return bodies.Support(support.kind.value, support.message)


def support_view(support: Support | None) -> bodies.Support | None:
    return None if support is None else support_body(support)


def follow_up_view(follow_up: FollowUp) -> bodies.FollowUpView:
    text = follow_up.interpretation
    return bodies.FollowUpView(
        follow_up.question,
        bodies.Interpretation(text.text, text.interpreter, text.model),
        follow_up.cost,
        follow_up.created_at,
    )


def reading_view(
    reading: Reading, support: Support | None, lean: Lean | None, available: int | None = None
) -> bodies.ReadingView:
    spread, lang = get_spread(reading.spread_id), reading.language
    return bodies.ReadingView(
        id=reading.id,
        spread=reading.spread_id,
        deck=reading.deck_id,
        language=lang,
        question=reading.question,
        cards=tuple(
            bodies.DrawnCardView(
                drawn.position_id,
                pick(spread.position(drawn.position_id).name, lang),
                drawn.card_id,
                card_knowledge(drawn.card_id, reading.deck_id, lang).display_name,
                drawn.reversed,
            )
            for drawn in reading.cards
        ),
        answers=tuple(bodies.Answer(a.item_id, a.answer) for a in reading.answers),
        interpretation=bodies.Interpretation(
            reading.interpretation.text, reading.interpretation.interpreter, reading.interpretation.model
        ),
        fallback=reading.fallback,
        cost=reading.cost,
        created_at=reading.created_at,
        support=support_view(support),
        lean=None if lean is None else lean.value,
        follow_ups=tuple(follow_up_view(f) for f in reading.follow_ups),
        available=available,
    )


def screened_view(support: Support, spread: str, deck: str | None, language: str) -> bodies.Screened:
    return bodies.Screened(spread, deck or DEFAULT_DECK_ID, language, (), support_body(support), 0)


def ledger_entry(transfer: Transfer, user_id: str) -> bodies.LedgerEntry:
    account = user_account(user_id)
    signed = transfer.amount if transfer.credit == account else -transfer.amount
    state = transfer.state.value if isinstance(transfer.state, TransferState) else str(transfer.state)
    return bodies.LedgerEntry(
        transfer.id, transfer.kind.value, signed, state, transfer.created_at, transfer.resolved_at
    )


def order_view(order: Payment) -> bodies.OrderView:
    return bodies.OrderView(
        id=order.id,
        provider=order.provider,
        product=order.product_id,
        amount=order.amount,
        currency=order.currency,
        credits=order.credits,
        status=order.status.value,
        refunded_amount=order.refunded_amount,
        created_at=order.created_at,
        history=tuple(bodies.StatusChangeView(c.status.value, c.at) for c in order.history),
    )
