"""PostgreSQL adapters (psycopg 3 + psycopg_pool, raw SQL): the storage ports and their migrations."""

from adapters.postgres.migrations import MigrationError, bundled_migrations, migrate, migrate_database
from adapters.postgres.storage import (
    PostgresStore,
    PostgresUnitOfWork,
    create_pool,
    database_error,
    open_store,
)

__all__ = [
    "MigrationError",
    "PostgresStore",
    "PostgresUnitOfWork",
    "bundled_migrations",
    "create_pool",
    "database_error",
    "migrate",
    "migrate_database",
    "open_store",
]
