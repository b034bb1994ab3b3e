"""Former home of the user-facing strings; they live in the language packs now (`tarot_domain.content`).

Nothing is kept here: these names point at the one registry, for `adapters/telegram/dialog.py` until its
refactor imports `tarot_domain.content.registry` and `tarot_domain.model.errors.error_message` itself.
Then this module goes.
"""

from tarot_domain.content.registry import languages, translate
from tarot_domain.model.errors import error_message

__all__ = ["error_message", "languages", "translate"]
