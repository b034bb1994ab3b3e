"""Reading the Prometheus text format back the way Prometheus does (prometheus-client's own parser),
so tests assert samples by name and labels, not by how a line happens to be laid out."""

from __future__ import annotations

from prometheus_client.parser import text_string_to_metric_families


def samples(text: str) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    """Every sample of `text`, by (name, labels); the parser rejects anything not in the format."""
    found: dict[tuple[str, frozenset[tuple[str, str]]], float] = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            key = (sample.name, frozenset(sample.labels.items()))
            assert key not in found, f"{key} appears twice"
            found[key] = sample.value
    return found


def sample_value(text: str, name: str, **labels: str) -> float | None:
    """The value of one sample, or None when the exposition has no such series."""
    return samples(text).get((name, frozenset(labels.items())))


def sample_names(text: str) -> set[str]:
    return {name for name, _ in samples(text)}
