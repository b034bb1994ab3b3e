"""Readings: a new one (charged once per Idempotency-Key), the history page by page, one reading,
follow-up questions, and the free card of the day.

Whatever calls the interpreter passes the person's reading limit and then the interpreter budget every
frontend shares. Every text a person typed passes the safety screen's intake first: a crisis is
answered with the support message (200), before anything is drawn, charged or stored.
"""

from __future__ import annotations

from aiohttp import web

from adapters.http import bodies, cursor, idempotency, intake, limits, people, views
from adapters.http.bodies import KEY_PATTERN
from adapters.http.choices import choices_of
from adapters.http.deps import WebDeps
from adapters.http.middlewares import accept_language, json_response
from adapters.http.problems import Problem
from adapters.http.spec import Spec
from adapters.http.wire import unstructure
from tarot_domain.model.readings import Reading
from tarot_domain.model.safety import SafetyKind, Support, SupportOnly
from tarot_domain.model.text import clean_question
from tarot_domain.use_cases.readings import ReadingRequest, ReadingResult

MAX_PAGE = 50
READING_ID = r"^[A-Za-z0-9_-]{1,64}$"
CURSOR = Spec(pattern=cursor.PATTERN)


def _key(request: web.Request) -> str:
    key = intake.header_text(request, idempotency.HEADER, KEY_PATTERN, required=True)
    assert key is not None
    return key


def _crisis(deps: WebDeps, texts: tuple[str, ...], language: str) -> Support | None:
    for text in texts:
        support = deps.readings.screen(text, language)
        if support is not None and support.kind is SafetyKind.CRISIS:
            return support
    return None


async def _interpreter_call(request: web.Request, deps: WebDeps, client: str, ref: str) -> None:
    await limits.limit(request, deps, "readings", f"{client}:{ref}", deps.limits.readings)
    await limits.interpreter_budget(request, deps)


def _result_view(deps: WebDeps, result: ReadingResult) -> bodies.ReadingView:
    return views.reading_view(result.reading, result.support, result.lean, result.available)


async def create_reading(request: web.Request) -> web.Response:
    deps, client, ref = await people.person(request)
    intake.only_query(request, ())
    key = _key(request)
    body = await intake.read_json(request, deps, bodies.NewReading, choices_of(deps))

    async def serve() -> web.Response:
        speaks = body.language or accept_language(request)
        support = _crisis(deps, (body.question, *body.answers), speaks)
        if support is not None:  # nothing is registered, drawn, charged or stored
            return json_response(views.screened_view(support, body.spread, body.deck, speaks))
        await _interpreter_call(request, deps, client, ref)
        user, _ = await people.register(deps, client, ref, body.language)
        try:
            result = await deps.readings.request_reading(
                ReadingRequest(
                    user_id=user.id, spread_id=body.spread, question=body.question, idempotency_key=key,
                    deck_id=body.deck, language=body.language, reversals=body.reversals, answers=body.answers,
                )
            )  # fmt: skip
        except SupportOnly as screened:  # the use case's own backstop
            return json_response(views.screened_view(screened.support, body.spread, body.deck, speaks))
        if result.replayed:
            _same_request(result.reading, body)
        headers = {"Location": f"/v1/users/{ref}/readings/{result.reading.id}"}
        if result.replayed:
            headers[idempotency.REPLAYED] = "true"
        return json_response(_result_view(deps, result), 201, headers)

    return await idempotency.once(request, deps, client, key, unstructure(body), serve)


def _same_request(reading: Reading, body: bodies.NewReading) -> None:
    """A replay the store made (the key's record had expired): still refuse a different request."""
    if reading.question and (reading.spread_id, reading.question) != (
        body.spread,
        clean_question(body.question),
    ):
        raise Problem("idempotency-key-reused", "api.key_reused", log=f"key reused for {reading.id}")


async def list_readings(request: web.Request) -> web.Response:
    deps, client, ref = await people.person(request)
    intake.only_query(request, {"limit", "cursor"})
    size = intake.query_int(request, "limit", 10, 1, MAX_PAGE)
    given = intake.query_text(request, "cursor", CURSOR, {})
    before = cursor.reading_position(given) if given is not None else None
    user = await people.find(deps, client, ref)
    readings, total = await deps.readings.history(user.id, size + 1, before=before)
    page, more = readings[:size], len(readings) > size
    items = tuple(views.reading_view(r, *deps.readings.framing(r)) for r in page)
    following = cursor.reading_cursor(page[-1].created_at, page[-1].id) if more and page else None
    return json_response(bodies.ReadingPage(items, total, following))


async def get_reading(request: web.Request) -> web.Response:
    deps, client, ref = await people.person(request)
    intake.only_query(request, ())
    reading_id = intake.path_text(request, "reading", READING_ID)
    user = await people.find(deps, client, ref)
    reading = await deps.readings.get_reading(user.id, reading_id)
    return json_response(views.reading_view(reading, *deps.readings.framing(reading)))


async def create_follow_up(request: web.Request) -> web.Response:
    deps, client, ref = await people.person(request)
    intake.only_query(request, ())
    reading_id = intake.path_text(request, "reading", READING_ID)
    key = _key(request)
    body = await intake.read_json(request, deps, bodies.NewFollowUp, choices_of(deps))

    async def serve() -> web.Response:
        user = await people.find(deps, client, ref)
        support = _crisis(deps, (body.question,), user.preferences.language)
        if support is not None:
            return json_response(bodies.SupportAnswer(views.support_body(support)))
        await deps.readings.get_reading(user.id, reading_id)  # 404 before any limit is spent
        await _interpreter_call(request, deps, client, ref)
        try:
            reading, follow_up = await deps.readings.ask_follow_up(user.id, reading_id, body.question, key)
        except SupportOnly as screened:
            return json_response(bodies.SupportAnswer(views.support_body(screened.support)))
        available = (await deps.credits.balance(user.id)).available
        result = bodies.FollowUpResult(reading.id, views.follow_up_view(follow_up), available)
        return json_response(result, 201)

    return await idempotency.once(request, deps, client, key, unstructure(body), serve)


async def daily_card(request: web.Request) -> web.Response:
    """The free card of the day: 201 when drawn now, 200 when it was drawn already today (no limit
    spent showing it again)."""
    deps, client, ref = await people.person(request)
    intake.only_query(request, ())
    user, _ = await people.register(deps, client, ref, None)
    today = deps.clock.now().date()
    shown = await deps.readings.drawn_daily_card(user.id, today)
    if shown is not None:
        return json_response(_result_view(deps, shown), 200)
    if deps.catalog.promotions.daily_free_card:  # switched off, the use case says so
        await _interpreter_call(request, deps, client, ref)
    result = await deps.readings.daily_card(user.id, today)
    return json_response(_result_view(deps, result), 200 if result.replayed else 201)
