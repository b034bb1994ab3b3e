"""Structure: the language-neutral data every language shares.

- `roles`: what a spread position asks of its card (a closed set), and the aspect of card knowledge
  each role reads by default.
- `spreads`: spreads with their costs, positions (each with a role) and questionnaire items (each naming
  the position its answer informs).
- `decks`: deck ids and numbering schemes.
- `products`: credit packs and subscription tiers with their amounts and prices.

Words live in the language packs, keyed by the ids here; nothing in this package is text a user reads.
"""
