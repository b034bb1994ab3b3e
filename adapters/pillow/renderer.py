"""`PillowSpreadRenderer`: the `SpreadRenderer` port, drawing in a worker thread, with an in-process cache.

Why an in-process LRU and not the shared `Cache` port: that port holds JSON values, so a picture (100–700
KB of PNG) would travel base64-encoded, a third larger, through Redis on every hit, while drawing it again
costs a fraction of a second; and a picture is asked for again mostly by the process that drew it (a
repeated request, a history view soon after). So the cache is a byte-bounded LRU in this process.

Its key is the draw and everything it is shown in: spread, deck, language, each position's card and
orientation, the content version (`versioned`, so changed names or positions never come from an entry
drawn before the change), this renderer's design version, and a digest of the request's words (so a
caller that words a draw differently never receives another's picture). Concurrent requests for one key
draw it once.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections import OrderedDict
from collections.abc import Callable

import attrs

from adapters.pillow.spread import draw_spread
from tarot_domain.content.version import versioned
from tarot_ports.renderer import RenderRequest

DESIGN_VERSION = 1
"""Raise when the drawing changes, so cached pictures of the old design are not served."""
DEFAULT_CACHE_BYTES = 48 * 1024 * 1024


def draw_png(request: RenderRequest) -> bytes:
    """The picture as PNG bytes, drawn here and now (blocking: call it off the event loop)."""
    return draw_spread(request).png()


def picture_key(request: RenderRequest) -> str:
    """The cache key of `request`'s picture (see the module docstring)."""
    draw = ",".join(f"{c.position_id}={c.card_id}{'~r' if c.reversed else ''}" for c in request.cards)
    words = json.dumps(attrs.asdict(request, value_serializer=_plain), ensure_ascii=False, sort_keys=True)
    digest = hashlib.sha256(words.encode("utf-8")).hexdigest()[:16]
    key = (
        f"picture:v{DESIGN_VERSION}:{request.spread_id}:{request.deck_id}:{request.language}:{draw}:{digest}"
    )
    return versioned(key)


def _plain(_instance: object, _field: object, value: object) -> object:
    return getattr(value, "value", value)  # enums by value


class PillowSpreadRenderer:
    """Draws with Pillow off the event loop (`asyncio.to_thread`) and keeps the most recent pictures, up to
    `cache_bytes` of PNG, in process; `cache_bytes=0` turns the cache off. `draw` is the blocking drawing
    function (tests count its calls)."""

    def __init__(
        self, *, cache_bytes: int = DEFAULT_CACHE_BYTES, draw: Callable[[RenderRequest], bytes] = draw_png
    ) -> None:
        self._draw = draw
        self._limit = cache_bytes
        self._entries: OrderedDict[str, bytes] = OrderedDict()
        self._held = 0
        self._pending: dict[str, asyncio.Future[bytes]] = {}

    async def render(self, request: RenderRequest) -> bytes:
        key = picture_key(request)
        while True:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
                return found
            pending = self._pending.get(key)
            if pending is None:
                break
            try:  # another caller is drawing this picture: wait for theirs
                return await asyncio.shield(pending)
            except asyncio.CancelledError:
                if not pending.cancelled():
                    raise  # this caller was cancelled
                # the drawing caller was cancelled: look again, and draw it here
        future: asyncio.Future[bytes] = asyncio.get_running_loop().create_future()
        self._pending[key] = future
        try:
            picture = await asyncio.to_thread(self._draw, request)
        except asyncio.CancelledError:
            future.cancel()
            raise
        except Exception as error:
            future.set_exception(error)
            future.exception()  # marked as retrieved: a failure nobody waited for is not logged as lost
            raise
        finally:
            del self._pending[key]
        future.set_result(picture)
        self._keep(key, picture)
        return picture

    @property
    def cached(self) -> int:
        """How many pictures the cache holds."""
        return len(self._entries)

    def _keep(self, key: str, picture: bytes) -> None:
        if len(picture) > self._limit:
            return
        self._entries[key] = picture
        self._held += len(picture)
        while self._held > self._limit:
            _, dropped = self._entries.popitem(last=False)
            self._held -= len(dropped)
