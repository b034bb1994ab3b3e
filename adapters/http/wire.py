"""The API's JSON, in and out: the private cattrs converter and the checks that make a client's mistake
a list of named fields.

Reading is strict: a string is a string (no `5` → `"5"`), a boolean a boolean, an integer an integer
(no `true`, no `1.0`), and a field the body class does not have is a mistake worth naming. After the
types, each field's `Spec` (lengths, pattern, range, choices, list sizes) is checked, and every problem
found is reported at once, each with its path (`answers.1`) and a message key from the language packs.

Bodies are parsed with limits first (`parse_json`): a size the caller gives, and a nesting depth
measured on the raw bytes before any parser runs, so a hostile `[[[[…` can never reach a recursive
decoder.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any, TypeVar

import attrs
import cattrs
from attrs import frozen
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from adapters.http.spec import Choices, Spec, count, fields_of, spec_of
from tarot_domain.model.errors import TarotError

T = TypeVar("T")
MAX_DEPTH = 32  # our bodies nest three levels; Stripe's events about ten


@frozen
class FieldError:
    """One field's problem: where (`body`, `query`, `header`, `path`), which (`answers.1`), the message
    key naming the problem and its parameters (for the translated text)."""

    location: str
    field: str
    message_key: str
    params: Mapping[str, Any] = attrs.Factory(dict)


class InvalidBody(Exception):
    """The body, a query or a header is not what the operation takes; `errors` names each field."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(f"{e.location}:{e.field}: {e.message_key}" for e in errors))
        self.errors = errors


class BodyTooDeep(Exception):
    def __init__(self, limit: int) -> None:
        super().__init__(f"nested deeper than {limit} levels")
        self.limit = limit


class NotJson(Exception):
    """The body is not JSON (or not UTF-8)."""


# ------------------------------------------------------------------ parsing with limits

_STRINGS = re.compile(rb'"(?:[^"\\]|\\.)*"', re.S)
_BRACKETS = re.compile(rb"[\[\]{}]")


def nesting_depth(raw: bytes, stop_at: int) -> int:
    """How deeply arrays and objects nest in the JSON text `raw` (strings skipped), counted without a
    parser; stops counting past `stop_at`."""
    depth = deepest = 0
    for match in _BRACKETS.finditer(_STRINGS.sub(b'""', raw)):
        if match.group() in (b"[", b"{"):
            depth += 1
            deepest = max(deepest, depth)
            if deepest > stop_at:
                return deepest
        else:
            depth -= 1
    return deepest


def parse_json(raw: bytes, max_depth: int = MAX_DEPTH) -> Any:
    """The JSON value in `raw`; NotJson or BodyTooDeep."""
    if nesting_depth(raw, max_depth) > max_depth:
        raise BodyTooDeep(max_depth)
    try:
        return json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise NotJson() from None


# ------------------------------------------------------------------ the converter


def _strict(kind: type[Any], expected: str) -> Any:
    def structure(value: Any, _: type) -> Any:
        # bool is an int in Python; JSON keeps them apart, and so do we
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise _WrongType(expected)
        return value

    return structure


class _WrongType(TypeError):
    def __init__(self, expected: str) -> None:
        super().__init__(expected)
        self.expected = expected


def _converter() -> cattrs.Converter:
    def strict(converter: cattrs.Converter) -> cattrs.Converter:
        converter.register_structure_hook(str, _strict(str, "string"))
        converter.register_structure_hook(int, _strict(int, "integer"))
        converter.register_structure_hook(bool, _strict(bool, "boolean"))
        converter.register_unstructure_hook(datetime, lambda moment: moment.isoformat())
        return converter

    elements = strict(cattrs.Converter(forbid_extra_keys=True, detailed_validation=True))
    converter = strict(cattrs.Converter(forbid_extra_keys=True, detailed_validation=True))

    def array_of(kind: Any) -> Any:
        inner = elements.get_structure_hook(kind)

        def structure(value: Any, _: type) -> Any:
            if not isinstance(value, list):  # cattrs would take any iterable, a string included
                raise _WrongType("array")
            return inner(value, kind)

        return structure

    converter.register_structure_hook_factory(
        lambda kind: getattr(kind, "__origin__", None) is tuple, array_of
    )
    return converter


