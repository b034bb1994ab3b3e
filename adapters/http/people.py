"""The people an API client speaks for: a client's `ref` is `api:<client>:<ref>` in the store, so a
client only ever reaches its own people, and every call about one of them passes that person's limit."""

from __future__ import annotations

from aiohttp import web

from adapters.http import intake, limits
from adapters.http.bodies import REF_PATTERN
from adapters.http.deps import WebDeps
from adapters.http.middlewares import client_of, deps_of
from tarot_domain.model.users import User


def external_ref(client: str, ref: str) -> str:
    return f"api:{client}:{ref}"


async def person(request: web.Request) -> tuple[WebDeps, str, str]:
    """(deps, client, ref) for a `/v1/users/{ref}/...` call, the ref checked and the call counted."""
    deps = deps_of(request)
    ref = intake.path_text(request, "ref", REF_PATTERN)
    client = client_of(request).name
    await limits.limit(request, deps, "calls", f"{client}:{ref}", deps.limits.calls)
    return deps, client, ref


async def find(deps: WebDeps, client: str, ref: str) -> User:
    return await deps.users.find(external_ref(client, ref))


async def register(deps: WebDeps, client: str, ref: str, language: str | None) -> tuple[User, bool]:
    """The person, signed up on first use (with the welcome grant, once ever); whether they are new."""
    registration = await deps.users.register(external_ref(client, ref), language)
    if registration.created and registration.welcome_credits:
        deps.observer.credits_granted(registration.welcome_credits, "welcome")
    return registration.user, registration.created
