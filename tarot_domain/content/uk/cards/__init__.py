"""Card knowledge for the canonical (Rider–Waite–Smith) names and meanings, one module per group of cards."""
