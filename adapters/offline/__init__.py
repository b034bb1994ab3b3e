"""The offline interpreter: readings written from the card meanings, no network."""

from adapters.offline.interpreter import OfflineInterpreter

__all__ = ["OfflineInterpreter"]
