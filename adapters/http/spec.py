"""What a body's fields may hold, said once: the converter checks it and the OpenAPI document prints it.

A body is an attrs class; each field's `api(...)` metadata adds what its type cannot say (lengths, a
pattern, a range, a list of choices, a description). Choices that depend on the running service (the
products on sale, the currencies) are named, and `Choices` supplies them when a request is checked or
the document is built, so the server and its description cannot drift apart.

`json_schema(cls, choices)` is the JSON Schema (2020-12, as OpenAPI 3.1 uses it) of a body class and of
every class it contains, each under its own name in `components/schemas`.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, Literal, Union, get_args, get_origin

import attrs
from attrs import frozen

Count = int | Callable[[], int]
Choices = Mapping[str, tuple[str, ...]]
"""Named choice lists: "spreads", "decks", "languages", "products", "currencies", "cards"…"""

SPEC_KEY = "api"


@frozen(kw_only=True)
class Spec:
    """Constraints beyond the type. `item` constrains each element of a list; `max_items` may be a
    function (a limit computed from the content, never at import time)."""

    description: str | None = None
    choices: str | None = None
    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None
    minimum: int | None = None
    maximum: int | None = None
    max_items: Count | None = None
    item: Spec | None = None
    format: str | None = None
    domain: Callable[[str], object] | None = None
    """The domain's own check of the text (it raises the domain's validation error): what every frontend
    applies; `pattern` then only describes it in the schema."""


def api(**constraints: Any) -> dict[str, Spec]:
    """Field metadata: `field(metadata=api(max_length=64, choices="decks"))`."""
    return {SPEC_KEY: Spec(**constraints)}


def spec_of(field: attrs.Attribute[Any]) -> Spec:
    found = field.metadata.get(SPEC_KEY)
    return found if isinstance(found, Spec) else Spec()


def count(value: Count | None) -> int | None:
    return value() if callable(value) else value


def fields_of(cls: type[Any]) -> tuple[attrs.Attribute[Any], ...]:
    attrs.resolve_types(cls)
    found: tuple[attrs.Attribute[Any], ...] = attrs.fields(cls)
    return found


def is_required(field: attrs.Attribute[Any]) -> bool:
    return field.default is attrs.NOTHING


# ------------------------------------------------------------------ JSON Schema


def json_schema(root: type[Any], choices: Choices, into: dict[str, Any]) -> dict[str, str]:
    """Put the schema of `root` (and of each class it holds) into `into` by class name; returns the
    reference to it."""
    name = root.__name__
    if name not in into:
        into[name] = {}  # reserved first, so a class that contains itself ends
        into[name] = _object(root, choices, into)
    return {"$ref": f"#/components/schemas/{name}"}


def _object(cls: type[Any], choices: Choices, into: dict[str, Any]) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in fields_of(cls):
        properties[field.name] = _schema(field.type, spec_of(field), choices, into)
        if is_required(field) or getattr(cls, "__api_output__", False):
            required.append(field.name)
    schema: dict[str, Any] = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        schema["required"] = required
    if cls.__doc__ and not cls.__doc__.startswith(f"{cls.__name__}("):
        schema["description"] = " ".join(cls.__doc__.split())
    return schema


def _schema(kind: Any, spec: Spec, choices: Choices, into: dict[str, Any]) -> dict[str, Any]:
    origin, args = get_origin(kind), get_args(kind)
    if origin in (Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        if len(inner) > 1:
            base = {"anyOf": [_schema(a, Spec(), choices, into) for a in inner], **_described(spec)}
        else:
            base = _schema(inner[0], spec, choices, into)
        if type(None) not in args:
            return base
        if "$ref" in base or "allOf" in base:
            return {"anyOf": [base, {"type": "null"}], **_described(spec)}
        return _nullable(base)
    schema: dict[str, Any]
    if kind is str:
        schema = {"type": "string"}
        if spec.choices is not None:
            schema["enum"] = list(choices[spec.choices])
        for key, value in (
            ("minLength", spec.min_length), ("maxLength", spec.max_length),
            ("pattern", spec.pattern), ("format", spec.format),
        ):  # fmt: skip
            if value is not None:
                schema[key] = value
    elif kind is bool:
        schema = {"type": "boolean"}
    elif kind is int:
        schema = {"type": "integer"}
        if spec.minimum is not None:
            schema["minimum"] = spec.minimum
        if spec.maximum is not None:
            schema["maximum"] = spec.maximum
    elif kind is datetime:
        schema = {"type": "string", "format": "date-time"}
    elif origin is Literal:
        values = list(args)
        schema = {"const": values[0]} if len(values) == 1 else {"enum": values}
    elif origin in (tuple, list):
        item = args[0]
        schema = {"type": "array", "items": _schema(item, spec.item or Spec(), choices, into)}
        limit = count(spec.max_items)
        if limit is not None:
            schema["maxItems"] = limit
    elif origin in (dict, Mapping, typing.Mapping):
        schema = {"type": "object", "additionalProperties": _schema(args[1], Spec(), choices, into)}
    elif attrs.has(kind):
        reference = json_schema(kind, choices, into)
        return {"allOf": [reference], **_described(spec)} if spec.description else reference
    else:  # pragma: no cover - a body class with a type this module does not know
        raise TypeError(f"no JSON Schema for {kind!r}")
    return {**schema, **_described(spec)}


def _described(spec: Spec) -> dict[str, str]:
    return {"description": spec.description} if spec.description else {}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    if "enum" in schema:
        schema = {**schema, "enum": [*schema["enum"], None]}
    if "const" in schema:
        return {"anyOf": [schema, {"type": "null"}]}
    kind = schema.get("type")
    if isinstance(kind, str):
        return {**schema, "type": [kind, "null"]}
    return {"anyOf": [schema, {"type": "null"}]}


def output(cls: type[Any]) -> type[Any]:
    """Marks a response body: every field is always present (None shows as null), so every field is
    required in its schema."""
    setattr(cls, "__api_output__", True)  # noqa: B010 - a marker attrs does not declare
    return cls
