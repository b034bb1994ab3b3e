"""Tarot de Marseille: names and non-pictorial readings of its own tradition, by group of cards."""
