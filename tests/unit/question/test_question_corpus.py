"""The question analysis against the checked-in corpus (`tests/data/questions/<lang>.tsv`): several
hundred real-sounding questions per language, annotated by hand before the analyser was written (the last
60 of each after it was, as a held-out check). Failures print every miss."""

from __future__ import annotations

from functools import cache

import pytest
from question_corpus import Score, rows, score

from tarot_domain.content.schema import TOPICS
from tarot_domain.model.question import TIME_FRAMES, Shape

LANGUAGES = ("en", "uk")


@cache
def _scores(language: str) -> dict[str, Score]:
    return score(language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_corpus_is_large_and_covers_what_people_ask(language: str) -> None:
    found = rows(language)
    assert len(found) >= 300
    assert len({row.question for row in found}) == len(found), "a question is annotated twice"
    assert {row.shape for row in found} == {shape.value for shape in Shape}
    assert {row.topics[0] for row in found if row.topics} == set(TOPICS)
    assert {row.time_frame for row in found} - {None} == set(TIME_FRAMES)
    assert sum(1 for row in found if row.choice) >= 20
    kinds = {expected.kind for row in found for _, expected in row.subjects}
    assert kinds == {"person", "place", "thing"}
    assert sum(1 for row in found if not row.question[:1].isupper() or not row.question.endswith("?")) >= 30


THRESHOLDS = (
    ("shape", 0.95),
    ("topic", 0.90),  # the primary topic, where one is annotated
    ("person", 1.0),  # every annotated person found, with its relation
    ("time frame", 0.95),
    ("choice", 0.95),
    ("place", 0.9),
    ("thing", 0.9),
    ("no topic", 0.8),  # where none is annotated, none is invented
)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("field", "at_least"), THRESHOLDS, ids=[field for field, _ in THRESHOLDS])
def test_accuracy_over_the_corpus(language: str, field: str, at_least: float) -> None:
    result = _scores(language)[field]
    misses = "\n".join(result.misses)
    assert result.rate >= at_least, f"{language} {field}: {result.hits}/{result.total}\n{misses}"
