"""dependency-injector's `containers` and `providers`, imported without its optional integrations.

When PyYAML, pydantic (and pydantic-settings) or Flask/werkzeug are installed, and the test extras
install all of them, dependency-injector imports them at once for `Configuration.from_yaml`,
`from_pydantic` and wiring Flask's proxies. We use none of these, and they are a fifth of what
`tarot read` imports. So the first import of dependency-injector happens here, with those packages
looking absent for its duration; dependency-injector handles an absent integration itself (the method
that needs it says so when called). Anything that imports them later, or already had, gets them as
usual: nothing is hidden when it is already loaded, and nothing after this module's import.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib.abc import MetaPathFinder
from importlib.machinery import ModuleSpec
from types import ModuleType

UNUSED_INTEGRATIONS = ("yaml", "pydantic", "pydantic_settings", "pydantic_core", "flask", "werkzeug")


class _Absent(MetaPathFinder):
    def __init__(self, names: frozenset[str]) -> None:
        self._names = names

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname.partition(".")[0] in self._names:
            raise ModuleNotFoundError(f"No module named {fullname!r}", name=fullname)
        return None


@contextmanager
def _absent(names: Sequence[str]) -> Iterator[None]:
    hidden = frozenset(name for name in names if name not in sys.modules)
    finder = _Absent(hidden)
    sys.meta_path.insert(0, finder)
    try:
        yield
    finally:
        sys.meta_path.remove(finder)


if "dependency_injector.providers" in sys.modules:  # imported elsewhere first: nothing to spare
    from dependency_injector import containers, providers
else:
    with _absent(UNUSED_INTEGRATIONS):
        from dependency_injector import containers, providers

__all__ = ["containers", "providers"]
