"""Thoth (Crowley–Harris): names and readings of its own tradition, one module per group of cards."""
