"""Credits and money: the balance, the ledger's history, checkout, orders, and refunds (admin scope)."""

from __future__ import annotations

from aiohttp import web

from adapters.http import bodies, cursor, idempotency, intake, people, views
from adapters.http.bodies import KEY_PATTERN
from adapters.http.choices import choices_of
from adapters.http.middlewares import client_of, json_response
from adapters.http.problems import Problem
from adapters.http.spec import Spec
from adapters.http.wire import unstructure

MAX_PAGE = 100
ORDER_ID = r"^[A-Za-z0-9_:.#-]{1,100}$"
CURSOR = Spec(pattern=cursor.PATTERN)


async def get_balance(request: web.Request) -> web.Response:
    deps, client, ref = await people.person(request)
    intake.only_query(request, ())
    user = await people.find(deps, client, ref)
    balance = await deps.credits.balance(user.id)
    tier = user.tier_at(deps.clock.now())
    until = user.tier_until if tier is not None else None
    held = balance.pending_out
    return json_response(
        bodies.Balance(balance.available, balance.posted, held, tier, until, user.purchases_frozen)
    )


async def list_ledger(request: web.Request) -> web.Response:
    """Every movement of the person's credits, newest first (grants, purchases, holds, charges)."""
    deps, client, ref = await people.person(request)
    intake.only_query(request, {"limit", "cursor"})
    size = intake.query_int(request, "limit", 20, 1, MAX_PAGE)
    given = intake.query_text(request, "cursor", CURSOR, {})
    offset = cursor.offset_position(given) if given is not None else 0
    user = await people.find(deps, client, ref)
    transfers = await deps.credits.history(user.id, size + 1, offset)
    page = transfers[:size]
    following = cursor.offset_cursor(offset + size) if len(transfers) > size else None
    return json_response(bodies.LedgerPage(tuple(views.ledger_entry(t, user.id) for t in page), following))


async def create_checkout(request: web.Request) -> web.Response:
    """The order and its hosted payment page; with an Idempotency-Key, a retry gets the same page."""
    deps, client, ref = await people.person(request)
    provider = deps.checkout_provider
    if provider is None:  # the route exists only with a provider
        raise web.HTTPNotFound()
    intake.only_query(request, ())
    key = intake.header_text(request, idempotency.HEADER, KEY_PATTERN, required=False)
    body = await intake.read_json(request, deps, bodies.NewCheckout, choices_of(deps))

    async def serve() -> web.Response:
        user, _ = await people.register(deps, client, ref, None)
        checkout = await deps.payments.start_checkout(
            user.id, body.product, provider, body.currency or deps.currencies[0], deps.success_url,
            deps.cancel_url, language=user.preferences.language,
        )  # fmt: skip
        deps.observer.payment(provider, "created")
        order = checkout.order
        view = bodies.Checkout(
            order.id, checkout.session.id, checkout.session.url, order.product_id, order.amount,
            order.currency, order.credits,
        )  # fmt: skip
        return json_response(view, 201, {"Location": f"/v1/users/{ref}/orders/{order.id}"})

    if key is None:
        return await serve()
    return await idempotency.once(request, deps, client, key, unstructure(body), serve)


async def list_orders(request: web.Request) -> web.Response:
    deps, client, ref = await people.person(request)
    intake.only_query(request, {"limit"})
    size = intake.query_int(request, "limit", 20, 1, MAX_PAGE)
    user = await people.find(deps, client, ref)
    orders = await deps.payments.orders(user.id, size)
    return json_response(bodies.OrderList(tuple(views.order_view(o) for o in orders)))


async def get_order(request: web.Request) -> web.Response:
    deps, client, ref = await people.person(request)
    intake.only_query(request, ())
    order_id = intake.path_text(request, "order", ORDER_ID)
    user = await people.find(deps, client, ref)
    return json_response(views.order_view(await deps.payments.order(user.id, order_id)))


async def create_refund(request: web.Request) -> web.Response:
    """An operator's refund (an admin-scoped key): the provider is asked now; the credits are taken back
    when it reports the refund, like any other (202)."""
    if not client_of(request).admin:
        raise Problem("admin-only", "api.admin_only")
    deps, client, ref = await people.person(request)
    intake.only_query(request, ())
    order_id = intake.path_text(request, "order", ORDER_ID)
    key = intake.header_text(request, idempotency.HEADER, KEY_PATTERN, required=True)
    assert key is not None
    body = await intake.read_json(request, deps, bodies.NewRefund, choices_of(deps))

    async def serve() -> web.Response:
        user = await people.find(deps, client, ref)
        order = await deps.payments.order(user.id, order_id)
        refund_id = await deps.payments.request_refund(order.id, body.amount, f"api:{client}:{key}")
        return json_response(bodies.Refund(order.id, refund_id, body.amount, "requested"), 202)

    return await idempotency.once(request, deps, client, key, unstructure(body), serve)
