"""For operators and monitors: `/healthz` (the process answers), `/readyz` (every dependency answers its
ping in time; 503 naming those that did not), `/metrics` (what the observer exposes), `/openapi.json`,
and `/problems/{type}` (what each problem type means)."""

from __future__ import annotations

import asyncio
import logging
import re

from aiohttp import web

from adapters.http.deps import Ping
from adapters.http.middlewares import accept_language, deps_of
from adapters.http.openapi import document
from adapters.http.problems import TYPES, Problem
from tarot_domain.content.registry import translate
from tarot_domain.model.errors import TarotError

logger = logging.getLogger("adapters.http")
_URL_PASSWORD = re.compile(r"(://[^:/@\s]+:)[^@/\s]+@")


def _json(data: object, status: int = 200) -> web.Response:
    return web.json_response(data, status=status)


async def healthz(request: web.Request) -> web.Response:
    return _json({"status": "ok"})


async def readyz(request: web.Request) -> web.Response:
    deps = deps_of(request)

    async def check(name: str, ping: Ping) -> tuple[str, str | None]:
        try:
            answer = await asyncio.wait_for(ping(), deps.ping_timeout)
        except TimeoutError:
            return name, f"no answer within {deps.ping_timeout:g} s"
        except Exception as exc:
            detail = exc.detail if isinstance(exc, TarotError) else str(exc)
            return name, _URL_PASSWORD.sub(r"\1***@", f"{type(exc).__name__}: {detail}")[:300]
        return name, "ping answered false" if answer is False else None

    results = await asyncio.gather(*(check(name, ping) for name, ping in deps.pings.items()))
    checks = {name: "ok" if problem is None else problem for name, problem in results}
    failed = [name for name, problem in results if problem is not None]
    if failed:
        reason = "; ".join(f"{name}: {checks[name]}" for name in failed)
        logger.warning("not ready: %s", reason)
        return _json({"status": "unavailable", "reason": reason, "checks": checks}, 503)
    return _json({"status": "ready", "checks": checks})


async def metrics(request: web.Request) -> web.Response:
    body, content_type = deps_of(request).observer.exposition()
    return web.Response(body=body, headers={"Content-Type": content_type})


async def openapi(request: web.Request) -> web.Response:
    return _json(document(deps_of(request)))


async def problem_type(request: web.Request) -> web.Response:
    kind = TYPES.get(request.match_info["type"])
    if kind is None:
        raise Problem("not-found", "api.no_route")
    lang = accept_language(request)
    return _json({
        "type": f"/problems/{kind.slug}", "title": kind.title, "status": kind.status, "kind": kind.kind,
        "description": translate(f"api.type.{kind.slug}", lang),
    })  # fmt: skip
