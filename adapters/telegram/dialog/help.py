"""/help and Telegram's command menus, generated from the route tables: a command is listed exactly
when some feature registers it.

The words come from the language pack's `help.text` and `help.admin` templates, which describe each
command on its own line ("/read — choose a spread…"). The pack decides the wording and the order; the
tables decide which lines appear. A registered command the pack does not describe yet is still
listed, bare, at the end of the list, so no command is ever hidden from /help.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from adapters.telegram.events import MenuCommand
from adapters.telegram.texts import t
from tarot_domain.model.spreads import DEFAULT_SPREAD_ID, get_spread

_COMMAND_LINE = re.compile(r"/([a-z0-9_]+)(?=\s|$)")
MENU_DESCRIPTION_LIMIT = 256  # Telegram's limit for a BotCommand's description


def help_text(lang: str, commands: Iterable[str], admin_commands: Iterable[str] | None = None) -> str:
    """Everyone's commands, then (when `admin_commands` is given) the admin's."""
    text = listing(t("help.text", lang, cost=get_spread(DEFAULT_SPREAD_ID).cost), commands)
    if admin_commands is not None:
        text += "\n\n" + listing(t("help.admin", lang), admin_commands)
    return text


def listing(template: str, registered: Iterable[str]) -> str:
    """`template` with exactly one line per registered command, its other lines (title, footer) kept."""
    wanted = list(dict.fromkeys(registered))
    lines = template.split("\n")
    described = [i for i, line in enumerate(lines) if command_of(line) is not None]
    if not described:
        return "\n".join([*lines, *(f"/{name}" for name in wanted)])
    first, last = described[0], described[-1]
    body = [line for line in lines[first : last + 1] if command_of(line) in (None, *wanted)]
    told = {command_of(line) for line in body}
    body += [f"/{name}" for name in wanted if name not in told]
    return "\n".join([*lines[:first], *body, *lines[last + 1 :]])


def command_of(line: str) -> str | None:
    """The command a help line describes ("/grant <id> … — …" → "grant"), or None."""
    match = _COMMAND_LINE.match(line)
    return match.group(1) if match else None


def menu(
    lang: str, commands: Iterable[str], admin_commands: Iterable[str] | None = None
) -> tuple[MenuCommand, ...]:
    """Telegram's command menu in `lang`: exactly the commands /help lists, in its order and with its
    words (the part of each line after the dash), then /help itself."""
    lines = help_text(lang, commands, admin_commands).split("\n")
    entries: list[MenuCommand] = []
    for line in lines:
        name = command_of(line)
        if name is not None and all(e.name != name for e in entries):
            entries.append(MenuCommand(name, _description(line, name)))
    entries.append(MenuCommand("help", _description(t("menu.help", lang), "help")))
    return tuple(entries)


def _description(line: str, name: str) -> str:
    """The words after the dash ("/grant <id> … — give credits" → "Give credits"), else the name."""
    _, dash, words = line.partition(" — ")
    words = words.strip() if dash else ""
    words = words or (line.strip() if not line.startswith("/") else name)
    return (words[:1].upper() + words[1:])[:MENU_DESCRIPTION_LIMIT]
