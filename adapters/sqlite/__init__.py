"""The embedded default store: the storage ports on the standard library's sqlite3."""

from adapters.sqlite.schema import SCHEMA_VERSION
from adapters.sqlite.storage import SqliteStore, SqliteUnitOfWork, database_error

__all__ = ["SCHEMA_VERSION", "SqliteStore", "SqliteUnitOfWork", "database_error"]
