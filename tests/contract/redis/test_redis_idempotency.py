"""IdempotencyStore contract: a key is claimed once, remembers its fingerprint, replays a finished
answer, frees itself when released or when its lease or retention runs out; held the same by memory and
Redis (several processes on one Redis see one key)."""

from __future__ import annotations

import asyncio
import hashlib
from typing import TYPE_CHECKING

import pytest

from tarot_ports.idempotency import Claim, StoredResponse

if TYPE_CHECKING:  # the fixtures' types; conftest is not importable at run time
    from conftest import Backend

pytestmark = pytest.mark.contract
A = hashlib.sha256(b"a").hexdigest()
B = hashlib.sha256(b"b").hexdigest()
ANSWER = StoredResponse(201, '{"id":"r1","text":"«Вежа»"}', (("Location", "/v1/users/u/readings/r1"),))


async def test_a_key_is_claimed_once_then_in_flight_then_done(backend: Backend) -> None:
    store = backend.idempotency()
    assert (await store.claim("c:k", A, 60)).claim is Claim.NEW
    assert (await store.claim("c:k", A, 60)).claim is Claim.IN_FLIGHT
    assert (await store.claim("c:k", B, 60)).claim is Claim.MISMATCH
    await store.complete("c:k", A, ANSWER, 60)
    done = await store.claim("c:k", A, 60)
    assert done.claim is Claim.DONE and done.response == ANSWER
    assert (await store.claim("c:k", B, 60)).claim is Claim.MISMATCH
    assert (await store.claim("c:other", B, 60)).claim is Claim.NEW  # keys are separate


async def test_release_frees_only_an_in_flight_claim_of_the_same_request(backend: Backend) -> None:
    store = backend.idempotency()
    await store.claim("k", A, 60)
    await store.release("k", B)  # not its request: left alone
    assert (await store.claim("k", A, 60)).claim is Claim.IN_FLIGHT
    await store.release("k", A)
    assert (await store.claim("k", B, 60)).claim is Claim.NEW  # free for any request now
    await store.complete("k", B, ANSWER, 60)
    await store.release("k", B)  # a finished answer stays
    assert (await store.claim("k", B, 60)).claim is Claim.DONE


async def test_complete_needs_the_claim_it_finishes(backend: Backend) -> None:
    store = backend.idempotency()
    await store.complete("never-claimed", A, ANSWER, 60)
    assert (await store.claim("never-claimed", A, 60)).claim is Claim.NEW
    await store.complete("never-claimed", B, ANSWER, 60)  # another request's claim: left alone
    assert (await store.claim("never-claimed", A, 60)).claim is Claim.IN_FLIGHT


async def test_a_lease_and_a_retention_run_out(backend: Backend) -> None:
    store, line = backend.idempotency(), backend.timeline
    assert (await store.claim("lease", A, 1)).claim is Claim.NEW
    assert (await store.claim("kept", A, 1)).claim is Claim.NEW
    await store.complete("kept", A, ANSWER, 2)
    await line.advance(1.2)
    assert (await store.claim("lease", B, 1)).claim is Claim.NEW  # a crashed server's claim expired
    assert (await store.claim("kept", A, 1)).claim is Claim.DONE
    await line.advance(1.0)
    assert (await store.claim("kept", B, 1)).claim is Claim.NEW


async def test_concurrent_claims_give_one_new(backend: Backend) -> None:
    store = backend.idempotency()
    claims = await asyncio.gather(*(store.claim("same", A, 60) for _ in range(100)))
    assert sum(c.claim is Claim.NEW for c in claims) == 1


async def test_across_separate_connections(backend: Backend) -> None:
    first, second = backend.idempotency(), backend.idempotency(new_connection=True)
    assert (await first.claim("shared", A, 60)).claim is Claim.NEW
    assert (await second.claim("shared", A, 60)).claim is Claim.IN_FLIGHT
    await first.complete("shared", A, ANSWER, 60)
    assert (await second.claim("shared", A, 60)).response == ANSWER


async def test_bad_fingerprints_and_durations_are_programming_errors(backend: Backend) -> None:
    store = backend.idempotency()
    for fingerprint in ("", "A" * 64, "x"):
        with pytest.raises(ValueError):
            await store.claim("k", fingerprint, 60)
    for seconds in (0, -1, True):
        with pytest.raises(ValueError):
            await store.claim("k", A, seconds)
