"""A TCP proxy in front of PostgreSQL that counts what really crosses the wire.

It understands just enough of the frontend/backend protocol (v3) to count, per connection:
- round trips: a burst of client messages answered by the server (the client waits for the server
  between bursts, so this is the number of network waits a caller pays);
- commits: `COMMIT` statements, plus statements that write (INSERT/UPDATE/DELETE) while the server
  reported no open transaction (an autocommit write is a commit too);
- statements: simple queries and Parse/Bind executions.
Connect with `sslmode=disable` (the proxy does not speak TLS).
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import struct
from collections.abc import AsyncIterator

from attrs import define, field

_WRITES = re.compile(r"\b(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)
_COMMIT = re.compile(r"^\s*COMMIT\b", re.IGNORECASE)
_SPECIAL_REQUESTS = {80877103, 80877104, 80877102}  # SSL, GSSENC, cancel


@define
class Counts:
    round_trips: int = 0
    commits: int = 0
    statements: int = 0
    texts: list[str] = field(factory=list)


@define
class _Conn:
    counts: Counts
    started: bool = False
    answered: bool = True  # the server spoke since the client's last burst
    idle: bool = True  # last ReadyForQuery said "not in a transaction"
    prepared: dict[bytes, str] = field(factory=dict)
    pending_parse: str = ""


class WireCounter:
    """`async with WireCounter.running(port) as wire:` then connect to `wire.port`; `wire.reset()`
    before the work to measure, `wire.counts` after it."""

    def __init__(self, upstream_host: str, upstream_port: int) -> None:
        self._upstream = (upstream_host, upstream_port)
        self.counts = Counts()
        self.port = 0
        self._tasks: set[asyncio.Task[None]] = set()

    def reset(self) -> Counts:
        self.counts = Counts()
        return self.counts

    @classmethod
    @contextlib.asynccontextmanager
    async def running(cls, upstream_host: str, upstream_port: int) -> AsyncIterator[WireCounter]:
        counter = cls(upstream_host, upstream_port)
        server = await asyncio.start_server(counter._serve, "127.0.0.1", 0)
        counter.port = server.sockets[0].getsockname()[1]
        try:
            yield counter
        finally:
            server.close()
            for task in list(counter._tasks):
                task.cancel()
            await asyncio.gather(*counter._tasks, return_exceptions=True)

    async def _serve(self, client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter) -> None:
        server_r, server_w = await asyncio.open_connection(*self._upstream)
        state = _Conn(self.counts)
        up = asyncio.create_task(self._client_to_server(state, client_r, server_w))
        down = asyncio.create_task(self._server_to_client(state, server_r, client_w))
        self._tasks |= {up, down}
        try:
            await asyncio.wait({up, down}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (up, down):
                task.cancel()
            for writer in (client_w, server_w):
                writer.close()
            self._tasks -= {up, down}

    async def _client_to_server(
        self, state: _Conn, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        while True:
            if not state.started:
                head = await reader.readexactly(4)
                (length,) = struct.unpack("!i", head)
                body = await reader.readexactly(length - 4)
                (code,) = struct.unpack("!i", body[:4])
                state.started = code not in _SPECIAL_REQUESTS
                writer.write(head + body)
                await writer.drain()
                continue
            kind = await reader.readexactly(1)
            head = await reader.readexactly(4)
            (length,) = struct.unpack("!i", head)
            body = await reader.readexactly(length - 4)
            self._client_message(state, kind, body)
            writer.write(kind + head + body)
            await writer.drain()

    def _client_message(self, state: _Conn, kind: bytes, body: bytes) -> None:
        counts = self.counts  # the counts current when the message crossed
        if kind in (b"Q", b"P", b"B", b"S", b"H", b"E", b"D", b"C", b"F") and state.answered:
            counts.round_trips += 1
            state.answered = False
        if kind == b"Q":
            self._statement(state, body[:-1].decode(errors="replace"))
        elif kind == b"P":
            name, _, rest = body.partition(b"\0")
            text = rest.partition(b"\0")[0].decode(errors="replace")
            state.prepared[name] = text
            state.pending_parse = text
        elif kind == b"B":
            _portal, _, rest = body.partition(b"\0")
            statement = rest.partition(b"\0")[0]
            self._statement(state, state.prepared.get(statement, state.pending_parse))

    def _statement(self, state: _Conn, text: str) -> None:
        counts = self.counts
        counts.statements += 1
        counts.texts.append(" ".join(text.split())[:120])
        begins = text.lstrip().upper().startswith("BEGIN")
        if _COMMIT.match(text) or (state.idle and not begins and _WRITES.search(text)):
            counts.commits += 1
        if begins:
            state.idle = False  # the server's ReadyForQuery may come only after the next statements

    async def _server_to_client(
        self, state: _Conn, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        while True:
            kind = await reader.readexactly(1)
            head = await reader.readexactly(4)
            (length,) = struct.unpack("!i", head)
            body = await reader.readexactly(length - 4)
            state.answered = True
            if kind == b"Z":
                state.idle = body == b"I"
            writer.write(kind + head + body)
            await writer.drain()
