"""Randomness from `secrets` (the RandomSource port): production draws and ids nobody can predict."""

from __future__ import annotations

import secrets


class SecretsRandom:
    def randbelow(self, n: int) -> int:
        return secrets.randbelow(n)

    def token(self, nbytes: int = 16) -> str:
        return secrets.token_hex(nbytes)
