"""The tarot domain: cards, decks, spreads, draws, the credit ledger, products and reading use cases.

Pure Python: it imports the standard library, attrs and `tarot_ports` only. Everything that touches
the world (storage, the network, the clock, randomness) reaches it through a port.
"""
