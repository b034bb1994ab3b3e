"""People: sign-up with preferences, look-up, changing preferences, and erasure (the bot's /forget:
subscriptions stopped at their provider first, then the data blanked; README, Forgetting a person)."""

from __future__ import annotations

from aiohttp import web

from adapters.http import bodies, intake, limits, people, views
from adapters.http.choices import choices_of
from adapters.http.deps import WebDeps
from adapters.http.middlewares import client_of, deps_of, json_response
from tarot_domain.model.users import User
from tarot_domain.use_cases.erasure import erase_person


def _view(deps: WebDeps, user: User, ref: str) -> bodies.UserView:
    return views.user_view(user, ref, user.tier_at(deps.clock.now()))


async def create_user(request: web.Request) -> web.Response:
    """201 for a new person (with the welcome grant); 200 with the person unchanged if the ref is known."""
    deps = deps_of(request)
    intake.only_query(request, ())
    body = await intake.read_json(request, deps, bodies.NewUser, choices_of(deps))
    client = client_of(request).name
    await limits.limit(request, deps, "calls", f"{client}:{body.ref}", deps.limits.calls)
    user, created = await people.register(deps, client, body.ref, body.language)
    if created and (body.deck is not None or body.reversals is not None):
        user = await deps.users.set_preferences(user.id, deck_id=body.deck, reversals=body.reversals)
    location = {"Location": f"/v1/users/{body.ref}"}
    return json_response(_view(deps, user, body.ref), 201 if created else 200, location)


async def get_user(request: web.Request) -> web.Response:
    deps, client, ref = await people.person(request)
    intake.only_query(request, ())
    return json_response(_view(deps, await people.find(deps, client, ref), ref))


async def update_user(request: web.Request) -> web.Response:
    deps, client, ref = await people.person(request)
    intake.only_query(request, ())
    change = await intake.read_json(request, deps, bodies.PreferencesChange, choices_of(deps))
    user = await people.find(deps, client, ref)
    updated = await deps.users.set_preferences(
        user.id, language=change.language, deck_id=change.deck, reversals=change.reversals
    )
    return json_response(_view(deps, updated, ref))


async def delete_user(request: web.Request) -> web.Response:
    """Erasure; 503 and nothing erased when a subscription's provider cannot be asked to stop it."""
    deps, client, ref = await people.person(request)
    intake.only_query(request, ())
    user = await people.find(deps, client, ref)
    erased = await erase_person(deps.users, deps.payments, user.id)
    return json_response(bodies.Erased(erased.readings, tuple(order.id for order in erased.stopped)))
