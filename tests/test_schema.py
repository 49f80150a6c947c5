"""The JSON Schemas agree with the loader, are up to date, and cover every field of the models."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import jsonschema
import pytest

from conftest import FIXTURES, ROOT
from opencounter import format as fmt
from opencounter import models
from opencounter.schema import render_all
from opencounter.yamlfile import MappingNode, ScalarNode, SequenceNode, read_yaml

SCHEMAS = ROOT / "schemas"

# Mistakes a schema cannot see; the loader reports them (tests/test_loading.py proves it).
LOADER_ONLY = {
    "tab-indent": "a tab is not YAML, so there is no data to check",
    "syntax-error": "the layout is broken, so there is no data to check",
    "unclosed-quote": "the layout is broken, so there is no data to check",
    "colon-in-value": "the layout is broken, so there is no data to check",
    "duplicate-key": "YAML data keeps one of the two keys",
    "duplicate-id": "a schema cannot compare items with each other",
    "dangling-channel": "a schema cannot follow references",
    "dangling-category": "a schema cannot follow references",
    "dangling-notice-target": "a schema cannot follow references",
    "standards-dangling-result": "a schema cannot follow references",
    "closure-ends-before-start": "a schema cannot compare two dates",
    "hours-day-twice": "a schema cannot see that two keys cover the same day",
    "hours-close-before-open": "a schema cannot compare two times",
    "bad-phone-number": "only the phone number plan knows which numbers exist",
    "key-not-text": "a key that is a list has no form in JSON data",
    "two-bank-holiday-lines": "a schema cannot see that two keys mean the same day",
}


def as_data(path: Path):
    """The file as YAML data, every value the text typed (as the loader reads it)."""
    root = read_yaml(path, path.name, [])

    def convert(node):
        if isinstance(node, MappingNode):
            return {key.value: convert(value) for key, value in node.value if isinstance(key, ScalarNode)}
        if isinstance(node, SequenceNode):
            return [convert(item) for item in node.value]
        return None if node.tag.endswith(":null") else node.value

    return None if root is None else convert(root)


def validator(name: str):
    schema = json.loads((SCHEMAS / name).read_text())
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_the_committed_schemas_are_up_to_date():
    for name, text in render_all().items():
        assert (SCHEMAS / name).read_text() == text, f"schemas/{name} is out of date: run 'make schemas'"


def test_the_catalogue_files_point_editors_at_the_schemas():
    assert (ROOT / "services.yaml").read_text().startswith("# yaml-language-server: $schema=schemas/services.schema.json")
    assert (ROOT / "standards.yaml").read_text().startswith("# yaml-language-server: $schema=schemas/standards.schema.json")


@pytest.mark.parametrize("folder", [ROOT, FIXTURES / "contract", FIXTURES / "valid"], ids=["sample", "contract", "valid"])
def test_valid_catalogues_pass_the_schemas(folder):
    for name in ("services", "standards"):
        errors = [e.message for e in validator(f"{name}.schema.json").iter_errors(as_data(folder / f"{name}.yaml"))]
        assert not errors, (folder, name, errors[:5])


INVALID = sorted((FIXTURES / "invalid").glob("*.yaml"))


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_catalogues_fail_the_schemas_too(path):
    name = "standards.schema.json" if path.name.startswith("standards-") else "services.schema.json"
    data = as_data(path)
    if path.stem in LOADER_ONLY:
        if data is not None:
            assert not list(validator(name).iter_errors(data)), f"{path.stem} is now caught: remove it from LOADER_ONLY"
        return
    assert list(validator(name).iter_errors(data)), f"the schema accepts {path.name}, which the loader rejects"


# Model attributes that are not fields of the format: worked out, or named differently.
DERIVED = {"Service": {"uses_council_contacts"}, "Catalogue": {"build_date"}}
RENAMED = {("Channel", "email"): "address", ("Closure", "start"): "from", ("Closure", "end"): "to",
           ("Notice", "start"): "from", ("Notice", "end"): "until", ("Catalogue", "performance"): "performance"}
PAIRS = [("Council", fmt.COUNCIL), ("Category", fmt.CATEGORY), ("Channel", fmt.channel_record(False)),
         ("Office", fmt.OFFICE), ("Closure", fmt.CLOSURE), ("Service", fmt.SERVICE), ("OnlineAction", fmt.ONLINE_ACTION),
         ("ServicePromise", fmt.SERVICE_PROMISE), ("Notice", fmt.NOTICE), ("Standard", fmt.STANDARD),
         ("Result", fmt.RESULT), ("Feedback", fmt.FEEDBACK), ("GlossaryTerm", fmt.GLOSSARY_TERM),
         ("Accessibility", fmt.ACCESSIBILITY)]


@pytest.mark.parametrize("model, record", PAIRS, ids=[m for m, _ in PAIRS])
def test_every_model_field_is_in_the_format_and_so_in_the_schema(model, record):
    attributes = {f.name for f in dataclasses.fields(getattr(models, model))} - DERIVED.get(model, set())
    as_fields = {RENAMED.get((model, a), a) for a in attributes}
    assert as_fields <= set(record.fields), f"{model} has {as_fields - set(record.fields)}, which the format lacks"
