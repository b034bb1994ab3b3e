"""Redis adapters (`redis.asyncio`): sessions, GCRA rate limits, a JSON cache and de-duplication.

Build one client with `create_redis(url)` at start-up (never at import time) and pass it to every
adapter; each takes a key prefix so several services or tests can share a database.

Failure policy. Every call is bounded by the client's timeouts (pool wait, connect, socket), commands
are never retried automatically, and each port fails in the way that is safe for it:

- `RedisRateLimiter.check` fails OPEN: it answers allowed and logs a warning on the `adapters.redis`
  logger (throttled), since the credit ledger still protects what costs money.
- `RedisSessionStore` and `RedisDeduplicator` raise `TarotError(ErrorKind.DATABASE)`, retryable when
  Redis was unreachable: losing a dialog's state or guessing whether an update is new is the caller's
  call (typically: retry later, or tell the user to try again).
- `RedisCache.get` returns None, `set` does nothing, `get_or_set` computes the value itself; each
  failure is logged as a warning. A cache outage makes the service slower, never broken.

Server-side errors (WRONGTYPE, a broken script) follow the same rules, but the `TarotError` raised is
not retryable.
"""

from adapters.redis.cache import RedisCache
from adapters.redis.client import create_redis
from adapters.redis.dedup import RedisDeduplicator
from adapters.redis.rate_limit import RedisRateLimiter
from adapters.redis.sessions import RedisSessionStore

__all__ = [
    "RedisCache",
    "RedisDeduplicator",
    "RedisRateLimiter",
    "RedisSessionStore",
    "create_redis",
]
