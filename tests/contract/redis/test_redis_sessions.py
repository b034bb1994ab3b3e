"""SessionStore contract: JSON state per chat, a time to live refreshed by every load."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from adapters.redis import RedisSessionStore

if TYPE_CHECKING:  # the fixtures' types; conftest is not importable at run time
    from conftest import Backend, RedisBackend

pytestmark = pytest.mark.contract

STATE = {
    "step": "question",
    "spread": "three",
    "answers": ["a", 2, None, True],
    "lang": "uk",
    "note": "Таро ✨",
}


async def test_save_load_delete(backend: Backend) -> None:
    store = backend.sessions()
    assert await store.load("chat:1") is None
    await store.save("chat:1", STATE)
    await store.save("chat:2", {"step": "menu"})
    assert await store.load("chat:1") == STATE
    await store.save("chat:1", {"step": "done"})  # replaces, does not merge
    assert await store.load("chat:1") == {"step": "done"}
    await store.delete("chat:1")
    await store.delete("chat:never")  # deleting nothing is fine
    assert await store.load("chat:1") is None
    assert await store.load("chat:2") == {"step": "menu"}


async def test_loaded_state_is_a_copy(backend: Backend) -> None:
    store = backend.sessions()
    await store.save("chat", {"answers": [1]})
    loaded = await store.load("chat")
    assert loaded is not None
    loaded["answers"].append(2)
    assert await store.load("chat") == {"answers": [1]}


async def test_state_must_be_json(backend: Backend) -> None:
    store = backend.sessions()
    with pytest.raises(TypeError):
        await store.save("chat", {"when": object()})
    with pytest.raises(ValueError):
        await store.save("chat", {"step": "x"}, ttl_seconds=0)
    assert await store.load("chat") is None


async def test_ttl_is_refreshed_by_load_and_expires(backend: Backend) -> None:
    store, line = backend.sessions(default_ttl=1), backend.timeline
    await store.save("busy", {"n": 1})  # the store's default: 1 s
    await store.save("idle", {"n": 2})
    await store.save("long", {"n": 3}, ttl_seconds=3)
    await line.advance(0.6)
    assert await store.load("busy") == {"n": 1}  # refreshed to 1 s from here
    await line.advance(0.6)  # 1.2 s since saving: without the refresh "busy" would be gone
    assert await store.load("idle") is None
    assert await store.load("busy") == {"n": 1}
    await line.advance(1.1)
    assert await store.load("busy") is None
    assert await store.load("long") == {"n": 3}  # its own time to live, not the default


async def test_load_restores_the_ttl_the_state_was_saved_with(redis_backend: RedisBackend) -> None:
    store = RedisSessionStore(redis_backend.client, prefix=redis_backend.prefix, default_ttl=3600)
    await store.save("a", {"n": 1}, ttl_seconds=120)
    await store.save("b", {"n": 2})
    await redis_backend.client.expire(redis_backend.prefix + "a", 5)
    await redis_backend.client.expire(redis_backend.prefix + "b", 5)
    assert await store.load("a") == {"n": 1}
    assert await store.load("b") == {"n": 2}
    assert 118 <= await redis_backend.client.ttl(redis_backend.prefix + "a") <= 120
    assert 3598 <= await redis_backend.client.ttl(redis_backend.prefix + "b") <= 3600
    await redis_backend.client.set(redis_backend.prefix + "bad", "60:not json")
    assert await store.load("bad") is None  # a corrupt session is dropped, not an error
