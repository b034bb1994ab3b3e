"""Dependency-injector containers (confined to runners/).

`Core` holds settings and the process-wide clock and randomness; `MemoryGateways` provides every port in
process; `UseCases` takes both as `DependenciesContainer`s. Runners build one root container and resolve
what they need; nothing is built at import time.
"""

from __future__ import annotations

from datetime import timedelta

from attrs import evolve
from dependency_injector import containers, providers

from adapters.memory.clock import SystemClock
from adapters.memory.randomness import SecretsRandom
from adapters.memory.storage import MemoryStore
from adapters.offline.interpreter import OfflineInterpreter
from runners.config import Settings
from tarot_domain.model.products import Catalog, Promotions, default_catalog
from tarot_domain.use_cases.context import Services
from tarot_domain.use_cases.credits import CreditService
from tarot_domain.use_cases.readings import ReadingService
from tarot_domain.use_cases.users import UserService


def build_catalog(settings: Settings) -> Catalog:
    base = default_catalog()
    return evolve(base, promotions=evolve(base.promotions, welcome_credits=settings.welcome_credits))


def hold_ttl(settings: Settings) -> timedelta:
    return timedelta(seconds=settings.hold_ttl_seconds)


class Core(containers.DeclarativeContainer):
    settings = providers.Dependency(instance_of=Settings)
    clock = providers.Singleton(SystemClock)
    randomness = providers.Singleton(SecretsRandom)
    catalog = providers.Singleton(build_catalog, settings)
    hold_ttl = providers.Callable(hold_ttl, settings)


class MemoryGateways(containers.DeclarativeContainer):
    store = providers.Singleton(MemoryStore)
    uow_factory = store.provided.uow
    interpreter = providers.Singleton(OfflineInterpreter)
    fallback = providers.Singleton(OfflineInterpreter)


class UseCases(containers.DeclarativeContainer):
    core = providers.DependenciesContainer()
    gateways = providers.DependenciesContainer()
    services = providers.Singleton(
        Services,
        uow=gateways.uow_factory,
        clock=core.clock,
        random=core.randomness,
        catalog=core.catalog,
        hold_ttl=core.hold_ttl,
    )
    users = providers.Singleton(UserService, services)
    credits = providers.Singleton(CreditService, services)
    readings = providers.Singleton(
        ReadingService, services, interpreter=gateways.interpreter, fallback=gateways.fallback
    )


class InProcess(containers.DeclarativeContainer):
    """Everything in memory: `tarot read` and embedders who want a full reading with no servers."""

    settings = providers.Dependency(instance_of=Settings)
    core = providers.Container(Core, settings=settings)
    gateways = providers.Container(MemoryGateways)
    use_cases = providers.Container(UseCases, core=core, gateways=gateways)


def in_process(settings: Settings | None = None, promotions: Promotions | None = None) -> InProcess:
    container = InProcess(settings=settings or Settings())
    if promotions is not None:
        container.core.catalog.override(providers.Object(evolve(default_catalog(), promotions=promotions)))
    return container
