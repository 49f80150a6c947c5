"""The loader: valid catalogues load, and every kind of mistake is reported where it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import BUILD_DATE, FIXTURES, SAMPLE, valid_services
from opencounter.errors import CatalogueError
from opencounter.loading import load_catalogue

INVALID = sorted((FIXTURES / "invalid").glob("*.yaml"))


def _expectations(path: Path) -> list[tuple[int, int, str, str]]:
    found = []
    for line in path.read_text().splitlines():
        if not line.startswith("# expect:"):
            break
        position, message, hint = (part.strip() for part in line[len("# expect:"):].split("|"))
        row, column = position.split(":")
        found.append((int(row), int(column), message, hint))
    return found


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_each_mistake_is_reported_at_its_line_with_a_hint(path):
    standards_file = FIXTURES / ("bilingual" if path.name.startswith("welsh-") else "valid") / "standards.yaml"
    services, standards = ((FIXTURES / "valid" / "services.yaml", path) if path.name.startswith("standards-")
                           else (path, standards_file))
    expected = _expectations(path)
    assert expected, f"{path.name} needs '# expect: line:column | message | hint' on its first line"
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(services, standards, BUILD_DATE)
    got = [(p.line, p.column, p.message, p.hint) for p in caught.value.problems]
    assert got == expected
    label = "standards.yaml" if path.name.startswith("standards-") else "services.yaml"
    assert all(p.file == label for p in caught.value.problems)


def test_the_sample_council_loads():
    catalogue = load_catalogue(SAMPLE / "services.yaml", SAMPLE / "standards.yaml", BUILD_DATE)
    assert len(catalogue.services) >= 25
    assert len(catalogue.categories) >= 6
    assert {o.access for o in catalogue.offices} == {"walk-in", "appointment", "closed"}
    types = {c.type for c in catalogue.channels} | {c.type for s in catalogue.services for c in s.contact}
    assert types == {"phone", "email", "online", "post", "webchat", "social", "text-relay", "video-relay"}


def test_the_contract_example_loads_unchanged():
    catalogue = load_catalogue(FIXTURES / "contract" / "services.yaml", FIXTURES / "contract" / "standards.yaml",
                               BUILD_DATE)
    council_tax = catalogue.services[0]
    assert [c.id for c in council_tax.contact] == ["main-phone", "enquiries-email"]
    assert council_tax.offices[0].closures[0].reason == "Christmas and New Year"
    assert catalogue.performance[0].standard.id == "answer-calls"


def test_values_are_read_as_typed(write_catalogue):
    services = valid_services().replace("name: Customer services", "name: NO") \
        .replace("number: 01632 960100", "number: 01632960100") \
        .replace("Mon-Fri: 09:00-17:00", "Mon-Fri: 10:00 to 17:30") \
        .replace("    summary: Find out when your bins are collected.",
                 "    summary: Find out when your bins are collected.\n    owner: yes\n    keywords: [off, 0123]")
    catalogue = write_catalogue(services)
    phone = catalogue.channels[0]
    assert phone.name == "NO"
    assert phone.number.display == "01632 960100"
    from opencounter.present import presenter
    assert presenter("en").summary(catalogue.offices[0].opening_hours)[0] == ("Monday to Friday", "10am to 5:30pm")
    service = catalogue.services[0]
    assert service.owner == "yes"
    assert service.keywords == ("off", "0123")


def test_every_problem_is_reported_in_one_run(write_catalogue):
    services = valid_services().replace("access: walk-in", "access: walkin") \
        .replace("contact: [main-phone]", "contact: [main-phon]").replace("to: 2026-12-29", "to: 2026-13-01")
    with pytest.raises(CatalogueError) as caught:
        write_catalogue(services, "promises: [Be kind]\nstandards:\n  - promise: Reply fast\n    target: soon\n")
    messages = [p.message for p in caught.value.problems]
    assert len(messages) == 4
    assert caught.value.problems[-1].file == "standards.yaml"
    assert "Found 4 problems" in caught.value.report()


def test_a_missing_file_is_a_problem_not_a_crash(tmp_path):
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(tmp_path / "services.yaml", FIXTURES / "valid" / "standards.yaml", BUILD_DATE)
    assert "missing" in caught.value.problems[0].message


def test_an_inline_channel_needs_no_id_or_name(write_catalogue):
    services = valid_services().replace(
        "contact: [main-phone]", "contact:\n      - main-phone\n      - type: phone\n        number: 01632 960123")
    service = write_catalogue(services).services[0]
    assert [c.name for c in service.contact] == ["Customer services", "Phone"]
    assert service.contact[1].number.display == "01632 960123"


def test_a_service_without_contact_uses_the_councils_general_channels(write_catalogue):
    service = write_catalogue(valid_services().replace("    contact: [main-phone]\n", "")).services[0]
    assert service.uses_council_contacts
    assert [c.id for c in service.contact] == ["main-phone", "letters"]


def test_anchors_and_aliases_are_followed(write_catalogue):
    services = valid_services().replace("    opening_hours:\n      Monday to Friday: 9am to 5pm",
                                        "    opening_hours: &usual\n      Monday to Friday: 9am to 5pm") \
        .replace("    opening_hours:\n      Mon-Fri: 09:00-17:00", "    opening_hours: *usual")
    catalogue = write_catalogue(services)
    assert catalogue.offices[0].opening_hours == catalogue.channels[0].opening_hours


def test_a_file_that_is_a_list_is_reported(write_catalogue):
    with pytest.raises(CatalogueError) as caught:
        write_catalogue("- council\n- services\n")
    assert "should start with its sections" in caught.value.problems[0].message


def test_a_broken_services_file_does_not_turn_every_welsh_line_of_standards_into_a_problem(tmp_path):
    (tmp_path / "services.yaml").write_text('council:\n  name: "Glanafon\n')
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(tmp_path / "services.yaml", FIXTURES / "bilingual" / "standards.yaml", BUILD_DATE)
    assert [(p.file, p.message) for p in caught.value.problems] == [("services.yaml", "A quote is opened but never closed.")]


def test_a_broken_languages_line_is_one_problem_not_one_per_field(tmp_path):
    services = (FIXTURES / "bilingual" / "services.yaml").read_text().replace("languages: [en, cy]", "languages: [english, welsh]")
    (tmp_path / "services.yaml").write_text(services)
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(tmp_path / "services.yaml", FIXTURES / "bilingual" / "standards.yaml", BUILD_DATE)
    assert len(caught.value.problems) <= 2, [p.message for p in caught.value.problems]
    assert "languages" in caught.value.problems[0].where


# ---------------------------------------------------------------- zero-width joiners (issue 23)

@pytest.mark.parametrize("text, refused", [
    ("می\u200cخواهم", ""),  # Persian: "I want", spelt with a zero-width non-joiner
    ("ज़िन्दगी क्\u200dष", ""),  # Hindi: a joiner inside a word
    ("col\u200clected", "ZERO WIDTH NON-JOINER (U+200C)"),  # between Latin letters: it only hides
    ("\u200cمی", "ZERO WIDTH NON-JOINER (U+200C)"),  # at the start
    ("می \u200dخواهم", "ZERO WIDTH JOINER (U+200D)"),  # beside a space
    ("می\u200bخواهم", "ZERO WIDTH SPACE (U+200B)"),  # other invisible characters stay refused
])
def test_zero_width_joiners_are_allowed_inside_words_of_scripts_that_need_them_only(text, refused):
    from opencounter.fields import invisible_character
    assert invisible_character(text).endswith(refused) and bool(invisible_character(text)) == bool(refused)
