"""JSON Schemas for services.yaml and standards.yaml, generated from the same field table as the loader.

Editors such as VS Code (with the YAML extension) read them to autocomplete keys and underline
mistakes while typing. The loader stays the judge: a schema cannot see references, overlaps in
opening hours, or whether a phone number really exists.

    PYTHONPATH=hooks python -m opencounter.schema schemas/    (or: make schemas)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from . import format as fmt
from .channels import CHANNEL_TYPES
from .values import MAX_ID_LENGTH, MAX_URL_LENGTH
from .fields import (LANGUAGE_NAMES, Checked, Choice, Kind, Lines, ListOf, Localised, Markdown, Number, OpeningHoursKind,
                     Record, Ref, Text, Words)

def any_case(pattern: str) -> str:
    """A pattern that ignores case without the (?i) flag, which JavaScript (VS Code) does not know."""
    out, in_class, escaped = [], False, False
    for char in pattern:
        if escaped:
            out.append(char)
            escaped = False
        elif char == "\\":
            out.append(char)
            escaped = True
        elif char == "[" and not in_class:
            in_class = True
            out.append(char)
        elif char == "]" and in_class:
            in_class = False
            out.append(char)
        elif char.isalpha() and char.isascii():
            pair = char.lower() + char.upper()
            out.append(pair if in_class else f"[{pair}]")
        else:
            out.append(char)
    return "".join(out)


# Editors read YAML 1.2, where 54.6 is a number, 01632960000 is the number 1632960000, 2026-12-24 and yes
# are strings: every text field takes any scalar, and a value the loader reads as text is never refused
# for the type YAML 1.2 gives it.
# Invisible and direction-changing characters are errors in the loader: the editor underlines them too.
VISIBLE = "^[^\\u00ad\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u2064\\u2066-\\u206f\\ufeff\\ufff9-\\ufffb]*$"
SCALAR = {"type": ["string", "number", "integer", "boolean"], "pattern": VISIBLE}
ID_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"
ID = {"type": ["string", "integer"], "pattern": ID_PATTERN, "maxLength": MAX_ID_LENGTH}
DAY = "(mon|monday|tue|tues|tuesday|wed|weds|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday)s?\\.?"
DAY_KEY = any_case(f"^\\s*(({DAY})(\\s*(to|-|–|—|until|through|,|&|and)\\s*({DAY}))*|weekdays|weekends?|every day|daily|"
           "all week|bank holidays?|bank and public holidays|public holidays)\\s*$")
TIME = "(midday|noon|12 ?noon|midnight|(1[0-2]|0?[1-9])([:.][0-5][0-9])? ?[ap]\\.?m\\.?|([01]?[0-9]|2[0-4])[:.][0-5][0-9])"
RANGE = f"{TIME}\\s*(to|until|till|-|–|—)\\s*{TIME}"
HOURS_VALUE = any_case(f"^\\s*(closed|shut|not open|24 hours|open 24 hours|24 hours a day|24/7|all day|by appointment|"
               f"by appointment only|appointments? only|open as usual|as usual|usual hours|normal hours|open|"
               f"{RANGE}(\\s*(and|,|;|&)\\s*{RANGE})*)\\.?\\s*$")


EXTENSION = any_case("(\\s*,?\\s*(ext(ension)?\\.?|x)\\s*[0-9]{1,6})?")
# Without a % sign, 0.78 is a fraction, which the loader refuses: only whole numbers or numbers above 1.
PERCENT = any_case("^\\s*((100(\\.0+)?|[0-9]{1,2}(\\.[0-9]+)?)\\s*(%|per ?cent)|100(\\.0+)?|[1-9][0-9]?(\\.[0-9]+)?|0)\\s*$")

CHECKED = {
    "id": ID,
    "date": {"type": "string", "pattern": "^\\d{4}-\\d{1,2}-\\d{1,2}$", "format": "date"},
    "url": {"type": "string", "pattern": "^https?://[^\\s/\"'<>`@]+\\.[^\\s\"'<>`{}|\\\\^]+$", "maxLength": MAX_URL_LENGTH},
    "https-url": {"type": "string", "pattern": "^https://[^\\s/\"'<>`@]+\\.[^\\s\"'<>`{}|\\\\^]+$",
                  "maxLength": MAX_URL_LENGTH},
    "email": {"type": "string", "pattern": "^[^@\\s]+@[^@\\s]+\\.[a-zA-Z]{2,}$"},
    "phone": {"type": ["string", "integer"],
              "pattern": "^\\s*((\\+44\\s*(\\(0\\))?|\\(?0)[0-9 ().-]{6,}|[0-9]{3,6})" + EXTENSION + "\\s*$"},
    "postcode": {"type": "string", "pattern": any_case("^\\s*([a-z]{1,2}[0-9][a-z0-9]?\\s*[0-9][a-z]{2}|gir\\s*0aa)\\s*$")},
    "date-or-month": {"type": "string", "pattern": "^\\d{4}-\\d{1,2}(-\\d{1,2})?$"},
    "target": {"type": "string", "pattern": any_case("^\\s*(\\d+ (seconds?|minutes?|hours?|days?|working days?)|next working day|"
                                                     "same (working )?day)\\s*$")},
    "percent": {"anyOf": [{"type": "string", "pattern": PERCENT}, {"type": "integer", "minimum": 0, "maximum": 100},
                          {"type": "number", "minimum": 1, "maximum": 100}]},
    "working-days": {"type": ["string", "integer"], "pattern": any_case("^\\s*\\d{1,3}(\\s+(working\\s+)?days?)?\\s*$"),
                     "minimum": 1, "maximum": 365},
    # Format 1.3: a figure in a measure's unit (78%, 1,204, 2:30, 2 minutes 30 seconds, 4.2): the loader reads it by the unit.
    "figure-in-unit": {"type": ["string", "number", "integer"], "pattern": VISIBLE},
    "out-of": {"type": ["string", "number", "integer"], "pattern": "^\\s*\\d+(\\.\\d+)?\\s*$", "exclusiveMinimum": 0},
    "figure": {"anyOf": [{"type": "string", "pattern": PERCENT}, {"type": "string", "pattern": "^\\s*\\d{1,3}(,\\d{3})+(\\.\\d+)?\\s*$"},
                         {"type": "integer", "minimum": 0}, {"type": "number", "minimum": 1}]},
}


def kind_schema(kind: Kind) -> dict:
    """The JSON Schema for one kind of value."""
    if isinstance(kind, Localised):
        # Format 1.2: the value, or one line per language (en:, cy:); a list may also go item by item.
        by_language = {"type": "object", "minProperties": 1, "additionalProperties": False,
                       "properties": {code: kind_schema(kind.inner) for code in LANGUAGE_NAMES}}
        plain = kind_schema(kind.inner)
        if kind.items:
            item = kind.inner.item if isinstance(kind.inner, ListOf) else Text()
            array = {"type": "array", "items": kind_schema(Localised(item))}
            if isinstance(kind.inner, ListOf) and kind.inner.min_items or isinstance(kind.inner, Lines):
                array["minItems"] = 1
            plain = {"anyOf": [plain, array]}
        return {"anyOf": [plain, by_language]}
    if isinstance(kind, Record):
        return record_schema(kind)
    if isinstance(kind, ListOf):
        array = {"type": "array", "items": kind_schema(kind.item)}
        if kind.min_items:
            array["minItems"] = kind.min_items
        return {"anyOf": [array, kind_schema(kind.item)]} if kind.single else array
    if isinstance(kind, OpeningHoursKind):
        return {"type": "object", "description": "Days or ranges of days, each with its hours.",
                "propertyNames": {"pattern": DAY_KEY},
                "additionalProperties": {"type": "string", "pattern": HOURS_VALUE}}
    if isinstance(kind, Choice):
        # The loader forgives case, spaces and underscores (Walk-in, walk_in): so does the schema;
        # the enum is there for completion.
        forgiving = "|".join("[-_\\s]+".join(option.split("-")) for option in kind.options)
        return {"anyOf": [{"enum": list(kind.options)}, {"type": "string", "pattern": any_case(f"^\\s*({forgiving})\\s*$")}]}
    if isinstance(kind, Checked):
        return dict(CHECKED[kind.name])
    if isinstance(kind, Ref):
        return dict(ID)
    if isinstance(kind, Number):
        return {"type": ["number", "string"], "pattern": "^-?\\d+(\\.\\d+)?$", "minimum": kind.low, "maximum": kind.high}
    if isinstance(kind, Lines):
        return {"anyOf": [SCALAR, {"type": "array", "items": SCALAR, "minItems": 1}]}
    if isinstance(kind, Words):
        return {"anyOf": [SCALAR, {"type": "array", "items": SCALAR}]}
    if isinstance(kind, fmt.ContactItem):
        return {"anyOf": [dict(ID), record_schema(kind.inline)]}
    if isinstance(kind, (Text, Markdown)):
        return dict(SCALAR)
    raise TypeError(f"No schema for {type(kind).__name__}: add it to opencounter/schema.py")


def record_schema(record: Record) -> dict:
    schema: dict = {
        "type": "object", "additionalProperties": False,
        "properties": {name: {**(kind_schema(f.kind) if f.required else _or_empty(kind_schema(f.kind))),
                              **({"description": f.doc} if f.doc else {})}
                       for name, f in record.fields.items()},
    }
    required = [name for name, f in record.fields.items() if f.required]
    if required:
        schema["required"] = required
    if record.noun == "a channel":
        # The loader reads a channel's number by its type; here, a UK number with an optional relay prefix.
        phone = CHECKED["phone"]["pattern"].replace("^\\s*(", "^\\s*(1800[12]\\s*)?(", 1)
        schema["properties"]["number"] = {**schema["properties"]["number"], "type": ["string", "integer", "null"],
                                          "pattern": phone}
        schema["allOf"] = [{"if": {"properties": {"type": {"const": name}}, "required": ["type"]},
                            "then": {"required": list(spec.needs)}}
                           for name, spec in CHANNEL_TYPES.items() if spec.needs]
        schema["allOf"] += [{"if": {"properties": {"type": {"const": name}}, "required": ["type"]},
                             "then": {"anyOf": [{"required": [field]} for field in spec.needs_one_of]}}
                            for name, spec in CHANNEL_TYPES.items() if spec.needs_one_of]
        schema["allOf"] += [{"if": {"properties": {"type": {"const": name}}, "required": ["type"]},
                             "then": {"properties": {"number": {"pattern": "^\\s*1800[12]"}}}}
                            for name, spec in CHANNEL_TYPES.items() if spec.relay]
    if record.noun == "a performance result":
        schema["oneOf"] = [{"required": ["standard"]}, {"required": ["measure"]}]
        # A standard's result is a percentage; a measure's is in the measure's unit (format 1.3), which the
        # loader reads once it knows the measure.
        schema["allOf"] = [{"if": {"required": ["standard"]},
                            "then": {"properties": {"result": dict(CHECKED["figure"])}}}]
    if record.noun == "a measure":
        # Format 1.3: a top mark is for scores only, and a score needs one; a date for the target needs a target.
        schema["dependentRequired"] = {"by": ["target"], "baseline_period": ["baseline"], "out_of": ["unit"]}
        schema["allOf"] = [{"if": {"properties": {"unit": {"const": "score"}}, "required": ["unit"]},
                            "then": {"required": ["out_of"]}},
                           {"if": {"required": ["out_of"]}, "then": {"properties": {"unit": {"const": "score"}}}}]
    if record.noun == "an office":
        schema["dependentRequired"] = {"latitude": ["longitude"], "longitude": ["latitude"]}
    return schema


def _or_empty(schema: dict) -> dict:
    """An optional field may be left empty (`owner:` with nothing after it): YAML reads that as null."""
    if isinstance(schema.get("type"), (str, list)) and "anyOf" not in schema and "enum" not in schema:
        types = [schema["type"]] if isinstance(schema["type"], str) else list(schema["type"])
        return {**schema, "type": types + ["null"]}
    return {"anyOf": [schema, {"type": "null"}]}


def file_schema(record: Record, title: str, name: str) -> dict:
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"https://open-counter.example/schemas/{name}", "title": title,
            "description": "Generated from hooks/opencounter/format.py by 'make schemas'. Do not edit by hand.",
            **record_schema(record)}


SCHEMAS = {
    "services.schema.json": (fmt.SERVICES_FILE, "services.yaml: the council's services, channels and offices"),
    "standards.schema.json": (fmt.STANDARDS_FILE, "standards.yaml: customer service standards"),
}


def render_all() -> dict[str, str]:
    return {name: json.dumps(file_schema(record, title, name), indent=2, ensure_ascii=False) + "\n"
            for name, (record, title) in SCHEMAS.items()}


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "schemas")
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in render_all().items():
        (folder / name).write_text(text, encoding="utf-8")
        print(folder / name)
