"""The content version: a short hash over the structure, the language-neutral tables and every pack.

Caches whose entries depend on content (the LLM reading cache now, the spread picture cache later)
put it in their keys with `versioned(key)`, so a changed text, name or position is never served from an
entry written before the change. It is computed once per process, on first use, from the data itself
(not from files): every public upper-case value of every module under `structure/`, of each pack (card
knowledge, deck traditions and pair texts included) and of the data modules beside them (`polarity`,
`pairs`), encoded canonically (sets sorted, enums by value), so it is the same in every process and on
every machine that ships the same content.
"""

from __future__ import annotations

import datetime
import enum
import hashlib
import importlib
import json
import pkgutil
from collections.abc import Iterator, Mapping
from functools import cache
from types import ModuleType
from typing import Any

import attrs

from tarot_domain.content import registry

VERSION_CHARS = 16


@cache
def content_version() -> str:
    """16 hex digits of sha256 over all content (see the module docstring)."""
    digest = hashlib.sha256()
    for module in _content_modules():
        digest.update(module.__name__.encode("utf-8") + b"\x00")
        data = {
            name: _canonical(value) for name, value in sorted(vars(module).items()) if _is_data(name, value)
        }
        digest.update(
            json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
        )
    return digest.hexdigest()[:VERSION_CHARS]


def versioned(key: str) -> str:
    """`key` made specific to this content version (`openai:reading:…@content:1a2b…`)."""
    return f"{key}@content:{content_version()}"


CODE_MODULES: frozenset[str] = frozenset(
    {"keys", "phrasing", "plural", "prompting", "registry", "schema", "shapes", "style", "version"}
)
"""The modules of `tarot_domain.content` that are code; every other module there is content (the polarity
table, the pairs, and whatever data module comes next) and is hashed."""


def _content_modules() -> Iterator[ModuleType]:
    root = importlib.import_module(registry.PACKAGE)
    data = sorted(
        info.name
        for info in pkgutil.iter_modules(root.__path__)
        if not info.ispkg and info.name not in CODE_MODULES
    )
    for name in data:
        yield importlib.import_module(f"{registry.PACKAGE}.{name}")
    packages = [f"{registry.PACKAGE}.structure"] + [
        f"{registry.PACKAGE}.{code}" for code in registry.languages()
    ]
    for name in packages:
        package = importlib.import_module(name)
        yield package
        found = pkgutil.walk_packages(package.__path__, prefix=f"{name}.")
        for info in sorted(found, key=lambda item: item.name):
            yield importlib.import_module(info.name)


def _is_data(name: str, value: object) -> bool:
    return name.isupper() and not isinstance(value, (type, ModuleType)) and not callable(value)


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _canonical(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, enum.Enum):
        return ["enum", type(value).__name__, _canonical(value.value)]
    if isinstance(value, datetime.date):
        return ["date", value.isoformat()]
    if attrs.has(type(value)):
        fields = attrs.fields(type(value))
        return ["attrs", type(value).__name__, {f.name: _canonical(getattr(value, f.name)) for f in fields}]
    if isinstance(value, Mapping):
        return ["map", sorted(([_canonical(k), _canonical(v)] for k, v in value.items()), key=_dump)]
    if isinstance(value, (set, frozenset)):
        return ["set", sorted((_canonical(item) for item in value), key=_dump)]
    if isinstance(value, (tuple, list)):
        return [_canonical(item) for item in value]
    raise TypeError(f"content holds a {type(value).__name__}, which has no canonical form")
