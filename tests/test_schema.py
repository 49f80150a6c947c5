"""The JSON Schemas agree with the loader, are up to date, and cover every field of the models."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import BUILD_DATE, FIXTURES, ROOT, SAMPLE
from opencounter.errors import CatalogueError
from opencounter.loading import load_catalogue
from opencounter import format as fmt
from opencounter import models
from opencounter.schema import render_all
from opencounter.yamlfile import MappingNode, ScalarNode, SequenceNode, read_yaml

SCHEMAS = ROOT / "schemas"

# Mistakes a schema cannot see; the loader reports them (tests/test_loading.py proves it).
LOADER_ONLY = {
    "welsh-line-missing": "which languages a field needs depends on council: languages, elsewhere in the file",
    "welsh-field-in-one-language": "which languages a field needs depends on council: languages, elsewhere in the file",
    "language-not-in-languages": "which languages a field may have depends on council: languages, elsewhere in the file",
    "welsh-list-item-in-one-language": "which languages an item needs depends on council: languages, elsewhere in the file",
    "tab-indent": "a tab is not YAML, so there is no data to check",
    "syntax-error": "the layout is broken, so there is no data to check",
    "unclosed-quote": "the layout is broken, so there is no data to check",
    "colon-in-value": "the layout is broken, so there is no data to check",
    "duplicate-key": "YAML data keeps one of the two keys",
    "standards-strategy-theme-name-with-a-colon": "the layout is broken, so there is no data to check",
    "standards-plan-theme-does-not-exist": "a schema cannot follow references",
    "standards-plan-heard-point-does-not-exist": "a schema cannot follow references",
    "standards-strategy-ends-before-it-begins": "a schema cannot compare dates",
    "standards-plan-action-due-before-the-strategy": "a schema cannot compare dates",
    "standards-measure-score-above-out-of": "a result's unit and top mark are the measure's, elsewhere in the file",
    "standards-measure-bare-number-for-minutes": "a result's unit is the measure's, elsewhere in the file",
    "repeated-section": "YAML data keeps one of the two sections",
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
    "office-instead-of-itself": "a schema cannot compare an id with another field",
    "office-instead-closed-too": "a schema cannot follow references",
    "standards-dangling-measure": "a schema cannot follow references",
    "standards-dangling-office": "a schema cannot follow references",
    "standards-review-before-adopted": "a schema cannot compare two dates",
    "standards-count-for-a-standard": "a count is a valid result for a measure; a schema cannot tell which one is meant",
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
    assert (SAMPLE / "services.yaml").read_text().startswith("# yaml-language-server: $schema=schemas/services.schema.json")
    assert (SAMPLE / "standards.yaml").read_text().startswith("# yaml-language-server: $schema=schemas/standards.schema.json")


@pytest.mark.parametrize("folder", [SAMPLE, FIXTURES / "contract", FIXTURES / "valid", FIXTURES / "bilingual",
                                    FIXTURES / "format-1-3"],
                         ids=["sample", "contract", "valid", "bilingual", "format-1-3"])
def test_valid_catalogues_pass_the_schemas(folder):
    for name in ("services", "standards"):
        errors = [e.message for e in validator(f"{name}.schema.json").iter_errors(as_data(folder / f"{name}.yaml"))]
        assert not errors, (folder, name, errors[:5])


INVALID = sorted((FIXTURES / "invalid").glob("*.yaml"))


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_catalogues_fail_the_schemas_too(path):
    name = "standards.schema.json" if path.name.startswith("standards-") else "services.schema.json"
    data = as_editor_reads(path) if path.exists() else None
    if path.stem in LOADER_ONLY:
        if data is not None:
            assert not list(validator(name).iter_errors(data)), f"{path.stem} is now caught: remove it from LOADER_ONLY"
        return
    assert list(validator(name).iter_errors(data)), f"the schema accepts {path.name}, which the loader rejects"


# Model attributes that are not fields of the format: worked out, or named differently.
DERIVED = {"Service": {"uses_council_contacts"}, "Catalogue": {"build_date", "language"}}
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


# ---------------------------------------------------------------- as VS Code reads the files (YAML 1.2)

_NULL = re.compile(r"~|null|Null|NULL|")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")


def as_editor_reads(path: Path):
    """The file as the YAML 1.2 core schema reads it, as VS Code's YAML language server does:
    `01632960000` is the number 1632960000, `2026-12-24` and `yes` are text, `owner:` is null."""

    def scalar(node: ScalarNode):
        if node.style:  # quoted, or a block: always text
            return node.value
        text = node.value
        if _NULL.fullmatch(text):
            return None
        if text in _BOOL:
            return _BOOL[text]
        if _INT.fullmatch(text):
            return int(text)
        if _FLOAT.fullmatch(text):
            return float(text)
        return text

    def convert(node):
        if isinstance(node, MappingNode):
            return {key.value: convert(value) for key, value in node.value if isinstance(key, ScalarNode)}
        if isinstance(node, SequenceNode):
            return [convert(item) for item in node.value]
        return scalar(node)

    root = read_yaml(path, path.name, [])
    return None if root is None else convert(root)


CATALOGUES = [SAMPLE, FIXTURES / "contract", FIXTURES / "valid", FIXTURES / "format-1-1"]


@pytest.mark.parametrize("folder", CATALOGUES, ids=["sample", "contract", "valid", "format-1-1"])
def test_valid_catalogues_pass_the_schemas_as_an_editor_reads_them(folder):
    for name in ("services", "standards"):
        data = as_editor_reads(folder / f"{name}.yaml")
        errors = [f"{list(e.path)}: {e.message}" for e in validator(f"{name}.schema.json").iter_errors(data)]
        assert not errors, (folder.name, name, errors[:5])


# Values the loader accepts, each put in the smallest catalogue in place of the value it replaces.
ACCEPTED = {
    "access": ("access: walk-in", ["access: Walk-in", "access: WALK-IN", "access: walk in", "access: Walk_In",
                                   "access: Appointment", "access: closed"]),
    "phone": ("number: 01632 960100", ["number: 01632960100", "number: '01632960100'", "number: 01632 960100 ext. 45",
                                       "number: +44 1632 960100", "number: (01632) 960100", "number: 01632 960100 x4505"]),
    "postcode": ("postcode: TE1 1AA", ["postcode: te1 1aa", "postcode: TE11AA", "postcode: ' TE1 1AA'"]),
    "owner": ("    offices: [testham]", ["    offices: [testham]\n    owner:", "    offices: [testham]\n    owner: ~",
                                          "    offices: [testham]\n    owner: yes", "    offices: [testham]\n    owner: 2026",
                                          "    offices: [testham]\n    reviewed: 2026-10-01",
                                          "    offices: [testham]\n    keywords:", "    offices: [testham]\n    status:"]),
    "id": ("  - id: letters", ["  - id: '2026'", "  - id: 2026", "  - id: letters-2"]),
}
ACCEPTED_STANDARDS = {
    "result": ("result: 86%", ["result: 86", "result: 86.5%", "result: 86 per cent", "result: 100%", "result: 0%"]),
    "channel": ("channel: phone", ["channel: Phone", "channel: webchat", "channel: text relay", "channel: SMS"]),
}


def _variants(table: dict, base: str):
    for field, (original, replacements) in table.items():
        for replacement in replacements:
            text = base.replace(original, replacement, 1)
            yield pytest.param(text, id=f"{field}: {replacement.strip()}")


SERVICES_TEXT = (FIXTURES / "valid" / "services.yaml").read_text()
STANDARDS_TEXT = (FIXTURES / "valid" / "standards.yaml").read_text()


def _agree(tmp_path, services: str, standards: str):
    """The loader accepts the catalogue, and so do both schemas as an editor reads the files."""
    (tmp_path / "services.yaml").write_text(services)
    (tmp_path / "standards.yaml").write_text(standards)
    load_catalogue(tmp_path / "services.yaml", tmp_path / "standards.yaml", BUILD_DATE)  # raises if it is refused
    for name in ("services", "standards"):
        data = as_editor_reads(tmp_path / f"{name}.yaml")
        errors = [f"{list(e.path)}: {e.message}" for e in validator(f"{name}.schema.json").iter_errors(data)]
        assert not errors, errors[:3]


@pytest.mark.parametrize("services", list(_variants(ACCEPTED, SERVICES_TEXT)))
def test_what_the_build_accepts_vs_code_does_not_underline(tmp_path, services):
    assert services != SERVICES_TEXT
    _agree(tmp_path, services, STANDARDS_TEXT)


@pytest.mark.parametrize("standards", list(_variants(ACCEPTED_STANDARDS, STANDARDS_TEXT)))
def test_what_the_build_accepts_in_standards_vs_code_does_not_underline(tmp_path, standards):
    assert standards != STANDARDS_TEXT
    _agree(tmp_path, SERVICES_TEXT, standards)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(choices=st.fixed_dictionaries({field: st.sampled_from(options) for field, (_, options) in ACCEPTED.items()}),
       standard=st.fixed_dictionaries({field: st.sampled_from(options) for field, (_, options) in ACCEPTED_STANDARDS.items()}))
def test_the_schemas_accept_any_mix_the_loader_accepts(tmp_path, choices, standard):
    """A property: whatever mix of accepted spellings a catalogue uses, the loader and the schemas agree."""
    services, standards = SERVICES_TEXT, STANDARDS_TEXT
    for field, replacement in choices.items():
        services = services.replace(ACCEPTED[field][0], replacement, 1)
    for field, replacement in standard.items():
        standards = standards.replace(ACCEPTED_STANDARDS[field][0], replacement, 1)
    _agree(tmp_path, services, standards)


@pytest.mark.parametrize("services, standards", [
    (SERVICES_TEXT.replace("access: walk-in", "access: walkin"), STANDARDS_TEXT),
    (SERVICES_TEXT.replace("postcode: TE1 1AA", "postcode: not known", 1), STANDARDS_TEXT),
    (SERVICES_TEXT, STANDARDS_TEXT.replace("result: 86%", "result: 120%")),
    (SERVICES_TEXT, STANDARDS_TEXT.replace("result: 86%", "result: 0.78")),
    (SERVICES_TEXT.replace("  - id: testham", "  - id: Testham"), STANDARDS_TEXT),
], ids=["choice", "postcode", "percent-over-100", "fraction", "id"])
def test_what_the_build_refuses_the_schemas_underline_too(tmp_path, services, standards):
    (tmp_path / "services.yaml").write_text(services)
    (tmp_path / "standards.yaml").write_text(standards)
    with pytest.raises(CatalogueError):
        load_catalogue(tmp_path / "services.yaml", tmp_path / "standards.yaml", BUILD_DATE)
    problems = [e for name in ("services", "standards")
                for e in validator(f"{name}.schema.json").iter_errors(as_editor_reads(tmp_path / f"{name}.yaml"))]
    assert problems


def test_the_format_1_3_standards_fields_are_in_the_schema(tmp_path):
    from test_format_1_3_standards import STANDARDS
    path = tmp_path / "standards.yaml"
    path.write_text(STANDARDS)
    assert not list(validator("standards.schema.json").iter_errors(as_editor_reads(path)))
    path.write_text(STANDARDS.replace("target: 60 seconds", "target: 80% within 60 seconds"))
    assert list(validator("standards.schema.json").iter_errors(as_editor_reads(path)))
