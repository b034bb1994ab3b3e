"""The production clock and randomness, from the standard library: what every serving process uses for
real time and for draws nobody can predict. Tests and `tarot read --seed` use `adapters.memory`'s
`ManualClock` and `SeededRandom` instead."""

from adapters.system.clock import SystemClock
from adapters.system.randomness import SecretsRandom

__all__ = ["SecretsRandom", "SystemClock"]
