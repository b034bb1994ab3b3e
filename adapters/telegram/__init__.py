"""The Telegram frontend: `dialog` (the conversation, no telethon) and `binding` (telethon)."""
