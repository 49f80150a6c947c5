"""schema.org JSON-LD and Open Referral say which area a service is for only when the council names
a place (format 1.3 `council: area`), never the council's name."""

from __future__ import annotations

from conftest import valid_services
from opencounter.jsonld import StructuredData
from opencounter.openreferral import OpenReferral


def test_no_area_is_claimed_when_the_council_names_none(write_catalogue):
    catalogue = write_catalogue(valid_services())
    [service] = catalogue.services
    assert "areaServed" not in StructuredData(catalogue, "https://www.testshire.example/").service(service)
    assert "service_areas" not in OpenReferral(catalogue, "https://www.testshire.example/").service(service)


def test_the_area_served_is_the_place_the_council_names(write_catalogue):
    catalogue = write_catalogue(valid_services().replace("  nation: england\n", "  nation: england\n  area: Testshire\n"))
    [service] = catalogue.services
    assert StructuredData(catalogue, "https://www.testshire.example/").service(service)["areaServed"] == \
        {"@type": "AdministrativeArea", "name": "Testshire"}
    [area] = OpenReferral(catalogue, "https://www.testshire.example/").service(service)["service_areas"]
    assert area["name"] == area["service_area"] == "Testshire"
