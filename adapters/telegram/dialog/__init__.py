"""The whole conversation, as a state machine over the use cases; no telethon here.

A small core (`core.py`: turn handling, the intake of free text, de-duplication, dispatch) and one
module per feature, each handing the core one route table (`routes.py`):

- `reading.py`: /read, /spreads, the questionnaire, the question, the offer that names the price, the reading
- `followups.py`: follow-up questions about a reading
- `daily.py`: /daily
- `preferences.py`: /deck (deck, reversed cards), /language
- `buying.py`: /balance, /buy, Stars invoices and their updates, Stripe links
- `history.py`: /history
- `forget.py`: /forget
- `admin.py`: /grant, /stats, /refund

Features speak through the `Conversation` (`conversation.py`): replies, opaque button tokens, the
chat's flow (`turn.py`), rate limits. Adding a command to a feature is one entry in its `routes()`
table plus its handler, and its words in the language pack (texts.py: its replies and its /help line).
"""

from adapters.telegram.dialog.conversation import CheckoutUrlFactory, DialogConfig
from adapters.telegram.dialog.core import MAX_TEXT, UPDATE_TTL, Dialog

__all__ = ["MAX_TEXT", "UPDATE_TTL", "CheckoutUrlFactory", "Dialog", "DialogConfig"]
