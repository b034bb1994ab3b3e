"""Ukrainian (українська): the first market's language; the formal «ви» throughout."""

from tarot_domain.content.shapes import About

ABOUT = About(
    name="Українська",
    english_name="Ukrainian",
    in_language="українською мовою",
    plural={  # CLDR plurals.xml, Ukrainian (`other` is fractions: «1,5 кредиту»)
        "one": "v = 0 and i % 10 = 1 and i % 100 != 11",
        "few": "v = 0 and i % 10 = 2..4 and i % 100 != 12..14",
        "many": "v = 0 and i % 10 = 0 or v = 0 and i % 10 = 5..9 or v = 0 and i % 100 = 11..14",
    },
)
