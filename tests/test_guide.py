"""The editors' guide documents every field of the format: a new field without a line there fails."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from opencounter import format as fmt

GUIDE = ROOT / "docs" / "editors-guide.md"

SECTIONS = {
    "`services.yaml`": fmt.SERVICES_FILE, "`council`": fmt.COUNCIL, "`categories`": fmt.CATEGORY,
    "`channels`": fmt.channel_record(inline=False), "`offices`": fmt.OFFICE, "`closures`": fmt.CLOSURE,
    "`services`": fmt.SERVICE, "`online`": fmt.ONLINE_ACTION, "`standards` (in a service)": fmt.SERVICE_PROMISE,
    "`notices`": fmt.NOTICE, "`accessibility`": fmt.ACCESSIBILITY, "`standards.yaml`": fmt.STANDARDS_FILE,
    "`standards`": fmt.STANDARD, "`feedback`": fmt.FEEDBACK, "`performance`": fmt.RESULT, "`glossary`": fmt.GLOSSARY_TERM,
    "`measures`": fmt.MEASURE, "`strategy`": fmt.STRATEGY, "`themes`": fmt.THEME, "`heard`": fmt.HEARD,
    "`points` (in heard)": fmt.HEARD_POINT, "`plan`": fmt.PLAN, "`actions`": fmt.ACTION,
}


def documented_fields() -> dict[str, list[tuple[str, str]]]:
    reference = GUIDE.read_text().split("\n## Every field", 1)[1].split("\n## ", 1)[0]
    found: dict[str, list[tuple[str, str]]] = {}
    for block in reference.split("\n### ")[1:]:
        heading, _, body = block.partition("\n")
        found[heading.strip()] = re.findall(r"^\|\s*`([a-z_]+)`\s*\|\s*([^|]+?)\s*\|", body, re.M)
    return found


def test_the_guide_has_a_section_for_every_record():
    assert set(documented_fields()) == set(SECTIONS)


@pytest.mark.parametrize("heading", SECTIONS)
def test_every_field_is_documented_with_whether_it_is_required(heading):
    rows = dict(documented_fields()[heading])
    record = SECTIONS[heading]
    assert set(rows) == set(record.fields), f"{heading}: undocumented {set(record.fields) - set(rows)}, " \
                                            f"not in the format {set(rows) - set(record.fields)}"
    for name, spec in record.fields.items():
        answer = rows[name].lower()
        # A field optional in general may be needed by one type of channel: "Yes for phone ...".
        allowed = ("yes",) if spec.required else ("no", "yes for")
        assert answer.startswith(allowed), (heading, name, rows[name])
