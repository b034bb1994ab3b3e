"""Deck traditions: what Thoth and Marseille name and read differently."""
