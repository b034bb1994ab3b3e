"""Every environment variable the service reads, with its default and meaning.

The single source for `tarot config`, README.md's table and `.env.example` (a test keeps them in step).
"""

from __future__ import annotations

from attrs import frozen


@frozen
class Variable:
    name: str
    default: str
    meaning: str
    secret: bool = False


VARIABLES: tuple[Variable, ...] = (
    Variable("DATABASE_URL", "(unset: SQLite file)", "`postgresql://user:pass@host:5432/db` for PostgreSQL, or `sqlite:///path`", True),
    Variable("TAROT_SQLITE_PATH", "`$XDG_DATA_HOME/tarot-bot/tarot.sqlite3` or `~/.local/share/tarot-bot/tarot.sqlite3`", "the embedded store's file"),
    Variable("DATABASE_POOL_SIZE", "10", "PostgreSQL connections per process"),
    Variable("TAROT_MAX_IN_FLIGHT", "1000", "readings one process carries at once (hold to save); more are refused before the hold (HTTP 503 `busy`, the bot's \"busy\" message)"),
    Variable("REDIS_URL", "(unset: in-process)", "`redis://host:6379/0` for sessions, rate limits, cache, de-duplication, job locks", True),
    Variable("OPENAI_API_KEY", "(unset: offline interpreter)", "switches on the LLM interpreter", True),
    Variable("OPENAI_BASE_URL", "`https://api.openai.com/v1`", "any OpenAI-compatible server (vLLM, Ollama: `http://localhost:11434/v1`)"),
    Variable("OPENAI_MODEL", "`gpt-4o-mini`", "model name"),
    Variable("OPENAI_TIMEOUT_SECONDS", "120", "read timeout per request"),
    Variable("OPENAI_MAX_OUTPUT_TOKENS", "3000", "`max_tokens` sent with each request"),
    Variable("OPENAI_TEMPERATURE", "0.8", "0..2"),
    Variable("OPENAI_MAX_RETRIES", "2", "retries after the first attempt"),
    Variable("OPENAI_MAX_CONNECTIONS", "1000", "requests open to the provider at once per process (its concurrency limit, apart from `TAROT_MAX_IN_FLIGHT`); more wait for a connection"),
    Variable("OPENAI_REQUESTS_PER_SECOND", "0", "the pace at which requests to the provider start, per process (its rate limit); 0: unpaced"),
    Variable("TELEGRAM_API_ID", "(unset)", "from my.telegram.org; needed by `tarot bot`"),
    Variable("TELEGRAM_API_HASH", "(unset)", "from my.telegram.org", True),
    Variable("TELEGRAM_BOT_TOKEN", "(unset)", "from @BotFather", True),
    Variable("TELEGRAM_SESSION", "`tarot-bot.session`", "session file path"),
    Variable("TELEGRAM_SESSION_STRING", "(unset)", "a Telethon StringSession instead of a file", True),
    Variable("TELEGRAM_ADMIN_IDS", "(none)", "comma-separated Telegram user ids allowed `/grant`, `/stats`, `/refund`"),
    Variable("TELEGRAM_STARS", "`on`", "sell packs and tiers for Telegram Stars in the bot (`on`/`off`)"),
    Variable("TELEGRAM_CHECKOUT_LINKS", "`off`", "also offer Stripe Checkout links in `/buy` when Stripe is on"),
    Variable("STRIPE_SECRET_KEY", "(unset: Stripe off)", "with `STRIPE_WEBHOOK_SECRET`, switches Stripe on", True),
    Variable("STRIPE_WEBHOOK_SECRET", "(unset)", "the webhook endpoint's signing secret", True),
    Variable("STRIPE_WEBHOOK_SECRET_PREVIOUS", "(unset)", "the old secret while rotating", True),
    Variable("STRIPE_API_BASE", "`https://api.stripe.com`", "another Stripe-compatible server (tests)"),
    Variable("STRIPE_SUCCESS_URL", "`$TAROT_PUBLIC_URL/paid`", "where Checkout returns after paying"),
    Variable("STRIPE_CANCEL_URL", "`$TAROT_PUBLIC_URL/cancelled`", "where Checkout returns when cancelled"),
    Variable("TAROT_PUBLIC_URL", "(unset)", "the service's public base URL"),
    Variable("TAROT_API_KEYS", "(none: API closed)", "`client:key,...` for the JSON API (keys ≥ 16 characters)", True),
    Variable("TAROT_API_ADMIN_KEYS", "(none)", "`client:key,...`: a second key per client with the admin scope (refunds)", True),
    Variable("TAROT_CORS_ORIGINS", "(none)", "`https://app.example.com,...`: the operator's own browser origins the API answers"),
    Variable("TAROT_WEB_HOST", "`127.0.0.1`", "`tarot web` / `tarot serve` listen address"),
    Variable("TAROT_WEB_PORT", "`8080`", "listen port"),
    Variable("WELCOME_CREDITS", "20", "credits granted once to each new identity"),
    Variable("DAILY_FREE_CARD", "`on`", "one free card of the day per user"),
    Variable("FOLLOW_UP_COST", "2", "credits per follow-up question"),
    Variable("HOLD_TTL_SECONDS", "600", "a reading's hold lives this long before the sweeper releases it"),
    Variable("RETENTION_DAYS", "365", "readings' texts older than this are blanked by the daily purge"),
    Variable("JOBS", "`on`", "run background jobs (sweeper, purge, reconciliation) in serving processes"),
    Variable("LIMIT_READINGS_PER_HOUR", "5", "readings a person without a subscription may start per hour (long run)"),
    Variable("LIMIT_READINGS_BURST", "3", "how many of those readings may start at once"),
    Variable("LIMIT_SUBSCRIBER_READINGS_PER_HOUR", "30", "readings per hour for a person with any subscription tier"),
    Variable("LIMIT_SUBSCRIBER_READINGS_BURST", "10", "how many readings a subscriber may start at once"),
    Variable("LIMIT_FOLLOW_UPS_PER_HOUR", "10", "follow-up questions per person per hour (they never use up readings)"),
    Variable("LIMIT_FOLLOW_UPS_BURST", "3", "how many follow-up questions may be asked at once"),
    Variable("LIMIT_COMMANDS_PER_MINUTE", "30", "messages and button presses per person per minute (stops scripts only)"),
    Variable("LIMIT_COMMANDS_BURST", "10", "how many messages and presses may arrive at once"),
    Variable("LIMIT_LLM_READINGS_PER_MINUTE", "60", "interpreter calls per minute across all users (readings, follow-ups, a day's first card): the budget guard, shared through Redis"),
    Variable("LIMIT_API_CALLS_PER_MINUTE", "120", "JSON API calls about one person, per client, per minute"),
    Variable("LIMIT_API_CALLS_BURST", "30", "how many of those calls may arrive at once"),
    Variable("LIMIT_API_READINGS_PER_MINUTE", "10", "JSON API calls that reach the interpreter (readings, follow-ups, the day's card) per person, per client, per minute"),
    Variable("LIMIT_API_READINGS_BURST", "5", "how many of those may start at once"),
    Variable("TAROT_CONTENT_PATH", "(none)", "extra folders of language packs (`<code>/about.py`, ...), separated by `:`; see README, Adding a language"),
    Variable("SAFETY_HELPLINES_FILE", "(unset: the packs' helplines)", "a TOML file of crisis helplines that replaces the shipped set (README, Safety)"),
    Variable("TAROT_ENV_FILE", "`.env`", "an optional file of KEY=value lines read at start (real variables win)"),
    Variable("LOG_LEVEL", "`INFO`", "DEBUG, INFO, WARNING, ERROR"),
    Variable("LOG_FORMAT", "`text`", "`text` for people, `json` for JSON lines"),
)  # fmt: skip
KNOWN = frozenset(v.name for v in VARIABLES)
