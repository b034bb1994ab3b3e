"""API keys: who is calling. Only SHA-256 digests are kept, every key is compared in constant time, and
a key may carry the admin scope (refunds).

`TAROT_API_KEYS=client:key,…` gives each client its key; `TAROT_API_ADMIN_KEYS=client:key,…` gives a
client a second key with the admin scope. A client only ever reaches its own people: their refs are
`api:<client>:<ref>` in the store.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Mapping

from attrs import frozen

CLIENT_PATTERN = re.compile(r"^[A-Za-z0-9_.@-]{1,32}$")
MIN_KEY_LENGTH = 16


@frozen
class ApiClient:
    name: str
    admin: bool = False


@frozen
class ApiKeys:
    _entries: tuple[tuple[str, bytes, bool], ...] = ()

    @classmethod
    def parse(cls, raw: str, *, admin: bool = False) -> ApiKeys:
        """`client:key,client2:key2`; a client is 1..32 of `A-Za-z0-9_.@-`, a key 16 characters or more.
        Raises ValueError naming the problem (never the key)."""
        entries: list[tuple[str, bytes, bool]] = []
        variable = "TAROT_API_ADMIN_KEYS" if admin else "TAROT_API_KEYS"
        for item in (part.strip() for part in raw.split(",")):
            if not item:
                continue
            client, sep, key = item.partition(":")
            if not sep or not CLIENT_PATTERN.match(client):
                raise ValueError(f"{variable} entries look like client:key (client: A-Za-z0-9_.@-, 1..32)")
            if len(key.strip()) < MIN_KEY_LENGTH:
                raise ValueError(
                    f"the API key of client {client!r} is shorter than {MIN_KEY_LENGTH} characters"
                )
            if any(existing == client for existing, _, _ in entries):
                raise ValueError(f"client {client!r} appears twice in {variable}")
            entries.append((client, _digest(key.strip()), admin))
        return cls(tuple(entries))

    @classmethod
    def of(cls, keys: Mapping[str, str], *, admin: Mapping[str, str] | None = None) -> ApiKeys:
        entries = [(client, _digest(key), False) for client, key in keys.items()]
        entries += [(client, _digest(key), True) for client, key in (admin or {}).items()]
        return cls(tuple(entries))

    def __add__(self, other: ApiKeys) -> ApiKeys:
        digests = {digest for _, digest, _ in self._entries}
        if any(digest in digests for _, digest, _ in other._entries):
            raise ValueError("the same API key is given twice (an admin key must be a key of its own)")
        return ApiKeys(self._entries + other._entries)

    def client_for(self, presented: str) -> ApiClient | None:
        """The client whose key this is; every key is compared, each in constant time."""
        digest = _digest(presented)
        found: ApiClient | None = None
        for client, expected, admin in self._entries:
            if hmac.compare_digest(expected, digest):
                found = ApiClient(client, admin)
        return found

    def clients(self) -> int:
        return len({client for client, _, _ in self._entries})

    def admins(self) -> int:
        return sum(1 for _, _, admin in self._entries if admin)

    def __len__(self) -> int:
        return len(self._entries)


def _digest(key: str) -> bytes:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).digest()
