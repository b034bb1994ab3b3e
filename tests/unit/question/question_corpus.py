"""The checked-in corpus of questions (`tests/data/questions/<lang>.tsv`) and how it is scored.

Columns: question, shape, topics (comma-separated, primary first; empty when none is clear), time frame
(empty for none), subjects (`text=kind` or `text=kind:relation`, `|`-separated), choice (`a | b`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from attrs import frozen

from tarot_domain.model.question import QuestionAnalysis, analyse

CORPUS = Path(__file__).resolve().parents[2] / "data" / "questions"


@frozen
class Expected:
    kind: str
    relation: str | None


@frozen
class Row:
    line: int
    question: str
    shape: str
    topics: tuple[str, ...]
    time_frame: str | None
    subjects: tuple[tuple[str, Expected], ...]
    choice: tuple[str, str] | None


def rows(language: str) -> list[Row]:
    found: list[Row] = []
    lines = (CORPUS / f"{language}.tsv").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        question, shape, topics, frame, subjects, choice = line.split("\t")
        parsed: list[tuple[str, Expected]] = []
        for item in filter(None, subjects.split("|")):
            text, _, rest = item.rpartition("=")
            kind, _, relation = rest.partition(":")
            parsed.append((text, Expected(kind, relation or None)))
        options = tuple(part.strip() for part in choice.split(" | ")) if choice else None
        found.append(
            Row(
                number,
                question,
                shape,
                tuple(filter(None, topics.split(","))),
                frame or None,
                tuple(parsed),
                (options[0], options[1]) if options else None,
            )
        )
    return found


def _same(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


def person_found(text: str, expected: Expected, analysis: QuestionAnalysis) -> bool:
    return any(
        s.kind == "person" and _same(s.text, text) and s.relation == expected.relation
        for s in analysis.subjects
    )


def other_found(text: str, expected: Expected, analysis: QuestionAnalysis) -> bool:
    return any(s.kind == expected.kind and _same(s.text, text) for s in analysis.subjects)


@frozen
class Score:
    """Hits and misses of one field over the corpus."""

    hits: int
    total: int
    misses: tuple[str, ...]

    @property
    def rate(self) -> float:
        return self.hits / self.total if self.total else 1.0


def score(language: str) -> dict[str, Score]:
    tallies: dict[str, list[int]] = {}
    misses: dict[str, list[str]] = {}

    def tally(field: str, ok: bool, row: Row, got: object, wanted: object) -> None:
        counts = tallies.setdefault(field, [0, 0])
        counts[0] += ok
        counts[1] += 1
        if not ok:
            misses.setdefault(field, []).append(
                f"{language}:{row.line} {row.question!r}: got {got!r}, want {wanted!r}"
            )

    for row, analysis in analysed(language):
        tally("shape", analysis.shape.value == row.shape, row, analysis.shape.value, row.shape)
        if row.topics:
            got = analysis.topics[0] if analysis.topics else None
            tally("topic", got == row.topics[0], row, analysis.topics, row.topics)
        else:
            tally("no topic", not analysis.topics, row, analysis.topics, ())
        tally("time frame", analysis.time_frame == row.time_frame, row, analysis.time_frame, row.time_frame)
        for text, expected in row.subjects:
            subjects = [(s.text, s.kind, s.relation) for s in analysis.subjects]
            if expected.kind == "person":
                tally(
                    "person", person_found(text, expected, analysis), row, subjects, (text, expected.relation)
                )
            else:
                tally(expected.kind, other_found(text, expected, analysis), row, subjects, text)
        tally("choice", analysis.choice == row.choice, row, analysis.choice, row.choice)
    return {field: Score(h, t, tuple(misses.get(field, ()))) for field, (h, t) in tallies.items()}


def analysed(language: str) -> Iterator[tuple[Row, QuestionAnalysis]]:
    for row in rows(language):
        yield row, analyse(row.question, language)
