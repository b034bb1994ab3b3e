"""The flat keys pack texts are known by, built from structure ids (`spread:three:position:past:name`).

Packs are written as nested data (`SpreadText` with its positions); the registry flattens them under these
keys, so one lookup, one fallback rule and one completeness check serve every kind of text. They are
colon-separated so they can never meet a message's dotted key (`deck.menu` is a message; `deck:thoth:name`
is the Thoth deck's name).
"""

from __future__ import annotations


def spread_name(spread_id: str) -> str:
    return f"spread:{spread_id}:name"


def spread_description(spread_id: str) -> str:
    return f"spread:{spread_id}:description"


def position_name(spread_id: str, position_id: str) -> str:
    return f"spread:{spread_id}:position:{position_id}:name"


def position_meaning(spread_id: str, position_id: str) -> str:
    return f"spread:{spread_id}:position:{position_id}:meaning"


def question_prompt(spread_id: str, item_id: str) -> str:
    return f"spread:{spread_id}:question:{item_id}:prompt"


def question_hint(spread_id: str, item_id: str) -> str:
    return f"spread:{spread_id}:question:{item_id}:hint"


def product_name(product_id: str) -> str:
    return f"product:{product_id}:name"


def deck_name(deck_id: str) -> str:
    return f"deck:{deck_id}:name"


def deck_description(deck_id: str) -> str:
    return f"deck:{deck_id}:description"


def deck_suit(deck_id: str, suit: str) -> str:
    return f"deck:{deck_id}:suit:{suit}"


def count(phrase: str) -> str:
    """A counted phrase (`{n:credits}` in a template reads `count:credits`)."""
    return f"count:{phrase}"
