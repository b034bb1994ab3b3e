"""The `tarot` CLI as a user runs it: output, JSON shape, languages, decks and clean failures."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from runners.cli import run
from tarot_domain.model.knowledge import FACE_FIELDS, card_knowledge, pair_text, pairs_of
from tarot_domain.model.spreads import get_spread


def read_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    assert run(["read", *args, "--json"]) == 0
    out: dict[str, object] = json.loads(capsys.readouterr().out)
    return out


def test_celtic_cross_gives_ten_distinct_cards_on_the_named_positions(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = read_json(capsys, "Will the harvest be good?", "--spread", "celtic-cross")
    cards = out["cards"]
    assert isinstance(cards, list) and len(cards) == 10
    assert len({c["card"] for c in cards}) == 10
    spread = get_spread("celtic-cross")
    assert [c["position"] for c in cards] == [p.id for p in spread.positions]
    assert [c["position_name"] for c in cards] == [p.name["en"] for p in spread.positions]
    text = out["interpretation"]
    assert isinstance(text, str)
    assert all(card_knowledge(c["card"], "rider-waite", "en").named_in(text) for c in cards)
    assert set(out) == {
        "spread", "deck", "question", "language", "interpreter", "fallback", "cards", "interpretation",
        "lean",
    }  # fmt: skip
    assert out["question"] == "Will the harvest be good?" and out["interpreter"] == "offline"
    assert out["fallback"] is False


def test_ukrainian_and_thoth_names(capsys: pytest.CaptureFixture[str]) -> None:
    out = read_json(
        capsys, "Чи буде добрий урожай?", "--spread", "celtic-cross", "--lang", "uk", "--deck", "thoth"
    )
    for card in out["cards"]:  # type: ignore[attr-defined]
        assert card["name"] == card_knowledge(card["card"], "thoth", "uk").display_name
        assert card_knowledge(card["card"], "thoth", "uk").named_in(out["interpretation"])  # type: ignore[arg-type]
    assert out["language"] == "uk"
    assert any("\u0400" <= ch <= "\u04ff" for ch in out["interpretation"])  # type: ignore[union-attr]


def test_the_same_seed_gives_the_same_draw(capsys: pytest.CaptureFixture[str]) -> None:
    one = read_json(capsys, "Q?", "--seed", "7", "--spread", "celtic-cross")
    two = read_json(capsys, "Q?", "--seed", "7", "--spread", "celtic-cross")
    three = read_json(capsys, "Q?", "--seed", "8", "--spread", "celtic-cross")
    assert one["cards"] == two["cards"] != three["cards"]


def test_no_reversals_and_questionnaire_answers(capsys: pytest.CaptureFixture[str]) -> None:
    out = read_json(
        capsys,
        "Next step?",
        "--spread",
        "career",
        "--no-reversals",
        "--answer",
        "Beekeeper",
        "--answer",
        "More bees",
    )
    assert not any(c["reversed"] for c in out["cards"])  # type: ignore[attr-defined]
    assert "Beekeeper" in out["interpretation"]  # type: ignore[operator]


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["read", "Q?", "--spread", "nope"], "nope"),
        (["read", "Q?", "--deck", "nope"], "nope"),
        (["read", "   "], "empty"),
        (["read", "x" * 501], "500"),
        (["read", "Q?", "--lang", "fr"], "fr"),
        (["cards", "--deck", "nope"], "nope"),
        (["cards", "--card", "nope"], "nope"),
        (["read"], "question"),
    ],
)
def test_bad_input_exits_2_with_one_clear_line(
    capsys: pytest.CaptureFixture[str], args: list[str], fragment: str
) -> None:
    with pytest.raises(SystemExit) if args == ["read"] else _no_exit() as caught:
        code = run(args)
    if caught is not None and isinstance(caught.value, SystemExit):  # argparse's own usage errors
        code = caught.value.code  # type: ignore[assignment]
    captured = capsys.readouterr()
    assert code == 2
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0]
    assert "Traceback" not in captured.err and captured.out == ""


def test_spreads_and_cards_listings(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["spreads", "--json"]) == 0
    spreads = json.loads(capsys.readouterr().out)
    assert {s["id"]: (s["cards"], s["cost"]) for s in spreads}["life-path"] == (15, 1000)
    assert run(["cards", "--json", "--deck", "marseille", "--lang", "uk"]) == 0
    cards = json.loads(capsys.readouterr().out)
    assert len(cards) == 78 and len({c["name"] for c in cards}) == 78
    assert run(["spreads", "--lang", "uk"]) == 0
    assert "Розклади" in capsys.readouterr().out


def test_spreads_listing_counts_agree_with_their_numbers(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["spreads"]) == 0
    out = capsys.readouterr().out
    assert "Single Card (single): 1 card, 5 credits" in out and "1 cards" not in out
    assert "Relationship (relationship): 5 cards, 12 credits; asks 2 short questions first" in out
    assert run(["spreads", "--lang", "uk"]) == 0
    out = capsys.readouterr().out
    assert "Одна карта (single): 1 карта, 5 кредитів" in out
    assert "Кар'єра (career): 4 карти, 12 кредитів; спершу ставить 2 короткі запитання" in out
    assert "Життєвий шлях (life-path): 15 карт, 1000 кредитів; спершу ставить 3 короткі запитання" in out
    assert "запитань" not in out and "питання" not in out.replace("запитання", "")


def test_the_reading_header_quotes_the_question_in_the_languages_own_marks(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(["read", "Чи варто мені переїжджати?", "--lang", "uk", "--seed", "2"]) == 0
    assert capsys.readouterr().out.splitlines()[1] == "«Чи варто мені переїжджати?»"
    assert run(["read", "Should I move?", "--seed", "2"]) == 0
    assert capsys.readouterr().out.splitlines()[1] == "“Should I move?”"


def test_one_card_with_everything_the_knowledge_holds(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["cards", "--card", "major-08-strength", "--deck", "thoth", "--json"]) == 0
    card = json.loads(capsys.readouterr().out)
    assert (card["id"], card["arcana"], card["element"], card["deck"]) == (
        "major-08-strength", "major", "fire", "thoth",
    )  # fmt: skip
    assert {deck: (v["name"], v["number"]) for deck, v in card["decks"].items()} == {
        "rider-waite": ("Strength", "VIII"), "thoth": ("Lust", "XI"), "marseille": ("Strength", "XI"),
    }  # fmt: skip
    assert (card["label"], card["renamed"]) == ("XI · Lust", True)
    lust = card_knowledge("major-08-strength", "thoth", "en")
    for reversed_, orientation in enumerate(("upright", "reversed")):
        face, polarity = lust.face(bool(reversed_)), lust.polarity(bool(reversed_))
        assert card[orientation] == {
            **{field: getattr(face, field) for field in FACE_FIELDS},
            "keywords": list(face.keywords),
            "polarity": {"lean": polarity.lean.value, "strength": polarity.strength},
        }
        assert all(card[orientation][field] for field in FACE_FIELDS)
    shared = card_knowledge("major-08-strength", "rider-waite", "en")
    assert card["upright"]["core"] != shared.upright.core  # Lust is read as Lust, not as Strength
    assert {"name", "upright.core", "reversed.core"} <= set(card["overrides"])
    assert card["decks"]["rider-waite"]["overrides"] == []
    assert [pair["card"] for pair in card["pairs"]] == list(pairs_of("major-08-strength"))
    assert all(pair["text"] == pair_text(pair["card"], "major-08-strength") for pair in card["pairs"])
    assert card["forms"]["nom"] == "Lust"

    assert run(["cards", "--card", "cups-two", "--deck", "thoth", "--lang", "uk"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Двійка Кубків — Любов (cups-two)" and lines[1] == "Молодший аркан, стихія — вода"
    assert "  Таро Тота: Двійка Кубків — Любов" in lines and "Пряма:" in lines and "Перевернута:" in lines
    love = card_knowledge("cups-two", "thoth", "uk").upright
    assert (
        f"  Суть: {love.core}" in lines
        and f"  Тінь: {love.shadow}" in lines
        and f"  Дім: {love.home}" in lines
    )
    assert "  Так чи ні: схиляється до «так» (сила 3 з 3)" in lines
    assert any(
        line.startswith("Власне прочитання колоди: Титул; Пряма — Ключові слова, Суть") for line in lines
    )
    assert "Промовисті пари:" in lines and any(line.startswith("  + Закохані: ") for line in lines)
    assert run(["cards", "--card", "cups-two", "--lang", "uk"]) == 0
    assert "Власне прочитання колоди: немає" in capsys.readouterr().out


def test_the_card_list_shows_each_decks_names_and_titles(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["cards", "--deck", "thoth", "--json"]) == 0
    rows = {row["id"]: row for row in json.loads(capsys.readouterr().out)}
    assert len(rows) == 78
    assert (rows["major-11-justice"]["label"], rows["wands-two"]["label"]) == (
        "VIII · Adjustment",
        "Two of Wands — Dominion",
    )
    assert rows["wands-two"]["upright"] == list(card_knowledge("wands-two", "thoth", "en").upright.keywords)
    assert run(["cards", "--deck", "thoth"]) == 0
    assert "       Two of Wands — Dominion  (wands-two): dominion, " in capsys.readouterr().out


def test_the_console_script_runs_as_a_separate_process() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "runners", "read", "Q?", "--spread", "single", "--seed", "1"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    bad = subprocess.run(
        [sys.executable, "-m", "runners", "read", ""], capture_output=True, text=True, timeout=60
    )
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1


class _no_exit:
    value: object = None

    def __enter__(self) -> _no_exit:
        return self

    def __exit__(self, *exc: object) -> bool:
        return False


def test_version_and_usage(capsys: pytest.CaptureFixture[str]) -> None:
    from runners.cli import version

    with pytest.raises(SystemExit) as done:
        run(["--version"])
    assert done.value.code == 0 and capsys.readouterr().out == f"tarot {version()}\n"
    assert version()[0].isdigit()
    assert run([]) == 2  # no arguments: what tarot can do, on stderr
    err = capsys.readouterr().err
    assert err.startswith("usage: tarot [-h] [--version] COMMAND ...")
    for command in ("read", "chat", "web", "bot", "serve", "config", "migrate", "admin"):
        assert f"    {command} " in err


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


async def test_the_progress_line_gives_way_to_the_first_piece_and_pieces_show_as_they_come() -> None:
    from adapters.memory.randomness import SeededRandom
    from runners.local import TerminalStream
    from tarot_domain.model.cards import catalogue
    from tarot_domain.model.draw import draw_cards
    from tarot_domain.model.events import CardsDrawn, ReadingKind

    out, progress = FakeTerminal(), FakeTerminal()
    view = TerminalStream(out, progress, "en", "openai:m", question="Q?")
    cards = draw_cards(catalogue().ids, ["card"], SeededRandom(1), reversals=False)
    view.emit(CardsDrawn(ReadingKind.READING, "single", "rider-waite", "en", cards))
    assert progress.getvalue() == "Waiting for the reading from openai:m…"  # no newline: it is replaced
    header = "Single Card · Rider–Waite–Smith\n“Q?”\n\n  The Heart of the Matter: The Star (upright)\n\n"
    assert out.getvalue() == header  # the cards the moment they are drawn
    await view("The first ")
    assert progress.getvalue().endswith("\r\x1b[K") and out.getvalue().endswith("The first ")
    await view("words.")
    view.finish()
    assert out.getvalue().endswith("The first words.\n") and progress.getvalue().count("\r\x1b[K") == 1
