"""Feature routers: each feature module hands the core one `Routes` table, and the core dispatches
from the tables merged (`RouteTable`), the way aiogram includes one `Router` per feature.

A table names the feature's commands (`/name` → handler, admin ones apart), its button actions
(the action name a token was issued for → handler), the flows whose free text it takes (flow name →
handler; `NO_FLOW` is plain text outside any flow) and the payment updates it answers. A name
registered twice is a programming error, reported when the dialog is built, not when a user hits it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Mapping
from typing import Protocol, TypeVar

from attrs import field, frozen

from adapters.telegram.callbacks import Action
from adapters.telegram.dialog.turn import Flow, Turn
from adapters.telegram.events import IncomingCallback, PreCheckoutQuery, RefundedPayment, SuccessfulPayment

CommandHandler = Callable[[Turn, str], Awaitable[None]]
"""(turn, the text after the command) → None; the person is loaded (`turn.me`)."""
ActionHandler = Callable[[Turn, Action, IncomingCallback], Awaitable[None]]
"""(turn, the pressed token's action, the press); the person is loaded. Answer the press with
`turn.answer(...)`; the core answers it plainly if the handler did not."""
TextHandler = Callable[[Turn, Flow, str], Awaitable[None]]
"""(turn, the chat's flow, the free text) after the intake let the text through; outside any flow the
flow is `Flow(NO_FLOW)`."""
PreCheckoutHandler = Callable[[Turn, PreCheckoutQuery], Awaitable[None]]
PaidHandler = Callable[[Turn, SuccessfulPayment], Awaitable[None]]
RefundedHandler = Callable[[Turn, RefundedPayment], Awaitable[None]]
_V = TypeVar("_V")

NO_FLOW = ""
"""The flow name (and `texts` key) of free text outside any flow."""
BUILT_IN = frozenset({"start", "help"})
"""Commands the core answers itself: /start registers before anything is loaded, /help lists the tables."""


@frozen
class Routes:
    """One feature's table."""

    commands: Mapping[str, CommandHandler] = field(factory=dict)
    admin_commands: Mapping[str, CommandHandler] = field(factory=dict)
    actions: Mapping[str, ActionHandler] = field(factory=dict)
    texts: Mapping[str, TextHandler] = field(factory=dict)
    pre_checkout: PreCheckoutHandler | None = None
    paid: PaidHandler | None = None
    refunded: RefundedHandler | None = None


class Feature(Protocol):
    """A feature module's entry: built with the `Conversation`, it hands over its table."""

    def routes(self) -> Routes: ...


class RouteTable:
    """Every feature's table merged; each name is owned by exactly one feature."""

    def __init__(self, tables: Iterable[Routes]) -> None:
        self.commands: dict[str, CommandHandler] = {}
        self.admin_commands: dict[str, CommandHandler] = {}
        self.actions: dict[str, ActionHandler] = {}
        self.texts: dict[str, TextHandler] = {}
        pre_checkout: list[PreCheckoutHandler] = []
        paid: list[PaidHandler] = []
        refunded: list[RefundedHandler] = []
        for routes in tables:
            for name in (*routes.commands, *routes.admin_commands):
                if name in BUILT_IN or name in self.commands or name in self.admin_commands:
                    raise ValueError(f"the command /{name} is registered twice")
                if name != name.lower():
                    raise ValueError(f"the command /{name} must be lower case (commands are matched so)")
            self.commands.update(routes.commands)
            self.admin_commands.update(routes.admin_commands)
            _merge(self.actions, routes.actions, "button action")
            _merge(self.texts, routes.texts, "flow")
            pre_checkout += [routes.pre_checkout] if routes.pre_checkout else []
            paid += [routes.paid] if routes.paid else []
            refunded += [routes.refunded] if routes.refunded else []
        if len(pre_checkout) != 1 or len(paid) != 1 or len(refunded) > 1:
            raise ValueError(
                "exactly one feature must answer pre-checkout queries and successful payments"
                " (and at most one refunds)"
            )
        if NO_FLOW not in self.texts:
            raise ValueError("some feature must take free text outside a flow")
        self.pre_checkout, self.paid = pre_checkout[0], paid[0]
        self.refunded: RefundedHandler | None = refunded[0] if refunded else None

    def text_handler(self, flow: Flow) -> TextHandler:
        """The handler for the flow's next free text; a flow no feature knows is no flow."""
        return self.texts.get(flow.flow) or self.texts[NO_FLOW]


def _merge(into: dict[str, _V], more: Mapping[str, _V], what: str) -> None:
    for name in more:
        if name in into:
            raise ValueError(f"the {what} {name!r} is registered twice")
    into.update(more)
