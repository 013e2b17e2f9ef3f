"""A JSON Schema for decision_tree/*.yaml, generated from the model so it never drifts from it.

Editors' IDEs (VS Code with the YAML extension, JetBrains) read it through the
`# yaml-language-server: $schema=schema.json` line at the top of each file: they autocomplete
keys and flag mistakes while typing. `python -m build_tools check` remains the authority.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import types
import typing
from typing import Any, Literal, Union

from build_tools.tree.model import (LANGUAGES, MAX_SLUG, SLUG, Line, LineText, ParagraphText, Ref, Slug,
                                    Text, TreeFile, field_types, kind_of, required_keys)
from build_tools.tree.text_rules import MAX_LINE, MAX_TEXT

SCHEMA_ID = "https://douyin-help.github.io/schema/decision-tree.json"
# No line break but around the text (the checker trims it): as the checker's one-line rule.
_ONE_LINE = r"^\s*[^\n]*\s*$"


def json_schema() -> dict[str, Any]:
    definitions: dict[str, Any] = {}
    root = _schema_for(TreeFile, definitions)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID,
            "title": "Douyin order help centre: decision tree file", **root,
            "$defs": dict(sorted(definitions.items()))}


def schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


def _schema_for(typ: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(typ)
    if origin in (Union, types.UnionType):
        options = [t for t in typing.get_args(typ) if t is not type(None)]
        if len(options) == 1:
            return _schema_for(options[0], definitions)
        return {"oneOf": [_schema_for(cls, definitions) for cls in kind_of(tuple(options)).values()]}
    if origin is tuple:
        return {"type": "array", "items": _schema_for(typing.get_args(typ)[0], definitions)}
    if origin is Literal:
        return {"enum": list(typing.get_args(typ))}
    if typ in (Ref, Slug):
        return {"type": "string", "pattern": SLUG.pattern, "maxLength": MAX_SLUG}
    if typ is Line:
        return {"type": "string", "minLength": 1, "maxLength": MAX_LINE}
    if typ is datetime.date:
        return {"type": "string", "format": "date"}
    if typ is str:
        return {"type": "string", "pattern": "^https://"}
    if typ in (Text, LineText, ParagraphText):
        return _text_schema(typ, definitions)
    return _record_schema(typ, definitions)


def _text_schema(typ: type, definitions: dict[str, Any]) -> dict[str, Any]:
    limit = MAX_LINE if typ is LineText else MAX_TEXT
    one_line = {"pattern": _ONE_LINE} if typ in (LineText, ParagraphText) else {}
    definitions[typ.__name__] = {
        "type": "object", "additionalProperties": False, "required": list(LANGUAGES),
        "properties": {lang: {"type": "string", "minLength": 1, "maxLength": limit, **one_line,
                              "description": field.metadata["doc"]}
                       for lang, field in zip(LANGUAGES, dataclasses.fields(Text))},
    }
    return {"$ref": f"#/$defs/{typ.__name__}"}


def _record_schema(cls: type, definitions: dict[str, Any]) -> dict[str, Any]:
    name = cls.__name__
    if name not in definitions:
        definitions[name] = {}  # placeholder: records may refer to each other
        docs = {f.name: f.metadata for f in dataclasses.fields(cls)}
        properties = {}
        for key, typ in field_types(cls).items():
            schema = _schema_for(typ, definitions)
            if "min_items" in docs[key] or (key in required_keys(cls) and schema.get("type") == "array"):
                schema = {**schema, "minItems": docs[key].get("min_items", 1)}
            properties[key] = {**schema, "description": docs[key].get("doc", "")}
        definitions[name] = {"type": "object", "additionalProperties": False,
                             "required": required_keys(cls), "properties": properties}
        if cls.__doc__:
            definitions[name]["description"] = cls.__doc__.strip().splitlines()[0]
    return {"$ref": f"#/$defs/{name}"}
