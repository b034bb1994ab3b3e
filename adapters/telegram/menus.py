"""Telegram's command menus, as MTProto requests.

`register_menus` runs once at start (`TelegramBot.run`): `bots.setBotCommands` with the default scope
for each language the dialog speaks (`lang_code` '' is the default, English; 'uk' and any other pack
get their own), then, for each admin, the admins' menu in the scope of that one chat
(`BotCommandScopePeer`), in every language too, since a narrower scope without a language would hide
the admin's own language. A menu is cosmetic: a request Telegram refuses is logged and the rest go on.
"""

from __future__ import annotations

import logging
from typing import Any

from telethon import errors  # type: ignore[import-untyped]
from telethon.tl import functions, types  # type: ignore[import-untyped]

from adapters.telegram.events import CommandMenus, MenuCommand

log = logging.getLogger("adapters.telegram")


def bot_commands(commands: tuple[MenuCommand, ...]) -> list[Any]:
    return [types.BotCommand(command=c.name, description=c.description) for c in commands]


async def register_menus(outbox: Any, client: Any, menus: CommandMenus) -> int:
    """Set every menu through `outbox.invoke` (flood waits honoured); returns how many were set."""
    requests: list[Any] = [
        functions.bots.SetBotCommandsRequest(types.BotCommandScopeDefault(), lang, bot_commands(commands))
        for lang, commands in menus.everyone.items()
    ]
    for admin in sorted(menus.admin_ids):
        try:
            peer = await client.get_input_entity(admin)
        except (ValueError, TypeError, errors.RPCError) as error:
            log.warning("no command menu for admin %s: Telegram does not know them yet (%s)", admin, error)
            continue
        requests += [
            functions.bots.SetBotCommandsRequest(
                types.BotCommandScopePeer(peer), lang, bot_commands(commands)
            )
            for lang, commands in menus.admins.items()
        ]
    done = 0
    for request in requests:
        try:
            await outbox.invoke(request)
            done += 1
        except errors.RPCError as error:
            log.warning("Telegram refused a command menu (%s, %r): %s", type(request.scope).__name__,
                        request.lang_code, error)  # fmt: skip
    return done
