"""A throwaway, migrated PostgreSQL schema for tests that need a DATABASE_URL of their own."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg

from adapters.postgres.migrations import migrate_database


def schema_url(base: str, schema: str) -> str:
    """`base` with its search_path set to `schema`."""
    return f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"


@contextmanager
def migrated_schema(base: str, prefix: str) -> Iterator[str]:
    """A new, migrated schema `<prefix>_<random>` in `base`'s database: its URL, dropped after."""
    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")  # a generated identifier
    try:
        asyncio.run(migrate_database(base, schema))
        yield schema_url(base, schema)
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")
