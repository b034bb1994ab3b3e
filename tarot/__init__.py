"""tarot-bot for embedders: the whole service in one import.

    import tarot

    service = tarot.in_memory()                       # every port in process, sensible defaults
    alice = await service.sign_up("app:alice", language="en")
    result = await service.read(alice.id, "three", "What should I focus on?", key="req-1")

`in_memory(...)` takes an explicit replacement for each port (`uow=`, `clock=`, `random=`,
`interpreter=`, `fallback=`, `payment_gateways=`, `rate_limiter=`, `idempotency=`, `events=`) and each
setting (`catalog=`, `promotions=`, `helplines=`, `hold_ttl=`). The names below are the curated surface:
what a caller of the service meets (its results, its errors) and the test doubles it is built with.
"""

from adapters.memory.clock import ManualClock
from adapters.memory.randomness import SeededRandom
from adapters.memory.storage import MemoryStore
from tarot.service import Tarot, in_memory
from tarot_domain.model.errors import ErrorKind, TarotError, error_message
from tarot_domain.model.products import Catalog, Promotions, default_catalog
from tarot_domain.model.readings import FollowUp, Reading
from tarot_domain.model.safety import Support, SupportOnly
from tarot_domain.model.users import User
from tarot_domain.use_cases.erasure import Erasure
from tarot_domain.use_cases.readings import ReadingRequest, ReadingResult

__all__ = [
    "Catalog",
    "Erasure",
    "ErrorKind",
    "FollowUp",
    "ManualClock",
    "MemoryStore",
    "Promotions",
    "Reading",
    "ReadingRequest",
    "ReadingResult",
    "SeededRandom",
    "Support",
    "SupportOnly",
    "Tarot",
    "TarotError",
    "User",
    "default_catalog",
    "error_message",
    "in_memory",
]
