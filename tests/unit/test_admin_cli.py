"""Store selection and the operator CLI on the embedded SQLite store (no server needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from runners.cli import build_parser
from runners.stores import default_sqlite_path, open_store, redact, sqlite_path_from_url


async def cli(*argv: str) -> int:
    args = build_parser().parse_args(list(argv))
    code: int = await args.handler(args)
    return code


def test_default_sqlite_path_order(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TAROT_SQLITE_PATH", str(tmp_path / "x.db"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_sqlite_path() == tmp_path / "x.db"
    monkeypatch.delenv("TAROT_SQLITE_PATH")
    assert default_sqlite_path() == tmp_path / "xdg" / "tarot-bot" / "tarot.sqlite3"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_sqlite_path() == tmp_path / "home" / ".local" / "share" / "tarot-bot" / "tarot.sqlite3"


def test_sqlite_urls_and_redaction() -> None:
    assert sqlite_path_from_url("sqlite:///data/t.db") == Path("data/t.db")
    assert sqlite_path_from_url("sqlite:////var/lib/t.db") == Path("/var/lib/t.db")
    with pytest.raises(ValueError):
        sqlite_path_from_url("sqlite://t.db")
    assert redact("postgresql://bot:s3cret@db:5432/tarot") == "postgresql://bot:***@db:5432/tarot"
    assert redact("postgresql://db/tarot") == "postgresql://db/tarot"


async def test_open_store_picks_sqlite_without_a_url(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TAROT_SQLITE_PATH", str(tmp_path / "default.sqlite3"))
    async with open_store(None) as store:
        assert store.kind == "sqlite" and store.location == str(tmp_path / "default.sqlite3")
        await store.ping()
    async with open_store(f"sqlite:///{tmp_path}/named.sqlite3") as store:
        assert store.location == f"{tmp_path}/named.sqlite3"
    with pytest.raises(ValueError, match="DATABASE_URL must start with"):
        async with open_store("mysql://localhost/x"):
            pass


async def test_bad_input_is_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/t.sqlite3")
    assert await cli("admin", "balance", "telegram:1") == 2
    assert capsys.readouterr().err == "tarot: error: unknown user telegram:1\n"
    assert await cli("admin", "balance", "not a ref") == 2
    assert "malformed user reference" in capsys.readouterr().err
    monkeypatch.setenv("DATABASE_URL", "mysql://db/x")
    assert await cli("admin", "check") == 2
    assert capsys.readouterr().err.count("\n") == 1
    with pytest.raises(SystemExit) as parse_error:
        await cli("admin", "grant", "telegram:1", "0", "--reason", "x")
    assert parse_error.value.code == 2


async def test_a_fresh_sqlite_store_checks_ok(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/t.sqlite3")
    assert await cli("migrate") == 0
    assert await cli("admin", "check") == 0
    assert await cli("admin", "sweep") == 0
    out = capsys.readouterr().out
    assert "sqlite schema is up to date" in out and "ok (0 accounts" in out
