"""A seeded random source for repeatable draws (`tarot read --seed`, tests); production draws use
`adapters.system.SecretsRandom`."""

from __future__ import annotations

import random


class SeededRandom:
    """Repeatable: the same seed gives the same sequence (for `tarot read --seed` and tests)."""

    def __init__(self, seed: int) -> None:
        self._rng = random.Random(seed)

    def randbelow(self, n: int) -> int:
        if n <= 0:
            raise ValueError("n must be positive")
        return self._rng.randrange(n)

    def token(self, nbytes: int = 16) -> str:
        return self._rng.randbytes(nbytes).hex()
