"""The preposition «з»/«із»/«зі» chosen by the sounds after it (tarot_domain/model/euphony.py)."""

from __future__ import annotations

import pytest

from tarot_domain.model.euphony import euphonise


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("схиліть терези разом із **Світом**", "схиліть терези разом зі **Світом**"),
        ("разом з Світом", "разом зі Світом"),
        ("Із Сходу", "Зі Сходу"),
        ("брат з сестрою", "брат із сестрою"),  # between consonants
        ("Лицар з мечем", "Лицар із мечем"),
        ("стосунки з сестрою", "стосунки з сестрою"),  # after a vowel it stays as written
        ("того, з чим", "того, з чим"),  # and after a pause
        ("вона з мамою", "вона з мамою"),
        ("із батьком", "із батьком"),
        ("«ми з Світланою»", "«ми з Світланою»"),  # the querent's own words are never touched
        ("зі Світом", "зі Світом"),
    ],
)
def test_with_is_said_as_the_next_sounds_ask(written: str, said: str) -> None:
    assert euphonise(written) == said
