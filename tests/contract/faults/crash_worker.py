"""One operation of the reading or payment flow in a process of its own, SIGKILLed at a named step.

    CRASH_AT=<step> python crash_worker.py '<json spec>'

The spec names the store (`database_url`, as `DATABASE_URL` would) and the operation (`op`: reading,
stars, stripe or sweep) with its arguments. Production code is untouched: the worker wraps the ports
it hands the use cases, so step boundaries are found from outside:

- a unit of work is labelled by the order it is opened in (`labels` in the spec, e.g. hold, save);
- `<label>:after-<method>` fires right after a wrapped repository call (ledger.submit, ledger.post,
  readings.add, events.mark) returns inside that unit of work, i.e. with its transaction still open;
- `<label>:before-commit` and `<label>:after-commit` surround its commit;
- `interpret` fires inside the interpreter call (no unit of work open: DESIGN §4 step 3).

At the named step the process sends itself SIGKILL: no `finally`, no rollback, no goodbye to the
database, exactly what an OOM kill or a power cut does. Without CRASH_AT (or without reaching its step)
the worker prints the outcome as one JSON line. The same `run_op` serves the test process itself, so
a redelivery after the "restart" runs the very same code.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
from collections.abc import Sequence
from datetime import datetime, timedelta
from types import TracebackType
from typing import Any, Self

from adapters.offline.interpreter import OfflineInterpreter
from adapters.system.clock import SystemClock
from adapters.system.randomness import SecretsRandom
from runners.stores import open_store
from tarot_domain.model.errors import TarotError
from tarot_domain.model.readings import FollowUp, Interpretation, Reading
from tarot_domain.model.safety import SafetyKind
from tarot_domain.use_cases.context import Services
from tarot_domain.use_cases.credits import CreditService
from tarot_domain.use_cases.payments import PaymentService
from tarot_domain.use_cases.readings import ReadingRequest, ReadingService
from tarot_ports.interpreter import InterpretationRequest, OnDelta
from tarot_ports.payments import PaymentSucceeded, ProviderPayment
from tarot_ports.storage import UnitOfWork, UnitOfWorkFactory

# Every step the tests kill at, per operation (the labels are the units of work in the order opened).
READING_STEPS = (
    "hold:after-submit",  # the hold is written but not committed
    "hold:after-commit",  # the hold is committed; nothing else happened
    "interpret",  # waiting on the interpreter, no transaction open
    "save:after-post",  # the hold is captured inside the closing transaction, the reading not yet stored
    "save:after-add",  # the reading is stored and the hold captured, not yet committed
    "save:after-commit",  # all done, but the answer never left the process
)
PAYMENT_STEPS = (
    "event:after-mark",  # the event id is claimed, nothing granted yet, uncommitted
    "event:after-submit",  # the credits are granted, uncommitted
    "event:after-commit",  # applied and committed; the provider never heard back
)
LABELS = {"reading": ("hold", "save"), "stars": ("event",), "stripe": ("event",), "sweep": ("sweep",)}


class Crasher:
    def __init__(self, step: str | None) -> None:
        self.step = step
        self.seen: list[str] = []

    def point(self, name: str) -> None:
        self.seen.append(name)
        if name == self.step:
            sys.stdout.flush()
            os.kill(os.getpid(), signal.SIGKILL)


class _After:
    """Proxies a repository; after each method in `methods` returns, passes `<label>:after-<method>`."""

    def __init__(self, inner: Any, label: str, methods: Sequence[str], crasher: Crasher) -> None:
        self._inner, self._label, self._methods, self._crasher = inner, label, methods, crasher

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._inner, name)
        if name not in self._methods:
            return attr

        async def call(*args: Any, **kwargs: Any) -> Any:
            result = await attr(*args, **kwargs)
            self._crasher.point(f"{self._label}:after-{name}")
            return result

        return call


class CrashingUow:
    def __init__(self, inner: UnitOfWork, label: str, crasher: Crasher) -> None:
        self._inner, self._label, self._crasher = inner, label, crasher

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    async def __aenter__(self) -> Self:
        await self._inner.__aenter__()
        c, label = self._crasher, self._label
        self.ledger = _After(self._inner.ledger, label, ("submit", "post"), c)
        self.readings = _After(self._inner.readings, label, ("add",), c)
        self.events = _After(self._inner.events, label, ("mark",), c)
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self._inner.__aexit__(exc_type, exc, tb)

    async def commit(self) -> None:
        self._crasher.point(f"{self._label}:before-commit")
        await self._inner.commit()
        self._crasher.point(f"{self._label}:after-commit")


def crashing_factory(inner: UnitOfWorkFactory, labels: Sequence[str], crasher: Crasher) -> UnitOfWorkFactory:
    opened = 0

    def factory() -> UnitOfWork:
        nonlocal opened
        label = labels[opened] if opened < len(labels) else f"uow{opened}"
        opened += 1
        return CrashingUow(inner(), label, crasher)

    return factory


class CrashingInterpreter:
    """The offline interpreter (deterministic, no network), with a crash point inside the call."""

    def __init__(self, crasher: Crasher) -> None:
        self._inner = OfflineInterpreter()
        self._crasher = crasher

    @property
    def name(self) -> str:
        return self._inner.name

    async def interpret(
        self, request: InterpretationRequest, on_delta: OnDelta | None = None
    ) -> Interpretation:
        await asyncio.sleep(0)
        self._crasher.point("interpret")
        return await self._inner.interpret(request, on_delta)

    async def follow_up(
        self,
        reading: Reading,
        earlier: tuple[FollowUp, ...],
        question: str,
        on_delta: OnDelta | None = None,
        *,
        safety: SafetyKind | None = None,
    ) -> Interpretation:
        return await self._inner.follow_up(reading, earlier, question, on_delta, safety=safety)


class OffsetClock:
    """The system clock moved by `offset` seconds (to run the sweeper past a hold's expiry)."""

    def __init__(self, offset: float) -> None:
        self._offset = timedelta(seconds=offset)

    def now(self) -> datetime:
        return SystemClock().now() + self._offset


async def run_op(spec: dict[str, Any], uow: UnitOfWorkFactory, step: str | None = None) -> dict[str, Any]:
    """Run `spec["op"]` on `uow`, crashing at `step`; returns what happened (or the TarotError's kind)."""
    crasher = Crasher(step)
    op = spec["op"]
    services = Services(
        uow=crashing_factory(uow, LABELS[op], crasher),
        clock=OffsetClock(spec.get("clock_offset", 0.0)),
        random=SecretsRandom(),
        hold_ttl=timedelta(seconds=spec.get("hold_ttl", 600)),
    )
    try:
        if op == "reading":
            interpreter = CrashingInterpreter(crasher)
            result = await ReadingService(services, interpreter, OfflineInterpreter()).request_reading(
                ReadingRequest(spec["user_id"], spec["spread"], spec["question"], spec["key"])
            )
            return {
                "reading_id": result.reading.id,
                "replayed": result.replayed,
                "charged": result.charged,
                "available": result.available,
            }
        if op in ("stars", "stripe"):
            payments = PaymentService(services)
            args = (spec["order_id"], spec["provider_ref"], spec["amount"], spec["currency"])
            facts = ProviderPayment(op, *args)
            outcome = await payments.apply(PaymentSucceeded(op, spec["event_id"], facts))
            return {"applied": outcome.applied, "granted": outcome.credits_granted}
        if op == "sweep":
            return {"expired": [t.id for t in await CreditService(services).sweep()]}
        raise ValueError(f"unknown op {op!r}")
    except TarotError as error:
        return {"error": error.kind.value, "retryable": error.retryable, "detail": error.detail}
    finally:
        spec.setdefault("_seen", []).extend(crasher.seen)


async def _main(spec: dict[str, Any]) -> None:
    async with open_store(spec["database_url"], pool_max=2) as store:
        outcome = await run_op(spec, store.uow_factory, os.environ.get("CRASH_AT") or None)
    print(json.dumps({**outcome, "seen": spec.get("_seen", [])}))


if __name__ == "__main__":
    asyncio.run(_main(json.loads(sys.argv[1])))
