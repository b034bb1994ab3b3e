"""Randomness, as the domain sees it: `secrets` in production, seeded in tests."""

from __future__ import annotations

from typing import Protocol


class RandomSource(Protocol):
    def randbelow(self, n: int) -> int:
        """A uniformly random integer in [0, n); n ≥ 1."""
        ...

    def token(self, nbytes: int = 16) -> str:
        """A random hex string of `2 * nbytes` characters, for ids."""
        ...
