"""`tarot`: the one command-line entry point.

Bad input exits with status 2 and one clear line on stderr; a traceback is never the answer.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import importlib
import os
import sys
from collections.abc import Callable, Coroutine, Sequence
from typing import Any, NoReturn

from runners.cli_support import CliError
from runners.config import SettingsError
from runners.logs import Scrubber
from runners.startup import StartupError
from tarot_domain.model.errors import ErrorKind, TarotError

# Modules that register further sub-commands with `add_commands(subparsers)`.
PLUGGED_COMMANDS: tuple[str, ...] = (
    "runners.admin_cli",
    "runners.bot",
    "runners.chat",
    "runners.web",
    "runners.serve_cli",
)

Handler = Callable[[argparse.Namespace], Coroutine[Any, Any, int]]


class OneLineParser(argparse.ArgumentParser):
    """argparse that reports a usage error in one line instead of a usage dump."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message}\n")


def _add_lang(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", default="en", help="language of names and text, a pack code (default en)")


def add_content_packs() -> None:
    """Register the extra language-pack folders `TAROT_CONTENT_PATH` names (before any text is read)."""
    from runners.config import content_dirs
    from tarot_domain.content import registry

    for folder in content_dirs():
        registry.add_pack_dir(folder)


# The sub-commands runners/cli.py defines itself; for one of these the plugged modules (and the
# adapters they import) are never loaded, which keeps `tarot read` quick to start.
OWN_COMMANDS: frozenset[str] = frozenset({"spreads", "cards", "read"})


def build_parser(*, plugged: bool = True) -> argparse.ArgumentParser:
    """The whole command line; `plugged=False` leaves out the sub-commands of PLUGGED_COMMANDS (for
    a command line that names one of OWN_COMMANDS, whose parsing and help they do not change)."""
    from runners import commands

    parser = OneLineParser(prog="tarot", description="Tarot readings from a pure domain: CLI, bot and web.")
    parser.add_argument("--version", action=_PrintVersion, help="show program's version number and exit")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=OneLineParser, metavar="COMMAND")

    spreads = sub.add_parser("spreads", help="list the spreads with their positions and costs")
    spreads.add_argument("--json", action="store_true", help="print JSON")
    _add_lang(spreads)
    spreads.set_defaults(handler=commands.spreads)

    cards = sub.add_parser("cards", help="list the 78 cards as a deck names them, or show one with --card")
    cards.add_argument("--card", default=None, metavar="ID", help="one card with all the packs know of it")
    cards.add_argument("--json", action="store_true", help="print JSON")
    cards.add_argument("--deck", default="rider-waite", help="rider-waite (default), thoth or marseille")
    _add_lang(cards)
    cards.set_defaults(handler=commands.cards)

    read = sub.add_parser("read", help="draw a spread and print the reading (in process, nothing stored)")
    read.add_argument("question", help="your question (1..500 characters)")
    read.add_argument("--spread", default="three", help="spread id (default three); see `tarot spreads`")
    read.add_argument("--deck", default="rider-waite", help="rider-waite (default), thoth or marseille")
    read.add_argument("--no-reversals", action="store_true", help="never draw reversed cards")
    _add_lang(read)
    read.add_argument("--seed", type=int, default=None, help="repeatable draw (default: secrets)")
    read.add_argument(
        "--answer", action="append", default=[], metavar="TEXT", help="questionnaire answers, in order"
    )
    read.add_argument("--json", action="store_true", help="print one JSON object")
    read.add_argument(
        "--image", default=None, metavar="FILE", help="also write the spread's picture to FILE (a PNG)"
    )
    read.add_argument(
        "--stream",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show the reading as it is written (default: with an LLM, when the output is a terminal);"
        " with --json the text goes to stderr and the object to stdout",
    )
    read.add_argument(
        "--interpreter",
        choices=("auto", "offline", "openai"),
        default="auto",
        help="auto (default): OpenAI-compatible when OPENAI_API_KEY is set, else offline",
    )
    read.set_defaults(handler=commands.read)

    for module_name in PLUGGED_COMMANDS if plugged else ():
        module = importlib.import_module(module_name)
        module.add_commands(sub)
    return parser


def _names_own_command(arguments: Sequence[str]) -> bool:
    """Whether the command line starts with one of OWN_COMMANDS. Anything before it (`--help`,
    `--version`) is answered by the whole parser, so that the help lists every sub-command."""
    return bool(arguments) and arguments[0] in OWN_COMMANDS


class _PrintVersion(argparse.Action):
    """argparse's `version` action, reading the installed version only when asked (the package metadata
    costs every start otherwise)."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(
            option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, nargs=0, help=help
        )

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> NoReturn:
        sys.stdout.write(f"tarot {version()}\n")
        parser.exit()


def version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("tarot-bot")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def run(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(plugged=not _names_own_command(arguments))
    if not arguments:  # `tarot` alone: what it can do, not an error about a missing argument
        parser.print_help(sys.stderr)
        return 2
    args = parser.parse_args(arguments)
    handler: Handler = args.handler
    scrub = quiet_logging()
    try:
        add_content_packs()
        return asyncio.run(handler(args))
    except SettingsError as error:
        for problem in error.problems:
            print(scrub(f"tarot: configuration: {problem}"), file=sys.stderr)
        return 2
    except CliError as error:
        print(scrub(f"tarot: error: {error}"), file=sys.stderr)
        return 2
    except StartupError as error:
        print(scrub(f"tarot: error: {error}"), file=sys.stderr)
        return 2
    except TarotError as error:
        if error.kind is ErrorKind.SCREENED:  # the safety screen's answer, not a failure
            print(error.params.get("message", ""))
            return 0
        print(scrub(f"tarot: error: {_describe(error, getattr(args, 'lang', 'en'))}"), file=sys.stderr)
        return 2 if error.kind in (ErrorKind.VALIDATION, ErrorKind.NOT_FOUND, ErrorKind.FORBIDDEN) else 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `tarot ... | head`: the reader left; not an error of ours
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps interpreter shutdown quiet
        return 0
    except OSError as error:  # a socket or file the process needs at start (the message names it)
        print(scrub(f"tarot: error: {error}"), file=sys.stderr)
        return 2


def quiet_logging() -> Scrubber:
    """Logging for a one-shot command: WARNING and above (LOG_LEVEL may ask for more), scrubbed of every
    secret the environment holds; serving commands install their own (`LOG_LEVEL`, default INFO)."""
    from runners.config import environment
    from runners.logs import configure_logging_on_first_record
    from runners.masking import secret_values

    try:
        source = environment()
    except SettingsError:  # a malformed .env: reported by the command that reads it
        source = dict(os.environ)
    level = source.get("LOG_LEVEL", "").strip().upper()
    known = ("TRACE", "DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
    return configure_logging_on_first_record(
        level if level in known else "WARNING",
        "json" if source.get("LOG_FORMAT", "").strip().lower() == "json" else "text",
        secrets=secret_values(source),
    )


def _describe(error: TarotError, language: str) -> str:
    from tarot_domain.model.errors import error_message

    return error_message(error, language)


def main() -> None:
    if _names_own_command(sys.argv[1:]):
        # A one-shot command (spreads, cards, read) allocates most of its objects once, while it imports
        # and compiles the packs' patterns, and then exits: the cyclic collector would only scan them
        # again and again (a sixth of `tarot read`'s CPU). Reference counting still frees what it can;
        # long-running commands (chat, bot, web, serve) keep the collector.
        gc.disable()
    sys.exit(run())
