"""`tarot web` as the command wires it (SQLite store, in-process limits, Stripe on the fake), served on a
real port: readiness, a purchase paid through webhooks, and a graceful stop."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest
from exposition import sample_value
from fake_stripe import FakeStripe

from adapters.http import ApiClient, serve
from runners.cli import build_parser
from runners.config import Settings, SettingsError, WebSettings
from runners.web import open_web_deps

pytestmark = pytest.mark.contract

API_KEY = "shop-key-0123456789abcdef"


def web_settings(fake: FakeStripe, **extra: str) -> WebSettings:
    env = {
        "TAROT_API_KEYS": f"shop:{API_KEY}",
        "STRIPE_SECRET_KEY": fake.api_key,
        "STRIPE_WEBHOOK_SECRET": "whsec_new_0123456789",
        "STRIPE_WEBHOOK_SECRET_PREVIOUS": fake.webhook_secret,  # the fake still signs with the old one
        "STRIPE_API_BASE": fake.url,
        "TAROT_PUBLIC_URL": "https://tarot.example",
        **extra,
    }
    return WebSettings.from_env(env)


async def test_the_command_serves_a_purchase_end_to_end(fake_stripe: FakeStripe, tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path}/tarot.sqlite3", welcome_credits=0)
    stop = asyncio.Event()
    listening = asyncio.Event()
    ports: list[int] = []

    def started(port: int) -> None:
        ports.append(port)
        listening.set()

    async with open_web_deps(settings, web_settings(fake_stripe)) as deps:
        assert set(deps.pings) == {"database"} and deps.checkout_provider == "stripe"
        server = asyncio.create_task(serve(deps, "127.0.0.1", 0, stop=stop, started=started))
        await asyncio.wait_for(listening.wait(), 10)
        base = f"http://127.0.0.1:{ports[0]}"
        fake_stripe.webhook_url = f"{base}/webhooks/stripe"
        auth = {"Authorization": f"Bearer {API_KEY}"}
        async with httpx.AsyncClient(base_url=base) as http:
            assert (await http.get("/readyz")).json()["checks"] == {"database": "ok"}
            checkout = await http.post("/v1/users/zoe/checkout", json={"product": "starter"}, headers=auth)
            assert checkout.status_code == 201
            session = fake_stripe.sessions[checkout.json()["session_id"]]
            assert session["success_url"] == "https://tarot.example/paid"
            await fake_stripe.complete_session(session["id"])
            assert [d.status for d in fake_stripe.deliveries] == [200]
            balance = (await http.get("/v1/users/zoe/balance", headers=auth)).json()
            assert balance["available"] == 50
            metrics = (await http.get("/metrics")).text
            assert sample_value(metrics, "tarot_payments_total", provider="stripe", status="paid") == 1
        stop.set()
        await asyncio.wait_for(server, 10)


def test_the_web_command_is_registered() -> None:
    args = build_parser().parse_args(["web", "--host", "0.0.0.0", "--port", "9000"])
    assert (args.host, args.port) == ("0.0.0.0", 9000) and callable(args.handler)


@pytest.mark.parametrize(
    ("env", "problem"),
    [
        ({"TAROT_API_KEYS": "nocolon"}, "client:key"),
        ({"TAROT_API_KEYS": "a:short"}, "shorter than 16"),
        ({"TAROT_API_KEYS": "a:0123456789abcdef,a:0123456789abcdeg"}, "twice"),
        ({"STRIPE_SECRET_KEY": "sk_test_x"}, "both"),
        ({"STRIPE_SECRET_KEY": "sk_test_x", "STRIPE_WEBHOOK_SECRET": "whsec_x"}, "SUCCESS_URL"),
        ({"STRIPE_SUCCESS_URL": "ftp://x", "STRIPE_CANCEL_URL": "https://x"}, "http(s)"),
    ],
)
def test_web_settings_are_checked(env: dict[str, str], problem: str) -> None:
    with pytest.raises(SettingsError) as caught:
        WebSettings.from_env(env)
    assert any(problem in line for line in caught.value.problems)


def test_web_settings_default_to_payments_off() -> None:
    settings = WebSettings.from_env({})
    assert settings.stripe_secret_key is None and len(settings.api_keys) == 0
    keyed = WebSettings.from_env({"TAROT_API_KEYS": " a:0123456789abcdef , b.c:fedcba9876543210 "})
    assert keyed.api_keys.client_for("fedcba9876543210") == ApiClient("b.c")
    assert keyed.api_keys.client_for("x") is None
    admin = WebSettings.from_env(
        {"TAROT_API_KEYS": "a:0123456789abcdef", "TAROT_API_ADMIN_KEYS": "a:admin-0123456789abcdef"}
    )
    assert admin.api_keys.client_for("admin-0123456789abcdef") == ApiClient("a", admin=True)
    assert admin.api_keys.client_for("0123456789abcdef") == ApiClient("a", admin=False)
    with pytest.raises(SettingsError):  # one key cannot be both
        WebSettings.from_env(
            {"TAROT_API_KEYS": "a:0123456789abcdef", "TAROT_API_ADMIN_KEYS": "b:0123456789abcdef"}
        )
    with pytest.raises(SettingsError):
        WebSettings.from_env({"TAROT_CORS_ORIGINS": "app.example.com"})
    origins = WebSettings.from_env({"TAROT_CORS_ORIGINS": "https://a.example/, http://b.example:8080"})
    assert origins.cors_origins == ("https://a.example", "http://b.example:8080")
    assert "sk_" not in repr(WebSettings.from_env({}))
