"""What anyone may look up: spreads, decks, their cards (names and knowledge in the asked language)
and the products on sale. No person is involved, so no person's limit either."""

from __future__ import annotations

from aiohttp import web

from adapters.http import bodies, intake, views
from adapters.http.choices import choices_of
from adapters.http.middlewares import accept_language, deps_of, json_response
from adapters.http.problems import Problem
from adapters.http.spec import Spec
from tarot_domain.model.cards import catalogue
from tarot_domain.model.decks import all_decks, deck_ids
from tarot_domain.model.products import STRIPE
from tarot_domain.model.spreads import all_spreads, get_spread, spread_ids

LANGUAGE = Spec(choices="languages")


def _language(request: web.Request) -> str:
    intake.only_query(request, {"language"})
    asked = intake.query_text(request, "language", LANGUAGE, choices_of(deps_of(request)))
    return asked or accept_language(request)


def _known(value: str, known: tuple[str, ...], what: str) -> str:
    if value not in known:
        raise Problem("not-found", f"api.no_{what}", {"id": value[:64]})
    return value


async def list_spreads(request: web.Request) -> web.Response:
    lang, catalog = _language(request), deps_of(request).catalog
    return json_response(bodies.SpreadList(tuple(views.spread_view(s, catalog, lang) for s in all_spreads())))


async def get_spread_view(request: web.Request) -> web.Response:
    lang = _language(request)
    spread = get_spread(_known(request.match_info["spread"], tuple(spread_ids()), "spread"))
    return json_response(views.spread_view(spread, deps_of(request).catalog, lang))


async def list_decks(request: web.Request) -> web.Response:
    lang = _language(request)
    return json_response(bodies.DeckList(tuple(views.deck_view(d, lang) for d in all_decks())))


async def list_cards(request: web.Request) -> web.Response:
    lang = _language(request)
    deck = _known(request.match_info["deck"], tuple(deck_ids()), "deck")
    return json_response(views.card_summaries(deck, lang))


async def get_card(request: web.Request) -> web.Response:
    lang = _language(request)
    deck = _known(request.match_info["deck"], tuple(deck_ids()), "deck")
    card = _known(request.match_info["card"], catalogue().ids, "card")
    return json_response(views.card_view(card, deck, lang))


async def list_products(request: web.Request) -> web.Response:
    lang, deps = _language(request), deps_of(request)
    return json_response(views.product_views(deps.catalog, deps.checkout_provider or STRIPE, lang))
