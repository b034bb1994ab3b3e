"""Regenerate docs/READINGS.md: five full offline readings side by side (English and Ukrainian, the three
decks, a life path), each with the command that made it, so anyone can judge the reading as a reader would.

    python scripts/readings_doc.py           # rewrites docs/READINGS.md
    python scripts/readings_doc.py --check   # exits 1 when the file is out of date
"""

from __future__ import annotations

import argparse
import contextlib
import io
import shlex
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from runners.cli import run  # noqa: E402

DOC = ROOT / "docs" / "READINGS.md"

EXAMPLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "A closed question on the Celtic Cross (English, Rider–Waite–Smith)",
        ("Should I change jobs this year?", "--spread", "celtic-cross", "--seed", "12"),
    ),
    (
        "An open question on three cards (Ukrainian, Thoth)",
        (
            "Що мені треба знати про стосунки з сестрою?",
            "--spread",
            "three",
            "--deck",
            "thoth",
            "--lang",
            "uk",
            "--seed",
            "4",
        ),
    ),
    (
        "A relationship with its questionnaire (English, Marseille)",
        (
            "Is he the one?",
            "--spread",
            "relationship",
            "--deck",
            "marseille",
            "--seed",
            "21",
            "--answer",
            "my boyfriend of two years",
            "--answer",
            "living together, lately we argue a lot",
        ),
    ),
    (
        "Yes or no (Ukrainian, Rider–Waite–Smith)",
        ("Чи отримаю я цю роботу?", "--spread", "yes-no", "--lang", "uk", "--seed", "7"),
    ),
    (
        "The life path (Ukrainian, Thoth)",
        (
            "Куди веде мене життя?",
            "--spread",
            "life-path",
            "--deck",
            "thoth",
            "--lang",
            "uk",
            "--seed",
            "3",
            "--answer",
            "тридцять років, змінюю професію",
            "--answer",
            "переїзд за кордон",
            "--answer",
            "ясності щодо вибору",
        ),
    ),
)

HEAD = """\
# Example readings

Five offline readings, made by the commands shown (the `--seed` repeats the draw, and the composer is
deterministic for a draw and a question, so each command prints exactly this). They are here to be read
as the person who asked would read them. Regenerate with `python scripts/readings_doc.py` after any
change to the composer or its phrase tables (`tarot_domain/content/<lang>/composer.py`).

The text below is the CLI's plain output; the reading itself is written in a small markup
(`tarot_domain/model/markup.py`: blank-line paragraphs, `## ` headings, `**bold**` card names) that each
frontend renders.
"""


def reading(args: tuple[str, ...]) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = run(["read", *args, "--interpreter", "offline"])
    if code != 0:
        raise SystemExit(f"tarot read {shlex.join(args)} failed with {code}")
    return out.getvalue().strip()


def document() -> str:
    parts = [HEAD]
    for title, args in EXAMPLES:
        command = "tarot read " + shlex.join(args)
        parts.append(f"## {title}\n\n```\n{command}\n```\n\n```text\n{reading(args)}\n```\n")
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if docs/READINGS.md is out of date")
    args = parser.parse_args(argv)
    text = document()
    if args.check:
        return 0 if DOC.exists() and DOC.read_text(encoding="utf-8") == text else 1
    DOC.write_text(text, encoding="utf-8")
    print(f"wrote {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