_CONVERTER = _converter()


def unstructure(body: Any) -> Any:
    return _CONVERTER.unstructure(body)


def read(data: Any, cls: type[T], choices: Choices) -> T:
    """`data` (parsed JSON) as `cls`, or InvalidBody naming every field that is wrong."""
    if not isinstance(data, dict):
        raise InvalidBody([FieldError("body", "", "api.field.expected_object")])
    try:
        body = _CONVERTER.structure(data, cls)
    except ClassValidationError as group:
        raise InvalidBody(list(_errors(group, ()))) from None
    problems = list(check(body, choices))
    if problems:
        raise InvalidBody(problems)
    return body


def _errors(error: BaseException, path: tuple[str, ...]) -> Iterator[FieldError]:
    here = path
    for note in getattr(error, "__notes__", ()):
        if isinstance(note, AttributeValidationNote):
            here = (*path, note.name)
        elif isinstance(note, IterableValidationNote):
            here = (*path, str(note.index))
    if isinstance(error, ForbiddenExtraKeysError):
        for name in sorted(error.extra_fields):
            yield FieldError("body", ".".join((*here, name)), "api.field.unknown")
    elif isinstance(error, ClassValidationError | IterableValidationError):
        for inner in error.exceptions:
            yield from _errors(inner, here)
    elif isinstance(error, KeyError):
        yield FieldError("body", ".".join(here), "api.field.required")
    elif isinstance(error, _WrongType):
        yield FieldError("body", ".".join(here), f"api.field.expected_{error.expected}")
    else:
        yield FieldError("body", ".".join(here), "api.field.invalid")


# ------------------------------------------------------------------ what the types cannot say


def check(body: Any, choices: Choices) -> Iterator[FieldError]:
    for field in fields_of(type(body)):
        value = getattr(body, field.name)
        if value is not None:
            yield from check_value("body", field.name, value, spec_of(field), choices)


def check_value(location: str, name: str, value: Any, spec: Spec, choices: Choices) -> Iterator[FieldError]:
    """The problems of one value against its Spec (nothing for a value that satisfies it)."""
    if isinstance(value, str):
        yield from _check_text(location, name, value, spec, choices)
    elif isinstance(value, int) and not isinstance(value, bool):
        low, high = spec.minimum, spec.maximum
        if (low is not None and value < low) or (high is not None and value > high):
            key = "api.field.range" if low is not None and high is not None else "api.field.minimum"
            if low is None:
                key = "api.field.maximum"
            yield FieldError(location, name, key, _range(low, high))
    elif isinstance(value, tuple | list):
        limit = count(spec.max_items)
        if limit is not None and len(value) > limit:
            yield FieldError(location, name, "api.field.max_items", {"limit": limit})
        for index, item in enumerate(value):
            if spec.item is not None:
                yield from check_value(location, f"{name}.{index}", item, spec.item, choices)
    elif attrs.has(type(value)):
        for inner in check(value, choices):
            yield attrs.evolve(inner, location=location, field=f"{name}.{inner.field}")


def _check_text(location: str, name: str, value: str, spec: Spec, choices: Choices) -> Iterator[FieldError]:
    if spec.choices is not None:
        allowed = choices[spec.choices]
        if value not in allowed:
            yield FieldError(location, name, "api.field.choice", {"choices": ", ".join(allowed)})
        return
    low, high = spec.min_length or 0, spec.max_length
    if len(value) < low or (high is not None and len(value) > high):
        key = "api.field.length" if high is not None else "api.field.min_length"
        yield FieldError(location, name, key, {"low": low, "high": high or 0})
    elif spec.domain is not None:
        try:
            spec.domain(value)
        except TarotError as error:
            yield FieldError(location, name, error.message_key, error.params)
    elif spec.pattern is not None and not re.search(spec.pattern, value):
        yield FieldError(location, name, "api.field.pattern")


def _range(low: int | None, high: int | None) -> dict[str, int]:
    shown: dict[str, int] = {}
    if low is not None:
        shown["low"] = low
    if high is not None:
        shown["high"] = high
    return shown
