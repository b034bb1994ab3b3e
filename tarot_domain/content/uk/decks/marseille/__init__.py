"""Tarot de Marseille: names and non-pictorial readings of its own tradition, one module per group of cards."""
