"""English: the reference pack (complete by definition) and every other pack's fallback."""

from tarot_domain.content.shapes import About

ABOUT = About(
    name="English",
    english_name="English",
    plural={"one": "i = 1 and v = 0"},  # CLDR plurals.xml, English
)
